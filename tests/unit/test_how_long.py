"""How long the oldest draft has waited, as `kb stats` says it."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.models import how_long


@pytest.mark.parametrize(
    ("age", "said"),
    [
        (dt.timedelta(seconds=20), "1 minute"),
        (dt.timedelta(minutes=59), "59 minutes"),
        (dt.timedelta(hours=1, minutes=5), "1 hour"),
        (dt.timedelta(hours=47), "47 hours"),
        (dt.timedelta(days=2, hours=3), "2 days"),
        (dt.timedelta(days=40), "40 days"),
        (dt.timedelta(seconds=-5), "1 minute"),  # a file dated a little ahead of the clock
    ],
)
def test_a_wait_is_said_in_the_unit_a_person_reads(age: dt.timedelta, said: str) -> None:
    assert how_long(age) == said
