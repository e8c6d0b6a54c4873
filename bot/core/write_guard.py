"""How a refused write reaches a person: one sentence for whoever asked, and the reason kept
for the moderators (``/kb stats``) until a write succeeds again.

Every collaborator of the knowledge service that writes (facts, asks, drafts, reloads) goes
through one ``WriteGuard``, so that the problem shown is the last one, whoever met it.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.core.errors import WriteFailed
from bot.core.storage import StoreConflict, StoreError, StoreUnavailable

# The service's own logger, as before it was split up: operators' log filters name it.
log = logging.getLogger("bot.core.service")


def refused(what: str) -> str:
    """What a person is told when the database refused to save ``what``."""
    return (
        f"The {what} could not be saved (the database refused the write), so nothing was "
        "changed; the moderators have been told."
    )


@asynccontextmanager
async def file_work(what: str) -> AsyncIterator[None]:
    """Around work on the knowledge folder's files: a refused file operation (a read-only
    folder, a full disk) becomes one sentence for whoever asked."""
    try:
        yield
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise WriteFailed(
            f"Could not {what}: {exc.strerror or exc}{where}. Check that the knowledge "
            "folder is writable by the bot; nothing was changed."
        ) from exc


class WriteGuard:
    """Turns store failures into ``WriteFailed`` and remembers the last one."""

    def __init__(self) -> None:
        # Why the last write failed, for the moderators; None once one succeeds again.
        self.problem: str | None = None

    @asynccontextmanager
    async def writing(self, failure: str) -> AsyncIterator[None]:
        """Around every store write: a refused write becomes ``WriteFailed(failure)`` and is
        remembered for the moderators (``/kb stats``) until a write succeeds again. Conflicts
        (``StoreConflict``) pass through: they are about the request, not the database."""
        try:
            yield
        except StoreConflict:
            raise
        except StoreError as exc:
            self.problem = str(exc)
            log.error("database write failed: %s", self.problem)
            raise WriteFailed(failure) from exc
        self.problem = None

    @asynccontextmanager
    async def before_writing(self, failure: str) -> AsyncIterator[None]:
        """Around the reads a write needs first (the daily budget, the fact as stored): a
        database that cannot be reached (a server that is down) fails the write as the write
        itself would, with ``WriteFailed(failure)``, and the moderators are told why."""
        try:
            yield
        except StoreUnavailable as exc:
            self.problem = str(exc)
            log.error("database write failed: %s", self.problem)
            raise WriteFailed(failure) from exc
