"""Reading pages and feeds in a child process, given up at a deadline.

Pages and feeds come from moderators' links and from whoever writes a watched feed. trafilatura
takes time that grows faster than a page's size on nested markup (a 1 MB page: 24 s; a 4.9 MB
one: over 3 minutes and 364 MB). In a thread that work could not be stopped, and it would hold
the interpreter lock the bot answers questions with. In a child process it runs beside the bot,
is stopped at the deadline, and its memory is given back when the process ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import multiprocessing
from collections.abc import Callable
from multiprocessing.pool import Pool
from typing import Any, TypeVar

from bot.ingest.models import IngestError

T = TypeVar("T")

# A real article's page is read in well under a second. The deadline starts once the child is
# up with the reading code imported: that start (an interpreter, trafilatura and its
# dependencies) is the same for every page, and a loaded machine stretched it past the deadline
# of pages that then read in a second.
PARSE_SECONDS = 10.0
# Only a ceiling on the child's start, for a machine that cannot start a process at all.
START_SECONDS = 120.0
# "spawn", not "fork": the bot process has threads (aiosqlite, asyncio.to_thread).
_SPAWN = multiprocessing.get_context("spawn")


class ParsingWorker:
    """One child process for one ingestion (a page, or a feed and its pages), started when
    first needed and ended with ``close`` (or ``async with``)."""

    def __init__(self) -> None:
        self._pool: Pool | None = None

    async def __aenter__(self) -> ParsingWorker:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def run(self, source: str, func: Callable[..., T], *args: Any) -> T:
        """``func(*args)`` in the child process; its exceptions are raised here.

        Past ``PARSE_SECONDS`` (counted once the child is up) the child is stopped and
        ``IngestError`` names ``source``.
        """
        pool = self._pool
        if pool is None:
            pool = self._pool = _SPAWN.Pool(processes=1)
            # Said apart from a page too slow to read: nothing of the page was read yet.
            unstarted = (
                f"{source} was not read: the process reading pages did not start within "
                f"{START_SECONDS:g} seconds (the machine is too busy; try again later)."
            )
            await self._call(pool, START_SECONDS, unstarted, _import, func.__module__)
        unit = "second" if PARSE_SECONDS == 1 else "seconds"
        too_slow = (
            f"{source} could not be read within {PARSE_SECONDS:g} {unit} "
            "(too large or too intricate for a news article)."
        )
        return await self._call(pool, PARSE_SECONDS, too_slow, func, *args)

    async def _call(
        self, pool: Pool, seconds: float, late: str, func: Callable[..., T], *args: Any
    ) -> T:
        """``func(*args)`` in ``pool``'s child; past ``seconds`` the child is stopped and
        ``IngestError`` says ``late``."""
        loop = asyncio.get_running_loop()
        outcome: asyncio.Future[T] = loop.create_future()

        def settle(value: Any = None, error: BaseException | None = None) -> None:
            # Called in the pool's result thread; the loop may have closed meanwhile.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_settle, outcome, value, error)

        pool.apply_async(
            func, args, callback=settle, error_callback=lambda error: settle(error=error)
        )
        try:
            return await asyncio.wait_for(outcome, seconds)
        except TimeoutError:
            await self.close()  # a running task can only be stopped with its process
            raise IngestError(late) from None

    async def close(self) -> None:
        """End the child process, if one was started."""
        pool, self._pool = self._pool, None
        if pool is not None:
            await asyncio.to_thread(pool.terminate)


def _import(module: str) -> None:
    """Run in the child: import the module whose function it will be given."""
    importlib.import_module(module)


def _settle(outcome: asyncio.Future[Any], value: Any, error: BaseException | None) -> None:
    if outcome.done():  # given up at the deadline
        return
    if error is not None:
        outcome.set_exception(error)
    else:
        outcome.set_result(value)
