"""The audit trail: who did what to which fact (or draft), and when."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import asyncpg

from bot.core.models import AuditEntry
from bot.store.postgres.connection import PostgresConnection
from bot.store.postgres.errors import translated
from bot.store.postgres.rows import now_moment, storable_text


class PostgresAudit(PostgresConnection):
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
            now_moment(),
            storable_text(actor),
            action,
            storable_text(fact_id),
            guild_id,
            json.dumps(detail or {}),
        )

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
    async def record_audit(
        self, actor: str, action: str, subject: str, detail: dict[str, Any] | None = None
    ) -> None:
        """An audit entry for an action on something other than one stored fact (a draft)."""

        async def write(connection: asyncpg.Connection) -> None:
            await self._audit(connection, actor, action, subject, None, detail)

        await self._write(write)
