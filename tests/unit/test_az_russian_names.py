"""A Russian name written in Azerbaijani letters, with an Azerbaijani case ending, is read as the
Russian name it spells (``bot.core.az_russian_names``): "Peterburqdakı" (the one in Petersburg)
meets "Петербурге" and "Kemerovodakı" the English "Kemerovo". The Turkish stemmer that reads
the rest of Azerbaijani left such a name whole with its ending ("peterburqda") or cut it short
("yekaterinburqdak"), so a question naming the place met no fact on it.

Every example is this file's own (a mine, a train, a forum), never the knowledge's nor the
bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.az_russian_names import russian_name
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("peterburqda", "петербург"),  # "q" for "г", the locative
        ("peterburqdakı", "петербург"),  # "the one in"
        ("yekaterinburqdan", "екатеринбург"),  # a first "е" as "ye", the ablative
        ("kemerovoya", "кемерово"),  # the dative after a vowel
        ("xabarovskda", "хабаровск"),  # "x" for "х"
        ("volqoqradın", "волгоград"),  # the genitive
        ("novosibirskdəki", "новосибирск"),  # a front ending
        ("şoyqunun", "шойгу"),  # a surname: "ş", "y" for "й"
        ("bastrikinin", "бастрыкин"),  # typed plainly: "i" for "ı"
        ("eliyevin", "алиев"),  # a first "ə" (typed "e") for "а"
    ],
)
def test_a_russian_name_is_read_without_its_ending(word: str, name: str) -> None:
    assert russian_name(word) == name


@pytest.mark.parametrize(
    "word",
    [
        "verdi",  # gave: a word Turkish shares, no Verdi
        "arada",  # in between
        "mənə",  # to me: an "ə" inside a word is no "а" ("мана")
        "ordu",  # army: the Azerbaijani lexicon lists it
        "dilini",  # its language: "дилин" is no name general Russian writes
        "şaxtada",  # in the mine
        "bakıda",  # Baku is no Russian name spelled so
    ],
)
def test_an_azerbaijani_word_is_no_russian_name(word: str) -> None:
    assert russian_name(word) is None


def test_the_name_meets_its_russian_and_english_forms() -> None:
    analyzer = Analyzer()
    az = [term for term, _, _ in analyzer.analyze("Peterburqdakı forum", language="az")]
    ru = [term for term, _, _ in analyzer.analyze("форум в Петербурге", language="ru")]
    assert "peterburg" in az and "peterburg" in ru
    kemerovo = analyzer.analyze("Kemerovodakı şaxta", language="az")[0][0]
    assert kemerovo == analyzer.analyze("Kemerovo", language="en")[0][0]


def test_a_synonym_group_still_names_the_place() -> None:
    # The synonyms file lists the Azerbaijani spelling once; every form of it, and a spelling
    # it does not list ("Ekaterinburq"), is the group's.
    analyzer = Analyzer([("yekaterinburg", "ekaterinburg", "екатеринбург", "yekaterinburq")])
    for written in ("Yekaterinburqdakı", "Ekaterinburqda", "yekaterinburqun"):
        assert analyzer.analyze(written, language="az")[0][0] == "yekaterinburg"


MINE = Fact(
    "kemerovo-mine",
    "A methane blast killed four miners at a coal mine near Kemerovo on Monday.",
    ("what happened at the kemerovo mine",),
    translations=(
        Translation(
            "az",
            "Bazar ertəsi Kemerovo yaxınlığında kömür şaxtasında metan partlayışı dörd şaxtaçını"
            " öldürdü.",
            ("kemerovo şaxtasında nə baş verdi",),
        ),
    ),
)
FORUM = Fact(
    "petersburg-forum",
    "The economic forum in St Petersburg opened with fewer foreign guests than last year.",
    ("how did the petersburg forum go",),
    translations=(
        Translation(
            "ru",
            "Экономический форум в Петербурге открылся с меньшим числом иностранных гостей.",
            ("как прошёл форум в петербурге",),
        ),
    ),
)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Peterburqdakı forum necə keçdi?", "petersburg-forum"),
        ("kemerovodakı şaxta", "kemerovo-mine"),
    ],
)
def test_a_question_naming_the_place_with_its_ending_is_answered(question: str, fact: str) -> None:
    matcher = Matcher([MINE, FORUM], analyzer=Analyzer())
    result = matcher.ask(question)
    assert result.best is not None and result.best.fact.id == fact
    assert result.decision is Decision.ANSWER
