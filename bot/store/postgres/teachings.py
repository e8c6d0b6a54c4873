"""Questions taught to facts (``kb teach``, ``kb unteach``), and the ones waiting to be taught."""

from __future__ import annotations

from typing import Any

import asyncpg

from bot.core.storage import StoreConflict
from bot.store.postgres.asks import PostgresAsks
from bot.store.postgres.audit import PostgresAudit
from bot.store.postgres.errors import translated
from bot.store.postgres.rows import now_moment, row_count, storable_text
from bot.store.teaching_rows import SERVED_TAUGHT, TAUGHT_QUESTIONS, next_to_teach, taught_by_fact


class PostgresTeachings(PostgresAudit, PostgresAsks):
    @translated
    async def taught_questions(self) -> dict[str, tuple[str, ...]]:
        """Questions taught to facts (``kb teach``), by fact id, oldest first."""
        return taught_by_fact(await self._fetch(TAUGHT_QUESTIONS))

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
        return next_to_teach(unanswered, voted, taught, limit)

    @translated
    async def add_taught_question(
        self, fact_id: str, question: str, actor: str, guild_id: int | None, *, member_fact: bool
    ) -> bool:
        """Keep ``question`` as a taught phrasing of ``fact_id`` and audit it ("teach"), in one
        transaction; False (nothing written) when it is taught to that fact already, and
        ``StoreConflict`` when the member's fact it is for was removed (``member_fact``)."""

        async def write(connection: asyncpg.Connection) -> bool:
            if member_fact:
                # The change log's lock first, as every writer of facts takes it (their
                # triggers do): a removal is then wholly before this check or wholly after
                # this write (and deletes what it taught with the fact), and the two never
                # wait for each other's locks in opposite orders.
                await connection.execute("SELECT 1 FROM meta WHERE key = 'generation' FOR UPDATE")
                if not await connection.fetchval(
                    "SELECT 1 FROM facts WHERE id = $1 AND origin = 'user'",
                    storable_text(fact_id),
                ):
                    raise StoreConflict(f"The fact '{fact_id}' was removed.")
            status = await connection.execute(
                "INSERT INTO taught_questions (fact_id, question, guild_id, actor, at) "
                "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (fact_id, question) DO NOTHING",
                storable_text(fact_id),
                storable_text(question),
                guild_id,
                storable_text(actor),
                now_moment(),
            )
            if row_count(status) != 1:
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
                storable_text(fact_id),
                storable_text(question),
            )
            if row_count(status) != 1:
                return False
            await self._audit(
                connection, actor, "unteach", fact_id, guild_id, {"question": question}
            )
            return True

        return await self._write(write)
