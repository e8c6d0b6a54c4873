"""The SQLite store's one connection, its lock, and its errors as the ``StoreError`` family.

aiosqlite runs the connection on one thread, and a lock makes each transaction run alone on it,
so there is exactly one writer and "database is locked" never reaches a user. Every part of the
store (``bot.store.sqlite``) is a class built on ``SqliteConnection``.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import sqlite3
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import aiosqlite

from bot.core.storage import StoreConflict, StoreError, StoreFull, StoreReadOnly, StoreUnavailable

BUSY_TIMEOUT_MS = 10_000

_P = ParamSpec("_P")
_T = TypeVar("_T")


def store_error(exc: sqlite3.Error) -> StoreError:
    """The ``StoreError`` an SQLite failure means, keeping SQLite's own words for operators."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, sqlite3.IntegrityError) or primary == sqlite3.SQLITE_CONSTRAINT:
        return StoreConflict(detail)
    if primary == sqlite3.SQLITE_FULL or "disk is full" in detail:
        return StoreFull(detail)
    if primary == sqlite3.SQLITE_READONLY or "readonly" in detail:
        return StoreReadOnly(detail)
    return StoreUnavailable(detail)


def translated(
    method: Callable[_P, Coroutine[Any, Any, _T]],
) -> Callable[_P, Coroutine[Any, Any, _T]]:
    """Raise ``StoreError``s, never ``sqlite3`` ones, from a store method."""

    @functools.wraps(method)
    async def call(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return await method(*args, **kwargs)
        except sqlite3.Error as exc:
            raise store_error(exc) from exc

    return call


class SqliteConnection:
    """An open SQLite database: the connection every part of the store reads and writes
    through, one transaction at a time."""

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._lock = asyncio.Lock()
        # A second connection, only ever read through (``_read_aside``), opened when first
        # needed; and its own lock, held while it opens or a query's rows are read.
        self._reader: aiosqlite.Connection | None = None
        self._reader_lock = asyncio.Lock()

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def local_file(self) -> Path | None:
        return None if str(self.path) == ":memory:" else self.path

    async def close(self) -> None:
        async with self._reader_lock:
            if self._reader is not None:
                await self._reader.close()
                self._reader = None
        await self._db.close()

    @asynccontextmanager
    async def _read_aside(
        self, sql: str, params: Sequence[Any] = ()
    ) -> AsyncIterator[aiosqlite.Cursor]:
        """A query that does not wait for the write under way: on a connection of its own,
        which in WAL mode reads the last committed state while another transaction writes.
        For what must answer at once (Discord gives autocomplete three seconds) while a
        reload's long transaction holds the main connection; an in-memory database has no
        other connection to it, and reads between transactions (``_read``)."""
        if self.local_file is None:
            async with self._read(sql, params) as cursor:
                yield cursor
            return
        async with self._reader_lock:
            if self._reader is None:
                reader = aiosqlite.connect(str(self.path), isolation_level=None)
                await reader
                await reader.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                await reader.execute("PRAGMA query_only = ON")
                self._reader = reader
            async with self._reader.execute(sql, params) as cursor:
                yield cursor

    @asynccontextmanager
    async def _read(self, sql: str, params: Sequence[Any] = ()) -> AsyncIterator[aiosqlite.Cursor]:
        """A query between transactions: the connection is shared, and a read slipped into
        another coroutine's open transaction would see its uncommitted (maybe rolled back)
        writes."""
        async with self._lock, self._db.execute(sql, params) as cursor:
            yield cursor

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any error or cancellation."""
        async with self._lock:
            try:
                # Inside the try: a BEGIN that ran although its caller was cancelled meanwhile
                # is rolled back here, not left open for every later write to fail on.
                await self._run_through("BEGIN IMMEDIATE")
                yield self._db
                await self._run_through("COMMIT")
            except BaseException:
                # SQLite ends the transaction itself after some errors (a full disk); a failed
                # COMMIT may leave it open. Roll back only what is open, and raise the error
                # being handled, never the ROLLBACK's: the next transaction can begin, and a
                # cancellation stays one (a StoreError in its place is caught and logged by
                # callers such as the lease keeper, and the cancelled task runs on).
                if self._db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        await self._run_through("ROLLBACK")
                raise

    async def _run_through(self, sql: str) -> None:
        """Execute ``sql`` and, when the caller is cancelled meanwhile, wait for it to end
        before the cancellation is raised. aiosqlite runs a statement on its thread whether or
        not anyone still waits for it, so a cancelled caller would otherwise read the
        connection's state (``in_transaction``) while the statement changes it: a COMMIT still
        running looked like an open transaction, and the ROLLBACK that followed it failed."""
        statement = asyncio.ensure_future(self._db.execute(sql))
        try:
            await asyncio.shield(statement)
        except asyncio.CancelledError:
            while not statement.done():
                with contextlib.suppress(asyncio.CancelledError):
                    await asyncio.wait({statement})
            if not statement.cancelled():
                statement.exception()  # its failure, if any, is the transaction's to handle
            raise
