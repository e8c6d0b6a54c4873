"""Questions cut out of a list or a range are fragments a moderator would rewrite: the drafter
writes none of them."""

from __future__ import annotations

import pytest

from bot.ingest.question_check import problem
from bot.ingest.question_fragments import fragment_problem
from tests.ingest.drafting import draft_of, fact_with


@pytest.mark.parametrize(
    "question",
    [
        "how many rebels were killed 14 wounded",  # "six were killed, 14 wounded"
        "were six rebels killed 14 wounded",
        "who was given five",  # five what?
        "what took between 2.5 in the mayoral race",  # between 2.5 and what?
        "who aged between 30",
        "did between and tamar beridze sign the deal",
        "what happened to between them the three old ferries",
    ],
)
def test_a_fragment_of_a_list_or_range_is_refused(question: str) -> None:
    assert problem(question) is not None


@pytest.mark.parametrize(
    "question",
    [
        "who was given five years",
        "how many years was the guard given",
        "why have relations between the two ports soured",
        "what must be moved between trucks at the border",
        "who won between 30 and 40 percent",
        "how many people were injured in the storm",
    ],
)
def test_whole_questions_pass(question: str) -> None:
    assert problem(question) is None, problem(question)


CLASH = """Border clash leaves dead on both sides in Varzob valley
Published: 2023-05-04

DUSHANBE, May 4 - Troops and armed villagers clashed on Wednesday near the Varzob valley
village of Oshk, officials said.

By the army's count, six rebels were killed, 14 wounded and 30 detained.

The road to the valley stays closed to traffic.
"""


def test_a_list_with_its_comma_lost_is_asked_for_its_first_item() -> None:
    """ "six rebels were killed, 14 wounded": asked how many were killed, never "... killed
    14 wounded"."""
    toll = fact_with(draft_of(CLASH), "six rebels")
    assert all("14 wounded" not in q for q in toll.questions), toll.questions
    assert any(q.startswith("how many rebels were killed") for q in toll.questions), toll.questions


def test_a_question_of_one_word_or_none_is_no_fragment() -> None:
    """The fragment check reads any question it is given: of one word or none it says nothing
    rather than failing (it paired each word with the one after, and raised when there was
    no pair)."""
    assert fragment_problem([]) is None
    assert fragment_problem(["killed"]) is None
    assert fragment_problem(["were", "killed", "11"]) is not None
