"""The database copied out whole: a consistent read of every table (``kb migrate``) and a backup
file (``kb backup``)."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from bot.store.sqlite.connection import BUSY_TIMEOUT_MS, SqliteConnection, store_error, translated


def _vacuum_into(database: Path, target: Path) -> None:
    """``VACUUM INTO target`` on a new read-only connection to ``database`` (blocking)."""
    connection = sqlite3.connect(
        f"{database.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None
    )
    existed = target.exists()
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("VACUUM INTO ?", (str(target),))
    except BaseException:
        if not existed:  # a copy that failed half-way is no backup; another file is left be
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    finally:
        connection.close()


class SqliteTables:
    """The tables of an SQLite fact base inside one read transaction (``SqliteStore.snapshot``),
    as ``PostgresStore.copy_from`` reads them."""

    BATCH = 5_000

    def __init__(self, connection: aiosqlite.Connection, tables: dict[str, tuple[str, ...]]):
        self._db = connection
        self._tables = tables

    def tables(self) -> dict[str, tuple[str, ...]]:
        return dict(self._tables)

    async def count(self, table: str) -> int:
        async with self._db.execute(f'SELECT COUNT(*) FROM "{table}"') as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def rows(self, table: str) -> AsyncIterator[list[tuple[Any, ...]]]:
        columns = ", ".join(f'"{c}"' for c in self._tables[table])
        # In rowid order, which is the primary key's for the tables that have "pk".
        async with self._db.execute(f'SELECT {columns} FROM "{table}" ORDER BY rowid') as cursor:
            while batch := await cursor.fetchmany(self.BATCH):
                yield [tuple(row) for row in batch]


class SqliteCopies(SqliteConnection):
    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[SqliteTables]:
        """Every table as one moment of the database saw it (a read transaction, which WAL
        keeps consistent while other processes write): what ``kb migrate`` copies."""
        try:
            async with self._lock:
                await self._db.execute("BEGIN")
                try:
                    async with self._db.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                    ) as cursor:
                        names = [str(row[0]) for row in await cursor.fetchall()]
                    tables: dict[str, tuple[str, ...]] = {}
                    for name in names:
                        async with self._db.execute(f'PRAGMA table_info("{name}")') as cursor:
                            tables[name] = tuple(str(row[1]) for row in await cursor.fetchall())
                    yield SqliteTables(self._db, tables)
                finally:
                    if self._db.in_transaction:
                        await self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise store_error(exc) from exc

    @translated
    async def backup(self, target: Path) -> None:
        """A consistent copy of the database in ``target`` (a new file), safe while writing.

        ``VACUUM INTO`` runs on a connection of its own, read-only: it copies one read
        snapshot of the WAL database, whatever this process's writer (whose transactions hold
        the main connection) or other processes commit meanwhile, and never blocks them. A
        copy that fails half-way is removed.
        """
        if str(self.path) == ":memory:":
            # Nothing else can see an in-memory database: copy it between transactions.
            async with self._lock:
                await self._db.execute("VACUUM INTO ?", (str(target),))
            return
        await asyncio.to_thread(_vacuum_into, self.path, target)
