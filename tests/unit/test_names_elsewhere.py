"""Issue 15 and issue 11 ("never bluffs"): a Russian or Azerbaijani question about a country, a
person, a body or a year that no fact names is not answered outright, however many of its other
words a fact shares; the same question about what the fact does name still is.

The facts and questions are this file's own (an envoy recalled over a detained reporter), never
the live knowledge nor the bench's questions.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.country_names import english_country, names_country
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

FACTS = [
    Fact(
        "envoy-recalled",
        "In 2024 Armenia called its envoy home from Minsk after a reporter was detained there.",
        ("why did armenia recall its envoy", "what happened to the envoy in minsk"),
        translations=(
            Translation(
                "ru",
                "В 2024 году Армения отозвала своего посла из Минска после задержания "
                "там репортёра.",
                ("почему армения отозвала посла", "зачем армения отозвала посла из минска"),
            ),
            Translation(
                "az",
                "2024-cü ildə Ermənistan müxbirin saxlanılmasından sonra səfirini Minskdən "
                "geri çağırıb.",
                ("ermənistan səfirini niyə geri çağırıb", "ermənistan səfiri minskdən çağırıb"),
            ),
        ),
    ),
    Fact(
        "reporter-freed",
        "The reporter detained in Minsk was freed a week later and flew home.",
        ("was the reporter freed",),
        translations=(
            Translation(
                "ru",
                "Задержанного в Минске репортёра освободили через неделю.",
                ("освободили ли репортёра",),
            ),
            Translation(
                "az",
                "Minskdə saxlanılan müxbir bir həftə sonra azad edilib.",
                ("müxbir azad edilibmi",),
            ),
        ),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer())


@pytest.mark.parametrize(
    "question",
    [
        "почему армения отозвала посла",
        "Почему Армения отозвала посла из Минска?",
        "в 2024 году армения отозвала посла, почему",
        "ermənistan səfirini niyə geri çağırıb",
        "Ermənistan səfirini Minskdən niyə geri çağırıb?",
    ],
)
def test_a_question_about_what_the_fact_names_is_answered(matcher: Matcher, question: str) -> None:
    result = matcher.ask(question)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "envoy-recalled"


@pytest.mark.parametrize(
    "question",
    [
        # Another country, in its case forms, typed in lower case as chat does.
        "почему франция отозвала посла",
        "почему посла отозвала литва",
        "зачем иран отозвал посла из минска",
        "fransa səfirini niyə geri çağırıb",
        "gürcüstan səfirini minskdən niyə geri çağırıb",
        "İran səfirini niyə geri çağırıb",
        # A person or a body, capitalised inside the sentence or written in capitals.
        "Почему Лукашенко отозвал посла из Минска?",
        "Почему США отозвали посла из Минска?",
        "Niyə ABŞ səfirini Minskdən geri çağırıb?",
        # A year no fact has: another recall.
        "почему армения отозвала посла в 2019 году",
        "2019-cu ildə ermənistan səfirini niyə geri çağırıb",
    ],
)
def test_a_question_about_a_name_no_fact_has_is_not_answered_outright(
    matcher: Matcher, question: str
) -> None:
    result = matcher.ask(question)
    assert result.decision is not Decision.ANSWER


def test_such_a_question_is_still_offered_the_closest_fact(matcher: Matcher) -> None:
    # Held back, not turned away: the recall is what it most likely wants to read.
    result = matcher.ask("почему франция отозвала посла")
    assert result.decision is Decision.SUGGEST
    assert result.best is not None and result.best.fact.id == "envoy-recalled"


def test_a_name_only_a_sentence_of_context_has_does_not_hold_the_answer_back(
    matcher: Matcher,
) -> None:
    result = matcher.ask("Я живу во Франции. Почему Армения отозвала посла?")
    assert result.decision is Decision.ANSWER


def test_a_year_a_fact_is_dated_in_is_no_other_time() -> None:
    # The fact's date says the year its text leaves out.
    facts = [
        Fact(
            "flood",
            "The river flooded the old town and the new bridge.",
            ("what did the river flood",),
            date=dt.date(2019, 5, 2),
            translations=(
                Translation(
                    "ru",
                    "Река затопила старый город и новый мост.",
                    ("что затопила река", "какой город затопила река"),
                ),
            ),
        )
    ]
    matcher = Matcher(facts, analyzer=Analyzer())
    assert matcher.ask("река затопила старый город в 2019 году?").decision is Decision.ANSWER
    assert matcher.ask("река затопила старый город в 2021 году?").decision is not Decision.ANSWER


def test_an_abbreviation_read_as_ordinary_words_is_no_name() -> None:
    # "ФСБ" is read as the words it stands for (a security service), which a fact may say.
    facts = [
        Fact(
            "raid",
            "Security services raided the flat.",
            ("who raided the flat",),
            translations=(
                Translation(
                    "ru", "Квартиру обыскала служба безопасности.", ("кто обыскал квартиру",)
                ),
            ),
        )
    ]
    matcher = Matcher(facts, analyzer=Analyzer())
    assert matcher.ask("ФСБ обыскала квартиру?").decision is Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "why did armenia recall its envoy",
        "Why did Armenia recall its envoy from Minsk?",
        "why did armenia recall its envoy in 2024",
        # Its people: a word of the facts' country.
        "why did the armenians recall their envoy",
    ],
)
def test_an_english_question_about_what_the_fact_names_is_answered(
    matcher: Matcher, question: str
) -> None:
    result = matcher.ask(question)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "envoy-recalled"


@pytest.mark.parametrize(
    "question",
    [
        "why did georgia recall its envoy from minsk",
        "Why did Kazakhstan recall its envoy?",
        # Another people: the country's, whether or not it keeps the name whole.
        "why did the georgians recall their envoy",
        "why did the ukrainian government recall its envoy",
        "why did the uzbeks recall their envoy",
        # A year no fact is dated in, nor writes.
        "why did armenia recall its envoy in 2019",
    ],
)
def test_an_english_question_about_another_country_or_year_is_not_answered_outright(
    matcher: Matcher, question: str
) -> None:
    assert matcher.ask(question).decision is not Decision.ANSWER


def test_a_country_listed_beside_the_facts_own_is_their_scope() -> None:
    # "georgia, armenia": the region the fact speaks of, not another country's envoy.
    matcher = Matcher(FACTS, analyzer=Analyzer())
    result = matcher.ask("did the envoy recall hit the whole region, georgia, armenia, all of it")
    assert result.decision is Decision.ANSWER


def test_an_english_country_is_known_by_a_word_of_the_facts_of_it() -> None:
    # The facts write only the people's name ("Ukrainian"): the country is theirs all the same.
    facts = [
        Fact(
            "drone",
            "A Ukrainian drone hit a fuel depot near the border.",
            ("what did the ukrainian drone hit", "what did the drone hit near the border"),
        )
    ]
    matcher = Matcher(facts, analyzer=Analyzer())
    assert matcher.ask("what did the drone from ukraine hit").decision is Decision.ANSWER


def test_an_english_capital_is_no_name() -> None:
    # English capitalises a sentence's first word as readily as a name.
    matcher = Matcher(FACTS, analyzer=Analyzer())
    assert matcher.ask("Envoy recalled by Armenia, why?").decision is Decision.ANSWER


@pytest.mark.parametrize(
    ("word", "language"),
    [
        ("франции", "ru"),
        ("грузию", "ru"),
        ("ирана", "ru"),
        ("сирии", "ru"),
        ("беларуси", "ru"),
        ("китая", "ru"),
        ("fransanın", "az"),
        ("irandan", "az"),
        ("gürcüstanda", "az"),
        ("türkiyəyə", "az"),
    ],
)
def test_a_country_is_known_in_its_case_forms(word: str, language: str) -> None:
    assert names_country(word, language)


@pytest.mark.parametrize(
    ("word", "language"),
    [
        ("мало", "ru"),  # not Мали
        ("малый", "ru"),
        ("куб", "ru"),  # not Куба
        ("груз", "ru"),  # not Грузия
        ("самолёт", "ru"),  # not Самоа
        ("maliyyə", "az"),  # finance, not Mali
        ("qan", "az"),
        ("france", "en"),  # English is read by ``english_country``
    ],
)
def test_a_word_like_a_country_is_not_one(word: str, language: str) -> None:
    assert not names_country(word, language)


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("georgia", "georgia"),
        ("georgians", "georgia"),
        ("iranian", "iran"),
        ("ukrainians", "ukraine"),
        ("chinese", "china"),
        ("kazakh", "kazakhstan"),
        ("iraqi", "iraq"),
        ("jersey", None),  # an everyday noun too
        ("reunion", None),
        ("african", None),  # a continent, not a country
        ("median", None),
        ("german", None),  # a language's name: not read
    ],
)
def test_an_english_country_is_known_by_its_name_or_its_people(
    word: str, country: str | None
) -> None:
    assert english_country(word) == country
