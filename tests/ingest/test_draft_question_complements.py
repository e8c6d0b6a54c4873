"""Questions a moderator would have to rewrite are not written (issue 12, point 3).

Round 10's stricter benchmark rubric found drafted questions that passed the grammar check yet
read as no English or asked nothing: a verb whose second part was cut away ("what did the
spokesman call"), an object asked of a verb that takes none, a yes/no question that asks only
whether something happened, "who" of what only a thing does, a time word or a pronoun where
the subject goes, a question ending on a possessive. The sentences here are our own.
"""

from __future__ import annotations

import pytest

from bot.ingest.question_check import problem
from bot.ingest.questions import generate


@pytest.mark.parametrize(
    "question",
    [
        "what did the port authority's spokesman call",  # "called the report false"
        "what did the coast guard put",  # "put the toll at six"
        "what did the harbour master resign",
        "did the evacuation begin",
        "does the handover come",
        "who entered into force for velmar",
        "what did evening the coast guard count",
        "what does its new charter extend",
        "would his appeal be heard",
        "who adopted a resolution refusing to recognise the district court's",
    ],
)
def test_a_question_a_moderator_would_rewrite_is_refused(question: str) -> None:
    assert problem(question) is not None


@pytest.mark.parametrize(
    "question",
    [
        "what did the port authority's spokesman call the report",
        "who put the toll at six",
        "when did the evacuation of ostrava bay begin",
        "why did the harbour master resign",
        "when did the velmar treaty enter into force",
        "what did the coast guard count",
        "whose appeal was heard in tarsk",
    ],
)
def test_the_same_questions_asked_whole_pass(question: str) -> None:
    assert problem(question) is None


def test_a_sentence_with_a_cut_complement_is_still_asked_well() -> None:
    sentence = "Agency spokesman Ivo Petrak called the overloading reports false on Monday."
    asked = generate(sentence)
    assert "what did agency spokesman ivo petrak call" not in asked
    assert all(problem(q) is None for q in asked)


def test_a_question_cut_before_its_pronoun_subjects_verb_is_refused() -> None:
    # "... from inside the plant they controlled", cut to length, ended on "they".
    assert problem("who blew up the brova dam from inside the plant they") is not None
    assert problem("who blew up the brova dam from inside the plant") is None
