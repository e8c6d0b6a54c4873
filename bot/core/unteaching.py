"""Taking back a taught question (``kb unteach``): the undo of ``FactWriter.teach``.

A moderator who linked a question to the wrong fact removes that phrasing again: from the
store (audited "unteach", in the same transaction) and from the index at once, so the
question goes back to being answered (or not) the way the facts alone answer it.
"""

from __future__ import annotations

import logging

from bot.core.actors import Actor, require_teaching_rights
from bot.core.errors import InvalidInput, NotFound, PermissionDenied
from bot.core.fact_input import asked_question, tidy
from bot.core.models import Fact
from bot.core.served_index import ServedIndex
from bot.core.storage import KnowledgeStore
from bot.core.write_guard import WriteGuard, refused

# The service's own logger, like the other writers: operators' log filters name it.
log = logging.getLogger("bot.core.service")


def _same(one: str, other: str) -> bool:
    # Teaching refuses a question a fact has in any letter case, so one fact holds at most
    # one spelling of it: "Y R they mad" takes back "y r they mad".
    return tidy(one).casefold() == tidy(other).casefold()


class Unteacher:
    """Removes taught questions (see ``KnowledgeBase.unteach`` for what it promises)."""

    def __init__(self, store: KnowledgeStore, index: ServedIndex, guard: WriteGuard) -> None:
        self._store = store
        self._index = index
        self._guard = guard

    def taught_seen_by(self, actor: Actor) -> list[tuple[str, str]]:
        """(question, fact id) of every question taught to a live fact ``actor`` sees, in
        fact id order, oldest teaching first within a fact."""
        found: list[tuple[str, str]] = []
        for fact_id in sorted(self._index.taught):
            fact = self._index.matcher.get(fact_id)
            if fact is not None and actor.sees(fact):
                found.extend((q, fact_id) for q in self._index.taught[fact_id])
        return found

    async def unteach(self, question: str, fact_id: str | None, actor: Actor) -> tuple[Fact, str]:
        """Take ``question`` back from ``fact_id`` (or from the one fact it was taught to);
        the fact and the question as it was stored."""
        if not actor.is_moderator:
            raise PermissionDenied("Only moderators can take back taught questions.")
        question = asked_question(question, asked="the question that was taught")
        # Under the index's lock, as teaching is: a teaching of the same fact that lands while
        # this write is awaited stays served (the index drops this question from what is
        # taught then, not from a copy read before).
        async with self._index.lock:
            fact = self._fact_taught(question, fact_id, actor)
            require_teaching_rights(actor, fact, fact.id)
            stored = next(q for q in self._index.taught.get(fact.id, ()) if _same(q, question))
            async with self._guard.writing(refused("taught question's removal")):
                removed = await self._store.remove_taught_question(
                    fact.id, stored, actor.key, fact.guild_id
                )
            if not removed:
                # Another process took it back first: the index catches up from the change log.
                raise InvalidInput(f"'{stored}' is no longer taught to '{fact.id}'.")
            self._index.drop_taught(fact.id, stored)
        log.info("taught question taken back from %s by %s", fact.id, actor.key)
        return fact, stored

    def _fact_taught(self, question: str, fact_id: str | None, actor: Actor) -> Fact:
        """The fact ``question`` was taught to: the one named, else the only one ``actor``
        sees; a one-sentence refusal for an unknown fact, an untaught question, or a question
        taught to several facts (naming them)."""
        if fact_id is not None:
            fact = self._index.matcher.get(fact_id.strip().lower())
            if fact is None or not actor.sees(fact):
                raise NotFound(f"There is no fact with id '{fact_id}'.")
            if not any(_same(q, question) for q in self._index.taught.get(fact.id, ())):
                raise InvalidInput(f"'{question}' was not taught to '{fact.id}'.")
            return fact
        owners = list(dict.fromkeys(i for q, i in self.taught_seen_by(actor) if _same(q, question)))
        if not owners:
            raise InvalidInput(f"'{question}' was not taught to any fact.")
        if len(owners) > 1:
            raise InvalidInput(
                f"'{question}' was taught to {len(owners)} facts ({', '.join(owners)}): "
                "name the one to take it back from."
            )
        fact = self._index.matcher.get(owners[0])
        assert fact is not None  # taught_seen_by lists live facts only
        return fact
