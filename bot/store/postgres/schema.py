"""The PostgreSQL schema: its version (the ``schema_version`` table), the migrations run at start
under an advisory lock, and the integrity check."""

from __future__ import annotations

import logging

from bot.core.storage import StoreUnavailable
from bot.store.postgres.connection import PostgresConnection
from bot.store.postgres.errors import translated
from bot.store.postgres.migrations import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

# A migration runs under this advisory lock: processes starting together migrate once.
_MIGRATION_LOCK = 0x6E657773  # "news"


class PostgresSchema(PostgresConnection):
    @translated
    async def schema_version(self) -> int:
        exists = await self._fetchval("SELECT to_regclass('schema_version') IS NOT NULL")
        if not exists:
            return 0
        return int(await self._fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version"))

    async def _migrate(self) -> None:
        current = await self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreUnavailable(
                f"database schema version {current} is newer than this program ({SCHEMA_VERSION})"
            )
        if current == SCHEMA_VERSION:
            return
        async with self._pool.acquire() as connection, connection.transaction():
            # One process migrates; the others wait here and then find nothing left to do.
            await connection.execute("SELECT pg_advisory_xact_lock($1)", _MIGRATION_LOCK)
            await connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version integer PRIMARY KEY, migrated_at timestamptz NOT NULL DEFAULT now())"
            )
            current = await connection.fetchval(
                "SELECT COALESCE(MAX(version), 0) FROM schema_version"
            )
        for number in range(int(current) + 1, SCHEMA_VERSION + 1):
            async with self._pool.acquire() as connection, connection.transaction():
                await connection.execute("SELECT pg_advisory_xact_lock($1)", _MIGRATION_LOCK)
                done = await connection.fetchval(
                    "SELECT COALESCE(MAX(version), 0) FROM schema_version"
                )
                if done >= number:
                    continue
                for statement in MIGRATIONS[number - 1]:
                    await connection.execute(statement)
                await connection.execute("INSERT INTO schema_version (version) VALUES ($1)", number)
            log.info("database migrated to schema version %d", number)

    @translated
    async def integrity_check(self) -> str:
        """What PostgreSQL guarantees itself; here: the schema is this program's and every
        table reads. "ok" as SQLite's ``PRAGMA integrity_check`` says it."""
        version = await self.schema_version()
        if version != SCHEMA_VERSION:
            return f"schema version {version}, expected {SCHEMA_VERSION}"
        for table in (
            "facts",
            "audit",
            "asks",
            "feedback",
            "meta",
            "seen_articles",
            "taught_questions",
            "claims",
            "leases",
            "queued_teachings",
        ):
            await self._fetch(f"SELECT COUNT(*) FROM {table}")
        return "ok"
