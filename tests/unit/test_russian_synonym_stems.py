"""Issue 15 (round 12): a Russian synonym meets its own forms by its stem, not another noun
that Snowball happens to cut to the same stem ("место", place, and "месть", revenge; "виза"
and "визит"); and the clipped "чтоб" and the set phrase "идёт речь" say nothing of the topic.

Every example is this file's own (a ferry, visas, a port), never the knowledge's nor the
bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

GROUPS = [["revenge", "reprisal", "месть"], ["visit", "trip", "визит"]]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(GROUPS)


@pytest.mark.parametrize("word", ["месть", "мести", "местью", "визит", "визита", "визитом"])
def test_the_forms_of_a_russian_synonym_still_name_its_group(analyzer: Analyzer, word: str) -> None:
    english = "revenge" if word.startswith("мест") else "visit"
    assert analyzer.terms(word) == analyzer.terms(english)


@pytest.mark.parametrize(
    ("word", "group"),
    [("место", "revenge"), ("места", "revenge"), ("визы", "visit"), ("виза", "visit")],
)
def test_another_noun_of_the_same_stem_is_not_that_synonym(
    analyzer: Analyzer, word: str, group: str
) -> None:
    assert not set(analyzer.terms(group)) & set(analyzer.terms(word))


def test_a_question_about_visas_is_not_answered_with_a_visit() -> None:
    facts = [
        Fact(
            "mayor-visit",
            "The mayor called off his visit to the port city.",
            ("did the mayor visit the port",),
            translations=(
                Translation(
                    "ru",
                    "Мэр отменил визит в портовый город.",
                    ("мэр отменил визит", "приедет ли мэр в порт"),
                ),
            ),
        ),
        Fact(
            "visa-free-ferry",
            "Ferry passengers no longer need visas for a day in the port.",
            ("do ferry passengers need visas",),
            translations=(
                Translation(
                    "ru",
                    "Пассажирам парома больше не нужны визы на день в порту.",
                    ("нужны ли визы пассажирам парома",),
                ),
            ),
        ),
    ]
    matcher = Matcher(facts, analyzer=Analyzer(GROUPS))
    result = matcher.ask("визы для парома отменили?")
    assert result.matches and result.matches[0].fact.id == "visa-free-ferry"


@pytest.mark.parametrize(
    ("said", "plain"),
    [
        ("паром отменили, чтоб порт закрыть?", "паром отменили, порт закрыть?"),
        ("о каком пароме идёт речь", "о каком пароме"),
        ("о каком пароме идет речь", "о каком пароме"),
    ],
)
def test_the_clipped_so_that_and_it_is_about_say_nothing_of_the_topic(
    analyzer: Analyzer, said: str, plain: str
) -> None:
    assert analyzer.terms(said) == analyzer.terms(plain)


def test_a_speech_is_still_a_topic_when_no_one_says_it_is_about_something() -> None:
    facts = [
        Fact(
            "mayor-speech",
            "The mayor gave a speech at the reopened ferry terminal.",
            translations=(Translation("ru", "Мэр произнёс речь в обновлённом терминале."),),
        ),
    ]
    result = Matcher(facts, analyzer=Analyzer()).ask("речь мэра в терминале")
    assert result.decision is not Decision.UNKNOWN
    assert result.matches[0].fact.id == "mayor-speech"
