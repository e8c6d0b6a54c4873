"""A vote's count is asked as readers ask it (issue 12, point 3: numbers -> "how many"), on
sentences of our own."""

from __future__ import annotations

from bot.ingest.main_clause import parse
from bot.ingest.question_check import problem
from bot.ingest.questions import generate
from bot.ingest.vote_questions import vote_questions
from tests.ingest.drafting import corpus_draft


def _votes(sentence: str) -> list[str]:
    clause = parse(sentence)
    assert clause is not None, sentence
    return vote_questions(clause)


def test_the_thing_voted_on_is_the_object_of_an_active_verb() -> None:
    assert _votes("The assembly passed the budget in a late sitting by 51 votes to 12.") == [
        "how many votes did the budget get",
        "what was the vote on the budget",
    ]


def test_and_the_subject_of_a_passive_one() -> None:
    questions = _votes("The fishing quota was approved on Friday by 40 votes to nine.")
    assert questions[0] == "how many votes did the fishing quota get"


def test_no_count_or_no_thing_to_name_asks_nothing() -> None:
    assert _votes("The assembly passed the budget in a late sitting.") == []
    assert _votes("Deputies overrode it on Monday by 60 votes to four.") == []


def test_the_questions_are_english_and_come_first() -> None:
    questions = generate(
        "The city council adopted the parking plan on Tuesday by 23 votes to 8.", names=set()
    )
    assert questions[0] == "how many votes did the parking plan get", questions
    assert all(problem(q) is None for q in questions)


def test_a_drafted_vote_is_asked_with_how_many() -> None:
    questions = [q for f in corpus_draft("kyrgyz-media-law").facts for q in f.questions]
    assert any(q.startswith("how many votes did") for q in questions), questions
