"""A fact base copied in whole from another store (``kb migrate``); and why ``kb backup`` is
pg_dump's job here."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, Protocol

import asyncpg

from bot.core.storage import StoreConflict, StoreError, StoreUnsupported
from bot.store.postgres.connection import PostgresConnection
from bot.store.postgres.errors import translated
from bot.store.postgres.rows import storable_text

# Each database's own log of changes: never copied from another.
_CHANGE_LOG_TABLE = "fact_changes"


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
        return None if value is None else storable_text(str(value))

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


class PostgresCopies(PostgresConnection):
    async def backup(self, target: Path) -> None:
        """Not the bot's job here: a PostgreSQL database is backed up with pg_dump, which takes
        one consistent snapshot of everything (the triggers and functions too) while the bots
        keep writing, and is restored with pg_restore."""
        raise StoreUnsupported(
            "kb backup copies an SQLite database file; a PostgreSQL database is backed up "
            "with pg_dump (pg_dump --format=custom --file=FILE DATABASE_URL) and restored "
            "with pg_restore"
        )

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
            kinds = await _column_kinds(connection)
            _refuse_what_has_no_place(source_tables, kinds)
            tables = [t for t in kinds if t not in _NOT_COPIED]
            await _clear(connection, tables, force=force, location=self.location)
            counts: dict[str, int] = {}
            source_generation: str | None = None
            for table in sorted(source_tables, key=lambda t: t != "facts"):
                counts[table], generation = await _copy_table(
                    connection, source, table, source_tables[table], kinds[table]
                )
                if generation is not None:
                    source_generation = generation
            await _restamp_signature(connection, source_generation)
            # Every running bot reads everything again.
            await connection.execute("SELECT newsdesk_log_changes(ARRAY[''])")
            return counts

        return await self._write(write)


async def _column_kinds(connection: asyncpg.Connection) -> dict[str, dict[str, str]]:
    """Each table of this database's schema, with its columns' types."""
    kinds: dict[str, dict[str, str]] = {}
    for row in await connection.fetch(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema()"
    ):
        kinds.setdefault(row[0], {})[row[1]] = row[2]
    return kinds


def _refuse_what_has_no_place(
    source_tables: dict[str, tuple[str, ...]], kinds: dict[str, dict[str, str]]
) -> None:
    """Refuse (``StoreUnsupported``) a source table or column this schema does not have,
    rather than leave it behind."""
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


async def _clear(
    connection: asyncpg.Connection, tables: list[str], *, force: bool, location: str
) -> None:
    """Lock ``tables`` and empty them; refuse (``StoreConflict``) a database that holds rows
    unless ``force``."""
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
            f"the database {location} is not empty (it has rows in "
            f"{', '.join(held)}); give --force to replace what it holds"
        )
    # Facts are deleted (not truncated) so that the change log tells running bots.
    await connection.execute("DELETE FROM facts")
    await connection.execute("DELETE FROM meta WHERE key <> 'generation'")
    others = [t for t in tables if t not in ("facts", "meta")]
    if others:
        await connection.execute(f"TRUNCATE {', '.join(others)}")


async def _copy_table(
    connection: asyncpg.Connection,
    source: TableSource,
    table: str,
    columns: tuple[str, ...],
    column_kinds: dict[str, str],
) -> tuple[int, str | None]:
    """Copy one table's rows from ``source`` and check that all of them arrived: how many
    were copied, and the source's generation when it is ``meta`` (which is not copied).
    ``column_kinds``: this database's type of each of the table's columns."""
    convert = [_convert(column_kinds[c], table, c) for c in columns]
    key = columns.index("key") if table == "meta" else -1
    source_generation: str | None = None
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
            await connection.copy_records_to_table(table, records=records, columns=list(columns))
            sent += len(records)
    where = " WHERE key <> 'generation'" if table == "meta" else ""
    copied = int(await connection.fetchval(f"SELECT COUNT(*) FROM {table}{where}"))
    expected = await source.count(table)
    if copied != sent or sent + skipped != expected:
        raise StoreError(
            f"{table}: {copied} rows copied, the source has {expected - skipped}; "
            "nothing was copied"
        )
    if "pk" in column_kinds:
        # The next row numbered after the copied ones.
        await connection.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'pk'), "
            f"(SELECT MAX(pk) FROM {table})) WHERE EXISTS (SELECT 1 FROM {table})"
        )
    return copied, source_generation


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
