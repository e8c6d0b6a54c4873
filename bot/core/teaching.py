"""Teaching the bot a question (``kb teach``): one more phrasing of a fact, from a moderator.

The question is stored in its own table (audited "teach", in the same transaction) and
indexed on top of the fact at once, so it is answered with that fact from then on and kept
through reloads. While long work holds the index (a reload of a large knowledge folder), the
teaching is checked against what is served, kept in the store as queued, and made as that
work ends, whether it succeeded or failed (``bot.core.index_lock``), or at the next start if
the process dies first (``bot.core.queued_changes``): the moderator is answered at once. It is
checked again when it is made (the limit per fact, a member fact removed meanwhile); one that
cannot be made then is audited with why, as the moderator was told it would be made.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bot.core.actors import Actor, require_teaching_rights
from bot.core.errors import InvalidInput, NotFound, PermissionDenied
from bot.core.fact_caps import MAX_QUESTION_CHARS
from bot.core.fact_input import asked_question
from bot.core.models import TAUGHT_BY_THEN, TEACH_NOT_MADE, Fact, Origin
from bot.core.queued_changes import queue_behind
from bot.core.same_question import holds_question
from bot.core.served_index import ServedIndex
from bot.core.storage import KnowledgeStore, QueuedTeaching, StoreConflict
from bot.core.write_guard import WriteGuard, refused

# The service's own logger, like the other writers: operators' log filters name it.
log = logging.getLogger("bot.core.service")

MAX_TAUGHT_PER_FACT = 50

# What became of a fact since a question was taught to it (``Teaching.fact_since``).
FactSince = Literal["removed", "own", "replaced"]


def _plain(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Teaching:
    """What ``kb teach`` or ``kb unteach`` did, or will do once long work ends."""

    fact_id: str
    # The question as taught (as stored, for a taking back).
    question: str
    # True for a taking back (``kb unteach``).
    undone: bool = False
    # The long work it was queued behind ("a reload"); None when it is done already.
    waits_for: str | None = None
    # What became of the fact (since the question was taught, for a taking back): "removed"
    # (no longer in the knowledge), "own" (the question is one of its own questions now), or
    # "replaced" (by ``replaced_by``, which answers in its place); None when nothing did.
    fact_since: FactSince | None = None
    replaced_by: str | None = None

    def sentence(
        self,
        *,
        name: Callable[[str], str] = _plain,
        quoted: Callable[[str], str] = repr,
    ) -> str:
        """What the moderator is told, in one sentence: fact ids shown with ``name``, the
        question with ``quoted`` (plain text by default; Discord formats both)."""
        fact, question = name(self.fact_id), quoted(self.question)
        if self.waits_for is not None:
            done = f"taken back from {fact}" if self.undone else f"answered with {fact}"
            return (
                f"{self.waits_for.capitalize()} is under way: {question} is {done} as soon as "
                "it ends, whether or not it succeeds."
            )
        if not self.undone:
            if self.replaced_by is not None:
                # Asked, a replaced fact answers with its newest version: say which.
                return (
                    f"Taught {fact}: {question} is answered from now on with "
                    f"{name(self.replaced_by)}, which has replaced it."
                )
            return f"Taught {fact}: {question} is answered with it from now on."
        if self.fact_since == "removed":
            return (
                f"Taken back: {question} is no longer kept for {fact}, a fact that has left the "
                "knowledge since it was taught."
            )
        if self.fact_since == "own":
            return (
                f"Taken back: {question} is no longer taught to {fact}, which still answers it: "
                "it is one of the fact's own questions now."
            )
        if self.fact_since == "replaced" and self.replaced_by is not None:
            return (
                f"Taken back: {question} is no longer a phrasing of {fact} (which "
                f"{name(self.replaced_by)} has replaced since)."
            )
        return f"Taken back: {question} is no longer a phrasing of {fact}."


class Teacher:
    """Adds taught questions (see ``KnowledgeBase.teach`` for what it promises)."""

    def __init__(self, store: KnowledgeStore, index: ServedIndex, guard: WriteGuard) -> None:
        self._store = store
        self._index = index
        self._guard = guard

    async def teach(self, question: str, fact_id: str, actor: Actor) -> Teaching:
        """Add ``question`` as one more phrasing of the live fact ``fact_id``: answered from now
        on, audited ("teach"), kept through reloads and exported with ``kb export``; queued
        when long work holds the index (``Teaching.waits_for``).

        Moderators only; a knowledge-file fact is shared by every server, so teaching it needs
        the shared-knowledge permission (``Actor.manages_shared_knowledge``), while a member
        fact can be taught by the moderators of its own server.
        """
        if not actor.is_moderator:
            raise PermissionDenied("Only moderators can teach the bot questions.")
        question = _checked(question)
        busy = self._index.lock.busy_with
        if busy is not None:
            fact = self._teachable(question, fact_id, actor)
            member_fact = fact.origin is Origin.USER
            queued = QueuedTeaching(
                "teach", fact.id, question, actor.key, fact.guild_id, member_fact
            )
            # Kept in the store before the moderator is told: made through a crash too.
            await queue_behind(
                self._store, self._index.lock, self._guard, queued, busy, self.teach_queued
            )
            log.info("question for %s queued behind %s by %s", fact.id, busy, actor.key)
            return Teaching(fact.id, question, waits_for=busy)
        # Under the index's lock: another teaching, a taking back or a catch-up of the same
        # fact's questions waits, so the checks below see what is taught now and the index is
        # told of this one on top of theirs.
        async with self._index.lock:
            fact = self._teachable(question, fact_id, actor)
            await self._write(fact, question, actor)
        log.info("question taught to %s by %s", fact.id, actor.key)
        newest = self._index.matcher.newest(fact, actor.guild_id)
        if newest.id != fact.id:
            return Teaching(fact.id, question, fact_since="replaced", replaced_by=newest.id)
        return Teaching(fact.id, question)

    def _teachable(self, question: str, fact_id: str, actor: Actor) -> Fact:
        """The live fact ``question`` may be taught to, or a one-sentence refusal."""
        fact = self._index.matcher.get(fact_id.strip().lower())
        if fact is None or not actor.sees(fact):
            raise NotFound(f"There is no fact with id '{fact_id}'.")
        require_teaching_rights(actor, fact, fact_id)
        taught = self._index.taught.get(fact.id, ())
        if _has(fact, taught, question):
            raise InvalidInput(f"'{fact.id}' already has that question.")
        if len(taught) >= MAX_TAUGHT_PER_FACT:
            raise InvalidInput(
                f"'{fact.id}' has {len(taught)} taught questions, the most allowed; copy "
                "them into its questions and reload first."
            )
        return fact

    async def teach_queued(self, queued: QueuedTeaching) -> None:
        """A teaching queued behind long work, made as it ends or at the next start (under
        the lock). Checked again against what is served now, as a teaching made at once is; a
        knowledge-file fact the reload removed keeps it all the same, as it keeps what was
        taught to it before (it is served if the fact comes back). One that cannot be made is
        audited ("teach-not-made", with why) for the moderator who was told it would be."""
        fact_id, question = queued.fact_id, queued.question
        served = self._index.matcher.get(fact_id)
        taught = self._index.taught.get(fact_id, ())
        if _has(served, taught, question):
            await self._not_made(queued, TAUGHT_BY_THEN)
            return
        if served is None and queued.member_fact:
            # Removed while the teaching waited: unlike a file fact, a member fact never
            # comes back, and a row kept for it would look like one a removed file left.
            await self._not_made(queued, "the fact was removed meanwhile")
            return
        if len(taught) >= MAX_TAUGHT_PER_FACT:
            # Several teachings queued during one reload each passed the check when they
            # came; the limit holds for what is made.
            await self._not_made(
                queued, f"it had {len(taught)} taught questions by then, the most allowed"
            )
            return
        try:
            async with self._guard.writing(refused("taught question")):
                made = await self._store.add_taught_question(
                    fact_id,
                    question,
                    queued.actor,
                    queued.guild_id,
                    member_fact=queued.member_fact,
                    queued=queued.pk,
                )
        except StoreConflict:
            # Another process removed the member fact (the store checks it in the write).
            await self._not_made(queued, "the fact was removed meanwhile")
            return
        if made:
            self._index.add_taught(fact_id, question)
            log.info("queued question taught to %s for %s", fact_id, queued.actor)
        # Else made or dropped by another process, or audited by the store as taught already:
        # the index catches up from the change log.

    async def _not_made(self, queued: QueuedTeaching, why: str) -> None:
        async with self._guard.writing(refused("note of a teaching not made")):
            dropped = await self._store.drop_queued(queued, TEACH_NOT_MADE, why)
        if not dropped:
            # Made by another process first (one that started during this reload): what this
            # index saw is that teaching, not one missed.
            log.info("queued question for %s made by another process", queued.fact_id)
            return
        log.warning(
            "queued question for %s not taught (%s), for %s", queued.fact_id, why, queued.actor
        )

    async def _write(self, fact: Fact, question: str, actor: Actor) -> None:
        try:
            async with self._guard.writing(refused("taught question")):
                added = await self._store.add_taught_question(
                    fact.id,
                    question,
                    actor.key,
                    fact.guild_id,
                    member_fact=fact.origin is Origin.USER,
                )
        except StoreConflict as exc:
            # A member fact another process removed since this one last caught up.
            raise NotFound(f"There is no fact with id '{fact.id}' any more.") from exc
        if not added:
            raise InvalidInput(f"'{fact.id}' already has that question.")
        self._index.add_taught(fact.id, question)


def _checked(text: str) -> str:
    question = asked_question(text, asked="the question people asked")
    if not any(character.isalpha() for character in question):
        # "kb teach 2 some-fact": a number picked from a list is no question people asked
        # (the chat does not even count one as a question).
        raise InvalidInput(
            f"'{question}' is no question: give the question in the words people asked it."
        )
    if len(question) > MAX_QUESTION_CHARS:
        raise InvalidInput(f"Questions are limited to {MAX_QUESTION_CHARS} characters.")
    return question


def _has(fact: Fact | None, taught: tuple[str, ...], question: str) -> bool:
    """Whether ``fact`` (None: no longer served) already has ``question``, of its own or
    taught, as the same question (``bot.core.same_question``)."""
    own = fact.questions if fact is not None else ()
    return holds_question((*own, *taught), question)
