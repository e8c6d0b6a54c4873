"""Where the confidence decides: on the questions the gates let through. Such a question is
answered outright when its fact is the answer, and held back by the confidence alone when it is
on the topic but asks for something no fact says (offered, "did you mean"); a question on what
no fact covers stays unsure. Round 21 measured refits on only these questions
(``bench/results/calibrate.md``); whatever weights ship must keep this.

The facts and questions are this file's own, never the live knowledge nor the bench's data.
"""

from __future__ import annotations

from bench.calibrate import gates_pass
from bot.core.answer_decision import CONFIDENCE
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.text import Analyzer

FACTS = [
    Fact(
        "bridge-opened",
        "The new bridge over the Kura river in Mingachevir opened on 12 June after three "
        "years of building.",
        (
            "when did the new bridge in mingachevir open",
            "is the kura bridge in mingachevir open",
            "how long did it take to build the mingachevir bridge",
            "where is the new kura bridge",
        ),
    ),
    Fact(
        "bridge-cost",
        "The Mingachevir bridge cost 40 million manat, paid by the state road agency.",
        (
            "how much did the mingachevir bridge cost",
            "who paid for the new bridge in mingachevir",
            "what was the price of the kura bridge",
        ),
    ),
    Fact(
        "ferry-stopped",
        "The old car ferry across the Kura at Mingachevir stopped running once the bridge opened.",
        (
            "what happened to the mingachevir ferry",
            "does the car ferry across the kura still run",
            "why did the ferry at mingachevir stop",
        ),
    ),
]


def _matcher() -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer())


def test_a_right_answer_the_gates_let_through_is_confident_and_answered() -> None:
    matcher = _matcher()
    for question, fact in (
        ("when was the bridge in mingachevir opened", "bridge-opened"),
        ("what did the mingachevir bridge cost", "bridge-cost"),
    ):
        ranked, asked = matcher.explain(question)
        assert ranked[0].entry.fact.id == fact
        assert matcher.held_by(ranked, asked) == ()
        assert ranked[0].confidence >= 0.9
        assert matcher.ask(question).decision is Decision.ANSWER


def test_a_near_topic_question_the_gates_let_through_is_held_back_by_the_confidence() -> None:
    # Nothing says who designed the bridge. The question shares the bridge fact's words and
    # clears every gate; only the confidence keeps it from being answered, and it is offered.
    matcher = _matcher()
    question = "who designed the new bridge in mingachevir"
    ranked, asked = matcher.explain(question)
    assert gates_pass(matcher, ranked, asked, 1.0)
    assert matcher.held_by(ranked, asked) == (CONFIDENCE,)
    assert ranked[0].confidence < matcher.settings.answer_threshold
    assert matcher.ask(question).decision is Decision.SUGGEST


def test_a_question_about_what_no_fact_covers_stays_unsure() -> None:
    matcher = _matcher()
    for question in (
        "how many lanes does the mingachevir bridge have",
        "is the mingachevir bridge closed for repairs",
    ):
        ranked, _ = matcher.explain(question)
        assert ranked[0].confidence < matcher.settings.suggest_threshold
        assert matcher.ask(question).decision is Decision.UNKNOWN
