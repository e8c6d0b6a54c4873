"""A question asking for a sum of money in the words of pay ("how much did the miners earn",
"how much do they owe") or for how many people live in a place ("how many people live in the
town") is not answered outright by a fact that only counts the strikers or the dead of that
place (issue 11: a wrong answer given outright); the fact stating the pay or the population
is."""

from __future__ import annotations

import pytest

from bot.core.focus import question_focus
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.wants import Want

MINE_STRIKE = Fact(
    "tkibuli-strike",
    "About 600 miners at the Tkibuli coal mine in western Georgia walked out on 2 March over "
    "pay and safety, and 40 of them began a hunger strike a week later.",
    (
        "why did the tkibuli miners strike",
        "how many miners went on strike in tkibuli",
        "when did the tkibuli strike begin",
    ),
)
MINE_PAY = Fact(
    "tkibuli-pay",
    "Tkibuli miners earned about 900 lari a month before the strike; the union asked for "
    "1,300 lari.",
    ("what were the tkibuli miners paid", "what pay did the tkibuli union want"),
)


@pytest.mark.parametrize(
    "question",
    [
        "how much did the tkibuli miners earn a month",
        "how much were the tkibuli miners earning before the strike",
        "how much does the mine owe the tkibuli miners in wages",
        "how much was the fine",
    ],
)
def test_how_much_in_words_of_pay_asks_a_sum(question: str) -> None:
    assert question_focus(question.split()).wants & Want.MONEY


def test_how_much_earned_is_not_answered_by_a_head_count() -> None:
    result = Matcher([MINE_STRIKE]).ask("how much did the tkibuli miners earn a month")
    assert result.decision is not Decision.ANSWER


def test_how_much_earned_is_answered_by_the_fact_stating_the_pay() -> None:
    result = Matcher([MINE_STRIKE, MINE_PAY]).ask("how much did the tkibuli miners earn a month")
    assert result.best is not None and result.best.fact.id == "tkibuli-pay"


def test_how_much_of_a_thing_is_still_a_count() -> None:
    """Only words of pay ask for money: "how much coal" asks an amount of coal."""
    wants = question_focus("how much coal did the tkibuli miners dig".split()).wants
    assert wants & Want.COUNT and not wants & Want.MONEY


FLOOD_TOLL = Fact(
    "zugdidi-flood-toll",
    "Floods in Zugdidi on 9 May killed 7 people and left 30 people in hospital.",
    ("how many people died in the zugdidi flood", "what is the zugdidi flood death toll"),
)
TOWN_SIZE = Fact(
    "zugdidi-town",
    "About 42,000 people live in Zugdidi, the largest town of Samegrelo.",
    ("how big is zugdidi",),
)


@pytest.mark.parametrize(
    "question",
    [
        "how many people live in zugdidi",
        "how many people are living in zugdidi these days",
        "how many georgians live there",
    ],
)
def test_how_many_live_in_a_place_asks_its_population(question: str) -> None:
    assert question_focus(question.split()).attributes


@pytest.mark.parametrize(
    "question",
    ["how many people lost their lives in zugdidi", "how many people died in zugdidi"],
)
def test_lives_lost_ask_no_population(question: str) -> None:
    assert not question_focus(question.split()).attributes


def test_how_many_live_in_a_town_is_not_answered_by_its_death_toll() -> None:
    result = Matcher([FLOOD_TOLL]).ask("How many people live in Zugdidi?")
    assert result.decision is not Decision.ANSWER


def test_how_many_live_in_a_town_is_answered_by_the_fact_saying_so() -> None:
    result = Matcher([FLOOD_TOLL, TOWN_SIZE]).ask("How many people live in Zugdidi?")
    assert result.best is not None and result.best.fact.id == "zugdidi-town"
    assert result.decision is Decision.ANSWER


def test_the_death_toll_still_answers_how_many_died() -> None:
    result = Matcher([FLOOD_TOLL, TOWN_SIZE]).ask("how many people died in the zugdidi flood")
    assert result.best is not None and result.best.fact.id == "zugdidi-flood-toll"
    assert result.decision is Decision.ANSWER


def test_lives_lost_in_a_town_do_not_say_how_many_live_there() -> None:
    """ "Lost their lives" stems as "live" does: a toll told so is still no population."""
    toll = Fact(
        "zugdidi-landslide-toll",
        "Eleven people lost their lives when a landslide buried a street in Zugdidi in April.",
        ("how many people died in the zugdidi landslide",),
    )
    result = Matcher([toll]).ask("How many people live in Zugdidi?")
    assert result.decision is not Decision.ANSWER
