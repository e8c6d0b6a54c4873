"""``KnowledgeBase``: ask, add, edit, remove, reload and report, with an audit trail.

The one place the Discord cogs and the CLI call into. It owns the store (what is durable) and
the served index (what answers), and keeps them in step: the database is written first, in one
transaction, and the in-memory index changes only once that write has committed.

This module is the facade; each concern has its own module, composed here:

- ``fact_input``: what a person types for a fact, checked and tidied;
- ``served_index``: the matcher in service, rebuilt, reloaded and caught up with the store;
- ``startup`` (``StartMode``) and ``change_follower``: starting, and following other processes;
- ``timeline_answers``: questions about a time, ``/latest`` and its topics;
- ``ask_recorder``: asked questions saved for the statistics in the background;
- ``draft_review``: drafts filed by ingestion, reviewed by moderators;
- ``knowledge_export``: member facts and taught questions as a knowledge file;
- ``write_guard``: a refused write as one sentence, remembered for the moderators.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import itertools
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.core import startup, timeline
from bot.core.actors import Actor, require_shared_admin
from bot.core.ask_recorder import AskRecorder
from bot.core.change_follower import FOLLOW_SECONDS, ChangeFollower
from bot.core.draft_files import DraftChoice, DraftFile, ReviewOutcome
from bot.core.draft_review import ArticleRef, DraftComposer, DraftFiled, DraftReview
from bot.core.errors import (
    InvalidInput,
    LimitReached,
    NotFound,
    PermissionDenied,
    WriteFailed,
)
from bot.core.fact_ids import member_fact_id_candidates
from bot.core.fact_input import (
    FactInput,
    checked_language,
    edit_language,
    id_words,
    parse_day,
    parse_ids,
    tidy,
    validate_fact_input,
    with_translation,
    written_in,
)
from bot.core.knowledge_export import export_yaml, has_taught_file_questions
from bot.core.leases import Leases
from bot.core.loader import MAX_QUESTION_CHARS, supersession_cycle
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import (
    AskResult,
    AuditEntry,
    Fact,
    Match,
    Origin,
    ReloadReport,
    Source,
    Stats,
    Status,
    Translation,
)
from bot.core.served_index import ServedIndex
from bot.core.startup import StartMode
from bot.core.storage import KnowledgeStore, StoreConflict, StoreUnavailable
from bot.core.supersession import Proposal, propose_supersessions
from bot.core.text import words
from bot.core.timeline_answers import TimelineAnswers
from bot.core.write_guard import WriteGuard, refused

# Names other modules import from here, where they have always been.
__all__ = [
    "MAX_ASK_CHARS",
    "ArticleRef",
    "Clock",
    "DraftComposer",
    "DraftFiled",
    "FactInput",
    "KnowledgeBase",
    "Policy",
    "StartMode",
    "checked_language",
    "id_words",
    "parse_day",
    "parse_ids",
    "validate_fact_input",
    "written_in",
]

log = logging.getLogger(__name__)

# Only the start of an over-long question is matched: nobody's question is 10,000 characters.
MAX_ASK_CHARS = 600
MAX_TAUGHT_PER_FACT = 50

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class Policy:
    """The ``facts`` section of the settings, as the core needs it."""

    who_can_add: str = "everyone"
    require_approval: bool = False
    max_per_user_per_day: int = 20


class KnowledgeBase:
    """The newsdesk brain: durable facts in the store, answers from the matcher."""

    def __init__(
        self,
        store: KnowledgeStore,
        knowledge_dir: Path,
        *,
        matcher_settings: MatcherSettings | None = None,
        policy: Policy | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.store = store
        # What "today" is for dates and questions about time (fixed in tests).
        self.now: Clock = clock or _utc_now
        self.knowledge_dir = knowledge_dir
        self.policy = policy or Policy()
        self._guard = WriteGuard()
        self._index = ServedIndex(
            store, knowledge_dir, matcher_settings or MatcherSettings(), self._guard, self.now
        )
        self._timeline = TimelineAnswers(self._index)
        self._asks = AskRecorder(store, self._guard)
        self._drafts = DraftReview(store, knowledge_dir, self._index, self._guard)
        self._follower = ChangeFollower(store, self.catch_up)
        # One line for the operator when what is served is not simply the stored directory
        # (it changed since it was stored, or was never stored); None when all is as expected.
        self.start_notice: str | None = None
        # Work done once among the processes sharing the store (see ``hold_lease``).
        self.leases = Leases(store)

    @property
    def matcher(self) -> Matcher:
        """The index answering now (replaced whole when it is rebuilt)."""
        return self._index.matcher

    @property
    def write_problem(self) -> str | None:
        """Why the last write failed, for the moderators (``/kb stats``); None once one
        succeeds again."""
        return self._guard.problem

    @write_problem.setter
    def write_problem(self, problem: str | None) -> None:
        self._guard.problem = problem

    # ---------------------------------------------------------------------- lifecycle
    @classmethod
    async def open(
        cls,
        store: KnowledgeStore,
        knowledge_dir: Path,
        *,
        matcher_settings: MatcherSettings | None = None,
        policy: Policy | None = None,
        start: StartMode = StartMode.RELOAD,
        clock: Clock | None = None,
    ) -> KnowledgeBase:
        """Serve the facts of ``store`` (which it then owns and closes), treating
        ``knowledge_dir`` as ``start`` says.

        With ``RELOAD``, a knowledge directory with errors does not stop the start: the facts
        already in the database stay in service and the errors are logged. ``PREVIEW`` raises
        them (``KnowledgeError``), as the directory is what was asked for.
        """
        try:
            kb = cls(
                store, knowledge_dir, matcher_settings=matcher_settings, policy=policy, clock=clock
            )
            kb.start_notice = await startup.start(kb._index, knowledge_dir, start)
        except BaseException:
            await store.close()
            raise
        return kb

    def follow_changes(self, *, every: float = FOLLOW_SECONDS) -> None:
        """Keep the index in step with what other processes (the CLI, another bot process)
        write to the store until ``close``: as soon as the store says it changed, and at
        least every ``every`` seconds."""
        self._follower.start(every)

    async def catch_up(self) -> int:
        """Bring the index up to date with the store's changes since it was last in step;
        the number of facts whose answer changed here. A preview (facts that are not stored)
        has nothing to follow."""
        return await self._index.catch_up()

    async def close(self) -> None:
        await self._follower.stop()
        try:
            await self.leases.release_all()
            await self.flush()
            await self._index.save_snapshot()
        finally:
            await self.store.close()

    async def __aenter__(self) -> KnowledgeBase:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def database(self) -> str:
        """Where the database is, for messages."""
        return self.store.location

    async def backup(self, target: Path) -> None:
        """A consistent copy of the database in the new file ``target``, taken while the bot
        keeps answering and writing; ``StoreError`` if it cannot be written."""
        await self.store.backup(target)

    async def hold_lease(self, name: str, seconds: float | None = None) -> bool:
        """Take or renew the lease ``name`` for this process for ``seconds`` (by default
        ``bot.core.leases.DEFAULT_LEASE_SECONDS``, 30): True when the work it guards should run
        here, no other process holding it. See ``bot.core.leases``; given up at ``close``."""
        return await self.leases.hold(name, seconds)

    # --------------------------------------------------------------------------- asking
    @property
    def suggest_threshold(self) -> float:
        """The lowest score the bot still offers as a "did you mean" suggestion."""
        return self._index.settings.suggest_threshold

    async def ask(
        self,
        question: str,
        *,
        guild_id: int | None = None,
        limit: int = 5,
        record: bool = True,
    ) -> AskResult:
        """Answer ``question`` as seen from ``guild_id``; remember it for the statistics.

        The answer does not wait for the statistics: the question is saved in the background,
        so a slow or locked database never delays a reply.
        """
        text = question[:MAX_ASK_CHARS]
        when = timeline.read_time(text, self.today())
        if when is None:
            result = self.matcher.ask(text, limit=limit, guild_id=guild_id)
        else:
            result = self._timeline.ask(text, when, limit=limit, guild_id=guild_id)
        if question[MAX_ASK_CHARS:].strip():
            result = dataclasses.replace(result, truncated=True)
        if record and words(question):
            self._asks.record(question, result, guild_id)
        return result

    def today(self) -> dt.date:
        return self.now().date()

    def _as_answer(self, fact: Fact, guild_id: int | None, score: float = 1.0) -> Match:
        earlier = self.matcher.earlier(fact, guild_id) if fact.supersedes else ()
        return Match(fact, score, fact.questions[0] if fact.questions else None, earlier)

    async def flush(self) -> None:
        """Wait until the questions asked so far are saved in the statistics (not the ones
        still arriving: under steady traffic the writer never runs dry)."""
        await self._asks.flush()

    def complete(self, prefix: str, *, guild_id: int | None = None, limit: int = 25) -> list[str]:
        return self.matcher.complete(prefix[:MAX_ASK_CHARS], guild_id=guild_id, limit=limit)

    def search(self, query: str, *, guild_id: int | None = None, limit: int = 10) -> list[Match]:
        # Superseded facts too: a search finds facts to look at or edit, old ones included.
        result = self.matcher.ask(
            query[:MAX_ASK_CHARS], limit=limit, guild_id=guild_id, current=False
        )
        floor = self._index.settings.suggest_threshold / 2
        return [m for m in result.matches if m.score >= floor]

    def related(self, fact: Fact, *, guild_id: int | None = None) -> list[Fact]:
        """Facts a reader of ``fact`` would want next: its ``related`` ids, visible ones only,
        each as its newest version (never ``fact`` itself or a fact it replaced)."""
        out: dict[str, Fact] = {}
        for fact_id in fact.related:
            other = self.matcher.get(fact_id)
            if other is not None and other.visible_in(guild_id):
                other = self.matcher.newest(other, guild_id)
                if other.id != fact.id and other.id not in fact.supersedes:
                    out.setdefault(other.id, other)
        return list(out.values())

    def answer_for(self, fact_id: str, *, guild_id: int | None = None) -> Match | None:
        """The answer for a fact picked by id (a question button): the fact, or the newest
        fact visible in ``guild_id`` that replaces it, with the facts that one replaced."""
        fact = self.fact(fact_id, guild_id=guild_id)
        if fact is None:
            return None
        return self._as_answer(self.matcher.newest(fact, guild_id), guild_id)

    # ------------------------------------------------------------------------ timeline
    def latest(
        self,
        topic: str | None = None,
        *,
        since: dt.date | None = None,
        guild_id: int | None = None,
        limit: int = 20,
    ) -> list[Fact]:
        """The newest facts answered in ``guild_id`` (on ``topic``: a tag, or words the
        facts match), dated ``since`` or later, newest first; superseded facts left out."""
        text = (topic or "").strip()[:MAX_ASK_CHARS]
        return self._timeline.latest(text, since=since, guild_id=guild_id, limit=limit)

    def topics(
        self, prefix: str = "", *, guild_id: int | None = None, limit: int = 25
    ) -> list[str]:
        """Topics to offer for ``/latest``: the facts' tags and the names several facts share,
        most used first; those starting with ``prefix`` first, then those containing it."""
        return self._timeline.topics(prefix, guild_id=guild_id, limit=limit)

    def proposed_updates(
        self, facts: Sequence[Fact], *, guild_id: int | None = None
    ) -> dict[str, list[Proposal]]:
        """For each of ``facts`` (new ones: a draft's, or a member's just added), the live
        facts it seems to update (see ``bot.core.supersession``). Proposals only: nothing is
        superseded until a person confirms it."""
        return propose_supersessions(facts, self.matcher, guild_id=guild_id)

    async def added_since(self, since: dt.datetime, *, guild_id: int | None) -> list[Fact]:
        """Facts answered in ``guild_id`` that became answerable at ``since`` or later (added,
        approved, or brought in new or changed by a reload), oldest first."""
        facts = await self.store.facts_live_since(since)
        return [f for f in facts if f.visible_in(guild_id)]

    async def claim_once(self, key: str) -> bool:
        """Whether this call is the first, in any process, to claim ``key``."""
        async with self._guard.writing(refused("claim")):
            return await self.store.claim_once(key)

    # ------------------------------------------------------------------------- reading
    def fact(self, fact_id: str, *, guild_id: int | None = None) -> Fact | None:
        """The live fact ``fact_id`` as answered in ``guild_id``, or None."""
        fact = self.matcher.get(fact_id.strip().lower())
        return fact if fact is not None and fact.visible_in(guild_id) else None

    def fact_ids(self, prefix: str, *, guild_id: int | None, limit: int = 25) -> list[str]:
        """The ``limit`` smallest live fact ids starting with ``prefix``, as seen from a server."""
        typed = prefix.strip().lower()
        visible = (
            fact_id
            for fact_id in self.matcher.ids()
            if fact_id.startswith(typed)
            and (fact := self.matcher.get(fact_id)) is not None
            and fact.visible_in(guild_id)
        )
        return heapq.nsmallest(limit, visible)

    def has_member_facts(self, guild_id: int | None) -> bool:
        """Whether members of ``guild_id`` have added live facts."""
        return any(f.origin is Origin.USER and f.guild_id == guild_id for f in self.matcher.facts())

    async def get_fact(self, fact_id: str, *, guild_id: int | None = None) -> Fact:
        """A fact by id as seen from ``guild_id`` (pending ones included), or ``NotFound``."""
        fact = await self.store.get_fact(fact_id.strip().lower())
        if fact is None and not self._index.serves_stored:
            fact = self.matcher.get(fact_id.strip().lower())  # a previewed file fact
        if fact is None or not fact.visible_in(guild_id):
            raise NotFound(f"There is no fact with id '{fact_id}'.")
        return fact

    async def history(self, fact_id: str, *, guild_id: int | None = None) -> list[AuditEntry]:
        entries = await self.store.history(fact_id.strip().lower())
        if not entries:
            raise NotFound(f"There is no history for a fact with id '{fact_id}'.")
        if any(e.guild_id not in (None, guild_id) for e in entries):
            raise NotFound(f"There is no history for a fact with id '{fact_id}'.")
        return entries

    async def stats(self, *, guild_id: int | None = None, all_guilds: bool = False) -> Stats:
        await self.flush()
        try:
            stats = await self.store.stats(guild_id, all_guilds=all_guilds)
        except StoreUnavailable as exc:
            # A database server that is down: the moderator asking is told what is wrong.
            self.write_problem = str(exc)
            raise WriteFailed(
                f"The statistics cannot be read: {exc}. Answers still work from memory; new "
                "facts, edits and votes are not being saved until the database is back."
            ) from exc
        if not self._index.serves_stored:
            # Previewed file facts are answered, so they are counted, though not stored.
            answered = sum(f.origin is Origin.FILE for f in self.matcher.facts())
            stats = dataclasses.replace(
                stats, facts_by_origin={**stats.facts_by_origin, "file": answered}
            )
        return stats

    async def pending(self, *, guild_id: int | None) -> list[Fact]:
        facts = await self.store.all_facts(origin=Origin.USER)
        return [
            f
            for f in facts
            if f.status is Status.PENDING and (guild_id is None or f.guild_id == guild_id)
        ]

    async def export_user_facts(self, *, guild_id: int | None) -> str:
        """User facts (of one server, or all) as a knowledge YAML file ready for curation,
        with the questions taught to them; questions taught to knowledge-file facts follow as
        a commented "taught questions" section, to copy into their files."""
        facts = [
            f
            for f in await self.store.all_facts(origin=Origin.USER)
            if f.origin is Origin.USER
            and f.status is Status.LIVE
            and (guild_id is None or f.guild_id == guild_id)
        ]
        return export_yaml(facts, self._index.taught, self.matcher.get)

    def has_export(self, guild_id: int | None) -> bool:
        """Whether ``kb export`` has anything for ``guild_id``: member facts, or questions
        taught to knowledge-file facts."""
        if self.has_member_facts(guild_id):
            return True
        return has_taught_file_questions(self._index.taught, self.matcher.get)

    # ------------------------------------------------------------------------- writing
    async def add_fact(self, given: FactInput, actor: Actor) -> Fact:
        """Store a user's fact (live, or pending approval) and index it if live."""
        if self.policy.who_can_add == "moderators" and not actor.is_moderator:
            raise PermissionDenied("Only moderators can add facts in this server.")
        draft = validate_fact_input(given)
        async with self._guard.before_writing(refused("fact")):
            await self._spend_daily_budget(actor)
        status = (
            Status.PENDING
            if self.policy.require_approval and not actor.is_moderator
            else Status.LIVE
        )
        source = None
        if draft.source_url or draft.source_title:
            source = Source(draft.source_title, draft.source_url, None)
        now = self.now()
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
            if fact_id in self.matcher:
                continue
            self._check_supersedes(fact, actor)
            try:
                async with self._guard.writing(refused("fact")):
                    await self.store.insert_fact(fact, actor.key)
            except StoreConflict:
                continue
            if fact.status is Status.LIVE:
                self.matcher.add(fact)
            log.info("fact %s added by %s (%s)", fact.id, actor.key, fact.status.value)
            return fact
        raise InvalidInput("Could not find a free id for this fact; reword its first words.")

    async def fact_to_change(self, fact_id: str, actor: Actor) -> Fact:
        """The fact ``actor`` asks to edit or remove, if they may: else ``NotFound`` or
        ``PermissionDenied`` saying why (a form is opened only after this says yes)."""
        async with self._guard.before_writing(refused("change")):
            fact = await self.store.get_fact(fact_id.strip().lower())
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
        if actor.is_moderator or self.policy.max_per_user_per_day < 0:
            return
        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
        written = await self.store.count_writes_since(actor.key, since)
        if written >= self.policy.max_per_user_per_day:
            raise LimitReached(
                f"You have added or edited {written} facts in the last 24 hours, the most "
                "allowed. Try again tomorrow."
            )

    def fact_input(self, fact: Fact, language: str | None = None) -> FactInput:
        """What ``fact`` says in ``language`` (its own by default), as an edit starts from: the
        translation's answer and questions (empty when it has none yet) with the fact's tags
        and source. Forms are filled with it, and options left out of an edit keep it."""
        language = language or fact.language
        found = fact.translation(language)
        return FactInput(
            answer=found.answer if found else "",
            questions=found.questions if found else (),
            tags=fact.tags,
            source_url=fact.source.url if fact.source else None,
            language=language,
        )

    def edit_input(
        self,
        fact: Fact,
        *,
        language: str | None = None,
        answer: str | None = None,
        questions: tuple[str, ...] | None = None,
        tags: tuple[str, ...] | None = None,
        source_url: str | None = None,
        date: dt.date | None = None,
        supersedes: tuple[str, ...] | None = None,
    ) -> FactInput:
        """The draft an edit's options make (None: not given, kept as ``fact`` has it in the
        edit's language), with that language settled first: given, or the fact's own when no
        answer is given, or the one the new answer reads as. So a Russian answer given to an
        English fact starts from its Russian questions, never its English ones."""
        draft = FactInput(answer if answer is not None else fact.answer, language=language)
        settled = edit_language(fact, draft)
        base = self.fact_input(fact, settled)
        return FactInput(
            answer=base.answer if answer is None else answer,
            questions=base.questions if questions is None else questions,
            tags=base.tags if tags is None else tags,
            source_url=base.source_url if source_url is None else source_url,
            date=date,
            supersedes=supersedes,
            language=settled,
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
            "edit", self.store.update_fact(new, actor.key, "edit", detail, if_status=old.status)
        )
        if new.status is Status.LIVE:
            self.matcher.add(new)
        return new

    def _check_supersedes(self, fact: Fact, actor: Actor) -> None:
        """Refuse, in one sentence, a ``supersedes`` naming a fact that is not answered where
        ``actor`` is, or one that would make ``fact`` supersede itself down a chain."""
        for old_id in fact.supersedes:
            old = self.matcher.get(old_id)
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
            other = self.matcher.get(fact_id)
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
            "removal", self.store.delete_fact(fact, actor.key, if_status=fact.status)
        )
        self.matcher.remove(fact.id)
        # The store forgot what was taught to it: a new fact given this id starts afresh.
        if self._index.taught.pop(fact.id, None) is not None:
            self.matcher.set_taught(self._index.taught)
        return fact

    async def approve(self, fact_id: str, actor: Actor) -> Fact:
        fact = await self._pending_fact(fact_id, actor)
        live = dataclasses.replace(fact, status=Status.LIVE, added_at=self.now())
        await self._store_write(
            "approval",
            self.store.update_fact(live, actor.key, "approve", if_status=Status.PENDING),
        )
        self.matcher.add(live)
        return live

    async def reject(self, fact_id: str, actor: Actor) -> Fact:
        fact = await self._pending_fact(fact_id, actor)
        await self._store_write(
            "rejection",
            self.store.delete_fact(fact, actor.key, reason="rejected", if_status=Status.PENDING),
        )
        return fact

    async def _pending_fact(self, fact_id: str, actor: Actor) -> Fact:
        if not actor.is_moderator:
            raise PermissionDenied("Only moderators can approve or reject facts.")
        async with self._guard.before_writing(refused("review")):
            fact = await self.store.get_fact(fact_id.strip().lower())
        if fact is None or not actor.may_review(fact):
            raise NotFound(f"There is no fact with id '{fact_id}'.")
        if fact.status is not Status.PENDING:
            raise InvalidInput(f"'{fact.id}' is not waiting for approval.")
        return fact

    async def teach(self, question: str, fact_id: str, actor: Actor) -> Fact:
        """Add ``question`` as one more phrasing of the live fact ``fact_id``: answered from now
        on, audited ("teach"), kept through reloads and exported with ``kb export``.

        Moderators only; a knowledge-file fact is shared by every server, so teaching it needs
        the shared-knowledge permission (``Actor.manages_shared_knowledge``), while a member
        fact can be taught by the moderators of its own server.
        """
        if not actor.is_moderator:
            raise PermissionDenied("Only moderators can teach the bot questions.")
        question = tidy(question)
        if not words(question):
            raise InvalidInput("The question is empty: give the question people asked.")
        if len(question) > MAX_QUESTION_CHARS:
            raise InvalidInput(f"Questions are limited to {MAX_QUESTION_CHARS} characters.")
        fact = self.matcher.get(fact_id.strip().lower())
        if fact is None or not actor.sees(fact):
            raise NotFound(f"There is no fact with id '{fact_id}'.")
        if fact.origin is Origin.FILE:
            if not actor.manages_shared_knowledge:
                raise PermissionDenied(
                    f"'{fact.id}' comes from the shared knowledge files, which are managed from "
                    "the bot's home server, not from here."
                )
        elif not actor.is_operator and fact.guild_id != actor.guild_id:
            raise NotFound(f"There is no fact with id '{fact_id}'.")
        taught = self._index.taught.get(fact.id, ())
        if question.casefold() in {q.casefold() for q in (*fact.questions, *taught)}:
            raise InvalidInput(f"'{fact.id}' already has that question.")
        if len(taught) >= MAX_TAUGHT_PER_FACT:
            raise InvalidInput(
                f"'{fact.id}' has {len(taught)} taught questions, the most allowed; copy them "
                "into its questions and reload first."
            )
        async with self._guard.writing(refused("taught question")):
            added = await self.store.add_taught_question(
                fact.id, question, actor.key, fact.guild_id
            )
        if not added:
            raise InvalidInput(f"'{fact.id}' already has that question.")
        self._index.taught[fact.id] = (*taught, question)
        self.matcher.teach(fact.id, question)
        log.info("question taught to %s by %s", fact.id, actor.key)
        return fact

    def taught_questions(self, fact_id: str) -> tuple[str, ...]:
        """The questions taught to ``fact_id`` (``teach``)."""
        return self._index.taught.get(fact_id, ())

    async def questions_to_teach(
        self, prefix: str = "", *, guild_id: int | None, all_guilds: bool = False, limit: int = 25
    ) -> list[str]:
        """The questions most worth teaching in ``guild_id`` (its most asked unanswered ones,
        then those whose answers got a 👎) that contain ``prefix``."""
        found = await self.store.questions_to_teach(guild_id, all_guilds=all_guilds, limit=100)
        typed = " ".join(words(prefix))
        return [q for q in found if typed in " ".join(words(q))][:limit]

    async def record_feedback(
        self, answer_ref: str, fact_id: str, user_id: int, guild_id: int | None, vote: int
    ) -> bool:
        """Count a 👍 (+1) or 👎 (-1); a second vote by the same user replaces the first."""
        if vote not in (1, -1):
            raise InvalidInput("A vote is +1 or -1.")
        async with self._guard.writing("Your vote could not be saved right now."):
            return await self.store.record_feedback(answer_ref, fact_id, user_id, guild_id, vote)

    # -------------------------------------------------------------------------- drafts
    async def drafts(self) -> list[DraftFile]:
        """The draft files waiting for review, oldest name first."""
        return await self._drafts.drafts()

    async def find_draft(self, name: str) -> DraftChoice | None:
        """The draft file or draft fact ``name`` names, or None."""
        return await self._drafts.find_draft(name)

    async def review(self, name: str, actor: Actor, *, approve: bool) -> ReviewOutcome:
        """Approve or reject what ``name`` names: a draft file, a draft fact, or a member's
        pending fact. Raises ``NotFound`` when it names none of them."""
        if not actor.is_moderator:
            raise PermissionDenied("Only moderators can approve or reject facts and drafts.")
        choice = await self.find_draft(name)
        if choice is not None:
            return await self.review_draft(choice, actor, approve=approve)
        if approve:
            fact = await self.approve(name, actor)
            return ReviewOutcome(f"Approved `{fact.id}`: it is answered from now on.", (fact.id,))
        fact = await self.reject(name, actor)
        return ReviewOutcome(f"Rejected `{fact.id}`.", (fact.id,))

    async def review_draft(
        self, choice: DraftChoice, actor: Actor, *, approve: bool
    ) -> ReviewOutcome:
        """Move a draft (or one fact of it) into the knowledge and reload, or delete it.

        Under the reload lock, so that a review, a reload and an ingestion never interleave.
        Raises ``KnowledgeError`` (located problems; nothing moved) or the reload's errors, in
        which case every file is put back as it was.
        """
        return await self._drafts.review_draft(choice, actor, approve=approve)

    async def already_drafted(self, key: str, url: str | None) -> str | None:
        """The draft file an article (by feed GUID or link) went into, "" if unknown, or None
        if it was never drafted."""
        return await self._drafts.already_drafted(key, url)

    async def file_draft(
        self, article: ArticleRef, compose: DraftComposer, *, force: bool = False
    ) -> DraftFiled:
        """Write the draft of one article into ``knowledge/drafts/`` and remember the article.

        ``compose(taken_ids, analyzer)`` returns the draft's file stem and YAML text; it runs in
        a worker thread, under the reload lock: the seen-check, the ids taken and the file
        written never interleave with another ingestion, a review or a reload (a feed poll and
        a moderator's ingest of the same link would draft it twice, with clashing ids).
        """
        return await self._drafts.file_draft(article, compose, force=force)

    # -------------------------------------------------------------------------- reload
    async def reload(self, actor: Actor) -> ReloadReport:
        """Re-read the knowledge directory; on any error the old knowledge stays in service.

        Raises ``KnowledgeError`` (located problems) or ``WriteFailed``.
        """
        require_shared_admin(actor, "reload the knowledge base")
        return await self._index.reload(actor.key)
