"""A count asked in words no fact holds ("how many didn't survive" of a fact saying "died")
cannot tell that a fact's numbers count something else: of a fact its curator phrased as
answering a count, it no longer holds the answer back (issue 11: BM25 answered such questions,
which newsdesk held back). A word the fact does hold away from its numbers still does ("how
many footbridges" of a fact counting the dead). The town and its bridge are invented.
"""

from __future__ import annotations

import datetime as dt

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact

TOLL = Fact(
    "orsk-footbridge-toll",
    "Nine people died when the Orsk footbridge collapsed into the river on 2 May, the mayor said.",
    (
        "how many died in the orsk footbridge collapse",
        "what was the death toll of the bridge collapse",
        "did anyone die when the orsk bridge fell",
    ),
    date=dt.date(2026, 5, 2),
)
REBUILD = Fact(
    "orsk-footbridge-rebuild",
    "The Orsk footbridge will reopen in 2027 after a rebuild costing 40 million roubles, the "
    "regional government said.",
    (
        "when will the orsk footbridge reopen",
        "how much will the bridge rebuild cost",
        "who pays for the new footbridge",
    ),
    date=dt.date(2026, 5, 9),
)


def _matcher() -> Matcher:
    return Matcher([TOLL, REBUILD])


def test_a_count_asked_in_other_words_is_answered_with_the_toll() -> None:
    result = _matcher().ask("how many people didn't survive the orsk footbridge collapse")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "orsk-footbridge-toll"


def test_a_count_of_a_thing_the_fact_names_elsewhere_is_still_not_answered() -> None:
    # The toll fact names the footbridge, but its number counts the dead.
    result = _matcher().ask("how many footbridges does orsk have")
    assert result.decision is not Decision.ANSWER


def test_a_fact_never_phrased_as_a_count_is_not_taken_for_one() -> None:
    # Without its "how many" phrasing, the toll fact gives no sign that it answers a count.
    unphrased = Fact(
        TOLL.id,
        TOLL.answer,
        ("what happened to the orsk footbridge", "why did the bridge collapse"),
        date=TOLL.date,
    )
    result = Matcher([unphrased, REBUILD]).ask(
        "how many people didn't survive the footbridge collapse"
    )
    assert result.decision is not Decision.ANSWER
