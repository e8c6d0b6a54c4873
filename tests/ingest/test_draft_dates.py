"""The days drafted facts carry (issue 12): a day and month written without a year take the
year the tense of their clause points to, from the publication date; a weekday is counted from
the publication date unless the article set another week; a fact telling of an event after an
announcement is dated by the event.

Short articles and sentences written here, in our own words, about made-up places.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import dates
from tests.ingest.drafting import draft_of, fact_with

MAY_10 = dt.date(2025, 5, 10)
AUGUST_7 = dt.date(2025, 8, 7)


def _day(text: str, published: dt.date, span: str) -> dt.date | None:
    (found,) = [m for m in dates.mentions(text, published) if m.text == span]
    return found.date


@pytest.mark.parametrize(
    ("text", "span", "published", "day"),
    [
        # Ahead: the first such day on or after publication, not the one the year before.
        ("Lestria will elect a new president on 9 July.", "9 July", MAY_10, dt.date(2025, 7, 9)),
        ("It is to hold the vote in September.", "September", MAY_10, dt.date(2025, 9, 1)),
        ("He tied it to the council election due on 12 October.", "12 October", AUGUST_7,
         dt.date(2025, 10, 12)),
        ("The runoff, scheduled for 2 June, pits two mayors.", "2 June", MAY_10,
         dt.date(2025, 6, 2)),
        ("On 9 July voters in the capital will choose a mayor.", "9 July", MAY_10,
         dt.date(2025, 7, 9)),
        ("The vote, which was due in March, will now be held on 6 July.", "6 July", MAY_10,
         dt.date(2025, 7, 6)),
        # Gone: on or before publication.
        ("The mayor was detained on 25 October.", "25 October", AUGUST_7, dt.date(2024, 10, 25)),
        ("The mayor was detained on 25 March.", "25 March", AUGUST_7, dt.date(2025, 3, 25)),
        ("On 8 July the minister said the port will reopen.", "8 July", MAY_10,
         dt.date(2024, 7, 8)),
        ("The ferry had been due to sail on 3 June.", "3 June", MAY_10, dt.date(2024, 6, 3)),
        ("The man, who will stand trial, was detained on 25 October.", "25 October", AUGUST_7,
         dt.date(2024, 10, 25)),
        ("The mayor, who would later resign, was detained on 25 October.", "25 October",
         AUGUST_7, dt.date(2024, 10, 25)),
        ("The board set 10 May as the first day of the sale.", "10 May", MAY_10, MAY_10),
        # Ahead of when it was said: the nearer of the two.
        ("The defence said it would appeal by 20 August.", "20 August", AUGUST_7,
         dt.date(2025, 8, 20)),
        ("She said in March she would step down on 1 April.", "1 April", dt.date(2025, 6, 2),
         dt.date(2025, 4, 1)),
        ("Bids are to be filed between 17 May and 1 June.", "17 May", MAY_10,
         dt.date(2025, 5, 17)),
    ],
)  # fmt: skip
def test_a_day_without_its_year_is_in_the_year_its_tense_says(
    text: str, span: str, published: dt.date, day: dt.date
) -> None:
    assert _day(text, published, span) == day


def test_a_day_ahead_is_no_day_a_fact_happened_on() -> None:
    assert dates.event_date("Lestria will elect a new president on 9 July.", MAY_10) is None
    assert dates.event_date("He tied it to the vote due on 12 October.", AUGUST_7) is None


# A vote called in May for July: the July day is ahead, and "on Monday" is the Monday before
# publication (Saturday 10 May), not a Monday of a July a year earlier.
SNAP_VOTE = """Lestria to elect president in July after charter vote
Published: 2025-05-10

VELMORA, May 10 - Lestria will elect a president on 9 July, two years early, after voters
approved a new charter that lengthens the presidential term.

President Anton Barev announced the early election on Monday at a meeting with party leaders.

On Wednesday the election board set 12 May as the first day of the campaign.
"""


def test_weekdays_after_a_day_ahead_are_counted_from_publication() -> None:
    draft = draft_of(SNAP_VOTE)
    announced = fact_with(draft, "announced the early election")
    assert announced.date == dt.date(2025, 5, 5)
    assert "Monday 5 May 2025" in announced.answer
    board = fact_with(draft, "first day of the campaign")
    assert board.date == dt.date(2025, 5, 7)
    assert fact_with(draft, "will elect a president").date is None


# A sentencing story that goes back to the arrest in March, then on to the days after the
# verdict: "on Wednesday" is the Wednesday before publication, not one of March.
SENTENCE = """Court jails Velmora governor for six years
Published: 2025-08-07

VELMORA, Aug 7 - A court in Velmora sentenced regional governor Mira Sandel to six years in
prison on Tuesday for fraud with party funds.

She was detained at the city's airport on 25 March as she boarded a flight, and she remained
under house arrest until the verdict.

The regional council met in an emergency session on Wednesday and refused to recognise the
ruling.
"""


def test_a_weekday_after_a_day_named_without_its_weekday_is_counted_from_publication() -> None:
    council = fact_with(draft_of(SENTENCE), "emergency session")
    assert council.date == dt.date(2025, 8, 6)
    assert "Wednesday 6 August 2025" in council.answer


def test_a_weekday_in_the_sentence_of_an_earlier_day_is_a_day_of_its_week() -> None:
    text = "The mayor was detained on 25 March and released on Friday."
    (_, friday) = dates.mentions(text, AUGUST_7)
    assert friday.date == dt.date(2025, 3, 28)


def test_a_weekday_after_a_day_named_with_its_weekday_is_a_day_of_its_week() -> None:
    anchor, weekday = dates.last_anchor("The strike began on Tuesday, 11 March.", AUGUST_7)
    assert anchor == dt.date(2025, 3, 11) and weekday
    (thursday,) = dates.mentions(
        "By Thursday the ports were shut.", AUGUST_7, anchor=anchor, anchor_weekday=weekday
    )
    assert thursday.date == dt.date(2025, 3, 13)
    anchor, weekday = dates.last_anchor("The mayor was detained on 25 March.", AUGUST_7)
    (wednesday,) = dates.mentions(
        "The council met on Wednesday.", AUGUST_7, anchor=anchor, anchor_weekday=weekday
    )
    assert wednesday.date == dt.date(2025, 8, 6)


BRIDGE = """Velmora closes old river bridge
Published: 2025-06-20

VELMORA, June 20 - The transport ministry announced on 3 June that the old river bridge would
close, and a closing ceremony was held there on 10 June, attended by the mayor.

Officials said on Thursday that a new bridge would open next year.
"""


def test_a_fact_telling_of_an_event_after_its_announcement_is_dated_by_the_event() -> None:
    draft = draft_of(BRIDGE)
    assert fact_with(draft, "closing ceremony").date == dt.date(2025, 6, 10)
    # Only the day something was said: that day.
    assert fact_with(draft, "new bridge").date == dt.date(2025, 6, 19)


def test_a_day_as_the_subject_of_its_sentence_is_drafted_not_a_crash() -> None:
    # "Monday was declared a day of mourning": with the date taken out as a time said beside
    # the subject, no subject was left and drafting the article failed with an IndexError.
    draft = draft_of(
        "Flood kills four in Lestria\n"
        "Published: 2025-05-10\n\n"
        "Floodwater swept through the Lestrian town of Varno on Friday, killing four people "
        "and leaving hundreds of homes under water, rescue services said.\n"
        "Monday was declared a day of mourning across the province, the governor said.\n"
        "Schools in the town stayed shut while crews cleared mud from the streets.\n"
    )
    mourning = fact_with(draft, "day of mourning")
    assert mourning.questions, "the mourning fact has questions a reader can ask"


class _RussianLocaleDay(dt.date):
    """A day whose ``strftime`` names months as a host with a Russian locale would."""

    def strftime(self, format: str) -> str:
        return super().strftime(format).replace("May", "Май")


def test_a_drafted_fact_names_its_month_in_english_under_any_locale() -> None:
    """A draft's English fact is set "In the ... of May 2025" and dated "10 May 2025", whatever
    language the host's locale would name the month in."""
    day = _RussianLocaleDay(2025, 5, 10)
    assert day.strftime("%B") == "Май"
    assert dates.month_and_year(day) == "May 2025"
    assert dates.spell(day) == "10 May 2025"
