"""The change log: the facts other processes changed since a process last looked."""

from __future__ import annotations

import aiosqlite

from bot.core.storage import FactChanges
from bot.store.change_log import LATEST_CHANGE, changes_read
from bot.store.sqlite.connection import SqliteConnection, translated


class SqliteChanges(SqliteConnection):
    @staticmethod
    async def _latest_change(db: aiosqlite.Connection) -> int:
        async with db.execute(LATEST_CHANGE) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    @translated
    async def latest_change(self) -> int:
        async with self._lock:
            return await self._latest_change(self._db)

    @translated
    async def changes_since(self, seq: int, *, limit: int) -> FactChanges | None:
        async with self._read("SELECT MIN(seq) FROM fact_changes") as cursor:
            row = await cursor.fetchone()
        oldest = int(row[0]) if row and row[0] is not None else 0
        if seq < oldest - 1:
            return None  # the log no longer reaches back that far
        async with self._read(
            "SELECT seq, fact_id FROM fact_changes WHERE seq > ? ORDER BY seq LIMIT ?",
            (seq, limit + 1),
        ) as cursor:
            rows = list(await cursor.fetchall())
        return changes_read(rows, seq, limit)
