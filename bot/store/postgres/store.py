"""The PostgreSQL store: a fact base several bot processes share, through asyncpg and a pool.

Same meaning as the SQLite store, method by method (``bot.store.sqlite``); what differs is who
else writes. SQLite has one writer at a time; here any number of processes write at once, so:

- every write is one transaction (READ COMMITTED), and a conditional write (``if_status``) is
  one ``UPDATE``/``DELETE ... WHERE status = ...``, which PostgreSQL re-checks on the newest
  row version after waiting for a concurrent writer: an approval and a rejection racing each
  other cannot both win;
- a reload (``replace_file_facts``) reads the stored facts and writes the difference, so it
  locks the facts table against other writers first (``SHARE ROW EXCLUSIVE``: reads go on);
- the change log's triggers lock the generation row before a statement changes any fact, so
  the log is numbered in commit order (see ``bot.store.postgres.migrations``). Every write takes the
  facts (or the log) before anything else it locks, so no two writers wait on each other in
  a circle; a deadlock or serialization failure anyway is retried, whole, a few times;
- a running bot LISTENs for the triggers' NOTIFY on a connection of its own
  (``wait_for_changes``), and is told of a change when it commits.

Errors come out as the ``StoreError`` family. The URL's password never appears in a message:
``location`` and every error show the URL with ``***`` in its place.
"""

from __future__ import annotations

import asyncio

import asyncpg

from bot.core.storage import StoreError, StoreFull, StoreReadOnly, StoreUnavailable, redact_url
from bot.store.postgres.articles import PostgresArticles
from bot.store.postgres.asks import PostgresAsks
from bot.store.postgres.changes import PostgresChanges
from bot.store.postgres.connection import COMMAND_SECONDS, CONNECT_SECONDS, POOL_SIZE
from bot.store.postgres.coordination import PostgresCoordination
from bot.store.postgres.copies import PostgresCopies
from bot.store.postgres.errors import DRIVER_ERRORS, store_error
from bot.store.postgres.facts import PostgresFacts
from bot.store.postgres.knowledge import PostgresKnowledge
from bot.store.postgres.listening import PostgresListening
from bot.store.postgres.schema import PostgresSchema
from bot.store.postgres.teachings import PostgresTeachings


class PostgresStore(
    PostgresSchema,
    PostgresFacts,
    PostgresKnowledge,
    PostgresChanges,
    PostgresTeachings,
    PostgresAsks,
    PostgresArticles,
    PostgresCoordination,
    PostgresListening,
    PostgresCopies,
):
    """Facts, audit trail, asks and feedback in a PostgreSQL database, shared by processes."""

    @classmethod
    async def open(cls, url: str, *, pool_size: int = POOL_SIZE) -> PostgresStore:
        """Connect to the database at ``url`` and bring its schema up to date.

        ``StoreError`` with one sentence naming the database (without its password) when it
        cannot be used; nothing is left open then.
        """
        location = redact_url(url)
        try:
            pool = await asyncpg.create_pool(
                url,
                # No floor to keep: asyncpg would log a traceback for every attempt to
                # restore it while the server is down. Connections open when asked for.
                min_size=0,
                max_size=pool_size,
                timeout=CONNECT_SECONDS,
                command_timeout=COMMAND_SECONDS,
                server_settings={"application_name": "newsdesk"},
            )
        except DRIVER_ERRORS as exc:
            raise _unusable(location, exc) from exc
        except ValueError as exc:  # a URL asyncpg cannot read (a port that is no number...)
            raise StoreUnavailable(
                f"cannot use the database {location}: {redact_url(str(exc))}"
            ) from exc
        store = cls(pool, url)
        try:
            await store._migrate()
            await store._key_asks()
        except DRIVER_ERRORS as exc:
            await store.close()
            raise _unusable(location, exc) from exc
        except BaseException:
            await store.close()
            raise
        return store

    async def close(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            try:
                await asyncio.wait_for(listener.close(), CONNECT_SECONDS)
            except (*DRIVER_ERRORS, asyncio.CancelledError):
                listener.terminate()
        try:
            await asyncio.wait_for(self._pool.close(), CONNECT_SECONDS)
        except (*DRIVER_ERRORS, asyncio.CancelledError):
            self._pool.terminate()


def _unusable(location: str, exc: BaseException) -> StoreError:
    error = store_error(exc, location)
    if isinstance(error, StoreReadOnly | StoreFull):
        return error
    return StoreUnavailable(
        f"cannot use the database {location} ({redact_url(str(exc).strip() or type(exc).__name__)})"
    )
