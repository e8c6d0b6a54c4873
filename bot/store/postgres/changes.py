"""The change log: the facts other processes changed since a process last looked."""

from __future__ import annotations

from typing import Any, cast

import asyncpg

from bot.core.storage import FactChanges
from bot.store.change_log import LATEST_CHANGE, changes_read
from bot.store.postgres.connection import PostgresConnection
from bot.store.postgres.errors import translated


class PostgresChanges(PostgresConnection):
    @translated
    async def latest_change(self) -> int:
        return int(await self._fetchval(LATEST_CHANGE))

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
        return None if rows is None else changes_read(rows, seq, limit)
