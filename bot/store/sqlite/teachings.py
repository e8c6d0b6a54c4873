"""Questions taught to facts (``kb teach``, ``kb unteach``), and the ones waiting to be taught."""

from __future__ import annotations

from typing import Any

from bot.core.storage import StoreConflict
from bot.store.sqlite.asks import SqliteAsks
from bot.store.sqlite.audit import SqliteAudit
from bot.store.sqlite.connection import translated
from bot.store.sqlite.rows import now_text
from bot.store.teaching_rows import SERVED_TAUGHT, TAUGHT_QUESTIONS, next_to_teach, taught_by_fact


class SqliteTeachings(SqliteAudit, SqliteAsks):
    @translated
    async def taught_questions(self) -> dict[str, tuple[str, ...]]:
        """Questions taught to facts (``kb teach``), by fact id, oldest first."""
        async with self._read(TAUGHT_QUESTIONS) as cursor:
            return taught_by_fact(await cursor.fetchall())

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
        return next_to_teach(unanswered, voted, taught, limit)

    @translated
    async def add_taught_question(
        self, fact_id: str, question: str, actor: str, guild_id: int | None, *, member_fact: bool
    ) -> bool:
        """Keep ``question`` as a taught phrasing of ``fact_id`` and audit it ("teach"), in one
        transaction; False (nothing written) when it is taught to that fact already, and
        ``StoreConflict`` when the member's fact it is for was removed (``member_fact``)."""
        async with self.transaction() as db:
            if member_fact:
                async with db.execute(
                    "SELECT 1 FROM facts WHERE id = ? AND origin = 'user'", (fact_id,)
                ) as cursor:
                    if await cursor.fetchone() is None:
                        raise StoreConflict(f"The fact '{fact_id}' was removed.")
            cursor = await db.execute(
                "INSERT OR IGNORE INTO taught_questions (fact_id, question, guild_id, actor, at) "
                "VALUES (?, ?, ?, ?, ?)",
                (fact_id, question, guild_id, actor, now_text()),
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
