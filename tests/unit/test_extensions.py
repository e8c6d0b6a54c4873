"""The Discord glue's structure, without a network: every extension loads into one bot, command
names do not clash, moderator commands carry their checks, feed loops stop with their cog, and
the discord.py internals the bot wraps are still where it expects them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import discord
import discord.state
import pytest
from discord import app_commands

import bot.exts
from bot.app import EXTENSIONS, NewsdeskBot
from bot.composition import open_knowledge_base_at
from bot.config import DiscordSettings, FeedSettings, Settings
from bot.core.service import KnowledgeBase, StartMode
from bot.exts._context import is_moderator_here, manages_shared_knowledge_here

# Commands that change the knowledge every server is answered from (not just one server's).
SHARED_KNOWLEDGE_COMMANDS = {"kb reload", "kb drafts", "kb ingest"}


def _settings(directory: Path) -> Settings:
    knowledge = directory / "knowledge"
    knowledge.mkdir(exist_ok=True)
    return Settings(
        knowledge_dir=knowledge,
        database=directory / "newsdesk.db",
        discord=DiscordSettings(home_guilds=(1,)),
        # Never polled here: a feed loop waits for a ready bot, and this one never connects.
        feeds=[FeedSettings(url="http://127.0.0.1:9/feed.rss", interval_minutes=60)],
    )


@pytest.fixture
async def kb(tmp_path: Path) -> AsyncIterator[KnowledgeBase]:
    settings = _settings(tmp_path)
    knowledge_base = await open_knowledge_base_at(
        settings.database, settings.knowledge_dir, start=StartMode.SERVE_STORED
    )
    try:
        yield knowledge_base
    finally:
        await knowledge_base.close()


@pytest.fixture
async def loaded_bot(kb: KnowledgeBase, tmp_path: Path) -> AsyncIterator[NewsdeskBot]:
    """A bot with every extension loaded, never connected to Discord (closing it unloads them)."""
    async with NewsdeskBot(kb, _settings(tmp_path)) as newsdesk:
        for extension in EXTENSIONS:
            await newsdesk.load_extension(extension)
        yield newsdesk


def test_every_feature_module_is_an_extension_with_a_setup() -> None:
    """No feature module is silently missing from Discord: each is listed and can be set up."""
    modules = {
        f"bot.exts.{info.name}"
        for info in pkgutil.iter_modules(bot.exts.__path__)
        if not info.name.startswith("_")
    }
    assert modules == set(EXTENSIONS)
    for extension in EXTENSIONS:
        setup = getattr(importlib.import_module(extension), "setup", None)
        assert inspect.iscoroutinefunction(setup), extension


async def test_all_extensions_load_together_without_name_clashes(loaded_bot: NewsdeskBot) -> None:
    """Every extension loads into one bot, and no two commands answer to the same name."""
    slash = [
        (command.qualified_name, type(command).__name__)
        for command in loaded_bot.tree.walk_commands()
    ]
    assert slash and not [name for name, count in Counter(slash).items() if count > 1]
    text = [
        name for command in loaded_bot.walk_commands() for name in (command.name, *command.aliases)
    ]
    assert text and not [name for name, count in Counter(text).items() if count > 1]
    assert {"ask", "fact add", "kb reload"} <= {name for name, _ in slash}


async def test_every_moderator_command_checks_who_is_asking(loaded_bot: NewsdeskBot) -> None:
    """No /kb command is open to plain members, and those that change every server's answers
    are for the home server's moderators only."""
    group = loaded_bot.tree.get_command("kb")
    assert isinstance(group, app_commands.Group)
    for command in group.walk_commands():
        assert isinstance(command, app_commands.Command)
        checks: list[Any] = list(command.checks)
        if command.qualified_name in SHARED_KNOWLEDGE_COMMANDS:
            assert checks == [manages_shared_knowledge_here], command.qualified_name
        else:
            assert checks == [is_moderator_here], command.qualified_name


async def test_feed_loops_start_with_the_cog_and_stop_with_it(loaded_bot: NewsdeskBot) -> None:
    """Each watched feed gets its own polling loop, and unloading the feature stops it."""
    watcher: Any = loaded_bot.get_cog("FeedWatcher")
    loops = list(watcher.loops)
    assert len(loops) == len(loaded_bot.settings.feeds) == 1
    assert all(loop.is_running() for loop in loops)
    await loaded_bot.unload_extension("bot.exts.feeds")
    assert watcher.loops == []
    assert not any(loop.is_running() for loop in loops)


async def test_an_interaction_delivered_twice_is_parsed_once(
    kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A replayed interaction is not acted on twice: discord.py still parses every interaction
    in the place the bot wraps (``ConnectionState.parse_interaction_create``, reached through
    ``ConnectionState.parsers``). If an upgrade moves it, this fails; the end-to-end test
    ``test_interaction_delivered_twice_is_handled_once`` covers the way from the gateway."""
    parsed: list[int] = []

    def record(state: discord.state.ConnectionState[Any], data: Any) -> None:
        parsed.append(int(data["id"]))

    monkeypatch.setattr(discord.state.ConnectionState, "parse_interaction_create", record)
    async with NewsdeskBot(kb, _settings(tmp_path)) as newsdesk:
        parse = newsdesk._connection.parsers["INTERACTION_CREATE"]
        assert getattr(parse, "__wrapped__", None) == newsdesk._connection.parse_interaction_create
        for interaction_id in ("11", "11", "12", "11"):
            parse({"id": interaction_id, "type": 2})
    assert parsed == [11, 12]
