"""Fixtures for end-to-end tests of the real newsdesk bot against the fake Discord server.

``server`` (fake Discord, discord.py pointed at it), ``world`` (two guilds: a plain member, a
moderator by role, a Manage-Server member, a member of the second guild only) and ``newsdesk``
(the running bot, its knowledge base and settings). Tests change settings with
``@pytest.mark.bot_settings({...})``: a nested mapping merged into the defaults, or a function
of the ``World`` returning one (for settings naming the fake's ids).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.exts import _in_time

from .fake_discord import FakeDiscordServer
from .harness import RunningBot, World, build_world, fake_discord, make_settings, running_bot


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "bot_settings(overrides): nested settings (or world -> settings) for the e2e bot"
    )
    config.addinivalue_line(
        "markers",
        'acknowledges_slow_writes: the write commands say "thinking" after the bot\'s own 1 s',
    )


@pytest.fixture(autouse=True)
def writes_answer_in_one_reply(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write command answers in one reply unless it waits over ``ACKNOWLEDGE_AFTER``; on a
    loaded CI machine an ordinary write can pass 1 s, and a test of what the write says would
    then read "thinking" instead. Tests of that deferral itself (marked) keep the bot's own
    threshold."""
    if request.node.get_closest_marker("acknowledges_slow_writes") is None:
        monkeypatch.setattr(_in_time, "ACKNOWLEDGE_AFTER", 30.0)


@pytest.fixture
async def server() -> AsyncIterator[FakeDiscordServer]:
    async with fake_discord("newsdesk") as fake:
        yield fake


@pytest.fixture
def world(server: FakeDiscordServer) -> World:
    return build_world(server)


@pytest.fixture
async def newsdesk(
    server: FakeDiscordServer,
    world: World,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    caplog: pytest.LogCaptureFixture,
) -> AsyncIterator[RunningBot]:
    """The real bot, connected and ready; closed (bot, then database) after the test."""
    marker = request.node.get_closest_marker("bot_settings")
    overrides = marker.args[0] if marker else None
    if callable(overrides):
        overrides = overrides(world)
    guild_ids = (world.guild.id, world.other_guild.id)
    settings = make_settings(tmp_path, guild_ids, overrides)
    async with running_bot(settings) as running:
        yield running
    assert running.bot.is_closed()
    problems = server.unknown_requests + server.fake_errors
    assert not problems, [str(r) for r in problems]
    # caplog.records holds only the current phase (teardown): look at the test's own too.
    records = [*caplog.get_records("setup"), *caplog.get_records("call"), *caplog.records]
    errors = [f"{r.name}: {r.getMessage()}" for r in records if r.levelno >= logging.ERROR]
    assert not errors, errors
