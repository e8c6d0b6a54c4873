"""What a "how many" counts, read past who reports the count ("how many people does the
monitor say are held": the monitor is not counted), a possessive's "s" and pronouns.

The facts and questions are written for these tests; none comes from the held-out benchmark.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.text import focus

PRISONERS = Fact(
    "political-prisoners",
    "More than 1,100 people remain behind bars for political reasons, according to figures "
    "kept by the Lantern monitoring group.",
    (
        "how many political prisoners are there",
        "what does the lantern group count",
        "are opponents still in jail",
    ),
)
PARDONS = Fact(
    "pardons",
    "The president pardoned a group of opponents in March, a move the Lantern monitoring group "
    "called a gesture for foreign capitals.",
    ("were any prisoners pardoned", "what did the president do in march"),
)


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        # who says so is not what is counted
        ("how many people does the lantern group say are behind bars", ("behind", "bars")),
        ("how much did the tax office say the mine owed", ("mine", "owed")),
        # a possessive's "s", a pronoun or a relative word names nothing counted
        ("how many mayor's aides resigned", ("mayor", "aides", "resigned")),
        ("how many guys were hurt", ("hurt",)),
        ("how many times did he win", ("times", "win")),
        ("the exact number of people who showed up", ("showed", "up")),
        # as before: filler is read past, a clause of circumstance is not
        ("how many people in total were detained during the raid", ("detained",)),
        ("how many houses were flooded", ("houses", "flooded")),
    ],
)
def test_what_is_counted(question: str, counted: tuple[str, ...]) -> None:
    assert focus(question).counted == counted


def test_who_reports_a_count_is_not_what_it_counts() -> None:
    """The monitoring group reports the count of prisoners; asked "how many people does the
    group say are behind bars", the fact giving that count is answered outright, though the
    group's name stands far from its number."""
    matcher = Matcher((PRISONERS, PARDONS))
    result = matcher.ask(
        "How many people does the Lantern monitoring group say are behind bars for political "
        "reasons?"
    )
    assert result.best is not None and result.best.fact.id == "political-prisoners"
    assert result.decision is Decision.ANSWER


def test_a_fact_counting_something_else_is_still_not_the_answer() -> None:
    """Read past the asker, what is counted still holds a fact back whose numbers count
    something else: asked how many people the group says were pardoned, the prisoners' count
    is not given outright."""
    matcher = Matcher((PRISONERS,))
    result = matcher.ask("How many people does the Lantern group say were pardoned in March?")
    assert result.decision is not Decision.ANSWER
