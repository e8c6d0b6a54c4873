"""The served index's lock, and the short changes that go round long work instead of waiting.

Whatever rebuilds the index or changes the knowledge folder holds the lock: a reload, a draft
review, an article's ingestion. On a large knowledge folder a reload holds it for seconds, and
a moderator teaching the bot a question meanwhile would wait as long (on Discord, past the
three seconds an interaction has for its reply). So long work is named while it holds or waits
for the lock, and a short change that arrives then is queued: it runs as the long work ends,
still under the lock, whether that work succeeded or failed, and its moderator is answered at
once with what will happen.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType

from bot.core.errors import NewsdeskError
from bot.core.storage import StoreError

# The service's own logger, as before it was split up: operators' log filters name it.
log = logging.getLogger("bot.core.service")

QueuedChange = Callable[[], Awaitable[None]]


class IndexLock:
    """An ``asyncio.Lock`` (``async with lock:``) that also knows which long work holds it."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        # (token, name) of each long work holding the lock or waiting for it, oldest first.
        self._long_work: list[tuple[object, str]] = []
        self._queued: list[QueuedChange] = []
        # Kept referenced while it runs (the loop holds tasks weakly).
        self._draining: asyncio.Task[None] | None = None

    async def __aenter__(self) -> None:
        await self._lock.acquire()

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._lock.release()

    def locked(self) -> bool:
        return self._lock.locked()

    @property
    def busy_with(self) -> str | None:
        """The long work holding the lock or waiting for it ("a reload"), or None."""
        return self._long_work[0][1] if self._long_work else None

    @contextlib.asynccontextmanager
    async def long_work(self, what: str) -> AsyncIterator[None]:
        """Hold the lock for long work named ``what`` ("a reload", for messages); the changes
        queued meanwhile (``after_long_work``) run as it ends, under the lock still, whether it
        succeeded or failed."""
        # Named before the lock is taken: a teaching arriving while this waits behind a
        # catch-up would otherwise wait for the whole reload as well.
        token = object()
        self._long_work.append((token, what))
        try:
            async with self._lock:
                try:
                    yield
                finally:
                    self._forget(token)
                    await self._run_queued()
        finally:
            if self._forget(token) and self._queued and not self._long_work:
                # Cancelled while it waited for the lock: what was queued behind it still runs.
                self._draining = asyncio.get_running_loop().create_task(self._drain())

    def after_long_work(self, change: QueuedChange) -> None:
        """Run ``change`` once the long work under way ends, in the order changes came. It
        runs under the lock, so it must not take it; a ``NewsdeskError`` or ``StoreError`` it
        raises is logged (its moderator was answered already)."""
        self._queued.append(change)

    async def settle(self) -> None:
        """Until the long work under way (or waiting for the lock) has ended and every change
        queued behind it has run. A close calls it before the store closes: the moderators
        were told those changes would be made, and a store closed under them would drop them.
        """
        if self._long_work or self._queued:
            log.info(
                "closing waits for %s to end and %d queued change(s) to be made",
                self.busy_with or "long work",
                len(self._queued),
            )
        # The lock is handed over in turn: by the time it is ours, the long work ahead has
        # ended and run its queue (or, cancelled while it waited, left it to a drain).
        await self._drain()
        if self._draining is not None:
            await self._draining

    def _forget(self, token: object) -> bool:
        """Take the long work ``token`` off the list; whether it was still on it."""
        kept = [(t, w) for t, w in self._long_work if t is not token]
        found = len(kept) != len(self._long_work)
        self._long_work = kept
        return found

    async def _drain(self) -> None:
        """Take the lock, then run what is queued."""
        async with self._lock:
            await self._run_queued()

    async def _run_queued(self) -> None:
        while self._queued:
            change = self._queued.pop(0)
            try:
                await change()
            except (NewsdeskError, StoreError) as exc:
                # A refused write is also kept for the moderators by the write guard.
                log.warning("a change queued behind long work was not made: %s", exc)
