"""The drafts benchmark's edit rubric flags what a moderator would edit, and only that.

Every fact, question and headline here is written for these tests (an invented flood in the
Vardan valley and a port deal in Zelmar); none comes from the benchmark's stories.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bench.draft_rubric import date_problem, flags, question_problem, self_contained
from bot.core.models import Fact

TITLE = "Floods in Vardan valley kill four as Zelmar dam overflows"


@pytest.mark.parametrize(
    "question",
    [
        "what did the harbour master resign",  # a verb that takes no object
        "what did the mayor call",  # "called the plan reckless": the complement is lost
        "what did the rescuers put",  # "put the toll at four"
        "did the evacuation begin",  # only whether it happened
        "who entered into force for zelmar",  # who of a thing
        "what does its new charter extend",  # whose charter?
        "what did evening the coast guard count",  # a time word where the subject goes
        "when was the memorial held there",  # where is "there"?
        "when has the monitoring team patrolled the valley since",  # breaks off
        "when were four people died in the vardan floods",  # "were ... died"
    ],
)
def test_broken_or_unplaced_questions_are_flagged(question: str) -> None:
    assert question_problem(question) is not None


@pytest.mark.parametrize(
    "question",
    [
        "how many people have died in the vardan floods",  # flagged by the round 9 rubric
        "what did the mayor call the plan",
        "who put the toll at four",
        "when did the evacuation of the vardan valley begin",
        "is there a curfew in zelmar",
        "what did the harbour master say about the zelmar dam",
        "why did the zelmar dam overflow",
    ],
)
def test_plain_questions_pass(question: str) -> None:
    assert question_problem(question) is None


def test_a_fact_naming_no_one_is_not_self_contained() -> None:
    assert not self_contained("The warnings began in March, as soon as the dam filled.", TITLE)
    assert not self_contained("The same decree closed the coast road.", TITLE)
    assert not self_contained("Four people were killed in March.", TITLE)  # a month names nothing


def test_a_described_subject_needs_the_story_named_somewhere() -> None:
    # "The regional governor" says nothing of which story ... until the valley is named.
    assert not self_contained("The regional governor declared an emergency.", TITLE)
    named = "The regional governor declared an emergency in the Vardan valley."
    assert self_contained(named, TITLE)


def test_a_named_subject_after_an_anaphor_word_is_self_contained() -> None:
    lusk = "The government of Prime Minister Ana Lusk ordered an inquiry into the Zelmar dam."
    assert self_contained(lusk, TITLE)
    assert self_contained("Zelmar's port authority closed the harbour for two days.", TITLE)
    # a day written out by the drafter is no anaphor
    dated = "That evening (9 March 2031) the Zelmar dam overflowed."
    assert self_contained(dated, TITLE)
    assert not self_contained("That evening the dam overflowed.", TITLE)


def test_a_date_the_sentence_writes_is_right_and_one_it_does_not_is_wrong() -> None:
    published = dt.date(2031, 3, 14)
    sentence = "The dam overflowed on 9 March, the water agency said."
    assert not date_problem(dt.date(2031, 3, 9), "x", sentence, published, ())
    assert date_problem(dt.date(2031, 3, 2), "x", sentence, published, ())
    # ... unless the hand-written fact on the same point gives that day.
    assert not date_problem(dt.date(2031, 3, 2), "x", sentence, published, {"2031-03-02"})


def test_a_weekday_is_counted_back_from_publication() -> None:
    published = dt.date(2031, 3, 14)  # a Friday
    sentence = "Rescuers found two more bodies on Tuesday."
    assert not date_problem(dt.date(2031, 3, 11), "x", sentence, published, ())
    assert date_problem(dt.date(2031, 2, 11), "x", sentence, published, ())


def test_a_relative_day_left_in_an_undated_answer_is_flagged() -> None:
    sentence = "Rescuers found two more bodies on Tuesday."
    assert date_problem(None, sentence, sentence, dt.date(2031, 3, 14), ())
    resolved = "Rescuers found two more bodies on Tuesday 11 March 2031."
    assert not date_problem(None, resolved, sentence, dt.date(2031, 3, 14), ())


def test_that_day_may_be_any_day_the_article_writes() -> None:
    article = "The dam gave way on 9 March. Officials met that day."
    assert not date_problem(
        dt.date(2031, 3, 9), "x", "Officials met that day.", None, (), "", article
    )


def test_flags_of_a_clean_fact_and_of_a_set_up_fact() -> None:
    clean = Fact(
        "vardan-toll",
        "Four people died in the Vardan valley floods on 9 March 2031.",
        ("how many people died in the vardan floods", "when did the vardan floods happen"),
        date=dt.date(2031, 3, 9),
    )

    def flagged(restates: set[str]) -> list[str]:
        return flags(
            clean,
            restates=restates,
            sources=["Four people died in the floods on 9 March."],
            context="",
            article="",
            title=TITLE,
            published=dt.date(2031, 3, 14),
            hand_dates=(),
        )

    assert flagged({"toll"}) == []
    assert flagged(set()) == ["set-up"]
