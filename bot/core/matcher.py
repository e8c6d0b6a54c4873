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

import datetime as dt
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core import completion, succession
from bot.core.candidate_gathering import CandidateGathering
from bot.core.candidates import AskedQuestion, Candidate, QueryTerm
from bot.core.confidence import calibration_features as calibration_features
from bot.core.confidence import clear_lead as clear_lead
from bot.core.confidence import semantic_lead as semantic_lead
from bot.core.counted_sides import counted_side, counts_other_side
from bot.core.fact_index import ANY_KIND
from bot.core.focus import (
    ORDERING,
    STRICT,
    Focus,
    Want,
    counted_words,
    is_named_role,
    month_ahead,
    names_beside,
)
from bot.core.index_entries import IndexEntry
from bot.core.language import detect
from bot.core.matcher_settings import MatcherSettings as MatcherSettings
from bot.core.measures import measure_stated
from bot.core.models import AskResult, Decision, Fact, Match
from bot.core.paraphrase_terms import ParaphraseTerms, Related
from bot.core.query_terms import QueryTerms
from bot.core.question_parts import CLAUSE_WEIGHT, CONTEXT_WEIGHT, QuestionParts
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

# How much a fact's relevance is scaled down for ranking when it lacks what the question asks
# for: a count, date, attribute or name (blocked), or a cause, person or place (soft).
_BLOCKED_RANK = 0.8
_STRICT = int(STRICT)
_DURATION = int(Want.DURATION)
_SOFT_MISS_RANK = 0.95


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


class Matcher(QueryTerms, QuestionParts, ParaphraseTerms, CandidateGathering):
    """Index of facts answering ``ask(question)`` with ranked, scored matches and a decision."""

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
        share = CONTEXT_WEIGHT
        if not context and language == "en":
            context, share = self._clause_terms(question), CLAUSE_WEIGHT
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
        if counted_terms and not candidate.strict_miss and entry.kinds != ANY_KIND:
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
