"""What a "how many" counts is read past filler ("people in total were detained") and not past
a clause of circumstance ("died after being detained").

The facts and questions are written for these tests; none comes from the held-out benchmark.
"""

from __future__ import annotations

import pytest

from bot.core.focus import question_focus
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact

# A raid article: a count of the dead, none of the detained.
RAID_DEATHS = Fact(
    "raid-deaths",
    "Three men died in police custody after the dawn raid on the market in Tarnovo, the "
    "regional prosecutor said on Friday.",
    (
        "how many people died after being detained in tarnovo",
        "how many died in custody after the market raid",
        "did anyone die after the tarnovo raid",
    ),
)
RAID_EVENT = Fact(
    "raid-event",
    "Police raided the covered market in Tarnovo at dawn on Tuesday, searching stalls run by "
    "traders from abroad.",
    ("when was the tarnovo market raid", "what happened at the tarnovo market"),
)


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("how many people in total were detained during the raid", ("detained",)),
        ("how many people in all did the police detain", ("police", "detain")),
        ("how many ppl died after being detained", ("died",)),
        ("how many houses were flooded", ("houses", "flooded")),
        ("how many soldiers were killed in the attack", ("soldiers", "killed")),
    ],
)
def test_what_is_counted(question: str, counted: tuple[str, ...]) -> None:
    assert question_focus(question.split()).counted == counted


def test_a_count_of_the_dead_does_not_answer_how_many_were_detained() -> None:
    """The fact counts the men who died after the raid, not the people detained in it: asked
    how many were detained, it is not given as the answer."""
    matcher = Matcher((RAID_DEATHS, RAID_EVENT))
    result = matcher.ask("How many people in total were detained during the Tarnovo raid?")
    assert result.decision is not Decision.ANSWER
    died = matcher.ask("how many people died in custody after the tarnovo raid")
    assert died.decision is Decision.ANSWER and died.best is not None
    assert died.best.fact.id == "raid-deaths"
