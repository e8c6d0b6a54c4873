"""Every fact gets at least two questions (issue 12, point 3): a sentence the clause parser
cannot turn still names a count or a speaker a reader asks about.

Sentences and a short article written here, in our own words (a storm on the Kura river).
"""

from __future__ import annotations

from bot.ingest.content_questions import content_questions
from bot.ingest.question_check import problem
from tests.ingest.drafting import draft_of

STORM = """Storm floods villages along the Kura river
Published: 2025-10-06

SABIRABAD, Oct 6 - A storm flooded villages along the Kura river in Sabirabad district on
Sunday, cutting roads and power to thousands of homes.

Emergency crews worked through the night to clear the main road to the district centre.

Rarely had so many families lost everything at once, village elder Leyla Mammadova said in
Bala Bahramli.

By dawn, as the water kept rising, more than 3,000 villagers fled to higher ground.
"""


def test_a_count_of_people_who_fled_is_asked_how_many() -> None:
    got = content_questions(
        "Later that month, after which more than 4,000 ethnic Lezgins fled, the border closed.",
        known=[],
        check=problem,
    )
    assert "how many ethnic lezgins fled" in got


def test_a_count_before_a_verb_with_an_object_is_not_asked() -> None:
    # "how many voters backed" breaks off before its object: no question rather than that.
    got = content_questions(
        "About 61 percent of them, some 90,000 voters backed the mayor.", known=[], check=problem
    )
    assert not any(q.startswith("how many") for q in got)


def test_a_named_speaker_is_asked_what_they_said() -> None:
    got = content_questions(
        "Nothing was left of the bridge, harbour master Elnur Guliyev told reporters.",
        known=[],
        check=problem,
    )
    assert got == ["what did elnur guliyev say"]


def test_a_question_the_fact_already_has_is_not_added_again() -> None:
    got = content_questions(
        "Elnur Guliyev said the bridge was gone.",
        known=["what did elnur guliyev say"],
        check=problem,
    )
    assert got == []


def test_a_drafted_fact_the_parser_gives_one_question_gets_a_second() -> None:
    draft = draft_of(STORM)
    (fact,) = [f for f in draft.facts if "Mammadova" in f.answer]
    # Asked about what she said: here nothing she names, so the story's event.
    assert "what did leyla mammadova say about the kura storm" in fact.questions
    assert len(fact.questions) >= 2
