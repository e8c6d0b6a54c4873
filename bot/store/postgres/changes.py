"""The change log: the facts other processes changed since a process last looked."""

from __future__ import annotations

from typing import Any, cast

import asyncpg

from bot.core.storage import FactChanges
from bot.store.postgres.connection import PostgresConnection
from bot.store.postgres.errors import translated

# Entries of the change log kept (a process further behind than this reads everything again).
CHANGES_KEPT = 200_000


class PostgresChanges(PostgresConnection):
    @translated
    async def latest_change(self) -> int:
        return int(await self._fetchval("SELECT COALESCE(MAX(seq), 0) FROM fact_changes"))

    @translated
    async def changes_since(self, seq: int, *, limit: int) -> FactChanges | None:
        async def read(connection: asyncpg.Connection) -> list[Any] | None:
            oldest, newest = await connection.fetchrow(
                "SELECT COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) FROM fact_changes"
            )
            if seq < oldest - 1 or seq > newest:
                # The log no longer reaches back that far, or this is another log (the
                # database was restored or replaced): read everything again.
                return None
            return cast(
                list[Any],
                await connection.fetch(
                    "SELECT seq, fact_id FROM fact_changes WHERE seq > $1 ORDER BY seq LIMIT $2",
                    seq,
                    limit + 1,
                ),
            )

        rows = await self._read(read, snapshot=True)
        if rows is None or len(rows) > limit:
            return None  # more than is worth reading one by one
        last = int(rows[-1][0]) if rows else seq
        return FactChanges(last, tuple(dict.fromkeys(str(r[1]) for r in rows)))
