"""Issue 15, second pass: a people named in Russian or Azerbaijani reaches its country ("турки"
/ Турция / Turkey, "ermənilər" / Ermənistan), as English "the Turks" does; and a name English
and Turkish share ("Putin", "Ankara") keeps its letters in an Azerbaijani question.

The fact and questions are this file's own (a bridge), never the live knowledge nor the bench's
questions.
"""

from __future__ import annotations

import pytest

from bot.core.folding import translit
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.other_stems import stem_in
from bot.core.text import Analyzer

FACTS = [
    Fact(
        "bridge-builders",
        "Engineers from Turkey are rebuilding the old bridge over the river.",
        ("who is rebuilding the bridge",),
        translations=(
            Translation(
                "ru",
                "Старый мост через реку восстанавливают инженеры из Турции.",
                ("кто восстанавливает мост",),
            ),
            Translation(
                "az",
                "Çay üzərindəki köhnə körpünü Türkiyədən gələn mühəndislər bərpa edir.",
                ("körpünü kim bərpa edir",),
            ),
        ),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer())


@pytest.mark.parametrize(
    ("people", "country"),
    [
        ("турки", "Турция"),
        ("турок", "Турция"),
        ("туркам", "Турция"),
        ("русские", "Россия"),
        ("армяне", "Армения"),
        ("грузины", "Грузия"),
        ("украинцы", "Украина"),
        ("казахи", "Казахстан"),
        ("türklər", "Türkiyə"),
        ("ruslar", "Rusiya"),
        ("ermənilər", "Ermənistan"),
        ("gürcülər", "Gürcüstan"),
    ],
)
def test_a_people_reaches_its_country(people: str, country: str) -> None:
    analyzer = Analyzer()
    assert analyzer.terms(people) == analyzer.terms(country)


def test_english_names_of_countries_read_as_before() -> None:
    analyzer = Analyzer()
    # Only the country's own name is in the group: "turkish" is not made "turkey" in English.
    assert analyzer.terms("turkey") == ("turkey",)
    assert analyzer.terms("turkish") != analyzer.terms("turkey")


def test_a_question_about_a_people_finds_the_fact_about_their_country(matcher: Matcher) -> None:
    result = matcher.ask("турки строят мост?")
    assert result.best is not None
    assert result.best.fact.id == "bridge-builders"
    assert result.decision is not Decision.UNKNOWN


def test_a_clipped_name_of_azerbaijanis_is_read_in_any_case() -> None:
    analyzer = Analyzer()
    assert analyzer.terms("с азербами") == analyzer.terms("с азербайджанцами")


@pytest.mark.parametrize(
    "forms",
    [
        ("Putin", "Putinin", "Putinə"),
        ("Biden", "Bidenin", "Bidenlə"),
        ("Ankara", "Ankaraya", "Ankarada"),
        ("problem", "problemlər", "problemi"),
    ],
)
def test_a_name_english_and_turkish_share_keeps_its_letters_in_every_form(
    forms: tuple[str, ...],
) -> None:
    # The Turkish stemmer read "Putin" as a genitive "Put-in" and "Biden" as "Bi-den".
    stems = {translit(stem_in(form.lower(), "az")) for form in forms}
    assert stems == {translit(forms[0].lower())}


def test_an_azerbaijani_question_meets_an_english_name() -> None:
    analyzer = Analyzer()
    # "Putin" in an Azerbaijani question is the name of an English fact, not the verb "put".
    assert "putin" in analyzer.terms("Putin Bakıya gəlir?")
    assert "put" not in analyzer.terms("Putin Bakıya gəlir?")


def test_a_question_word_is_no_name_with_an_ending() -> None:
    # "hansı" (which) is not "Hans" with an ending.
    assert translit(stem_in("hansı", "az")) != "hans"
