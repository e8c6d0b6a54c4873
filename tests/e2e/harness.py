"""Start the real newsdesk bot against ``FakeDiscordServer``; shared by the e2e tests and the bench.

``build_world`` creates the guilds and people, ``make_settings`` a ``Settings`` on a temporary
database and a temporary copy of ``knowledge/``, ``point_discord_at`` redirects discord.py to
the fake, and ``running_bot`` opens the knowledge base, starts the bot, waits until it is ready
and closes both cleanly on the way out.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import shutil
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
import discord.gateway
import discord.http

from bot.app import NewsdeskBot, make_bot
from bot.composition import open_knowledge_base
from bot.config import Cooldown, DiscordSettings, Settings
from bot.core.service import KnowledgeBase

from .fake_discord import (
    DEFAULT_EVERYONE_PERMISSIONS,
    READY_SECONDS,
    FakeChannel,
    FakeDiscordServer,
    FakeGuild,
    FakeUser,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
TEST_DATA = Path(__file__).resolve().parents[1] / "data"
# The frozen seed knowledge, not the live knowledge/ that moderators change every day.
SEED_KNOWLEDGE = TEST_DATA / "knowledge"
MANAGE_GUILD = 1 << 5
MESSAGES_PATH = r"/channels/\d+/messages"
CALLBACK_PATH = r"/interactions/\d+/[^/]+/callback"


@dataclass
class World:
    """Two newsrooms and the people in them."""

    server: FakeDiscordServer
    guild: FakeGuild
    """"Newsroom": #general and #offtopic."""
    other_guild: FakeGuild
    """"Other Newsroom": #general; alice and carol are members."""
    alice: FakeUser
    """A plain member of both guilds."""
    bob: FakeUser
    """Another plain member of the first guild."""
    mod: FakeUser
    """Has the "Moderator" role in the first guild."""
    boss: FakeUser
    """Has a role with the Manage Server permission (no "Moderator" role)."""
    carol: FakeUser
    """A plain member of the second guild only."""

    @property
    def general(self) -> FakeChannel:
        return self.guild.text_channel

    @property
    def offtopic(self) -> FakeChannel:
        return self.guild.channel("offtopic")


def build_world(server: FakeDiscordServer) -> World:
    """Guilds, roles and members; call before the bot connects."""
    guild = server.add_guild("Newsroom", channels=("general", "offtopic"))
    other = server.add_guild("Other Newsroom")
    managers = server.add_role(guild, "Editors", DEFAULT_EVERYONE_PERMISSIONS | MANAGE_GUILD)
    alice = server.add_user("alice")
    bob = server.add_user("bob")
    mod = server.add_user("mod")
    boss = server.add_user("boss")
    carol = server.add_user("carol")
    server.add_member(guild, alice)
    server.add_member(guild, bob)
    server.add_member(guild, mod, roles=[guild.moderator_role])
    server.add_member(guild, boss, roles=[managers])
    server.add_member(other, alice)
    server.add_member(other, carol)
    return World(server, guild, other, alice, bob, mod, boss, carol)


def _merge(base: dict[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overrides.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


def make_settings(
    directory: Path, guild_ids: tuple[int, ...], overrides: Mapping[str, Any] | None = None
) -> Settings:
    """Settings on ``directory``/newsdesk.db and a fresh copy of the seed knowledge.

    Commands are synced to ``guild_ids``; the question budget is generous. ``overrides`` is a
    nested mapping of settings (``{"discord": {"cooldown": {"questions": 2}}}``), validated.
    """
    knowledge = directory / "knowledge"
    if not knowledge.exists():
        shutil.copytree(SEED_KNOWLEDGE, knowledge)
    settings = Settings(
        knowledge_dir=knowledge,
        database=directory / "newsdesk.db",
        discord=DiscordSettings(
            dev_guilds=guild_ids,
            home_guilds=guild_ids,
            cooldown=Cooldown(questions=1_000_000, per_seconds=1.0),
        ),
    )
    if overrides:
        settings = Settings.model_validate(_merge(settings.model_dump(), overrides))
    return settings


@contextlib.contextmanager
def point_discord_at(server: FakeDiscordServer) -> Iterator[None]:
    """Send discord.py's REST and gateway traffic to ``server`` (restored on exit)."""
    saved = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    discord.http.Route.BASE = server.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = server.gateway_url
    try:
        yield
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved


@contextlib.asynccontextmanager
async def fake_discord(
    bot_name: str = "newsdesk", **options: Any
) -> AsyncIterator[FakeDiscordServer]:
    """A started fake Discord with discord.py pointed at it; stopped and restored on exit.
    ``options`` go to ``FakeDiscordServer`` (``shard_count=4, max_concurrency=16``...)."""
    server = FakeDiscordServer(bot_name=bot_name, **options)
    await server.start()
    try:
        with point_discord_at(server):
            yield server
    finally:
        await server.stop()


@dataclass
class RunningBot:
    bot: NewsdeskBot
    kb: KnowledgeBase
    settings: Settings

    @property
    def knowledge_dir(self) -> Path:
        return self.settings.knowledge_dir


@contextlib.asynccontextmanager
async def running_bot(
    settings: Settings, *, ready_timeout: float = READY_SECONDS, token: str = "fake-token"
) -> AsyncIterator[RunningBot]:
    """The real bot (commands synced, gateway READY; sharded when the settings say so);
    Discord must already point at a fake."""
    kb = await open_knowledge_base(settings)
    bot = make_bot(kb, settings, guild_ready_timeout=0.1)
    runner: asyncio.Task[None] | None = None
    try:
        runner = asyncio.create_task(bot.start(token))
        ready = asyncio.create_task(bot.wait_until_ready())
        done, _ = await asyncio.wait(
            {runner, ready}, timeout=ready_timeout, return_when=asyncio.FIRST_COMPLETED
        )
        if ready not in done:
            ready.cancel()
            if runner in done:
                runner.result()  # re-raise the start-up failure
            raise AssertionError("the bot never became ready")
        yield RunningBot(bot, kb, settings)
    finally:
        await bot.close()
        if runner is not None:
            await asyncio.wait_for(runner, 5)
        await kb.close()


def is_reply_to(message_id: int | str) -> Callable[[Any], bool]:
    """Predicate for a recorded POST /channels/.../messages replying to ``message_id``."""
    wanted = str(message_id)

    def match(request: Any) -> bool:
        return str(request.json["message_reference"]["message_id"]) == wanted

    return match


def channel_messages_path(channel_id: int) -> str:
    return re.escape(f"/channels/{channel_id}/messages")
