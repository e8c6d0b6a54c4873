"""The knowledge files as stored: their facts, synonyms and signature, replaced whole by a
reload in one transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import aiosqlite

from bot.core.models import Fact, ReloadReport
from bot.core.storage import StoredKnowledge
from bot.store.change_log import CHANGES_KEPT
from bot.store.knowledge_meta import STORED_KNOWLEDGE, knowledge_kept, synonyms_text
from bot.store.reload_plan import STORED_FOR_RELOAD, ReloadPlan, digested, plan_reload
from bot.store.sqlite.changes import SqliteChanges
from bot.store.sqlite.connection import translated
from bot.store.sqlite.rows import FACT_PLACEHOLDERS, INSERT_FACT, fact_values, now_text


class SqliteKnowledge(SqliteChanges):
    @translated
    async def synonyms(self) -> tuple[tuple[str, ...], ...]:
        """The synonym groups of the knowledge in service (saved with every reload)."""
        async with self._read("SELECT value FROM meta WHERE key = 'synonyms'") as cursor:
            row = await cursor.fetchone()
        return tuple(tuple(group) for group in json.loads(row[0])) if row else ()

    @translated
    async def generation(self) -> int:
        """The generation of the facts and synonyms: it changes with every change to them
        (by any process) and never comes back to an earlier value."""
        async with self._read("SELECT value FROM meta WHERE key = 'generation'") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    @translated
    async def stored_knowledge(self) -> StoredKnowledge | None:
        """The signature the last reload stored, or None if no knowledge was ever stored."""
        async with self._read(STORED_KNOWLEDGE) as cursor:
            return knowledge_kept(await cursor.fetchone())

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
        whole reload. ``signature`` (of the directory the facts were read from) is kept with
        the generation this write brought the database to, in the same transaction.
        """
        new, digests = digested(facts)
        now = now_text()
        async with self.transaction() as db:
            first_change = await self._latest_change(db)
            async with db.execute(STORED_FOR_RELOAD) as cursor:
                plan = plan_reload(await cursor.fetchall(), new, digests)
            await _write_plan(db, plan, new, digests, now)
            await db.execute(
                "INSERT INTO meta (key, value) VALUES ('synonyms', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (synonyms_text(synonyms),),
            )
            await _audit_plan(db, plan, actor, now)
            if signature is not None:
                await db.execute(
                    "INSERT INTO meta (key, value) SELECT 'knowledge_signature', "
                    "json_object('signature', ?, 'generation', CAST(value AS INTEGER)) "
                    "FROM meta WHERE key = 'generation' "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (signature,),
                )
            own = (first_change, await self._latest_change(db))
            # The log only needs to reach back as far as any process may lag; a process that
            # lags further reads everything again.
            await db.execute("DELETE FROM fact_changes WHERE seq < ?", (own[1] - CHANGES_KEPT,))
        return ReloadReport(
            tuple(plan.added),
            tuple(plan.changed),
            tuple(plan.removed),
            total=len(new),
            own_changes=own,
        )


async def _write_plan(
    db: aiosqlite.Connection,
    plan: ReloadPlan,
    new: dict[str, Fact],
    digests: dict[str, str],
    now: str,
) -> None:
    """Write the file facts ``plan`` adds, changes, removes, moves or brings up to date."""
    added, changed, removed = plan.added, plan.changed, plan.removed
    if removed or changed:
        await db.executemany(
            "DELETE FROM facts WHERE id = ?", [(fid,) for fid in (*removed, *changed)]
        )
    # New and changed facts become answerable as they are now: live since this reload.
    rows = ((*fact_values(new[fid]), now, now, now, digests[fid]) for fid in (*added, *changed))
    await db.executemany(
        f"{INSERT_FACT}, content_digest) VALUES ({FACT_PLACEHOLDERS}, ?, ?, ?, ?)", rows
    )
    # Line numbers move whenever a file is edited; keep them current without audit noise.
    await db.executemany(
        "UPDATE facts SET line = ? WHERE id = ?", [(line, fid) for fid, line in plan.moved]
    )
    await db.executemany(
        "UPDATE facts SET language = ?, translations = ? WHERE id = ?",
        [(*languages, fid) for fid, languages in plan.stale],
    )


async def _audit_plan(db: aiosqlite.Connection, plan: ReloadPlan, actor: str, now: str) -> None:
    """An audit row for each file fact ``plan`` adds, changes or removes."""
    audit = [
        (now, actor, action, fid, None, "{}")
        for action, ids in (("add", plan.added), ("edit", plan.changed), ("remove", plan.removed))
        for fid in ids
    ]
    await db.executemany(
        "INSERT INTO audit (at, actor, action, fact_id, guild_id, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        audit,
    )
