"""The core's vocabulary: facts, their sources, and what asking a question returns.

Frozen dataclasses so that a fact handed to the matcher, the store and a cog is the same value
everywhere and nobody mutates it behind the others' backs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class Origin(StrEnum):
    """Where a fact came from; reloads only ever touch ``FILE`` facts."""

    FILE = "file"
    USER = "user"


class Status(StrEnum):
    """``PENDING`` facts wait for a moderator and are never answered."""

    LIVE = "live"
    PENDING = "pending"


class Decision(StrEnum):
    """How sure the matcher is: answer outright, offer the closest questions, or admit ignorance."""

    ANSWER = "answer"
    SUGGEST = "suggest"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Source:
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None

    def is_empty(self) -> bool:
        return self.title is None and self.url is None and self.published is None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
        }


class DateKind(StrEnum):
    """What a fact's shown date is: the event's, its source's publication, or its addition."""

    EVENT = "event"
    PUBLISHED = "published"
    ADDED = "added"


@dataclass(frozen=True, slots=True)
class Dating:
    day: dt.date
    kind: DateKind

    def label(self, word: Callable[[str], str] = str) -> str:
        """ "2025-06-27", "published 2025-07-01" or "added 2025-07-03" (``word`` puts
        "published" and "added" into the reader's language)."""
        if self.kind is DateKind.EVENT:
            return self.day.isoformat()
        return f"{word(self.kind.value)} {self.day.isoformat()}"


def date_label(fact: Fact, word: Callable[[str], str] = str) -> str:
    """The date line of an answer: always something, "date unknown" at worst (``word`` puts
    "published", "added" and "date unknown" into the reader's language)."""
    dating = fact.dating()
    return dating.label(word) if dating else word("date unknown")


@dataclass(frozen=True, slots=True)
class Translation:
    """A fact's answer and phrasings in another language ("ru", "az")."""

    language: str
    answer: str
    questions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Fact:
    """One answerable statement, with the phrasings people use to ask for it."""

    id: str
    answer: str
    questions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    source: Source | None = None
    date: dt.date | None = None
    origin: Origin = Origin.FILE
    file: str | None = None
    line: int | None = None
    guild_id: int | None = None
    author_id: int | None = None
    status: Status = Status.LIVE
    supersedes: tuple[str, ...] = ()
    """Ids of the facts this one replaces (a revised toll, an envoy back in post)."""
    added_at: dt.datetime | None = field(default=None, compare=False)
    """When the fact became answerable as it is (added, approved, or reloaded changed);
    None when not known (a fact read from a file and not stored yet)."""
    translations: tuple[Translation, ...] = ()
    """The fact in other languages, each indexed with its language's analyzer."""
    language: str = "en"
    """The language ``answer`` and ``questions`` are written in."""

    def translation(self, language: str) -> Translation | None:
        """The fact in ``language``, if it has it (its own language included)."""
        if language == self.language:
            return Translation(self.language, self.answer, self.questions)
        for translation in self.translations:
            if translation.language == language:
                return translation
        return None

    def answer_in(self, language: str) -> tuple[str, bool]:
        """The answer in ``language`` and True, or the fact's own answer and False."""
        found = self.translation(language)
        return (found.answer, True) if found is not None else (self.answer, False)

    def content_key(self) -> tuple[object, ...]:
        """What a reload compares to decide whether a file fact changed."""
        key: tuple[object, ...] = (
            self.answer,
            self.questions,
            self.tags,
            self.related,
            self.source,
            self.date,
            self.file,
        )
        # Only when set: the digests of facts that replace nothing stay what they were.
        if self.supersedes:
            key = (*key, self.supersedes)
        if self.translations or self.language != "en":
            key = (*key, self.translations, self.language)
        return key

    def dating(self) -> Dating | None:
        """The date an answer is about: the event's, else its source's publication, else
        when it was added; None when none is known."""
        if self.date is not None:
            return Dating(self.date, DateKind.EVENT)
        if self.source is not None and self.source.published is not None:
            return Dating(self.source.published, DateKind.PUBLISHED)
        if self.added_at is not None:
            return Dating(self.added_at.date(), DateKind.ADDED)
        return None

    def day(self) -> dt.date | None:
        """The date of ``dating()``, for ordering facts newest first (without making one)."""
        if self.date is not None:
            return self.date
        if self.source is not None and self.source.published is not None:
            return self.source.published
        return self.added_at.date() if self.added_at is not None else None

    def content_digest(self) -> str:
        """A short, stable hash of ``content_key``: equal digests mean an unchanged fact."""
        return hashlib.blake2b(repr(self.content_key()).encode(), digest_size=12).hexdigest()

    def visible_in(self, guild_id: int | None) -> bool:
        """File facts are answered everywhere; a user fact only in the server it was added in."""
        return self.guild_id is None or self.guild_id == guild_id


@dataclass(frozen=True, slots=True)
class Match:
    fact: Fact
    score: float
    matched_question: str | None = None
    superseded: tuple[Fact, ...] = ()
    """The facts ``fact`` replaced, newest first (B then A for A -> B -> C)."""


@dataclass(frozen=True, slots=True)
class AskResult:
    question: str
    decision: Decision
    matches: tuple[Match, ...] = ()
    # The question was longer than the service reads; only its start was matched.
    truncated: bool = False

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None

    def to_json(self) -> dict[str, object]:
        payload: dict[str, object] = {
            "question": self.question,
            "decision": self.decision.value,
            "results": [
                {
                    "id": m.fact.id,
                    "answer": m.fact.answer,
                    "score": round(m.score, 4),
                    "source": (m.fact.source or Source()).as_dict(),
                    **_date_json(m.fact),
                    "superseded": [
                        {"id": f.id, "answer": f.answer, **_date_json(f)} for f in m.superseded
                    ],
                }
                for m in self.matches
            ],
        }
        if self.truncated:
            payload["truncated"] = True
        return payload


def _date_json(fact: Fact) -> dict[str, str | None]:
    dating = fact.dating()
    if dating is None:
        return {"date": None, "date_kind": None}
    return {"date": dating.day.isoformat(), "date_kind": dating.kind.value}


@dataclass(frozen=True, slots=True)
class ReloadReport:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    files: int = 0
    total: int = 0
    own_changes: tuple[int, int] | None = None
    """The first and last entries this reload wrote in the store's change log."""

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.changed or self.removed)


# The audit action of a teaching queued behind long work that could not be made when that
# work ended (its moderator had been told it would be): the detail holds the question and why.
TEACH_NOT_MADE = "teach-not-made"
# The same for a taking back (``kb unteach``) queued behind long work.
UNTEACH_NOT_MADE = "unteach-not-made"
# A teaching or taking back queued behind long work, audited with the row that keeps it until
# it is made (through a crash too): the detail holds the question and the work it waits for.
TEACH_QUEUED = "teach-queued"
UNTEACH_QUEUED = "unteach-queued"
# Why a queued change found, when it was made, that it had nothing left to do.
TAUGHT_BY_THEN = "the fact had that question already by then"
UNTAUGHT_BY_THEN = "it was no longer taught to the fact by then"
# The actions whose detail names a question (a fact's history shows it), and those that say
# why a queued change was not made.
NOT_MADE_ACTIONS = (TEACH_NOT_MADE, UNTEACH_NOT_MADE)
QUESTION_ACTIONS = ("teach", "unteach", TEACH_QUEUED, UNTEACH_QUEUED, *NOT_MADE_ACTIONS)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: dt.datetime
    actor: str
    action: str
    fact_id: str
    guild_id: int | None
    detail: dict[str, object] = field(default_factory=dict)


def how_long(age: dt.timedelta) -> str:
    """A wait in the unit a person reads it in: "40 minutes", "5 hours", "3 days"."""
    seconds = max(0, int(age.total_seconds()))
    for unit, size, below in (("minute", 60, 3600), ("hour", 3600, 2 * 86400)):
        if seconds < below:
            count = max(1, seconds // size)
            return f"{count} {unit}" + ("" if count == 1 else "s")
    days = seconds // 86400
    return f"{days} days"


@dataclass(frozen=True, slots=True)
class Stats:
    facts_by_origin: dict[str, int]
    pending: int
    questions_asked: int
    answered: int
    suggested: int
    unknown: int
    top_unanswered: tuple[tuple[str, int], ...]
    feedback_up: int
    feedback_down: int
    # Questions whose answers got a 👎, with the fact given and how often: (question, fact id,
    # count). Each 👎 is put down to the last question answered with that fact in that server
    # before the vote.
    top_thumbs_down: tuple[tuple[str, str, int], ...] = ()
    # Of the questions above, those already taught (``kb teach``), with the fact taught: a
    # moderator reading the lists sees what is done.
    taught_to: dict[str, str] = field(default_factory=dict)
    # Draft files waiting for review (``kb drafts``), and how long the oldest has waited (since
    # its file was written); None when none waits.
    drafts_waiting: int = 0
    oldest_draft_age: dt.timedelta | None = None

    @property
    def drafts_text(self) -> str:
        """ "2 drafts waiting for review, the oldest for 3 days", or "no drafts waiting"."""
        if not self.drafts_waiting:
            return "no drafts waiting for review"
        noun = "draft" if self.drafts_waiting == 1 else "drafts"
        text = f"{self.drafts_waiting} {noun} waiting for review"
        if self.oldest_draft_age is not None:
            which = "for" if self.drafts_waiting == 1 else "the oldest for"
            text += f", {which} {how_long(self.oldest_draft_age)}"
        return text

    @property
    def unknown_rate(self) -> float:
        return self.unknown / self.questions_asked if self.questions_asked else 0.0

    @property
    def listed_questions(self) -> list[str]:
        """The questions of the unanswered list, then those of the 👎 list."""
        return [q for q, _ in self.top_unanswered] + [q for q, _, _ in self.top_thumbs_down]

    @property
    def left_to_teach(self) -> bool:
        """Whether a question of the unanswered or 👎 lists is still to be taught."""
        return any(q not in self.taught_to for q in self.listed_questions)
