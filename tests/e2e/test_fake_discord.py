"""Prove that the real discord.py client can run against ``FakeDiscordServer``.

The bot here is a deliberately tiny ``commands.Bot`` (``!ping`` and ``/echo``), not the
project's bot, so these tests only exercise the fake server and discord.py itself.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
import discord
import discord.gateway
import discord.http
import pytest
from discord import app_commands
from discord.ext import commands

from .fake_discord import (
    INTENT_MESSAGE_CONTENT,
    READY_SECONDS,
    FakeDiscordServer,
    FakeGuild,
    FakeUser,
    find_component,
)
from .harness import fake_discord

MESSAGES_PATH = r"/channels/\d+/messages"
WORDS = ["hello", "help", "world"]


class ShoutView(discord.ui.View):
    def __init__(self, text: str) -> None:
        super().__init__(timeout=None)
        self.text = text

    @discord.ui.button(label="Shout", style=discord.ButtonStyle.primary)
    async def shout(
        self, interaction: discord.Interaction, button: discord.ui.Button[ShoutView]
    ) -> None:
        await interaction.response.edit_message(content=self.text.upper(), view=None)


@app_commands.command(name="echo", description="Repeat some text")
@app_commands.describe(text="What to repeat")
async def echo(interaction: discord.Interaction, text: str) -> None:
    await interaction.response.send_message(text, view=ShoutView(text))


@echo.autocomplete("text")
async def echo_autocomplete(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=w, value=w) for w in WORDS if w.startswith(current)]


class MiniBot(commands.Bot):
    def __init__(self, guild_id: int) -> None:
        intents = discord.Intents.default()
        intents.message_content = True
        super().__init__(
            command_prefix="!",
            intents=intents,
            help_command=None,
            guild_ready_timeout=0.1,
        )
        self.guild_id = guild_id
        self.ready_event = asyncio.Event()

    async def setup_hook(self) -> None:
        guild = discord.Object(self.guild_id)
        self.tree.add_command(echo, guild=guild)
        await self.tree.sync(guild=guild)

        @commands.command(name="ping")
        async def ping(ctx: commands.Context[MiniBot]) -> None:
            await ctx.send("pong")

        self.add_command(ping)

    async def on_ready(self) -> None:
        self.ready_event.set()


@dataclass
class Harness:
    server: FakeDiscordServer
    bot: MiniBot
    guild: FakeGuild
    alice: FakeUser


@pytest.fixture
async def server() -> AsyncIterator[FakeDiscordServer]:
    # Route.BASE is read when each Route is built (REST, interaction callbacks and webhook
    # follow-ups alike); fake_discord points it and the gateway at the fake, and restores them.
    async with fake_discord("minibot") as fake:
        yield fake


@pytest.fixture
async def harness(server: FakeDiscordServer) -> AsyncIterator[Harness]:
    guild = server.add_guild("Newsroom")
    alice = server.add_user("alice")
    server.add_member(guild, alice)
    bot = MiniBot(guild.id)
    runner = asyncio.create_task(bot.start("fake-token"))
    ready = asyncio.create_task(bot.ready_event.wait())
    try:
        done, _ = await asyncio.wait(
            {runner, ready}, timeout=READY_SECONDS, return_when="FIRST_COMPLETED"
        )
        if runner in done:
            runner.result()  # re-raise the startup failure
            raise AssertionError("bot.start() returned before on_ready")
        assert ready in done, "bot never became ready"
        yield Harness(server=server, bot=bot, guild=guild, alice=alice)
    finally:
        ready.cancel()
        await bot.close()
        await asyncio.wait_for(runner, 5)
    problems = server.unknown_requests + server.fake_errors
    assert not problems, [str(r) for r in problems]


async def test_login_identify_and_ready(harness: Harness) -> None:
    server, bot = harness.server, harness.bot
    paths = [(r.method, r.path) for r in server.requests[:2]]
    assert paths == [("GET", "/users/@me"), ("GET", "/oauth2/applications/@me")]
    assert server.identify_count == 1
    assert server.intents & INTENT_MESSAGE_CONTENT
    assert server.gateway_connections[0].startswith("/gateway?v=10&encoding=json")
    assert bot.user is not None and bot.user.id == server.bot_user.id
    guild = bot.get_guild(harness.guild.id)
    assert guild is not None and guild.name == "Newsroom"
    assert [r.name for r in guild.roles][:2] == ["@everyone", "Moderator"]
    assert guild.get_channel(harness.guild.text_channel.id) is not None


async def test_prefix_ping_replies_pong(harness: Harness) -> None:
    server = harness.server
    channel = harness.guild.text_channel
    await server.send_message(channel, harness.alice, "!ping")
    reply = await server.wait_for_request(method="POST", path=MESSAGES_PATH)
    assert reply.path == f"/channels/{channel.id}/messages"
    assert reply.json["content"] == "pong"
    assert reply.status == 200
    assert reply.response["author"]["id"] == str(server.bot_user.id)
    assert server.messages[int(reply.response["id"])]["content"] == "pong"


async def test_prefix_ping_in_dm(harness: Harness) -> None:
    server = harness.server
    dm = server.dm_channel(harness.alice)
    await server.send_message(dm, harness.alice, "!ping")
    message = await server.wait_for_bot_message(content="pong")
    assert message["channel_id"] == str(dm.id)


async def test_slash_sync_and_echo(harness: Harness) -> None:
    server, guild = harness.server, harness.guild
    sync = await server.wait_for_request(
        method="PUT", path=rf"/applications/\d+/guilds/{guild.id}/commands"
    )
    assert [c["name"] for c in sync.json] == ["echo"]
    assert server.guild_commands[guild.id][0]["id"] == sync.response[0]["id"]

    interaction = await server.send_slash_command(
        "echo", {"text": "hello there"}, harness.alice, guild_id=guild
    )
    assert interaction.payload["data"]["guild_id"] == str(guild.id)
    callback = await server.wait_for_callback(interaction)
    assert callback.query == {"with_response": "1"}
    assert callback.json["type"] == 4
    assert callback.json["data"]["content"] == "hello there"
    message = callback.response["resource"]["message"]
    assert find_component(message, label="Shout")["type"] == 2


async def test_autocomplete_returns_choices(harness: Harness) -> None:
    server = harness.server
    interaction = await server.send_autocomplete(
        "echo", {"text": "hel"}, "text", harness.alice, guild_id=harness.guild
    )
    callback = await server.wait_for_callback(interaction)
    assert callback.json["type"] == 8
    assert callback.json["data"]["choices"] == [
        {"name": "hello", "value": "hello"},
        {"name": "help", "value": "help"},
    ]


async def test_button_click_updates_message(harness: Harness) -> None:
    server = harness.server
    interaction = await server.send_slash_command(
        "echo", {"text": "quiet"}, harness.alice, guild_id=harness.guild
    )
    callback = await server.wait_for_callback(interaction)
    message = callback.response["resource"]["message"]
    button = find_component(message, label="Shout")

    click = await server.send_component(button["custom_id"], message, harness.alice)
    click_callback = await server.wait_for_callback(click)
    assert click_callback.json["type"] == 7
    assert click_callback.json["data"]["content"] == "QUIET"
    assert server.messages[int(message["id"])]["content"] == "QUIET"
    assert server.messages[int(message["id"])]["components"] == []


async def test_429_with_via_is_retried(harness: Harness) -> None:
    server = harness.server
    fault = server.fail_next("POST", MESSAGES_PATH, status=429, retry_after=0.05)
    await server.send_message(harness.guild.text_channel, harness.alice, "!ping")
    reply = await server.wait_for_request(method="POST", path=MESSAGES_PATH)
    assert reply.status == 200 and reply.json["content"] == "pong"
    assert fault.hits == 1
    failed = [r for r in server.requests_matching("POST", MESSAGES_PATH) if r.injected_fault]
    assert [r.status for r in failed] == [429]


async def test_500_is_retried(harness: Harness) -> None:
    # discord.py sleeps 1 + 2 * attempt seconds after a 5xx, so this test costs ~1 s.
    server = harness.server
    fault = server.fail_next("POST", MESSAGES_PATH, status=500)
    await server.send_message(harness.guild.text_channel, harness.alice, "!ping")
    reply = await server.wait_for_request(method="POST", path=MESSAGES_PATH)
    assert reply.status == 200 and reply.json["content"] == "pong"
    assert fault.hits == 1


async def test_drop_connection_resumes(harness: Harness) -> None:
    server = harness.server
    resumed = asyncio.Event()

    async def on_resumed() -> None:
        resumed.set()

    harness.bot.add_listener(on_resumed)
    await server.drop_connection()
    await server.wait_for_session()
    await asyncio.wait_for(resumed.wait(), 5)
    assert server.resume_count == 1
    assert server.identify_count == 1
    assert server.gateway_connections[-1].startswith("/resume-gateway?")

    await server.send_message(harness.guild.text_channel, harness.alice, "!ping")
    reply = await server.wait_for_request(method="POST", path=MESSAGES_PATH)
    assert reply.json["content"] == "pong"


async def test_unknown_route_is_recorded(server: FakeDiscordServer) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{server.api_base}/no/such/route") as response,
    ):
        assert response.status == 404
        assert response.headers["Content-Type"] == "application/json"
        assert await response.json() == {"message": "404: Not Found", "code": 0}
    assert [str(r) for r in server.unknown_requests] == ["GET /no/such/route -> 404 UNKNOWN"]
    assert re.fullmatch(r"/no/such/route", server.requests[0].path)
