"""Drafts a moderator can approve as they are (issue 12, points 1, 3 and 4): a referent written
out reads as a person writes it, tags keep their sense, and the grammar check refuses the
question shapes a rule-based reading still produces. Articles and sentences written here, on
a made-up country's vote."""

from __future__ import annotations

import pytest

from bot.ingest.lexicon import _compound_head, plain_words
from bot.ingest.question_check import problem
from bot.ingest.questions import generate
from tests.ingest.drafting import draft_of, fact_with

VOTE = """Velk wins third term in Lestria vote that rivals call rigged
Published: 2025-06-03

NOVI GRAD, June 3 - Ana Velk, who has led Lestria since 2015, has won a third term with 71% of the
vote, the election commission said on Monday, after a vote that her jailed rivals and Northern
governments dismissed as rigged.

Turnout in Sunday's vote was 64.2%, the commission said.

Polling stations had been open for three days of early voting from 29 May before the main polling
day.

Farmers Party leader Tom Rell came second with 9.4%, followed by Ida Moss of the Green Union,
teacher Karl Berg and Eva Lind of the Civic Front, each with about 3% or less.

Speaking to reporters on polling day, Velk said it made no difference to her whether Northern
countries accepted the result.

Several Northern governments have said they will not accept the outcome.
"""


@pytest.fixture(scope="module")
def vote() -> object:
    return draft_of(VOTE)


def test_a_quantifier_before_an_adjective_is_no_name_written_into_other_sentences(vote) -> None:
    # "Several Northern governments" later in the article: "Northern" elsewhere stays as the
    # article wrote it, with no quantifier the sentence did not say, lower-case or not.
    for fact in vote.facts:
        assert "Several Northern" not in fact.answer
    assert "rivals and Northern governments" in fact_with(vote, "third term").answer
    assert "whether Northern countries" in fact_with(vote, "no difference").answer


def test_a_sentence_naming_the_event_by_its_day_gets_no_lead_in_repeating_it(vote) -> None:
    turnout = fact_with(vote, "64.2%")
    assert turnout.answer.startswith("Turnout in the Lestria vote on Sunday 1 June 2025 was 64.2%")
    assert "what was turnout in the lestria vote" in turnout.questions
    for question in turnout.questions:
        assert "vote in the lestria vote" not in question


def test_rejected_as_a_sham_is_no_firing_and_stations_no_stat(vote) -> None:
    assert not {"firing", "dismissal"} & set(vote.facts[0].tags)
    assert "stat" not in fact_with(vote, "polling stations").tags
    assert plain_words("The governor dismissed the head of the water agency.", []) == [
        "firing",
        "dismissal",
    ]
    assert "firing" not in plain_words("The ministry dismissed the reports as nonsense.", [])
    assert "chair" not in plain_words("It could not sit on two chairs at once.", [])
    assert [_compound_head(w) for w in ("stations", "hostages", "factions")] == [None] * 3
    assert _compound_head("snowfall") == "snow"


def test_questions_of_the_drafted_vote_are_english(vote) -> None:
    questions = [q for fact in vote.facts for q in fact.questions]
    for question in questions:
        assert problem(question) is None, question
        assert "speaking to reporters" not in question  # a participle clause as subject
        assert "karl berg" not in question or "teacher karl berg" not in question
        assert not question.startswith("who made no difference")
    durations = fact_with(vote, "three days of early voting").questions
    assert not any("open of early voting" in q for q in durations), durations


@pytest.mark.parametrize(
    "question",
    [
        "what did speaking to reporters on polling day, ana velk say about the vote",
        "who made no difference to her whether northern countries accepted the result",
        "did tom rell, leader of the farmers party come second with 9 percent",
        "when did the week after the ruling, the judges meet",
    ],
)
def test_the_check_refuses_clauses_as_subjects_and_dummy_it_as_an_actor(question: str) -> None:
    assert problem(question) is not None


@pytest.mark.parametrize(
    "question",
    [
        "did voting end at 8 pm in the capital",
        "did delegates, observers and journalists attend the summit",
        "who came second with 9.4 percent in the lestria vote",
    ],
)
def test_the_check_still_passes_gerund_subjects_and_lists(question: str) -> None:
    assert problem(question) is None


def test_a_participle_lead_in_and_a_ranking_tail_are_set_apart() -> None:
    spoken = generate(
        "Speaking to reporters at the port, the mayor said the ferry would resume on Friday.",
        topic="the ferry strike",
    )
    assert "what did the mayor say about the ferry strike" in spoken
    ranked = generate(
        "Farmers Party leader Tom Rell came second with 9.4%, followed by Ida Moss, teacher Karl"
        " Berg and Eva Lind, each with about 3% or less.",
        names={"Farmers", "Party", "Tom", "Rell", "Ida", "Moss", "Karl", "Berg", "Eva", "Lind"},
    )
    assert "who came second with 9.4%" in ranked
    assert all("berg" not in q for q in ranked), ranked


def test_an_aside_after_a_name_leaves_the_name_as_subject() -> None:
    questions = generate(
        "Tom Rell, leader of the Farmers Party, came third with almost 9 percent.",
        names={"Tom", "Rell", "Farmers", "Party"},
    )
    assert "did tom rell come third with almost 9 percent" in questions
    # A body's "it" is still the body: "would the party ask ...".
    body = generate(
        "The Farmers Party said it would ask the court to recount the ballots.",
        names={"Farmers", "Party"},
    )
    assert any(q.startswith("would the farmers party ask the court") for q in body), body
