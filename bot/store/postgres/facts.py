"""Facts one at a time: reading them, and a member's or moderator's add, edit and remove, each
with its audit entry in the same transaction; a conditional write is one statement that
PostgreSQL re-checks on the newest row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import asyncpg

from bot.core.models import Fact, Origin, Status
from bot.core.storage import StoreConflict
from bot.store.fact_rows import FACT_COLUMNS, row_fact
from bot.store.postgres.audit import PostgresAudit
from bot.store.postgres.errors import translated
from bot.store.postgres.rows import fact_values, now_moment, row_count, storable_text, utc_second


class PostgresFacts(PostgresAudit):
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
    async def facts_by_id(self, fact_ids: Sequence[str]) -> list[Fact]:
        if not fact_ids:
            return []
        rows = await self._fetch(
            f"SELECT {FACT_COLUMNS} FROM facts WHERE id = ANY($1::text[]) ORDER BY pk",
            list(fact_ids),
        )
        return [row_fact(row) for row in rows]

    @translated
    async def facts_live_since(self, since: dt.datetime) -> list[Fact]:
        """Live facts that became answerable at ``since`` or later, oldest first."""
        rows = await self._fetch(
            f"SELECT {FACT_COLUMNS} FROM facts WHERE status = 'live' AND live_since >= $1 "
            'ORDER BY live_since, id COLLATE "C"',
            utc_second(since),
        )
        return [row_fact(row) for row in rows]

    @translated
    async def insert_fact(self, fact: Fact, actor: str) -> None:
        """Store a new fact and its audit entry together; ``StoreConflict`` if the id is taken."""
        now = now_moment()
        # Live from now if it is answered at once; a pending fact from its approval.
        live_since = now if fact.status is Status.LIVE else None

        async def write(connection: asyncpg.Connection) -> None:
            await connection.execute(
                f"INSERT INTO facts ({FACT_COLUMNS}, created_at, updated_at) "
                f"VALUES ({', '.join(f'${n}' for n in range(1, 22))})",
                *fact_values(fact),
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
        row = fact_values(fact)

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
                now_moment(),
                fact.id,
                if_status.value,
            )
            if row_count(status) != 1:
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
            if row_count(status) != 1:
                raise StoreConflict(f"'{fact.id}' was changed or removed meanwhile; look again")
            detail: dict[str, Any] = {"answer": storable_text(fact.answer)}
            if reason:
                detail["reason"] = reason
            await self._audit(connection, actor, "remove", fact.id, fact.guild_id, detail)
            # What was taught to a member's fact goes with it (a new fact may get its id).
            await connection.execute("DELETE FROM taught_questions WHERE fact_id = $1", fact.id)

        await self._write(write)
