"""The confidence model's estimate (``bench/calibrate.py``) counts a question as answered
outright only when the bot would answer it: the matcher's own decision with the confidence in
question, so a question the bot holds back for another reason (it names a country no fact
names) is not counted as answered however sure the model is of it.

The facts are this file's own, never the live knowledge nor the bench's questions.
"""

from __future__ import annotations

from bench.calibrate import Example, gates_pass, outright
from bot.core.matcher import Matcher
from bot.core.models import Fact
from bot.core.text import Analyzer

FACTS = [
    Fact(
        "tram-line-opened",
        "A new tram line opened in Ganja in May, linking the railway station with the old town.",
        (
            "when did the ganja tram line open",
            "is there a tram in ganja",
            "what does the new tram in ganja connect",
        ),
    ),
    Fact(
        "market-rebuilt",
        "The covered market of Sheki reopened after two years of rebuilding with 300 stalls.",
        (
            "when did the sheki market reopen",
            "how many stalls does the sheki market have",
            "why was the sheki market closed",
        ),
    ),
]


def _gates(question: str, confidence: float) -> bool:
    matcher = Matcher(FACTS, analyzer=Analyzer())
    ranked, asked = matcher.explain(question)
    return gates_pass(matcher, ranked, asked, confidence)


def test_a_plain_match_passes_the_gates_when_confident() -> None:
    assert _gates("when did the tram line in ganja open", 1.0)


def test_a_question_held_back_for_naming_a_country_no_fact_names_never_passes() -> None:
    # The model may be sure of the tram fact, but the bot does not answer a question about
    # another country's tram outright; neither does the estimate count it as answered.
    question = "when did the tram line in france open"
    assert not _gates(question, 1.0)
    assert Matcher(FACTS, analyzer=Analyzer()).explain(question)[0][0].entry.fact.id == (
        "tram-line-opened"
    )


def _row(*, clear: bool, when_sure: bool, at_threshold: bool) -> Example:
    """A right answer, not blocked, whose gates were asked of a matcher."""
    return Example(
        "kb",
        "careful",
        "q",
        (),
        right=True,
        blocked=False,
        clear=clear,
        answered_when_sure=when_sure,
        answered_at_threshold=at_threshold,
    )


def test_a_confidence_below_the_threshold_is_never_answered() -> None:
    row = _row(clear=True, when_sure=True, at_threshold=True)
    assert not outright(row, 0.65, 0.7)
    assert outright(row, 0.75, 0.7)


def test_a_near_tie_broken_by_the_kind_of_question_needs_the_higher_confidence() -> None:
    # Answered at full confidence (its phrasing asks what is asked, the runner-up's does not),
    # not at one that only just passes the answer threshold.
    row = _row(clear=False, when_sure=True, at_threshold=False)
    assert outright(row, 0.9, 0.7)
    assert not outright(row, 0.75, 0.7)


def test_rows_not_asked_of_a_matcher_fall_back_to_the_gates_their_features_hold() -> None:
    blocked = Example("kb", "careful", "q", (), True, True, True)
    clear = Example("kb", "careful", "q", (), True, False, True)
    assert not outright(blocked, 0.99, 0.7)
    assert outright(clear, 0.99, 0.7)
