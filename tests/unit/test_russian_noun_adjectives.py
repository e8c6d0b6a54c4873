"""A Russian noun no fact holds ("север", the north; "зимой", in winter) is read as the relational
adjective in "-н-" made from it that a fact holds in Russian ("северные", northern; "зимние")
(``QueryTerms._russian_adjective_of``): Snowball stems the two apart ("север", "северн"), and
``russian_adjectives`` reads an adjective in "-ный" as its noun only where the facts say the
noun, since a look-alike noun often means something else ("главный", main, is no "глава").
Only a question's noun that no fact holds is read so.

Every example is this file's own (the ferries of Makhachkala), never the knowledge's nor the
bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

NORTH = Fact(
    "ferries-north",
    "Northern ferry routes from Makhachkala are cancelled for the winter.",
    ("are the northern ferry routes running",),
    translations=(
        Translation(
            "ru",
            "Северные паромные рейсы из Махачкалы отменены.",
            ("ходят ли северные паромные рейсы",),
        ),
    ),
)
SOUTH = Fact(
    "ferries-south",
    "Southern ferry routes from Makhachkala run on schedule.",
    ("are the southern ferry routes running",),
    translations=(
        Translation(
            "ru",
            "Южные паромные рейсы из Махачкалы идут по расписанию.",
            ("ходят ли южные паромные рейсы",),
        ),
    ),
)


@pytest.fixture(scope="module")
def ferries() -> Matcher:
    return Matcher([NORTH, SOUTH], analyzer=Analyzer())


def test_a_question_naming_the_noun_gets_the_fact_with_its_adjective(ferries: Matcher) -> None:
    result = ferries.ask("паромы из махачкалы на север ходят?")
    assert result.best is not None and result.best.fact.id == "ferries-north"
    assert result.decision is Decision.ANSWER


@pytest.mark.parametrize("question", ["паромы из махачкалы на север ходят?", "na sever hodyat?"])
def test_the_noun_is_read_as_the_adjective_a_little_less_surely(
    ferries: Matcher, question: str
) -> None:
    _, asked = ferries.explain(question)
    read = {qt.term: qt.confidence for qt in asked.query}
    assert "sever" not in read
    assert 0.0 < read["severn"] < 1.0


def test_a_noun_whose_adjective_no_fact_holds_stays_unknown(ferries: Matcher) -> None:
    _, asked = ferries.explain("паромы из махачкалы на восток ходят?")
    assert all(qt.confidence == 0.0 for qt in asked.query if qt.term.startswith("vostok"))


MAIN_PIER = Fact(
    "ferries-main-pier",
    "The main pier of Makhachkala is closed for repairs.",
    ("is the main pier of makhachkala open",),
    translations=(
        Translation(
            "ru", "Главный причал Махачкалы закрыт на ремонт.", ("открыт ли главный причал",)
        ),
    ),
)


def test_a_noun_whose_look_alike_means_something_else_is_not_read_as_it() -> None:
    # "глава" (head) is no "главный" (main): the city's head is not asked about its main pier.
    pier = Matcher([MAIN_PIER, SOUTH], analyzer=Analyzer())
    result = pier.ask("что сказал глава махачкалы?")
    assert result.decision is not Decision.ANSWER
    _, asked = pier.explain("что сказал глава махачкалы?")
    assert "glavn" not in {qt.term for qt in asked.query}
