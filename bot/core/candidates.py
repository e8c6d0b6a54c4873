"""What the matcher reads from a question and what it makes of each fact it scores: the question
as read (``AskedQuestion``, with its weighted terms, ``QueryTerm``) and one fact scored for it,
with the evidence behind its score (``Candidate``), which the order rules and the confidence
judge.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from bot.core.focus import Focus
from bot.core.index_entries import IndexEntry


@dataclass(frozen=True, slots=True)
class QueryTerm:
    term: str
    weight: float
    confidence: float
    elsewhere: bool = False  # a name no fact has (``Matcher._named_elsewhere``)


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    """What was read from a question: its focus, its weight, the share of that weight the index
    knows (by the words or their corrections) and its number of terms."""

    focus: Focus
    total: float
    known: float
    terms: int
    query: list[QueryTerm]
    bare: bool = False  # only content words: a keyword or a name, not a question
    language: str = "en"
    # It names a country, a capitalised name or a year that no fact has (``_named_elsewhere``).
    elsewhere: bool = False
    # The thing an English question asks about is a noun no fact has (``_unknown_thing``).
    unknown_thing: bool = False


@dataclass(slots=True)
class Candidate:
    """One fact scored for one question, with the evidence behind its score."""

    entry: IndexEntry
    relevance: float  # the ranking score, in [0, 1]
    question: str | None  # the phrasing that matched best
    phrasing: float  # best phrasing's F2 coverage of the question
    answer: float  # share of the question's weight in the answer text
    whole: float  # share of the question's weight anywhere in the fact
    evidence: float  # that weight itself
    bm25: float = 0.0  # its BM25 score, as a share of what a fact holding every term scores
    bm25_score: float = 0.0  # that score itself, growing with every question word it holds
    confidence: float = 0.0  # the calibrated chance that this fact is the answer
    strict_miss: bool = False  # a count, date, duration, age or measure asked for is absent
    soft_miss: bool = False  # a cause, person or place asked for is not evident
    attribute_miss: bool = False  # an attribute asked for ("population") is nowhere in it
    role_miss: bool = False  # a role holder's name asked for is not beside the role
    count_miss: bool = False  # its numbers count something other than what is asked
    # Of a compound question ("when was the raid, and why ..."), it lacks what the whole asks
    # but holds all one ask wants (``question_asks``): it answers that ask.
    ask_held: bool = False
    matched: AbstractSet[str] = frozenset()  # the question's terms found in the fact
    # The question's terms the fact holds only in other words: through a tight thesaurus
    # neighbour ("skipper" of "captain"), another name of a country or an office's holder.
    paraphrased: AbstractSet[str] = frozenset()
    semantic: float = 0.0  # cosine of the question and its closest text (semantic re-ranker)
    # The runner-up this fact was told apart from in a near tie by what a reader sees
    # (``tie_break``): its fact id. Against that runner-up the tie is no tie.
    favoured_over: str | None = None

    @property
    def blocked(self) -> bool:
        """The fact cannot be the answer, however well it matches: never answered outright."""
        return self.strict_miss or self.attribute_miss or self.role_miss
