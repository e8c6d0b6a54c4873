"""The index being served, and how it is kept in step with the store and the knowledge folder.

The store holds what is durable; the matcher answers. ``ServedIndex`` owns the matcher and
everything known about what it shows (the stored generation, the change log position, the
snapshot beside the database), and is the one place that rebuilds or updates it: from the
store, from a snapshot, from the knowledge folder (a reload), or from other processes' changes.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.core import index_snapshot
from bot.core.errors import InvalidInput
from bot.core.index_lock import IndexLock
from bot.core.knowledge_signature import KnowledgeSignature
from bot.core.loader import KnowledgeReader, KnowledgeSet
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import Fact, Origin, ReloadReport, Status
from bot.core.same_question import holds_question
from bot.core.storage import KnowledgeStore, StoreConflict, StoredKnowledge, StoreError
from bot.core.text import Analyzer
from bot.core.write_guard import WriteGuard

# The service's own logger, as before it was split up: operators' log filters name it.
log = logging.getLogger("bot.core.service")

# Up to how many changed facts another process wrote are read one by one (past that, the
# store is read again whole).
CATCH_UP_ONE_BY_ONE = 5_000


class ServedIndex:
    """The matcher in service, with what it is known to show."""

    def __init__(
        self,
        store: KnowledgeStore,
        knowledge_dir: Path,
        settings: MatcherSettings,
        guard: WriteGuard,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self._store = store
        self._knowledge_dir = knowledge_dir
        self._guard = guard
        self._now = clock
        self.settings = settings
        self._synonyms: tuple[tuple[str, ...], ...] = ()
        # Questions taught to facts (``teach``), by fact id, as stored: indexed on top of the
        # facts, whatever their origin, so that a reload keeps them.
        self.taught: dict[str, tuple[str, ...]] = {}
        self.matcher = Matcher(analyzer=Analyzer(self._synonyms), settings=settings)
        # Held by whatever rebuilds the index or changes the knowledge folder: a reload, a
        # catch-up, a draft review or an ingestion never interleave. Teaching and taking back
        # a question hold it too: a reload or catch-up reads the taught questions from the
        # store, and one read before such a write landed must not replace what it served.
        # Long work under it (a reload) is named, and short changes go round it: see
        # ``bot.core.index_lock``.
        self.lock = IndexLock()
        self._reader = KnowledgeReader()
        # False while the index serves facts that are not stored (a preview).
        self.serves_stored = True
        # The database generation the index is known to show exactly (None: not known), and
        # the one of the snapshot on disk (None: none known to be current).
        self._indexed_generation: int | None = None
        self._snapshot_generation: int | None = None
        # What the last reload stored, for the reader to take as parsed (see ``reload``).
        self._stored_signature: KnowledgeSignature | None = None
        # False until the service has started: only then are objects frozen and is a
        # snapshot read as the start's.
        self.started = False
        # The store's change log as far as the index shows it (see ``catch_up``).
        self._change_seq = 0

    def add_taught(self, fact_id: str, question: str) -> None:
        """Serve ``question`` as taught to ``fact_id``, once the store holds it: added to the
        questions taught now, not to a copy read before the write was awaited (another
        teaching or taking back may have landed meanwhile)."""
        known = self.taught.get(fact_id, ())
        if not holds_question(known, question):
            self.taught[fact_id] = (*known, question)
        self.matcher.set_taught(self.taught)

    def drop_taught(self, fact_id: str, question: str) -> None:
        """Stop serving ``question`` (as stored) as taught to ``fact_id``, once the store has
        forgotten it; the fact's other taught questions, as they are now, stay."""
        left = tuple(q for q in self.taught.get(fact_id, ()) if q != question)
        if left:
            self.taught[fact_id] = left
        else:
            self.taught.pop(fact_id, None)
        self.matcher.set_taught(self.taught)

    async def read_stored_state(self) -> StoredKnowledge | None:
        """Before anything is indexed: where the change log is, the taught questions, and what
        the last reload stored (returned; None if none ever did)."""
        # Before anything is read: whatever is written meanwhile is caught up with later.
        self._change_seq = await self._store.latest_change()
        self.taught = await self._store.taught_questions()
        stored = await self._store.stored_knowledge()
        if stored is not None and stored.signature is not None:
            self._stored_signature = KnowledgeSignature.from_json(stored.signature)
        return stored

    async def directory_unchanged(self) -> bool:
        """Whether the knowledge directory still holds what the last reload stored."""
        since = self._stored_signature
        if since is None:
            return False
        return await asyncio.to_thread(self._reader.unchanged, self._knowledge_dir, since)

    async def preview(self) -> None:
        """Index the knowledge directory's facts and the stored member facts, storing nothing.

        Raises ``KnowledgeError``, or ``InvalidInput`` when a file fact has a member fact's id
        (a reload would refuse it too).
        """
        knowledge = await asyncio.to_thread(self._reader.load, self._knowledge_dir)
        members = await self._store.all_facts(origin=Origin.USER)
        clash = sorted({f.id for f in members} & {f.id for f in knowledge.facts})
        if clash:
            raise InvalidInput(
                "knowledge file ids already used by user-added facts: " + ", ".join(clash)
            )
        self._synonyms = knowledge.synonyms
        self._rebuild([*knowledge.facts, *members])
        self.serves_stored = False
        self._indexed_generation = None

    async def serve_stored(self) -> None:
        """Index what the database holds: from the snapshot if it is current, else afresh."""
        generation = await self._store.generation()
        local = self._store.local_file
        loaded = (
            None
            if local is None
            else await asyncio.to_thread(
                index_snapshot.read,
                local,
                generation,
                settings=self.settings,
                at_start=not self.started,
            )
        )
        self.serves_stored = True
        if loaded is not None:
            self.matcher, self._synonyms = loaded
            # The snapshot's index has the taught questions; the matcher is told them so that
            # facts added again later keep them too.
            self.matcher.set_taught(self.taught)
            self._indexed_generation = self._snapshot_generation = generation
            return
        self._synonyms = await self._store.synonyms()
        self._rebuild(await self._store.all_facts())
        # Known to show that generation only if nothing was written while it was read.
        still = await self._store.generation() == generation
        self._indexed_generation = generation if still else None

    async def save_snapshot(self) -> None:
        """Save the index beside the database if it shows a generation that is still current
        and not saved yet. A snapshot that cannot be written only costs the next start time."""
        generation = self._indexed_generation
        if not self.serves_stored or generation is None or generation == self._snapshot_generation:
            return
        try:
            if await self._store.generation() != generation:
                return  # written since: the index may not show it
            local = self._store.local_file
            if local is None:
                return
            # On the loop's thread, which blocks for it: nothing may change the index meanwhile.
            index_snapshot.save(local, self.matcher, self._synonyms, generation)
        except (OSError, StoreError) as exc:
            log.warning("index snapshot not saved: %s", exc)
            return
        self._snapshot_generation = generation

    async def catch_up(self) -> int:
        """Bring the index up to date with the store's changes since it was last in step;
        the number of facts whose answer changed here. A preview (facts that are not stored)
        has nothing to follow."""
        if not self.serves_stored:
            return 0
        async with self.lock:
            changes = await self._store.changes_since(self._change_seq, limit=CATCH_UP_ONE_BY_ONE)
            if changes is None or "" in (changes.fact_ids if changes else ()):
                return await self._resync()
            changed = 0
            if changes.fact_ids:
                # A change may be a taught question: they are few, read them all again.
                self.taught = await self._store.taught_questions()
                self.matcher.set_taught(self.taught)
            stored = {f.id: f for f in await self._store.facts_by_id(changes.fact_ids)}
            for fact_id in changes.fact_ids:
                new = stored.get(fact_id)
                if new is None or new.status is not Status.LIVE:
                    changed += self.matcher.remove(fact_id) is not None
                elif self.matcher.get(fact_id) != new:
                    self.matcher.add(new)
                    changed += 1
            self._change_seq = changes.last
        if changed:
            log.info("index caught up with %d changed fact(s) written elsewhere", changed)
        return changed

    async def _resync(self) -> int:
        """Serve exactly what the store holds (after many changes, or new synonyms)."""
        seq = await self._store.latest_change()
        synonyms = await self._store.synonyms()
        facts = await self._store.all_facts()
        self.taught = await self._store.taught_questions()
        before = len(self.matcher)
        if synonyms != self._synonyms:
            self._synonyms = synonyms
            self._rebuild(facts)
        else:
            files = [f for f in facts if f.origin is Origin.FILE]
            members = [f for f in facts if f.origin is Origin.USER]
            self._sync(files, members, ReloadReport())
        self.matcher.set_taught(self.taught)
        self._change_seq = seq
        log.info("index read again from the store: %d facts (was %d)", len(self.matcher), before)
        return len(self.matcher)

    def _sync(
        self, file_facts: Sequence[Fact], members: Sequence[Fact], stored: ReloadReport
    ) -> ReloadReport:
        """Make the index serve exactly these facts; report the file facts that changed in it."""

        def state(fact: Fact) -> tuple[object, ...]:
            return (fact.content_key(), fact.guild_id, fact.status)

        wanted = {f.id: f for f in members if f.status is Status.LIVE}
        wanted.update((f.id, f) for f in file_facts)
        added: list[str] = []
        changed: list[str] = []
        removed: list[str] = []
        for fact in self.matcher.facts():
            new = wanted.get(fact.id)
            if new is None:
                self.matcher.remove(fact.id)
                if fact.origin is Origin.FILE:
                    removed.append(fact.id)
            elif state(new) != state(fact):
                self.matcher.add(new)
                if new.origin is Origin.FILE:
                    changed.append(fact.id)
            elif new.line != fact.line:
                # Moved in its file: the index shows the stored line (and so does a snapshot).
                self.matcher.refresh(new)
        for fact_id, fact in wanted.items():
            if fact_id not in self.matcher:
                self.matcher.add(fact)
                if fact.origin is Origin.FILE:
                    added.append(fact_id)
        self.matcher.prepare_semantic()
        return dataclasses.replace(
            stored,
            added=tuple(sorted(added)),
            changed=tuple(sorted(changed)),
            removed=tuple(sorted(removed)),
        )

    def _rebuild(self, facts: Sequence[Fact]) -> None:
        matcher = Matcher(
            analyzer=Analyzer(self._synonyms), settings=self.settings, taught=self.taught
        )
        # Frozen only at start: later, live objects of the running bot would be frozen too.
        freeze = not self.started and len(facts) >= index_snapshot.FREEZE_FROM_FACTS
        with index_snapshot.long_lived_objects(freeze=freeze):
            for fact in facts:
                if fact.status is Status.LIVE:
                    matcher.add(fact)
        matcher.prepare_semantic()
        self.matcher = matcher

    def _stamped(self, knowledge: KnowledgeSet, report: ReloadReport) -> KnowledgeSet:
        """``knowledge`` with the facts this reload stored new or changed marked as live from
        now (the store marked them so too), for the date shown when a fact has no other."""
        fresh = {*report.added, *report.changed}
        if not fresh:
            return knowledge
        now = self._now()
        facts = tuple(
            dataclasses.replace(f, added_at=now) if f.id in fresh and f.added_at is None else f
            for f in knowledge.facts
        )
        return dataclasses.replace(knowledge, facts=facts)

    async def _generation_stored_by(self, signature: str | None) -> int | None:
        """The generation the index now shows, if that is known: the last reload stored
        ``signature`` (it is this process's reload) and nothing was written since (the member
        facts indexed with it were read after it)."""
        if signature is None:
            return None
        stored = await self._store.stored_knowledge()
        generation = await self._store.generation()
        if stored is None or stored.signature != signature or stored.generation != generation:
            return None
        return generation

    async def reload(self, actor_key: str) -> ReloadReport:
        """Re-read the knowledge folder, store it and serve it, under the lock; on any error
        the old knowledge stays in service. Raises ``KnowledgeError`` (located problems),
        ``InvalidInput`` (refused by the store) or ``WriteFailed``."""
        async with self.lock.long_work("a reload"):
            return await self.reload_locked(actor_key)

    async def reload_locked(self, actor_key: str) -> ReloadReport:
        """``reload`` for a caller that holds the lock already (a draft review)."""
        if self._stored_signature is not None and self.serves_stored:
            # The index serves what that reload stored: the files it read need no parsing
            # again unless they changed (a start that skipped parsing left no parses).
            self._reader.adopt(self._stored_signature, self.matcher.facts(), self._synonyms)
        knowledge = await asyncio.to_thread(
            self._reader.load, self._knowledge_dir, in_service=self.matcher.get
        )
        # Into an empty index (nothing was stored), indexing afresh is quicker.
        return await self._apply(knowledge, actor_key, rebuild=len(self.matcher) == 0)

    async def _apply(
        self, knowledge: KnowledgeSet, actor_key: str, *, rebuild: bool = False
    ) -> ReloadReport:
        """Store ``knowledge`` as the file facts, then bring the index in step: by the
        difference, or (at start, or when the synonyms change) by indexing the parsed facts
        and the members' facts afresh, sharing the fact objects the reader keeps."""
        signature = knowledge.signature.to_json() if knowledge.signature else None
        try:
            async with self._guard.writing(
                "The reload could not be saved (the database refused the write); the old "
                "knowledge is still in service."
            ):
                report = await self._store.replace_file_facts(
                    knowledge.facts, actor_key, synonyms=knowledge.synonyms, signature=signature
                )
        except StoreConflict as exc:
            raise InvalidInput(f"The reload was refused: {exc}.") from exc
        report = dataclasses.replace(report, files=len(knowledge.files))
        knowledge = self._stamped(knowledge, report)
        if report.own_changes is not None and report.own_changes[0] == self._change_seq:
            # Nothing else was written before this reload: its own changes need no catching up.
            self._change_seq = report.own_changes[1]
        members = await self._store.all_facts(origin=Origin.USER)
        # Another process may have taught questions since they were read.
        self.taught = await self._store.taught_questions()
        if rebuild or not self.serves_stored or knowledge.synonyms != self._synonyms:
            # A previewed index is no measure of what changed: the database's report is.
            self._synonyms = knowledge.synonyms
            self._rebuild([*knowledge.facts, *members])
        else:
            # Against the index, not the database: another process (the CLI) may have written
            # the database already, and its changes must reach this index too.
            with index_snapshot.long_lived_objects(freeze=False):
                report = self._sync(knowledge.facts, members, report)
            self.matcher.set_taught(self.taught)
        self.serves_stored = True
        self._stored_signature = knowledge.signature
        self._indexed_generation = await self._generation_stored_by(signature)
        log.info(
            "knowledge reloaded by %s: +%d ~%d -%d (%d facts)",
            actor_key,
            len(report.added),
            len(report.changed),
            len(report.removed),
            report.total,
        )
        return report
