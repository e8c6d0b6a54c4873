"""The SQLite schema: its version (``PRAGMA user_version``), the migrations run at start, and
the integrity check."""

from __future__ import annotations

import logging

from bot.core.storage import StoreUnavailable
from bot.store.sqlite.connection import SqliteConnection, translated
from bot.store.sqlite.migrations import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)


class SqliteSchema(SqliteConnection):
    @translated
    async def schema_version(self) -> int:
        async with self._read("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def _migrate(self) -> None:
        current = await self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreUnavailable(
                f"database schema version {current} is newer than this program ({SCHEMA_VERSION})"
            )
        for number in range(current + 1, SCHEMA_VERSION + 1):
            async with self.transaction() as db:
                # Several processes may start on a new database at once (bot processes, each
                # a range of shards): the first to get the write lock migrates, the others
                # find it done.
                async with db.execute("PRAGMA user_version") as cursor:
                    row = await cursor.fetchone()
                if row and int(row[0]) >= number:
                    continue
                for statement in MIGRATIONS[number - 1]:
                    await db.execute(statement)
                await db.execute(f"PRAGMA user_version = {number}")
            log.info("database migrated to schema version %d", number)

    @translated
    async def integrity_check(self) -> str:
        async with self._read("PRAGMA integrity_check") as cursor:
            row = await cursor.fetchone()
        return str(row[0]) if row else "no answer"
