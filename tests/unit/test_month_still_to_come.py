"""A question in the past tense about a month named without a year ("did the president end up
visiting in october") is not answered outright by a fact written earlier that year which names
that month as still to come ("is expected to visit in October"): it cannot tell whether it
happened (issue 11, point 2). A fact written after that month still answers."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.focus import question_focus
from bot.core.happened_when import month_ahead
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact

PLANNED = Fact(
    "tokayev-visit-planned",
    "Kazakhstan's president said on 12 September that he was expected to visit Bishkek in "
    "October to sign the water-sharing deal.",
    (
        "when will tokayev visit bishkek",
        "is tokayev going to bishkek",
        "will the water deal be signed in bishkek",
    ),
    date=dt.date(2025, 9, 12),
)
HAPPENED = Fact(
    "tokayev-visit-held",
    "Kazakhstan's president visited Bishkek on 14 October and signed the water-sharing deal there.",
    ("did tokayev visit bishkek", "when was the water deal signed"),
    date=dt.date(2025, 10, 14),
)
QUESTION = "did tokayev visit bishkek in october"


def test_a_fact_written_before_the_month_does_not_answer_what_happened_in_it() -> None:
    result = Matcher([PLANNED]).ask(QUESTION)
    assert result.decision is not Decision.ANSWER


def test_a_fact_written_after_the_month_answers() -> None:
    result = Matcher([PLANNED, HAPPENED]).ask(QUESTION)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "tokayev-visit-held"


@pytest.mark.parametrize(
    ("question", "month"),
    [
        ("did tokayev end up visiting bishkek in october", 10),
        ("was the deal signed in march", 3),
        # Not in the past tense, a year given, or "may", which is as often a verb.
        ("will tokayev visit in october", None),
        ("did tokayev visit in october 2024", None),
        ("did they meet in may", None),
        # No verb in the past tense: "united" is a name's, "hundred" a number.
        ("what about the united nations summit in october", None),
        ("hundred delegates in october", None),
    ],
)
def test_which_questions_ask_about_a_bare_month(question: str, month: int | None) -> None:
    assert question_focus(question.split()).happened_month == month


def test_a_month_with_its_year_is_not_still_to_come() -> None:
    assert month_ahead("He was expected in Bishkek in October.", 10)
    assert not month_ahead("He was in Bishkek in October 2024.", 10)
    assert not month_ahead("He arrived on 14 October 2024.", 10)


@pytest.mark.parametrize(
    ("question", "start"),
    [
        # "In october of 2024" names the year as surely as "in october 2024" does.
        ("did tokayev visit bishkek in october of 2024", dt.date(2024, 10, 1)),
        ("who won the vote in march of 2023", dt.date(2023, 3, 1)),
    ],
)
def test_a_month_of_a_year_is_that_month_of_that_year(question: str, start: dt.date) -> None:
    focus = question_focus(question.split())
    assert focus.happened_month is None
    assert focus.happened_from == start


@pytest.mark.parametrize(
    "answer",
    [
        "Herders blocked the Naryn road in October, the governor said on 20 January.",
        "The ferry sank in October and its captain was arrested.",
    ],
)
def test_a_month_told_in_the_past_is_the_one_before(answer: str) -> None:
    assert not month_ahead(answer, 10)


@pytest.mark.parametrize(
    "answer",
    [
        "The minister said the talks are in October.",
        "Officials said on 3 May the bridge would reopen in October.",
        "The vote was expected in October.",
    ],
)
def test_a_month_still_expected_is_ahead(answer: str) -> None:
    assert month_ahead(answer, 10)


BLOCKADE = Fact(
    "naryn-road-blockade",
    "Herders blocked the Naryn road in October over grazing fees, and the regional governor "
    "lifted the fees on 20 January.",
    ("who blocked the naryn road", "why did herders block the road", "were the fees lifted"),
    date=dt.date(2026, 1, 20),
)


def test_a_january_fact_about_the_october_before_answers() -> None:
    result = Matcher([BLOCKADE]).ask("did herders block the naryn road in october")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "naryn-road-blockade"


@pytest.mark.parametrize(
    "answer",
    [
        # Words that only end like a past form: a name, a number, a word after "the".
        "The United Nations water summit in October.",
        "A hundred delegates meet in Almaty in October.",
        "The disputed border talks in October.",
        # A semicolon ends a clause: the past tense of the first is not the second's.
        "Talks stalled in March; the summit is in October.",
    ],
)
def test_words_ending_like_a_past_verb_do_not_make_a_month_past(answer: str) -> None:
    assert month_ahead(answer, 10)


@pytest.mark.parametrize(
    "answer",
    [
        "The United Nations envoy arrived in Almaty in October.",
        "A hundred delegates walked out of the summit in October.",
        "The talks were postponed in October.",
        # After "that" or "those" an "-ed" word is as often a verb.
        "Mediators blame the talks that stalled in October.",
    ],
)
def test_a_past_verb_beside_such_words_still_tells(answer: str) -> None:
    assert not month_ahead(answer, 10)


SUMMIT = Fact(
    "almaty-water-summit",
    "A hundred delegates meet in Almaty in October for the United Nations water summit.",
    ("when is the almaty water summit", "who meets in almaty"),
    date=dt.date(2025, 9, 2),
)


def test_a_summit_announced_before_its_month_does_not_say_it_happened() -> None:
    result = Matcher([SUMMIT]).ask("did the delegates meet in almaty in october")
    assert result.decision is not Decision.ANSWER
