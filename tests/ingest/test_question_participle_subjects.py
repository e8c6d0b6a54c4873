"""A subject holding a participle's phrase ("The volunteers flown to the island by the navy
returned on Friday") is not asked as if the participle were its verb (issue 12, point 3: a
question that fails a grammar check is not written). Examples written here."""

from __future__ import annotations

from bot.ingest.question_check import problem
from bot.ingest.questions import generate


def test_a_past_tense_after_do_support_is_caught_beyond_eight_words() -> None:
    q = "when did the volunteers fly to the island by the navy's largest transport ship went home"
    assert problem(q) is not None


def test_who_with_a_participle_phrase_and_a_later_past_tense_is_caught() -> None:
    assert problem("who flown to the island by the navy went home") is not None
    assert problem("who sent to the island by the navy flew home") is not None


def test_a_later_participle_or_a_clause_of_its_own_is_still_english() -> None:
    assert problem("who appeared in a video apparently shot in a forest near the border") is None
    assert problem("who fled to the hills after the quake struck") is None
    assert (
        problem("why did police in the capital arrest the two young men from the village who fled")
        is None
    )


def test_no_question_of_a_participle_subject_asks_the_participle_as_the_verb() -> None:
    statement = (
        "The last volunteers sent to the island by the regional rescue service flew home on"
        " Friday 3 October 2025."
    )
    for question in generate(statement):
        assert "sent to the island by the regional rescue service flew" not in question
        assert problem(question) is None
