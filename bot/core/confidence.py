"""The matcher's confidence: whether its best candidate stands clear of the runner-up
(``clear_lead``), and what the chance that a candidate is the answer is computed from
(``calibration_features``, weighed by ``CALIBRATION`` in ``bot.core.matcher_settings``; with
the semantic re-ranker, also ``semantic_lead``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.core.candidates import AskedQuestion, Candidate
from bot.core.matcher_settings import MatcherSettings

# Relevance lead below which two candidates count as (nearly) tied.
_TIE = 0.05
# A phrasing's coverage at which it is the question word for word (``_exact``).
EXACT = 0.99


def _exact(ranked: Sequence[Candidate]) -> bool:
    """Whether the question is, word for word, one of the best fact's phrasings and of no other
    candidate's: its curator (or a moderator who taught it) says this fact answers it, so a
    sibling that merely has the same words is no tie ("что случилось в Екатеринбурге" against
    the overview's "что случилось вкратце")."""
    return ranked[0].phrasing >= EXACT and (len(ranked) < 2 or ranked[1].phrasing < EXACT)


# How the best candidate stands clear of the runner-up (``clearance``).
ALONE = "alone"  # no runner-up
MARGIN = "margin"  # a lead of ``answer_margin`` or more
WORD_FOR_WORD = "word for word"  # the question is one of its phrasings (``_exact``)
# Its answer says the question, the runner-up's does not (``dominates``).
STATES_IT = "states it"
# A reader's sign in the question tells it from the runner-up (``tie_break``).
TOLD_APART = "told apart"


def clearance(ranked: Sequence[Candidate], settings: MatcherSettings) -> str | None:
    """How the best candidate stands clear of the runner-up, so that it may be answered
    outright (None: it does not): it is alone; or it leads by ``answer_margin`` or more; or the
    question is one of its phrasings word for word (``_exact``); or, in a near tie, it
    dominates the runner-up: as well phrased and covered, and saying clearly more of the
    question in its answer (``answer_lead``); or, in a near tie, a qualifier or an overview
    request of the question tells it from this runner-up (``tie_break``). The first that
    holds, in that order."""
    if len(ranked) < 2:
        return ALONE
    best, runner_up = ranked[0], ranked[1]
    if best.relevance - runner_up.relevance >= settings.answer_margin:
        return MARGIN
    if _exact(ranked):
        return WORD_FOR_WORD
    if dominates(best, runner_up, settings):
        return STATES_IT
    if best.favoured_over == runner_up.entry.fact.id:
        return TOLD_APART
    return None


def clear_lead(ranked: Sequence[Candidate], settings: MatcherSettings) -> bool:
    """Whether the best candidate stands clear of the runner-up (``clearance``)."""
    return clearance(ranked, settings) is not None


def dominates(one: Candidate, other: Candidate, settings: MatcherSettings) -> bool:
    """Whether ``one`` is as well phrased and covered as ``other`` and says clearly more of
    the question in its answer (``answer_lead``): of two siblings sharing their wording, the
    one that states what is asked."""
    lead = settings.answer_lead
    return (
        lead > 0.0
        and one.answer - other.answer >= lead
        and one.phrasing >= other.phrasing
        and one.whole >= other.whole
    )


CALIBRATION_FEATURES = (
    "relevance",
    "margin",
    "whole",
    "phrasing",
    "known",
    "soft_miss",
    "blocked",
    "log_evidence",
    "terms_found",
    "tie",
    "count_miss",
    "sparse",
)


def calibration_features(
    ranked: list[Candidate], asked: AskedQuestion, index: int
) -> tuple[float, ...]:
    """What the confidence of ``ranked[index]`` is computed from (``CALIBRATION_FEATURES``):
    its relevance, its lead over the best other candidate, the share of the question's weight
    it covers, its best phrasing's coverage, the share of the question's weight the index knows,
    whether a cause/person/place asked for is not evident, whether it lacks what is asked for,
    the question's weight it holds (log), the share of the question's terms it has, in its own
    words or in others (``terms_found``), how nearly it ties with the best other candidate (1:
    a tie; 0: a lead of ``_TIE`` or more), whether its numbers count something other than what
    a "how many" asks of, and how sparsely it is phrased (one over its number of questions, at
    most a third: a drafted fact has two to four, a hand-written one five to ten, so a draft's
    best phrasing covers a question less for the same chance of being right; a fact of fewer
    than three counts as three, for the model was never fitted on fewer, and a member's
    one-question fact must not borrow confidence from beyond what it was fitted on)."""
    candidate = ranked[index]
    other = ranked[1 if index == 0 else 0].relevance if len(ranked) > 1 else 0.0
    return (
        candidate.relevance,
        candidate.relevance - other,
        candidate.whole,
        candidate.phrasing,
        asked.known,
        1.0 if candidate.soft_miss else 0.0,
        1.0 if candidate.blocked else 0.0,
        math.log1p(candidate.evidence),
        terms_found(candidate, asked),
        max(0.0, 1.0 - abs(candidate.relevance - other) / _TIE),
        1.0 if candidate.count_miss else 0.0,
        1.0 / max(3, len(candidate.entry.fact.questions)),
    )


def terms_found(candidate: Candidate, asked: AskedQuestion) -> float:
    """The share of the question's terms the fact has, as written or in other words: a term it
    holds only through a tight thesaurus neighbour ("skipper" of a fact that says "captain"),
    another name of a country or the office of a person it names counts as one it has. Its
    weight in relevance stays a paraphrase's share (``related_share``), but a reader who says
    "skipper" for "captain" asks no less about that fact; counted as missing, such words held
    right first facts back as if the question were about something else. (Round 12, English
    older tune data: 10 more right outright, 2 more wrong; with each of the 28 sets left out,
    the other 27 chose counting them every time while a wrong answer costs up to three right
    ones; the fresh tune sets: 2 more right, none wrong.)"""
    if not asked.terms:
        return 0.0
    return (len(candidate.matched) + len(candidate.paraphrased)) / asked.terms


def semantic_lead(ranked: Sequence[Candidate], index: int) -> float:
    """How much closer in meaning ``ranked[index]`` is to the question than the closest other
    candidate (the semantic re-ranker's; 0 when it is the only one): a feature of its
    confidence, and of the fit of ``SEMANTIC_CALIBRATION``."""
    others = [c.semantic for i, c in enumerate(ranked) if i != index]
    return ranked[index].semantic - max(others) if others else 0.0


def bm25_lead(ranked: Sequence[Candidate], index: int = 0) -> float:
    """How far ``ranked[index]``'s raw BM25 score leads the best other candidate's (its own
    score when it is the only one): evidence that grows with every rare question word the fact
    holds and its rivals do not, whatever the question's length."""
    others = [c.bm25_score for i, c in enumerate(ranked) if i != index]
    return ranked[index].bm25_score - max(others, default=0.0)
