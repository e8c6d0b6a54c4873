"""The running bot makes what `/latest` and time-only questions read as soon as knowledge is
loaded: at start and after `/kb reload`, before any member asks (the real bot against fake
Discord)."""

from __future__ import annotations

import asyncio

from .fake_discord import FakeDiscordServer
from .harness import RunningBot, World
from .test_bot_e2e import reload_reply


async def made(newsdesk: RunningBot) -> bool:
    """Whether the served index's timeline gets made within 30 s (looked at every 20 ms)."""
    for _ in range(1500):
        if newsdesk.kb.matcher.timeline_made:
            return True
        await asyncio.sleep(0.02)
    return False


async def test_made_at_start_and_after_a_reload_before_anyone_asks(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    assert await made(newsdesk)
    started_with = newsdesk.kb.matcher
    # New synonyms: every fact is read again into an index of its own.
    synonyms = newsdesk.knowledge_dir / "synonyms.yaml"
    text = synonyms.read_text(encoding="utf-8")
    synonyms.write_text(text + "  - [tram, streetcar]\n", encoding="utf-8")
    await reload_reply(server, world.mod, world.guild)
    assert await made(newsdesk)
    # The reload serves an index of its own: it, too, was made without a read.
    assert newsdesk.kb.matcher is not started_with
