"""Watching news feeds: new articles become drafts, and moderators are told.

One ``discord.ext.tasks`` loop per feed in ``bot.yaml`` (``feeds:``) polls it every
``interval_minutes``, from the moment the bot is ready, through the core's ``ingest``; articles
already drafted (remembered in the database by GUID or link) are skipped, so a feed polled twice
drafts each article once. New drafts are posted to ``discord.review_channel`` with
Approve/Reject buttons. A failing feed is logged and tried again at the next interval; it never
stops the bot.

Several bot processes on one database (README, "Scaling out") poll once between them: a poll
runs only in the process holding the ``feeds`` lease, which a keeper loop renews every third of
its length (``bot.core.leases.DEFAULT_LEASE_SECONDS``, 30 s); when that process dies, another
takes the lease within that time and its loops poll from their next interval on. A holder
stalled past its lease can overlap its successor's poll: each article is also claimed in the
database before it is drafted (``bot.core.article_claims``), so it is drafted once all the same.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands, tasks

from bot.config import FeedSettings
from bot.core import leases
from bot.core.draft_files import drafts_dir
from bot.exts import _draft_review
from bot.ingest.models import IngestError
from bot.ingest.pipeline import Drafted, IngestResult, ingest

if TYPE_CHECKING:
    from bot.app import NewsdeskBot

log = logging.getLogger(__name__)

FeedLoop = tasks.Loop[Callable[[], Coroutine[Any, Any, None]]]

# The lease that makes one process poll the feeds.
LEASE = "feeds"


class FeedWatcher(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        self.loops: list[FeedLoop] = []
        """One per watched feed."""
        self.lease_keeper: FeedLoop | None = None
        self._lock = asyncio.Lock()

    async def cog_load(self) -> None:
        if not self.bot.settings.feeds:
            return
        keeper = tasks.loop(seconds=leases.DEFAULT_LEASE_SECONDS / 3)(self._keep_lease)
        keeper.before_loop(self.bot.wait_until_ready)
        keeper.start()
        self.lease_keeper = keeper
        for feed in self.bot.settings.feeds:
            loop = self._loop_for(feed)
            loop.start()
            self.loops.append(loop)

    async def _keep_lease(self) -> None:
        """Hold the feeds lease between polls, so that it changes hands only when its holder
        stops (a poll every hour must not let it lapse)."""
        try:
            await self.bot.kb.hold_lease(LEASE)
        except Exception:
            log.exception("renewing the feeds lease failed")

    async def cog_unload(self) -> None:
        every = [*self.loops, *([self.lease_keeper] if self.lease_keeper else [])]
        for loop in every:
            loop.cancel()
        # Wait for the cancelled polls to stop: the database closes after the bot does.
        running = [task for loop in every if (task := loop.get_task()) is not None]
        if running:
            await asyncio.wait(running)
        self.loops.clear()
        self.lease_keeper = None

    def _loop_for(self, feed: FeedSettings) -> FeedLoop:
        """A loop polling ``feed`` every ``interval_minutes``, from the moment the bot is ready."""

        async def poll_feed() -> None:
            # An error ends a tasks.loop; a feed's must not, so it is logged and the next
            # interval tries again.
            try:
                if not await self.bot.kb.hold_lease(LEASE):
                    log.debug("feed %s: polled by the process holding the lease", feed.url)
                    return
                await self.poll(feed)
            except Exception:
                log.exception("polling the feed %s failed", feed.url)

        loop = tasks.loop(minutes=feed.interval_minutes)(poll_feed)
        loop.before_loop(self.bot.wait_until_ready)
        return loop

    async def poll(self, feed: FeedSettings) -> IngestResult:
        """Poll ``feed`` once: draft the new articles, then tell the moderators about every
        draft the feed poller owes an announcement (this poll's, and those of a poll whose
        process stopped before announcing them)."""
        async with self._lock:  # one poll at a time: the seen-articles check stays exact
            try:
                result = await ingest(
                    self.bot.kb,
                    feed.url,
                    feed=feed.url,
                    # The articles a feed links to are chosen by whoever writes the feed.
                    allow_private=self.bot.settings.ingest.allow_private_addresses,
                    announce=True,
                )
            except IngestError as exc:
                # Drafts owed from an earlier poll are announced all the same.
                log.warning("feed %s not polled: %s", feed.url, exc)
                result = IngestResult(refused=[str(exc)])
        for refused in result.refused:
            log.warning("feed %s: %s", feed.url, refused)
        if result.drafted:
            log.info("feed %s: %d new draft(s)", feed.url, len(result.drafted))
        await self._announce_owed(result)
        return result

    async def _announce_owed(self, result: IngestResult) -> None:
        """Claim the owed announcements, post them, and mark them done. Unposted (no channel
        found, Discord refused), they stay claimed until the claim expires, then are tried
        again."""
        owed = await self.bot.kb.claim_announcements()
        folder = drafts_dir(self.bot.kb.knowledge_dir)
        # A draft no longer in drafts/ was approved or rejected meanwhile (a moderator found
        # it with /kb drafts while its announcer was dead): nothing is left to review.
        kept = await asyncio.to_thread(lambda: [o for o in owed if (folder / o.draft).is_file()])
        if len(kept) < len(owed):
            await self.bot.kb.announced([o for o in owed if o not in kept])
        owed = kept
        if not owed:
            return
        channel_id = self.bot.settings.discord.review_channel
        if channel_id is None:
            # Nobody to tell: the moderators find the drafts with /kb drafts.
            await self.bot.kb.announced(owed)
            return
        channel = self.bot.get_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("review channel %d not found: drafts not announced", channel_id)
            return
        this_poll = {item.path.name: item for item in result.drafted}
        shown = IngestResult(
            drafted=[
                this_poll.get(item.draft)
                or Drafted(folder / item.draft, None, item.title, by_earlier_poll=True)
                for item in owed
            ],
            refused=result.refused,
        )
        text, embeds, view = await _draft_review.drafted_message(self.bot.kb, shown)
        text = f"New from the watched feeds, for moderators to review:\n{text}"
        try:
            await channel.send(text[:2000], embeds=embeds, view=view)
        except discord.HTTPException:
            log.warning("could not announce new drafts in %d", channel_id, exc_info=True)
            return
        await self.bot.kb.announced(owed)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(FeedWatcher(bot))
