"""Questions asked, saved for the statistics in the background, in batches.

An answer never waits for its question to be saved: a slow or locked database delays only the
statistics, and a lost batch costs only counts.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re

from bot.core.errors import WriteFailed
from bot.core.models import AskResult
from bot.core.storage import AskRecord, KnowledgeStore
from bot.core.write_guard import WriteGuard

# The service's own logger, as before it was split up: operators' log filters name it.
log = logging.getLogger("bot.core.service")

# Questions waiting to be saved in the statistics before new ones are no longer counted.
MAX_PENDING_RECORDS = 50_000
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")


class AskRecorder:
    """Queues asked questions and saves them, one writer and one transaction a batch."""

    def __init__(self, store: KnowledgeStore, guard: WriteGuard) -> None:
        self._store = store
        self._guard = guard
        self._queue: list[AskRecord] = []
        self._writer: asyncio.Task[None] | None = None
        self._queued = 0
        self._done = 0
        self._saved = asyncio.Condition()

    def record(self, question: str, result: AskResult, guild_id: int | None) -> None:
        """Queue ``question`` and how it was answered; a writer saves it soon."""
        if len(self._queue) >= MAX_PENDING_RECORDS:
            log.warning("statistics %d questions behind; not counting more", MAX_PENDING_RECORDS)
            return
        best = result.best
        self._queue.append(
            AskRecord(
                # Lone surrogates (undecodable input bytes) cannot be stored as UTF-8 and
                # would lose the whole batch of questions saved with this one.
                _LONE_SURROGATES.sub("\ufffd", question.strip()),
                result.decision,
                best.fact.id if best else None,
                best.score if best else 0.0,
                guild_id,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            )
        )
        self._queued += 1
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write())

    async def _write(self) -> None:
        """One writer saves whatever questions have queued up, in one transaction a batch."""
        while self._queue:
            batch, self._queue = self._queue, []
            try:
                async with self._guard.writing("statistics"):
                    await self._store.record_asks(batch)
            except WriteFailed:
                pass  # Statistics are worth less than answers: those went out anyway.
            finally:
                # Counted as done even when lost, so that flush() never waits forever.
                async with self._saved:
                    self._done += len(batch)
                    self._saved.notify_all()

    async def flush(self) -> None:
        """Wait until the questions asked so far are saved in the statistics (not the ones
        still arriving: under steady traffic the writer never runs dry)."""
        target = self._queued
        async with self._saved:
            await self._saved.wait_for(
                lambda: self._done >= target or self._writer is None or self._writer.done()
            )
