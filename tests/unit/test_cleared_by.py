"""How an answer given outright got past a near tie with the runner-up (``Matcher.cleared_by``),
and the held-out bench's count of it for the wrong answers given outright: whoever works on
precision sees which way (a clear lead, the kind of question, a question that is a phrasing
word for word, ...) let the wrong answers through, as ``held_by`` shows what held right ones
back.

The facts and questions are this file's own, never the live knowledge nor the bench's data.
"""

from __future__ import annotations

from dataclasses import replace

from bench.heldout import KnowledgeBase, Outcome, Question, ask_newsdesk, failures
from bot.core.candidates import Candidate
from bot.core.confidence import (
    ALONE,
    MARGIN,
    STATES_IT,
    WORD_FOR_WORD,
    clearance,
)
from bot.core.index_entries import IndexEntry
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import Fact
from bot.core.text import Analyzer

BRIDGE_CLOSED = Fact(
    "bridge-closed",
    "The Kura bridge was closed for repairs in March.",
    ("when was the kura bridge closed", "why was the kura bridge closed"),
)
BRIDGE_SHUT = Fact(
    "bridge-shut",
    "The Kura bridge was shut to lorries in March.",
    ("when was the kura bridge shut to lorries", "is the kura bridge open to lorries"),
)
FACTS = [BRIDGE_CLOSED, BRIDGE_SHUT]


def _cleared(question: str) -> str | None:
    matcher = Matcher(FACTS, analyzer=Analyzer())
    ranked, asked = matcher.explain(question)
    return matcher.cleared_by(ranked, asked)


def test_an_answer_well_ahead_of_its_sibling_came_through_by_its_margin() -> None:
    assert _cleared("why was the kura bridge closed") == MARGIN


def test_a_question_not_answered_outright_came_through_no_way() -> None:
    # Both facts say as much about the bridge in March: a "did you mean", not an answer.
    assert _cleared("what happened to the kura bridge in march") is None


def _candidate(
    fact: Fact, relevance: float, *, phrasing: float = 0.5, answer: float = 0.5
) -> Candidate:
    phrasings = tuple(((question,), question) for question in fact.questions)
    return Candidate(IndexEntry(fact, phrasings, ()), relevance, None, phrasing, answer, 0.6, 1.0)


def test_each_way_past_a_near_tie_is_named_by_the_first_that_holds() -> None:
    settings = MatcherSettings()
    closed, shut = _candidate(BRIDGE_CLOSED, 0.6), _candidate(BRIDGE_SHUT, 0.5)
    assert clearance([closed], settings) == ALONE
    assert clearance([closed, shut], settings) == MARGIN
    tied = replace(shut, relevance=0.59)
    assert clearance([closed, tied], settings) is None
    # The question is one of the best fact's phrasings word for word, and no other's.
    assert clearance([replace(closed, phrasing=1.0), tied], settings) == WORD_FOR_WORD
    # Its answer says clearly more of the question than the runner-up's.
    assert clearance([replace(closed, answer=0.9), tied], settings) == STATES_IT


def test_the_bench_says_how_a_wrong_answer_given_outright_came_through() -> None:
    kb = KnowledgeBase("own", "stories", FACTS, ())
    # Labelled with the sibling: the bot's confident answer is the wrong fact.
    asked = Question("why was the kura bridge closed", "careful", "bridge-shut", "tune", "own")
    (outcome,) = ask_newsdesk(kb, [asked])
    assert outcome.outright and not outcome.right_first
    assert outcome.cleared == MARGIN
    listed = failures([outcome]).splitlines()
    assert "; past a near tie by margin" in listed[0]
    assert listed[-2].endswith("; past a near tie by margin 1; confidence 0.9 and over 1")
    # ...and, last, the answers given outright by their lead: this one won clearly and was wrong.
    assert listed[-1].startswith("  answered outright by lead over the runner-up: ")
    assert listed[-1].endswith(f" 0 of 1 right (confidence {outcome.confidence:.2f})")


def test_the_tally_counts_the_wrong_answers_by_way_and_confidence() -> None:
    question = Question("q", "careful", "right-fact", "tune", "own")
    outcomes = [
        Outcome(question, "own", "other", 0.95, 0.95, True, cleared=MARGIN),
        Outcome(question, "own", "other", 0.85, 0.85, True, cleared="kind of question"),
        Outcome(question, "own", "other", 0.75, 0.75, True, cleared=MARGIN),
        Outcome(question, "own", "right-fact", 0.99, 0.99, True),
    ]
    assert failures(outcomes).splitlines()[-1] == (
        "  wrong outright: 3 of 4 answered outright (wrong fact 3, near answered 0, "
        "off answered 0); past a near tie by margin 2, kind of question 1; "
        "confidence 0.9 and over 1, 0.8–0.9 1, under 0.8 1"
    )
