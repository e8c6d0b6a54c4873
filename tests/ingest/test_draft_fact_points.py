"""Drafted questions that follow what a fact states (issue 12, point 3): a second point with an
actor of its own is asked about, a phrase set off between commas hides no verb, and a figure
keeps what it counts.

Sentences and an article written here, in our own words: a storm at a river port, a relief
agency's praise, a loan for a ferry terminal.
"""

from __future__ import annotations

from bot.ingest.questions import generate
from tests.ingest.drafting import draft_of, fact_with

NAMES = {
    "Governor",
    "Anna",
    "Petrova",
    "Red",
    "Crescent",
    "Lankaran",
    "Shirvan",
    "Astara",
    "Masalli",
    "Lerik",
}


def test_a_second_point_with_its_own_actor_is_asked_who_did_it() -> None:
    questions = generate(
        "Two dockers were injured when a crane toppled during the storm, and Governor Anna "
        "Petrova visited the wounded in hospital.",
        names=NAMES,
    )
    assert "who visited the wounded in hospital" in questions, questions


def test_a_second_point_that_is_only_said_is_not_asked_who() -> None:
    questions = generate(
        "The crane toppled during the storm, and the port authority said repairs would take a "
        "month.",
        names=NAMES,
    )
    assert not any(q.startswith("who said") for q in questions), questions


def test_a_phrase_between_commas_leaves_the_verb_to_ask_about() -> None:
    questions = generate(
        "The Red Crescent, in a statement, praised the rescue teams from Astara, Masalli and "
        "Lerik for their speed.",
        names=NAMES,
    )
    assert any(q.startswith("who praised the rescue teams") for q in questions), questions


def test_a_figure_cut_short_keeps_what_it_counts() -> None:
    questions = generate(
        "Lankaran lent Shirvan 90 million dollars at 2 percent over 30 years.",
        names=NAMES,
    )
    assert any(q.endswith("over 30 years") for q in questions), questions
    assert not any(q.endswith("over 30") for q in questions), questions


PORT = """Storm topples crane at Lankaran port
Published: 2025-11-04

LANKARAN, November 4 - A storm toppled a crane at Lankaran's river port on Monday night, halting
the loading of two grain barges.

Two dockers were injured when the crane fell onto a warehouse roof, and Governor Anna Petrova
visited the wounded in hospital.

The Red Crescent, in a statement, praised the rescue teams from Astara, Masalli and Lerik for
their speed.
"""


def test_drafted_facts_are_asked_about_each_point() -> None:
    draft = draft_of(PORT)
    visited = fact_with(draft, "visited the wounded")
    assert any(q.startswith("who visited the wounded") for q in visited.questions), visited
    praised = fact_with(draft, "praised the rescue teams")
    assert any(q.startswith("who praised the rescue teams") for q in praised.questions), praised
