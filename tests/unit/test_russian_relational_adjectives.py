"""Issue 15: a Russian relational adjective is read as the noun or name it is made from
("карабахские" as "Карабах", "московские" as "Москва", "дипломатический" as "дипломат"), so a
question saying "of Moscow" with an adjective meets a fact that names Moscow; an adjective of
quality whose look-alike noun means something else ("главный", main; "глава", head) stays.

The facts and questions are this file's own, never the live knowledge nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Fact
from bot.core.other_stems import frequency_in, stem_in
from bot.core.russian_adjectives import noun_of
from bot.core.text import Analyzer


def _russian(word: str) -> float:
    return frequency_in(word, "ru")


@pytest.mark.parametrize(
    ("adjective", "noun"),
    [
        ("карабахские", "карабах"),
        ("московскими", "москва"),
        ("кремлёвский", "кремль"),
        ("бакинская", "баку"),
        ("грузинских", "грузия"),
        ("турецкие", "турция"),
        ("дипломатический", "дипломат"),  # not "дипломатика", the study of charters
        ("экономической", "экономика"),
        ("посольские", "посол"),
        ("газовый", "газ"),
    ],
)
def test_a_relational_adjective_is_read_as_its_noun(adjective: str, noun: str) -> None:
    assert noun_of(adjective, _russian) == noun
    assert stem_in(adjective, "ru") == stem_in(noun, "ru")


@pytest.mark.parametrize("word", ["главный", "нынешние", "жёсткие", "посол", "говорили"])
def test_other_words_are_left_as_they_are(word: str) -> None:
    assert noun_of(word, _russian) is None


def test_a_question_with_the_adjective_meets_an_english_fact_naming_the_place() -> None:
    facts = [
        Fact(
            "karabakh-talks",
            "Talks on Karabakh resumed in Geneva on Monday.",
            ("karabakh talks geneva",),
        ),
        Fact("grain-deal", "The grain deal was extended for two months.", ("grain deal",)),
    ]
    matcher = Matcher(facts, analyzer=Analyzer())
    ranked, _ = matcher.explain("возобновились ли карабахские переговоры в женеве")
    assert ranked[0].entry.fact.id == "karabakh-talks"
    assert "karabakh" in ranked[0].matched
