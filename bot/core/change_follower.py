"""Following what other processes (the CLI, another bot process) write to the shared store.

A bot may run for weeks: it must never stop following, or it would answer stale facts without
a word, and an outage is logged once, not every second.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from bot.core.errors import NewsdeskError
from bot.core.storage import KnowledgeStore, StoreError

# The service's own logger, as before it was split up: operators' log filters name it.
log = logging.getLogger("bot.core.service")

# How often a running bot looks for changes other processes made.
FOLLOW_SECONDS = 1.0


class ChangeFollower:
    """A background task calling ``catch_up`` whenever the store says it changed."""

    def __init__(self, store: KnowledgeStore, catch_up: Callable[[], Awaitable[int]]) -> None:
        self._store = store
        self._catch_up = catch_up
        self._task: asyncio.Task[None] | None = None

    def start(self, every: float = FOLLOW_SECONDS) -> None:
        """Follow until ``stop``: as soon as the store says it changed, and at least every
        ``every`` seconds. Following already is left as it is."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._follow(every), name="follow changes")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _follow(self, every: float) -> None:
        failing = False
        while True:
            try:
                await self._store.wait_for_changes(every)
            except Exception:
                await asyncio.sleep(every)  # the reading below says what is wrong
            try:
                await self._catch_up()
            except (StoreError, NewsdeskError) as exc:
                # The database may be busy or away; the next round reads from where this one
                # stopped (or everything, if the log no longer reaches back): nothing is
                # missed. Said once per outage, not every second.
                if not failing:
                    log.warning("could not read other processes' changes: %s", exc)
                failing = True
            except Exception:
                # Whatever it was, following must go on: a bot that stopped following would
                # answer stale facts for weeks without a word.
                if not failing:
                    log.exception("could not read other processes' changes")
                failing = True
            else:
                if failing:
                    log.warning("reading other processes' changes again")
                failing = False
