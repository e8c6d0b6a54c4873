"""The index's entries: a fact as the matcher's index sees it (the terms of each phrasing and of
its answer), a fact as plain values (a row) and back, and the whole index as plain values, the
way a snapshot (``bot.core.index_snapshot``) stores it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bot.core.models import Fact, Origin, Source, Status, Translation

# A fact as plain values (dates as ordinals, enums as their values), the way a snapshot keeps
# it: id, answer, questions, tags, related, source (title, url, published) or None, date,
# origin, file, line, guild id, author id, status, supersedes, added at (ISO text) or None.
FactRow = tuple[Any, ...]
ROW_FIELDS = 17
ROW_ID = 0
ROW_GUILD_ID = 10
ROW_SUPERSEDES = 13
_ORIGINS = {origin.value: origin for origin in Origin}
_STATUSES = {status.value: status for status in Status}


def _ordinal(date: dt.date | None) -> int | None:
    return date.toordinal() if date is not None else None


def _date(ordinal: int | None) -> dt.date | None:
    return dt.date.fromordinal(ordinal) if ordinal is not None else None


def fact_row(fact: Fact) -> FactRow:
    source = fact.source
    return (
        fact.id,
        fact.answer,
        fact.questions,
        fact.tags,
        fact.related,
        None if source is None else (source.title, source.url, _ordinal(source.published)),
        _ordinal(fact.date),
        fact.origin.value,
        fact.file,
        fact.line,
        fact.guild_id,
        fact.author_id,
        fact.status.value,
        fact.supersedes,
        fact.added_at.isoformat() if fact.added_at else None,
        tuple((t.language, t.answer, t.questions) for t in fact.translations),
        fact.language,
    )


def row_fact(row: FactRow) -> Fact:
    fact_id, answer, questions, tags, related, source, date, origin, *rest = row
    file, line, guild_id, author_id, status, supersedes, added_at, translations, language = rest
    return Fact(
        fact_id,
        answer,
        questions,
        tags,
        related,
        None if source is None else Source(source[0], source[1], _date(source[2])),
        _date(date),
        _ORIGINS[origin],
        file,
        line,
        guild_id,
        author_id,
        _STATUSES[status],
        supersedes,
        dt.datetime.fromisoformat(added_at) if added_at else None,
        tuple(Translation(lang, text, tuple(asked)) for lang, text, asked in translations),
        language,
    )


class IndexEntry:
    """A fact as the index sees it: the terms of each phrasing and of the answer.

    Tuples, not sets: a fact has a few dozen terms, a tuple of them costs a tenth of the memory
    of a set, and scanning one is as fast at that size. An entry read from a snapshot keeps its
    fact as a row until the fact is first needed: a question needs a few dozen of them, and
    making all 100,000 at start would cost more than the rest of the snapshot.
    """

    __slots__ = (
        "_fact",
        "_size",
        "answer_terms",
        "counted",
        "kinds",
        "phrasings",
        "roles",
        "tallied",
        "titled",
    )

    def __init__(
        self,
        fact: Fact | FactRow,
        phrasings: tuple[tuple[tuple[str, ...], str], ...],
        answer_terms: tuple[str, ...],
        kinds: int = 0,
        roles: tuple[str, ...] = (),
        titled: tuple[tuple[str, str], ...] | None = None,
    ) -> None:
        self._fact = fact
        self.phrasings = phrasings
        self.answer_terms = answer_terms
        # What kinds of answer the answer text holds (``wants.Want`` flags), and the role
        # words that stand beside a name in it.
        self.kinds = kinds
        self.roles = roles
        # The people its English answer names by an office, as (role word, surname)
        # (``role_names.titled_people``): read when the fact is indexed, or, read from a
        # snapshot, when a question naming an office first shortlists it (None until then).
        self.titled = titled
        # Terms that stand beside its counts, worked out when a count is first asked of it.
        self.counted: frozenset[str] | None = None
        # The same, of its counts that are no measures (``counted_words``): what "how many"
        # must meet.
        self.tallied: frozenset[str] | None = None
        self._size = -1

    @property
    def fact(self) -> Fact:
        held = self._fact
        if isinstance(held, tuple):
            held = self._fact = row_fact(held)
        return held

    def row(self) -> FactRow:
        held = self._fact
        return held if isinstance(held, tuple) else fact_row(held)

    @property
    def supersedes(self) -> tuple[str, ...]:
        held = self._fact
        replaced: tuple[str, ...] = (
            held[ROW_SUPERSEDES] if isinstance(held, tuple) else held.supersedes
        )
        return replaced

    def all_terms(self) -> set[str]:
        out = set(self.answer_terms)
        for terms, _ in self.phrasings:
            out.update(terms)
        return out

    @property
    def size(self) -> int:
        """How many distinct terms the fact holds (its length, for BM25)."""
        if self._size < 0:
            self._size = len(self.all_terms())
        return self._size

    @size.setter
    def size(self, value: int) -> None:
        self._size = value


# One fact's index entry without the fact: its phrasings (terms, text), answer terms, the kinds
# of answer it holds and its named roles.
EntryTerms = tuple[tuple[tuple[tuple[str, ...], str], ...], tuple[str, ...], int, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class IndexState:
    """Everything an index holds, as plain values, for a snapshot to store.

    Derived state (document frequencies, server scopes, key sets) is left out and rebuilt.
    """

    keys: tuple[int, ...]
    facts: tuple[FactRow, ...]
    entries: tuple[EntryTerms, ...]
    next_key: int
    postings: dict[str, list[int]]
    specificity: dict[str, float]
    surface: dict[str, str]
    vocabulary: dict[tuple[str, int], list[str]]
    names: frozenset[str] = frozenset()
    other_words: frozenset[str] = frozenset()
    term_languages: dict[str, int] = field(default_factory=dict)
