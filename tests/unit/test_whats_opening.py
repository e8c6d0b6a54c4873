"""A question typed "whats ..." (the apostrophe left out, as on a phone) is read as the same
question as "what's ...": the same facts, in the same order, and the same opening for the
order rules of close siblings (``sibling_order``) to read.

The facts and questions are written for this test, on made-up places.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import AskResult, Fact
from bot.core.sibling_order import question_opening

# Siblings of one story that share their names and much of their wording.
TOLL = Fact(
    "varnok-quake-toll",
    "The Varnok earthquake killed 41 people and injured more than 300, the ministry said.",
    ("what is the death toll of the varnok earthquake", "how many died in the varnok quake"),
)
DAMAGE = Fact(
    "varnok-quake-damage",
    "The Varnok earthquake damaged about 900 homes and the old market hall.",
    ("what did the varnok earthquake damage", "how many homes did the varnok quake damage"),
)
CAUSE = Fact(
    "varnok-quake-cause",
    "Seismologists said the Varnok earthquake struck on the Selm fault at a depth of 10 km.",
    ("what caused the varnok earthquake", "where was the varnok quake centred"),
)


def _order(result: AskResult) -> tuple[object, list[str]]:
    return result.decision, [m.fact.id for m in result.matches]


@pytest.mark.parametrize(
    "asked",
    [
        "{w} the death toll of the varnok quake",
        "{w} the damage from the varnok earthquake",
        "so {w} the latest on the varnok quake",
        "{w} behind the varnok earthquake",
    ],
)
def test_whats_without_its_apostrophe_is_answered_as_whats(asked: str) -> None:
    matcher = Matcher([TOLL, DAMAGE, CAUSE])
    typed = matcher.ask(asked.format(w="whats"))
    written = matcher.ask(asked.format(w="what's"))
    assert typed.matches, typed
    assert _order(typed) == _order(written)


def test_the_toll_asked_whats_is_answered_by_the_toll() -> None:
    matcher = Matcher([TOLL, DAMAGE, CAUSE])
    best = matcher.ask("whats the death toll of the varnok quake").best
    assert best is not None and best.fact.id == "varnok-quake-toll"


@pytest.mark.parametrize(
    "asked", ["{w} the death toll", "{w} happening in varnok", "{w} caused the quake"]
)
def test_whats_opens_a_question_as_whats_does(asked: str) -> None:
    assert question_opening(asked.format(w="whats")) == question_opening(asked.format(w="what's"))
    assert question_opening(asked.format(w="whats")) == question_opening(asked.format(w="what is"))
