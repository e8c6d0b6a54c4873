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

from bot.core.focus_words import MONTH_NUMBERS
from bot.ingest import dates
from bot.ingest.event_nouns import is_point_event
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
    if _about_in(title, event.noun):
        # "Court jails 13 over Zhanaozen riots": the news is a later step taken over the
        # event, and the lede's day ("on Monday") is that step's. The event is dated by what
        # the lede says of it ("the violence ... last December"), or not at all.
        return Earlier(_last_month(lede, published))
    return None


# "last December", "in March last year": a month the lede names back from the news.
_LAST_MONTH = re.compile(rf"\blast\s+(?P<month>{dates.MONTHS})\b")


def _last_month(lede: str, published: dt.date | None) -> str | None:
    """ "last December" in a story of June 2012: "December 2011", the latest such month
    before the publication's; None when the lede names no month so or has no date."""
    match = _LAST_MONTH.search(lede)
    if match is None or published is None:
        return None
    number = MONTH_NUMBERS[match["month"].lower()]
    year = published.year if number < published.month else published.year - 1
    return f"{match['month']} {year}"


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
    return str(then.year) if unit == "year" else dates.month_and_year(then)


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


# "sets snap presidential vote for July", "calls referendum on new constitution for June",
# "the vote on 9 July": a month the headline or lede gives the event itself, which may lie
# ahead of the news. A month set "for" the event may come a few words on; one "in"/"on" it,
# right after its noun ("the treaty signed in June" is the signing's).
_MONTH_AFTER = re.compile(
    rf"(?:\s+[\w'-]+){{0,4}}?\s+for\s+(?:\d{{1,2}}\s+)?(?P<month>{dates.MONTHS})\b"
    rf"|\s+(?:in|on)\s+(?:\d{{1,2}}\s+)?(?P<month_on>{dates.MONTHS})\b"
)
# Words before an event noun that make it what the headline's action is about ("blames forces
# for missile strikes", "jails eight over mall fire"): the news is a later step.
_ABOUT = frozenset(("for", "over", "about", "against"))
_ABOUT_REACH = 3


def month_of_news(title: str, lede: str, event: Event, published: dt.date | None) -> str | None:
    """The month ``event`` happened in, as words ("December 2020"), when neither headline nor
    lede gives its day: the month the headline or lede names for it, else the publication's
    when the event is the news itself, else None.

    The publication's month is the event's only for something that happens on a day and that
    the headline tells as its news. A spell (a war, unrest) ran over months before the report;
    an event the headline's action is about ("blames forces for missile strikes in Ganja")
    came before the blame, by weeks or years. Named with the news's month, either reads as a
    date the article never gives, and a wrong date approved unchanged is worse than none."""
    if published is None:
        return None
    for text in (title, lede):
        for found in re.finditer(rf"\b{re.escape(event.noun)}\b", text):
            month = _MONTH_AFTER.match(text[found.end() :])
            if month is not None:
                return _month_from(month["month"] or month["month_on"], published)
    if event.from_headline_verb:
        return _month_or_year(published, "month")  # the headline's verb tells the news
    if not is_point_event(event.noun) or _about_in(title, event.noun):
        return None
    return _month_or_year(published, "month")


def _month_from(month: str, published: dt.date) -> str:
    """ "July" in a story of 10 May 2023: "July 2023"; "January" in one of November: the next
    year's. A month named for an event without its year is the nearest one ahead, or this
    month or the one before it ("the vote on 30 April" told on 2 May was this year's)."""
    number = MONTH_NUMBERS[month.lower()]
    year = published.year + (1 if number < published.month - 1 else 0)
    return f"{month} {year}"


def _about_in(title: str, noun: str) -> bool:
    """Does the headline tell the event of ``noun`` in what its action is about ("for missile
    strikes", "over mall fire"), a few words after "for"/"over"/"about"/"against"?"""
    words = re.findall(r"[\w'-]+", title.lower())
    for index, word in enumerate(words):
        if word == noun and any(w in _ABOUT for w in words[max(0, index - _ABOUT_REACH) : index]):
            return True
    return False
