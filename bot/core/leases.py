"""Work done once among several processes: named leases in the shared database.

Several bot processes may serve one fact base (each a range of Discord shards). What must
happen once — polling the watched feeds, posting the daily digest — runs only in the process
that holds the lease of its name, and moves to another process when the holder stops renewing
it (it died, or lost the database) and the lease expires. From any ``tasks.loop``::

    if not await bot.kb.hold_lease("digest", 60):
        return  # another process does it

A lease is held ``seconds`` past its last renewal. Work that runs all the time (the feed
poller) renews it more often than that, a third of it is a good rhythm, to keep it between
runs; another process takes over within ``seconds`` of the holder dying. A job that runs
once a day, in every process's loop at about the same moment, takes it for a few minutes
just before running: the first process there runs the job, the others find the lease held
and skip (pair it with a once-only record such as ``claim_once`` when twice would be wrong).

The rows, and the one-statement compare-and-set every store implements, are described in
``KnowledgeStore.hold_lease``.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket

from bot.core.storage import KnowledgeStore, StoreError

log = logging.getLogger(__name__)

# A lease held this long past its last renewal, unless the caller says otherwise; renew it every
# third of that. (Read at each call: tests shorten it.)
DEFAULT_LEASE_SECONDS = 30.0


def new_holder_id() -> str:
    """An id no other holder has: this machine, this process, and a random part (two
    knowledge bases in one process, or a pid reused after a restart, differ)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


class Leases:
    """The leases one holder (one knowledge base, so one bot process) takes and renews."""

    def __init__(self, store: KnowledgeStore, holder: str | None = None) -> None:
        self._store = store
        self.holder = holder or new_holder_id()
        self._held: set[str] = set()
        self._slots = 0

    def holds(self, name: str) -> bool:
        """Whether the last ``hold`` of ``name`` got it (no database read)."""
        return name in self._held

    async def hold(self, name: str, seconds: float | None = None) -> bool:
        """Take or renew ``name`` for ``seconds`` (default ``DEFAULT_LEASE_SECONDS``); True
        when this holder holds it now.

        A database error counts as not holding it (logged): doing the work twice is what a
        lease prevents, and the holder that cannot renew loses the lease anyway.
        """
        if seconds is None:
            seconds = DEFAULT_LEASE_SECONDS
        try:
            held = await self._store.hold_lease(name, self.holder, seconds)
        except StoreError as exc:
            log.warning("lease %s not renewed (%s): its work waits", name, exc)
            held = False
        if held and name not in self._held:
            log.info("lease %s taken by %s: its work runs in this process", name, self.holder)
            self._held.add(name)
        elif not held and name in self._held:
            log.info("lease %s lost by %s: its work stops here", name, self.holder)
            self._held.discard(name)
        return held

    async def take_slot(self, name: str, seconds: float) -> bool:
        """Take ``name`` for ``seconds`` only if it is free, under a holder id used once, so
        that it is never renewed, even by this process: at most one taker per ``seconds``
        among all the processes on the store (a start rate, such as Discord's IDENTIFY limit).
        A database error counts as not taken."""
        self._slots += 1
        try:
            return await self._store.hold_lease(name, f"{self.holder}#{self._slots}", seconds)
        except StoreError as exc:
            log.warning("slot %s not taken (%s)", name, exc)
            return False

    async def release_all(self) -> None:
        """Give up every lease held (at shutdown): another process takes over at once instead
        of waiting for them to expire."""
        for name in sorted(self._held):
            try:
                await self._store.hold_lease(name, self.holder, 0)
            except StoreError as exc:
                log.warning("lease %s not given up (%s): it expires by itself", name, exc)
        self._held.clear()
