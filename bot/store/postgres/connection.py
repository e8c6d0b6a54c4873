"""The pool every part of the PostgreSQL store reads and writes through: a read run again on a
connection found dead, a write one transaction, run again when PostgreSQL chose it as a deadlock's
loser. Every part of the store (``bot.store.postgres``) is a class built on
``PostgresConnection``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar, cast

import asyncpg

from bot.core.storage import redact_url
from bot.store.postgres.errors import DRIVER_ERRORS, RETRY_CODES, connection_lost, sqlstate

log = logging.getLogger(__name__)

# Connections per process: the bot's writes are short, and the statistics writer batches.
POOL_SIZE = 10
# How long to wait for a connection (a server that does not answer is "unavailable", not a
# hang), and for one statement.
CONNECT_SECONDS = 5.0
COMMAND_SECONDS = 60.0
# A transaction that lost a deadlock or a serialization check is run again this many times.
WRITE_ATTEMPTS = 4

_P = ParamSpec("_P")
_T = TypeVar("_T")


class PostgresConnection:
    """A pool of connections to one database, and the state of the one that listens for changes
    (``bot.store.postgres.listening``)."""

    def __init__(self, pool: asyncpg.Pool, url: str) -> None:
        self._pool = pool
        self._url = url
        self._location = redact_url(url)
        self._listener: asyncpg.Connection | None = None
        self._changed = asyncio.Event()
        self._listen_after = 0.0
        self._listen_failing = False

    @property
    def location(self) -> str:
        return self._location

    @property
    def local_file(self) -> Path | None:
        return None  # a server database: no index snapshot beside it

    async def _read(
        self, body: Callable[[asyncpg.Connection], Awaitable[_T]], *, snapshot: bool = False
    ) -> _T:
        """``body`` on a pooled connection (in a read-only transaction that sees one moment
        of the database, if ``snapshot``). A read is safe to run again: on a connection found
        dead (the server restarted since it was last used) it is, on another one."""
        for attempt in range(1, 4):
            try:
                async with self._pool.acquire() as connection:
                    if not snapshot:
                        return await body(connection)
                    async with connection.transaction(isolation="repeatable_read", readonly=True):
                        return await body(connection)
            except DRIVER_ERRORS as exc:
                if attempt == 3 or not connection_lost(exc) or self._pool.is_closing():
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def _fetch(self, sql: str, *args: Any) -> list[Any]:
        async def fetch(connection: asyncpg.Connection) -> list[Any]:
            return cast(list[Any], await connection.fetch(sql, *args))

        return await self._read(fetch)

    async def _fetchval(self, sql: str, *args: Any) -> Any:
        rows = await self._fetch(sql, *args)
        return rows[0][0] if rows else None

    async def _write(self, body: Callable[[asyncpg.Connection], Awaitable[_T]]) -> _T:
        """``body`` in one transaction, committed or rolled back whole. Run again from the
        start when PostgreSQL chose it as a deadlock's or serialization check's loser, or when
        the connection was found dead before anything was written (a write that may have
        reached the server is never sent twice)."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            began = False
            try:
                async with self._pool.acquire() as connection, connection.transaction():
                    began = True
                    return await body(connection)
            except DRIVER_ERRORS as exc:
                again = sqlstate(exc) in RETRY_CODES or (not began and connection_lost(exc))
                if not again or attempt == WRITE_ATTEMPTS or self._pool.is_closing():
                    raise
                log.info("write retried after %s", exc.__class__.__name__)
                await asyncio.sleep(0.01 * attempt)
        raise AssertionError("unreachable")  # pragma: no cover
