"""The change log: the facts other processes changed since a process last looked."""

from __future__ import annotations

import aiosqlite

from bot.core.storage import FactChanges
from bot.store.sqlite.connection import SqliteConnection, translated

# Entries of the change log kept (a process further behind than this reads everything again).
CHANGES_KEPT = 200_000


class SqliteChanges(SqliteConnection):
    @staticmethod
    async def _latest_change(db: aiosqlite.Connection) -> int:
        async with db.execute("SELECT COALESCE(MAX(seq), 0) FROM fact_changes") as cursor:
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
        if len(rows) > limit:
            return None  # more than is worth reading one by one
        last = int(rows[-1][0]) if rows else seq
        return FactChanges(last, tuple(dict.fromkeys(str(r[1]) for r in rows)))
