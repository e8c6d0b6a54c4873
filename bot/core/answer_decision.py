"""The decision on ranked candidates: each one's confidence (a logistic model of its evidence),
then whether the bot answers the best outright, offers them ("did you mean") or says it does not
know, through every gate an outright answer must pass."""

from __future__ import annotations

import math
from collections.abc import Iterator

from bot.core.candidates import AskedQuestion, Candidate
from bot.core.confidence import (
    bm25_lead,
    calibration_features,
    clear_lead,
    clearance,
    semantic_lead,
)
from bot.core.fact_index import FactIndex
from bot.core.models import Decision
from bot.core.sibling_order import KIND_PHRASINGS, keyword_named, phrased_for
from bot.core.wants import ORDERING

# The gates an outright answer must pass, by the names ``AnswerDecision.held_by`` gives them.
NO_MATCH = "no match"  # no fact shares a word with the question
CONFIDENCE = "confidence"  # under ``answer_threshold``
ELSEWHERE = "named elsewhere"  # a country, name or year no fact names
UNKNOWN_THING = "unknown thing"  # the noun asked about is in no fact
PHRASING_ONLY = "phrasing words only"  # met by a curator's questions, not the answer
NEAR_TIE = "near tie"  # no clear lead over the runner-up
COVERAGE = "coverage"  # the fact holds too little of the question's weight
BLOCKED = "blocked"  # it lacks what is asked for (a count, a date, an attribute, ...)
SHARED_KEYWORD = "shared keyword"  # a keyword alone, which other facts have as much
# Ways past a near tie besides those ``confidence.clearance`` names (``cleared_by``).
KIND_LEAD = "kind of question"  # the best is phrased for what is asked, the runner-up not
KEYWORD = "keyword"  # a keyword several facts share, one of them named after it
HELD_BY = (
    NO_MATCH,
    CONFIDENCE,
    ELSEWHERE,
    UNKNOWN_THING,
    PHRASING_ONLY,
    NEAR_TIE,
    COVERAGE,
    BLOCKED,
    SHARED_KEYWORD,
)


class AnswerDecision(FactIndex):
    """Confidences for ranked candidates and the decision on them (``decide``)."""

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
        # A name or a keyword alone ("yekaterinburg") with facts about it: answered when one
        # fact stands out, else its facts are offered; never "I don't know".
        keyword = self._keyword(ranked, asked)
        shared = keyword and self._keyword_tied(ranked)
        if shared and self._keyword_answered(ranked, asked):
            return Decision.ANSWER
        if next(self._gates_failed(ranked, asked, shared), None) is None:
            return Decision.ANSWER
        if top >= settings.suggest_threshold or keyword:
            return Decision.SUGGEST
        if best.blocked and best.whole >= settings.offer_coverage:
            # The fact is about what was asked but lacks the thing asked for ("the population
            # of nakhchivan", "has the envoy gone back yet"): offered, not a flat "don't know".
            return Decision.SUGGEST
        return Decision.UNKNOWN

    def _keyword(self, ranked: list[Candidate], asked: AskedQuestion) -> bool:
        """Whether the question is a name or a keyword alone, all of it in the best fact."""
        return (
            asked.bare
            and asked.terms <= self.settings.keyword_terms
            and asked.known >= 0.99
            and ranked[0].whole >= 0.99
        )

    def _keyword_tied(self, ranked: list[Candidate]) -> bool:
        """Whether a keyword question's words are all in the runner-up too, which the best
        does not lead by ``keyword_margin``: the facts about the name are offered."""
        return (
            len(ranked) > 1
            and ranked[1].whole >= 0.99
            and ranked[0].relevance - ranked[1].relevance < self.settings.keyword_margin
        )

    def _keyword_answered(self, ranked: list[Candidate], asked: AskedQuestion) -> bool:
        """Whether a keyword shared by several facts is answered all the same: confident, and
        one fact alone is named after it ("yekaterinburg-raid"), its curator saying that is
        what the name is about."""
        return ranked[0].confidence >= self.settings.answer_threshold and self._named_after(
            ranked, asked
        )

    def held_by(self, ranked: list[Candidate], asked: AskedQuestion) -> tuple[str, ...]:
        """Every gate that keeps ``ranked[0]`` from being answered outright (``HELD_BY``
        names them; none when it is answered): for a benchmark listing why a question whose
        right fact ranks first was held back, each reason it has, where ``decide`` stops at
        the first."""
        if not ranked:
            return (NO_MATCH,)
        shared = self._keyword(ranked, asked) and self._keyword_tied(ranked)
        if shared and self._keyword_answered(ranked, asked):
            return ()
        return tuple(self._gates_failed(ranked, asked, shared))

    def cleared_by(self, ranked: list[Candidate], asked: AskedQuestion) -> str | None:
        """How ``ranked[0]``, answered outright, got past a near tie with the runner-up
        (``confidence.clearance``'s names, ``KIND_LEAD`` when the kind of question broke the
        tie, ``KEYWORD`` for a keyword one fact is named after); None when it is not answered
        outright. For a benchmark telling which way the wrong answers given outright came
        through, as ``held_by`` tells what held the right ones back."""
        if self.decide(ranked, asked) is not Decision.ANSWER:
            return None
        if self._keyword(ranked, asked) and self._keyword_tied(ranked):
            return KEYWORD
        return clearance(ranked, self.settings) or KIND_LEAD

    def _gates_failed(
        self, ranked: list[Candidate], asked: AskedQuestion, shared: bool
    ) -> Iterator[str]:
        """The gates ``ranked[0]`` fails on its way to an outright answer, in the order
        ``decide`` checks them, lazily: ``decide`` needs only to know whether there is one."""
        settings = self.settings
        best = ranked[0]
        if best.confidence < settings.answer_threshold:
            yield CONFIDENCE
        if asked.elsewhere:
            yield ELSEWHERE
        if asked.unknown_thing:
            yield UNKNOWN_THING
        if self._phrasing_word_only(best, asked):
            yield PHRASING_ONLY
        if not (clear_lead(ranked, settings) or self._kind_lead(ranked, asked)):
            yield NEAR_TIE
        if not self._covered(ranked, asked):
            yield COVERAGE
        if best.blocked:
            yield BLOCKED
        if shared:
            yield SHARED_KEYWORD

    def _covered(self, ranked: list[Candidate], asked: AskedQuestion) -> bool:
        """Whether the best fact holds enough of the question to be answered outright: the
        share of its weight ``coverage_needed`` asks for; or, short of that but holding at
        least half of it, a BM25 lead over every other candidate of ``coverage_bm25_lead``
        (a long question whose fact holds many of its rarer words, where the share stays
        low). The half keeps a sliver of a question from being answered however rare it is."""
        needed = self.settings.coverage_needed(asked.language)
        whole = ranked[0].whole
        if whole >= needed:
            return True
        return whole >= needed / 2 and bm25_lead(ranked) >= self.settings.coverage_bm25_lead

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
