"""The matcher: an inverted index over facts and a scorer that turns a question into a decision.

Scoring in two stages keeps a question cheap however large the fact base grows:

1. Candidates: each query term (stemmed, synonym-mapped, typo-corrected against the index's
   vocabulary) looks up the facts that contain it; candidates are ranked by the summed weight of
   the terms they share with the query. Rare terms weigh more (a smoothed inverse document
   frequency), so "yekaterinburg" outweighs "russia".
2. Scoring: the best few candidates get a score in [0, 1] that asks how much of the question's
   weight a fact covers, both in one of its phrasings (where the phrasing's own extra words
   count against it) and in its answer text. Words the index has never seen count against every
   fact, which is how off-topic questions end up "unknown".

The index is updated in place when a fact is added or removed: nothing is rebuilt.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from bot.core import completion, latin_russian, succession
from bot.core.asked_things import asked_things
from bot.core.az_nouns import az_derived
from bot.core.candidates import AskedQuestion, Candidate, QueryTerm
from bot.core.chat_words import SOFT_FILLER
from bot.core.confidence import calibration_features as calibration_features
from bot.core.confidence import clear_lead as clear_lead
from bot.core.confidence import semantic_lead as semantic_lead
from bot.core.counted_sides import counted_side, counts_other_side
from bot.core.country_names import english_country, names_country
from bot.core.country_words import country_members
from bot.core.focus import (
    ORDERING,
    ROLE_WORDS,
    STRICT,
    Focus,
    Want,
    counted_words,
    is_named_role,
    kind_words,
    month_ahead,
    names_beside,
    read_answer,
    titled_people,
)
from bot.core.index_entries import (
    ROW_FIELDS,
    ROW_GUILD_ID,
    ROW_ID,
    ROW_SUPERSEDES,
    IndexEntry,
    IndexState,
)
from bot.core.key_bitmaps import MOST_LATER_TERMS, KeyBitmaps
from bot.core.language import detect, english_frequency, turkish_frequency
from bot.core.matcher_settings import MatcherSettings as MatcherSettings
from bot.core.measures import measure_stated
from bot.core.models import (
    AskResult,
    Decision,
    Fact,
    Match,
)
from bot.core.news_words import COUNTED_EVENTS
from bot.core.related_words import table as related_words
from bot.core.semantic import SemanticIndex
from bot.core.sibling_order import (
    KIND_PHRASINGS,
    actor_first,
    bound_first,
    keyword_named,
    kind_first,
    named_first,
    phrased_first,
    phrased_for,
    stating_first,
    worded_first,
)
from bot.core.since_words import says_since
from bot.core.text import (
    DAY_SPECIFICITY,
    Analyzer,
    expand_chat,
    fold,
    other_tokens,
    translit,
)

# How much a fact's relevance is scaled down for ranking when it lacks what the question asks
# for: a count, date, attribute or name (blocked), or a cause, person or place (soft).
_BLOCKED_RANK = 0.8
_STRICT = int(STRICT)
_DURATION = int(Want.DURATION)
_SOFT_MISS_RANK = 0.95


# The kinds of a fact whose answer cannot be read for them (no English text): all of them.
_ANY_KIND = sum(int(kind) for kind in Want)


def _phrasing_shown(fact: Fact, matched: str | None, language: str) -> str | None:
    """The phrasing a match is offered by: the one that matched, unless it is in another
    language than the question and the fact has phrasings in the question's own; then the first
    of those. A name can match across scripts, and "russia azerbaijan" should not be offered
    "как сейчас москва и баку"."""
    if matched is None or not fact.translations:
        return matched  # one language: the phrasing that matched is in it
    own = fact.translation(language)
    if own is None or not own.questions or matched in own.questions:
        return matched
    for translation in (fact.translation(fact.language), *fact.translations):
        other = translation is not None and translation.language != language
        if other and translation is not None and matched in translation.questions:
            return own.questions[0]
    return matched


def _written_by(fact: Fact) -> dt.date | None:
    """The latest day a fact is known to have been written by: its source's publication or its
    own date, whichever is later; when it has neither, the day it was added."""
    known = [day for day in (fact.date, fact.source and fact.source.published) if day]
    if known:
        return max(known)
    return fact.added_at.date() if fact.added_at else None


def _foreign_phrasings(fact: Fact) -> frozenset[str]:
    """The fact's phrasings in languages other than English."""
    if not fact.translations and fact.language == "en":
        return frozenset()
    return frozenset(
        question
        for translation in (fact.translation(fact.language), *fact.translations)
        if translation is not None and translation.language != "en"
        for question in translation.questions
    )


# Share of its score a phrasing in another language keeps against an English question.
_FOREIGN_PHRASING = 0.95
# Where one sentence of a message ends and the next begins.
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
# Words an English question starts with.
_QUESTION_STARTS = frozenset(
    """
    what whats wat who whos whose whom why y how when where which is are was were did does do
    can could will would has have had should
    """.split()
)
# Share of its weight a word keeps when only a sentence of context has it, not the question.
_CONTEXT_WEIGHT = 0.5
# Share of its weight a word keeps when only a clause saying when has it ("... once the court
# had ruled"). Right-first tune figures rose alike from 0.5 to 0.7; drafted stories lost two
# right answers outright at 0.5, one at 0.6, none at 0.7.
_CLAUSE_WEIGHT = 0.7


def _asks(sentence: str) -> bool:
    """Whether a sentence of a message asks something: ends in a question mark or starts as an
    English question does."""
    words = sentence.lower().split()
    return sentence.rstrip().endswith("?") or bool(words and words[0] in _QUESTION_STARTS)


# A code of letters then a number, written as one word: "cop29", "mh17", "g20".
_CODED = re.compile(r"([a-z]{2,})(\d+)")
# How much more a name the facts write weighs than a topical word when a Russian or
# Azerbaijani question is scored (in the question and in the phrasings it is held against):
# "Какую роль играет Турция" is about Turkey, however much else it shares with the phrasing
# "какую роль играет армения" of a fact on Armenia. English questions weigh names as before.
_NAME_SPECIFICITY = 1.5
# A word written with a capital inside a sentence (after its first word).
_SENTENCE = re.compile(r"[.!?:;()\u2014\u2013\"]+\s*")
_CAPITALISED = re.compile(r"(?<=\s)[^\W\d_][\w-]*")


_WORD = re.compile(r"[^\W\d_]+")
# Letters an indexed word shares at its start with a question's word that no fact has, for the
# question's word to be taken as a form or a misspelling of it, not a name of its own.
_LIKE_LETTERS = 4
# Years a question may name: a year no fact has is another event's.
_YEARS = range(1900, 2100)


def _names_in(text: str) -> list[str]:
    """The words of ``text`` that are capitalised inside a sentence."""
    out = []
    for sentence in _SENTENCE.split(text):
        for word in _CAPITALISED.findall(sentence.strip()):
            if word[0].isupper():
                out.append(word)
    return out


# Letters a common Russian word shares at its start with the fact's word it is read as: its
# prefix ("при-", "про-", "пере-") makes a verb of its own.
_PREFIX = 3
# The languages a term was indexed from, as bits (``Matcher._term_languages``): a Russian and
# an Azerbaijani word may transliterate to one stem ("суть", essence, and "sütun", column, both
# "sut"), and only one of them is what a question in its language says.
_LANGUAGE_BITS = {"en": 1, "ru": 2, "az": 4}
_ENGLISH_BIT = _LANGUAGE_BITS["en"]
# A question term met only in the other inflected language's text is kept apart under this
# mark, which no indexed term holds (terms are folded ASCII), so that it matches nothing.
_FOREIGN_MARK = "@"


# Read once per answer text, as candidates recur from question to question: the people it
# names by office (``_with_titled``).


_titled = lru_cache(maxsize=50_000)(titled_people)


def _shared_start(term: str, word: str) -> int:
    """How many first letters ``term`` and ``word`` share (a Russian word and its term: the
    stem as the word writes it)."""
    shared = 0
    for left, right in zip(term, word, strict=False):
        if left != right:
            break
        shared += 1
    return shared


# A decade as written in a question: "90s", "1990s" ("'90s" once its apostrophe is gone).
_DECADE = re.compile(r"(1[89]|20)?(\d)0s")
# The fewest letters a clipped name may keep ("aze" of Azerbaijan); four or more unless every
# word it starts is the one name (``Matcher._clipped``).
_CLIPPED_SHORTEST = 3
# How many times more facts the word a clipped word is read as must be in than the facts
# that hold only other words it starts.
_CLIPPED_LEAD = 2
# Words before a kind of answer named ("how old", "what date", "so far"): a phrasing without
# any of them names none, and its focus is not read when it is indexed.
_KIND_LEADS = re.compile(r"\b(?:how|what|which|so|exact)\b|(?:date|year)\s*$", re.IGNORECASE)
# Words that open a clause of time after what a question asks, and the least words before
# one (a question word, a verb and what it is about: "when" opening "when did ..." is not one).
_CLAUSE_LEADS = frozenset("when once".split())
_CLAUSE_START = 3
_CLAUSE_BREAK = re.compile(r"[,;:?!]")
# BM25's usual constants: how soon a repeated word stops adding (k1), and how much a long fact
# is discounted for holding many words (b).
_BM25_K1 = 1.2
_BM25_B = 0.75


@dataclass(frozen=True, slots=True)
class _Bm25Query:
    """What BM25 needs of one question: its known terms' idf (their keys: the terms a fact can
    hold), the most a fact holding every term could score, and the mean fact's length."""

    idf: dict[str, float]
    total: float
    mean_size: float


@dataclass(frozen=True, slots=True)
class _QuestionNames:
    """What a Russian or Azerbaijani question's spelling says of its names: the terms of its
    words capitalised inside a sentence, each word as written by its transliteration (the
    form the terms are read with), and the countries it lists beside one the facts name (by
    their transliterations: ``Matcher._listed_countries``)."""

    capitalised: frozenset[str]
    written: dict[str, str]
    listed: frozenset[str] = frozenset()


# A question term, the share of its weight a paraphrase earns, and its neighbours in the index.
_Related = tuple[str, float, frozenset[str]]

# Candidates are narrowed to those within reach of the best (``_within_reach``) once they
# outnumber the shortlist this many times over; fewer are quicker to add a common term to as
# they are.
_REACH_FROM = 4


class _ClauseSplit(NamedTuple):
    """A question cut at a trailing clause of time (``_clause_split``), each part folded."""

    earlier: str
    """The stretches between commas before the one holding the clause."""
    asked: str
    """The words of that stretch before the clause: what is asked."""
    clause: str
    """The clause after its leading word ("investigators had ruled")."""


def _clause_split(question: str) -> _ClauseSplit | None:
    """A question cut at the first word that leads a trailing clause of time (``_CLAUSE_LEADS``:
    "... once investigators had ruled") within a stretch between commas; None without one."""
    parts = _CLAUSE_BREAK.split(question)
    for number, part in enumerate(parts):
        words = expand_chat(fold(part)).split()
        for index in range(_CLAUSE_START, len(words) - 1):
            if words[index] in _CLAUSE_LEADS:
                earlier = " ".join(expand_chat(fold(stretch)) for stretch in parts[:number])
                return _ClauseSplit(earlier, " ".join(words[:index]), " ".join(words[index + 1 :]))
    return None


def _within_reach(rough: dict[int, float], keep: int, ahead: float) -> dict[int, float]:
    """``rough`` without the candidates that cannot be among its ``keep`` best once weights
    summing to ``ahead`` (none negative) are added to those holding their terms, when that
    drops at least half of them. The ``keep`` best come out the same and in the same order:
    a dropped candidate, given every weight still to come, would score less than ``keep``
    others already do."""
    if len(rough) <= keep:
        return rough
    scores = sorted(rough.values())
    # Below the ``keep``-th best by more than all that can still be added; the margin, far
    # above float rounding, keeps a candidate that could tie where it is.
    floor = scores[-keep] - ahead - 1e-9 * (scores[-keep] + ahead)
    if 2 * bisect.bisect_left(scores, floor) < len(scores):
        return rough
    return {key: score for key, score in rough.items() if score >= floor}


class Matcher:
    """Index of facts answering ``ask(question)`` with ranked, scored matches and a decision."""

    def __init__(
        self,
        facts: Iterable[Fact] = (),
        *,
        analyzer: Analyzer | None = None,
        settings: MatcherSettings | None = None,
        taught: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.analyzer = analyzer or Analyzer()
        self.settings = settings or MatcherSettings()
        # Questions moderators taught (``kb teach``), by fact id: indexed as more phrasings of
        # the fact, without changing the fact itself (a file fact stays as its file says).
        self._taught: dict[str, tuple[str, ...]] = {
            fact_id: tuple(questions) for fact_id, questions in (taught or {}).items()
        }
        self._entries: dict[int, IndexEntry] = {}
        self._keys: dict[str, int] = {}
        # Postings are append-only lists: removing a fact leaves its key behind ("dead"), to be
        # skipped when read and swept out by ``_compact`` once dead keys pile up. Removal stays
        # O(terms) however long a common term's list is.
        self._postings: dict[str, list[int]] = {}
        self._df: dict[str, int] = {}
        self._dead_refs = 0
        self._live_refs = 0
        self._specificity: dict[str, float] = {}
        # Terms of the names the facts write (``_mark_names``).
        self._names: set[str] = set()
        self._next_key = 0
        # Key sets of common terms, built on first need and kept up to date after that.
        self._key_sets: dict[str, set[int]] = {}
        # Terms too common to be read within the budget get their key set as they grow past it;
        # rarer ones only if a question ever needs one.
        self._key_set_from = max(1, self.settings.posting_budget)
        # The same key sets as bitmaps, and each server's facts' keys (``_one_term_shortlist``).
        self._key_bitmaps = KeyBitmaps()
        # Keys of facts answered in one server only (members' facts), by server.
        self._guild_of: dict[int, int] = {}
        # Words seen in facts and the term each became; for typo correction bucketed by
        # (first letter, length) so a misspelled word is compared with a few hundred words.
        self._surface: dict[str, str] = {}
        self._vocabulary: dict[tuple[str, int], dict[str, None]] = {}
        # The words of ``_surface`` met in Russian or Azerbaijani text (transliterated): a word
        # of such a question is corrected only to one of these, or to a name.
        self._other_words: set[str] = set()
        # The languages of the terms indexed from Russian or Azerbaijani text, as
        # ``_LANGUAGE_BITS`` of the texts each was indexed from (English's too); a term of a
        # Russian or Azerbaijani question met only in the other one's text is no match
        # (``_foreign_only``). Terms of English text alone are not listed: most are.
        self._term_languages: dict[str, int] = {}
        # The same words sorted, for clipped names ("yekat"): built when first needed and
        # again once words were added (words are never removed, so a size tells).
        self._sorted_words: list[str] = []
        # Supersession: the ids of the facts that name each id in their ``supersedes``.
        self._successors: dict[str, set[str]] = {}
        # The terms of ``COUNTED_EVENTS`` as this analyzer reads them (a knowledge base's own
        # synonym group may have absorbed one under its curator's head word).
        self._counted_events = frozenset(
            term for event in COUNTED_EVENTS for term in self.analyzer.terms(event)
        )
        # Advanced by every add and remove: what is derived from the facts is current while
        # it is unchanged.
        self.revision = 0
        # Term weights (``_term_weight``) at ``_weights_revision``, for English questions and
        # for questions in which names weigh as such: a question's candidates share most of
        # their terms with other questions' candidates, and a term's weight changes only when
        # a fact is added or removed.
        self._weights_revision = -1
        self._term_weights: tuple[dict[str, float], dict[str, float]] = ({}, {})
        # The years the facts are dated in, and the revision they were read at (``_dated_in``).
        self._years: tuple[int, frozenset[int]] = (-1, frozenset())
        # The terms that stand for each country, as this analyzer reads them
        # (``_country_terms``): made on first need.
        self._countries: dict[str, frozenset[str]] | None = None
        # The terms of the words of office (``_office_terms``): made on first need.
        self._offices: dict[str, str] | None = None
        for fact in facts:
            self.add(fact)
        self.prepare_semantic()

    def prepare_semantic(self) -> None:
        """Encode the texts of the facts added since the last time, for the semantic
        re-ranker (nothing when it is off): a whole knowledge base in batches, once it is
        indexed, rather than at its first questions."""
        if self.settings.semantic is not None:
            self.settings.semantic.prepare()

    # ------------------------------------------------------------------------ snapshot
    def export_state(self) -> IndexState:
        """The index as it stands (the caller must not change it until this returns)."""
        live = self._entries
        postings = self._postings
        if self._dead_refs:
            postings = {t: [k for k in keys if k in live] for t, keys in postings.items()}
        return IndexState(
            keys=tuple(live),
            facts=tuple(entry.row() for entry in live.values()),
            entries=tuple(
                (entry.phrasings, entry.answer_terms, entry.kinds, entry.roles)
                for entry in live.values()
            ),
            next_key=self._next_key,
            postings=postings,
            specificity=self._specificity,
            surface=self._surface,
            names=frozenset(self._names),
            other_words=frozenset(self._other_words),
            term_languages=self._term_languages,
            vocabulary={bucket: list(words) for bucket, words in self._vocabulary.items()},
        )

    @classmethod
    def from_state(
        cls,
        state: IndexState,
        *,
        analyzer: Analyzer | None = None,
        settings: MatcherSettings | None = None,
    ) -> Matcher:
        """The index ``export_state`` saw, without analysing a single fact again.

        ``analyzer`` must be built from the synonyms the state was indexed with.
        """
        matcher = cls(analyzer=analyzer, settings=settings)
        entries = matcher._entries
        keys = matcher._keys
        guild_of = matcher._guild_of
        for key, row, (phrasings, answer_terms, kinds, roles) in zip(
            state.keys, state.facts, state.entries, strict=True
        ):
            if len(row) != ROW_FIELDS:
                raise ValueError(f"a fact of {len(row)} fields, not {ROW_FIELDS}")
            entries[key] = IndexEntry(row, phrasings, answer_terms, kinds, roles)
            keys[row[ROW_ID]] = key
            if row[ROW_GUILD_ID] is not None:
                guild_of[key] = row[ROW_GUILD_ID]
                matcher._key_bitmaps.add_server(row[ROW_GUILD_ID], key)
            for replaced in row[ROW_SUPERSEDES]:
                matcher._successors.setdefault(replaced, set()).add(row[ROW_ID])
        matcher._next_key = state.next_key
        matcher._postings = state.postings
        matcher._df = {term: len(posting) for term, posting in state.postings.items()}
        matcher._live_refs = sum(matcher._df.values())
        matcher._specificity = state.specificity
        matcher._names = set(state.names)
        matcher._other_words = set(state.other_words)
        matcher._term_languages = dict(state.term_languages)
        matcher._surface = state.surface
        matcher._vocabulary = {
            bucket: dict.fromkeys(words) for bucket, words in state.vocabulary.items()
        }
        semantic = matcher.settings.semantic
        if semantic is not None:
            for entry in entries.values():
                semantic.want(entry.fact)
            semantic.prepare()
        return matcher

    # ----------------------------------------------------------------- index maintenance
    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, fact_id: object) -> bool:
        return fact_id in self._keys

    def get(self, fact_id: str) -> Fact | None:
        key = self._keys.get(fact_id)
        return self._entries[key].fact if key is not None else None

    def facts(self) -> list[Fact]:
        return [entry.fact for entry in self._entries.values()]

    def ids(self) -> Iterator[str]:
        """The ids of the facts in the index (a view: do not change the index meanwhile)."""
        return iter(self._keys)

    def taught(self, fact_id: str) -> tuple[str, ...]:
        """The questions taught to ``fact_id``."""
        return self._taught.get(fact_id, ())

    def set_taught(self, taught: Mapping[str, Sequence[str]]) -> None:
        """Make the taught questions exactly ``taught``, re-indexing the facts whose changed."""
        new = {fact_id: tuple(questions) for fact_id, questions in taught.items()}
        changed = {i for i in new.keys() | self._taught.keys() if new.get(i) != self._taught.get(i)}
        self._taught = new
        for fact_id in changed:
            fact = self.get(fact_id)
            if fact is not None:
                self.add(fact)

    def add(self, fact: Fact) -> None:
        """Index ``fact`` (with any questions taught to it), replacing any fact with the same
        id."""
        if fact.id in self._keys:
            self.remove(fact.id)
        self.revision += 1
        key = self._next_key
        self._next_key += 1
        entry = self._build_entry(fact)
        self._entries[key] = entry
        if self.settings.semantic is not None:
            self.settings.semantic.want(fact)
        self._keys[fact.id] = key
        if fact.guild_id is not None:
            self._guild_of[key] = fact.guild_id
            self._key_bitmaps.add_server(fact.guild_id, key)
        for replaced in fact.supersedes:
            self._successors.setdefault(replaced, set()).add(fact.id)
        terms = entry.all_terms()
        entry.size = len(terms)
        for term in terms:
            posting = self._postings.get(term)
            if posting is None:
                self._postings[term] = [key]
            else:
                posting.append(key)
            key_set = self._key_sets.get(term)
            if key_set is not None:
                key_set.add(key)
                self._key_bitmaps.add(term, key)
            df = self._df.get(term, 0)
            if df == 0:
                pass
            elif df == self._key_set_from and key_set is None:
                self._key_set(term)
            self._df[term] = df + 1
            self._live_refs += 1

    def refresh(self, fact: Fact) -> None:
        """Serve ``fact`` in place of the indexed fact with its id, which it must equal in all
        that is indexed (id, questions, answer, tags, server, status): a fact whose line in
        its file moved. Nothing is indexed again."""
        key = self._keys.get(fact.id)
        if key is not None:
            entry = self._entries[key]
            # The same answer, so the same kinds and roles: without them the fact would seem
            # to hold no date or count and stop answering "when" and "how many" outright.
            self._entries[key] = IndexEntry(
                fact, entry.phrasings, entry.answer_terms, entry.kinds, entry.roles
            )

    def remove(self, fact_id: str) -> Fact | None:
        key = self._keys.pop(fact_id, None)
        if key is None:
            return None
        self.revision += 1
        entry = self._entries.pop(key)
        guild_id = self._guild_of.pop(key, None)
        if guild_id is not None:
            self._key_bitmaps.discard_server(guild_id, key)
        for replaced in entry.supersedes:
            successors = self._successors.get(replaced)
            if successors is not None:
                successors.discard(fact_id)
                if not successors:
                    del self._successors[replaced]
        for term in entry.all_terms():
            key_set = self._key_sets.get(term)
            if key_set is not None:
                key_set.discard(key)
                self._key_bitmaps.discard(term, key)
            df = self._df[term] - 1
            self._live_refs -= 1
            self._dead_refs += 1
            if df:
                self._df[term] = df
                continue
            del self._df[term]
            del self._postings[term]
            self._key_sets.pop(term, None)
            self._key_bitmaps.drop(term)
            self._specificity.pop(term, None)
            self._names.discard(term)
            self._term_languages.pop(term, None)
        if self._dead_refs > max(10_000, self._live_refs // 4):
            self._compact()
        return entry.fact

    def _key_set(self, term: str) -> set[int]:
        key_set = self._key_sets.get(term)
        if key_set is None:
            live = self._entries
            key_set = self._key_sets[term] = {k for k in self._postings[term] if k in live}
            self._key_bitmaps.track(term, key_set)
        return key_set

    def _compact(self) -> None:
        live = self._entries
        for term, posting in self._postings.items():
            self._postings[term] = [key for key in posting if key in live]
        self._dead_refs = 0

    def _terms(
        self, text: str, language: str | None = None, kind_words: tuple[str, ...] = ()
    ) -> tuple[str, ...]:
        # Detected once here, not again by ``analyze``: every text of every fact comes here.
        read_as = language or detect(text)
        analyzed = self.analyzer.analyze(text, remember=False, language=read_as)
        if kind_words:
            analyzed = tuple(item for item in analyzed if item[2] not in kind_words)
        specificity = self._specificity
        surface = self._surface
        other = read_as != "en"
        languages = self._term_languages
        bit = _LANGUAGE_BITS.get(read_as, _ENGLISH_BIT)
        for term, spec, word in analyzed:
            indexed = specificity.get(term)
            if indexed is None or spec > indexed:
                specificity[term] = spec
            if other:
                # A term indexed before and not listed here came from English text.
                held = languages.get(term, _ENGLISH_BIT if indexed is not None else 0)
                languages[term] = held | bit
            elif term in languages:
                languages[term] |= _ENGLISH_BIT
            if len(word) >= 4 and word.isalpha():
                if word not in surface:
                    # Typos are corrected against the words as written ("inflauion" is close
                    # to "inflation", not to its stem "inflat"). Words are kept after their
                    # facts go: a correction to a term no fact has any more is simply not used.
                    surface[word] = term
                    self._vocabulary.setdefault((word[:1], len(word)), {})[word] = None
                if other:
                    self._other_words.add(word)
        out = [term for term, _, _ in analyzed]
        if language in (None, "en"):
            days = self.analyzer.days(text)
            for day in days:
                specificity[day] = DAY_SPECIFICITY
                if day in languages:
                    languages[day] |= _ENGLISH_BIT
            out.extend(days)
            for _, _, word in analyzed:
                coded = _CODED.fullmatch(word)
                if coded:
                    # "COP29", "MH17", "S-400" are said "cop 29", "the cop", "mh 17" too: the
                    # letters and the number each meet the fact as well.
                    spaced = f"{coded.group(1)} {coded.group(2)}"
                    for part, spec, _ in self.analyzer.analyze(spaced, remember=False):
                        if spec > specificity.get(part, 0.0):
                            specificity[part] = spec
                        if part in languages:
                            languages[part] |= _ENGLISH_BIT
                        out.append(part)
        return tuple(dict.fromkeys(out))

    def _build_entry(self, fact: Fact) -> IndexEntry:
        terms = self._terms
        questions = fact.questions
        taught = self._taught.get(fact.id)
        if taught:
            questions = (*questions, *(q for q in taught if q not in questions))
        own = fact.language
        # A phrasing's words that only name the kind of answer it asks ("old" in "how old is
        # he", "date" in "what date was the raid") are not what it is about, as in a question:
        # "his old terms" does not meet "how old is he".
        phrasings = [(terms(q, own, self._phrasing_kind_words(q, own)), q) for q in questions]
        # The id and the tags read like keyword queries ("prigozhin plane crash"), so each is
        # one more phrasing: apart, for the id is the curator's name for the fact, and a
        # question naming it should not be diluted by the tags; the answer and tags form the
        # answer field.
        phrasings.append((terms(fact.id.replace("-", " "), "en"), ""))
        if fact.tags:
            phrasings.append((terms(" ".join(fact.tags), "en"), ""))
        answer = terms(fact.answer, own) + terms(" ".join(fact.tags), "en")
        # Each translation is indexed with its own language's analyzer: a Russian question
        # meets the Russian phrasings, and names meet across scripts in their terms.
        for translation in fact.translations:
            language = translation.language
            phrasings.extend((terms(q, language), q) for q in translation.questions)
            answer += terms(translation.answer, language)
        answer_terms = tuple(dict.fromkeys(answer))
        self._mark_names(fact)
        english = fact.translation("en")
        roles: tuple[str, ...]
        if english is None:
            # Read by English rules, a Russian or Azerbaijani answer would seem to hold no
            # cause, person or count: what it holds is not known, so nothing is ruled out.
            kinds, roles = _ANY_KIND, ()
        else:
            kinds, roles = read_answer(english.answer, dated=fact.date is not None)
            if any(says_since(t.answer, t.language) for t in fact.translations):
                # "продолжает обостряться" where the English answer "keeps escalating".
                kinds |= int(Want.LATER)
        return IndexEntry(
            fact, tuple((ts, q) for ts, q in phrasings if ts), answer_terms, kinds, roles
        )

    def _phrasing_kind_words(self, question: str, language: str) -> tuple[str, ...]:
        """The words of an English phrasing that only name the kind of answer it asks."""
        if language != "en" or not _KIND_LEADS.search(question):
            return ()
        return kind_words(expand_chat(fold(question)).split())

    def _mark_names(self, fact: Fact) -> None:
        """Note the names a fact's answers write (words capitalised inside a sentence: "Turkey",
        "Турцией", "Türkiyə"): in a Russian or Azerbaijani question they weigh as names
        (``_NAME_SPECIFICITY``)."""
        answers = [(fact.language, fact.answer)]
        answers.extend((t.language, t.answer) for t in fact.translations)
        for language, text in answers:
            for name in _names_in(text):
                for term, _, _ in self.analyzer.analyze(name, remember=False, language=language):
                    self._names.add(term)

    # ----------------------------------------------------------------------- weighting
    def _idf(self, document_frequency: int) -> float:
        # BM25's idf: a word in nearly every fact (the knowledge base's own topic, such as
        # "azerbaijan") tells facts apart hardly at all. The floor keeps it from vanishing.
        n = len(self._entries)
        df = min(document_frequency, n)
        return max(0.05, math.log(1.0 + (n - df + 0.5) / (df + 0.5)))

    def _term_weight(self, term: str, names: bool = False) -> float:
        """Weight of an indexed term: rare in the fact base and topical in English; with
        ``names`` (a Russian or Azerbaijani question), a name weighs as one
        (``_NAME_SPECIFICITY``), else as any topical word."""
        if names and term in self._names:
            return self._idf(self._df.get(term, 0)) * _NAME_SPECIFICITY
        return self._idf(self._df.get(term, 0)) * self._specificity.get(term, 1.0)

    def _weights(self, names: bool) -> dict[str, float]:
        """The term weights known for the index as it stands (``names``: for a Russian or
        Azerbaijani question), to be filled in as terms are met."""
        if self._weights_revision != self.revision:
            self._weights_revision = self.revision
            self._term_weights = ({}, {})
        return self._term_weights[names]

    def _weight_of(self, terms: tuple[str, ...], weights: dict[str, float], names: bool) -> float:
        """The summed weight of ``terms``, those not in ``weights`` (``_weights``) added to it."""
        own = 0.0
        for term in terms:
            weight = weights.get(term)
            if weight is None:
                weight = weights[term] = self._term_weight(term, names)
            own += weight
        return own

    def _correct(
        self, term: str, anywhere: bool = True, kept: int = 0, other: bool = False
    ) -> tuple[str, float] | None:
        """The indexed term a misspelled word most likely means, with a confidence (with
        ``anywhere``, a typo in its first letter too; with ``kept``, only a word that starts
        with the same ``kept`` letters; with ``other``, a word of a Russian or Azerbaijani
        question, only a word the facts write in Russian or Azerbaijani, or a name)."""
        found = self._closest_word(term, anywhere)
        if found is None:
            return None
        if found[0][:kept] != term[:kept]:
            return None
        target = self._surface[found[0]]
        if other and found[0] not in self._other_words and target not in self._names:
            # Transliterated, a Russian word can look like an English one ("срач" is "srach",
            # near "reach"): a word is misspelled in its own language, and only names are
            # written across scripts.
            return None
        return (target, found[1]) if self._df.get(target) else None

    def _clipped(self, word: str) -> tuple[str, float] | None:
        """The indexed name a clipped word stands for ("yekat", "azer"): people shorten long
        names in chat. Only a word of four letters or more that starts the name, which is at
        least three letters longer; read with less confidence than a typo's correction. A word
        of three letters ("aze", "uzb") is read so only when every word it starts is that one
        name (in any of its spellings): three letters start too many words to guess among."""
        if len(word) < _CLIPPED_SHORTEST or not word.isalpha():
            return None
        words = self._sorted_vocabulary()
        whole: str | None = None
        best_df = 0
        # The most widely used of the words it starts, among the first few in order...
        start = bisect.bisect_left(words, word)
        started: set[str] = set()
        for candidate in words[start : start + 64]:
            if not candidate.startswith(word):
                break
            if len(candidate) >= len(word) + 3:
                term = self._surface[candidate]
                started.add(term)
                df = self._df.get(term, 0)
                if df > best_df:
                    whole, best_df = candidate, df
        if whole is None:
            return None
        target = self._surface[whole]
        if len(word) < 4 and (started != {target} or target not in self._names):
            return None
        elsewhere = self._elsewhere(started - {target}, target) if len(started) > 1 else 0
        if elsewhere * _CLIPPED_LEAD > best_df:
            # ...as long as it stands out: a word that starts words of other facts about as
            # much is their common root ("sakit" of "sakitləşəcək" in one fact and "sakitliyə"
            # in another), not a name cut short, and reading it as one of them is a guess.
            return None
        return target, 0.8

    def _demonym(self, word: str) -> tuple[str, float] | None:
        """The indexed place a people's or language's name comes from, or the reverse:
        "belarusian" of a fact that says "Belarus", "moldova" of one that says "Moldovan"."""
        if len(word) < 5 or not word.isalpha():
            return None
        forms: list[str] = []
        if word.endswith("ian"):
            forms += [word[:-3], word[:-1]]
        elif word.endswith(("an", "i")):
            forms.append(word[:-1])
        forms += [word + "n", word + "ian", word + "i"]
        df = self._df
        stem_of = self.analyzer.stem_of
        for form in forms:
            term = self.analyzer.canonical(stem_of(form))
            if term and df.get(term):
                return term, 0.8
        return None

    def _decade(self, word: str) -> tuple[str, float] | None:
        """The indexed year a decade stands for ("90s", "1990s" of a fact that says "in 1999"),
        the most widely held one of that decade; read with a clipped name's confidence. A
        bare "20s" or "10s" is more often an age or a count than a decade: left as it is."""
        match = _DECADE.fullmatch(word)
        if match is None:
            return None
        century, tens = match.groups()
        if century is None:
            if tens < "3":
                return None
            century = "19"
        years = (f"{century}{tens}{unit}" for unit in "0123456789")
        held = [(count, year) for year in years if (count := self._df.get(year, 0)) > 0]
        return (max(held)[1], 0.8) if held else None

    def _elsewhere(self, terms: set[str], target: str) -> int:
        """How many facts hold one of ``terms`` and not ``target``."""
        keys: set[int] = set()
        for term in terms:
            keys.update(self._postings.get(term, ()))
        keys.difference_update(self._postings.get(target, ()))
        return sum(1 for key in keys if key in self._entries)

    def _closest_word(self, term: str, anywhere: bool = True) -> tuple[str, float] | None:
        """The vocabulary word a misspelled one most likely is, with a confidence.

        Words with the same first letter are searched first (most typos keep it); failing
        that, words of about the same length with any first letter ("embassador",
        "ekaterinburg"), as long as there are few enough of them to stay fast.
        """
        if len(term) < 4 or term.isdigit():
            return None
        spread = 1 if len(term) < 7 else 2
        lengths = range(len(term) - spread, len(term) + spread + 1)
        first = term[:1]
        same_letter = [self._vocabulary.get((first, n)) for n in lengths]
        best = self._closest(term, [b for b in same_letter if b])
        if best is None and anywhere:
            others = [
                bucket
                for (letter, n), bucket in self._vocabulary.items()
                if letter != first and abs(n - len(term)) <= 1
            ]
            if sum(len(b) for b in others) <= self.settings.typo_fallback_words:
                best = self._closest(term, others)
        return best

    def _closest(self, term: str, buckets: list[dict[str, None]]) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for bucket in buckets:
            found = process.extractOne(
                term, bucket.keys(), scorer=fuzz.ratio, score_cutoff=self.settings.typo_cutoff
            )
            if found is not None and (best is None or found[1] > best[1]):
                best = (found[0], float(found[1]))
        return (best[0], best[1] / 100.0) if best else None

    def _query_terms(
        self, question: str, language: str, kind_words: tuple[str, ...] = ()
    ) -> list[QueryTerm]:
        """The question's terms with their weights and how sure their reading is; words that
        only name the kind of answer asked (``kind_words``: "date" in "what date") left out."""
        seen: set[str] = set()
        out: list[QueryTerm] = []
        named: _QuestionNames | None = None
        listed: frozenset[str] | None = None
        unknown_weight = self._idf(0) * self.settings.unknown_term_weight
        # In a Russian or Azerbaijani question a name is the surest evidence: it meets the
        # facts across scripts, while the other words, inflected or paraphrased, often miss
        # them, and their general frequency (of the inflected form) overrates them. English
        # questions keep their words' own weights.
        names = language != "en"
        analyzed = self.analyzer.analyze(question, language=language)
        if not names:
            days = self.analyzer.days(question)
            if days:
                analyzed += tuple((day, DAY_SPECIFICITY, day) for day in days)
        for term, spec, word in analyzed:
            if term in seen or word in kind_words:
                continue
            seen.add(term)
            df = self._df.get(term)
            if df is not None and names and self._foreign_only(term, word, language):
                # "sütunu" (column) stemmed "sut" is not the "суть" (essence) of a Russian
                # phrasing: an unknown word, kept apart so that it matches nothing.
                df, term = None, term + _FOREIGN_MARK
            if df is None and not names and word in SOFT_FILLER:
                continue  # "wait", "lowkey": a question's tone, where no fact uses the word
            if df is not None:
                if names and term in self._names:
                    spec = _NAME_SPECIFICITY  # a name the facts write
                out.append(QueryTerm(term, self._idf(df) * spec, 1.0))
                continue
            # An English word ("time", "peace") is spelled right; it just isn't in the facts.
            # A day of the year ("day-11-03") is no misspelling of another.
            misspelled = (
                english_frequency(word) < self.settings.typo_max_frequency and word[:1].isalpha()
            )
            if (
                names
                and self.analyzer.own_language_frequency(word)
                >= self.settings.typo_max_frequency_own
                and word not in self._surface
            ):
                # A Russian or Azerbaijani word common in its own language is spelled right
                # too ("пока" is no "показ"), unless a fact writes that very word, which its
                # language's stemmer cut otherwise (an English name, "Ilan", in a question
                # read as Azerbaijani).
                misspelled = False
            # A common Russian or Azerbaijani word keeps its first letter: read as another
            # form of a fact's word ("уступит" for "уступки"), never as a word it merely
            # rhymes with ("мнению" for "армению").
            anywhere = not self.analyzer.spelled_right(word)
            # A common Russian word is read as another form of a fact's word, not as a word
            # of another prefix ("привёл", led to, is no "провёл", carried out), nor another
            # word of the same prefix ("проходил", took place, is no "происходит", happens):
            # the fact's word starts with all of its stem but the last letter, which Snowball
            # cuts apart in some forms ("уступит" and "уступки"). Its stem as written: the
            # start the word shares with its term, which is the stem of its dictionary form
            # ("остаётся" is read as "оставаться"; "останется", will remain, is still near).
            kept = 0
            if language == "ru" and not anywhere:
                kept = max(_PREFIX, _shared_start(term, word) - 1)
            corrected = self._correct(word, anywhere, kept, names) if misspelled else None
            if corrected is None and misspelled:
                corrected = self._clipped(word)
            if corrected is None and language == "en":
                corrected = self._demonym(word) or self._decade(word)
            if corrected is not None and language == "az" and az_derived(term, corrected[0]):
                corrected = None  # "yaxın" (near) is not "yaxınlaş-" (draw near) misspelled
            if corrected is not None and corrected[0] not in seen:
                target, confidence = corrected
                seen.add(target)
                out.append(QueryTerm(target, self._term_weight(target, names), confidence))
                continue
            if names:
                if named is None:
                    named = self._question_names(question, language)
                elsewhere = self._named_elsewhere(term, word, named, language)
            else:
                if listed is None:
                    listed = self._listed_beside_named(question)
                elsewhere = word not in listed and self._country_elsewhere(term, word)
            # A very common word ("people", "get") says little about a topic either way.
            out.append(QueryTerm(term, unknown_weight * spec * spec, 0.0, elsewhere))
        return out

    def _foreign_only(self, term: str, word: str, language: str) -> bool:
        """Whether ``term``, read from ``word`` (transliterated) of a question in ``language``
        ("ru" or "az"), was indexed only from text in the other of the two, while the word is
        its own language's: their words transliterate into one alphabet, where unrelated stems
        meet by chance ("sütunu", column, and "суть", essence). A word the other language uses
        more is its loanword or typed transliteration ("mid" for "МИД", "komitet"), and meets
        that language's text; so do names and a synonym group's head (its members are listed
        in each language on purpose)."""
        held = self._term_languages.get(term)
        own_bits = _LANGUAGE_BITS.get(language, _ENGLISH_BIT) | _ENGLISH_BIT
        if held is None or held & own_bits or term in self._names:
            return False
        if self.analyzer.is_synonym_head(term):
            return False
        own = self.analyzer.own_language_frequency(word)
        if not own:
            return False  # a rare word or a typo: nothing says whose it is
        other = turkish_frequency(word) if language == "ru" else latin_russian.reading(word)[1]
        return own > other

    def _question_names(self, question: str, language: str) -> _QuestionNames:
        """The names a Russian or Azerbaijani question writes as names, and its words as
        written (``_QuestionNames``): read only for a question with a word no fact has."""
        capitalised = {
            term
            for name in _names_in(question)
            for term, _, _ in self.analyzer.analyze(name, language=language)
        }
        # An abbreviation ("США", "ABŞ") is a name wherever it stands, first word or not; not
        # one that chat spelling reads as the words it stands for ("ФСБ": a security service,
        # which a fact may call just that).
        for word in _WORD.findall(question):
            if len(word) > 1 and word.isupper():
                read = self.analyzer.analyze(word, language=language)
                if len(read) == 1:
                    capitalised.add(read[0][0])
        written: dict[str, str] = {}
        for word in other_tokens(question, language):
            written.setdefault(translit(word), word)
        listed = self._listed_countries(question, language)
        return _QuestionNames(frozenset(capitalised), written, listed)

    def _listed_countries(self, question: str, language: str) -> frozenset[str]:
        """The countries a Russian or Azerbaijani question lists beside a country the facts
        name, a comma between them (by their transliterations): a list of neighbours
        ("грузия, армения", "gürcüstan, ermənistan") is the scope of the question, which the
        facts may take as a whole, not another subject, as English reads its lists
        (``_listed_beside_named``). Without the comma two countries are as often the two
        sides of what is asked ("fransa ermənistanı dəstəkləyir": France supports Armenia)."""
        if "," not in question:
            return frozenset()
        chunks = [other_tokens(chunk, language) for chunk in question.split(",")]
        listed: set[str] = set()
        for before, after in itertools.pairwise(chunks):
            if not before or not after:
                continue
            pair = (before[-1], after[0])
            if not all(names_country(word, language) for word in pair):
                continue
            for word, other in (pair, pair[::-1]):
                if self._names_known_country(other, language):
                    listed.add(translit(word))
        return frozenset(listed)

    def _names_known_country(self, word: str, language: str) -> bool:
        """Whether a Russian or Azerbaijani ``word`` naming a country is read as a term the
        facts hold."""
        return any(
            term in self._df for term, _, _ in self.analyzer.analyze(word, language=language)
        )

    def _named_elsewhere(self, term: str, word: str, named: _QuestionNames, language: str) -> bool:
        """Whether a word of a Russian or Azerbaijani question that no fact has, nor any word
        like it, is a name (a country's, in any case form, or a word capitalised inside a
        sentence) or a year no fact is dated in: the question is about another place, person,
        body or time.

        An unknown word of such a question is more often a form of a fact's word that its
        stemmer did not meet, or a paraphrase, than a sign that the question is about something
        else; a name is neither. "Word like it": an indexed word starting with its first four
        letters, as a form or a misspelling of a fact's name would ("Екатеринбургом").
        """
        if term.isdigit():
            return self._year_elsewhere(term)
        if word in named.listed:
            return False
        if term not in named.capitalised and not names_country(
            named.written.get(word, ""), language
        ):
            return False
        if len(word) < _LIKE_LETTERS:
            return True  # an abbreviation ("ЕС", "США") or a short name ("Рим")
        return not any(self._indexed_starting(word[:_LIKE_LETTERS]))

    def _country_elsewhere(self, term: str, word: str) -> bool:
        """Whether a word of an English question that no fact has is a year no fact is dated
        in, or names a country no fact names, nor its people ("georgia", "georgians"): the
        question is about another country or time (``_named_elsewhere``).

        Only countries: English capitals mark the start of a sentence as often as a name, and
        chat leaves names in lower case, so a capitalised word is no sign. The facts name a
        country if a word of theirs starts with its name ("iranian" of "iran") or is of the
        same country ("ukrainian" of "ukraine", "chinese" of "china")."""
        if term.isdigit():
            return self._year_elsewhere(term)
        return self._names_other_country(word)

    def _names_other_country(self, word: str) -> bool:
        """Whether an English ``word`` names a country, or its people, that no fact names."""
        country = english_country(word)
        if country is None:
            return False
        return not any(
            indexed.startswith(country) or english_country(indexed) == country
            for indexed in self._indexed_starting(country[:_LIKE_LETTERS])
        )

    def _listed_beside_named(self, question: str) -> frozenset[str]:
        """The words of an English question written right beside a country the facts name (a
        comma at most between): a list of countries ("armenia, georgia, all of the region") is
        the scope of the question, which the facts may take as a whole, not another subject."""
        words = fold(question).split()
        named = [english_country(w) is not None and not self._names_other_country(w) for w in words]
        return frozenset(
            word
            for at, word in enumerate(words)
            if (at > 0 and named[at - 1]) or (at + 1 < len(words) and named[at + 1])
        )

    def _year_elsewhere(self, term: str) -> bool:
        return len(term) == 4 and int(term) in _YEARS and not self._dated_in(int(term))

    def _sorted_vocabulary(self) -> list[str]:
        """The indexed words as written, sorted (``_sorted_words``, made again once words were
        added)."""
        if len(self._sorted_words) != len(self._surface):
            self._sorted_words = sorted(self._surface)
        return self._sorted_words

    def _indexed_starting(self, start: str) -> Iterator[str]:
        """The indexed words starting with ``start``, in order."""
        words = self._sorted_vocabulary()
        for at in range(bisect.bisect_left(words, start), len(words)):
            if not words[at].startswith(start):
                break
            yield words[at]

    def _dated_in(self, year: int) -> bool:
        """Whether a fact is dated in ``year`` (its own date or its source's), though its text
        may not write the year: read again only after the facts change."""
        if self._years[0] != self.revision:
            days = (entry.fact.day() for entry in self._entries.values())
            self._years = (self.revision, frozenset(day.year for day in days if day is not None))
        return year in self._years[1]

    # --------------------------------------------------------------------------- asking
    def ask(
        self,
        question: str,
        *,
        limit: int = 5,
        guild_id: int | None = None,
        current: bool = True,
    ) -> AskResult:
        """Rank facts visible in ``guild_id`` (None: outside any server) for ``question``.

        With ``current``, a superseded fact gives way to its newest visible successor (see
        ``current_only``); without, every fact is ranked as it is (to find facts by id).
        """
        scored, asked = self._rank(question, guild_id, max(2, limit))
        if not scored:
            return AskResult(question, Decision.UNKNOWN)
        if current and self._successors:
            # A fact and the one that replaced it are one answer, not a near tie: the tie and
            # the lead are judged, and confidences given, among distinct answers.
            placed: set[str] = set()
            distinct = []
            for candidate in scored:
                newest = self.newest(candidate.entry.fact, guild_id).id
                if newest not in placed:
                    placed.add(newest)
                    distinct.append(candidate)
            if len(distinct) < len(scored):
                # Each answer's first candidate is the one ``current_only`` shows it by.
                self._calibrate(distinct[: max(2, limit)], asked)
        successors = current and bool(self._successors)
        # Only the matches returned are made, unless superseded ones may give way below.
        shown = scored if successors else scored[: max(1, limit)]
        matches = [
            Match(
                c.entry.fact,
                c.confidence,
                _phrasing_shown(c.entry.fact, c.question, asked.language),
            )
            for c in shown
        ]
        if successors:
            matches = self.current_only(matches, guild_id)
            scored = distinct
        return AskResult(question, self.decide(scored, asked), tuple(matches[: max(1, limit)]))

    def explain(
        self, question: str, *, guild_id: int | None = None
    ) -> tuple[list[Candidate], AskedQuestion]:
        """The scored candidates of ``question``, best first, with what was read from it (for
        benchmarks and calibration: the features behind each score); ``decide`` says what the
        bot does with them."""
        return self._rank(question, guild_id)

    def _rank(
        self, question: str, guild_id: int | None, calibrated: int | None = None
    ) -> tuple[list[Candidate], AskedQuestion]:
        """Candidates best first, the first ``calibrated`` (all: None) given confidences."""
        # Read once: the terms, the focus and the weight of names all depend on it.
        language = detect(question)
        focus = self.analyzer.focus(question, language)
        query = self._query_terms(question, language, focus.kind_words)
        context = self._context_terms(question, language)
        share = _CONTEXT_WEIGHT
        if not context and language == "en":
            context, share = self._clause_terms(question), _CLAUSE_WEIGHT
        if context:
            query = [
                QueryTerm(qt.term, qt.weight * share, qt.confidence, qt.elsewhere)
                if qt.term in context
                else qt
                for qt in query
            ]
        total = sum(qt.weight for qt in query)
        known = sum(qt.weight * qt.confidence for qt in query)
        bare = len(query) == focus.words
        # A name only a sentence of context has ("я из Казахстана") is not what is asked about.
        elsewhere = any(qt.elsewhere and qt.term not in context for qt in query)
        asked = AskedQuestion(
            focus,
            total,
            known / total if total > 0 else 0.0,
            len(query),
            query,
            bare,
            language,
            elsewhere,
            language == "en" and self._unknown_thing(question, query, context),
        )
        if not query or total <= 0.0:
            return [], asked
        breadth = self.settings.candidates * 2
        rough = self._candidates(query, guild_id, breadth)
        if not rough:
            return [], asked
        # What heapq.nlargest gives (ties in the order gathered), sorted in C: quicker for
        # the few hundred candidates of most questions and the thousands of a common word's.
        # The keys are sorted, not (key, score) pairs: only the shortlist's pairs are made.
        score_of = rough.__getitem__
        shortlist = [
            (key, score_of(key)) for key in sorted(rough, key=score_of, reverse=True)[:breadth]
        ]
        scored: list[Candidate] = []
        names = language != "en"
        weights = self._weights(names)
        pairs = [(qt.term, qt.weight * qt.confidence) for qt in query if qt.confidence > 0.0]
        related = self._related_terms(query)
        if language == "en" and self.settings.titled_share > 0.0:
            related = self._with_titled(related, query, shortlist)
        # Every neighbour at all: a phrasing holding none of them is passed over at once.
        related_any = frozenset().union(*(near for _, _, near in related))
        attribute_terms = self._attribute_terms(focus)
        counted_terms = self._counted_query(focus)
        if counted_terms:
            # What happened to the people counted ("injured"), like an attribute, must be in
            # the fact for its numbers to be that count.
            events = sorted(counted_terms & self._counted_events)
            attribute_terms += tuple((term,) for term in events)
        bm25 = self._bm25_query(query, pairs)
        # "How many russian citizens ...": whose people are counted.
        side = counted_side(question) if language == "en" and focus.countable else None
        for key, _ in shortlist:
            entry = self._entries[key]
            if not entry.fact.visible_in(guild_id):
                continue
            scored.append(
                self._score(
                    entry,
                    pairs,
                    total,
                    weights,
                    focus,
                    attribute_terms,
                    counted_terms,
                    names,
                    related,
                    related_any,
                    bm25=bm25,
                    side=side,
                )
            )
            if len(scored) >= self.settings.candidates:
                break
        if self.settings.semantic is not None and scored:
            self._semantic_blend(scored, question, language, self.settings.semantic)
        # A tie is broken by the share of the question the answer text itself says.
        scored.sort(key=lambda c: (-c.relevance, -c.answer, c.entry.fact.id))
        scored = stating_first(scored, self.settings)
        if focus.wants and self.settings.kind_window > 0.0:
            scored = kind_first(
                scored, focus, bm25.idf.keys(), self.analyzer, self.settings.kind_window
            )
        scored = worded_first(scored, question, bm25.idf.keys())
        scored = actor_first(scored, question, language, self.settings.kind_window)
        if focus.until:
            scored = bound_first(scored, self.settings.kind_window)
        scored = phrased_first(
            scored, functools.partial(self._asking_text, question, language), self.settings
        )
        if bare and len(query) <= self.settings.keyword_terms:
            scored = named_first(scored, asked, self.analyzer)
        self._calibrate(scored[:calibrated] if calibrated else scored, asked)
        return scored, asked

    def _semantic_blend(
        self, scored: list[Candidate], question: str, language: str, index: SemanticIndex
    ) -> None:
        """Give each candidate its semantic similarity to ``question``, and take from its
        relevance ``semantic_blend`` times how far it falls short of the closest candidate's:
        the closest keeps its relevance, so a question the words already answer well keeps
        its lead, while a sibling whose words match as well but whose meaning is further off
        falls behind."""
        vector = index.question(question)
        facts = [candidate.entry.fact for candidate in scored]
        for candidate, similarity in zip(
            scored, index.similarities(vector, facts, language), strict=True
        ):
            candidate.semantic = similarity
        blend = self.settings.semantic_blend
        if blend > 0.0:
            closest = max(candidate.semantic for candidate in scored)
            for candidate in scored:
                candidate.relevance = max(
                    0.0, candidate.relevance - blend * (closest - candidate.semantic)
                )

    def _unknown_thing(
        self, question: str, query: list[QueryTerm], context: AbstractSet[str]
    ) -> bool:
        """Whether a noun an English question asks about (``asked_things``: "the stadium",
        "the mayor") is a word no fact has, nor a misspelling or a close paraphrase of one
        (``related_words``): the question is about another thing than the facts that share
        its place, verb and question word, and none is answered outright. A sentence of
        context's nouns are not what is asked about."""
        if not self.settings.unknown_thing_guard:
            return False
        unknown = {qt.term for qt in query if qt.confidence == 0.0 and qt.term not in context}
        if len(unknown) != 1:
            return False
        things = asked_things(question)
        if not things:
            return False
        (term,) = unknown
        words = [w for t, _, w in self.analyzer.analyze(question) if t == term and w in things]
        if not words:
            return False
        if any(other in self._df for other in related_words().get(term, ())):
            return False
        # A word like a fact's ("turks" of "Turkey", "organisation" of "organization") is
        # another form of it, as ``_named_elsewhere`` reads a name.
        return not any(next(self._indexed_starting(word[:_LIKE_LETTERS]), None) for word in words)

    def _context_terms(self, question: str, language: str) -> frozenset[str]:
        """The terms only a message's sentences of context have, when it also has a sentence
        that asks ("is the internet down in almaty? my friend isnt answering": the friend and
        the answering are not what is asked about); none for a message of one sentence."""
        sentences = [part for part in _SENTENCE_END.split(question.strip()) if part]
        if len(sentences) < 2:
            return frozenset()
        asking: set[str] = set()
        telling: set[str] = set()
        for sentence in sentences:
            terms = {term for term, _, _ in self.analyzer.analyze(sentence, language=language)}
            (asking if _asks(sentence) else telling).update(terms)
        if not telling or asking.isdisjoint(self._df):
            # An asking sentence with no word the facts know ("is that true and why?") asks
            # about what the sentences before it told: they are the question's topic.
            return frozenset()
        return frozenset(telling - asking)

    def _clause_terms(self, question: str) -> frozenset[str]:
        """The terms only a trailing clause of time has ("... when armenia's cabinet backed the
        draft", "... once investigators had ruled"): it says when the thing asked about
        happened, and a sibling telling of that earlier event is not the answer. Read within a
        stretch between commas ("..., when did she first win" asks when); none when the
        question asks little before the clause."""
        split = _clause_split(question)
        if split is None:
            return frozenset()
        asked = set(self.analyzer.terms(split.asked))
        if not asked:
            return frozenset()
        return frozenset(self.analyzer.terms(split.clause)) - asked

    def _asking_text(self, question: str, language: str) -> str:
        """The part of a question that asks, which its form is read from (``phrased_first``):
        its asking sentences, when the others only tell (``_context_terms``); else, in
        English, what comes before a trailing clause of time (``_clause_terms``): "what did
        the union demand once the inspectors had cleared the mine" is asked as "what did the
        union demand", however like a sibling's "did the inspectors clear the mine" its
        scene reads."""
        if self._context_terms(question, language):
            sentences = _SENTENCE_END.split(question.strip())
            return " ".join(sentence for sentence in sentences if sentence and _asks(sentence))
        if language == "en":
            split = _clause_split(question)
            if split is not None and self.analyzer.terms(split.asked):
                return f"{split.earlier} {split.asked}"
        return question

    def _related_terms(self, query: list[QueryTerm]) -> list[_Related]:
        """The question's terms (as written, or unknown to the index; not typo corrections) with
        the share of their weight a paraphrase earns and their neighbours that facts hold.

        Only candidate scoring uses them, not candidate gathering: feeding the neighbours'
        postings into the gathering as well changed no tune figure, and gave off-topic
        questions candidates they had none of."""
        share = self.settings.related_share
        country_share = self.settings.country_share
        if share <= 0.0 and country_share <= 0.0:
            return []
        neighbours = related_words() if share > 0.0 else {}
        countries = self._country_terms() if country_share > 0.0 else {}
        df = self._df
        out: list[_Related] = []
        for qt in query:
            if qt.confidence not in (0.0, 1.0):
                continue
            same = countries.get(qt.term)
            if same:
                held = frozenset(term for term in same if term != qt.term and term in df)
                if held:
                    out.append(self._other_name(qt, held, country_share))
                continue
            near = neighbours.get(qt.term)
            if near:
                held = frozenset(term for term in near if term in df)
                if held:
                    out.append((qt.term, qt.weight * share, held))
        return out

    def _with_titled(
        self,
        related: list[_Related],
        query: list[QueryTerm],
        shortlist: list[tuple[int, float]],
    ) -> list[_Related]:
        """``related`` with, for each word of office the question holds ("the russian
        president"), the surnames the shortlisted facts' answers give that office ("President
        Vladimir Putin": ``focus.titled_people``): a sibling saying only "Putin said" then
        meets "president" too. Read from the shortlist, not the whole index: the person an
        office stands for is the one this question's story names by it."""
        offices = self._office_terms()
        asked = [qt for qt in query if qt.confidence == 1.0 and qt.term in offices]
        if not asked:
            return related
        wanted = {offices[qt.term] for qt in asked}
        named: dict[str, set[str]] = {}
        for key, _ in shortlist[: self.settings.candidates]:
            entry = self._entries.get(key)
            english = entry.fact.translation("en") if entry is not None else None
            if english is None:
                continue
            for role, surname in _titled(english.answer):
                if role in wanted:
                    named.setdefault(role, set()).update(self._english_terms(surname))
        if not named:
            return related
        out = list(related)
        share = self.settings.titled_share
        terms = {qt.term for qt in query}
        for qt in asked:
            if not terms.isdisjoint(named.get(offices[qt.term], ())):
                continue  # "could mirziyoyev remain president" asks of the office itself
            held = frozenset(
                term
                for term in named.get(offices[qt.term], ())
                if term != qt.term and term in self._df
            )
            if not held or any(term == qt.term for term, _, _ in related):
                continue  # a term with neighbours of its own keeps them alone
            out.append(self._other_name(qt, held, share))
        return out

    def _other_name(self, qt: QueryTerm, held: frozenset[str], share: float) -> _Related:
        """``qt`` to be met by ``held``, the terms of another name for what it names (its
        country's, the surname of the person in its office), earning ``share`` of the least
        weight of them all: meeting "Ukraine's" says no more than the word "ukraine" says (in
        a story about Ukraine, every fact has it, however rare "ukrainian" is)."""
        weight = min(qt.weight, *(self._term_weight(term) for term in held))
        return (qt.term, weight * share, held)

    def _english_terms(self, text: str) -> list[str]:
        """The terms of English ``text`` as this index's analyzer reads them (learning no word
        of it): how the words of office, countries and names the matcher knows of meet the
        index."""
        return [term for term, _, _ in self.analyzer.analyze(text, remember=False, language="en")]

    def _office_terms(self) -> dict[str, str]:
        """The term of each word of office (``focus.ROLE_WORDS``) as this analyzer reads it,
        with the word."""
        if self._offices is None:
            self._offices = {
                term: word for word in sorted(ROLE_WORDS) for term in self._english_terms(word)
            }
        return self._offices

    def _country_terms(self) -> dict[str, frozenset[str]]:
        """Each term of a word that stands for a country (``country_words``) with the terms of
        all the words that stand for it, read once by this index's analyzer (its synonym
        groups may make some of them one term already)."""
        if self._countries is None:
            table: dict[str, frozenset[str]] = {}
            for words in country_members().values():
                terms = frozenset(term for word in words for term in self._english_terms(word))
                for term in terms:
                    table.setdefault(term, terms)
            self._countries = table
        return self._countries

    def _attribute_terms(self, focus: Focus) -> tuple[tuple[str, ...], ...]:
        """Each attribute word of the question as the terms any one of which states it."""
        if not focus.attributes:
            return ()
        out = []
        for word in focus.attributes:
            terms = self.analyzer.terms(word)
            if terms:
                out.append(terms)
        return tuple(out)

    def _bm25_query(self, query: list[QueryTerm], pairs: list[tuple[str, float]]) -> _Bm25Query:
        """BM25's view of a question: each known term (``pairs``) weighed by its rarity alone
        (how typical a word is of English already weighs it in the rest of the relevance). The
        most a fact could score counts the words no fact has too, weighed as in the rest of the
        relevance (``unknown_term_weight`` of the rarest known word's): one known word among
        many unknown ones is little evidence."""
        idf = {term: self._idf(self._df.get(term, 0)) for term, _ in pairs}
        unknown = self.settings.unknown_term_weight * self._idf(1)
        total = sum(idf.get(qt.term, unknown) for qt in query)
        mean_size = self._live_refs / len(self._entries) if self._entries else 1.0
        return _Bm25Query(idf, total, mean_size)

    def _candidates(
        self, query: list[QueryTerm], guild_id: int | None, keep: int
    ) -> dict[int, float]:
        """Facts sharing terms with the query, with the summed weight of the shared terms;
        among them, all that can be the ``keep`` best.

        Rarest terms first: their postings are short and bring in the candidates. Once the
        budget of postings is spent, a more common term no longer brings in new candidates; its
        weight is added to the candidates that contain it by intersecting them with the term's
        key set (in C, however long the term's postings are). Before that, the candidates that
        cannot be among the ``keep`` best, whatever the terms still to come add, are dropped:
        a word in nearly every fact ("said") is then added to a few dozen candidates, not to
        the thousands a name brought in. A term so common that its own postings exceed the
        budget, and comes first, brings in only its most recent facts.
        """
        budget = self.settings.posting_budget
        rough: dict[int, float] = {}
        spent = 0
        matched = [qt for qt in query if qt.confidence > 0.0 and qt.term in self._postings]
        matched.sort(key=lambda qt: self._df.get(qt.term, 0))
        weights = [qt.weight * qt.confidence for qt in matched]
        shortlist = self._one_term_shortlist(matched, weights, guild_id, keep)
        if shortlist is not None:
            return shortlist
        # Candidates out of reach of the best are dropped only while weights only add.
        narrowing = min(weights, default=0.0) >= 0.0
        # The least score a candidate has: the weight of the term that brought it in, at least.
        least = math.inf
        # The candidates' keys as a set, while they stay the same: made from the dict's stored
        # hashes, it meets a key set without reading every key again.
        gathered: set[int] | None = None
        for index, qt in enumerate(matched):
            weight = weights[index]
            posting = self._postings[qt.term]
            if spent and spent + len(posting) > budget:
                ahead = sum(weights[index:])
                # The best can hold every term so far: unless that leads the least by more
                # than what is still to come, every candidate stays within reach.
                if (
                    narrowing
                    and len(rough) > _REACH_FROM * keep
                    and sum(weights[:index]) - ahead > least
                ):
                    size = len(rough)
                    rough = _within_reach(self._in_scope(rough, guild_id), keep, ahead)
                    if len(rough) != size:
                        gathered = None
                if gathered is None:
                    gathered = set(rough)
                for key in gathered & self._key_set(qt.term):
                    rough[key] += weight
                continue
            if len(posting) > budget:
                posting = posting[-budget:]
            spent += len(posting)
            least = min(least, weight)
            gathered = None
            if not rough:
                # The first term's facts: none gathered yet to meet them (the thousands of a
                # common first term are not looked up one by one in an empty dict).
                rough = dict.fromkeys(posting, weight)
                continue
            # Added in C: the facts already gathered keep their place (and add the weight),
            # new ones follow in the posting's order, as a loop adding key by key would do.
            held = {key: rough[key] for key in rough.keys() & posting}
            rough.update(dict.fromkeys(posting, weight))
            for key, earlier in held.items():
                rough[key] = earlier + weight
        return self._in_scope(rough, guild_id)

    def _one_term_shortlist(
        self, matched: list[QueryTerm], weights: list[float], guild_id: int | None, keep: int
    ) -> dict[int, float] | None:
        """What ``_candidates`` would give of its ``keep`` best, read from key bitmaps
        (``KeyBitmaps.shortlist``) when only the first (rarest) of the ``matched`` terms brings
        candidates in, more of them than narrowing (``_within_reach``) starts at: every later
        term's postings would overrun the budget the first one's spent. None otherwise.

        The gathering then gives each live fact of the first term's postings read, in this
        server, its weight plus each later term's it holds, added in the terms' order; keeps
        them in the postings' order (ascending keys); and drops only what cannot be among the
        ``keep`` best. The shortlist taken from it (its ``keep`` best, stably sorted) is the one
        this gives."""
        if not matched or len(matched) - 1 > MOST_LATER_TERMS:
            return None
        budget = self.settings.posting_budget
        posting = self._postings[matched[0].term]
        spent = min(len(posting), budget)
        if spent <= _REACH_FROM * keep:
            return None
        postings = self._postings
        if any(spent + len(postings[qt.term]) <= budget for qt in matched[1:]):
            return None
        # Their key sets (and so bitmaps) as the gathering would make them: every later term's,
        # and the first's if it is common enough to have one kept (an index read from a
        # snapshot makes them on first need).
        if self._df[matched[0].term] >= self._key_set_from:
            self._key_set(matched[0].term)
        for qt in matched[1:]:
            self._key_set(qt.term)
        return self._key_bitmaps.shortlist(
            (matched[0].term, weights[0]),
            posting[-spent],
            [(qt.term, weight) for qt, weight in zip(matched[1:], weights[1:], strict=True)],
            guild_id,
            keep,
        )

    def _in_scope(self, rough: dict[int, float], guild_id: int | None) -> dict[int, float]:
        """``rough`` without removed facts and other servers' facts."""
        if self._dead_refs:
            entries = self._entries
            for key in [key for key in rough if key not in entries]:
                del rough[key]
        if self._guild_of:
            # Other servers' facts must not crowd this server's answers out of the shortlist.
            scope = self._guild_of
            for key in [key for key in rough if scope.get(key, guild_id) != guild_id]:
                del rough[key]
        return rough

    def _score(
        self,
        entry: IndexEntry,
        query: list[tuple[str, float]],
        total: float,
        weights: dict[str, float],
        focus: Focus,
        attribute_terms: tuple[tuple[str, ...], ...],
        counted_terms: frozenset[str],
        names: bool = False,
        related: Sequence[_Related] = (),
        related_any: frozenset[str] = frozenset(),
        *,
        bm25: _Bm25Query,
        side: str | None = None,
    ) -> Candidate:
        """Score one candidate against the query's (term, weight) pairs; ``weights`` caches
        term weights (``_weights``); ``counted_terms`` are the terms of what
        a "how many" counts; ``names``: a Russian or Azerbaijani question, in which names weigh
        as such (``_NAME_SPECIFICITY``); ``related``: question terms a paraphrase stands in for,
        with the weight it earns and their neighbours (``_related_terms``), all of which
        ``related_any`` holds; ``bm25``: what BM25 needs of the question (``_bm25_query``);
        ``side``: the country whose people a "how many" counts (``counted_sides``)."""
        best_phrasing = 0.0
        best_question: str | None = None
        # An English question is scored against the fact's phrasings in other languages too
        # (names meet across scripts), but one of those matches by its names alone: it counts
        # a little less than the same match by a phrasing the asker could have written.
        # Read only once a phrasing would be the best so far: most candidates never need it.
        foreign: frozenset[str] | None = None
        # Question terms found only through a neighbour: they add to coverage, at a share of
        # their weight; they are not "matched", but the confidence model counts them among the
        # terms the fact has (``Candidate.paraphrased``).
        paraphrased: set[str] = set()
        # How many of its fields (phrasings, answer) hold each question term (BM25's frequency);
        # its keys are the question's terms found in the fact.
        frequency: dict[str, int] = {}
        get = frequency.get
        for terms, text in entry.phrasings:
            hit = 0.0
            for term, asked_weight in query:
                if term in terms:
                    hit += asked_weight
                    frequency[term] = get(term, 0) + 1
            if related and not related_any.isdisjoint(terms):
                for term, soft_weight, near in related:
                    if term not in terms and not near.isdisjoint(terms):
                        hit += soft_weight
                        paraphrased.add(term)
            if hit <= 0.0:
                continue
            own = 0.0
            try:
                for term in terms:
                    own += weights[term]
            except KeyError:
                own = self._weight_of(terms, weights, names)
            recall = hit / total
            precision = hit / own if own else 0.0
            if precision > 1.0:
                precision = 1.0
            # F-beta with beta=2: covering the question matters more than the phrasing's extras.
            f_score = 5 * precision * recall / (4 * precision + recall)
            if not names and f_score > best_phrasing:
                if foreign is None:
                    foreign = _foreign_phrasings(entry.fact)
                if text in foreign:
                    f_score *= _FOREIGN_PHRASING
            if f_score > best_phrasing:
                best_phrasing, best_question = f_score, text or None
        answer_terms = entry.answer_terms
        answer_hit = 0.0
        for term, asked_weight in query:
            if term in answer_terms:
                answer_hit += asked_weight
                frequency[term] = get(term, 0) + 1
        matched = frequency.keys()
        if related and not related_any.isdisjoint(answer_terms):
            for term, soft_weight, near in related:
                if term not in answer_terms and not near.isdisjoint(answer_terms):
                    answer_hit += soft_weight
                    paraphrased.add(term)
        whole_hit = sum([weight for term, weight in query if term in matched])
        if paraphrased:
            whole_hit += sum(w for term, w, _ in related if term in paraphrased - matched)
        whole = whole_hit / total
        # Half how well one phrasing says the question, half how much of the question the fact
        # covers anywhere: a question may take its words from several of a fact's phrasings
        # and its answer.
        relevance = 0.5 * (best_phrasing + whole)
        share = self.settings.bm25_share
        if frequency:
            # BM25 over the fact's fields, as a share of what a fact holding every question
            # term could score.
            norm = _BM25_K1 * (1.0 - _BM25_B + _BM25_B * entry.size / bm25.mean_size)
            score = 0.0
            for term, tf in frequency.items():
                weight = bm25.idf.get(term)
                if weight is not None:
                    score += weight * tf / (tf + norm)
            bm25_part = score / bm25.total
            relevance = (1.0 - share) * relevance + share * bm25_part
        else:
            bm25_part = 0.0
            relevance *= 1.0 - share
        candidate = Candidate(
            entry,
            relevance,
            best_question,
            best_phrasing,
            answer_hit / total,
            whole,
            whole_hit,
            bm25_part,
        )
        candidate.matched = matched
        if paraphrased:
            candidate.paraphrased = frozenset(paraphrased.difference(matched))
        wants = int(focus.wants)
        missing = wants & ~entry.kinds
        if wants:
            candidate.strict_miss = bool(missing & _STRICT)
            soft = missing & ~_STRICT
            # A cause, person or place told by the order of sentences ("... were killed, and
            # the president apologised") is not evident to the reading of the answer; a
            # phrasing its curator wrote asking for it (on the question's words) says it is
            # there.
            candidate.soft_miss = bool(soft) and not phrased_for(
                self.analyzer, entry, soft, bm25.idf.keys()
            )
        if attribute_terms:
            candidate.attribute_miss = any(
                not self._states(entry, alternatives, wants) for alternatives in attribute_terms
            )
        if focus.roles:
            candidate.role_miss = not any(
                role in entry.roles or self._names_thing(entry, role) for role in focus.roles
            )
        if counted_terms and not candidate.strict_miss and entry.kinds != _ANY_KIND:
            if focus.countable and not focus.wants & Want.MEASURE:
                counted = entry.tallied
                if counted is None:
                    counted = entry.tallied = self._counted_terms(entry, measures=False)
            else:
                counted = entry.counted
                if counted is None:
                    counted = entry.counted = self._counted_terms(entry)
            candidate.count_miss = counted.isdisjoint(counted_terms)
        if (
            side is not None
            and not (candidate.count_miss or candidate.strict_miss)
            and counts_other_side(entry.fact.answer, side)
        ):
            # Its numbers count another country's people: "how many russians" of a fact that
            # counts Azerbaijani men.
            candidate.count_miss = True

        if focus.dimension == "length":
            # "How long is the bridge": a span or a length ("19 km long") answers it.
            if candidate.strict_miss and not (missing & _STRICT & ~_DURATION):
                candidate.strict_miss = not self._states_measure(entry, "length")
        elif focus.dimension is not None and not candidate.strict_miss:
            # "How tall is the dam" of a fact whose only length is a distance ("60 km away").
            candidate.strict_miss = not self._states_measure(entry, focus.dimension)
        if (candidate.strict_miss or candidate.role_miss) and best_question:
            # The fact's own phrasing asks this very question: its curator says it answers.
            asked = self.analyzer.focus(best_question)
            if best_phrasing >= 0.75:
                strict = wants & _STRICT
                if int(asked.wants) & strict == strict:
                    candidate.strict_miss = False
                # The roles asked are alternatives ("who runs it": its head, chief, leader...),
                # as for ``role_miss``: the phrasing asking for one of them says it answers.
                if not set(focus.roles).isdisjoint(asked.roles):
                    candidate.role_miss = False
        if focus.happened_from is not None:
            written = _written_by(entry.fact)
            if written is not None and written < focus.happened_from:
                # Not undone by a phrasing asking alike: "who won the september election" of
                # a fact written in August, phrased "when is the election": it may say the
                # election is coming, never who won it.
                candidate.strict_miss = True
        if focus.happened_month is not None and not candidate.strict_miss:
            written = _written_by(entry.fact)
            english = entry.fact.translation("en")
            if (
                written is not None
                and written.month < focus.happened_month
                and english is not None
                and month_ahead(english.answer, focus.happened_month)
            ):
                # "Did putin end up visiting turkey in august" of a fact written in July that
                # says he was expected to in August: it cannot tell whether he did.
                candidate.strict_miss = True
        # Among facts that match alike (siblings of one article), the one holding what is
        # asked for comes first: "how many survived" prefers the fact with the toll.
        if candidate.blocked:
            candidate.relevance *= _BLOCKED_RANK
        elif candidate.soft_miss or candidate.count_miss:
            candidate.relevance *= _SOFT_MISS_RANK
        return candidate

    def _counted_query(self, focus: Focus) -> frozenset[str]:
        """The terms of what a count is asked of. When people are counted and a word saying
        what they did is in no fact ("how many ppl showed up", "how many people fled" of facts
        that say "rallied", "evacuated"), that word is the asker's paraphrase and cannot tell
        which fact counts them: the people are what is counted."""
        terms = frozenset(self.analyzer.terms(" ".join(focus.counted)))
        if not focus.counted_people:
            return terms
        unknown = frozenset(term for term in terms if term not in self._df)
        if not unknown:
            return terms
        return (terms - unknown) | frozenset(self.analyzer.terms("people"))

    @staticmethod
    def _names_thing(entry: IndexEntry, thing: str) -> bool:
        """Whether the fact's answer names ``thing``, a thing whose name is asked that is not a
        role or body read when indexing ("the name of the prison"); read now, for the few
        candidates of such a question. A fact with no English answer is not ruled out."""
        if is_named_role(thing):
            return False
        english = entry.fact.translation("en")
        return english is None or names_beside(english.answer, thing)

    @staticmethod
    def _states_measure(entry: IndexEntry, dimension: str) -> bool:
        """Whether the fact's answer states a measure of ``dimension`` (``measure_stated``);
        read now, for the few candidates of a question asking one. A fact with no English
        answer is not ruled out."""
        english = entry.fact.translation("en")
        return english is None or measure_stated(english.answer, dimension)

    def _states(self, entry: IndexEntry, alternatives: tuple[str, ...], wants: int) -> bool:
        """Whether the fact states an attribute asked for (one of ``alternatives``): its answer,
        tags or id hold it, or one of its questions that asks for what the question asks for
        (``wants``; any question, when it asks for nothing in particular). A question that only
        mentions the attribute is not the fact saying it: "was the dam built properly" does not
        make a fact on the dam's criminal case answer "in what year was the dam built"."""
        answer = entry.answer_terms
        if any(term in answer for term in alternatives):
            return True
        for terms, text in entry.phrasings:
            if any(term in terms for term in alternatives):
                if not wants or not text:
                    return True
                if int(self.analyzer.focus(text).wants) & wants:
                    return True
        return False

    def _counted_terms(self, entry: IndexEntry, *, measures: bool = True) -> frozenset[str]:
        """Terms beside the counts of a fact's answer (``measures``: its measures too), and what
        its own "how many" phrasings count (its curator says it holds that count)."""
        fact = entry.fact
        words = list(counted_words(fact.answer, measures=measures))
        for _, text in entry.phrasings:
            if text:
                asked = self.analyzer.focus(text)
                # Without measures, only a phrasing counting things ("how many"), not one
                # asking an amount ("how much territory").
                if asked.wants & Want.COUNT and (measures or asked.countable):
                    words.extend(asked.counted)
        return frozenset(self.analyzer.terms(" ".join(words)))

    def _calibrate(self, ranked: list[Candidate], asked: AskedQuestion) -> None:
        """Give each candidate its confidence: the chance that it is the answer, from a
        logistic model of its evidence (``calibration_features``) fitted on questions the
        matcher was tuned on (``bench/calibrate.py``). Confidences never rise down the list."""
        weights = self.settings.calibration
        semantic = self.settings.semantic is not None
        ceiling = 1.0
        for index, candidate in enumerate(ranked):
            z = weights[0]
            for weight, value in zip(
                weights[1:], calibration_features(ranked, asked, index), strict=True
            ):
                z += weight * value
            if semantic:
                z = self._semantic_odds(z, ranked, index)
            confidence = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            ceiling = candidate.confidence = min(ceiling, confidence)

    def _semantic_odds(self, z: float, ranked: list[Candidate], index: int) -> float:
        """The log-odds ``z`` of ``ranked[index]`` corrected by its semantic similarity and
        that similarity's lead over the best other candidate's (``semantic_calibration``)."""
        intercept, odds, similarity, lead = self.settings.semantic_calibration
        candidate = ranked[index]
        ahead = semantic_lead(ranked, index)
        return intercept + odds * z + similarity * candidate.semantic + lead * ahead

    def decide(self, ranked: list[Candidate], asked: AskedQuestion) -> Decision:
        """Whether the bot answers ``ranked[0]`` outright, offers ``ranked`` ("did you mean")
        or says it does not know, for the question read as ``asked``: the decision ``ask``
        returns. Over what ``explain`` gives it is ``ask``'s own decision, but where a fact
        and the one that replaced it are both ranked (``ask`` counts them as one answer).
        Public so that a benchmark which gives the candidates other confidences or another
        order learns what the bot itself would do, through every gate, not a copy of some."""
        if not ranked:
            return Decision.UNKNOWN
        settings = self.settings
        best = ranked[0]
        top = best.confidence
        runner_up = ranked[1].relevance if len(ranked) > 1 else 0.0
        # A name or a keyword alone ("yekaterinburg") with facts about it: answered when one
        # fact stands out, else its facts are offered; never "I don't know".
        keyword = (
            asked.bare
            and asked.terms <= settings.keyword_terms
            and asked.known >= 0.99
            and best.whole >= 0.99
        )
        shared = (
            keyword
            and len(ranked) > 1
            and ranked[1].whole >= 0.99
            and best.relevance - runner_up < settings.keyword_margin
        )
        if shared and top >= settings.answer_threshold and self._named_after(ranked, asked):
            # Of the facts that have the name, one is named after it ("yekaterinburg-raid"):
            # its curator says that is what the name is about.
            return Decision.ANSWER
        if (
            top >= settings.answer_threshold
            and not asked.elsewhere
            and not asked.unknown_thing
            and not self._phrasing_word_only(best, asked)
            and (clear_lead(ranked, settings) or self._kind_lead(ranked, asked))
            and best.whole >= settings.coverage_needed(asked.language)
            and not best.blocked
            and not shared
        ):
            return Decision.ANSWER
        if top >= settings.suggest_threshold or keyword:
            return Decision.SUGGEST
        if best.blocked and best.whole >= settings.offer_coverage:
            # The fact is about what was asked but lacks the thing asked for ("the population
            # of nakhchivan", "has the envoy gone back yet"): offered, not a flat "don't know".
            return Decision.SUGGEST
        return Decision.UNKNOWN

    def _kind_lead(self, ranked: list[Candidate], asked: AskedQuestion) -> bool:
        """Whether a near tie is broken by the kind of question: the best fact, confident at
        ``kind_confidence`` or more, has a phrasing asking for what the question asks for ("how
        many", "why", "who", ...), and the runner-up, phrased often enough for its lack to
        tell (``KIND_PHRASINGS``), has none: of two siblings sharing the question's words,
        the curator wrote the question for one of them."""
        wants = int(asked.focus.wants & ORDERING)
        threshold = self.settings.kind_confidence
        if not wants or threshold > 1.0 or len(ranked) < 2 or ranked[0].confidence < threshold:
            return False
        runner_up = ranked[1].entry
        if len(runner_up.fact.questions) < KIND_PHRASINGS:
            return False
        terms = {qt.term for qt in asked.query if qt.confidence > 0.0}
        return phrased_for(self.analyzer, ranked[0].entry, wants, terms) and not phrased_for(
            self.analyzer, runner_up, wants, terms
        )

    def _phrasing_word_only(self, best: Candidate, asked: AskedQuestion) -> bool:
        """Whether the best fact matches an English question only through its questions, its
        answer saying next to none of it, while much of the question is words no fact has:
        "who won the 2024 nba finals" of a fact asked "what was the final score". The question
        is likely about something else that shares a word with a curator's question. Russian
        and Azerbaijani questions are left out: their inflected words often miss every fact
        however much on topic they are."""
        settings = self.settings
        return (
            asked.language == "en"
            and best.answer < settings.answer_text_floor
            and 1.0 - asked.known >= settings.unknown_share_ceiling
        )

    def _named_after(self, ranked: list[Candidate], asked: AskedQuestion) -> bool:
        """Whether the best fact is the only one of those holding a keyword question's words
        whose id names them all."""
        named = keyword_named(ranked, asked, self.analyzer)
        return len(named) == 1 and named[0] is ranked[0]

    # ---------------------------------------------------------------------- supersession
    # The views themselves are ``succession``'s; these read this index for it.
    def superseded_in(self, fact_id: str, guild_id: int | None) -> bool:
        """Whether a fact visible in ``guild_id`` replaces ``fact_id`` there."""
        return succession.superseded_in(fact_id, guild_id, self._successors, self.get)

    def newest(self, fact: Fact, guild_id: int | None) -> Fact:
        """The newest fact visible in ``guild_id`` that replaces ``fact`` (following chains),
        or ``fact`` itself when none does there."""
        return succession.newest(fact, guild_id, self._successors, self.get)

    def earlier(self, fact: Fact, guild_id: int | None, *, limit: int = 10) -> tuple[Fact, ...]:
        """The facts ``fact`` replaced, directly or down a chain, visible in ``guild_id``,
        newest first."""
        return succession.earlier(fact, guild_id, self.get, limit=limit)

    def current_only(self, ranked: list[Match], guild_id: int | None) -> list[Match]:
        """``ranked`` with each superseded fact replaced by its newest visible successor (see
        ``succession.current_only``)."""
        return succession.current_only(ranked, guild_id, self._successors, self.get)

    # ---------------------------------------------------------------------- autocomplete
    def complete(self, prefix: str, *, limit: int = 25, guild_id: int | None = None) -> list[str]:
        """Questions from the fact base that fit what someone has typed so far (``completion``).

        The last word may be half-typed ("why was the ambas"): it is completed to the most
        common indexed word it begins.
        """
        return completion.complete(
            prefix,
            ask=self.ask,
            facts=(entry.fact for entry in self._entries.values()),
            surface=self._surface,
            vocabulary=self._vocabulary,
            df=self._df,
            limit=limit,
            guild_id=guild_id,
        )
