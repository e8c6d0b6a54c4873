"""Questions taught to facts (``kb teach``, ``kb unteach``), and the ones waiting to be taught."""

from __future__ import annotations

import asyncpg

from bot.core.models import TAUGHT_BY_THEN, TEACH_NOT_MADE, UNTAUGHT_BY_THEN, UNTEACH_NOT_MADE
from bot.core.storage import QueuedTeaching, StoreConflict
from bot.store.postgres.asks import PostgresAsks
from bot.store.postgres.audit import PostgresAudit
from bot.store.postgres.errors import translated
from bot.store.postgres.rows import now_moment, row_count, storable_text
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
        to_teach = ToTeach((row[0] for row in await self._fetch(SERVED_TAUGHT)), limit)

        async def unanswered(size: int, offset: int) -> list[str]:
            found = await self._unanswered(
                guild_id, all_guilds=all_guilds, limit=size, offset=offset
            )
            return [q for q, _ in found]

        async def voted(size: int, offset: int) -> list[str]:
            found = await self._thumbs_down(
                guild_id, all_guilds=all_guilds, limit=size, offset=offset
            )
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

        async def write(connection: asyncpg.Connection) -> bool:
            # The change log's lock first, as every writer of facts takes it (their triggers
            # do, and this table's): a removal of the fact is then wholly before the check
            # below or wholly after this write (and deletes what it taught with the fact), two
            # teachings of one question one after the other (the second finds the first), and
            # the writers never wait for each other's locks in opposite orders.
            await connection.execute("SELECT 1 FROM meta WHERE key = 'generation' FOR UPDATE")
            if queued is not None and not await self._unqueued(connection, queued):
                return False
            if member_fact and not await connection.fetchval(
                "SELECT 1 FROM facts WHERE id = $1 AND origin = 'user'", storable_text(fact_id)
            ):
                raise StoreConflict(f"The fact '{fact_id}' was removed.")
            stored = await connection.fetch(
                "SELECT question FROM taught_questions WHERE fact_id = $1", storable_text(fact_id)
            )
            taught = already_taught(stored, question)
            if not taught:
                status = await connection.execute(
                    "INSERT INTO taught_questions (fact_id, question, guild_id, actor, at) "
                    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (fact_id, question) DO NOTHING",
                    storable_text(fact_id),
                    storable_text(question),
                    guild_id,
                    storable_text(actor),
                    now_moment(),
                )
                taught = row_count(status) != 1
            if taught:
                if queued is not None:
                    detail = {"question": question, "why": TAUGHT_BY_THEN}
                    await self._audit(connection, actor, TEACH_NOT_MADE, fact_id, guild_id, detail)
                return False
            await self._audit(connection, actor, "teach", fact_id, guild_id, {"question": question})
            return True

        return await self._write(write)

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

        async def write(connection: asyncpg.Connection) -> bool:
            if queued is not None and not await self._unqueued(connection, queued):
                return False
            status = await connection.execute(
                "DELETE FROM taught_questions WHERE fact_id = $1 AND question = $2",
                storable_text(fact_id),
                storable_text(question),
            )
            if row_count(status) != 1:
                if queued is not None:
                    detail = {"question": question, "why": UNTAUGHT_BY_THEN}
                    await self._audit(
                        connection, actor, UNTEACH_NOT_MADE, fact_id, guild_id, detail
                    )
                return False
            await self._audit(
                connection, actor, "unteach", fact_id, guild_id, {"question": question}
            )
            return True

        return await self._write(write)

    @translated
    async def queue_teaching(self, teaching: QueuedTeaching, waits_for: str) -> int:
        """Keep ``teaching`` queued behind ``waits_for`` and audit it, in one transaction."""

        async def write(connection: asyncpg.Connection) -> int:
            pk = await connection.fetchval(
                "INSERT INTO queued_teachings "
                "(action, fact_id, question, guild_id, member_fact, actor, at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING pk",
                teaching.action,
                storable_text(teaching.fact_id),
                storable_text(teaching.question),
                teaching.guild_id,
                teaching.member_fact,
                storable_text(teaching.actor),
                now_moment(),
            )
            detail = {"question": teaching.question, "behind": waits_for}
            await self._audit(
                connection, teaching.actor, queued_action(teaching), teaching.fact_id,
                teaching.guild_id, detail,
            )  # fmt: skip
            return int(pk)

        return await self._write(write)

    @translated
    async def queued_teachings(self) -> list[QueuedTeaching]:
        return [queued_teaching(row) for row in await self._fetch(QUEUED_TEACHINGS)]

    @translated
    async def drop_queued(
        self, teaching: QueuedTeaching, action: str | None = None, why: str | None = None
    ) -> bool:
        """Forget the queued ``teaching``, audited as ``action`` with ``why`` when given."""

        async def write(connection: asyncpg.Connection) -> bool:
            if not await self._unqueued(connection, teaching.pk):
                return False
            if action is not None:
                detail = {"question": teaching.question, "why": why}
                await self._audit(
                    connection, teaching.actor, action, teaching.fact_id, teaching.guild_id,
                    detail,
                )  # fmt: skip
            return True

        return await self._write(write)

    @staticmethod
    async def _unqueued(connection: asyncpg.Connection, pk: int) -> bool:
        """Take the queued teaching ``pk`` off the queue; whether it was still on it."""
        status = await connection.execute("DELETE FROM queued_teachings WHERE pk = $1", pk)
        return row_count(status) == 1
