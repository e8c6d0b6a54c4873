"""``KnowledgeBase``: ask, add, edit, remove, reload and report, with an audit trail.

The one place the Discord cogs and the CLI call into. It owns the store (what is durable) and
the matcher (what answers), and keeps them in step: the database is written first, in one
transaction, and the in-memory index changes only once that write has committed.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import heapq
import itertools
import logging
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import yaml

from bot.core import draft_files, index_snapshot, timeline
from bot.core.actors import Actor
from bot.core.draft_files import DraftChoice, DraftFile, ReviewOutcome
from bot.core.errors import (
    InvalidInput,
    LimitReached,
    NewsdeskError,
    NotFound,
    PermissionDenied,
    WriteFailed,
)
from bot.core.fact_ids import MEMBER_PREFIX, member_fact_id_candidates
from bot.core.language import LANGUAGES, detect, lower, stopwords
from bot.core.leases import Leases
from bot.core.links import NotAWebLink, web_link
from bot.core.loader import (
    MAX_ANSWER_CHARS,
    MAX_QUESTION_CHARS,
    MAX_QUESTIONS_PER_FACT,
    MAX_SUPERSEDES_PER_FACT,
    MAX_TAGS_PER_FACT,
    KnowledgeError,
    KnowledgeReader,
    KnowledgeSet,
    KnowledgeSignature,
    supersession_cycle,
)
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import (
    AskResult,
    AuditEntry,
    Decision,
    Fact,
    Match,
    Origin,
    ReloadReport,
    Source,
    Stats,
    Status,
    Translation,
)
from bot.core.storage import (
    AskRecord,
    KnowledgeStore,
    StoreConflict,
    StoreError,
    StoreUnavailable,
)
from bot.core.supersession import Proposal, annotate_draft, propose_supersessions
from bot.core.text import STOPWORDS, Analyzer, fold, words

log = logging.getLogger(__name__)

# Only the start of an over-long question is matched: nobody's question is 10,000 characters.
MAX_ASK_CHARS = 600
# How often a running bot looks for changes other processes made, and up to how many changed
# facts it reads one by one (past that, it reads the store again whole).
FOLLOW_SECONDS = 1.0
CATCH_UP_ONE_BY_ONE = 5_000
MAX_TAUGHT_PER_FACT = 50
# Questions waiting to be saved in the statistics before new ones are no longer counted.
MAX_PENDING_RECORDS = 50_000
_PUNCTUATION = ".,;:!?\"'()«»—-"
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")
# Asking for "the latest" on a topic: the newest of the facts scoring at least this share of
# the best one answers (a newer fact that barely matches does not).
RECENT_SHARE = 0.7
# Topics offered for /latest: entity words (capitalised, not starting a sentence) are offered
# once this many facts name them.
TOPIC_MIN_FACTS = 2
TOPICS_KEPT_SECONDS = 60.0
_ENTITY = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def parse_day(text: str) -> dt.date:
    """A date written like 2025-07-01, or ``InvalidInput`` saying how to write one."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"'{text.strip()}' is not a date: write it like 2025-07-01.") from None


def parse_ids(text: str) -> tuple[str, ...]:
    """Fact ids from a comma- or space-separated list ("a, b c")."""
    return tuple(dict.fromkeys(i for i in re.split(r"[\s,]+", text.strip().lower()) if i))


class StartMode(StrEnum):
    """What ``KnowledgeBase.open`` does with the knowledge directory."""

    # Store the directory's facts if they changed since they were stored, then serve them:
    # the bot's start.
    RELOAD = "reload"
    # Serve what the database holds and never write it (a database that never had knowledge
    # stored answers from the directory, in memory): the commands that only read.
    SERVE_STORED = "serve-stored"
    # Answer from the directory's facts in memory, beside the stored member facts, without
    # storing them: a look at another knowledge directory.
    PREVIEW = "preview"
    # Serve what the database holds and nothing else: the commands that change knowledge
    # (their own action reads the directory when it needs it, e.g. `kb reload`).
    STORED_ONLY = "stored-only"


@dataclass(frozen=True, slots=True)
class FactInput:
    """What a person supplies when adding or editing a fact."""

    answer: str
    questions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source_url: str | None = None
    source_title: str | None = None
    date: dt.date | None = None
    """When the event happened; None: today for a new fact, unchanged for an edit."""
    supersedes: tuple[str, ...] | None = None
    """Ids of the facts this one replaces; None: none for a new fact, unchanged for an edit."""
    language: str | None = None
    """The language ``answer`` and ``questions`` are written in ("en", "ru", "az"); None: the
    one they read as (``bot.core.language.detect``). Editing a fact in another language than
    its own gives it a translation in that language (see ``KnowledgeBase.edit_fact``)."""


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article being drafted, as the knowledge service remembers it."""

    key: str
    """Its feed GUID, else its link, else its title: what identifies it across polls."""
    url: str | None
    title: str
    feed: str | None = None


@dataclass(frozen=True, slots=True)
class DraftFiled:
    """Where an article's draft went (``path``), or the earlier draft that has it already."""

    path: Path | None
    earlier: str | None


DraftComposer = Callable[[frozenset[str], Analyzer], tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Policy:
    """The ``facts`` section of the settings, as the core needs it."""

    who_can_add: str = "everyone"
    require_approval: bool = False
    max_per_user_per_day: int = 20


def _require_shared_admin(actor: Actor, action: str) -> None:
    if not actor.is_moderator:
        raise PermissionDenied(f"Only moderators can {action}.")
    if not actor.manages_shared_knowledge:
        raise PermissionDenied(
            "The shared knowledge is managed from the bot's home server, not from here."
        )


def _refused(what: str) -> str:
    return (
        f"The {what} could not be saved (the database refused the write); nothing was "
        "changed. The moderators have been told."
    )


def _clean(text: str) -> str:
    return " ".join(text.split())


def validate_fact_input(draft: FactInput) -> FactInput:
    """The draft with whitespace tidied, or ``InvalidInput`` saying what is wrong."""
    answer = _clean(draft.answer)
    if not words(answer):
        raise InvalidInput("The answer is empty: write the fact in a sentence or two.")
    if len(answer) > MAX_ANSWER_CHARS:
        raise InvalidInput(
            f"The answer is {len(answer)} characters long; the limit is {MAX_ANSWER_CHARS}."
        )
    questions = tuple(dict.fromkeys(q for q in (_clean(q) for q in draft.questions) if q))
    if len(questions) > MAX_QUESTIONS_PER_FACT:
        raise InvalidInput(f"At most {MAX_QUESTIONS_PER_FACT} questions per fact.")
    for question in questions:
        if len(question) > MAX_QUESTION_CHARS:
            raise InvalidInput(f"Questions are limited to {MAX_QUESTION_CHARS} characters each.")
    tags = tuple(dict.fromkeys(t for t in (_clean(t).lower() for t in draft.tags) if t))
    if len(tags) > MAX_TAGS_PER_FACT or any(len(t) > 50 for t in tags):
        raise InvalidInput(f"At most {MAX_TAGS_PER_FACT} tags of up to 50 characters each.")
    url = (draft.source_url or "").strip() or None
    if url is not None:
        try:
            url = web_link(url)
        except NotAWebLink as exc:
            raise InvalidInput(f"The source is not a usable web link: {exc}.") from None
    title = _clean(draft.source_title or "")[:300] or None
    supersedes = draft.supersedes
    if supersedes is not None:
        supersedes = tuple(dict.fromkeys(i.strip().lower() for i in supersedes if i.strip()))
        if len(supersedes) > MAX_SUPERSEDES_PER_FACT:
            raise InvalidInput(f"A fact can supersede at most {MAX_SUPERSEDES_PER_FACT} facts.")
    language = checked_language(draft.language)
    return FactInput(answer, questions, tags, url, title, draft.date, supersedes, language)


def checked_language(code: str | None) -> str | None:
    """``code`` as a language newsdesk reads ("RU" -> "ru"; None or "" -> None), or
    ``InvalidInput`` naming the ones it knows."""
    language = (code or "").strip().lower() or None
    if language is not None and language not in LANGUAGES:
        raise InvalidInput(
            f"'{code}' is not a language newsdesk knows: give "
            f"{', '.join(LANGUAGES[:-1])} or {LANGUAGES[-1]}."
        )
    return language


def written_in(draft: FactInput) -> str:
    """The language of a fact being added: the one given, else the one its text reads as."""
    return draft.language or detect(" ".join((draft.answer, *draft.questions)))


def _edit_language(fact: Fact, draft: FactInput) -> str:
    """The language an edit is in: the one given; else the fact's own when its answer is left
    as it is; else the one the new answer reads as."""
    given = checked_language(draft.language)
    if given is not None:
        return given
    if _clean(draft.answer) == fact.answer:
        return fact.language
    return detect(_clean(draft.answer))


def _with(translations: tuple[Translation, ...], new: Translation) -> tuple[Translation, ...]:
    """``translations`` with ``new`` in place of the one in its language, or after them."""
    if any(t.language == new.language for t in translations):
        return tuple(new if t.language == new.language else t for t in translations)
    return (*translations, new)


def id_words(text: str, *, language: str = "en", max_words: int = 5) -> list[str]:
    """The first content words of ``text``: a member fact's id ("kremlin-summons-envoy"), in
    Latin letters whatever the script ("kreml-vyzval-posla" for a Russian answer)."""
    own = stopwords(language)
    kept = (w for w in lower(text, language).split() if w.strip(_PUNCTUATION) not in own)
    # ``words`` folds what is left to ASCII, transliterating other scripts.
    return [w for w in words(" ".join(kept)) if w not in STOPWORDS][:max_words]


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
        self._matcher_settings = matcher_settings or MatcherSettings()
        self._synonyms: tuple[tuple[str, ...], ...] = ()
        # Questions taught to facts (``teach``), by fact id, as stored: indexed on top of the
        # facts, whatever their origin, so that a reload keeps them.
        self._taught: dict[str, tuple[str, ...]] = {}
        self.matcher = Matcher(analyzer=Analyzer(self._synonyms), settings=self._matcher_settings)
        self._reload_lock = asyncio.Lock()
        self._reader = KnowledgeReader()
        self._ask_queue: list[AskRecord] = []
        self._ask_writer: asyncio.Task[None] | None = None
        self._asks_queued = 0
        self._asks_done = 0
        self._asks_saved = asyncio.Condition()
        self.write_problem: str | None = None
        # One line for the operator when what is served is not simply the stored directory
        # (it changed since it was stored, or was never stored); None when all is as expected.
        self.start_notice: str | None = None
        # False while the index serves facts that are not stored (a preview).
        self._index_stored = True
        # The database generation the index is known to show exactly (None: not known), and
        # the one of the snapshot on disk (None: none known to be current).
        self._indexed_generation: int | None = None
        self._snapshot_generation: int | None = None
        # What the last reload stored, for the reader to take as parsed (see ``reload``).
        self._stored_signature: KnowledgeSignature | None = None
        self._started = False
        # The store's change log as far as the index shows it (see ``catch_up``).
        self._change_seq = 0
        self._follower: asyncio.Task[None] | None = None
        # /latest topics by server, with the index revision they were counted at.
        self._topics: dict[int | None, tuple[int, float, list[str]]] = {}
        # Work done once among the processes sharing the store (see ``hold_lease``).
        self.leases = Leases(store)

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
            await kb._start(start)
            kb._started = True
        except BaseException:
            await store.close()
            raise
        return kb

    async def _start(self, mode: StartMode) -> None:
        # Before anything is read: whatever is written meanwhile is caught up with later.
        self._change_seq = await self.store.latest_change()
        self._taught = await self.store.taught_questions()
        stored = await self.store.stored_knowledge()
        if stored is not None and stored.signature is not None:
            self._stored_signature = KnowledgeSignature.from_json(stored.signature)
        folder = f"{self.knowledge_dir.name}/"
        if mode is StartMode.RELOAD:
            # What is stored first (it stays in service if the files cannot be brought in),
            # then the files, as a moderator's reload would: only changed ones are parsed.
            await self._serve_stored()
            if await self._directory_unchanged():
                log.info("%s unchanged since it was stored: %d facts", folder, len(self.matcher))
            else:
                await self._reload_at_start()
            # The bot may run for weeks: save the index now, not only at a clean exit.
            await self._save_snapshot()
        elif mode is StartMode.STORED_ONLY:
            await self._serve_stored()
        elif stored is None:
            # Nothing was ever stored (a new user's first question): answer from the files,
            # in memory only.
            try:
                await self._preview()
            except (KnowledgeError, NewsdeskError) as exc:
                if mode is StartMode.PREVIEW:
                    raise
                log.error("%s not read, serving the stored facts: %s", folder, exc)
                self.start_notice = f"{folder} cannot be read; `kb validate` says why"
                await self._serve_stored()
            else:
                self.start_notice = (
                    f"{folder} is not stored in the database yet, so it was read for this "
                    "answer only; `kb reload` (or `run`) stores it"
                )
        elif await self._directory_unchanged():
            await self._serve_stored()
        elif mode is StartMode.PREVIEW:
            await self._preview()
        else:
            await self._serve_stored()
            if stored.signature is None:
                self.start_notice = (
                    f"{folder} may have changed since it was last loaded; `kb reload` brings "
                    "any changes in"
                )
            else:
                self.start_notice = (
                    f"{folder} changed since it was last loaded; `kb reload` brings the changes in"
                )

    async def _directory_unchanged(self) -> bool:
        """Whether the knowledge directory still holds what the last reload stored."""
        since = self._stored_signature
        if since is None:
            return False
        return await asyncio.to_thread(self._reader.unchanged, self.knowledge_dir, since)

    async def _reload_at_start(self) -> None:
        """Store the knowledge directory and serve it; if it cannot be, keep what is stored."""
        try:
            report = await self._reload("startup")
        except (KnowledgeError, NewsdeskError) as exc:
            log.error("knowledge not reloaded at start, serving the stored facts: %s", exc)
        else:
            log.info(
                "knowledge loaded: %d facts (+%d ~%d -%d)",
                report.total,
                len(report.added),
                len(report.changed),
                len(report.removed),
            )

    async def _preview(self) -> None:
        """Index the knowledge directory's facts and the stored member facts, storing nothing.

        Raises ``KnowledgeError``, or ``InvalidInput`` when a file fact has a member fact's id
        (a reload would refuse it too).
        """
        knowledge = await asyncio.to_thread(self._reader.load, self.knowledge_dir)
        members = await self.store.all_facts(origin=Origin.USER)
        clash = sorted({f.id for f in members} & {f.id for f in knowledge.facts})
        if clash:
            raise InvalidInput(
                "knowledge file ids already used by user-added facts: " + ", ".join(clash)
            )
        self._synonyms = knowledge.synonyms
        self._rebuild([*knowledge.facts, *members])
        self._index_stored = False
        self._indexed_generation = None

    async def _serve_stored(self) -> None:
        """Index what the database holds: from the snapshot if it is current, else afresh."""
        generation = await self.store.generation()
        local = self.store.local_file
        loaded = (
            None
            if local is None
            else await asyncio.to_thread(
                index_snapshot.read,
                local,
                generation,
                settings=self._matcher_settings,
                at_start=not self._started,
            )
        )
        self._index_stored = True
        if loaded is not None:
            self.matcher, self._synonyms = loaded
            # The snapshot's index has the taught questions; the matcher is told them so that
            # facts added again later keep them too.
            self.matcher.set_taught(self._taught)
            self._indexed_generation = self._snapshot_generation = generation
            return
        self._synonyms = await self.store.synonyms()
        self._rebuild(await self.store.all_facts())
        # Known to show that generation only if nothing was written while it was read.
        still = await self.store.generation() == generation
        self._indexed_generation = generation if still else None

    async def _save_snapshot(self) -> None:
        """Save the index beside the database if it shows a generation that is still current
        and not saved yet. A snapshot that cannot be written only costs the next start time."""
        generation = self._indexed_generation
        if not self._index_stored or generation is None or generation == self._snapshot_generation:
            return
        try:
            if await self.store.generation() != generation:
                return  # written since: the index may not show it
            local = self.store.local_file
            if local is None:
                return
            # On the loop's thread, which blocks for it: nothing may change the index meanwhile.
            index_snapshot.save(local, self.matcher, self._synonyms, generation)
        except (OSError, StoreError) as exc:
            log.warning("index snapshot not saved: %s", exc)
            return
        self._snapshot_generation = generation

    # ------------------------------------------------------------- other processes' changes
    def follow_changes(self, *, every: float = FOLLOW_SECONDS) -> None:
        """Keep the index in step with what other processes (the CLI, another bot process)
        write to the store until ``close``: as soon as the store says it changed, and at
        least every ``every`` seconds."""
        if self._follower is None or self._follower.done():
            self._follower = asyncio.create_task(self._follow(every), name="follow changes")

    async def _follow(self, every: float) -> None:
        failing = False
        while True:
            try:
                await self.store.wait_for_changes(every)
            except Exception:
                await asyncio.sleep(every)  # the reading below says what is wrong
            try:
                await self.catch_up()
            except (StoreError, NewsdeskError) as exc:
                # The database may be busy or away; the next round reads from where this one
                # stopped (or everything, if the log no longer reaches back): nothing is
                # missed. Said once per outage, not every second.
                if not failing:
                    log.warning("could not read other processes' changes: %s", exc)
                failing = True
            except Exception:
                # Whatever it was, following must go on: a bot that stopped following would
                # answer stale facts for weeks without a word.
                if not failing:
                    log.exception("could not read other processes' changes")
                failing = True
            else:
                if failing:
                    log.warning("reading other processes' changes again")
                failing = False

    async def catch_up(self) -> int:
        """Bring the index up to date with the store's changes since it was last in step;
        the number of facts whose answer changed here. A preview (facts that are not stored)
        has nothing to follow."""
        if not self._index_stored:
            return 0
        async with self._reload_lock:
            changes = await self.store.changes_since(self._change_seq, limit=CATCH_UP_ONE_BY_ONE)
            if changes is None or "" in (changes.fact_ids if changes else ()):
                return await self._resync()
            changed = 0
            if changes.fact_ids:
                # A change may be a taught question: they are few, read them all again.
                self._taught = await self.store.taught_questions()
                self.matcher.set_taught(self._taught)
            stored = {f.id: f for f in await self.store.facts_by_id(changes.fact_ids)}
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
        seq = await self.store.latest_change()
        synonyms = await self.store.synonyms()
        facts = await self.store.all_facts()
        self._taught = await self.store.taught_questions()
        before = len(self.matcher)
        if synonyms != self._synonyms:
            self._synonyms = synonyms
            self._rebuild(facts)
        else:
            files = [f for f in facts if f.origin is Origin.FILE]
            members = [f for f in facts if f.origin is Origin.USER]
            self._sync_index(files, members, ReloadReport())
        self.matcher.set_taught(self._taught)
        self._change_seq = seq
        log.info("index read again from the store: %d facts (was %d)", len(self.matcher), before)
        return len(self.matcher)

    async def close(self) -> None:
        if self._follower is not None:
            self._follower.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._follower
        try:
            await self.leases.release_all()
            await self.flush()
            await self._save_snapshot()
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

    def _sync_index(
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
        return dataclasses.replace(
            stored,
            added=tuple(sorted(added)),
            changed=tuple(sorted(changed)),
            removed=tuple(sorted(removed)),
        )

    def _rebuild(self, facts: Sequence[Fact]) -> None:
        matcher = Matcher(
            analyzer=Analyzer(self._synonyms), settings=self._matcher_settings, taught=self._taught
        )
        # Frozen only at start: later, live objects of the running bot would be frozen too.
        freeze = not self._started and len(facts) >= index_snapshot.FREEZE_FROM_FACTS
        with index_snapshot.long_lived_objects(freeze=freeze):
            for fact in facts:
                if fact.status is Status.LIVE:
                    matcher.add(fact)
        self.matcher = matcher

    # --------------------------------------------------------------------------- asking
    @property
    def suggest_threshold(self) -> float:
        """The lowest score the bot still offers as a "did you mean" suggestion."""
        return self._matcher_settings.suggest_threshold

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
            result = self._ask_in_time(text, when, limit=limit, guild_id=guild_id)
        if question[MAX_ASK_CHARS:].strip():
            result = dataclasses.replace(result, truncated=True)
        if record and words(question):
            self._queue_record(question, result, guild_id)
        return result

    def today(self) -> dt.date:
        return self.now().date()

    def _ask_in_time(
        self, question: str, when: timeline.TimeQuestion, *, limit: int, guild_id: int | None
    ) -> AskResult:
        """A question about a time ("on 30 june", "this week") or the newest news ("the
        latest on X"): the facts on its topic (all, without one), newest first.

        A fact of the time asked about that a newer one replaced gives way to it, as in any
        answer: the newer fact answers, with the one of that time under "Earlier"."""
        settings = self._matcher_settings
        span = when.has_span
        if when.topic:
            found = self.matcher.ask(
                when.topic, limit=settings.candidates, guild_id=guild_id, current=not span
            )
            pool = [m for m in found.matches if m.score >= settings.suggest_threshold]
            if pool and not span:
                best = pool[0].score
                pool = [m for m in pool if m.score >= best * RECENT_SHARE]
        else:
            # Nothing but a time: every fact of that time is as good an answer as another.
            facts = self._visible_facts(guild_id) if span else self._current_facts(guild_id)
            newest = heapq.nlargest(
                max(1, limit) * 4,
                (f for f in facts if when.covers(f.day())),
                key=lambda f: f.day() or dt.date.min,
            )
            pool = [Match(f, 1.0, f.questions[0] if f.questions else None) for f in newest]
        # Newest first; a few more than asked for, as replaced facts may merge into one.
        pool = heapq.nlargest(
            max(1, limit) * 4,
            (m for m in pool if when.covers(m.fact.day())),
            key=lambda m: (m.fact.day() or dt.date.min, m.score),
        )
        pool = self.matcher.current_only(pool, guild_id)
        if not pool:
            return AskResult(question, Decision.UNKNOWN)
        best_score = max(m.score for m in pool)
        decision = Decision.ANSWER if best_score >= settings.answer_threshold else Decision.SUGGEST
        return AskResult(question, decision, tuple(pool[: max(1, limit)]))

    def _as_answer(self, fact: Fact, guild_id: int | None, score: float = 1.0) -> Match:
        earlier = self.matcher.earlier(fact, guild_id) if fact.supersedes else ()
        return Match(fact, score, fact.questions[0] if fact.questions else None, earlier)

    def _visible_facts(self, guild_id: int | None) -> list[Fact]:
        return [f for f in self.matcher.facts() if f.visible_in(guild_id)]

    def _current_facts(self, guild_id: int | None) -> list[Fact]:
        """The live facts answered in ``guild_id`` that nothing visible there supersedes."""
        return [
            f
            for f in self.matcher.facts()
            if f.visible_in(guild_id) and not self.matcher.superseded_in(f.id, guild_id)
        ]

    def _queue_record(self, question: str, result: AskResult, guild_id: int | None) -> None:
        if len(self._ask_queue) >= MAX_PENDING_RECORDS:
            log.warning("statistics %d questions behind; not counting more", MAX_PENDING_RECORDS)
            return
        best = result.best
        self._ask_queue.append(
            AskRecord(
                # Lone surrogates (undecodable input bytes) cannot be stored as UTF-8 and
                # would lose the whole batch of questions saved with this one.
                _LONE_SURROGATES.sub("\ufffd", question.strip()),
                result.decision,
                best.fact.id if best else None,
                best.score if best else 0.0,
                guild_id,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            )
        )
        self._asks_queued += 1
        if self._ask_writer is None or self._ask_writer.done():
            self._ask_writer = asyncio.create_task(self._write_asks())

    async def _write_asks(self) -> None:
        """One writer saves whatever questions have queued up, in one transaction a batch."""
        while self._ask_queue:
            batch, self._ask_queue = self._ask_queue, []
            try:
                async with self._writing("statistics"):
                    await self.store.record_asks(batch)
            except WriteFailed:
                pass  # Statistics are worth less than answers: those went out anyway.
            finally:
                # Counted as done even when lost, so that flush() never waits forever.
                async with self._asks_saved:
                    self._asks_done += len(batch)
                    self._asks_saved.notify_all()

    async def flush(self) -> None:
        """Wait until the questions asked so far are saved in the statistics (not the ones
        still arriving: under steady traffic the writer never runs dry)."""
        target = self._asks_queued
        async with self._asks_saved:
            await self._asks_saved.wait_for(
                lambda: (
                    self._asks_done >= target or self._ask_writer is None or self._ask_writer.done()
                )
            )

    def complete(self, prefix: str, *, guild_id: int | None = None, limit: int = 25) -> list[str]:
        return self.matcher.complete(prefix[:MAX_ASK_CHARS], guild_id=guild_id, limit=limit)

    def search(self, query: str, *, guild_id: int | None = None, limit: int = 10) -> list[Match]:
        # Superseded facts too: a search finds facts to look at or edit, old ones included.
        result = self.matcher.ask(
            query[:MAX_ASK_CHARS], limit=limit, guild_id=guild_id, current=False
        )
        floor = self._matcher_settings.suggest_threshold / 2
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
        if text:
            floor = self._matcher_settings.suggest_threshold / 2
            candidates = self._matcher_settings.candidates
            # Facts on the topic as they are: one that a newer fact replaced is left out, not
            # replaced by it (the newer fact may be on another topic).
            found = self.matcher.ask(text, limit=candidates, guild_id=guild_id, current=False)
            pool = {
                m.fact.id: m.fact
                for m in found.matches
                if m.score >= floor and not self.matcher.superseded_in(m.fact.id, guild_id)
            }
            tag = "-".join(fold(text).split())
            for fact in self._current_facts(guild_id):
                if tag in fact.tags:
                    pool.setdefault(fact.id, fact)
            facts = list(pool.values())
        else:
            facts = self._current_facts(guild_id)
        if since is not None:
            facts = [f for f in facts if (f.day() or dt.date.min) >= since]
        return heapq.nlargest(limit, facts, key=lambda f: (f.day() or dt.date.min, f.id))

    def topics(
        self, prefix: str = "", *, guild_id: int | None = None, limit: int = 25
    ) -> list[str]:
        """Topics to offer for ``/latest``: the facts' tags and the names several facts share,
        most used first; those starting with ``prefix`` first, then those containing it."""
        cached = self._topics.get(guild_id)
        revision = self.matcher.revision
        now = time.monotonic()
        # Counted again once the facts changed, at most once a minute: topics move slowly,
        # and counting them reads every fact.
        if cached is None or (cached[0] != revision and now - cached[1] >= TOPICS_KEPT_SECONDS):
            cached = (revision, now, self._count_topics(guild_id))
            self._topics[guild_id] = cached
        typed = " ".join(fold(prefix).split())
        ranked = cached[2]
        if not typed:
            return ranked[:limit]
        starting = [t for t in ranked if t.startswith(typed)]
        inside = [t for t in ranked if typed in t and not t.startswith(typed)]
        return (starting + inside)[:limit]

    def _count_topics(self, guild_id: int | None) -> list[str]:
        counts: dict[str, int] = {}
        names: dict[str, int] = {}
        for fact in self._current_facts(guild_id):
            for tag in fact.tags:
                counts[tag] = counts.get(tag, 0) + 1
            for name in {m.lower() for m in _ENTITY.findall(fact.answer)}:
                names[name] = names.get(name, 0) + 1
        for name, count in names.items():
            if count >= TOPIC_MIN_FACTS and name not in STOPWORDS:
                counts[name] = max(counts.get(name, 0), count)
        return sorted(counts, key=lambda t: (-counts[t], t))

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
        async with self._writing(_refused("claim")):
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
        if fact is None and not self._index_stored:
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
        if not self._index_stored:
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
        entries: list[dict[str, object]] = []
        for fact in facts:
            # Without "member-": the export is for moving facts into knowledge files.
            entry: dict[str, object] = {
                "id": fact.id.removeprefix(MEMBER_PREFIX),
                "answer": fact.answer,
            }
            questions = [*fact.questions, *self._taught.get(fact.id, ())]
            if questions:
                entry["questions"] = questions
            if fact.tags:
                entry["tags"] = list(fact.tags)
            if fact.supersedes:
                entry["supersedes"] = [i.removeprefix(MEMBER_PREFIX) for i in fact.supersedes]
            if fact.date:
                entry["date"] = fact.date.isoformat()
            if fact.source and not fact.source.is_empty():
                entry["source"] = {k: v for k, v in fact.source.as_dict().items() if v is not None}
            if fact.language != "en":
                entry["language"] = fact.language
            if fact.translations:
                entry["translations"] = {
                    t.language: {
                        "answer": t.answer,
                        **({"questions": list(t.questions)} if t.questions else {}),
                    }
                    for t in fact.translations
                }
            entries.append(entry)
        header = (
            "# Facts added by users, exported for curation into knowledge/.\n"
            "# Check each answer against its source before moving it into a knowledge file.\n"
        )
        body = yaml.safe_dump({"facts": entries}, sort_keys=False, allow_unicode=True, width=100)
        return header + body + self._taught_file_questions()

    def _taught_file_questions(self) -> str:
        """The questions taught to knowledge-file facts, as YAML comments by file and fact."""
        lines: list[str] = []
        for fact_id, questions in sorted(self._taught.items()):
            fact = self.matcher.get(fact_id)
            if fact is None or fact.origin is not Origin.FILE:
                continue
            lines.append(f"#   {fact_id}  ({fact.file}):")
            for question in questions:
                dumped = yaml.safe_dump([question], allow_unicode=True, width=10_000).strip()
                lines.append(f"#     {dumped}")
        if not lines:
            return ""
        return (
            "\n# Taught questions of knowledge-file facts (kb teach): copy each under its fact's\n"
            "# `questions:` in that file, then reload.\n" + "\n".join(lines) + "\n"
        )

    def has_export(self, guild_id: int | None) -> bool:
        """Whether ``kb export`` has anything for ``guild_id``: member facts, or questions
        taught to knowledge-file facts."""
        if self.has_member_facts(guild_id):
            return True
        return any(
            (fact := self.matcher.get(fact_id)) is not None and fact.origin is Origin.FILE
            for fact_id in self._taught
        )

    # ------------------------------------------------------------------------- writing
    @staticmethod
    @asynccontextmanager
    async def _file_work(what: str) -> AsyncIterator[None]:
        """Around work on the knowledge folder's files: a refused file operation (a read-only
        folder, a full disk) becomes one sentence for whoever asked."""
        try:
            yield
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            raise WriteFailed(
                f"Could not {what}: {exc.strerror or exc}{where}. Check that the knowledge "
                "folder is writable by the bot; nothing was changed."
            ) from exc

    @asynccontextmanager
    async def _writing(self, failure: str) -> AsyncIterator[None]:
        """Around every store write: a refused write becomes ``WriteFailed(failure)`` and is
        remembered for the moderators (``/kb stats``) until a write succeeds again. Conflicts
        (``StoreConflict``) pass through: they are about the request, not the database."""
        try:
            yield
        except StoreConflict:
            raise
        except StoreError as exc:
            self.write_problem = str(exc)
            log.error("database write failed: %s", self.write_problem)
            raise WriteFailed(failure) from exc
        self.write_problem = None

    @asynccontextmanager
    async def _before_writing(self, failure: str) -> AsyncIterator[None]:
        """Around the reads a write needs first (the daily budget, the fact as stored): a
        database that cannot be reached (a server that is down) fails the write as the write
        itself would, with ``WriteFailed(failure)``, and the moderators are told why."""
        try:
            yield
        except StoreUnavailable as exc:
            self.write_problem = str(exc)
            log.error("database write failed: %s", self.write_problem)
            raise WriteFailed(failure) from exc

    async def add_fact(self, given: FactInput, actor: Actor) -> Fact:
        """Store a user's fact (live, or pending approval) and index it if live."""
        if self.policy.who_can_add == "moderators" and not actor.is_moderator:
            raise PermissionDenied("Only moderators can add facts in this server.")
        draft = validate_fact_input(given)
        async with self._before_writing(_refused("fact")):
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
                async with self._writing(_refused("fact")):
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
        async with self._before_writing(_refused("change")):
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
            async with self._writing(_refused(action)):
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
        settled = _edit_language(fact, draft)
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
        language = _edit_language(old, draft)
        if old.translation(language) is None and not words(draft.answer):
            raise InvalidInput(
                f"'{old.id}' has no '{language}' translation yet: give its answer in that language."
            )
        draft = validate_fact_input(draft)
        async with self._before_writing(_refused("edit")):
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
            new = dataclasses.replace(new, translations=_with(old.translations, translated))
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
        if self._taught.pop(fact.id, None) is not None:
            self.matcher.set_taught(self._taught)
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
        async with self._before_writing(_refused("review")):
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
        question = _clean(question)
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
        taught = self._taught.get(fact.id, ())
        if question.casefold() in {q.casefold() for q in (*fact.questions, *taught)}:
            raise InvalidInput(f"'{fact.id}' already has that question.")
        if len(taught) >= MAX_TAUGHT_PER_FACT:
            raise InvalidInput(
                f"'{fact.id}' has {len(taught)} taught questions, the most allowed; copy them "
                "into its questions and reload first."
            )
        async with self._writing(_refused("taught question")):
            added = await self.store.add_taught_question(
                fact.id, question, actor.key, fact.guild_id
            )
        if not added:
            raise InvalidInput(f"'{fact.id}' already has that question.")
        self._taught[fact.id] = (*taught, question)
        self.matcher.teach(fact.id, question)
        log.info("question taught to %s by %s", fact.id, actor.key)
        return fact

    def taught_questions(self, fact_id: str) -> tuple[str, ...]:
        """The questions taught to ``fact_id`` (``teach``)."""
        return self._taught.get(fact_id, ())

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
        async with self._writing("Your vote could not be saved right now."):
            return await self.store.record_feedback(answer_ref, fact_id, user_id, guild_id, vote)

    # -------------------------------------------------------------------------- drafts
    async def drafts(self) -> list[DraftFile]:
        """The draft files waiting for review, oldest name first."""
        async with self._file_work("read the drafts folder"):
            return await asyncio.to_thread(draft_files.list_drafts, self.knowledge_dir)

    async def find_draft(self, name: str) -> DraftChoice | None:
        """The draft file or draft fact ``name`` names, or None."""
        async with self._file_work("read the drafts folder"):
            return await asyncio.to_thread(draft_files.find_draft, self.knowledge_dir, name)

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
        _require_shared_admin(actor, "review drafts")
        async with self._reload_lock:
            if not choice.draft.path.exists():
                raise NotFound(
                    f"There is no draft '{choice.draft.name}' any more (already reviewed?)."
                )
            async with self._file_work("read the draft"):
                current = await asyncio.to_thread(draft_files.read_draft, choice.draft.path)
            if choice.fact_id is not None and choice.fact_id not in {f.id for f in current.facts}:
                raise NotFound(f"There is no draft fact with id '{choice.fact_id}'.")
            choice = dataclasses.replace(choice, draft=current)
            if approve:
                return await self._approve_draft(choice, actor)
            async with self._file_work("delete the draft"):
                await asyncio.to_thread(draft_files.drop_from_draft, choice)
            await self._audit_draft(actor, "reject-draft", choice)
            what = f"draft {choice.describe()}" if choice.fact_id else choice.describe()
            return ReviewOutcome(f"Rejected {what}: deleted, nothing was added.", choice.fact_ids)

    async def _approve_draft(self, choice: DraftChoice, actor: Actor) -> ReviewOutcome:
        choice.draft.require_valid()
        async with self._file_work("move the draft into the knowledge folder"):
            target, snapshots = await asyncio.to_thread(
                draft_files.move_into_knowledge,
                self.knowledge_dir,
                choice,
                live_ids=set(self.matcher.ids()),
                approver=actor.display_name or actor.key,
            )
        try:
            report = await self._reload_locked(actor.key)
        except BaseException:
            # Put everything back: the knowledge in service did not change.
            for snapshot in snapshots:
                await asyncio.to_thread(snapshot.restore)
            raise
        await self._audit_draft(actor, "approve-draft", choice)
        return ReviewOutcome(
            f"Approved {choice.describe()}: now in knowledge/{target.name} and answered.",
            choice.fact_ids,
            report,
        )

    async def _audit_draft(self, actor: Actor, action: str, choice: DraftChoice) -> None:
        detail = {"file": choice.draft.name, "ids": list(choice.fact_ids)}
        async with self._writing(_refused("review note")):
            await self.store.record_audit(
                actor.key, action, choice.fact_id or choice.draft.name, detail
            )

    async def already_drafted(self, key: str, url: str | None) -> str | None:
        """The draft file an article (by feed GUID or link) went into, "" if unknown, or None
        if it was never drafted."""
        return await self.store.article_seen(key, url)

    async def file_draft(
        self, article: ArticleRef, compose: DraftComposer, *, force: bool = False
    ) -> DraftFiled:
        """Write the draft of one article into ``knowledge/drafts/`` and remember the article.

        ``compose(taken_ids, analyzer)`` returns the draft's file stem and YAML text; it runs in
        a worker thread, under the reload lock: the seen-check, the ids taken and the file
        written never interleave with another ingestion, a review or a reload (a feed poll and
        a moderator's ingest of the same link would draft it twice, with clashing ids).
        """
        async with self._reload_lock:
            if not force:
                earlier = await self.already_drafted(article.key, article.url)
                if earlier is not None:
                    return DraftFiled(None, earlier)
            taken = await self.store.fact_ids() | await asyncio.to_thread(
                draft_files.draft_fact_ids, self.knowledge_dir
            )
            stem, text = await asyncio.to_thread(compose, frozenset(taken), self.matcher.analyzer)
            async with self._file_work("write the draft into the knowledge folder's drafts/"):
                path = await asyncio.to_thread(
                    draft_files.write_draft, self.knowledge_dir, stem, text
                )
                await self._propose_in_draft(path, text)
            async with self._writing(_refused("record of the drafted article")):
                await self.store.remember_article(
                    article.key,
                    url=article.url,
                    title=article.title,
                    feed=article.feed,
                    draft=path.name,
                )
        return DraftFiled(path, None)

    async def _propose_in_draft(self, path: Path, text: str) -> None:
        """Add a commented ``supersedes`` suggestion under each draft fact that seems to
        update a live fact (``proposed_updates``): the moderator confirms by uncommenting it."""
        draft = await asyncio.to_thread(draft_files.read_draft, path)
        if draft.errors:
            return
        proposals = self.proposed_updates(draft.facts)
        if proposals:
            annotated = annotate_draft(text, proposals)
            await asyncio.to_thread(draft_files.write_atomically, path, annotated)

    # -------------------------------------------------------------------------- reload
    def _stamped(self, knowledge: KnowledgeSet, report: ReloadReport) -> KnowledgeSet:
        """``knowledge`` with the facts this reload stored new or changed marked as live from
        now (the store marked them so too), for the date shown when a fact has no other."""
        fresh = {*report.added, *report.changed}
        if not fresh:
            return knowledge
        now = self.now()
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
        stored = await self.store.stored_knowledge()
        generation = await self.store.generation()
        if stored is None or stored.signature != signature or stored.generation != generation:
            return None
        return generation

    async def reload(self, actor: Actor) -> ReloadReport:
        """Re-read the knowledge directory; on any error the old knowledge stays in service.

        Raises ``KnowledgeError`` (located problems) or ``WriteFailed``.
        """
        _require_shared_admin(actor, "reload the knowledge base")
        return await self._reload(actor.key)

    async def _reload(self, actor_key: str) -> ReloadReport:
        async with self._reload_lock:
            return await self._reload_locked(actor_key)

    async def _reload_locked(self, actor_key: str) -> ReloadReport:
        if self._stored_signature is not None and self._index_stored:
            # The index serves what that reload stored: the files it read need no parsing
            # again unless they changed (a start that skipped parsing left no parses).
            self._reader.adopt(self._stored_signature, self.matcher.facts(), self._synonyms)
        knowledge = await asyncio.to_thread(
            self._reader.load, self.knowledge_dir, in_service=self.matcher.get
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
            async with self._writing(
                "The reload could not be saved (the database refused the write); the old "
                "knowledge is still in service."
            ):
                report = await self.store.replace_file_facts(
                    knowledge.facts, actor_key, synonyms=knowledge.synonyms, signature=signature
                )
        except StoreConflict as exc:
            raise InvalidInput(f"The reload was refused: {exc}.") from exc
        report = dataclasses.replace(report, files=len(knowledge.files))
        knowledge = self._stamped(knowledge, report)
        if report.own_changes is not None and report.own_changes[0] == self._change_seq:
            # Nothing else was written before this reload: its own changes need no catching up.
            self._change_seq = report.own_changes[1]
        members = await self.store.all_facts(origin=Origin.USER)
        # Another process may have taught questions since they were read.
        self._taught = await self.store.taught_questions()
        if rebuild or not self._index_stored or knowledge.synonyms != self._synonyms:
            # A previewed index is no measure of what changed: the database's report is.
            self._synonyms = knowledge.synonyms
            self._rebuild([*knowledge.facts, *members])
        else:
            # Against the index, not the database: another process (the CLI) may have written
            # the database already, and its changes must reach this index too.
            with index_snapshot.long_lived_objects(freeze=False):
                report = self._sync_index(knowledge.facts, members, report)
            self.matcher.set_taught(self._taught)
        self._index_stored = True
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
