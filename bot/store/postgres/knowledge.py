"""The knowledge files as stored: their facts, synonyms and signature, replaced whole by a
reload in one transaction that locks the facts against other writers (reads go on)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence

import asyncpg

from bot.core.models import Fact, ReloadReport
from bot.core.storage import StoredKnowledge
from bot.store.change_log import CHANGES_KEPT, LATEST_CHANGE
from bot.store.fact_rows import FACT_COLUMN_NAMES
from bot.store.knowledge_meta import STORED_KNOWLEDGE, knowledge_kept, synonyms_text
from bot.store.postgres.connection import PostgresConnection
from bot.store.postgres.errors import translated
from bot.store.postgres.rows import fact_values, now_moment, storable_text
from bot.store.reload_plan import STORED_FOR_RELOAD, ReloadPlan, digested, plan_reload


class PostgresKnowledge(PostgresConnection):
    @translated
    async def synonyms(self) -> tuple[tuple[str, ...], ...]:
        """The synonym groups of the knowledge in service (saved with every reload)."""
        value = await self._fetchval("SELECT value FROM meta WHERE key = 'synonyms'")
        return tuple(tuple(group) for group in json.loads(value)) if value else ()

    @translated
    async def generation(self) -> int:
        """The generation of the facts and synonyms: it changes with every change to them
        (by any process) and never comes back to an earlier value."""
        value = await self._fetchval("SELECT value FROM meta WHERE key = 'generation'")
        return int(value) if value is not None else 0

    @translated
    async def stored_knowledge(self) -> StoredKnowledge | None:
        """The signature the last reload stored, or None if no knowledge was ever stored."""
        rows = await self._fetch(STORED_KNOWLEDGE)
        return knowledge_kept(rows[0] if rows else None)

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
        whole reload. The facts table is locked against other writers while the difference is
        read and written (reads go on), as SQLite's single writer would have it.
        """
        new, digests = digested(facts)

        async def write(connection: asyncpg.Connection) -> ReloadReport:
            now = now_moment()
            await connection.execute("LOCK TABLE facts IN SHARE ROW EXCLUSIVE MODE")
            first_change = await connection.fetchval(LATEST_CHANGE)
            plan = plan_reload(await connection.fetch(STORED_FOR_RELOAD), new, digests)
            await _write_plan(connection, plan, new, digests, now)
            await connection.execute(
                "INSERT INTO meta (key, value) VALUES ('synonyms', $1) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                synonyms_text(synonyms),
            )
            await _audit_plan(connection, plan, actor, now)
            if signature is not None:
                await connection.execute(
                    "INSERT INTO meta (key, value) SELECT 'knowledge_signature', "
                    "json_build_object('signature', $1::text, 'generation', value::bigint)::text "
                    "FROM meta WHERE key = 'generation' "
                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                    signature,
                )
            last_change = await connection.fetchval(LATEST_CHANGE)
            # The log only needs to reach back as far as any process may lag; a process that
            # lags further reads everything again.
            await connection.execute(
                "DELETE FROM fact_changes WHERE seq < $1", last_change - CHANGES_KEPT
            )
            return ReloadReport(
                tuple(plan.added),
                tuple(plan.changed),
                tuple(plan.removed),
                total=len(new),
                own_changes=(int(first_change), int(last_change)),
            )

        return await self._write(write)


async def _write_plan(
    connection: asyncpg.Connection,
    plan: ReloadPlan,
    new: dict[str, Fact],
    digests: dict[str, str],
    now: dt.datetime,
) -> None:
    """Write the file facts ``plan`` adds, changes, removes, moves or brings up to date."""
    added, changed, removed = plan.added, plan.changed, plan.removed
    if removed or changed:
        await connection.execute(
            "DELETE FROM facts WHERE id = ANY($1::text[])", [*removed, *changed]
        )
    if added or changed:
        await connection.copy_records_to_table(
            "facts",
            records=[
                # New and changed facts become answerable as they are now: live since
                # this reload.
                (*fact_values(new[fid]), now, now, now, digests[fid])
                for fid in (*added, *changed)
            ],
            columns=[*FACT_COLUMN_NAMES, "created_at", "updated_at", "content_digest"],
        )
    # Line numbers move whenever a file is edited; keep them current without audit noise.
    if plan.moved:
        await connection.execute(
            "UPDATE facts AS f SET line = m.line "
            "FROM unnest($1::text[], $2::integer[]) AS m (id, line) WHERE f.id = m.id",
            [fid for fid, _ in plan.moved],
            [line for _, line in plan.moved],
        )
    if plan.stale:
        await connection.execute(
            "UPDATE facts AS f SET language = s.language, translations = s.translations "
            "FROM unnest($1::text[], $2::text[], $3::text[]) "
            "AS s (id, language, translations) WHERE f.id = s.id",
            [fid for fid, _ in plan.stale],
            [language for _, (language, _) in plan.stale],
            [dumped for _, (_, dumped) in plan.stale],
        )


async def _audit_plan(
    connection: asyncpg.Connection, plan: ReloadPlan, actor: str, now: dt.datetime
) -> None:
    """An audit row for each file fact ``plan`` adds, changes or removes."""
    audit = [
        (now, storable_text(actor), action, fid, None, "{}")
        for action, ids in (("add", plan.added), ("edit", plan.changed), ("remove", plan.removed))
        for fid in ids
    ]
    if audit:
        await connection.copy_records_to_table(
            "audit",
            records=audit,
            columns=["at", "actor", "action", "fact_id", "guild_id", "detail"],
        )
