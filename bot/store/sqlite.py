"""The SQLite store: one file, WAL, all SQL of the project, every write one transaction.

aiosqlite runs the connection on one thread, and a lock makes each transaction run alone on it,
so there is exactly one writer and "database is locked" never reaches a user.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import json
import logging
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import aiosqlite

from bot.core.models import (
    AuditEntry,
    Fact,
    Origin,
    ReloadReport,
    Stats,
    Status,
)
from bot.core.storage import (
    AskRecord,
    FactChanges,
    StoreConflict,
    StoredKnowledge,
    StoreError,
    StoreFull,
    StoreReadOnly,
    StoreUnavailable,
    stats_from_counts,
)
from bot.store.fact_rows import FACT_COLUMNS, SERVED_TAUGHT, fact_row, row_fact
from bot.store.migrations import MIGRATIONS, SCHEMA_VERSION
from bot.store.reload_plan import digested, plan_reload

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
# Entries of the change log kept (a process further behind than this reads everything again).
CHANGES_KEPT = 200_000
# Now, in seconds since 1970, on the database's clock (the same in every process on the file);
# julianday keeps milliseconds, where strftime('%s') would round to the second.
_DB_NOW = "((julianday('now') - 2440587.5) * 86400.0)"
# The written columns, then live_since, created_at and updated_at.
_INSERT_FACT = f"INSERT INTO facts ({FACT_COLUMNS}, created_at, updated_at"
_FACT_VALUES = ", ".join("?" * 18)


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


def _make_folder(path: Path) -> None:
    """Create the database's folder; ``StoreError`` if it cannot be, or the path is a folder."""
    if path.is_dir():
        raise StoreUnavailable(f"{path} is a folder, not a database file: give a file path")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise StoreUnavailable(
            f"cannot create the database {path}: part of {path.parent} is a file, not a "
            "folder; give a path in an existing folder"
        ) from exc
    except OSError as exc:
        raise StoreUnavailable(
            f"cannot create the folder {path.parent} for the database ({exc.strerror}); "
            "create it or give a path in a folder you may write"
        ) from exc


def _unusable(path: Path, exc: sqlite3.Error) -> str:
    return (
        f"cannot use the database {path} ({exc}): it must be an SQLite file you may write, "
        "in a folder you may write"
    )


async def _worker_stopped(connection: aiosqlite.Connection) -> None:
    """Wait for the thread of a connection that failed to open. aiosqlite stops it without
    waiting, and a thread still finishing when the event loop closes dies with a traceback
    ("Event loop is closed")."""
    # aiosqlite before 0.20 made the connection itself the thread.
    thread = getattr(connection, "_thread", connection)
    if isinstance(thread, threading.Thread) and thread.is_alive():
        await asyncio.to_thread(thread.join, 10)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _iso_day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _fact_row(fact: Fact) -> tuple[Any, ...]:
    return fact_row(fact, day=_iso_day)


def _row_fact(row: Sequence[Any]) -> Fact:
    return row_fact(row, day=_date, moment=_datetime)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _moment(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds") if value else None


def _datetime(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


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


class SqliteStore:
    """Facts, audit trail, asks and feedback in one SQLite file."""

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._lock = asyncio.Lock()

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def local_file(self) -> Path | None:
        return None if str(self.path) == ":memory:" else self.path

    @classmethod
    async def open(cls, path: Path) -> SqliteStore:
        """Open (creating if needed) the database at ``path`` and bring its schema up to date.

        ``StoreError`` with one sentence naming the path when it cannot be used; the
        connection (and its thread) is closed again before that is raised.
        """
        if str(path) != ":memory:":
            _make_folder(path)
        connection = aiosqlite.connect(str(path), isolation_level=None)
        try:
            await connection
        except sqlite3.Error as exc:
            await _worker_stopped(connection)
            raise StoreUnavailable(_unusable(path, exc)) from exc
        store = cls(connection, path)
        try:
            await connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await connection.execute("PRAGMA journal_mode = WAL")
            await connection.execute("PRAGMA synchronous = NORMAL")
            await connection.execute("PRAGMA foreign_keys = ON")
            await store._migrate()
        except sqlite3.Error as exc:
            await connection.close()
            raise StoreUnavailable(_unusable(path, exc)) from exc
        except BaseException:
            await connection.close()
            raise
        return store

    async def close(self) -> None:
        await self._db.close()

    async def wait_for_changes(self, seconds: float) -> None:
        """SQLite cannot tell another process's commit: wait ``seconds``, then look."""
        await asyncio.sleep(seconds)

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

    @asynccontextmanager
    async def _read(self, sql: str, params: Sequence[Any] = ()) -> AsyncIterator[aiosqlite.Cursor]:
        """A query between transactions: the connection is shared, and a read slipped into
        another coroutine's open transaction would see its uncommitted (maybe rolled back)
        writes."""
        async with self._lock, self._db.execute(sql, params) as cursor:
            yield cursor

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any error."""
        async with self._lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                await self._db.execute("COMMIT")
            except BaseException:
                # SQLite ends the transaction itself after some errors (a full disk); a failed
                # COMMIT may leave it open. Roll back only what is open, so that the real error
                # is the one raised and the next transaction can begin.
                if self._db.in_transaction:
                    await self._db.execute("ROLLBACK")
                raise

    # ------------------------------------------------------------------------ reading
    @translated
    async def all_facts(self, *, origin: Origin | None = None) -> list[Fact]:
        """Every fact, or those of one origin, oldest first."""
        where, params = ("WHERE origin = ?", (origin.value,)) if origin else ("", ())
        async with self._read(
            f"SELECT {FACT_COLUMNS} FROM facts {where} ORDER BY pk", params
        ) as cursor:
            return [_row_fact(row) for row in await cursor.fetchall()]

    @translated
    async def get_fact(self, fact_id: str) -> Fact | None:
        async with self._read(
            f"SELECT {FACT_COLUMNS} FROM facts WHERE id = ?", (fact_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return _row_fact(row) if row else None

    @translated
    async def fact_ids(self) -> set[str]:
        async with self._read("SELECT id FROM facts") as cursor:
            return {row[0] for row in await cursor.fetchall()}

    @translated
    async def history(self, fact_id: str) -> list[AuditEntry]:
        async with self._read(
            "SELECT at, actor, action, fact_id, guild_id, detail FROM audit "
            "WHERE fact_id = ? ORDER BY pk",
            (fact_id,),
        ) as cursor:
            rows = await cursor.fetchall()
        return [
            AuditEntry(dt.datetime.fromisoformat(r[0]), r[1], r[2], r[3], r[4], json.loads(r[5]))
            for r in rows
        ]

    @translated
    async def count_writes_since(self, actor: str, since: dt.datetime) -> int:
        async with self._read(
            "SELECT COUNT(*) FROM audit WHERE actor = ? AND action IN ('add', 'edit') AND at >= ?",
            (actor, since.isoformat(timespec="seconds")),
        ) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    # ------------------------------------------------------------------------ writing
    async def _audit(
        self,
        db: aiosqlite.Connection,
        actor: str,
        action: str,
        fact_id: str,
        guild_id: int | None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        await db.execute(
            "INSERT INTO audit (at, actor, action, fact_id, guild_id, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (_now(), actor, action, fact_id, guild_id, json.dumps(detail or {})),
        )

    @translated
    async def insert_fact(self, fact: Fact, actor: str) -> None:
        """Store a new fact and its audit entry together; ``StoreError`` if the id is taken."""
        now = _now()
        try:
            async with self.transaction() as db:
                # Live from now if it is answered at once; a pending fact from its approval.
                live_since = now if fact.status is Status.LIVE else None
                await db.execute(
                    f"{_INSERT_FACT}) VALUES ({_FACT_VALUES}, ?, ?, ?)",
                    (*_fact_row(fact), live_since, now, now),
                )
                await self._audit(
                    db,
                    actor,
                    "add",
                    fact.id,
                    fact.guild_id,
                    {"status": fact.status.value, "language": fact.language},
                )
        except sqlite3.IntegrityError as exc:
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
        """Replace the stored fact with the same id, recording ``action`` in the audit trail.

        Only while the stored fact still has ``if_status``: a moderator's approval and an
        author's edit racing each other cannot undo one another.
        """
        row = _fact_row(fact)
        now = _now()
        async with self.transaction() as db:
            cursor = await db.execute(
                "UPDATE facts SET status = ?, answer = ?, questions = ?, tags = ?, related = ?, "
                "event_date = ?, source_title = ?, source_url = ?, source_published = ?, "
                "supersedes = ?, language = ?, translations = ?, updated_at = ?, "
                # Answerable since its approval (an edit keeps the time it became answerable).
                "live_since = CASE WHEN ? = 'live' THEN COALESCE(live_since, ?) END "
                "WHERE id = ? AND status = ?",
                (row[2], *row[7:], now, row[2], now, fact.id, if_status.value),
            )
            if cursor.rowcount != 1:
                raise StoreConflict(f"'{fact.id}' was changed or removed meanwhile; look again")
            await self._audit(db, actor, action, fact.id, fact.guild_id, detail)

    @translated
    async def delete_fact(
        self, fact: Fact, actor: str, reason: str | None = None, *, if_status: Status
    ) -> None:
        """Delete the fact (if its stored status is still ``if_status``) and audit it."""
        async with self.transaction() as db:
            cursor = await db.execute(
                "DELETE FROM facts WHERE id = ? AND status = ?", (fact.id, if_status.value)
            )
            if cursor.rowcount != 1:
                raise StoreConflict(f"'{fact.id}' was changed or removed meanwhile; look again")
            detail: dict[str, Any] = {"answer": fact.answer}
            if reason:
                detail["reason"] = reason
            await self._audit(db, actor, "remove", fact.id, fact.guild_id, detail)
            # What was taught to a member's fact goes with it (a new fact may get its id).
            await db.execute("DELETE FROM taught_questions WHERE fact_id = ?", (fact.id,))

    @translated
    async def synonyms(self) -> tuple[tuple[str, ...], ...]:
        """The synonym groups of the knowledge in service (saved with every reload)."""
        async with self._read("SELECT value FROM meta WHERE key = 'synonyms'") as cursor:
            row = await cursor.fetchone()
        return tuple(tuple(group) for group in json.loads(row[0])) if row else ()

    @translated
    async def generation(self) -> int:
        """The generation of the facts and synonyms: it changes with every change to them
        (by any process) and never comes back to an earlier value."""
        async with self._read("SELECT value FROM meta WHERE key = 'generation'") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    @translated
    async def stored_knowledge(self) -> StoredKnowledge | None:
        """The signature the last reload stored, or None if no knowledge was ever stored."""
        async with self._read(
            "SELECT (SELECT value FROM meta WHERE key = 'knowledge_signature'), "
            "EXISTS (SELECT 1 FROM meta WHERE key = 'synonyms') "
            "OR EXISTS (SELECT 1 FROM facts WHERE origin = 'file')"
        ) as cursor:
            row = await cursor.fetchone()
        if row is None or not row[1]:
            return None
        try:
            kept = json.loads(row[0])
            return StoredKnowledge(str(kept["signature"]), int(kept["generation"]))
        except (TypeError, ValueError, KeyError):
            # None: stored by a version that kept no signature. Loaded, from what is unknown.
            return StoredKnowledge(None, None)

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
        whole reload. ``signature`` (of the directory the facts were read from) is kept with
        the generation this write brought the database to, in the same transaction.
        """
        new, digests = digested(facts)
        now = _now()
        async with self.transaction() as db:
            first_change = await self._latest_change(db)
            async with db.execute(
                "SELECT id, origin, content_digest, line, language, translations FROM facts"
            ) as cursor:
                plan = plan_reload(await cursor.fetchall(), new, digests)
            added, changed, removed = plan.added, plan.changed, plan.removed
            if removed or changed:
                await db.executemany(
                    "DELETE FROM facts WHERE id = ?", [(fid,) for fid in (*removed, *changed)]
                )
            # New and changed facts become answerable as they are now: live since this reload.
            rows = (
                (*_fact_row(new[fid]), now, now, now, digests[fid]) for fid in (*added, *changed)
            )
            await db.executemany(
                f"{_INSERT_FACT}, content_digest) VALUES ({_FACT_VALUES}, ?, ?, ?, ?)", rows
            )
            # Line numbers move whenever a file is edited; keep them current without audit noise.
            await db.executemany(
                "UPDATE facts SET line = ? WHERE id = ?", [(line, fid) for fid, line in plan.moved]
            )
            await db.executemany(
                "UPDATE facts SET language = ?, translations = ? WHERE id = ?",
                [(*languages, fid) for fid, languages in plan.stale],
            )
            await db.execute(
                "INSERT INTO meta (key, value) VALUES ('synonyms', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (json.dumps([list(group) for group in synonyms]),),
            )
            audit = [
                (now, actor, action, fid, None, "{}")
                for action, ids in (("add", added), ("edit", changed), ("remove", removed))
                for fid in ids
            ]
            await db.executemany(
                "INSERT INTO audit (at, actor, action, fact_id, guild_id, detail) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                audit,
            )
            if signature is not None:
                await db.execute(
                    "INSERT INTO meta (key, value) SELECT 'knowledge_signature', "
                    "json_object('signature', ?, 'generation', CAST(value AS INTEGER)) "
                    "FROM meta WHERE key = 'generation' "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (signature,),
                )
            own = (first_change, await self._latest_change(db))
            # The log only needs to reach back as far as any process may lag; a process that
            # lags further reads everything again.
            await db.execute("DELETE FROM fact_changes WHERE seq < ?", (own[1] - CHANGES_KEPT,))
        return ReloadReport(
            tuple(added), tuple(changed), tuple(removed), total=len(new), own_changes=own
        )

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

    @translated
    async def facts_by_id(self, fact_ids: Sequence[str]) -> list[Fact]:
        found: list[Fact] = []
        for start in range(0, len(fact_ids), 500):
            chunk = list(fact_ids[start : start + 500])
            async with self._read(
                f"SELECT {FACT_COLUMNS} FROM facts WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ) as cursor:
                found += [_row_fact(row) for row in await cursor.fetchall()]
        return found

    @translated
    async def record_asks(self, records: Sequence[AskRecord]) -> None:
        """Save questions asked (for the statistics), many in one transaction."""
        async with self.transaction() as db:
            await db.executemany(
                "INSERT INTO asks (at, guild_id, question, decision, fact_id, score) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        r.at or _now(),
                        r.guild_id,
                        r.question[:500],
                        r.decision.value,
                        r.fact_id,
                        r.score,
                    )
                    for r in records
                ],
            )

    @translated
    async def record_feedback(
        self, answer_ref: str, fact_id: str, user_id: int, guild_id: int | None, vote: int
    ) -> bool:
        """One vote per user per answer: a repeat replaces the earlier vote.

        Returns True when this is the user's first vote on this answer.
        """
        async with self.transaction() as db:
            async with db.execute(
                "SELECT vote FROM feedback WHERE answer_ref = ? AND user_id = ?",
                (answer_ref, user_id),
            ) as cursor:
                existing = await cursor.fetchone()
            await db.execute(
                "INSERT INTO feedback (answer_ref, user_id, guild_id, fact_id, vote, at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (answer_ref, user_id) "
                "DO UPDATE SET vote = excluded.vote, at = excluded.at",
                (answer_ref, user_id, guild_id, fact_id, vote, _now()),
            )
        return existing is None

    @translated
    async def stats(self, guild_id: int | None, *, all_guilds: bool = False) -> Stats:
        """Counts for one server (its asks, its facts and the file facts), or for everything."""
        scope = "1" if all_guilds else "guild_id IS ?"
        params: tuple[Any, ...] = () if all_guilds else (guild_id,)
        fact_scope = "1" if all_guilds else "(guild_id IS NULL OR guild_id IS ?)"
        async with self._read(
            f"SELECT origin, status, COUNT(*) FROM facts WHERE {fact_scope} "
            "GROUP BY origin, status",
            params,
        ) as cursor:
            fact_rows = await cursor.fetchall()
        async with self._read(
            f"SELECT decision, COUNT(*) FROM asks WHERE {scope} GROUP BY decision", params
        ) as cursor:
            decisions = {row[0]: int(row[1]) for row in await cursor.fetchall()}
        async with self._read(
            f"SELECT lower(trim(question)) AS q, COUNT(*) AS n FROM asks "
            f"WHERE {scope} AND decision = 'unknown' GROUP BY q ORDER BY n DESC, q LIMIT 5",
            params,
        ) as cursor:
            unanswered = tuple((row[0], int(row[1])) for row in await cursor.fetchall())
        async with self._read(
            f"SELECT vote, COUNT(*) FROM feedback WHERE {scope} GROUP BY vote", params
        ) as cursor:
            votes = {int(row[0]): int(row[1]) for row in await cursor.fetchall()}
        thumbs_down = await self._thumbs_down(scope, params, 5)
        return stats_from_counts(fact_rows, decisions, unanswered, votes, thumbs_down)

    async def _thumbs_down(
        self, scope: str, params: tuple[Any, ...], limit: int
    ) -> tuple[tuple[str, str, int], ...]:
        """(question, fact id, count) of the answers voted 👎 most: each vote is put down to
        the last question answered with that fact in that server before it."""
        async with self._read(
            "SELECT question, fact_id, COUNT(*) AS n FROM ("
            " SELECT f.fact_id AS fact_id, ("
            "  SELECT lower(trim(a.question)) FROM asks a"
            "  WHERE a.fact_id = f.fact_id AND a.guild_id IS f.guild_id"
            "  AND a.decision = 'answer' AND a.at <= f.at"
            "  ORDER BY a.at DESC, a.pk DESC LIMIT 1) AS question"
            f" FROM feedback f WHERE f.vote = -1 AND {scope.replace('guild_id', 'f.guild_id')}"
            ") WHERE question IS NOT NULL GROUP BY question, fact_id "
            "ORDER BY n DESC, question LIMIT ?",
            (*params, limit),
        ) as cursor:
            return tuple((row[0], row[1], int(row[2])) for row in await cursor.fetchall())

    @translated
    async def taught_questions(self) -> dict[str, tuple[str, ...]]:
        """Questions taught to facts (``kb teach``), by fact id, oldest first."""
        async with self._read(
            "SELECT fact_id, question FROM taught_questions ORDER BY pk"
        ) as cursor:
            rows = await cursor.fetchall()
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
        scope = "1" if all_guilds else "guild_id IS ?"
        params: tuple[Any, ...] = () if all_guilds else (guild_id,)
        async with self._read(
            f"SELECT lower(trim(question)) AS q, COUNT(*) AS n FROM asks "
            f"WHERE {scope} AND decision = 'unknown' "
            f"AND lower(trim(question)) NOT IN ({SERVED_TAUGHT}) "
            "GROUP BY q ORDER BY n DESC, q LIMIT ?",
            (*params, limit),
        ) as cursor:
            unanswered = [row[0] for row in await cursor.fetchall()]
        voted = [q for q, _, _ in await self._thumbs_down(scope, params, limit)]
        async with self._read(SERVED_TAUGHT) as cursor:
            taught = {row[0] for row in await cursor.fetchall()}
        out = list(dict.fromkeys([*unanswered, *(q for q in voted if q not in taught)]))
        return out[:limit]

    @translated
    async def add_taught_question(
        self, fact_id: str, question: str, actor: str, guild_id: int | None
    ) -> bool:
        """Keep ``question`` as a taught phrasing of ``fact_id`` and audit it ("teach"), in one
        transaction; False (nothing written) when it is taught to that fact already."""
        async with self.transaction() as db:
            cursor = await db.execute(
                "INSERT OR IGNORE INTO taught_questions (fact_id, question, guild_id, actor, at) "
                "VALUES (?, ?, ?, ?, ?)",
                (fact_id, question, guild_id, actor, _now()),
            )
            if cursor.rowcount != 1:
                return False
            await self._audit(db, actor, "teach", fact_id, guild_id, {"question": question})
        return True

    @translated
    async def remove_taught_question(
        self, fact_id: str, question: str, actor: str, guild_id: int | None
    ) -> bool:
        """Forget ``question`` as a taught phrasing of ``fact_id`` and audit it ("unteach"),
        in one transaction; False (nothing written) when it is not taught to that fact."""
        async with self.transaction() as db:
            cursor = await db.execute(
                "DELETE FROM taught_questions WHERE fact_id = ? AND question = ?",
                (fact_id, question),
            )
            if cursor.rowcount != 1:
                return False
            await self._audit(db, actor, "unteach", fact_id, guild_id, {"question": question})
        return True

    @translated
    async def integrity_check(self) -> str:
        async with self._read("PRAGMA integrity_check") as cursor:
            row = await cursor.fetchone()
        return str(row[0]) if row else "no answer"

    @translated
    async def facts_live_since(self, since: dt.datetime) -> list[Fact]:
        """Live facts that became answerable at ``since`` or later, oldest first."""
        async with self._read(
            f"SELECT {FACT_COLUMNS} FROM facts WHERE status = 'live' AND live_since >= ? "
            "ORDER BY live_since, id",
            (_moment(since),),
        ) as cursor:
            return [_row_fact(row) for row in await cursor.fetchall()]

    @translated
    async def claim_once(self, key: str) -> bool:
        """Record ``key``; True only for the one call (of any process) that recorded it."""
        async with self.transaction() as db:
            cursor = await db.execute(
                "INSERT INTO claims (key, claimed_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                (key, _now()),
            )
            return cursor.rowcount == 1

    # ------------------------------------------------------------- ingestion bookkeeping
    @translated
    async def article_seen(self, key: str, url: str | None = None) -> str | None:
        """The draft file an article (by feed GUID or URL) went into, "" if none, or None."""
        async with self._read(
            "SELECT draft FROM seen_articles WHERE key = ? OR (? IS NOT NULL AND url = ?)",
            (key, url, url),
        ) as cursor:
            row = await cursor.fetchone()
        return None if row is None else str(row[0] or "")

    @translated
    async def remember_article(
        self, key: str, *, url: str | None, title: str, feed: str | None, draft: str | None
    ) -> None:
        async with self.transaction() as db:
            await db.execute(
                "INSERT OR REPLACE INTO seen_articles (key, url, title, feed, draft, seen_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key, url, title, feed, draft, _now()),
            )

    @translated
    async def record_audit(
        self, actor: str, action: str, subject: str, detail: dict[str, Any] | None = None
    ) -> None:
        """An audit entry for an action on something other than one stored fact (a draft)."""
        async with self.transaction() as db:
            await self._audit(db, actor, action, subject, None, detail)

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

    # ------------------------------------------------------------- work done once
    @translated
    async def hold_lease(self, name: str, holder: str, seconds: float) -> bool:
        """Take or renew the lease ``name`` for ``holder`` for ``seconds``; True when
        ``holder`` holds it afterwards (the contract: ``KnowledgeStore.hold_lease``).

        One compare-and-set statement in one transaction, on the database's clock (every
        process on this file reads the same one): insert the lease, or take it over only
        where it is ``holder``'s already or has expired. ``seconds == 0`` gives it up.
        """
        if seconds < 0:
            raise ValueError("a lease is held for 0 seconds or more")
        async with self.transaction() as db:
            cursor = await db.execute(
                f"INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, {_DB_NOW} + ?) "
                "ON CONFLICT (name) DO UPDATE SET "
                "holder = excluded.holder, expires_at = excluded.expires_at "
                f"WHERE leases.holder = excluded.holder OR leases.expires_at <= {_DB_NOW}",
                (name, holder, float(seconds)),
            )
            changed = cursor.rowcount
        return changed == 1 and seconds > 0
