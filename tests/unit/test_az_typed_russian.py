"""A Russian word typed in Latin letters inside an Azerbaijani question is read as Russian
(``bot.core.az_typed_russian``): "iskra" is the "искра" (spark) of the trigger group, "koroche"
(in short) a Russian word of asking that weighs nothing. Read as Azerbaijani, each was a word
no fact has, and a question with one was only offered, or met nothing.

Every example is this file's own (protests in Ganja), never the knowledge's nor the bench's
questions.
"""

from __future__ import annotations

import pytest

from bot.core.az_typed_russian import typed_russian
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer


@pytest.mark.parametrize(
    ("word", "russian"),
    [("iskra", "искра"), ("koroche", "короче"), ("obstanovka", "обстановка")],
)
def test_a_russian_word_is_read_in_cyrillic(word: str, russian: str) -> None:
    assert typed_russian(word) == russian


@pytest.mark.parametrize(
    "word",
    [
        "etiraz",  # protest: the Azerbaijani lexicon lists it
        "etirazlarda",  # a listed noun with its endings
        "bardak",  # a glass in Turkish, whose words Azerbaijani typed plainly shares
        "fsb",  # an abbreviation meets the English facts as it is
        "moskvaya",  # a Russian name with an Azerbaijani ending (``az_russian_names``)
        "iskrada",  # "искрада" is no Russian word as written
        "gəncə",  # typed with Azerbaijani letters
    ],
)
def test_other_words_stay_azerbaijani(word: str) -> None:
    assert typed_russian(word) is None


def test_a_russian_word_of_asking_weighs_nothing() -> None:
    analyzer = Analyzer()
    words = [word for _, _, word in analyzer.analyze("koroche gencede ne olub", language="az")]
    assert "koroche" not in words


SYNONYMS = [("trigger", "spark", "искра")]
SPARK = Fact(
    "ganja-spark",
    "The arrest of a local blogger was the spark for the protests in Ganja.",
    ("what started the ganja protests",),
    translations=(
        Translation(
            "az",
            "Yerli bloqerin həbsi Gəncədəki etirazlara təkan verdi.",
            ("gəncə etirazları necə başladı",),
        ),
    ),
)
GOES_ON = Fact(
    "ganja-third-day",
    "The protests in Ganja went on for a third day outside the city hall.",
    ("are the ganja protests still going on",),
    translations=(
        Translation(
            "az",
            "Gəncədə etirazlar bələdiyyə binası qarşısında üçüncü gün davam etdi.",
            ("gəncədə etirazlar davam edir",),
        ),
    ),
)


@pytest.mark.parametrize("question", ["gence etirazlarinda iskra", "etirazlarda iskra kim idi"])
def test_the_spark_typed_in_russian_finds_the_fact_on_what_started_it(question: str) -> None:
    matcher = Matcher([SPARK, GOES_ON], analyzer=Analyzer(SYNONYMS))
    result = matcher.ask(question)
    assert result.best is not None and result.best.fact.id == "ganja-spark"
    assert result.decision is Decision.ANSWER
