"""The Discord bot: a ``commands.Bot`` that carries the knowledge base, and how to run it.

Resources are opened in ``run_discord`` and handed to the bot (discord.py's advanced-startup
pattern); ``setup_hook`` loads the extensions and syncs the slash commands.

With shard settings (``discord.shard_count``, ``discord.shards``; README, "Scaling out") the
bot is a ``ShardedNewsdeskBot``, an ``AutoShardedBot`` connecting only its range of shards, so
that several processes on one database serve the servers between them. ``make_bot`` chooses.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import signal
from collections import OrderedDict
from typing import Any

import aiohttp
import discord
from discord.ext import commands
from pydantic import SecretStr

from bot.config import Settings, shard_range_text
from bot.core.service import KnowledgeBase
from bot.question_budget import QuestionBudget
from bot.ui.translator import NewsdeskTranslator

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.exts.errors",
    "bot.exts.ask",
    "bot.exts.facts",
    "bot.exts.moderation",
    "bot.exts.feeds",
    "bot.exts.timeline",
)
# Discord allows one IDENTIFY per 5 s in each of ``max_concurrency`` buckets, counted across
# every process of the bot; a sharded bot takes a slot of this length in the shared database
# before each one (a margin for the database's clock), and waits at most this long for one.
IDENTIFY_SLOT_SECONDS = 5.5
IDENTIFY_WAIT_SECONDS = 120.0
# Interaction ids remembered to ignore a second delivery of the same interaction (a replayed
# gateway event); Discord expires an interaction after 15 minutes, far fewer than this many.
RECENT_INTERACTIONS = 10_000


def intents() -> discord.Intents:
    """Guilds and messages, plus message content for ``!ask`` (a privileged intent)."""
    chosen = discord.Intents.none()
    chosen.guilds = True
    chosen.guild_messages = True
    chosen.dm_messages = True
    chosen.message_content = True
    return chosen


class NewsdeskBot(commands.Bot):
    """The bot; cogs reach the brain as ``bot.kb`` and the settings as ``bot.settings``."""

    def __init__(self, kb: KnowledgeBase, settings: Settings, **options: Any) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned_or(settings.discord.command_prefix),
            intents=options.pop("intents", intents()),
            # Nothing the bot sends may ping anyone: fact text and questions are user input.
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            **options,
        )
        self.kb = kb
        self.settings = settings
        # One question budget per member, shared by /ask, !ask, mentions and question buttons.
        cooldown = settings.discord.cooldown
        self.question_budget = QuestionBudget(cooldown.questions, cooldown.per_seconds)
        self._recent_interactions: OrderedDict[int, None] = OrderedDict()
        ignore_repeated_interactions(self)

    def is_repeat_interaction(self, interaction_id: int) -> bool:
        """True (with a log line) for an interaction already handled; remembers new ones."""
        if interaction_id in self._recent_interactions:
            log.warning("ignored interaction %d: delivered twice, already handled", interaction_id)
            return True
        self._recent_interactions[interaction_id] = None
        if len(self._recent_interactions) > RECENT_INTERACTIONS:
            self._recent_interactions.popitem(last=False)
        return False

    @property
    def syncs_commands(self) -> bool:
        """Whether this process syncs the slash commands: the one running shard 0 (all of
        them run the same code; one sync is enough, and Discord rate-limits it)."""
        return True

    async def setup_hook(self) -> None:
        # Russian command descriptions (Discord has no Azerbaijani locale: bot.ui.translator).
        await self.tree.set_translator(NewsdeskTranslator())
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        if self.syncs_commands:
            await self.sync_commands()
        else:
            log.info("slash commands are synced by the process running shard 0")
        # Facts added, edited or removed by the CLI or another bot process are answered (or
        # gone) here within about a second.
        self.kb.follow_changes()
        # The first /latest or time-only question after a start or a reload is then answered
        # as fast as the next: what they read is made in the background when knowledge loads.
        self.kb.prepare_timeline()

    async def sync_commands(self) -> None:
        """Sync to the development guilds at once, or globally when none are set."""
        guilds = self.settings.discord.dev_guilds
        if guilds:
            for guild_id in guilds:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
                log.info("synced %d commands to guild %d", len(synced), guild_id)
        else:
            synced = await self.tree.sync()
            log.info("synced %d global commands", len(synced))

    async def on_ready(self) -> None:
        user = self.user
        log.info(
            "connected as %s (%s) to %d servers (%s)",
            user,
            user.id if user else "?",
            len(self.guilds),
            self.describe_shards(),
        )

    def describe_shards(self) -> str:
        return "unsharded"


class ShardedNewsdeskBot(NewsdeskBot, commands.AutoShardedBot):
    """The same bot on a range of shards (``shard_ids`` of ``shard_count``), or on every shard
    Discord recommends (no ``shard_count``: asked with GET /gateway/bot).

    Each shard is one gateway connection carrying the events of the servers whose
    ``(guild_id >> 22) % shard_count`` is its id; the other processes run the other shards.
    Before each IDENTIFY it takes a slot in the shared database (``before_identify_hook``),
    so the processes together stay within Discord's start rate.
    """

    def __init__(self, kb: KnowledgeBase, settings: Settings, **options: Any) -> None:
        super().__init__(kb, settings, **options)
        self.max_concurrency = 1

    @property
    def syncs_commands(self) -> bool:
        return self.shard_ids is None or 0 in self.shard_ids

    async def setup_hook(self) -> None:
        try:
            limits = await self.fetch_session_start_limits()
            self.max_concurrency = max(1, limits.max_concurrency)
        except (discord.HTTPException, discord.GatewayNotFound) as exc:
            log.warning("session start limits unknown (%s): one IDENTIFY at a time", exc)
        await super().setup_hook()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Wait for a free IDENTIFY slot of this shard's bucket, shared by every process on
        the database (Discord counts them per bot, not per process)."""
        if shard_id is None:
            await super().before_identify_hook(shard_id, initial=initial)
            return
        name = f"discord-identify-{shard_id % self.max_concurrency}"
        loop = asyncio.get_running_loop()
        give_up = loop.time() + IDENTIFY_WAIT_SECONDS
        while not await self.kb.leases.take_slot(name, IDENTIFY_SLOT_SECONDS):
            if loop.time() > give_up:
                log.warning(
                    "no IDENTIFY slot for shard %d after %.0f s: identifying anyway",
                    shard_id,
                    IDENTIFY_WAIT_SECONDS,
                )
                return
            await asyncio.sleep(0.25)

    def describe_shards(self) -> str:
        ids = self.shard_ids or range(self.shard_count or 0)
        return f"shards {shard_range_text(tuple(ids))} of {self.shard_count}"


def make_bot(kb: KnowledgeBase, settings: Settings, **options: Any) -> NewsdeskBot:
    """The bot the settings ask for: unsharded (one connection for every server), or a
    ``ShardedNewsdeskBot`` on ``discord.shards`` of ``discord.shard_count``."""
    chosen = settings.discord
    if chosen.shard_count is None:
        return NewsdeskBot(kb, settings, **options)
    if chosen.shard_count != "auto":
        options.setdefault("shard_count", chosen.shard_count)
        if chosen.shards is not None:
            options.setdefault("shard_ids", list(chosen.shards))
    return ShardedNewsdeskBot(kb, settings, **options)


def ignore_repeated_interactions(bot: NewsdeskBot) -> None:
    """Make ``bot`` skip an ``INTERACTION_CREATE`` it has already handled (a replayed event).

    This wraps a private part of discord.py 2.7, ``ConnectionState.parsers``, because no public
    hook sees every interaction before it is handled: that parser itself hands commands and
    autocomplete to the command tree, buttons to the view store and forms to the modal store,
    and dispatches ``on_interaction`` only afterwards. The public checks
    (``CommandTree.interaction_check`` and the ``interaction_check`` of each view, item and
    modal) each see one kind, so the rule would be repeated in every one of them, and a button
    that forgot it would act twice. ``tests/unit/test_extensions.py`` fails if
    discord.py changes what this relies on.
    """
    parsers = bot._connection.parsers
    parse_interaction = parsers["INTERACTION_CREATE"]

    @functools.wraps(parse_interaction)
    def parse_once(data: Any) -> None:
        if not bot.is_repeat_interaction(int(data["id"])):
            parse_interaction(data)

    parsers["INTERACTION_CREATE"] = parse_once


async def run_discord(kb: KnowledgeBase, settings: Settings, token: SecretStr) -> int:
    """Run the bot on ``kb`` until SIGINT/SIGTERM; the caller (the composition root's user)
    opened the knowledge base and closes it."""
    bot = make_bot(kb, settings)
    log.info("starting on Discord: %s", settings.discord.describe_shards())
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, lambda: asyncio.ensure_future(bot.close()))
    try:
        async with bot:
            await bot.start(token.get_secret_value())
    except discord.LoginFailure:
        log.error("Discord refused the token: check DISCORD_TOKEN (it is not shown here)")
        print("error: Discord refused the token; check DISCORD_TOKEN", flush=True)
        return 2
    except (aiohttp.ClientConnectionError, OSError) as exc:
        print(f"error: cannot reach Discord ({type(exc).__name__}); check the network", flush=True)
        return 2
    except discord.PrivilegedIntentsRequired:
        print(
            "error: enable the Message Content intent for this bot in the Discord developer "
            "portal (Bot > Privileged Gateway Intents)",
            flush=True,
        )
        return 2
    return 0
