""" "How far" asks a distance ("how far is the depot from the port"), except where a word of
readiness follows it: "how far is the council prepared to take the row" asks how far the
council will go, which no measure with a unit says.

The facts and questions are written for these tests; none comes from the held-out benchmark.
"""

from __future__ import annotations

import pytest

from bot.core.focus import Want
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.text import focus

COUNCIL_STANCE = Fact(
    "council-stance",
    "The Dunmore council said it has no wish to take its row with the bus drivers' union any "
    "further and wants talks to resume next week.",
    (
        "does the council want to escalate the row",
        "what did the council say about the union",
        "will the council keep fighting the drivers",
    ),
)
DEPOT_MOVE = Fact(
    "depot-move",
    "The council's plan moves the bus depot to a site 12 km outside Dunmore, which the union "
    "says would lengthen the drivers' row over shifts.",
    ("where is the new bus depot", "how far out of town is the new depot"),
)


@pytest.mark.parametrize(
    "question",
    [
        "how far is the council prepared to take the row",
        "how far are the drivers willing to push it",
        "how far the new cabinet is ready to go",
    ],
)
def test_readiness_after_how_far_asks_no_distance(question: str) -> None:
    read = focus(question)
    assert not read.wants & Want.MEASURE
    assert read.dimension is None


@pytest.mark.parametrize(
    "question",
    ["how far is the depot from the port", "how far did the tanker drift", "how far away is it"],
)
def test_how_far_still_asks_a_distance(question: str) -> None:
    read = focus(question)
    assert read.wants & Want.MEASURE
    assert read.dimension == "distance"


def test_how_far_someone_will_go_is_not_answered_by_a_distance() -> None:
    """Asked how far the council is prepared to take its row, the council's stance is the
    answer, given outright: it is not held back for stating no distance, which was not
    asked."""
    matcher = Matcher((COUNCIL_STANCE, DEPOT_MOVE))
    result = matcher.ask("What has the council said about how far it is prepared to take the row?")
    assert result.best is not None and result.best.fact.id == "council-stance"
    assert result.decision is Decision.ANSWER
    distance = matcher.ask("how far out of town is the new bus depot")
    assert distance.best is not None and distance.best.fact.id == "depot-move"
