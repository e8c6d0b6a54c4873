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
  the log is numbered in commit order (see ``postgres_migrations``). Every write takes the
  facts (or the log) before anything else it locks, so no two writers wait on each other in
  a circle; a deadlock or serialization failure anyway is retried, whole, a few times;
- a running bot LISTENs for the triggers' NOTIFY on a connection of its own
  (``wait_for_changes``), and is told of a change when it commits.

Errors come out as the ``StoreError`` family. The URL's password never appears in a message:
``location`` and every error show the URL with ``***`` in its place.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any, ParamSpec, Protocol, TypeVar, cast

import asyncpg

from bot.core.models import AuditEntry, Fact, Origin, ReloadReport, Stats, Status
from bot.core.storage import (
    AskRecord,
    FactChanges,
    StoreConflict,
    StoredKnowledge,
    StoreError,
    StoreFull,
    StoreReadOnly,
    StoreUnavailable,
    StoreUnsupported,
    redact_url,
    stats_from_counts,
)
from bot.store.fact_rows import (
    FACT_COLUMN_NAMES,
    FACT_COLUMNS,
    SERVED_TAUGHT,
    fact_row,
    row_fact,
)
from bot.store.postgres_migrations import CHANGES_CHANNEL, MIGRATIONS, SCHEMA_VERSION
from bot.store.reload_plan import digested, plan_reload

log = logging.getLogger(__name__)

# Connections per process: the bot's writes are short, and the statistics writer batches.
POOL_SIZE = 10
# How long to wait for a connection (a server that does not answer is "unavailable", not a
# hang), and for one statement.
CONNECT_SECONDS = 5.0
COMMAND_SECONDS = 60.0
# A transaction that lost a deadlock or a serialization check is run again this many times.
WRITE_ATTEMPTS = 4
# Entries of the change log kept (a process further behind than this reads everything again).
CHANGES_KEPT = 200_000
# A migration runs under this advisory lock: processes starting together migrate once.
_MIGRATION_LOCK = 0x6E657773  # "news"
# Each database's own log of changes: never copied from another.
_CHANGE_LOG_TABLE = "fact_changes"

_P = ParamSpec("_P")
_T = TypeVar("_T")


# ------------------------------------------------------------------------------ errors
# SQLSTATE classes and codes, as PostgreSQL documents them (Appendix A).
_CONNECTION_LOST = (
    asyncpg.exceptions.PostgresConnectionError,  # class 08
    asyncpg.exceptions.InterfaceError,  # "connection is closed", pool closing
    # A connection whose server went away in the middle of a message ("another operation is
    # in progress"): asyncpg replaces it once it is released.
    asyncpg.exceptions.InternalClientError,
    OSError,  # refused, reset, unreachable
    TimeoutError,  # no connection within CONNECT_SECONDS, or no answer within COMMAND_SECONDS
)
_RETRY_CODES = {"40001", "40P01"}  # serialization failure, deadlock detected
_READ_ONLY_CODES = {"25006", "42501"}  # read-only transaction, insufficient privilege
_FULL_CODES = {"53100"}  # disk full
_GONE_CODES = {"53300", "57P01", "57P02", "57P03", "08006", "08001", "08004"}


def _sqlstate(exc: BaseException) -> str:
    return str(getattr(exc, "sqlstate", "") or "")


def _connection_lost(exc: BaseException) -> bool:
    return isinstance(exc, _CONNECTION_LOST) or _sqlstate(exc) in _GONE_CODES


def store_error(exc: BaseException, location: str) -> StoreError:
    """The ``StoreError`` a driver failure means, in PostgreSQL's words but never with a
    password. ``location`` is the redacted URL."""
    code = _sqlstate(exc)
    detail = redact_url(str(exc).strip() or type(exc).__name__)
    if code.startswith("23"):
        return StoreConflict(detail)
    if code in _FULL_CODES:
        return StoreFull(f"{detail} (PostgreSQL at {location}: disk full)")
    if code in _READ_ONLY_CODES:
        return StoreReadOnly(f"{detail} (PostgreSQL at {location} refuses writes)")
    if code == "53300":
        return StoreUnavailable(f"{detail}: PostgreSQL at {location} has no connection to spare")
    if _connection_lost(exc):
        if isinstance(exc, TimeoutError):
            return StoreUnavailable(f"the database {location} did not answer in time")
        return StoreUnavailable(f"cannot reach the database {location} ({detail})")
    if code in _RETRY_CODES:
        return StoreUnavailable(f"{detail} (PostgreSQL at {location}: too many writers at once)")
    return StoreUnavailable(f"{detail} (PostgreSQL at {location})")


_DRIVER_ERRORS = (asyncpg.exceptions.PostgresError, *_CONNECTION_LOST)


def translated(
    method: Callable[_P, Coroutine[Any, Any, _T]],
) -> Callable[_P, Coroutine[Any, Any, _T]]:
    """Raise ``StoreError``s, never asyncpg's or the socket's, from a store method."""

    @functools.wraps(method)
    async def call(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return await method(*args, **kwargs)
        except StoreError:
            raise
        except _DRIVER_ERRORS as exc:
            store = cast(PostgresStore, args[0])
            raise store_error(exc, store.location) from exc

    return call


# ------------------------------------------------------------------------------- rows
def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _text(value: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL: it becomes U+FFFD (SQLite keeps it), so that a hostile
    question or answer is stored rather than failing its whole transaction."""
    return value.replace("\x00", "\ufffd") if value is not None else None


def _fact_row(fact: Fact) -> tuple[Any, ...]:
    return fact_row(fact, text=_text)


def _moment(value: dt.datetime) -> dt.datetime:
    """``value`` as the store compares moments: in UTC, to the second (as SQLite's text)."""
    return value.astimezone(dt.UTC).replace(microsecond=0)


def _count(status: str) -> int:
    """The row count of a command status ("UPDATE 1", "DELETE 0")."""
    return int(status.rsplit(" ", 1)[-1])


# ------------------------------------------------------------------ copying a fact base
class TableSource(Protocol):
    """A consistent read of another store's tables, for ``PostgresStore.copy_from``."""

    def tables(self) -> dict[str, tuple[str, ...]]:
        """Each table's name and columns."""
        ...

    async def count(self, table: str) -> int: ...
    def rows(self, table: str) -> AsyncIterator[list[tuple[Any, ...]]]:
        """The table's rows, in batches, in its primary key's order."""
        ...


# What the copy leaves out: the change log is each database's own, and the generation too;
# leases too: they belong to the processes running on each database (a lease of the source's
# bots means nothing to the ones on this one, and every lease lapses within seconds anyway),
# and this database's own are left as they are.
_NOT_COPIED = frozenset({_CHANGE_LOG_TABLE, "sqlite_sequence", "schema_version", "leases"})


def _convert(kind: str, table: str, column: str) -> Callable[[Any], Any]:
    """How a value read from SQLite becomes one of PostgreSQL's ``kind``."""

    def timestamp(value: Any) -> Any:
        if value is None or isinstance(value, dt.datetime):
            return value
        moment = dt.datetime.fromisoformat(str(value))
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)

    def date(value: Any) -> Any:
        if value is None or value == "" or isinstance(value, dt.date):
            return value or None
        return dt.date.fromisoformat(str(value))

    def integer(value: Any) -> Any:
        return None if value is None else int(value)

    def real(value: Any) -> Any:
        return None if value is None else float(value)

    def text(value: Any) -> Any:
        return None if value is None else _text(str(value))

    converters: dict[str, Callable[[Any], Any]] = {
        "timestamp with time zone": timestamp,
        "timestamp without time zone": timestamp,
        "date": date,
        "bigint": integer,
        "integer": integer,
        "smallint": integer,
        "double precision": real,
        "real": real,
        "numeric": real,
        "boolean": lambda value: None if value is None else bool(value),
        "text": text,
    }
    if kind not in converters:
        raise StoreUnsupported(f"cannot copy {table}.{column}: PostgreSQL type {kind} is not known")
    return converters[kind]


class PostgresStore:
    """Facts, audit trail, asks and feedback in a PostgreSQL database, shared by processes."""

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
        except _DRIVER_ERRORS as exc:
            raise _unusable(location, exc) from exc
        except ValueError as exc:  # a URL asyncpg cannot read (a port that is no number...)
            raise StoreUnavailable(
                f"cannot use the database {location}: {redact_url(str(exc))}"
            ) from exc
        store = cls(pool, url)
        try:
            await store._migrate()
        except _DRIVER_ERRORS as exc:
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
            except (*_DRIVER_ERRORS, asyncio.CancelledError):
                listener.terminate()
        try:
            await asyncio.wait_for(self._pool.close(), CONNECT_SECONDS)
        except (*_DRIVER_ERRORS, asyncio.CancelledError):
            self._pool.terminate()

    # ---------------------------------------------------------------------- connections
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
            except _DRIVER_ERRORS as exc:
                if attempt == 3 or not _connection_lost(exc) or self._pool.is_closing():
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
            except _DRIVER_ERRORS as exc:
                again = _sqlstate(exc) in _RETRY_CODES or (not began and _connection_lost(exc))
                if not again or attempt == WRITE_ATTEMPTS or self._pool.is_closing():
                    raise
                log.info("write retried after %s", exc.__class__.__name__)
                await asyncio.sleep(0.01 * attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    # ------------------------------------------------------------------------ migrations
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

    # ------------------------------------------------------------------------ reading
    @translated
    async def all_facts(self, *, origin: Origin | None = None) -> list[Fact]:
        """Every fact, or those of one origin, oldest first."""
        if origin is None:
            rows = await self._fetch(f"SELECT {FACT_COLUMNS} FROM facts ORDER BY pk")
        else:
            rows = await self._fetch(
                f"SELECT {FACT_COLUMNS} FROM facts WHERE origin = $1 ORDER BY pk", origin.value
            )
        return [row_fact(row) for row in rows]

    @translated
    async def get_fact(self, fact_id: str) -> Fact | None:
        rows = await self._fetch(f"SELECT {FACT_COLUMNS} FROM facts WHERE id = $1", fact_id)
        return row_fact(rows[0]) if rows else None

    @translated
    async def fact_ids(self) -> set[str]:
        return {row[0] for row in await self._fetch("SELECT id FROM facts")}

    @translated
    async def history(self, fact_id: str) -> list[AuditEntry]:
        rows = await self._fetch(
            "SELECT at, actor, action, fact_id, guild_id, detail FROM audit "
            "WHERE fact_id = $1 ORDER BY pk",
            fact_id,
        )
        return [AuditEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]

    @translated
    async def count_writes_since(self, actor: str, since: dt.datetime) -> int:
        if since.tzinfo is None:
            since = since.replace(tzinfo=dt.UTC)
        value = await self._fetchval(
            "SELECT COUNT(*) FROM audit WHERE actor = $1 AND action IN ('add', 'edit') "
            "AND at >= $2",
            actor,
            since.replace(microsecond=0),
        )
        return int(value or 0)

    @translated
    async def synonyms(self) -> tuple[tuple[str, ...], ...]:
        """The synonym groups of the knowledge in service (saved with every reload)."""
        value = await self._fetchval("SELECT value FROM meta WHERE key = 'synonyms'")
        return tuple(tuple(group) for group in json.loads(value)) if value else ()

    @translated
    async def generation(self) -> int:
        """The generation of the facts and synonyms: it changes with every change to them
        (by any process) and never comes back to an earlier value."""
        value = await self._fetchval("SELECT value FROM meta WHERE key = 'generation'")
        return int(value) if value is not None else 0

    @translated
    async def stored_knowledge(self) -> StoredKnowledge | None:
        """The signature the last reload stored, or None if no knowledge was ever stored."""
        rows = await self._fetch(
            "SELECT (SELECT value FROM meta WHERE key = 'knowledge_signature'), "
            "EXISTS (SELECT 1 FROM meta WHERE key = 'synonyms') "
            "OR EXISTS (SELECT 1 FROM facts WHERE origin = 'file')"
        )
        if not rows or not rows[0][1]:
            return None
        try:
            kept = json.loads(rows[0][0])
            return StoredKnowledge(str(kept["signature"]), int(kept["generation"]))
        except (TypeError, ValueError, KeyError):
            return StoredKnowledge(None, None)

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

    @translated
    async def facts_by_id(self, fact_ids: Sequence[str]) -> list[Fact]:
        if not fact_ids:
            return []
        rows = await self._fetch(
            f"SELECT {FACT_COLUMNS} FROM facts WHERE id = ANY($1::text[]) ORDER BY pk",
            list(fact_ids),
        )
        return [row_fact(row) for row in rows]

    @translated
    async def stats(self, guild_id: int | None, *, all_guilds: bool = False) -> Stats:
        """Counts for one server (its asks, its facts and the file facts), or for everything."""
        scope = "TRUE" if all_guilds else "guild_id IS NOT DISTINCT FROM $1::bigint"
        fact_scope = "TRUE" if all_guilds else "(guild_id IS NULL OR guild_id = $1::bigint)"
        params: tuple[Any, ...] = () if all_guilds else (guild_id,)

        async def read(connection: asyncpg.Connection) -> tuple[list[Any], ...]:
            return (
                await connection.fetch(
                    f"SELECT origin, status, COUNT(*) FROM facts WHERE {fact_scope} "
                    "GROUP BY origin, status",
                    *params,
                ),
                await connection.fetch(
                    f"SELECT decision, COUNT(*) FROM asks WHERE {scope} GROUP BY decision",
                    *params,
                ),
                await connection.fetch(
                    # Ties in SQLite's order: by the bytes of the question.
                    f"SELECT lower(trim(question)) AS q, COUNT(*) AS n FROM asks "
                    f"WHERE {scope} AND decision = 'unknown' GROUP BY q "
                    'ORDER BY n DESC, lower(trim(question)) COLLATE "C" LIMIT 5',
                    *params,
                ),
                await connection.fetch(
                    f"SELECT vote, COUNT(*) FROM feedback WHERE {scope} GROUP BY vote", *params
                ),
            )

        fact_rows, decision_rows, unanswered_rows, vote_rows = await self._read(read, snapshot=True)
        thumbs_down = await self._thumbs_down(guild_id, all_guilds=all_guilds, limit=5)
        decisions = {row[0]: int(row[1]) for row in decision_rows}
        unanswered = tuple((row[0], int(row[1])) for row in unanswered_rows)
        votes = {int(row[0]): int(row[1]) for row in vote_rows}
        return stats_from_counts(fact_rows, decisions, unanswered, votes, thumbs_down)

    async def _thumbs_down(
        self, guild_id: int | None, *, all_guilds: bool, limit: int
    ) -> tuple[tuple[str, str, int], ...]:
        """(question, fact id, count) of the answers voted 👎 most: each vote is put down to
        the last question answered with that fact in that server before it."""
        scope = "TRUE" if all_guilds else "f.guild_id IS NOT DISTINCT FROM $2::bigint"
        params: tuple[Any, ...] = () if all_guilds else (guild_id,)
        rows = await self._fetch(
            "SELECT question, fact_id, COUNT(*) AS n FROM ("
            " SELECT f.fact_id AS fact_id, ("
            "  SELECT lower(trim(a.question)) FROM asks a"
            "  WHERE a.fact_id = f.fact_id AND a.guild_id IS NOT DISTINCT FROM f.guild_id"
            "  AND a.decision = 'answer' AND a.at <= f.at"
            "  ORDER BY a.at DESC, a.pk DESC LIMIT 1) AS question"
            f" FROM feedback f WHERE f.vote = -1 AND {scope}"
            ") AS voted WHERE question IS NOT NULL GROUP BY question, fact_id "
            'ORDER BY n DESC, question COLLATE "C" LIMIT $1',
            limit,
            *params,
        )
        return tuple((row[0], row[1], int(row[2])) for row in rows)

    @translated
    async def taught_questions(self) -> dict[str, tuple[str, ...]]:
        """Questions taught to facts (``kb teach``), by fact id, oldest first."""
        rows = await self._fetch("SELECT fact_id, question FROM taught_questions ORDER BY pk")
        taught: dict[str, list[str]] = {}
        for fact_id, question in rows:
            taught.setdefault(fact_id, []).append(question)
        return {fact_id: tuple(questions) for fact_id, questions in taught.items()}

    @translated
    async def questions_to_teach(
        self, guild_id: int | None, *, all_guilds: bool = False, limit: int = 25
    ) -> list[str]:
        """The most asked unanswered questions of a server (or all), then the ones whose
        answers got a 👎; none already taught."""
        scope = "TRUE" if all_guilds else "guild_id IS NOT DISTINCT FROM $2::bigint"
        params: tuple[Any, ...] = () if all_guilds else (guild_id,)
        rows = await self._fetch(
            "SELECT lower(trim(question)) AS q, COUNT(*) AS n FROM asks "
            f"WHERE {scope} AND decision = 'unknown' "
            f"AND lower(trim(question)) NOT IN ({SERVED_TAUGHT}) "
            'GROUP BY q ORDER BY n DESC, lower(trim(question)) COLLATE "C" LIMIT $1',
            limit,
            *params,
        )
        unanswered = [row[0] for row in rows]
        voted = [
            q for q, _, _ in await self._thumbs_down(guild_id, all_guilds=all_guilds, limit=limit)
        ]
        taught = {row[0] for row in await self._fetch(SERVED_TAUGHT)}
        out = list(dict.fromkeys([*unanswered, *(q for q in voted if q not in taught)]))
        return out[:limit]

    @translated
    async def facts_live_since(self, since: dt.datetime) -> list[Fact]:
        """Live facts that became answerable at ``since`` or later, oldest first."""
        rows = await self._fetch(
            f"SELECT {FACT_COLUMNS} FROM facts WHERE status = 'live' AND live_since >= $1 "
            'ORDER BY live_since, id COLLATE "C"',
            _moment(since),
        )
        return [row_fact(row) for row in rows]

    @translated
    async def article_seen(self, key: str, url: str | None = None) -> str | None:
        """The draft file an article (by feed GUID or URL) went into, "" if none, or None."""
        rows = await self._fetch(
            "SELECT draft FROM seen_articles WHERE key = $1 OR ($2::text IS NOT NULL AND url = $2)",
            _text(key),
            _text(url),
        )
        return None if not rows else str(rows[0][0] or "")

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
        ):
            await self._fetch(f"SELECT COUNT(*) FROM {table}")
        return "ok"

    # ------------------------------------------------------------------------ writing
    @staticmethod
    async def _audit(
        connection: asyncpg.Connection,
        actor: str,
        action: str,
        fact_id: str,
        guild_id: int | None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        await connection.execute(
            "INSERT INTO audit (at, actor, action, fact_id, guild_id, detail) "
            "VALUES ($1, $2, $3, $4, $5, $6)",
            _now(),
            _text(actor),
            action,
            _text(fact_id),
            guild_id,
            json.dumps(detail or {}),
        )

    @translated
    async def insert_fact(self, fact: Fact, actor: str) -> None:
        """Store a new fact and its audit entry together; ``StoreConflict`` if the id is taken."""
        now = _now()
        # Live from now if it is answered at once; a pending fact from its approval.
        live_since = now if fact.status is Status.LIVE else None

        async def write(connection: asyncpg.Connection) -> None:
            await connection.execute(
                f"INSERT INTO facts ({FACT_COLUMNS}, created_at, updated_at) "
                f"VALUES ({', '.join(f'${n}' for n in range(1, 22))})",
                *_fact_row(fact),
                live_since,
                now,
                now,
            )
            await self._audit(
                connection,
                actor,
                "add",
                fact.id,
                fact.guild_id,
                {"status": fact.status.value, "language": fact.language},
            )

        try:
            await self._write(write)
        except asyncpg.exceptions.UniqueViolationError as exc:
            raise StoreConflict(f"a fact with id '{fact.id}' already exists") from exc

    @translated
    async def update_fact(
        self,
        fact: Fact,
        actor: str,
        action: str,
        detail: dict[str, Any] | None = None,
        *,
        if_status: Status,
    ) -> None:
        """Replace the stored fact with the same id, recording ``action`` in the audit trail,
        only while the stored fact still has ``if_status``."""
        row = _fact_row(fact)

        async def write(connection: asyncpg.Connection) -> None:
            status = await connection.execute(
                "UPDATE facts SET status = $1, answer = $2, questions = $3, tags = $4, "
                "related = $5, event_date = $6, source_title = $7, source_url = $8, "
                "source_published = $9, supersedes = $10, language = $11, translations = $12, "
                "updated_at = $13, "
                # Answerable since its approval (an edit keeps the time it became answerable).
                "live_since = CASE WHEN $1 = 'live' THEN COALESCE(live_since, $13) END "
                "WHERE id = $14 AND status = $15",
                row[2],
                *row[7:],
                _now(),
                fact.id,
                if_status.value,
            )
            if _count(status) != 1:
                raise StoreConflict(f"'{fact.id}' was changed or removed meanwhile; look again")
            await self._audit(connection, actor, action, fact.id, fact.guild_id, detail)

        await self._write(write)

    @translated
    async def delete_fact(
        self, fact: Fact, actor: str, reason: str | None = None, *, if_status: Status
    ) -> None:
        """Delete the fact (if its stored status is still ``if_status``) and audit it."""

        async def write(connection: asyncpg.Connection) -> None:
            status = await connection.execute(
                "DELETE FROM facts WHERE id = $1 AND status = $2", fact.id, if_status.value
            )
            if _count(status) != 1:
                raise StoreConflict(f"'{fact.id}' was changed or removed meanwhile; look again")
            detail: dict[str, Any] = {"answer": _text(fact.answer)}
            if reason:
                detail["reason"] = reason
            await self._audit(connection, actor, "remove", fact.id, fact.guild_id, detail)
            # What was taught to a member's fact goes with it (a new fact may get its id).
            await connection.execute("DELETE FROM taught_questions WHERE fact_id = $1", fact.id)

        await self._write(write)

    @translated
    async def replace_file_facts(
        self,
        facts: Iterable[Fact],
        actor: str,
        *,
        synonyms: Sequence[Sequence[str]] = (),
        signature: str | None = None,
    ) -> ReloadReport:
        """Make the file-origin facts exactly ``facts`` (and the synonyms), in one transaction.

        User facts are never touched; a file fact whose id a user fact already holds fails the
        whole reload. The facts table is locked against other writers while the difference is
        read and written (reads go on), as SQLite's single writer would have it.
        """
        new, digests = digested(facts)

        async def write(connection: asyncpg.Connection) -> ReloadReport:
            now = _now()
            await connection.execute("LOCK TABLE facts IN SHARE ROW EXCLUSIVE MODE")
            first_change = await connection.fetchval(
                "SELECT COALESCE(MAX(seq), 0) FROM fact_changes"
            )
            plan = plan_reload(
                await connection.fetch(
                    "SELECT id, origin, content_digest, line, language, translations FROM facts"
                ),
                new,
                digests,
            )
            added, changed, removed = plan.added, plan.changed, plan.removed
            if removed or changed:
                await connection.execute(
                    "DELETE FROM facts WHERE id = ANY($1::text[])", [*removed, *changed]
                )
            if added or changed:
                await connection.copy_records_to_table(
                    "facts",
                    records=[
                        # New and changed facts become answerable as they are now: live since
                        # this reload.
                        (*_fact_row(new[fid]), now, now, now, digests[fid])
                        for fid in (*added, *changed)
                    ],
                    columns=[*FACT_COLUMN_NAMES, "created_at", "updated_at", "content_digest"],
                )
            # Line numbers move whenever a file is edited; keep them current without audit noise.
            if plan.moved:
                await connection.execute(
                    "UPDATE facts AS f SET line = m.line "
                    "FROM unnest($1::text[], $2::integer[]) AS m (id, line) WHERE f.id = m.id",
                    [fid for fid, _ in plan.moved],
                    [line for _, line in plan.moved],
                )
            if plan.stale:
                await connection.execute(
                    "UPDATE facts AS f SET language = s.language, translations = s.translations "
                    "FROM unnest($1::text[], $2::text[], $3::text[]) "
                    "AS s (id, language, translations) WHERE f.id = s.id",
                    [fid for fid, _ in plan.stale],
                    [language for _, (language, _) in plan.stale],
                    [dumped for _, (_, dumped) in plan.stale],
                )
            await connection.execute(
                "INSERT INTO meta (key, value) VALUES ('synonyms', $1) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                json.dumps([list(group) for group in synonyms]),
            )
            audit = [
                (now, _text(actor), action, fid, None, "{}")
                for action, ids in (("add", added), ("edit", changed), ("remove", removed))
                for fid in ids
            ]
            if audit:
                await connection.copy_records_to_table(
                    "audit",
                    records=audit,
                    columns=["at", "actor", "action", "fact_id", "guild_id", "detail"],
                )
            if signature is not None:
                await connection.execute(
                    "INSERT INTO meta (key, value) SELECT 'knowledge_signature', "
                    "json_build_object('signature', $1::text, 'generation', value::bigint)::text "
                    "FROM meta WHERE key = 'generation' "
                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                    signature,
                )
            last_change = await connection.fetchval(
                "SELECT COALESCE(MAX(seq), 0) FROM fact_changes"
            )
            # The log only needs to reach back as far as any process may lag; a process that
            # lags further reads everything again.
            await connection.execute(
                "DELETE FROM fact_changes WHERE seq < $1", last_change - CHANGES_KEPT
            )
            return ReloadReport(
                tuple(added),
                tuple(changed),
                tuple(removed),
                total=len(new),
                own_changes=(int(first_change), int(last_change)),
            )

        return await self._write(write)

    @translated
    async def record_asks(self, records: Sequence[AskRecord]) -> None:
        """Save questions asked (for the statistics), many in one transaction."""
        if not records:
            return
        rows = [
            (
                dt.datetime.fromisoformat(r.at) if r.at else _now(),
                r.guild_id,
                _text(r.question[:500]),
                r.decision.value,
                r.fact_id,
                float(r.score),
            )
            for r in records
        ]

        async def write(connection: asyncpg.Connection) -> None:
            await connection.copy_records_to_table(
                "asks",
                records=rows,
                columns=["at", "guild_id", "question", "decision", "fact_id", "score"],
            )

        await self._write(write)

    @translated
    async def record_feedback(
        self, answer_ref: str, fact_id: str, user_id: int, guild_id: int | None, vote: int
    ) -> bool:
        """One vote per user per answer: a repeat replaces the earlier vote.

        Returns True when this is the user's first vote on this answer (decided by the one
        statement that writes it, however many processes vote at once).
        """

        async def write(connection: asyncpg.Connection) -> bool:
            return bool(
                await connection.fetchval(
                    "INSERT INTO feedback (answer_ref, user_id, guild_id, fact_id, vote, at) "
                    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (answer_ref, user_id) "
                    "DO UPDATE SET vote = EXCLUDED.vote, at = EXCLUDED.at "
                    "RETURNING xmax = 0",
                    _text(answer_ref),
                    user_id,
                    guild_id,
                    _text(fact_id),
                    vote,
                    _now(),
                )
            )

        return await self._write(write)

    @translated
    async def record_audit(
        self, actor: str, action: str, subject: str, detail: dict[str, Any] | None = None
    ) -> None:
        """An audit entry for an action on something other than one stored fact (a draft)."""

        async def write(connection: asyncpg.Connection) -> None:
            await self._audit(connection, actor, action, subject, None, detail)

        await self._write(write)

    @translated
    async def add_taught_question(
        self, fact_id: str, question: str, actor: str, guild_id: int | None
    ) -> bool:
        """Keep ``question`` as a taught phrasing of ``fact_id`` and audit it ("teach"), in one
        transaction; False (nothing written) when it is taught to that fact already."""

        async def write(connection: asyncpg.Connection) -> bool:
            status = await connection.execute(
                "INSERT INTO taught_questions (fact_id, question, guild_id, actor, at) "
                "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (fact_id, question) DO NOTHING",
                _text(fact_id),
                _text(question),
                guild_id,
                _text(actor),
                _now(),
            )
            if _count(status) != 1:
                return False
            await self._audit(connection, actor, "teach", fact_id, guild_id, {"question": question})
            return True

        return await self._write(write)

    @translated
    async def remove_taught_question(
        self, fact_id: str, question: str, actor: str, guild_id: int | None
    ) -> bool:
        """Forget ``question`` as a taught phrasing of ``fact_id`` and audit it ("unteach"),
        in one transaction; False (nothing written) when it is not taught to that fact."""

        async def write(connection: asyncpg.Connection) -> bool:
            status = await connection.execute(
                "DELETE FROM taught_questions WHERE fact_id = $1 AND question = $2",
                _text(fact_id),
                _text(question),
            )
            if _count(status) != 1:
                return False
            await self._audit(
                connection, actor, "unteach", fact_id, guild_id, {"question": question}
            )
            return True

        return await self._write(write)

    @translated
    async def claim_once(self, key: str) -> bool:
        """Record ``key``; True only for the one call (of any process) that recorded it: the
        primary key decides, whoever commits first."""

        async def write(connection: asyncpg.Connection) -> bool:
            status = await connection.execute(
                "INSERT INTO claims (key, claimed_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
                _text(key),
                _now(),
            )
            return _count(status) == 1

        return await self._write(write)

    @translated
    async def hold_lease(self, name: str, holder: str, seconds: float) -> bool:
        """Take or renew the lease ``name`` for ``holder`` for ``seconds``; True when
        ``holder`` holds it afterwards (the contract: ``KnowledgeStore.hold_lease``).

        One compare-and-set statement in its own transaction, on the server's clock: insert
        the lease, or take it over only where it is ``holder``'s already or has expired. A
        racing insert of the same name waits for the first to commit, then re-checks the
        condition on the committed row: exactly one of them gets it. ``seconds == 0`` gives
        it up.
        """
        if seconds < 0:
            raise ValueError("a lease is held for 0 seconds or more")

        async def write(connection: asyncpg.Connection) -> int:
            return _count(
                await connection.execute(
                    "INSERT INTO leases (name, holder, expires_at) "
                    "VALUES ($1, $2, now() + make_interval(secs => $3)) "
                    "ON CONFLICT (name) DO UPDATE SET "
                    "holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at "
                    "WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <= now()",
                    _text(name),
                    _text(holder),
                    float(seconds),
                )
            )

        return await self._write(write) == 1 and seconds > 0

    @translated
    async def remember_article(
        self, key: str, *, url: str | None, title: str, feed: str | None, draft: str | None
    ) -> None:
        async def write(connection: asyncpg.Connection) -> None:
            await connection.execute(
                "INSERT INTO seen_articles (key, url, title, feed, draft, seen_at) "
                "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO UPDATE SET "
                "url = EXCLUDED.url, title = EXCLUDED.title, feed = EXCLUDED.feed, "
                "draft = EXCLUDED.draft, seen_at = EXCLUDED.seen_at",
                _text(key),
                _text(url),
                _text(title),
                _text(feed),
                _text(draft),
                _now(),
            )

        await self._write(write)

    async def backup(self, target: Path) -> None:
        """Not the bot's job here: a PostgreSQL database is backed up with pg_dump, which takes
        one consistent snapshot of everything (the triggers and functions too) while the bots
        keep writing, and is restored with pg_restore."""
        raise StoreUnsupported(
            "kb backup copies an SQLite database file; a PostgreSQL database is backed up "
            "with pg_dump (pg_dump --format=custom --file=FILE DATABASE_URL) and restored "
            "with pg_restore"
        )

    # ------------------------------------------------------------- changes, as they happen
    async def wait_for_changes(self, seconds: float) -> None:
        """Return when another process committed a change to the facts (the change log's
        triggers NOTIFY; this store LISTENs on a connection of its own), when that connection
        came back after being lost (changes may have been missed meanwhile), or after
        ``seconds``. While the server cannot be reached, it tries again every few seconds and
        otherwise just waits."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        if self._listener is None or self._listener.is_closed():
            self._listener = None
            if loop.time() >= self._listen_after:
                if await self._listen(min(CONNECT_SECONDS, max(seconds, 1.0))):
                    self._changed.clear()
                    return  # listening (again): whatever happened before is to be read now
                self._listen_after = loop.time() + min(5.0, max(seconds, 1.0))
        remaining = deadline - loop.time()
        if remaining > 0:
            with suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)
        self._changed.clear()

    async def _listen(self, within: float) -> bool:
        """Open the listening connection; False (logged once per outage) if it cannot be."""
        connection = None
        try:
            connection = await asyncpg.connect(
                self._url,
                timeout=within,
                server_settings={"application_name": "newsdesk-listen"},
            )
            await connection.add_listener(CHANGES_CHANNEL, self._notified)
        except (*_DRIVER_ERRORS, ValueError) as exc:
            if connection is not None:
                connection.terminate()
            if not self._listen_failing:
                reason = (
                    redact_url(str(exc))
                    if isinstance(exc, ValueError)
                    else str(store_error(exc, self.location))
                )
                log.warning(
                    "not listening for changes (%s); reading them on a timer meanwhile", reason
                )
            self._listen_failing = True
            return False
        connection.add_termination_listener(self._listener_lost)
        self._listener = connection
        if self._listen_failing:
            log.warning("listening for changes again at %s", self.location)
        self._listen_failing = False
        return True

    def _notified(self, *_: object) -> None:
        self._changed.set()

    def _listener_lost(self, *_: object) -> None:
        # Wake the waiter: it opens a new connection, and the changes are read again.
        self._changed.set()

    # ------------------------------------------------------------- copying a fact base
    @translated
    async def copy_from(self, source: TableSource, *, force: bool = False) -> dict[str, int]:
        """Copy every table of ``source`` (another store's consistent read) into this
        database, in one transaction, and check that each table holds as many rows as the
        source's; the counts by table. Refuses (``StoreConflict``) a database that already
        holds facts, statistics or settings unless ``force``, which replaces them; refuses
        (``StoreUnsupported``) a table or column this schema does not have, rather than
        leave it behind."""
        source_tables = {
            name: columns for name, columns in source.tables().items() if name not in _NOT_COPIED
        }

        async def write(connection: asyncpg.Connection) -> dict[str, int]:
            kinds: dict[str, dict[str, str]] = {}
            for row in await connection.fetch(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema()"
            ):
                kinds.setdefault(row[0], {})[row[1]] = row[2]
            for table, columns in source_tables.items():
                if table not in kinds:
                    raise StoreUnsupported(
                        f"the source has a table '{table}' this PostgreSQL schema does not; "
                        "nothing was copied"
                    )
                missing = [column for column in columns if column not in kinds[table]]
                if missing:
                    raise StoreUnsupported(
                        f"the source's table '{table}' has columns this PostgreSQL schema "
                        f"does not ({', '.join(missing)}); nothing was copied"
                    )
            tables = [t for t in kinds if t not in _NOT_COPIED]
            # Nobody reads half a copy, or writes meanwhile.
            await connection.execute(f"LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE")
            held = [
                table
                for table in tables
                if await connection.fetchval(
                    f"SELECT EXISTS (SELECT 1 FROM {table}"
                    + (" WHERE key <> 'generation')" if table == "meta" else ")")
                )
            ]
            if held and not force:
                raise StoreConflict(
                    f"the database {self.location} is not empty (it has rows in "
                    f"{', '.join(held)}); give --force to replace what it holds"
                )
            # Facts are deleted (not truncated) so that the change log tells running bots.
            await connection.execute("DELETE FROM facts")
            await connection.execute("DELETE FROM meta WHERE key <> 'generation'")
            others = [t for t in tables if t not in ("facts", "meta")]
            if others:
                await connection.execute(f"TRUNCATE {', '.join(others)}")
            counts: dict[str, int] = {}
            source_generation: str | None = None
            for table in sorted(source_tables, key=lambda t: t != "facts"):
                columns = source_tables[table]
                convert = [_convert(kinds[table][c], table, c) for c in columns]
                key = columns.index("key") if table == "meta" else -1
                sent = skipped = 0
                async for batch in source.rows(table):
                    records = []
                    for row in batch:
                        if key >= 0 and row[key] == "generation":
                            # This database's generation goes on from its own value.
                            source_generation = str(row[columns.index("value")])
                            skipped += 1
                            continue
                        records.append(tuple(f(v) for f, v in zip(convert, row, strict=True)))
                    if records:
                        await connection.copy_records_to_table(
                            table, records=records, columns=list(columns)
                        )
                        sent += len(records)
                where = " WHERE key <> 'generation'" if table == "meta" else ""
                copied = int(await connection.fetchval(f"SELECT COUNT(*) FROM {table}{where}"))
                expected = await source.count(table)
                if copied != sent or sent + skipped != expected:
                    raise StoreError(
                        f"{table}: {copied} rows copied, the source has {expected - skipped}; "
                        "nothing was copied"
                    )
                counts[table] = copied
                if "pk" in kinds[table]:
                    # The next row numbered after the copied ones.
                    await connection.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'pk'), "
                        f"(SELECT MAX(pk) FROM {table})) WHERE EXISTS (SELECT 1 FROM {table})"
                    )
            await _restamp_signature(connection, source_generation)
            # Every running bot reads everything again.
            await connection.execute("SELECT newsdesk_log_changes(ARRAY[''])")
            return counts

        return await self._write(write)


async def _restamp_signature(connection: asyncpg.Connection, source_generation: str | None) -> None:
    """A knowledge signature stored at the source's current generation (the index showed
    exactly what the last reload stored) is stored at this database's generation after the
    copy; one stored earlier stays stale, as it was."""
    value = await connection.fetchval("SELECT value FROM meta WHERE key = 'knowledge_signature'")
    try:
        kept = json.loads(value) if value else {}
        current = bool(kept) and str(int(kept["generation"])) == source_generation
    except (TypeError, ValueError, KeyError):
        return
    if current:
        await connection.execute(
            "UPDATE meta SET value = json_build_object('signature', $1::text, 'generation', "
            "(SELECT value::bigint FROM meta WHERE key = 'generation'))::text "
            "WHERE key = 'knowledge_signature'",
            str(kept["signature"]),
        )


def _unusable(location: str, exc: BaseException) -> StoreError:
    error = store_error(exc, location)
    if isinstance(error, StoreReadOnly | StoreFull):
        return error
    return StoreUnavailable(
        f"cannot use the database {location} ({redact_url(str(exc).strip() or type(exc).__name__)})"
    )
