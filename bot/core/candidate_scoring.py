"""Scoring one candidate: a relevance in [0, 1] from how much of the question's weight the fact
covers, in one of its phrasings (whose own extra words count against it) and in its answer, with
BM25 over its fields; then whether it lacks what the question asks for (a count, a date, an
attribute, a name...), which ranks it lower and may keep it from being answered outright."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.answer_kinds import counted_words
from bot.core.candidates import Candidate, QueryTerm
from bot.core.counted_sides import counts_other_side
from bot.core.fact_index import ANY_KIND, FactIndex
from bot.core.focus import Focus
from bot.core.focus_words import ATTRIBUTE_STATED, BODY_WORDS, RESIDENTS
from bot.core.happened_when import month_ahead
from bot.core.index_entries import IndexEntry
from bot.core.measures import measure_stated
from bot.core.models import Fact
from bot.core.paraphrase_terms import Related
from bot.core.role_names import is_named_role, names_beside
from bot.core.semantic import SemanticIndex
from bot.core.sibling_order import phrased_for
from bot.core.wants import STRICT, Want

# How much a fact's relevance is scaled down for ranking when it lacks what the question asks
# for: a count, date, attribute or name (blocked), or a cause, person or place (soft).
_BLOCKED_RANK = 0.8
_STRICT = int(STRICT)
_DURATION = int(Want.DURATION)
_SOFT_MISS_RANK = 0.95
# Words for any body at all: "which organisation ran the inquiry" asks the name of whatever
# body did, and a fact naming a committee, a party or a company by its name gives it.
_ANY_BODY = frozenset(("organisation", "organization"))
# "How many times": the count of occurrences, which "twice" or "for the third time" states;
# a fact without the word counts something else, and its "how many" phrasing another thing.
_OCCURRENCES = "time"


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


def _written_before(fact: Fact, focus: Focus) -> bool:
    """Whether ``fact`` was written before what the question asks about happened, which it
    cannot tell: before the time asked of ("happened_from"), or in an earlier month than the
    one asked of while it says a thing was still to come then."""
    if focus.happened_from is not None:
        written = _written_by(fact)
        if written is not None and written < focus.happened_from:
            # Not undone by a phrasing asking alike: "who won the september election" of
            # a fact written in August, phrased "when is the election": it may say the
            # election is coming, never who won it.
            return True
    if focus.happened_month is not None:
        written = _written_by(fact)
        english = fact.translation("en")
        # "Did putin end up visiting turkey in august" of a fact written in July that says he
        # was expected to in August: it cannot tell whether he did.
        return (
            written is not None
            and written.month < focus.happened_month
            and english is not None
            and month_ahead(english.answer, focus.happened_month)
        )
    return False


# How a fact says how many people live somewhere (``RESIDENTS``), as written: "lives", which
# stems as "live" does, is how the dead are told ("twelve people lost their lives in ..."),
# never how many a town holds.
_RESIDENTS_SAID = re.compile(r"\b(?:population|inhabitants?|live|lived|living)\b", re.IGNORECASE)
# Share of its score a phrasing in another language keeps against an English question.
_FOREIGN_PHRASING = 0.95
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


class CandidateScoring(FactIndex):
    """A score for each shortlisted candidate (``_score``)."""

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
        related: Sequence[Related] = (),
        related_any: frozenset[str] = frozenset(),
        *,
        bm25: _Bm25Query,
        side: str | None = None,
    ) -> Candidate:
        """Score one candidate against the query's (term, weight) pairs; ``weights`` caches
        term weights (``_weights``); ``counted_terms`` are the terms of what
        a "how many" counts; ``names``: a Russian or Azerbaijani question, in which names weigh
        as such (``NAME_SPECIFICITY``); ``related``: question terms a paraphrase stands in for,
        with the weight it earns and their neighbours (``_related_terms``), all of which
        ``related_any`` holds; ``bm25``: what BM25 needs of the question (``_bm25_query``);
        ``side``: the country whose people a "how many" counts (``counted_sides``)."""
        # Question terms found only through a neighbour: they add to coverage, at a share of
        # their weight; they are not "matched", but the confidence model counts them among the
        # terms the fact has (``Candidate.paraphrased``).
        paraphrased: set[str] = set()
        # How many of its fields (phrasings, answer) hold each question term (BM25's frequency);
        # its keys are the question's terms found in the fact.
        frequency: dict[str, int] = {}
        best_phrasing, best_question = self._best_phrasing(
            entry, query, total, weights, names, related, related_any, paraphrased, frequency, bm25
        )
        candidate = self._covering(
            entry,
            query,
            total,
            related,
            related_any,
            paraphrased,
            frequency,
            (best_phrasing, best_question),
            bm25,
        )
        wants = int(focus.wants)
        self._mark_missing(candidate, entry, focus, wants, attribute_terms, counted_terms, bm25)
        if (
            side is not None
            and not (candidate.count_miss or candidate.strict_miss)
            and counts_other_side(entry.fact.answer, side)
        ):
            # Its numbers count another country's people: "how many russians" of a fact that
            # counts Azerbaijani men.
            candidate.count_miss = True

        if focus.dimension is not None:
            self._mark_measure_missing(candidate, entry, focus.dimension, wants)
        if (candidate.strict_miss or candidate.role_miss) and best_question:
            self._mark_phrased_for(candidate, focus, wants, best_question, best_phrasing)
        written_before = (
            focus.happened_from is not None or focus.happened_month is not None
        ) and _written_before(entry.fact, focus)
        if written_before:
            candidate.strict_miss = True
        # Among facts that match alike (siblings of one article), the one holding what is
        # asked for comes first: "how many survived" prefers the fact with the toll.
        if candidate.blocked:
            candidate.relevance *= _BLOCKED_RANK
        elif candidate.soft_miss or candidate.count_miss:
            candidate.relevance *= _SOFT_MISS_RANK
        if candidate.strict_miss and focus.ask_wants and not written_before:
            # A fact written before the event asked of answers neither ask of it: "who won
            # the september election and what did they promise" of one written in August.
            candidate.ask_held = not all(int(ask) & ~entry.kinds for ask in focus.ask_wants)
        return candidate

    def _best_phrasing(
        self,
        entry: IndexEntry,
        query: list[tuple[str, float]],
        total: float,
        weights: dict[str, float],
        names: bool,
        related: Sequence[Related],
        related_any: frozenset[str],
        paraphrased: set[str],
        frequency: dict[str, int],
        bm25: _Bm25Query,
    ) -> tuple[float, str | None]:
        """How well the fact's best phrasing says the question (F2 of its coverage of the
        question and the question's of it), and that phrasing (None: one of no text); each
        phrasing's question terms counted into ``frequency``, and those it holds only by a
        neighbour added to ``paraphrased``."""
        best_phrasing = 0.0
        best_question: str | None = None
        # An English question is scored against the fact's phrasings in other languages too
        # (names meet across scripts), but one of those matches by its names alone: it counts
        # a little less than the same match by a phrasing the asker could have written.
        # Read only once a phrasing would be the best so far: most candidates never need it.
        foreign: frozenset[str] | None = None
        get = frequency.get
        # The question's known terms (``query``'s): a phrasing holding none of them (most of a
        # candidate's: its id, its tags, its other questions) is passed over by one look in C.
        known = bm25.idf.keys()
        for terms, text in entry.phrasings:
            hit = 0.0
            if not known.isdisjoint(terms):
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
        return best_phrasing, best_question

    def _covering(
        self,
        entry: IndexEntry,
        query: list[tuple[str, float]],
        total: float,
        related: Sequence[Related],
        related_any: frozenset[str],
        paraphrased: set[str],
        frequency: dict[str, int],
        best: tuple[float, str | None],
        bm25: _Bm25Query,
    ) -> Candidate:
        """The candidate with its relevance: how well its best phrasing (``best``) says the
        question and how much of the question it covers anywhere, its answer too, mixed with
        its BM25 score; with the question's terms it holds (``frequency``'s, once its answer's
        are counted in) and those it holds only in other words."""
        best_phrasing, best_question = best
        get = frequency.get
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
        score = 0.0
        if frequency:
            # BM25 over the fact's fields, as a share of what a fact holding every question
            # term could score.
            norm = _BM25_K1 * (1.0 - _BM25_B + _BM25_B * entry.size / bm25.mean_size)
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
            score,
        )
        candidate.matched = matched
        if paraphrased:
            candidate.paraphrased = frozenset(paraphrased.difference(matched))
        return candidate

    def _mark_missing(
        self,
        candidate: Candidate,
        entry: IndexEntry,
        focus: Focus,
        wants: int,
        attribute_terms: tuple[tuple[str, ...], ...],
        counted_terms: frozenset[str],
        bm25: _Bm25Query,
    ) -> None:
        """Mark what the fact lacks of what the question asks for (``wants``): a count, date or
        the like (strict), a cause, person or place (soft), an attribute, a role's holder, or
        the things or people a "how many" counts."""
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
            if RESIDENTS in focus.attributes and not candidate.attribute_miss:
                candidate.attribute_miss = not self._states_residents(entry)
        if focus.roles:
            candidate.role_miss = not any(
                role in entry.roles
                or self._names_thing(entry, role)
                or (role in _ANY_BODY and not BODY_WORDS.isdisjoint(entry.roles))
                for role in focus.roles
            )
        if counted_terms and not candidate.strict_miss and entry.kinds != ANY_KIND:
            # A count of things ("how many ferries"), not of an amount ("how much territory").
            tallied = focus.countable and not focus.wants & Want.MEASURE
            if tallied:
                counted = entry.tallied
                if counted is None:
                    counted = entry.tallied = self._counted_terms(entry, measures=False)
            else:
                counted = entry.counted
                if counted is None:
                    counted = entry.counted = self._counted_terms(entry)
            candidate.count_miss = counted.isdisjoint(counted_terms) and not (
                self._count_paraphrased(entry, counted_terms, tallied=tallied)
            )

    def _mark_measure_missing(
        self, candidate: Candidate, entry: IndexEntry, dimension: str, wants: int
    ) -> None:
        """Mark a fact stating no measure of the ``dimension`` asked ("how tall", "how long")."""
        if dimension == "length":
            # "How long is the bridge": a span or a length ("19 km long") answers it.
            missing = wants & ~entry.kinds
            if candidate.strict_miss and not (missing & _STRICT & ~_DURATION):
                candidate.strict_miss = not self._states_measure(entry, "length")
        elif not candidate.strict_miss:
            # "How tall is the dam" of a fact whose only length is a distance ("60 km away").
            candidate.strict_miss = not self._states_measure(entry, dimension)

    def _mark_phrased_for(
        self,
        candidate: Candidate,
        focus: Focus,
        wants: int,
        best_question: str,
        best_phrasing: float,
    ) -> None:
        """Clear what a fact was marked as lacking when its own phrasing, matching closely,
        asks for it."""
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

    def _attribute_terms(self, focus: Focus) -> tuple[tuple[str, ...], ...]:
        """Each attribute word of the question as the terms any one of which states it."""
        if not focus.attributes:
            return ()
        out = []
        for word in focus.attributes:
            terms = self.analyzer.terms(ATTRIBUTE_STATED.get(word, word))
            if terms:
                out.append(terms)
        return tuple(out)

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

    @staticmethod
    def _states_residents(entry: IndexEntry) -> bool:
        """Whether the fact's answer, tags or phrasings say how many people live somewhere in
        words that cannot tell a death toll (``_RESIDENTS_SAID``). A fact with no English
        answer is not ruled out."""
        english = entry.fact.translation("en")
        if english is None:
            return True
        written = [english.answer, *entry.fact.tags, *(text for _, text in entry.phrasings)]
        return any(_RESIDENTS_SAID.search(text) for text in written)

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

    def _count_paraphrased(
        self, entry: IndexEntry, counted_terms: frozenset[str], *, tallied: bool
    ) -> bool:
        """Whether what is counted is asked in words the fact holds nowhere, of a fact its
        curator phrased as answering a count ("how many died ..."): "how many didn't survive",
        "how many souls were lost" are paraphrases whose absence cannot tell that its
        numbers count something else, which a word it holds away from its numbers does ("how many
        planes" of a fact naming the plane but counting the dead). ``tallied``: a count of
        things, which an amount's phrasing ("how much territory") does not answer."""
        if not entry.all_terms().isdisjoint(counted_terms) or _OCCURRENCES in counted_terms:
            return False
        for _, text in entry.phrasings:
            if text:
                asked = self.analyzer.focus(text)
                if asked.wants & Want.COUNT and (asked.countable or not tallied):
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
