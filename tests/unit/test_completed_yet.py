"""A fact saying that something ran its course ("the withdrawal was completed") tells whether it
has happened yet, as one saying "still" or "since" does; one telling only of its start does not.

The facts and questions are written for these tests; none comes from the held-out benchmark.
"""

from __future__ import annotations

from bot.core.answer_kinds import answer_kinds
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.wants import Want

MISSION_SENT = Fact(
    "monitors-sent",
    "On 2 May the regional bloc sent 300 monitors to the Vardan valley at the government's "
    "request.",
    (
        "how many monitors were sent to the vardan valley",
        "why were monitors sent to vardan",
        "when did the monitors arrive in vardan",
    ),
)
MISSION_ENDED = Fact(
    "monitors-left",
    "On 20 May the bloc said its mission in the Vardan valley was accomplished and the last "
    "monitors had flown home.",
    (
        "have the monitors left the vardan valley",
        "when did the monitors leave vardan",
        "is the vardan mission over",
    ),
)


def test_a_completed_thing_says_how_it_stands_since() -> None:
    assert answer_kinds("The withdrawal was completed on 9 June.") & Want.LATER
    assert answer_kinds("Officials said the mission was accomplished.") & Want.LATER
    assert not answer_kinds("Troops were sent to the valley on 2 May.") & Want.LATER
    # An adjective "complete" ("a complete ban") says nothing of what came after.
    assert not answer_kinds("The city ordered a complete ban on fireworks.") & Want.LATER


def test_gone_yet_goes_to_the_fact_that_says_it_is_over() -> None:
    """The fact on the mission's start shares every word but cannot tell whether the monitors
    have gone: the one saying the mission was accomplished comes first."""
    matcher = Matcher((MISSION_SENT, MISSION_ENDED))
    for question in ("vardan monitors gone yet", "have the vardan monitors gone home yet"):
        ranked, _ = matcher.explain(question)
        assert [c.entry.fact.id for c in ranked] == ["monitors-left", "monitors-sent"]
        assert ranked[1].blocked and not ranked[0].blocked
        result = matcher.ask(question)
        answered = (
            result.best.fact.id if result.decision is Decision.ANSWER and result.best else None
        )
        assert answered in (None, "monitors-left")
