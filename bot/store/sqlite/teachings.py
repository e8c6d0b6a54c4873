"""Questions taught to facts (``kb teach``, ``kb unteach``), and the ones waiting to be taught."""

from __future__ import annotations

from typing import Any

import aiosqlite

from bot.core.models import TAUGHT_BY_THEN, TEACH_NOT_MADE, UNTAUGHT_BY_THEN, UNTEACH_NOT_MADE
from bot.core.storage import QueuedTeaching, StoreConflict
from bot.store.sqlite.asks import SqliteAsks
from bot.store.sqlite.audit import SqliteAudit
from bot.store.sqlite.connection import translated
from bot.store.sqlite.rows import now_text
from bot.store.teaching_rows import (
    QUEUED_TEACHINGS,
    SERVED_TAUGHT,
    TAUGHT_QUESTIONS,
    ToTeach,
    already_taught,
    queued_action,
    queued_teaching,
    taught_by_fact,
)


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
        answers got a 👎; none already taught. Read aside (``_read_aside``): `/kb teach`'s
        autocomplete asks for them, and must answer during a reload's write too."""
        scope = "1" if all_guilds else "guild_id IS ?"
        params: tuple[Any, ...] = () if all_guilds else (guild_id,)
        async with self._read_aside(SERVED_TAUGHT) as cursor:
            to_teach = ToTeach((row[0] for row in await cursor.fetchall()), limit)

        async def unanswered(size: int, offset: int) -> list[str]:
            found = await self._unanswered(scope, params, size, offset=offset, aside=True)
            return [q for q, _ in found]

        async def voted(size: int, offset: int) -> list[str]:
            found = await self._thumbs_down(scope, params, size, offset=offset, aside=True)
            return [q for q, _, _ in found]

        await to_teach.read(unanswered)
        await to_teach.read(voted)
        return to_teach.questions

    @translated
    async def add_taught_question(
        self,
        fact_id: str,
        question: str,
        actor: str,
        guild_id: int | None,
        *,
        member_fact: bool,
        queued: int | None = None,
    ) -> bool:
        """Keep ``question`` as a taught phrasing of ``fact_id`` and audit it ("teach"), in one
        transaction; False (nothing written) when it is taught to that fact already (as the
        same question), and ``StoreConflict`` when the member's fact it is for was removed
        (``member_fact``). ``queued``: see ``KnowledgeStore.add_taught_question``."""
        async with self.transaction() as db:
            if queued is not None and not await self._unqueued(db, queued):
                return False
            if member_fact:
                async with db.execute(
                    "SELECT 1 FROM facts WHERE id = ? AND origin = 'user'", (fact_id,)
                ) as cursor:
                    if await cursor.fetchone() is None:
                        raise StoreConflict(f"The fact '{fact_id}' was removed.")
            async with db.execute(
                "SELECT question FROM taught_questions WHERE fact_id = ?", (fact_id,)
            ) as cursor:
                taught = already_taught(await cursor.fetchall(), question)
            if not taught:
                cursor = await db.execute(
                    "INSERT OR IGNORE INTO taught_questions "
                    "(fact_id, question, guild_id, actor, at) VALUES (?, ?, ?, ?, ?)",
                    (fact_id, question, guild_id, actor, now_text()),
                )
                taught = cursor.rowcount != 1
            if taught:
                if queued is not None:
                    detail = {"question": question, "why": TAUGHT_BY_THEN}
                    await self._audit(db, actor, TEACH_NOT_MADE, fact_id, guild_id, detail)
                return False
            await self._audit(db, actor, "teach", fact_id, guild_id, {"question": question})
        return True

    @translated
    async def remove_taught_question(
        self,
        fact_id: str,
        question: str,
        actor: str,
        guild_id: int | None,
        *,
        queued: int | None = None,
    ) -> bool:
        """Forget ``question`` as a taught phrasing of ``fact_id`` and audit it ("unteach"),
        in one transaction; False (nothing written) when it is not taught to that fact.
        ``queued``: see ``KnowledgeStore.remove_taught_question``."""
        async with self.transaction() as db:
            if queued is not None and not await self._unqueued(db, queued):
                return False
            cursor = await db.execute(
                "DELETE FROM taught_questions WHERE fact_id = ? AND question = ?",
                (fact_id, question),
            )
            if cursor.rowcount != 1:
                if queued is not None:
                    detail = {"question": question, "why": UNTAUGHT_BY_THEN}
                    await self._audit(db, actor, UNTEACH_NOT_MADE, fact_id, guild_id, detail)
                return False
            await self._audit(db, actor, "unteach", fact_id, guild_id, {"question": question})
        return True

    @translated
    async def queue_teaching(self, teaching: QueuedTeaching, waits_for: str) -> int:
        """Keep ``teaching`` queued behind ``waits_for`` and audit it, in one transaction."""
        async with self.transaction() as db:
            cursor = await db.execute(
                "INSERT INTO queued_teachings "
                "(action, fact_id, question, guild_id, member_fact, actor, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    teaching.action,
                    teaching.fact_id,
                    teaching.question,
                    teaching.guild_id,
                    int(teaching.member_fact),
                    teaching.actor,
                    now_text(),
                ),
            )
            pk = cursor.lastrowid
            detail = {"question": teaching.question, "behind": waits_for}
            await self._audit(
                db, teaching.actor, queued_action(teaching), teaching.fact_id, teaching.guild_id,
                detail,
            )  # fmt: skip
        assert pk is not None
        return pk

    @translated
    async def queued_teachings(self) -> list[QueuedTeaching]:
        async with self._read(QUEUED_TEACHINGS) as cursor:
            return [queued_teaching(row) for row in await cursor.fetchall()]

    @translated
    async def drop_queued(
        self, teaching: QueuedTeaching, action: str | None = None, why: str | None = None
    ) -> bool:
        """Forget the queued ``teaching``, audited as ``action`` with ``why`` when given."""
        async with self.transaction() as db:
            if not await self._unqueued(db, teaching.pk):
                return False
            if action is not None:
                detail = {"question": teaching.question, "why": why}
                await self._audit(
                    db, teaching.actor, action, teaching.fact_id, teaching.guild_id, detail
                )
        return True

    @staticmethod
    async def _unqueued(db: aiosqlite.Connection, pk: int) -> bool:
        """Take the queued teaching ``pk`` off the queue; whether it was still on it."""
        cursor = await db.execute("DELETE FROM queued_teachings WHERE pk = ?", (pk,))
        return cursor.rowcount == 1
