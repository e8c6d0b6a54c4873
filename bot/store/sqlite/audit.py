"""The audit trail: who did what to which fact (or draft), and when."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import aiosqlite

from bot.core.models import AuditEntry
from bot.store.sqlite.connection import SqliteConnection, translated
from bot.store.sqlite.rows import now_text


class SqliteAudit(SqliteConnection):
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
            (now_text(), actor, action, fact_id, guild_id, json.dumps(detail or {})),
        )

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

    @translated
    async def record_audit(
        self, actor: str, action: str, subject: str, detail: dict[str, Any] | None = None
    ) -> None:
        """An audit entry for an action on something other than one stored fact (a draft)."""
        async with self.transaction() as db:
            await self._audit(db, actor, action, subject, None, detail)
