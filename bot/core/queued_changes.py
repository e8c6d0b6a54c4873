"""Teachings and takings back queued behind long work, kept in the store until they are made.

A moderator who teaches the bot a question during a reload is told at once that it is made as
soon as the reload ends (``bot.core.index_lock``). That promise must hold through a crash too:
a bot killed mid-reload forgets what it held in memory. So a queued change is first written to
the store (audited "teach-queued" or "unteach-queued", in the same transaction), and made from
that row: when the long work ends in this process, or, after a crash, at the next start of any
process that writes (``make_stored``). Making one forgets its row in the same transaction as
the teaching (or its audit as not made), so it is made once, by one process, whatever happens.

A process that starts while another is still in its reload makes that one's queued changes
too, before that reload ends. That is left so: the rows carry no sign of whether the process
that queued them lives, and the change is checked again against the starting process's own
index (reloaded from the same files, or the stored facts) as any teaching is; the process that
queued it then finds the row gone and makes nothing, catching up from the change log.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Awaitable, Callable, Mapping

from bot.core.errors import NewsdeskError
from bot.core.index_lock import IndexLock
from bot.core.storage import KnowledgeStore, QueuedTeaching, StoreError
from bot.core.write_guard import WriteGuard, refused

# The service's own logger, like the other writers: operators' log filters name it.
log = logging.getLogger("bot.core.service")

# Makes one queued change, under the index's lock (a Teacher's or Unteacher's).
Maker = Callable[[QueuedTeaching], Awaitable[None]]


async def queue_behind(
    store: KnowledgeStore,
    lock: IndexLock,
    guard: WriteGuard,
    change: QueuedTeaching,
    waits_for: str,
    make: Maker,
) -> None:
    """Keep ``change`` in the store, then have ``make`` make it as the long work ends (or at
    once, under the lock, when that work ended while the row was being written)."""
    async with guard.writing(refused("queued teaching")):
        pk = await store.queue_teaching(change, waits_for)
    stored = dataclasses.replace(change, pk=pk)

    async def later() -> None:
        await make(stored)

    if lock.busy_with is not None:
        lock.after_long_work(later)
        return
    # The long work ended while the row was written, and ran its queue without this change.
    async with lock:
        await _logged(later)


async def make_stored(store: KnowledgeStore, lock: IndexLock, makers: Mapping[str, Maker]) -> int:
    """Make the changes the store still holds queued (a process that queued them stopped
    before it made them), oldest first, each under the lock; how many there were."""
    waiting = await store.queued_teachings()
    for change in waiting:
        log.info(
            "%s of a question for %s queued before a restart, made now",
            change.action,
            change.fact_id,
        )
        async with lock:
            await _logged(functools.partial(makers[change.action], change))
    return len(waiting)


async def _logged(make: Callable[[], Awaitable[None]]) -> None:
    try:
        await make()
    except (NewsdeskError, StoreError) as exc:
        # Its row stays queued (nothing of a failed write is kept): the next start tries again.
        log.warning("a queued teaching was not made: %s", exc)
