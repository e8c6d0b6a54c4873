"""Counts a reader asks about: what a spokesman's figures say, a second count after "and"
("... and 19 of them were kept in"), and a count listed beside another (issue 12).

The article is written here, in our own words: a ferry that overturned on a mountain lake.
"""

from __future__ import annotations

from bot.ingest.clause_parts import counted_clause
from bot.ingest.questions import generate
from tests.ingest.drafting import draft_of, fact_with

FERRY = """Ferry overturns on Lake Tarvel in sudden squall, two missing
Published: 2025-09-14

VELSK, Sept 14 - A passenger ferry overturned on Lake Tarvel on Saturday evening when a squall
struck it a few hundred metres from the pier at Velsk, regional officials said.

The ferry had 61 passengers and four crew on board.

The coast guard said 57 people were pulled from the water and 19 of them were kept in hospital
overnight.

The regional health department said 23 people were treated for hypothermia.

Divers were still searching for two passengers on Sunday.

The operator's licence was suspended until an inquiry reports.
"""


def test_a_spokesmans_count_of_many_digits_is_asked_how_many() -> None:
    # "said 23 people ...": reported without "that", opened by a number of two digits.
    fact = fact_with(draft_of(FERRY), "treated for hypothermia")
    assert any(q.startswith("how many people were treated") for q in fact.questions), fact.questions


def test_a_second_count_after_and_is_asked_as_its_own_point() -> None:
    fact = fact_with(draft_of(FERRY), "kept in hospital")
    assert any(q.startswith("how many people were pulled from the water") for q in fact.questions)
    assert any(q.startswith("how many people were kept in hospital") for q in fact.questions), (
        fact.questions
    )


def test_a_count_listed_beside_another_is_asked_how_many_not_whether() -> None:
    fact = fact_with(draft_of(FERRY), "61 passengers")
    assert fact.questions[0].startswith("how many passengers did"), fact.questions
    assert "on board" in fact.questions[0]


def test_a_second_count_takes_the_noun_counted_before_it() -> None:
    assert counted_clause("Police held 14 people and three were later charged.") == (
        "Three people were later charged"
    )
    questions = generate(
        "Rescuers pulled 23 miners from the shaft and four of them died in hospital."
    )
    assert "how many miners died in hospital" in questions, questions


def test_a_list_or_a_tally_after_and_is_no_clause_of_its_own() -> None:
    assert counted_clause("The army sent 40 tanks and 12 helicopters to the border.") is None
    assert counted_clause("Officials counted 12 dead and 50 wounded.") is None
    # "and" with a count but nothing counted before it: which things it counts is unknown.
    assert counted_clause("The storm hit at night and two were hurt.") is None


def test_a_second_count_is_of_the_things_counted_not_of_a_measure_after_them() -> None:
    # "within 3 hours" measures the rescue: the 19 kept in hospital are people, not hours.
    questions = generate(
        "Boatmen pulled 31 people from the flooded river within 3 hours and 9 of them were "
        "kept in hospital."
    )
    assert "how many people were kept in hospital" in questions, questions
    assert not any(q.startswith("how many hours") for q in questions), questions
    assert counted_clause("Guards held 40 miners over two days and 12 were later charged.") == (
        "12 miners were later charged"
    )
