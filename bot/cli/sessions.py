"""The sessions ``run`` and ``chat`` start: the console chat, and the Discord bot when a token
is set (Discord imported only then).
"""

from __future__ import annotations

import asyncio
import logging
import sys

from pydantic import SecretStr

from bot.config import DatabaseUrl, Settings
from bot.core.startup import StartMode

from .setup import Setup

log = logging.getLogger("bot")


def console_session(setup: Setup, start: StartMode | None, *, intro: str = "") -> int:
    """The console chat, on the main thread so that line editing and Ctrl-C work; each
    command runs on an event loop kept for the whole session. ``start``: None for ``run``
    (the bot's start, which stores knowledge/), a reading mode for ``chat``."""
    from bot.cli.console import chat
    from bot.composition import open_knowledge_base

    settings = setup.settings
    with asyncio.Runner() as runner:
        kb = runner.run(open_knowledge_base(settings, start))
        try:
            print(f"{intro}{setup.describe()}", flush=True)
            if start is not None and kb.start_notice:
                print(kb.start_notice, file=sys.stderr, flush=True)
            database = settings.database
            # Beside the database: one history per fact base, in a folder known to be writable
            # (a server's database has no folder here: the history lasts for the session).
            history = (
                None
                if isinstance(database, DatabaseUrl) or str(database) == ":memory:"
                else database.with_suffix(".history")
            )
            return chat(kb, runner, history_file=history)
        finally:
            runner.run(kb.close())


async def discord_session(settings: Settings, token: SecretStr) -> int:
    """The Discord bot on the knowledge base the settings name (imported only with a token)."""
    from bot.app import run_discord
    from bot.composition import open_knowledge_base

    kb = await open_knowledge_base(settings)
    try:
        return await run_discord(kb, settings, token)
    finally:
        await kb.close()
        log.info("database closed; bye")


def no_token_intro(settings: Settings) -> str:
    where = "" if isinstance(settings.database, DatabaseUrl) else "local "
    return (
        f"No DISCORD_TOKEN is set, so newsdesk starts as a console chat on the {where}"
        f"database ({settings.database}).\n"
        "To connect to Discord, create a bot in the Discord developer portal and run:\n"
        "  DISCORD_TOKEN=... make run\n"
        "(see 'Run on Discord' in README.md).\n\n"
    )
