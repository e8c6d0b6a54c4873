"""An event told of as before the news ("last month's vote", "three weeks after the flood") is
dated by the month counted back from the day the story was published, at the calendar's
edges too: a new year, a short month, a leap day. A wrong month approved unchanged would
tell readers the event happened when it did not.

The headlines are our own, on made-up places.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.event_phrase import Event
from bot.ingest.event_time import Earlier, told_earlier

VOTE = Event(noun="vote", modifiers="Dessa council")
FLOOD = Event(noun="flood", modifiers="harbour")


def _when(title: str, event: Event, published: dt.date) -> str | None:
    told = told_earlier(title, "", event, published)
    assert told is not None, title
    return told.when


@pytest.mark.parametrize(
    ("published", "when"),
    [
        # January's "last month" is December of the year before.
        (dt.date(2024, 1, 15), "December 2023"),
        (dt.date(2024, 1, 1), "December 2023"),
        # From the last day of March, February is not skipped for having fewer days.
        (dt.date(2023, 3, 31), "February 2023"),
        (dt.date(2024, 3, 1), "February 2024"),
    ],
)
def test_last_months_vote_is_the_month_before_publication(published: dt.date, when: str) -> None:
    title = "Court upholds last month's Dessa council vote"
    assert _when(title, VOTE, published) == when


@pytest.mark.parametrize(
    ("published", "when"),
    [
        # On the 3rd, a week back is the month before, and on 3 January the year before.
        (dt.date(2024, 6, 3), "May 2024"),
        (dt.date(2025, 1, 3), "December 2024"),
        # On the 8th, a week back is still this month.
        (dt.date(2024, 6, 8), "June 2024"),
    ],
)
def test_last_weeks_vote_is_the_month_of_the_week_before(published: dt.date, when: str) -> None:
    assert _when("Recount ordered after last week's council vote", VOTE, published) == when


def test_last_years_vote_on_a_leap_day_is_the_year_before() -> None:
    """29 February has no day a year before; the year is all that is said anyway."""
    assert _when("Court upholds last year's council vote", VOTE, dt.date(2024, 2, 29)) == "2023"


@pytest.mark.parametrize(
    ("span", "published", "when"),
    [
        # Months counted back across the new year, and across several.
        ("three months", dt.date(2024, 1, 24), "October 2023"),
        ("14 months", dt.date(2024, 2, 10), "December 2022"),
        ("12 months", dt.date(2024, 1, 31), "January 2023"),
        ("one month", dt.date(2024, 3, 31), "February 2024"),
        # From a leap day: a month back is January, a year back is the year before.
        ("a month", dt.date(2024, 2, 29), "January 2024"),
        ("a year", dt.date(2024, 2, 29), "2023"),
        ("four years", dt.date(2024, 2, 29), "2020"),
        # Weeks and days back into the year before, and through a leap day.
        ("three weeks", dt.date(2024, 1, 10), "December 2023"),
        ("two days", dt.date(2024, 3, 1), "February 2024"),
        ("30 days", dt.date(2024, 3, 30), "February 2024"),
        ("29 days", dt.date(2023, 3, 29), "February 2023"),
    ],
)
def test_a_span_after_the_flood_dates_it_by_the_month_counted_back(
    span: str, published: dt.date, when: str
) -> None:
    title = f"Dorvan remembers victims {span} after the harbour flood"
    assert _when(title, FLOOD, published) == when


def test_a_count_left_vague_or_too_long_says_no_time() -> None:
    for span in ("several weeks", "a few months", "101 years"):
        title = f"Dorvan remembers victims {span} after the harbour flood"
        assert told_earlier(title, "", FLOOD, dt.date(2024, 1, 24)) == Earlier(None), span


def test_without_a_publication_day_no_month_is_guessed() -> None:
    assert told_earlier("Court upholds last month's council vote", "", VOTE, None) == Earlier(None)
    title = "Dorvan remembers victims three weeks after the harbour flood"
    assert told_earlier(title, "", FLOOD, None) == Earlier(None)


@pytest.mark.parametrize(
    ("title", "when"),
    [
        ("Dorvan Remembers Victims Three Weeks After The Harbour Flood", "December 2023"),
        ("Dorvan Remembers Victims A Year After The Harbour Flood", "2023"),
    ],
)
def test_a_title_cased_headline_counts_its_span_as_written(title: str, when: str) -> None:
    """ "Three Weeks After" in a headline of capitalised words is three weeks, not three days
    (a year "After" is a year, with no month guessed for it)."""
    assert _when(title, FLOOD, dt.date(2024, 1, 10)) == when


@pytest.mark.parametrize(
    "title",
    [
        "Court Upholds Last Month's Dessa Council Vote",
        "COURT UPHOLDS LAST MONTH'S DESSA COUNCIL VOTE",
        "Court upholds LAST month's council vote",
        "Court upholds PREVIOUS MONTH'S council vote",
        "Court upholds Previous Month’s council vote",
    ],
)
def test_last_months_vote_is_read_in_any_case(title: str) -> None:
    """A headline in title case or capitals tells of last month's vote as plainly as one in
    lower case: the vote is dated by the month before publication, not by the news's day."""
    assert _when(title, VOTE, dt.date(2024, 1, 15)) == "December 2023"


@pytest.mark.parametrize(
    ("title", "when"),
    [
        ("Recount Ordered After Last Week's Council Vote", "May 2024"),
        ("COURT UPHOLDS LAST YEAR'S COUNCIL VOTE", "2023"),
    ],
)
def test_last_week_and_last_year_are_read_in_any_case(title: str, when: str) -> None:
    assert _when(title, VOTE, dt.date(2024, 6, 3)) == when
