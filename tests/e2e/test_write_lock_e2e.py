"""Write commands within Discord's three seconds while another process holds SQLite's write lock.

The real bot against fake Discord, and a second connection to the bot's database file holding
``BEGIN IMMEDIATE`` (as a reload in a second bot process or a long import does). `/fact add`,
`/fact edit`, `/fact remove`, a 👍 and `/kb teach` each say "thinking" privately at once, and
the result takes its place once the lock is let go; a write still locked out when the store
stops waiting says so in one sentence and changes nothing.
"""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path

import pytest

from bot.exts import _in_time
from bot.store.sqlite import store as sqlite_store
from tests.sqlite_lock import sqlite_write_lock_held

from .fake_discord import FakeDiscordServer, FakeInteraction, RecordedRequest
from .harness import RunningBot, World
from .test_bot_e2e import add_fact, ask, embed, is_ephemeral, message_of

pytestmark = pytest.mark.acknowledges_slow_writes

WEBHOOK = r"/webhooks/\d+/{token}"


async def thinking_at_once(server: FakeDiscordServer, interaction: FakeInteraction) -> None:
    """The interaction's first answer is a private "thinking", within Discord's three seconds
    of the bot's own work (CPU seconds of this process: bot, fake Discord and test)."""
    started = time.process_time()
    callback = await server.wait_for_callback(interaction)
    assert time.process_time() - started < 2
    assert callback.json["type"] == 5, callback.json
    assert is_ephemeral(callback.json["data"])


async def result_of(server: FakeDiscordServer, interaction: FakeInteraction) -> RecordedRequest:
    """The follow-up that takes the place of an interaction's "thinking"."""
    return await server.wait_for_request(
        method="POST", path=WEBHOOK.format(token=re.escape(interaction.token))
    )


def told(followup: RecordedRequest) -> str:
    """What a private follow-up says: its text, or its error embed's sentence."""
    assert is_ephemeral(followup.json)
    return str(followup.json.get("content") or embed(followup.json)["description"])


async def test_writes_wait_for_another_process_and_answer_in_time(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """With the lock held, each write command says "thinking" at once and nothing is written
    yet; once the lock is let go, each result is edited in and each write is made."""
    answer = await ask(server, world.bob, "why was the ambassador recalled", world.guild)
    edited = await add_fact(server, world.alice, world.guild)
    removed = await add_fact(
        server, world.alice, world.guild, "The Ganja tram depot reopened after repairs."
    )
    database = newsdesk.settings.database
    assert isinstance(database, Path)
    with sqlite_write_lock_held(database) as release:
        sent = [
            await server.send_slash_command(
                "fact add",
                {"answer": "The Lankaran ferry runs twice a week from May."},
                world.alice,
                guild_id=world.guild,
            ),
            await server.send_slash_command(
                "fact edit",
                {"fact_id": edited, "tags": "books, baku"},
                world.alice,
                guild_id=world.guild,
            ),
            await server.send_slash_command(
                "fact remove", {"fact_id": removed}, world.alice, guild_id=world.guild
            ),
            await server.send_component(
                "vote:up:ambassador-recalled", message_of(answer), world.alice
            ),
            await server.send_slash_command(
                "kb teach",
                {"question": "what is all the fuss about", "fact": "crisis-overview"},
                world.mod,
                guild_id=world.guild,
            ),
        ]
        for interaction in sent:
            await thinking_at_once(server, interaction)
        assert newsdesk.kb.taught_questions("crisis-overview") == ()
        assert newsdesk.kb.matcher.get(removed) is not None
        release.set()
        said = [told(await result_of(server, interaction)) for interaction in sent]
    assert said[0].startswith("Added fact `")
    assert said[1] == f"Updated fact `{edited}`."
    assert said[2] == f"Removed fact `{removed}`."
    assert said[3] == "Thanks for the feedback!"
    assert "`crisis-overview`" in said[4]
    assert newsdesk.kb.taught_questions("crisis-overview") == ("what is all the fuss about",)
    assert newsdesk.kb.matcher.get(removed) is None
    assert "baku" in (await newsdesk.kb.store.get_fact(edited) or pytest.fail()).tags
    stats = await newsdesk.kb.stats(guild_id=world.guild.id)
    assert stats.feedback_up == 1


@pytest.fixture
def store_waits_briefly(monkeypatch: pytest.MonkeyPatch) -> None:
    """The store gives up on a locked database after 2.5 s (10 s in service): past the
    moment the bot says "thinking", and short enough for a test."""
    monkeypatch.setattr(sqlite_store, "BUSY_TIMEOUT_MS", 2500)
    assert _in_time.ACKNOWLEDGE_AFTER < 2.5


async def test_a_write_locked_out_too_long_says_so_and_changes_nothing(
    store_waits_briefly: None,
    server: FakeDiscordServer,
    world: World,
    newsdesk: RunningBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The lock is held past the store's wait: "thinking" at once, then one plain sentence
    (never "database is locked"), and no fact was added."""
    before = {f.id for f in await newsdesk.kb.store.all_facts()}
    database = newsdesk.settings.database
    assert isinstance(database, Path)
    with sqlite_write_lock_held(database):
        interaction = await server.send_slash_command(
            "fact add",
            {"answer": "The Sheki silk festival moved to September."},
            world.alice,
            guild_id=world.guild,
        )
        await thinking_at_once(server, interaction)
        said = told(await asyncio.wait_for(result_of(server, interaction), 30))
    assert said.startswith("The fact could not be saved"), said
    assert "nothing was changed" in said and "locked" not in said
    assert said.count(". ") == 0 and said.endswith(".")  # one sentence
    assert {f.id for f in await newsdesk.kb.store.all_facts()} == before
    assert all("Sheki" not in f.answer for f in newsdesk.kb.matcher.facts())
    caplog.clear()  # "database write failed" was the point; the fixture checks for any other
