"""Making the served index's /latest topic counts and facts by date as soon as it is loaded.

Both are kept up to date as facts change, but made from every fact the first time they are
read: 1-2 s for the topic counts and about 0.5 s for the facts by date at 100,000 facts, paid
by the member who happened to ask first after a start or a reload. A running bot makes them
in the background instead, in steps that hold the event loop a few milliseconds each, and
again whenever another index is served (a reload, catching up with everything).

The same warm-up then makes the country-name tables of the languages the facts are written in
(``country_names.prepare``): the Russian one took the first Russian question that met the
check about 0.1 s. And it reads the names of the places a question may name by their kind
(``Matcher.prepare_place_names``): the first question naming "the port" read hundreds of them.
Each is one build, not steps: it runs in a worker thread, which gives the event loop its turn at
Python's switch interval (5 ms).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

from bot.core import country_names
from bot.core.matcher import Matcher

log = logging.getLogger(__name__)

# Seconds of work before the event loop gets its turn again (questions, heartbeats).
STEP_SECONDS = 0.003
# How often the bot looks whether another index is served.
WATCH_SECONDS = 0.2


class TimelineWarmer:
    """A background task making each newly served index's timeline (``served()``)."""

    def __init__(self, served: Callable[[], Matcher]) -> None:
        self._served = served
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Make the timeline of every index served from now on, until ``stop``."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="make the timeline")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        made: Matcher | None = None
        while True:
            index = self._served()
            if index is made:
                await asyncio.sleep(WATCH_SECONDS)
                continue
            try:
                await self._make(index)
                await asyncio.to_thread(country_names.prepare, index.written_languages())
                await asyncio.to_thread(index.prepare_place_names)
            except Exception:
                # A member's first /latest (or question) makes what is missing, as before:
                # nothing is lost but the head start.
                log.exception("could not make the timeline, country or place names in advance")
                made = index
                continue
            if self._served() is index:
                made = index

    async def _make(self, index: Matcher) -> None:
        """Step through ``index.timeline_steps()``, giving the event loop its turn every
        ``STEP_SECONDS``; given up when another index is served meanwhile."""
        steps = index.timeline_steps()
        while True:
            until = time.perf_counter() + STEP_SECONDS
            for _ in steps:
                if time.perf_counter() >= until:
                    break
            else:
                return
            await asyncio.sleep(0)
            if self._served() is not index:
                return
