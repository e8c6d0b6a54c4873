"""An "it" the question spells out is no unnamed subject (issue 12, point 3).

The drafter's grammar gate (``question_check.problem``) and the bench's edit rubric both refused any
question whose subject is "it", so "is it true that ..." or "how long did it take to ..." were
never written (and counted as questions a moderator would rewrite), though each says what "it"
is: the clause after it. An "it" that stands for something the question does not name ("what
did it say about the flood") is still refused by both.

Every question is our own, on stories of our own.
"""

from __future__ import annotations

import pytest

from bench.draft_rubric import question_problem as rubric_problem
from bot.ingest.question_check import problem
from bot.ingest.question_grammar import stands_for_a_clause

SPELLED_OUT = [
    "is it true that the ferry to the island will stop in winter",
    "was it possible to save the old mill from the flood",
    "is it safe for tourists to swim off the northern beaches",
    "how long did it take to rebuild the bridge at Tovuz",
    "how much did it cost to repair the spillway",
    "did it make sense to close the border crossing at night",
    "will it be possible to vote by post in the spring election",
    "was it the first time that the river had burst its banks",
    "is it clear why the talks on the water treaty failed",
    "does it matter whether the referendum reaches the turnout threshold",
    "has it become clear who fired the first shot",
    "how long did it take for the water to recede from the lower town",
]

UNNAMED = [
    "what did it say about the flood",
    "did it say that the bridge would close",
    "when did it open to traffic again",
    "was it closed to traffic after the landslide",
    "did it take the case to the supreme court",
    "was it reported to the police by the harbour master",
]


@pytest.mark.parametrize("question", SPELLED_OUT)
def test_an_it_standing_for_the_clause_after_it_is_written(question: str) -> None:
    assert problem(question) is None, problem(question)
    # Nor would a moderator rewrite it: the bench's rubric reads it the same way.
    assert rubric_problem(question) is None, rubric_problem(question)


@pytest.mark.parametrize("question", UNNAMED)
def test_an_it_for_something_the_question_does_not_name_is_refused(question: str) -> None:
    assert problem(question) == "a pronoun for the subject ('it')"
    assert rubric_problem(question) == "pronoun for a subject"


def test_other_pronoun_subjects_are_still_refused() -> None:
    assert problem("what did they say about the flood") is not None
    assert problem("would his case be dropped after the appeal") is not None
    assert problem("did its army leave the valley") is not None


def test_a_predicate_without_its_clause_leaves_it_unnamed() -> None:
    assert not stands_for_a_clause("true".split())
    assert not stands_for_a_clause("take three days".split())
    assert not stands_for_a_clause("seem to work again".split())
    assert stands_for_a_clause("not yet clear whether the dam will hold".split())
