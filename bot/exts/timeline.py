"""What is new: ``/latest [topic]`` and the daily digest.

``/latest`` lists the newest facts first, grouped by day, each with its source; a topic (a tag
or words, offered by autocomplete) keeps the facts about it; facts replaced by newer ones are
left out.

The digest (``digest: {channel, hour_utc}`` in ``bot.yaml``; off when no channel is set) posts
once a day, at ``hour_utc``, the facts that became answerable in the 24 hours before: one embed
with their sources. Several bot processes on one database (or a restart) post it once: each
post first claims the day in the store (``KnowledgeBase.claim_once``), and only the claimant
posts.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.ui import embeds
from bot.ui.limits import CHOICE_CHARS, clip

if TYPE_CHECKING:
    from bot.app import NewsdeskBot

log = logging.getLogger(__name__)

LATEST_SHOWN = 10
DigestLoop = tasks.Loop[Callable[[], Coroutine[Any, Any, None]]]


def digest_key(day: dt.date, channel_id: int) -> str:
    """The store key a day's digest in a channel is claimed under."""
    return f"digest:{channel_id}:{day.isoformat()}"


class Timeline(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        self.loop: DigestLoop | None = None

    async def cog_load(self) -> None:
        settings = self.bot.settings.digest
        if settings.channel is None:
            return
        at = dt.time(hour=settings.hour_utc, tzinfo=dt.UTC)

        async def post_digest() -> None:
            # An error ends a tasks.loop; tomorrow's digest must still come.
            try:
                await self.post_digest()
            except Exception:
                log.exception("the daily digest failed")

        self.loop = tasks.loop(time=at)(post_digest)
        self.loop.before_loop(self.bot.wait_until_ready)
        self.loop.start()

    async def cog_unload(self) -> None:
        if self.loop is not None:
            self.loop.cancel()
            # Wait for it to stop: the database closes after the bot does.
            task = self.loop.get_task()
            if task is not None:
                await asyncio.wait([task])

    async def post_digest(self, now: dt.datetime | None = None) -> bool:
        """Post the digest of the day before ``now`` (default: the service's clock), unless
        another process (or an earlier run) has; True if this call posted it."""
        channel_id = self.bot.settings.digest.channel
        if channel_id is None:
            return False
        kb = self.bot.kb
        now = now or kb.now()
        channel = self.bot.get_channel(channel_id)
        # Members' facts are answered in their own server only: the channel's server's go in.
        guild = getattr(channel, "guild", None)
        guild_id = guild.id if isinstance(guild, discord.Guild) else None
        facts = await kb.added_since(now - dt.timedelta(days=1), guild_id=guild_id)
        if not facts:
            log.info("daily digest: nothing new in the last day")
            return False
        if not await kb.claim_once(digest_key(now.date(), channel_id)):
            log.info("daily digest for %s already posted", now.date())
            return False
        target = channel or self.bot.get_partial_messageable(channel_id)
        if not isinstance(target, discord.abc.Messageable):
            log.warning("digest channel %d is not a text channel: digest not posted", channel_id)
            return False
        try:
            await target.send(embed=embeds.digest_embed(now.date(), facts))
        except discord.HTTPException:
            log.warning("daily digest claimed but not posted in %d", channel_id, exc_info=True)
            return False
        return True

    @app_commands.command(name="latest", description="The newest facts, newest first")
    @app_commands.describe(topic="A topic (a tag or a name), e.g. ambassador; empty: everything")
    async def latest(
        self,
        interaction: discord.Interaction[NewsdeskBot],
        topic: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        facts = self.bot.kb.latest(topic, guild_id=interaction.guild_id, limit=LATEST_SHOWN)
        await interaction.response.send_message(embed=embeds.latest_embed(topic, facts))

    @latest.autocomplete("topic")
    async def topic_autocomplete(
        self, interaction: discord.Interaction[NewsdeskBot], current: str
    ) -> list[app_commands.Choice[str]]:
        topics = self.bot.kb.topics(current, guild_id=interaction.guild_id, limit=25)
        return [
            app_commands.Choice(name=clip(t, CHOICE_CHARS), value=clip(t, CHOICE_CHARS))
            for t in topics
        ]


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Timeline(bot))
