"""A long question whose fact holds many of its rarer words is answered although those words are a
small share of all it says (``coverage_bm25_lead``): coverage is a share of the question, BM25's
score grows with every word held. A short question meeting one word many facts share is not.

The facts and questions are this file's own: never the live knowledge nor the bench's data.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.answer_decision import COVERAGE
from bot.core.confidence import bm25_lead
from bot.core.matcher import Matcher
from bot.core.matcher_settings import MatcherSettings
from bot.core.models import Decision, Fact
from bot.core.text import Analyzer

FACTS = [
    Fact(
        "harbour-dredging",
        "The Lankaran harbour board began dredging the silted northern channel in May 2031 so "
        "that grain barges could dock again.",
        (
            "when did dredging start at lankaran harbour",
            "why is the lankaran harbour being dredged",
            "which channel is being dredged",
        ),
    ),
    Fact(
        "harbour-fees",
        "The Lankaran harbour board raised mooring fees by a fifth in 2031.",
        ("did lankaran harbour raise its fees", "how much are mooring fees at lankaran"),
    ),
    Fact(
        "ferry-route",
        "A ferry route from Lankaran to Astara opened in June 2031.",
        ("when did the lankaran ferry open", "where does the lankaran ferry go"),
    ),
    Fact(
        "fish-market",
        "The Lankaran fish market moved to a new hall by the harbour in 2030.",
        ("where is the lankaran fish market", "when did the fish market move"),
    ),
    Fact(
        "tea-harvest",
        "Tea growers near Lankaran picked a record harvest in 2031.",
        ("how was the tea harvest in lankaran", "was the lankaran tea harvest good"),
    ),
]

# Rambling: most of its words are in no fact, but the dredging fact holds the rare ones.
RAMBLING = (
    "my cousin the skipper grumbles constantly about shallow silted northern channel mud, "
    "insists grain barges anchor offshore forever, wondering whether anybody eventually "
    "started dredging properly"
)


def _matcher(settings: MatcherSettings | None = None) -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer(), settings=settings or MatcherSettings())


def test_a_long_question_whose_fact_holds_its_rare_words_is_answered() -> None:
    result = _matcher().ask(RAMBLING)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "harbour-dredging"


def test_without_the_lead_the_same_question_is_held_by_coverage() -> None:
    # The fact holds under the coverage asked for: only the BM25 lead lets it through.
    matcher = _matcher(replace(MatcherSettings(), coverage_bm25_lead=float("inf")))
    ranked, asked = matcher.explain(RAMBLING)
    assert ranked[0].whole < matcher.settings.minimum_coverage
    assert matcher.held_by(ranked, asked) == (COVERAGE,)
    assert matcher.ask(RAMBLING).decision is not Decision.ANSWER


def test_a_short_question_meeting_words_two_facts_share_is_held_by_coverage() -> None:
    # "harbour board" is in two facts: the best holds enough of the question for a lead to
    # count, but leads its rival by next to nothing, so even a setting a third of the default
    # leaves it held; measured against no rival, its own score would have let it through.
    question = "harbour board strike pickets"
    matcher = _matcher(replace(MatcherSettings(), coverage_bm25_lead=0.5))
    ranked, asked = matcher.explain(question)
    assert ranked[0].whole >= matcher.settings.minimum_coverage / 2
    assert ranked[0].bm25_score >= 0.5 > bm25_lead(ranked)
    assert COVERAGE in matcher.held_by(ranked, asked)
    shorter = ("harbour strike pickets", "did the 2031 olympics torch relay pass lankaran")
    for asked_too in (question, *shorter):
        assert _matcher().ask(asked_too).decision is not Decision.ANSWER, asked_too


def test_a_sliver_of_a_question_is_not_answered_however_far_it_leads() -> None:
    # One rare word of many leads BM25's runner-up, but the fact holds too little of it.
    matcher = _matcher(replace(MatcherSettings(), coverage_bm25_lead=0.0))
    ranked, asked = matcher.explain("glacier skiing resorts avalanche northern")
    assert ranked[0].whole < matcher.settings.minimum_coverage / 2
    assert COVERAGE in matcher.held_by(ranked, asked)


def test_a_lone_candidate_leads_by_its_whole_score() -> None:
    matcher = _matcher()
    ranked, _ = matcher.explain("astara")
    assert len(ranked) == 1
    assert bm25_lead(ranked) == ranked[0].bm25_score > 0.0
