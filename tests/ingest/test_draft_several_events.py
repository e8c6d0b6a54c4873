"""Drafts of stories that tell more than one event (issue 12).

Short articles written here, in our own words: a story about a bus crash in September that
goes back to a strike in July (a weekday in that part is a day of July, "that night" the day
it names; the strike is its own event, not "the Port Alder crash"), and a story about
unrest whose "the protests" are the unrest itself (no lead-in repeating what the sentence
says).
"""

from __future__ import annotations

import datetime as dt

from bot.ingest import dates
from bot.ingest.article_draft import ArticleDraft
from tests.ingest.drafting import draft_of, fact_with

FERRY = """Bus owner questioned after Port Alder crash, two months after drivers' strike
Published: 2025-09-15

PORT ALDER, Sept 15 - Police said on Sunday that they had questioned the owner of a bus
company whose coach crashed near Port Alder last week with 40 people aboard, two months after
a strike by its drivers.

The coach left the road on Wednesday night in heavy rain, and 12 people died.

The strike began on the morning of Tuesday, July 8, when the drivers' union walked out over
unpaid wages.

On Thursday bus stations across Port Alder were shut, and trains were packed.

Police arrested the union leader Tomas Brekke that night.

The city council made Friday a holiday to calm the town.

On Monday last week the company's owner appeared before a court in the capital.
"""

UNREST = """Nordland counts the cost of Havrik unrest
Published: 2025-02-10

HAVRIK, Feb 10 - Officials said on Friday that 40 people had died in the Havrik unrest, the
worst the country has seen in decades.

The protests began in the mining town of Solvik on January 3.

Crowds burned the town hall in the capital two days later.
"""


def _fact(draft: ArticleDraft, starting: str) -> tuple[str, dt.date | None]:
    found = fact_with(draft, starting)
    return found.answer, found.date


def test_weekdays_after_an_earlier_day_are_days_of_that_week() -> None:
    """ "The strike began on Tuesday, July 8 ... By Thursday ...": Thursday 10 July, not the
    Thursday before publication in September."""
    answer, day = _fact(draft_of(FERRY), "bus stations across Port Alder")
    assert day == dt.date(2025, 7, 10)
    assert "10 July 2025" in answer


def test_that_night_is_the_day_named_before() -> None:
    answer, day = _fact(draft_of(FERRY), "arrested the union leader")
    assert day == dt.date(2025, 7, 10)
    assert "that night (10 July 2025)" in answer


def test_a_fact_dated_months_before_a_one_off_event_is_not_set_in_it() -> None:
    """A crash happens on one day: an arrest two months before it is no part of it ("In the
    Port Alder crash of September 2025, police arrested ... on 10 July" is false)."""
    answer, _ = _fact(draft_of(FERRY), "arrested the union leader")
    assert answer.startswith("Police arrested the union leader Tomas Brekke")


def test_a_weekday_last_week_is_in_the_week_before_publication() -> None:
    """ "On Monday last week", published on Monday 15 September: Monday 8 September."""
    answer, day = _fact(draft_of(FERRY), "appeared before a court")
    assert day == dt.date(2025, 9, 8)
    assert "Monday 8 September 2025" in answer
    assert "last week" not in answer


def test_a_weekday_made_a_holiday_is_no_day_of_the_story() -> None:
    """ "made Friday a holiday": Friday is what was made a holiday, not when anything was
    done; it neither dates the fact nor moves the day "that night" counts from."""
    published = dt.date(2025, 9, 15)
    text = "The port authority made Friday a holiday."
    assert dates.event_date(text, published, anchor=dt.date(2025, 7, 10)) is None
    assert dates.last_day(text, published, anchor=dt.date(2025, 7, 10)) == dt.date(2025, 7, 10)


def test_another_event_is_not_set_in_the_main_one() -> None:
    """The story's event is the crash; "The strike began ..." tells of another event, and
    is neither led in by the crash nor renamed after it."""
    draft = draft_of(FERRY)
    answer, _ = _fact(draft, "strike began")
    assert "crash" not in answer
    assert answer.startswith("The strike began")
    for fact in draft.facts:
        assert "In the Port Alder crash, the strike" not in fact.answer


def test_an_event_word_of_the_same_kind_leads_in_nothing() -> None:
    """ "The protests" in a story about the unrest are the unrest: written out as "the
    Havrik protests", with no "In the Havrik unrest" before them."""
    answer, _ = _fact(draft_of(UNREST), "began in the mining town")
    assert answer.startswith("The Havrik protests began")
