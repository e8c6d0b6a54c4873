"""Facts one at a time: reading them, and a member's or moderator's add, edit and remove, each
with its audit entry in the same transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import Any

from bot.core.models import Fact, Origin, Status
from bot.core.storage import StoreConflict
from bot.store.fact_rows import FACT_COLUMNS
from bot.store.sqlite.audit import SqliteAudit
from bot.store.sqlite.connection import translated
from bot.store.sqlite.rows import (
    FACT_PLACEHOLDERS,
    INSERT_FACT,
    fact_values,
    moment_text,
    now_text,
    read_fact,
)


class SqliteFacts(SqliteAudit):
    @translated
    async def all_facts(self, *, origin: Origin | None = None) -> list[Fact]:
        """Every fact, or those of one origin, oldest first."""
        where, params = ("WHERE origin = ?", (origin.value,)) if origin else ("", ())
        async with self._read(
            f"SELECT {FACT_COLUMNS} FROM facts {where} ORDER BY pk", params
        ) as cursor:
            return [read_fact(row) for row in await cursor.fetchall()]

    @translated
    async def get_fact(self, fact_id: str) -> Fact | None:
        # Aside: it never waits for a write under way (this process's, itself waiting for
        # another process's lock), as `/fact edit`'s form, opened only after this read, must
        # be Discord's first reply, within three seconds.
        async with self._read_aside(
            f"SELECT {FACT_COLUMNS} FROM facts WHERE id = ?", (fact_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return read_fact(row) if row else None

    @translated
    async def fact_ids(self) -> set[str]:
        async with self._read("SELECT id FROM facts") as cursor:
            return {row[0] for row in await cursor.fetchall()}

    @translated
    async def facts_by_id(self, fact_ids: Sequence[str]) -> list[Fact]:
        found: list[Fact] = []
        for start in range(0, len(fact_ids), 500):
            chunk = list(fact_ids[start : start + 500])
            async with self._read(
                f"SELECT {FACT_COLUMNS} FROM facts WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ) as cursor:
                found += [read_fact(row) for row in await cursor.fetchall()]
        return found

    @translated
    async def facts_live_since(self, since: dt.datetime) -> list[Fact]:
        """Live facts that became answerable at ``since`` or later, oldest first."""
        async with self._read(
            f"SELECT {FACT_COLUMNS} FROM facts WHERE status = 'live' AND live_since >= ? "
            "ORDER BY live_since, id",
            (moment_text(since),),
        ) as cursor:
            return [read_fact(row) for row in await cursor.fetchall()]

    @translated
    async def insert_fact(self, fact: Fact, actor: str) -> None:
        """Store a new fact and its audit entry together; ``StoreError`` if the id is taken."""
        now = now_text()
        try:
            async with self.transaction() as db:
                # Live from now if it is answered at once; a pending fact from its approval.
                live_since = now if fact.status is Status.LIVE else None
                await db.execute(
                    f"{INSERT_FACT}) VALUES ({FACT_PLACEHOLDERS}, ?, ?, ?)",
                    (*fact_values(fact), live_since, now, now),
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
        row = fact_values(fact)
        now = now_text()
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
