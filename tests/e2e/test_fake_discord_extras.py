"""More ``FakeDiscordServer`` behaviour exercised through real discord.py 2.7.

Deferred responses and follow-ups, modals, resolved options, DMs, reactions, edits, the
message-content intent gate, transport aborts and op 7 RECONNECT.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import discord
import discord.gateway
import discord.http
import pytest
from discord import app_commands
from discord.ext import commands

from .fake_discord import (
    MESSAGE_FLAG_EPHEMERAL,
    MESSAGE_FLAG_LOADING,
    READY_SECONDS,
    FakeDiscordServer,
    FakeGuild,
    FakeUser,
)

MESSAGES_PATH = r"/channels/\d+/messages"


class FeedbackModal(discord.ui.Modal, title="Feedback"):
    comment: discord.ui.Label[FeedbackModal] = discord.ui.Label(
        text="Comment", component=discord.ui.TextInput(custom_id="comment")
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        assert isinstance(self.comment.component, discord.ui.TextInput)
        value = self.comment.component.value
        await interaction.response.send_message(f"thanks: {value}", ephemeral=True)


@app_commands.command(name="ask", description="Slow answer")
async def ask(interaction: discord.Interaction, question: str) -> None:
    await interaction.response.defer(thinking=True)
    await interaction.followup.send(f"answer to {question}")
    await interaction.followup.send("and one more thing", ephemeral=True)


@app_commands.command(name="feedback", description="Open a modal")
async def feedback(interaction: discord.Interaction) -> None:
    await interaction.response.send_modal(FeedbackModal(custom_id="feedback-modal"))


@app_commands.command(name="whois", description="Describe a member")
async def whois(
    interaction: discord.Interaction, member: discord.Member, loud: bool = False
) -> None:
    roles = ",".join(r.name for r in member.roles[1:])
    text = f"{member.name} roles={roles} admin={interaction.permissions.administrator}"
    await interaction.response.send_message(text.upper() if loud else text)


@dataclass
class Seen:
    messages: list[discord.Message] = field(default_factory=list)
    new_message: asyncio.Event = field(default_factory=asyncio.Event)


class ExtrasBot(commands.Bot):
    def __init__(self, *, message_content: bool = True) -> None:
        intents = discord.Intents.default()
        intents.message_content = message_content
        super().__init__(
            command_prefix=commands.when_mentioned_or("!"),
            intents=intents,
            help_command=None,
            guild_ready_timeout=0.1,
        )
        self.ready_event = asyncio.Event()
        self.seen = Seen()

    async def setup_hook(self) -> None:
        self.tree.add_command(ask)
        self.tree.add_command(feedback)
        self.tree.add_command(whois)
        await self.tree.sync()

        @commands.command(name="react")
        async def react(ctx: commands.Context[ExtrasBot]) -> None:
            await ctx.message.add_reaction("👍")

        @commands.command(name="edit")
        async def edit(ctx: commands.Context[ExtrasBot]) -> None:
            message = await ctx.reply("draft")
            await message.edit(content="final")

        @commands.command(name="dmme")
        async def dmme(ctx: commands.Context[ExtrasBot]) -> None:
            await ctx.author.send("psst")

        @commands.command(name="fetch")
        async def fetch(ctx: commands.Context[ExtrasBot]) -> None:
            assert ctx.guild is not None
            channel = await self.fetch_channel(ctx.channel.id)
            member = await ctx.guild.fetch_member(ctx.author.id)
            guild = await self.fetch_guild(ctx.guild.id)
            await ctx.send(f"{channel.id}/{member.name}/{guild.name}")

        for command in (react, edit, dmme, fetch):
            self.add_command(command)

    async def on_ready(self) -> None:
        self.ready_event.set()

    async def on_message(self, message: discord.Message) -> None:
        self.seen.messages.append(message)
        self.seen.new_message.set()
        await self.process_commands(message)


@dataclass
class Env:
    server: FakeDiscordServer
    bot: ExtrasBot
    guild: FakeGuild
    alice: FakeUser
    bob: FakeUser


async def _start(server: FakeDiscordServer, bot: ExtrasBot) -> asyncio.Task[None]:
    runner = asyncio.create_task(bot.start("fake-token"))
    ready = asyncio.create_task(bot.ready_event.wait())
    done, _ = await asyncio.wait(
        {runner, ready}, timeout=READY_SECONDS, return_when="FIRST_COMPLETED"
    )
    if ready not in done:
        ready.cancel()
        await bot.close()
        if runner.done():
            runner.result()
        raise AssertionError("bot never became ready")
    return runner


@pytest.fixture
async def env(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> AsyncIterator[Env]:
    options: dict[str, bool] = getattr(request, "param", {})
    server = FakeDiscordServer(
        bot_name="extras", echo_bot_messages=options.get("echo", False), token="fake-token"
    )
    guild = server.add_guild("Newsroom", channels=("general", "news"))
    alice = server.add_user("alice")
    bob = server.add_user("bob")
    server.add_member(guild, alice, roles=[guild.moderator_role])
    server.add_member(guild, bob)
    await server.start()
    monkeypatch.setattr(discord.http.Route, "BASE", server.api_base)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", server.gateway_url)
    bot = ExtrasBot(message_content=options.get("message_content", True))
    runner = await _start(server, bot)
    try:
        yield Env(server=server, bot=bot, guild=guild, alice=alice, bob=bob)
    finally:
        await bot.close()
        await asyncio.wait_for(runner, 5)
        await server.stop()
    problems = server.unknown_requests + server.fake_errors
    assert not problems, [str(r) for r in problems]


async def test_defer_then_followups(env: Env) -> None:
    server = env.server
    inter = await server.send_slash_command(
        "ask", {"question": "why"}, env.alice, guild_id=env.guild
    )
    assert "guild_id" not in inter.payload["data"]  # global command
    callback = await server.wait_for_callback(inter)
    assert callback.json["type"] == 5
    assert callback.response["resource"]["message"]["flags"] & MESSAGE_FLAG_LOADING
    # The first follow-up after a thinking defer edits the loading message, like Discord.
    answer = await server.wait_for_bot_message(content="answer to why")
    assert answer["id"] == callback.response["resource"]["message"]["id"]
    assert not answer["flags"] & MESSAGE_FLAG_LOADING
    extra = await server.wait_for_bot_message(content="and one more thing")
    assert extra["flags"] & MESSAGE_FLAG_EPHEMERAL
    assert extra["id"] != answer["id"]


async def test_modal_roundtrip(env: Env) -> None:
    server = env.server
    inter = await server.send_slash_command("feedback", {}, env.alice, guild_id=env.guild)
    callback = await server.wait_for_callback(inter)
    assert callback.json["type"] == 9
    assert callback.json["data"]["custom_id"] == "feedback-modal"
    submit = await server.send_modal_submit("feedback-modal", {"comment": "great bot"})
    assert submit.payload["data"]["components"][0]["type"] == 18  # mirrors the Label layout
    reply = await server.wait_for_callback(submit)
    assert reply.json["data"]["content"] == "thanks: great bot"
    assert reply.response["interaction"]["response_message_ephemeral"] is True


async def test_member_option_is_resolved(env: Env) -> None:
    server = env.server
    inter = await server.send_slash_command(
        "whois", {"member": env.alice, "loud": False}, env.bob, guild_id=env.guild
    )
    callback = await server.wait_for_callback(inter)
    assert callback.json["data"]["content"] == "alice roles=Moderator admin=False"
    owner = server.users[env.guild.owner_id]
    inter = await server.send_slash_command("whois", {"member": env.bob}, owner, guild_id=env.guild)
    callback = await server.wait_for_callback(inter)
    assert callback.json["data"]["content"] == "bob roles= admin=True"


async def test_slash_command_in_dm(env: Env) -> None:
    server = env.server
    inter = await server.send_slash_command("ask", {"question": "dm"}, env.bob)
    assert inter.payload["channel"]["type"] == 1 and "member" not in inter.payload
    answer = await server.wait_for_bot_message(content="answer to dm")
    assert answer["channel_id"] == str(server.dm_channel(env.bob).id)


async def test_reaction_edit_dm_and_fetches(env: Env) -> None:
    server, channel = env.server, env.guild.text_channel
    sent = await server.send_message(channel, env.alice, "!react")
    await server.wait_for_request(method="PUT", path=rf"/channels/\d+/messages/{sent['id']}/.*")
    assert server.reactions[-1][3] == "👍"

    original = await server.send_message(channel, env.alice, "!edit")
    edited = await server.wait_for_bot_message(content="final")
    assert edited["edited_timestamp"] is not None
    assert edited["referenced_message"]["id"] == original["id"]

    await server.send_message(channel, env.bob, "!dmme")
    dm = await server.wait_for_bot_message(content="psst")
    assert dm["channel_id"] == str(server.dm_channel(env.bob).id)

    await server.send_message(channel, env.alice, "!fetch")
    # Note: "draft" (created, then edited to "final") is still unconsumed, so match on content.
    fetched = await server.wait_for_bot_message(
        lambda m: m["content"].endswith("/Newsroom"), channel_id=channel
    )
    assert fetched["content"] == f"{channel.id}/alice/Newsroom"
    assert all(r.headers["Authorization"] == "Bot fake-token" for r in server.requests)


async def test_message_too_long_is_rejected(env: Env) -> None:
    channel = env.bot.get_channel(env.guild.text_channel.id)
    assert isinstance(channel, discord.TextChannel)
    with pytest.raises(discord.HTTPException) as info:
        await channel.send("x" * 2001)
    assert info.value.code == 50035


@pytest.mark.parametrize("env", [{"message_content": False}], indirect=True)
async def test_content_blanked_without_intent(env: Env) -> None:
    server, seen = env.server, env.bot.seen
    await server.send_message(env.guild.text_channel, env.alice, "!react")
    await asyncio.wait_for(seen.new_message.wait(), 5)
    assert seen.messages[-1].content == ""
    seen.new_message.clear()
    # A mention still carries content, so when_mentioned_or works.
    await server.send_message(env.guild.text_channel, env.alice, f"{server.bot_user.mention} react")
    await server.wait_for_request(method="PUT", path=r"/channels/.*/reactions/.*")


@pytest.mark.parametrize("env", [{"echo": True}], indirect=True)
async def test_echo_bot_messages(env: Env) -> None:
    server, seen = env.server, env.bot.seen
    await server.send_message(env.guild.text_channel, env.alice, "!edit")
    await server.wait_for_bot_message(content="final")
    for _ in range(50):
        if any(m.author.id == server.bot_user.id for m in seen.messages):
            break
        await asyncio.sleep(0.02)
    assert any(m.author.id == server.bot_user.id for m in seen.messages)


async def test_transport_abort_and_reconnect_opcode(env: Env) -> None:
    server = env.server
    await server.drop_connection(code=None)
    await server.wait_for_session()
    assert server.resume_count == 1
    await server.request_reconnect()
    await server.wait_for_session()
    assert server.resume_count == 2
    assert server.identify_count == 1
    await server.send_message(env.guild.text_channel, env.alice, "!react")
    await server.wait_for_request(method="PUT", path=r"/channels/.*/reactions/.*")
