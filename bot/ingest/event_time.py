"""Whether a headline or lede tells of its main event as of another time than the news.

"Court jails eight over 2018 mall fire", "the judges threw out challenges to last month's
election", "sworn in a week after the vote": the day such a lede gives is the verdict's, the
ruling's or the oath's. Taken as the event's, it wrote "In the mall fire of 29 October 2021"
into every fact set in a fire of 2018. A wrong date approved unchanged is worse than none, so
such an event gets only the time the article does say (a year, a month) or none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped]

from bot.ingest import dates
from bot.ingest.event_phrase import Event

# A few words that may name the event: "2016 Yerevan police siege", "snap parliamentary election".
_WORDS = r"(?P<words>(?:[\w'-]+\s+){0,3}[\w-]+)"
# "the 2018 fire", "over 2016 Yerevan police siege": a year written before the event's noun.
_YEAR_BEFORE = re.compile(rf"\b(?P<year>{dates.YEAR})\s+{_WORDS}")
# "last month's snap parliamentary election", "last year's vote"; in any case, as
# ``_SPAN_AFTER``: a headline may be title-cased ("Last Month's Vote") or in capitals.
_LAST_BEFORE = re.compile(
    rf"\b(?:last|previous)\s+(?P<span>week|month|year)['’]s\s+{_WORDS}", re.IGNORECASE
)
# "a week after snap vote", "almost a week after an explosion brought down ...": the news is a
# span of days, weeks or months after the event told by a noun of its kind.
_SPAN_AFTER = re.compile(
    r"\b(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+"
    r"(?P<unit>day|week|month|year)s?\s+after\s+(?:(?:an?|the|its|their|his|her)\s+)?"
    r"(?P<words>[\w'-]+(?:\s+[\w'-]+){0,2})",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Earlier:
    """The event is of another time than the news; ``when`` is what the article says of it
    ("2018", "June 2021"), or None when it says nothing a reader could date it by."""

    when: str | None


def _names(words: str, event: Event) -> bool:
    return any(event.refers_back(w.lower().strip("'")) for w in words.split())


def told_earlier(title: str, lede: str, event: Event, published: dt.date | None) -> Earlier | None:
    """How the headline or lede dates ``event`` when it tells of it as of an earlier time,
    or None when nothing says so (then the lede's day may be the event's)."""
    for text in (title, lede):
        for match in _YEAR_BEFORE.finditer(text):
            year = int(match["year"])
            if _names(match["words"], event) and (published is None or year < published.year):
                return Earlier(str(year))
        for match in _LAST_BEFORE.finditer(text):
            if _names(match["words"], event):
                return Earlier(_last(match["span"], published))
        for match in _SPAN_AFTER.finditer(text):
            if _names(match["words"], event):
                return Earlier(_span_before(match["count"], match["unit"], published))
    return None


def _last(span: str, published: dt.date | None) -> str | None:
    """ "last month" as "June 2021", "last year" as "2020", "last week" as the month of the
    week before, counted from the publication."""
    if published is None:
        return None
    span = span.lower()  # "Last Month's" as "last month's"
    return _month_or_year(published - _ONE[span], span)


# One day, week, month or year back, by the calendar (``relativedelta``): a month back from 31
# March is February, and a year back from 29 February is the year before, where counting
# days would land in March or need the month's length by hand.
_ONE = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "year": relativedelta(years=1),
}


def _month_or_year(then: dt.date, unit: str) -> str:
    """ "2020" for a span of years (a month guessed for it would be a wrong date), else the
    month the day ``then`` is in, "June 2021"."""
    return str(then.year) if unit == "year" else f"{then.strftime('%B')} {then.year}"


# The most days, weeks, months or years after its event a story is dated back by. More is
# history, or a number read wrong ("2,000 years after" gives "000"), and ten million days
# went past the calendar's start and stopped the draft.
_FURTHEST = 100


def _span_before(count: str, unit: str, published: dt.date | None) -> str | None:
    """ "three weeks after the unrest" in a story of 24 January: the unrest's month, "January
    2024"; of "several" or "a few" weeks, or of more than ``_FURTHEST``, nothing is said (left
    unsaid)."""
    number = dates.counted(count)
    if published is None or number is None or not 0 < number <= _FURTHEST:
        return None
    # The unit as matched, whatever its case: "Three Weeks After" in a title-cased headline.
    unit = unit.lower()
    return _month_or_year(published - _ONE[unit] * number, unit)
