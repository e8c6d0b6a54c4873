"""Russian words read by their dictionary form (pymorphy3): a question's inflected word meets
the fact's other form of it where Snowball's suffix rules split them ("людей" and "человек",
"дня" and "день", "НАТО" and "NATO"), while a typo, a name the dictionary lacks and Russian
typed in Latin letters still match as they did.

The facts and questions are this file's own (a warehouse fire, a summit, a flood), never the
seed knowledge's nor the bench's.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.other_stems import stem_in
from bot.core.russian_lemmas import lemma
from bot.core.text import Analyzer


def _fact(
    fact_id: str, answer: str, asked: str, russian: str = "", russian_asked: str = ""
) -> Fact:
    translations = (Translation("ru", russian, (russian_asked,)),) if russian else ()
    return Fact(fact_id, answer, (asked,), translations=translations)


FIRE = [
    _fact(
        "fire-deaths",
        "One man died in the warehouse fire in Samara.",
        "did anyone die in the fire",
        "При пожаре на складе в Самаре умер один человек.",
        "погиб ли кто-то при пожаре",
    ),
    _fact(
        "fire-damage",
        "The warehouse fire in Samara destroyed a hundred tonnes of grain.",
        "what did the fire destroy",
        "Пожар на складе в Самаре уничтожил сто тонн зерна.",
        "что уничтожил пожар",
    ),
]

# English facts alone: a Russian question meets them through its words' transliteration.
ENGLISH = [
    _fact("summit-venue", "The NATO summit will take place in Vilnius in July.", "nato summit"),
    _fact(
        "minister-visit",
        "Sergei Lavrov visited Yerevan to discuss the peace treaty.",
        "lavrov in yerevan",
    ),
    _fact(
        "pm-statement",
        "Nikol Pashinyan said the border talks would resume in spring.",
        "pashinyan on border talks",
    ),
    _fact("flood-toll", "Twelve people died in the floods in Orenburg.", "orenburg floods"),
]


def _matcher(facts: list[Fact]) -> Matcher:
    return Matcher(facts, analyzer=Analyzer())


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("посла", "посол"),  # the fleeting vowel
        ("дня", "день"),
        ("людей", "человек"),  # another stem altogether
        ("лучше", "хороший"),
    ],
)
def test_forms_snowball_splits_meet_in_their_dictionary_form(one: str, other: str) -> None:
    assert stem_in(one, "ru") == stem_in(other, "ru")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("вернулись", "вернули"),  # the reflexive and the plain verb
        ("официально", "официальный"),  # the adverb and its adjective
        ("напряжённость", "напряжение"),
    ],
)
def test_related_words_meet_in_the_stem_of_their_dictionary_forms(one: str, other: str) -> None:
    # The dictionary forms differ; Snowball's stem of each is the same.
    assert stem_in(one, "ru") == stem_in(other, "ru")


def test_a_name_is_its_dictionary_form_whole_as_english_writes_it() -> None:
    # Snowball would cut "лавров" to "лавр" and "нато" to "нат", away from "Lavrov", "NATO".
    assert stem_in("лаврова", "ru") == stem_in("лавров", "ru") == "лавров"
    assert stem_in("нато", "ru") == "нато"


def test_an_archaic_reading_gives_way_to_todays_word() -> None:
    # "суть" in a news question is the gist, not the Church Slavonic "are" of "быть".
    assert lemma("суть") == ("суть", False)
    assert stem_in("суть", "ru") != stem_in("быть", "ru")


def test_a_verb_form_keeps_its_snowball_stem() -> None:
    # Snowball stems a participle as its verb: "задержанных" meets "задержали", as it did.
    assert lemma("задержанных") is None
    assert stem_in("задержанных", "ru") == stem_in("задержали", "ru")


def test_a_word_the_dictionary_lacks_keeps_its_snowball_stem() -> None:
    assert lemma("наводненее") is None  # a typo: pymorphy only guesses
    assert stem_in("наводненее", "ru") == "наводнен"


def test_an_inflected_question_meets_the_fact_written_in_other_forms() -> None:
    # "людей" against the fact's "один человек": both facts share the fire,
    # the warehouse and Samara; the one on the death comes first and is answered.
    result = _matcher(FIRE).ask("сколько людей умерло при пожаре на складе в самаре")
    assert result.matches[0].fact.id == "fire-deaths"
    assert result.decision is Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("где пройдёт саммит НАТО", "summit-venue"),
        ("зачем лавров ездил в ереван", "minister-visit"),
        ("визит лаврова в ереван, зачем", "minister-visit"),
        # A name the dictionary lacks, in its genitive: the Snowball stem meets it still.
        ("что сказал пашинян о переговорах", "pm-statement"),
        # A typo and Russian typed in Latin letters.
        ("наводненее в оренбурге, сколько погибло", "flood-toll"),
        ("lavrov v erevane zachem", "minister-visit"),
    ],
)
def test_a_russian_question_meets_english_facts_by_their_names(
    question: str, expected: str
) -> None:
    result = _matcher(ENGLISH).ask(question)
    assert result.matches
    assert result.matches[0].fact.id == expected


def test_an_office_asked_in_any_case_form_asks_for_its_holder() -> None:
    # "послом", "главой": the office's holder is asked, as of "посол" and "глава".
    analyzer = Analyzer()
    assert analyzer.focus("кто стал послом в минске").roles
    assert analyzer.focus("кто стал главой комитета").roles
    assert not analyzer.focus("что было после выборов").roles


def test_a_synonym_phrase_with_a_name_meets_its_other_case_forms() -> None:
    # The phrase is matched by each word's stem as written ("москв"), which "Москве" starts
    # with, and not by the name's dictionary form ("москва"), which it does not.
    analyzer = Analyzer([("city hall", "мэрия Москвы")])
    (group,) = analyzer.terms("city hall")
    assert group in analyzer.terms("что решили в мэрии москвы")
    assert group in analyzer.terms("мэрия москвы что-то ответила?")


def test_a_word_of_letters_pymorphy_cannot_name_is_read_as_written() -> None:
    # pymorphy3 asks unicodedata for each letter's script; some letters have no name.
    assert lemma("ѐ𗀀") is None
    assert stem_in("ѐ𗀀", "ru")
