"""Changing facts: members' additions and edits, removals, moderators' approvals and
rejections (taught questions: ``teaching`` and ``unteaching``).

Each change is written to the store first, in one transaction; the served index changes only
once that write has committed. The permission rules are ``bot.core.actors``'s; the limits on
what is written are ``bot.core.fact_input``'s and the daily budget of ``Policy`` here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.core.actors import Actor
from bot.core.errors import InvalidInput, LimitReached, NotFound, PermissionDenied
from bot.core.fact_ids import member_fact_id_candidates
from bot.core.fact_input import (
    FactInput,
    checked_language,
    edit_language,
    id_words,
    validate_fact_input,
    with_translation,
    written_in,
)
from bot.core.fact_references import supersession_cycle
from bot.core.folding import words
from bot.core.models import Fact, Origin, Source, Status, Translation
from bot.core.served_index import ServedIndex
from bot.core.storage import KnowledgeStore, StoreConflict
from bot.core.write_guard import WriteGuard, refused

# The service's own logger, as before it was split up: operators' log filters name it.
log = logging.getLogger("bot.core.service")


@dataclass(frozen=True, slots=True)
class Policy:
    """The ``facts`` section of the settings, as the core needs it."""

    who_can_add: str = "everyone"
    require_approval: bool = False
    max_per_user_per_day: int = 20


class FactWriter:
    """The knowledge service's changes to facts (see the ``KnowledgeBase`` method of each
    name for what it promises)."""

    def __init__(
        self,
        store: KnowledgeStore,
        index: ServedIndex,
        guard: WriteGuard,
        policy: Policy,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self._store = store
        self._index = index
        self._guard = guard
        self._policy = policy
        self._now = clock

    async def add_fact(self, given: FactInput, actor: Actor) -> Fact:
        """Store a user's fact (live, or pending approval) and index it if live."""
        if self._policy.who_can_add == "moderators" and not actor.is_moderator:
            raise PermissionDenied("Only moderators can add facts in this server.")
        draft = validate_fact_input(given)
        async with self._guard.before_writing(refused("fact")):
            await self._spend_daily_budget(actor)
        status = (
            Status.PENDING
            if self._policy.require_approval and not actor.is_moderator
            else Status.LIVE
        )
        source = None
        if draft.source_url or draft.source_title:
            source = Source(draft.source_title, draft.source_url, None)
        now = self._now()
        language = written_in(draft)
        candidates = member_fact_id_candidates(id_words(draft.answer, language=language))
        for fact_id in itertools.islice(candidates, 50):
            fact = Fact(
                id=fact_id,
                answer=draft.answer,
                questions=draft.questions,
                tags=draft.tags,
                source=source,
                date=draft.date or now.date(),
                origin=Origin.USER,
                guild_id=actor.guild_id,
                author_id=actor.user_id,
                status=status,
                supersedes=draft.supersedes or (),
                added_at=now if status is Status.LIVE else None,
                language=language,
            )
            if fact_id in self._index.matcher:
                continue
            self._check_supersedes(fact, actor)
            try:
                async with self._guard.writing(refused("fact")):
                    await self._store.insert_fact(fact, actor.key)
            except StoreConflict:
                continue
            if fact.status is Status.LIVE:
                self._index.matcher.add(fact)
            log.info("fact %s added by %s (%s)", fact.id, actor.key, fact.status.value)
            return fact
        raise InvalidInput("Could not find a free id for this fact; reword its first words.")

    async def fact_to_change(self, fact_id: str, actor: Actor) -> Fact:
        """The fact ``actor`` asks to edit or remove, if they may: else ``NotFound`` or
        ``PermissionDenied`` saying why (a form is opened only after this says yes)."""
        async with self._guard.before_writing(refused("change")):
            fact = await self._store.get_fact(fact_id.strip().lower())
        if fact is None or not actor.sees(fact):
            raise NotFound(f"There is no fact with id '{fact_id}'.")
        if fact.origin is Origin.FILE:
            raise PermissionDenied(
                f"'{fact.id}' comes from the knowledge file {fact.file}; edit the file and "
                "reload instead."
            )
        if not actor.may_change(fact):
            raise PermissionDenied("Only the fact's author or a moderator can change it.")
        return fact

    async def _store_write(self, action: str, write: Awaitable[None]) -> None:
        """Await a store write: a conflict is the user's to resolve, a refusal ``WriteFailed``."""
        try:
            async with self._guard.writing(refused(action)):
                await write
        except StoreConflict as exc:
            raise InvalidInput(str(exc)) from exc

    async def _spend_daily_budget(self, actor: Actor) -> None:
        """Members' additions and edits share one daily budget: a member cannot fill the
        database (or the audit trail) by editing one fact a thousand times."""
        if actor.is_moderator or self._policy.max_per_user_per_day < 0:
            return
        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
        written = await self._store.count_writes_since(actor.key, since)
        if written >= self._policy.max_per_user_per_day:
            raise LimitReached(
                f"You have added or edited {written} facts in the last 24 hours, the most "
                "allowed. Try again tomorrow."
            )

    async def edit_fact(self, fact_id: str, draft: FactInput, actor: Actor) -> Fact:
        """Change a member's fact as ``draft`` says, in ``draft.language``: in the fact's own
        language, its answer and questions; in another, its translation in that language
        (added, or replaced), the answer in its own language left as it was. Tags, source, date
        and superseded facts are the fact's whatever the language.

        Without a language, an answer left as it is keeps the fact's own language, and a new
        one is taken to be written in the language it reads as.
        """
        old = await self.fact_to_change(fact_id, actor)
        language = edit_language(old, draft)
        if old.translation(language) is None and not words(draft.answer):
            raise InvalidInput(
                f"'{old.id}' has no '{language}' translation yet: give its answer in that language."
            )
        draft = validate_fact_input(draft)
        async with self._guard.before_writing(refused("edit")):
            await self._spend_daily_budget(actor)
        source = old.source
        if draft.source_url or draft.source_title:
            source = Source(draft.source_title, draft.source_url, None)
        new = dataclasses.replace(
            old,
            tags=draft.tags,
            source=source,
            date=old.date if draft.date is None else draft.date,
            supersedes=old.supersedes if draft.supersedes is None else draft.supersedes,
        )
        before = old.translation(language)
        if language == old.language:
            new = dataclasses.replace(new, answer=draft.answer, questions=draft.questions)
        else:
            translated = Translation(language, draft.answer, draft.questions)
            new = dataclasses.replace(
                new, translations=with_translation(old.translations, translated)
            )
        self._check_supersedes(new, actor)
        detail = {
            "before": before.answer if before else None,
            "after": draft.answer,
            "language": language,
        }
        await self._store_write(
            "edit", self._store.update_fact(new, actor.key, "edit", detail, if_status=old.status)
        )
        if new.status is Status.LIVE:
            self._index.matcher.add(new)
        return new

    async def remove_translation(self, fact_id: str, language: str, actor: Actor) -> Fact:
        """Drop a member's fact's translation in ``language`` (a wrong one, or one no longer
        wanted); its answer in its own language stays, and questions in ``language`` are
        answered with it again, under the line saying there is no translation yet."""
        old = await self.fact_to_change(fact_id, actor)
        code = checked_language(language) or ""
        if code == old.language:
            raise InvalidInput(
                f"'{old.id}' is written in '{code}': that is its answer, not a translation "
                "(/fact remove removes the fact)."
            )
        before = old.translation(code)
        if before is None:
            raise InvalidInput(f"'{old.id}' has no '{code}' translation to remove.")
        async with self._guard.before_writing(refused("edit")):
            await self._spend_daily_budget(actor)
        new = dataclasses.replace(
            old, translations=tuple(t for t in old.translations if t.language != code)
        )
        detail = {"before": before.answer, "after": None, "language": code}
        await self._store_write(
            "edit",
            self._store.update_fact(new, actor.key, "edit", detail, if_status=old.status),
        )
        if new.status is Status.LIVE:
            self._index.matcher.add(new)
        return new

    def _check_supersedes(self, fact: Fact, actor: Actor) -> None:
        """Refuse, in one sentence, a ``supersedes`` naming a fact that is not answered where
        ``actor`` is, or one that would make ``fact`` supersede itself down a chain."""
        for old_id in fact.supersedes:
            old = self._index.matcher.get(old_id)
            if old_id == fact.id:
                raise InvalidInput(f"'{fact.id}' cannot supersede itself.")
            if old is None or not old.visible_in(actor.guild_id):
                raise InvalidInput(
                    f"There is no fact with id '{old_id}' here to supersede; check the id "
                    "(/fact search finds facts)."
                )

        def replaced(fact_id: str) -> tuple[str, ...]:
            if fact_id == fact.id:
                return fact.supersedes
            other = self._index.matcher.get(fact_id)
            return other.supersedes if other is not None else ()

        cycle = supersession_cycle(fact.id, replaced)
        if cycle is not None:
            raise InvalidInput(
                f"'{fact.id}' cannot supersede '{cycle[1]}': that would make a circle "
                f"({' supersedes '.join(cycle)})."
            )

    async def remove_fact(self, fact_id: str, actor: Actor) -> Fact:
        fact = await self.fact_to_change(fact_id, actor)
        await self._store_write(
            "removal", self._store.delete_fact(fact, actor.key, if_status=fact.status)
        )
        self._index.matcher.remove(fact.id)
        # The store forgot what was taught to it: a new fact given this id starts afresh.
        if self._index.taught.pop(fact.id, None) is not None:
            self._index.matcher.set_taught(self._index.taught)
        return fact

    async def approve(self, fact_id: str, actor: Actor) -> Fact:
        fact = await self._pending_fact(fact_id, actor)
        live = dataclasses.replace(fact, status=Status.LIVE, added_at=self._now())
        await self._store_write(
            "approval",
            self._store.update_fact(live, actor.key, "approve", if_status=Status.PENDING),
        )
        self._index.matcher.add(live)
        return live

    async def reject(self, fact_id: str, actor: Actor) -> Fact:
        fact = await self._pending_fact(fact_id, actor)
        await self._store_write(
            "rejection",
            self._store.delete_fact(fact, actor.key, reason="rejected", if_status=Status.PENDING),
        )
        return fact

    async def _pending_fact(self, fact_id: str, actor: Actor) -> Fact:
        if not actor.is_moderator:
            raise PermissionDenied("Only moderators can approve or reject facts.")
        async with self._guard.before_writing(refused("review")):
            fact = await self._store.get_fact(fact_id.strip().lower())
        if fact is None or not actor.may_review(fact):
            raise NotFound(f"There is no fact with id '{fact_id}'.")
        if fact.status is not Status.PENDING:
            raise InvalidInput(f"'{fact.id}' is not waiting for approval.")
        return fact
