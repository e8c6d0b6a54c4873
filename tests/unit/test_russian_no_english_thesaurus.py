"""A Russian word is not read through the English thesaurus its transliterated stem happens
to spell: "друг" (a friend) stems to "drug", which English relates to "medicine"."""

from __future__ import annotations

from bot.core.matcher import Decision, Matcher
from bot.core.models import Fact, Translation


def _fact(fact_id: str, answer: str, russian: str, russian_asked: str) -> Fact:
    return Fact(
        fact_id,
        answer,
        (answer.rstrip(".").lower(),),
        translations=(Translation("ru", russian, (russian_asked,)),),
    )


FACTS = [
    _fact(
        "free-medicine",
        "Medicine in Poti became free in May.",
        "Медицина в Поти стала бесплатной в мае.",
        "что стало с медициной в поти",
    ),
    _fact(
        "new-ferry",
        "A new ferry to Poti started in May.",
        "Новый паром в Поти начал ходить в мае.",
        "когда начал ходить паром в поти",
    ),
]


def test_a_friend_in_a_russian_question_is_not_offered_the_medicine_fact() -> None:
    result = Matcher(FACTS).ask("мой друг в поти, что там в мае?")
    assert result.decision is Decision.UNKNOWN


def test_an_english_question_still_reads_the_thesaurus() -> None:
    # "drugs" meets "medicine" through the thesaurus, enough to answer outright: the two facts
    # share every other word asked ("poti", "may").
    result = Matcher(FACTS).ask("what about drugs in poti in may")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "free-medicine"
