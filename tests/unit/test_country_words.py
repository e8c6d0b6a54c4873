"""Issue 11, sibling facts: a country named another way than a fact names it (its people, its
language, its capital or seat of power) still meets the fact: "what did the finnish side say"
of a fact saying "Finland's", "tbilisi's reaction" of one saying "Georgia", "the kremlin" of
one saying "Russian". The facts and questions are this file's own (a ferry line and a pipeline),
never the live knowledge nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.country_words import actors_named, country_members, country_of
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import Decision, Fact


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("georgia", "georgia"),
        ("georgian", "georgia"),
        ("georgians", "georgia"),
        ("tbilisi", "georgia"),
        ("ukrainian", "ukraine"),
        ("kyiv", "ukraine"),
        ("kremlin", "russia"),
        ("azeri", "azerbaijan"),
        ("azerbaijanis", "azerbaijan"),
        ("ankara", "turkiye"),
        ("turkish", "turkiye"),
        ("kazakh", "kazakhstan"),
        ("finnish", "finland"),
        ("greek", "greece"),
        ("minsk", "belarus"),
        # A name in "a" whose people's name ends "-ian", not "-an": "canada" is no "canadan".
        ("canadian", "canada"),
        ("canadians", "canada"),
        ("kenyan", "kenya"),
    ],
)
def test_a_word_stands_for_its_country(word: str, country: str) -> None:
    assert country_of(word) == country


@pytest.mark.parametrize("word", ["english", "arabic", "polish", "french", "bridge", "capital"])
def test_a_language_of_many_countries_or_an_everyday_word_names_none(word: str) -> None:
    # English, Arabic and French are official in too many countries to name one people, and
    # "polish" is a verb as well.
    assert country_of(word) is None


def test_every_country_counts_its_own_name_among_its_words() -> None:
    members = country_members()
    assert all(name in words for name, words in members.items())
    assert {"moscow", "kremlin", "russian"} <= members["russia"]


FERRY_FINLAND = Fact(
    "ferry-finland-statement",
    "Finland's transport ministry said the night ferry to Tallinn would sail again on Monday "
    "once the harbour ice had been broken.",
    ("when will the night ferry sail again", "what did the transport ministry say"),
)
FERRY_STRIKE = Fact(
    "ferry-crew-strike",
    "The ferry crews' union called off its strike on Friday after a pay deal, and the harbour "
    "master said the night ferry would keep its timetable.",
    ("did the ferry crews end their strike", "what did the harbour master say about the ferry"),
)


@pytest.fixture(scope="module")
def ferries() -> Matcher:
    return Matcher([FERRY_FINLAND, FERRY_STRIKE])


def test_a_people_name_meets_the_country_a_fact_names(ferries: Matcher) -> None:
    ranked, _ = ferries.explain("what did the finnish government say about the night ferry")
    assert ranked[0].entry.fact.id == "ferry-finland-statement"


def test_a_people_named_with_ian_meets_its_country() -> None:
    timber = Fact(
        "timber-canada",
        "Canada's forestry minister said the timber tariff talks would resume in October.",
        ("when will the timber tariff talks resume",),
    )
    other = Fact(
        "timber-mills",
        "Three timber mills closed last year as the tariff talks stalled, the mill owners said.",
        ("how many timber mills closed",),
    )
    # Answered outright: "canadians" meets "Canada's" (it was a word no fact has).
    result = Matcher([timber, other]).ask("what did the canadians say about the timber talks")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "timber-canada"


def test_a_capital_meets_the_country_a_fact_names() -> None:
    pipeline = Fact(
        "pipeline-georgia",
        "Georgia's energy minister said the new gas pipeline would be finished by spring.",
        ("when will the gas pipeline be finished",),
    )
    other = Fact(
        "pipeline-cost",
        "The gas pipeline is expected to cost 400 million dollars, its builders said.",
        ("how much will the gas pipeline cost",),
    )
    matcher = Matcher([pipeline, other])
    ranked, _ = matcher.explain("what did tbilisi say about the gas pipeline")
    assert ranked[0].entry.fact.id == "pipeline-georgia"


def test_meeting_the_country_another_way_weighs_less_than_the_word_itself(
    ferries: Matcher,
) -> None:
    said, _ = ferries.explain("what did finland say about the night ferry")
    other_way, _ = ferries.explain("what did the finnish say about the night ferry")
    assert said[0].entry.fact.id == other_way[0].entry.fact.id == "ferry-finland-statement"
    assert other_way[0].relevance < said[0].relevance


def test_country_words_can_be_turned_off() -> None:
    off = Matcher([FERRY_FINLAND, FERRY_STRIKE], settings=MatcherSettings(country_share=0.0))
    on = Matcher([FERRY_FINLAND, FERRY_STRIKE])
    question = "what did helsinki and the finnish side say about the night ferry"
    off_ranked, _ = off.explain(question)
    on_ranked, _ = on.explain(question)
    finland_off = next(c for c in off_ranked if c.entry.fact.id == "ferry-finland-statement")
    finland_on = next(c for c in on_ranked if c.entry.fact.id == "ferry-finland-statement")
    assert finland_on.relevance > finland_off.relevance


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Moldovan officials said the river had peaked.", ["moldova"]),
        ("Romania's interior ministry said 40 people were moved out.", ["romania"]),
        ("Moscow-appointed officials in the town counted the damage.", ["russia"]),
        ("what did tbilisi say about the pipeline", ["georgia"]),
        ("Chisinau said on Friday that the bridge would reopen.", ["moldova"]),
        ("what is the kremlin's line on the bridge", ["russia"]),
        ("the moldovan and romanian authorities met", ["romania", "moldova"]),
        # A place, not a side: after a preposition, as an object, or a country's region.
        ("how many flights go to kyiv now", []),
        ("the talks strained ties with Moscow", []),
        ("the flood reached Romania's Galati county", []),
        ("Georgian wine sold well at the fair", []),
        # The object of what a side does, not the side: after a preposition (but "on the
        # moldovan side" is the side itself), or a seat of power after "and".
        ("the new visa rules against Georgian officials", []),
        ("a letter to the Romanian ambassador", []),
        ("how many boats were lost on the moldovan side", ["moldova"]),
        ("relations between Tbilisi and Chisinau", []),
    ],
)
def test_the_sides_a_text_names_as_speaking_or_deciding(text: str, sides: list[str]) -> None:
    assert actors_named(text) == sides


# Two siblings of one (invented) flood on a border river, told by the two sides: the Moldovan
# one mentions the Romanian authorities, the Romanian one is told by "Romania's" ministry.
FLOOD_MOLDOVA = Fact(
    "prut-flood-moldova",
    "Moldova's interior ministry said 120 people were evacuated from villages on the Prut "
    "after the river burst its banks; the Romanian authorities had not yet given a count.",
    (
        "how many people were evacuated after the prut flood",
        "prut flood evacuations",
    ),
)
FLOOD_ROMANIA = Fact(
    "prut-flood-romania",
    "Romania's interior ministry said 300 people were evacuated from villages on its bank of "
    "the Prut after the river burst its banks.",
    (
        "how many people were evacuated from the other bank of the prut",
        "evacuations on the other bank of the prut",
    ),
)


@pytest.fixture(scope="module")
def flood() -> Matcher:
    return Matcher([FLOOD_MOLDOVA, FLOOD_ROMANIA])


def test_the_sibling_told_by_the_side_asked_about_comes_first(flood: Matcher) -> None:
    question = "how many people did the romanian authorities evacuate from the prut"
    unmoved = Matcher([FLOOD_MOLDOVA, FLOOD_ROMANIA], settings=MatcherSettings(kind_window=0.0))
    plain, _ = unmoved.explain(question)
    assert plain[0].entry.fact.id == "prut-flood-moldova"  # it has the very words
    ranked, _ = flood.explain(question)
    assert ranked[0].entry.fact.id == "prut-flood-romania"
    # Moved, not scored up: it has no lead to be answered outright by.
    assert ranked[0].relevance < ranked[1].relevance
    assert flood.ask(question).decision is not Decision.ANSWER


def test_a_question_naming_both_sides_or_none_moves_nothing(flood: Matcher) -> None:
    for question in (
        "how many people were evacuated after the prut flood",
        "what did the moldovan and romanian authorities say about prut evacuations",
    ):
        plain = Matcher([FLOOD_MOLDOVA, FLOOD_ROMANIA], settings=MatcherSettings(kind_window=0.0))
        ranked, _ = flood.explain(question)
        unmoved, _ = plain.explain(question)
        assert [c.entry.fact.id for c in ranked] == [c.entry.fact.id for c in unmoved]
