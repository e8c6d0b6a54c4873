"""Announcing each feed draft once among processes, even when its announcer is killed.

The feed poller records, with each draft it files (one transaction), that the draft is owed an
announcement in the review channel. At each poll the process holding the feeds lease claims the
owed announcements (one conditional UPDATE: only those nobody claimed, or claimed more than
``CLAIM_SECONDS`` ago), posts them and marks them done. A process killed between the record and
the message leaves the announcement owed, and claimed at most ``CLAIM_SECONDS``: a later poll
(its own after a restart, or another process's) announces the draft. A moderator's ingest owes
none: the moderator is answered directly.
"""

from __future__ import annotations

from bot.core.storage import KnowledgeStore, OwedAnnouncement

# How long a claim keeps an announcement from other pollers: far past one message's posting,
# and a few minutes, so that a draft whose announcer was killed is announced within a poll or
# two. (Read at each call: tests shorten it.)
CLAIM_SECONDS = 300.0


class OwedAnnouncements:
    """The announcement claims of one holder (one knowledge base, so one bot process)."""

    def __init__(self, store: KnowledgeStore, holder: str) -> None:
        self._store = store
        self._holder = holder

    async def claim(self) -> list[OwedAnnouncement]:
        """The owed announcements this holder now has to post: those nobody claimed, and those
        claimed more than ``CLAIM_SECONDS`` ago (their claimant was killed)."""
        return await self._store.claim_announcements(self._holder, CLAIM_SECONDS)

    async def done(self, owed: list[OwedAnnouncement]) -> None:
        """Mark ``owed`` announced: no poll posts them again."""
        if owed:
            await self._store.announced([item.key for item in owed])
