"""Whose people a "how many" counts: "how many georgian students" is not answered by a fact
whose numbers count Armenian ones; and "both" is no count ("both sides expelled diplomats" says
how many diplomats no more than it says how many sides).

The facts and questions are written for these tests; none comes from the held-out benchmark.
"""

from __future__ import annotations

from bot.core.answer_kinds import answer_kinds
from bot.core.counted_sides import counted_side, counts_other_side, sides_counted
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.wants import Want

# A row over a student exchange: a count of Armenian students; expulsions with no count.
STUDENTS_SENT_HOME = Fact(
    "students-sent-home",
    "Forty Armenian students were sent home from Tbilisi after the exchange programme was "
    "suspended on 4 October, the Armenian education ministry said.",
    (
        "how many students were sent home from tbilisi",
        "were armenian students sent home from georgia",
        "why were the students sent home",
    ),
)
DIPLOMATS_EXPELLED = Fact(
    "diplomats-expelled",
    "In the row over the exchange programme Georgia and Armenia have both expelled diplomats "
    "and recalled their cultural attaches.",
    (
        "did georgia and armenia expel diplomats",
        "what steps have both countries taken",
        "are georgian and armenian students affected",
    ),
)


def test_the_side_counted_is_the_people_named_after_how_many() -> None:
    assert counted_side("how many georgian students were sent home") == "georgia"
    assert counted_side("How many Armenians were sent home?") == "armenia"
    assert counted_side("what is the number of ukrainian nationals held") == "ukraine"
    # Further on it is as often the side doing something to those counted.
    assert counted_side("how many students did georgia send home") is None
    assert counted_side("why were the students sent home") is None


def test_a_count_names_the_people_it_counts() -> None:
    answer = STUDENTS_SENT_HOME.answer
    assert sides_counted(answer) == frozenset({"armenia"})
    assert counts_other_side(answer, "georgia")
    assert not counts_other_side(answer, "armenia")
    # A count naming no country may be of anyone.
    assert not counts_other_side("Forty students were sent home on 4 October.", "georgia")


def test_both_is_no_count() -> None:
    assert not answer_kinds("Georgia and Armenia have both expelled diplomats.") & Want.COUNT
    assert answer_kinds("Both countries expelled two diplomats.") & Want.COUNT


def test_a_count_of_another_sides_people_is_not_answered() -> None:
    matcher = Matcher((STUDENTS_SENT_HOME, DIPLOMATS_EXPELLED))
    result = matcher.ask("how many georgian students are being held in armenia")
    assert result.decision is not Decision.ANSWER
    asked = matcher.ask("how many armenian students were sent home from tbilisi")
    assert asked.best is not None and asked.best.fact.id == "students-sent-home"
