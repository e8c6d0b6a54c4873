"""Taking back a taught question (``kb unteach``): the undo of ``Teacher.teach``.

A moderator who linked a question to the wrong fact removes that phrasing again: from the
store (audited "unteach", in the same transaction) and from the index at once, so the
question goes back to being answered (or not) the way the facts alone answer it.

The fact may have changed since it was taught. A knowledge-file fact a reload removed keeps
its taught questions in the store (they are served again if it comes back): taking one back
forgets it for good. A fact replaced by a newer one, or one whose own questions now hold the
taught one, gives it up as any fact does, and the moderator is told what became of the fact.
Like teaching, a taking back that arrives during long work (a reload) is queued behind it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.core.actors import Actor, require_teaching_rights
from bot.core.errors import InvalidInput, NotFound, PermissionDenied
from bot.core.fact_input import asked_question
from bot.core.models import UNTAUGHT_BY_THEN, UNTEACH_NOT_MADE, Fact, Origin
from bot.core.queued_changes import queue_behind
from bot.core.same_question import holds_question, same_question
from bot.core.served_index import ServedIndex
from bot.core.storage import KnowledgeStore, QueuedTeaching
from bot.core.teaching import Teaching
from bot.core.write_guard import WriteGuard, refused

# The service's own logger, like the other writers: operators' log filters name it.
log = logging.getLogger("bot.core.service")


@dataclass(frozen=True, slots=True)
class _Taught:
    """One taught question found to take back: its fact's id, the question as stored, and
    the fact as served (None: no longer in the knowledge)."""

    fact_id: str
    question: str
    fact: Fact | None


class Unteacher:
    """Removes taught questions (see ``KnowledgeBase.unteach`` for what it promises)."""

    def __init__(self, store: KnowledgeStore, index: ServedIndex, guard: WriteGuard) -> None:
        self._store = store
        self._index = index
        self._guard = guard

    def taught_seen_by(self, actor: Actor) -> list[tuple[str, str]]:
        """(question, fact id) of every question taught to a fact ``actor`` sees, in fact id
        order, oldest teaching first within a fact. Facts no longer in the knowledge count
        for those who manage the shared knowledge (a reload removed them; their questions
        stay stored until taken back)."""
        found: list[tuple[str, str]] = []
        for fact_id in sorted(self._index.taught):
            if self._sees(actor, fact_id):
                found.extend((q, fact_id) for q in self._index.taught[fact_id])
        return found

    def _sees(self, actor: Actor, fact_id: str) -> bool:
        fact = self._index.matcher.get(fact_id)
        if fact is None:
            # Only knowledge-file facts leave their taught questions behind: the store forgets
            # a member fact's with it.
            return actor.manages_shared_knowledge
        return actor.sees(fact)

    async def unteach(self, question: str, fact_id: str | None, actor: Actor) -> Teaching:
        """Take ``question`` back from ``fact_id`` (or from the one fact it was taught to);
        what was done, or (during long work) what will be."""
        if not actor.is_moderator:
            raise PermissionDenied("Only moderators can take back taught questions.")
        question = asked_question(question, asked="the question that was taught")
        busy = self._index.lock.busy_with
        if busy is not None:
            found = self._taught(question, fact_id, actor)
            fact = found.fact
            queued = QueuedTeaching(
                "unteach",
                found.fact_id,
                found.question,
                actor.key,
                fact.guild_id if fact is not None else None,
                fact is not None and fact.origin is Origin.USER,
            )
            # Kept in the store before the moderator is told: made through a crash too.
            await queue_behind(
                self._store, self._index.lock, self._guard, queued, busy, self.unteach_queued
            )
            return Teaching(found.fact_id, found.question, undone=True, waits_for=busy)
        # Under the index's lock, as teaching is: a teaching of the same fact that lands while
        # this write is awaited stays served (the index drops this question from what is
        # taught then, not from a copy read before).
        async with self._index.lock:
            found = self._taught(question, fact_id, actor)
            await self._remove(found, actor)
        log.info("taught question taken back from %s by %s", found.fact_id, actor.key)
        return self._told(found)

    async def unteach_queued(self, queued: QueuedTeaching) -> None:
        """A taking back queued behind long work, made as it ends or at the next start
        (under the lock). A question no longer taught by then (taken back meanwhile, here or
        by another process) is audited as not made ("unteach-not-made", with why), like a
        teaching that could not be made: the moderator was told it would be taken back."""
        if queued.question not in self._index.taught.get(queued.fact_id, ()):
            async with self._guard.writing(refused("note of a taking back not made")):
                dropped = await self._store.drop_queued(queued, UNTEACH_NOT_MADE, UNTAUGHT_BY_THEN)
            if dropped:
                log.info("queued taking back from %s not made: no longer taught", queued.fact_id)
            else:  # made by another process first, which took the question back
                log.info("queued taking back from %s made by another process", queued.fact_id)
            return
        async with self._guard.writing(refused("taught question's removal")):
            removed = await self._store.remove_taught_question(
                queued.fact_id, queued.question, queued.actor, queued.guild_id, queued=queued.pk
            )
        if removed:
            self._index.drop_taught(queued.fact_id, queued.question)
            log.info(
                "queued taught question taken back from %s for %s", queued.fact_id, queued.actor
            )

    async def _remove(self, found: _Taught, actor: Actor) -> None:
        guild_id = found.fact.guild_id if found.fact is not None else None
        async with self._guard.writing(refused("taught question's removal")):
            removed = await self._store.remove_taught_question(
                found.fact_id, found.question, actor.key, guild_id
            )
        if not removed:
            # Another process took it back first: the index catches up from the change log.
            raise InvalidInput(f"'{found.question}' is no longer taught to '{found.fact_id}'.")
        self._index.drop_taught(found.fact_id, found.question)

    def _told(self, found: _Taught) -> Teaching:
        """The taking back, with what became of the fact since it was taught."""
        fact = found.fact
        if fact is None:
            return Teaching(found.fact_id, found.question, undone=True, fact_since="removed")
        if holds_question(fact.questions, found.question):
            return Teaching(fact.id, found.question, undone=True, fact_since="own")
        newest = self._index.matcher.newest(fact, fact.guild_id)
        if newest.id != fact.id:
            return Teaching(
                fact.id, found.question, undone=True, fact_since="replaced", replaced_by=newest.id
            )
        return Teaching(fact.id, found.question, undone=True)

    def _taught(self, question: str, fact_id: str | None, actor: Actor) -> _Taught:
        """The teaching of ``question`` to take back: to the fact named, else to the only
        fact ``actor`` sees it taught to; a one-sentence refusal for an unknown fact, an
        untaught question, or a question taught to several facts (naming them)."""
        if fact_id is not None:
            return self._taught_to(question, fact_id, actor)
        owners = list(
            dict.fromkeys(i for q, i in self.taught_seen_by(actor) if same_question(q, question))
        )
        if not owners:
            raise InvalidInput(f"'{question}' was not taught to any fact.")
        if len(owners) > 1:
            raise InvalidInput(
                f"'{question}' was taught to {len(owners)} facts ({', '.join(owners)}): "
                "name the one to take it back from."
            )
        return self._taught_to(question, owners[0], actor)

    def _taught_to(self, question: str, typed_id: str, actor: Actor) -> _Taught:
        fact_id = typed_id.strip().lower()
        fact = self._index.matcher.get(fact_id)
        taught = self._index.taught.get(fact_id, ())
        if fact is None:
            # Left behind by a reload (see ``taught_seen_by``).
            if not taught or not actor.manages_shared_knowledge:
                raise NotFound(f"There is no fact with id '{typed_id}'.")
        else:
            if not actor.sees(fact):
                raise NotFound(f"There is no fact with id '{typed_id}'.")
            require_teaching_rights(actor, fact, typed_id)
        # Teaching refuses a question a fact has as the same question, so one fact holds at
        # most one spelling of it: "Y R they mad?" takes back "y r they mad".
        stored = next((q for q in taught if same_question(q, question)), None)
        if stored is None:
            raise InvalidInput(f"'{question}' was not taught to '{fact_id}'.")
        return _Taught(fact_id, stored, fact)
