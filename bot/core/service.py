"""``KnowledgeBase``: ask, add, edit, remove, reload and report, with an audit trail.

The one place the Discord cogs and the CLI call into. It owns the store (what is durable) and
the served index (what answers), and keeps them in step: the database is written first, in one
transaction, and the in-memory index changes only once that write has committed.

This module is the facade; each concern has its own module, composed here:

- ``fact_input``: what a person types for a fact, checked and tidied;
- ``fact_writer``: adding, editing, removing, approving and teaching facts (and ``Policy``);
- ``served_index``: the matcher in service, rebuilt, reloaded and caught up with the store;
- ``startup`` (``StartMode``) and ``change_follower``: starting, and following other processes;
- ``served_answer``: a question answered as served (its start read, by the time it names);
- ``timeline_answers``: questions about a time, ``/latest`` and its topics;
- ``ask_recorder``: asked questions saved for the statistics in the background;
- ``draft_review``: drafts filed by ingestion, reviewed by moderators;
- ``knowledge_export``: member facts and taught questions as a knowledge file;
- ``knowledge_stats``: ``/kb stats``, the store's counts with what only this process knows;
- ``write_guard``: a refused write as one sentence, remembered for the moderators.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import heapq
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.core import served_answer, startup
from bot.core.actors import Actor, require_shared_admin
from bot.core.article_claims import ArticleClaims
from bot.core.ask_recorder import AskRecorder
from bot.core.change_follower import FOLLOW_SECONDS, ChangeFollower
from bot.core.draft_files import DraftChoice, DraftFile, ReviewOutcome
from bot.core.draft_review import ArticleRef, DraftComposer, DraftFiled, DraftReview
from bot.core.errors import InvalidInput, NotFound, PermissionDenied
from bot.core.fact_input import (
    FactInput,
    checked_language,
    edit_draft,
    id_words,
    input_of,
    parse_day,
    parse_ids,
    validate_fact_input,
    written_in,
)
from bot.core.fact_writer import FactWriter, Policy
from bot.core.folding import words
from bot.core.knowledge_export import export_yaml, has_taught_file_questions
from bot.core.knowledge_stats import KnowledgeStats
from bot.core.leases import Leases
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import (
    AskResult,
    AuditEntry,
    Fact,
    Match,
    Origin,
    ReloadReport,
    Stats,
    Status,
)
from bot.core.owed_announcements import OwedAnnouncements
from bot.core.queued_changes import make_stored
from bot.core.served_answer import MAX_ASK_CHARS
from bot.core.served_index import ServedIndex
from bot.core.startup import StartMode
from bot.core.storage import KnowledgeStore, OwedAnnouncement, StoreError
from bot.core.supersession import Proposal, propose_supersessions
from bot.core.teaching import Teacher, Teaching
from bot.core.timeline_answers import TimelineAnswers
from bot.core.timeline_warmer import TimelineWarmer
from bot.core.unteaching import Unteacher
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
    "Teaching",
    "checked_language",
    "id_words",
    "parse_day",
    "parse_ids",
    "validate_fact_input",
    "written_in",
]

log = logging.getLogger("bot.core.service")

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


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
        self._writer = FactWriter(store, self._index, self._guard, self.policy, self.now)
        self._teacher = Teacher(store, self._index, self._guard)
        self._unteacher = Unteacher(store, self._index, self._guard)
        self._follower = ChangeFollower(store, self.catch_up)
        self._warmer = TimelineWarmer(lambda: self._index.matcher)
        # One line for the operator when what is served is not simply the stored directory
        # (it changed since it was stored, or was never stored); None when all is as expected.
        self.start_notice: str | None = None
        # Work done once among the processes sharing the store (see ``hold_lease``).
        self.leases = Leases(store)
        self._drafts = DraftReview(
            store,
            knowledge_dir,
            self._index,
            self._guard,
            ArticleClaims(store, self.leases.holder),
        )
        self._stats = KnowledgeStats(
            store, self._index, self._asks, self._guard, self._drafts, self.now
        )
        # The close under way or done (``close``): a second close waits for it instead of
        # using a store that is closed already.
        self._closing: asyncio.Future[None] | None = None

    @property
    def matcher(self) -> Matcher:
        """The index answering now (replaced whole when it is rebuilt)."""
        return self._index.matcher

    @property
    def busy_with(self) -> str | None:
        """The long work under way ("a reload"), behind which a teaching is queued; None."""
        return self._index.lock.busy_with

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
            if start in (StartMode.RELOAD, StartMode.STORED_ONLY):
                # A process that writes makes what a stopped one left queued (a crash during
                # a reload): its moderators were told it would be made.
                await kb.make_queued()
        except BaseException:
            await store.close()
            raise
        return kb

    async def make_queued(self) -> int:
        """Make the teachings and takings back the store still holds queued behind long work
        that a stopped process never ended (``bot.core.queued_changes``); how many there were.
        A database that cannot be read for them is logged: they wait for the next start."""
        makers = {"teach": self._teacher.teach_queued, "unteach": self._unteacher.unteach_queued}
        try:
            return await make_stored(self.store, self._index.lock, makers)
        except StoreError as exc:
            log.warning("queued teachings not made at start: %s", exc)
            return 0

    def follow_changes(self, *, every: float = FOLLOW_SECONDS) -> None:
        """Keep the index in step with what other processes (the CLI, another bot process)
        write to the store until ``close``: as soon as the store says it changed, and at
        least every ``every`` seconds."""
        self._follower.start(every)

    def prepare_timeline(self) -> None:
        """Make `/latest`'s topic counts and the facts by date in the background as soon as
        knowledge is loaded (now, and after every reload) until ``close``, so that no member
        waits for them (``bot.core.timeline_warmer``). For a running bot; a one-off command
        makes them only if it needs them."""
        self._warmer.start()

    async def catch_up(self) -> int:
        """Read the changes other processes wrote since the index was last in step; the number
        of facts whose answer changed here (see ``ServedIndex.catch_up``)."""
        return await self._index.catch_up()

    async def close(self) -> None:
        """Stop following changes, make what was queued behind long work, save the index
        snapshot and close the store. Closing again (a signal handler, then a ``finally``)
        waits for the first close and does nothing more."""
        if self._closing is None:
            self._closing = asyncio.ensure_future(self._close())
        # Shielded: a caller cancelled while it waits does not cut the close short for the
        # others (the store would be left open, the snapshot half written).
        await asyncio.shield(self._closing)

    async def _close(self) -> None:
        await self._follower.stop()
        await self._warmer.stop()
        # Teachings queued behind long work (a reload still running, or one cancelled) are
        # made before the store closes: their moderators were told they would be.
        await self._index.lock.settle()
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

    async def claim_announcements(self) -> list[OwedAnnouncement]:
        """The feed drafts this process now owes an announcement (``bot.core.owed_announcements``:
        each goes to one process; one claimed by a killed process is claimed again later)."""
        return await OwedAnnouncements(self.store, self.leases.holder).claim()

    async def announced(self, owed: list[OwedAnnouncement]) -> None:
        """Mark the claimed announcements ``owed`` done."""
        await OwedAnnouncements(self.store, self.leases.holder).done(owed)

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
        result = served_answer.answer(
            question, self.today(), self.matcher, self._timeline, limit=limit, guild_id=guild_id
        )
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

    def has_member_facts(self, guild_id: int | None, *, all_guilds: bool = False) -> bool:
        """Whether members of ``guild_id`` (or of any server) have added live facts."""
        return any(
            f.origin is Origin.USER and (all_guilds or f.guild_id == guild_id)
            for f in self.matcher.facts()
        )

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
        """The statistics of ``guild_id`` (or of every server): see ``KnowledgeStats``."""
        return await self._stats.stats(guild_id, all_guilds=all_guilds)

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

    def has_export(self, guild_id: int | None, *, all_guilds: bool = False) -> bool:
        """Whether ``kb export`` has anything for ``guild_id`` (or for every server): member
        facts, or questions taught to knowledge-file facts."""
        if self.has_member_facts(guild_id, all_guilds=all_guilds):
            return True
        return has_taught_file_questions(self._index.taught, self.matcher.get)

    # ------------------------------------------------------------------------- writing
    async def add_fact(self, given: FactInput, actor: Actor) -> Fact:
        """Store a user's fact (live, or pending approval) and index it if live."""
        return await self._writer.add_fact(given, actor)

    async def fact_to_change(self, fact_id: str, actor: Actor) -> Fact:
        """The fact ``actor`` asks to edit or remove, if they may: else ``NotFound`` or
        ``PermissionDenied`` saying why (a form is opened only after this says yes)."""
        return await self._writer.fact_to_change(fact_id, actor)

    # What a fact says in a language, and the draft an edit's options make: functions of the
    # fact alone (``fact_input``), offered here beside the edit they start.
    fact_input = staticmethod(input_of)
    edit_input = staticmethod(edit_draft)

    async def edit_fact(self, fact_id: str, draft: FactInput, actor: Actor) -> Fact:
        """Change a member's fact as ``draft`` says, in ``draft.language`` (its translation in
        that language when it is not the fact's own); see ``FactWriter.edit_fact``."""
        return await self._writer.edit_fact(fact_id, draft, actor)

    async def remove_translation(self, fact_id: str, language: str, actor: Actor) -> Fact:
        """Drop a member's fact's translation in ``language``; see
        ``FactWriter.remove_translation``."""
        return await self._writer.remove_translation(fact_id, language, actor)

    async def remove_fact(self, fact_id: str, actor: Actor) -> Fact:
        """Delete a member's fact, if ``actor`` may change it."""
        return await self._writer.remove_fact(fact_id, actor)

    async def approve(self, fact_id: str, actor: Actor) -> Fact:
        """Put a member's pending fact in service (moderators only)."""
        return await self._writer.approve(fact_id, actor)

    async def reject(self, fact_id: str, actor: Actor) -> Fact:
        """Delete a member's pending fact (moderators only)."""
        return await self._writer.reject(fact_id, actor)

    async def teach(self, question: str, fact_id: str, actor: Actor) -> Teaching:
        """Add ``question`` as one more phrasing of the live fact ``fact_id`` (moderators
        only; see ``Teacher.teach``): done at once, or, while a reload runs, queued and done as
        it ends (``Teaching.waits_for``). A mistyped id is answered with the ids it resembles."""
        try:
            return await self._teacher.teach(question, fact_id, actor)
        except NotFound as exc:
            raise self._with_similar_ids(exc, fact_id, actor) from exc

    async def unteach(self, question: str, fact_id: str | None, actor: Actor) -> Teaching:
        """Take back ``question`` taught to ``fact_id`` (or, without one, to the only fact it
        was taught to): audited ("unteach"), gone from the answers, kept gone through reloads
        and from ``kb export``; also from a fact a reload has removed since. What was done
        (with what became of the fact since), or, while a reload runs, what will be as it
        ends. Moderators only, with the permissions of ``teach``; a mistyped id is answered
        with the ids it resembles."""
        try:
            return await self._unteacher.unteach(question, fact_id, actor)
        except NotFound as exc:
            if fact_id is None:
                raise
            raise self._with_similar_ids(exc, fact_id, actor) from exc

    def _with_similar_ids(self, missing: NotFound, typed: str, actor: Actor) -> NotFound:
        """``missing`` (an unknown fact id, as ``typed``) naming the ids it resembles, in the
        one sentence an error is: "There is no fact with id 'x': did you mean y?"; itself
        when none does."""
        close = self.similar_fact_ids(typed, guild_id=actor.guild_id)
        if not close:
            return missing
        return NotFound(f"{str(missing).rstrip('.')}: did you mean {' or '.join(close)}?")

    def taught_to_take_back(
        self, prefix: str = "", *, actor: Actor, limit: int = 25
    ) -> list[tuple[str, str]]:
        """(question, fact id) of the questions taught to facts ``actor`` sees whose words
        contain ``prefix``'s: what ``unteach`` may be given."""
        typed = " ".join(words(prefix))
        found = self._unteacher.taught_seen_by(actor)
        return [(q, i) for q, i in found if typed in " ".join(words(q))][:limit]

    def names_taught_fact(self, typed: str, actor: Actor) -> bool:
        """Whether ``typed`` is the id of a fact with taught questions ``actor`` may take
        back (a fact a reload removed included)."""
        fact_id = typed.strip().lower()
        return any(i == fact_id for _, i in self._unteacher.taught_seen_by(actor))

    def names_live_fact(self, typed: str, actor: Actor) -> bool:
        """Whether ``typed`` is the id of a live fact ``actor`` may see."""
        fact = self.matcher.get(typed.strip().lower())
        return fact is not None and actor.sees(fact)

    def similar_fact_ids(self, typed: str, *, guild_id: int | None, limit: int = 2) -> list[str]:
        """Live fact ids seen from ``guild_id`` that look like ``typed`` (a mistyped id)."""
        ids = self.fact_ids("", guild_id=guild_id, limit=len(self.matcher))
        found = process.extract(
            typed.strip().lower(), ids, scorer=fuzz.ratio, limit=limit, score_cutoff=80
        )
        return [fact_id for fact_id, _, _ in found]

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
        try:
            if approve:
                fact = await self.approve(name, actor)
                return ReviewOutcome(
                    f"Approved `{fact.id}`: it is answered from now on.", (fact.id,)
                )
            fact = await self.reject(name, actor)
        except NotFound as exc:
            # Not only a fact id was looked for: a mistyped draft name is no "fact" to the
            # moderator who typed it.
            raise NotFound(
                f"There is no draft file, draft fact or pending fact '{name}' (kb drafts and "
                "kb pending list them)."
            ) from exc
        return ReviewOutcome(f"Rejected `{fact.id}`.", (fact.id,))

    async def review_draft(
        self, choice: DraftChoice, actor: Actor, *, approve: bool
    ) -> ReviewOutcome:
        """Move a draft (or one fact of it) into the knowledge and reload, or delete it (see
        ``DraftReview.review_draft`` for the errors)."""
        return await self._drafts.review_draft(choice, actor, approve=approve)

    async def already_drafted(self, key: str, url: str | None) -> str | None:
        """Where an article was drafted before (see ``DraftReview.already_drafted``)."""
        return await self._drafts.already_drafted(key, url)

    async def file_draft(
        self, article: ArticleRef, compose: DraftComposer, *, force: bool = False
    ) -> DraftFiled:
        """Write the draft of one article into ``knowledge/drafts/`` and remember the article,
        under the reload lock (see ``DraftReview.file_draft``)."""
        return await self._drafts.file_draft(article, compose, force=force)

    # -------------------------------------------------------------------------- reload
    async def reload(self, actor: Actor) -> ReloadReport:
        """Re-read the knowledge directory; on any error the old knowledge stays in service.

        Raises ``KnowledgeError`` (located problems) or ``WriteFailed``.
        """
        require_shared_admin(actor, "reload the knowledge base")
        return await self._index.reload(actor.key)
