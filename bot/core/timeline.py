"""Time in questions: "what happened on 30 june", "any news this week", "the latest on X".

``read_time(question, today)`` finds a time expression (a date, a day of the week, a month, a
relative span such as "this week" or "yesterday") or a word asking for the newest news
("latest", "newest", "recent", "what's new") and returns what is left of the question as its
topic. Relative expressions are read against ``today``, which the caller supplies (the service's
clock, so that tests can fix it). Bare years ("the 2020 war") are not time expressions: they
name an event, and matching them as words is what answers them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.core.filler_words import STOPWORDS
from bot.core.focus_words import MONTH_NUMBERS
from bot.core.folding import words
from bot.core.number_words import NUMBER_VALUES, number_pattern

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_LEAD = r"(?:(?P<lead>on|since|from|after|before|until|till|by)\s+)?(?:the\s+)?"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_ISO = re.compile(_LEAD + r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b")
_DAY_MONTH = re.compile(_LEAD + r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b" + _YEAR)
_MONTH_DAY = re.compile(_LEAD + r"\b" + _MONTH + r"\s+" + _DAY + r"\b" + _YEAR)
# A month alone needs a preposition ("in june"); "may" alone is a verb, so it needs a year.
_MONTH_ALONE = re.compile(
    r"\b(?P<lead>in|during|of|since|from)\s+(?:early\s+|late\s+|mid\s+|mid-)?"
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|may(?=\s+(?:19|20)\d\d))"
    r"(?:\s+(?P<year>(?:19|20)\d\d))?\b"
)
_WEEKDAY = re.compile(r"\b(?P<lead>on|last|since)\s+(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b")
_SPAN = re.compile(
    r"\b(?:(?:in|over|during|for)\s+)?(?:the\s+)?(?P<which>this|last|past|previous)\s+"
    r"(?:(?P<count>\d{1,3}|" + number_pattern() + r")\s+)?"
    r"(?P<unit>days?|weeks?|months?)\b"
)
_TODAY = re.compile(r"\b(?P<word>today|tonight|yesterday|this morning)\b")
_RECENT = re.compile(
    r"\b(?:latest|newest|most recent|recent(?:ly)?|lately|new(?:est)? news"
    r"|(?:what'?s|what is|whats|anything|something|any) new)\b"
)
# Words a question about time uses that say nothing about its topic.
_GENERIC = frozenset(
    """
    happen happened happening happens news new latest newest recent recently lately update
    updates updated going story stories event events anything something everything been
    day days week weeks month months today yesterday there anything else whats
    """.split()
)


@dataclass(frozen=True, slots=True)
class TimeQuestion:
    """A question that asks about a time, or for the newest news."""

    topic: str
    """The question without its time words; "" when it asks about nothing but the time."""
    start: dt.date | None = None
    end: dt.date | None = None
    recent: bool = False
    """It asks for the newest news ("latest", "recent", "what's new")."""

    @property
    def has_span(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: dt.date | None) -> bool:
        """Whether a fact dated ``day`` falls in the asked time (undated: only without one)."""
        if not self.has_span:
            return True
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def _month(name: str) -> int:
    return MONTH_NUMBERS[name[:3]]


def _past_date(month: int, day: int, year: str | None, today: dt.date) -> dt.date | None:
    """The date named; without a year, the last such date on or before ``today``."""
    try:
        if year:
            return dt.date(int(year), month, day)
        found = dt.date(today.year, month, day)
        return found if found <= today else dt.date(today.year - 1, month, day)
    except ValueError:
        return None


def _with_lead(
    lead: str | None, day: dt.date, end: dt.date | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """The span "on/since/before DAY" means (``end``: the last day of a named month)."""
    last = end or day
    if lead in ("since", "from", "after"):
        return (day + dt.timedelta(days=1) if lead == "after" else day), None
    if lead in ("before",):
        return None, day - dt.timedelta(days=1)
    if lead in ("until", "till", "by"):
        return None, last
    return day, last


def _month_span(month: int, year: str | None, today: dt.date) -> tuple[dt.date, dt.date]:
    first = _past_date(month, 1, year, today) or dt.date(today.year, month, 1)
    following = dt.date(first.year + (month == 12), month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def _span(match: re.Match[str], today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    which, unit = match["which"], match["unit"].rstrip("s")
    count_text = match["count"]
    count = (
        int(count_text) if count_text and count_text.isdigit() else NUMBER_VALUES.get(count_text)
    )
    if count is not None or which == "past":
        days = {"day": 1, "week": 7, "month": 30}[unit] * (count or 1)
        return today - dt.timedelta(days=days - 1), today
    monday = today - dt.timedelta(days=today.weekday())
    if unit == "day":
        return (today, today) if which == "this" else (today - dt.timedelta(days=1),) * 2
    if unit == "week":
        if which == "this":
            return monday, today
        return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    first = today.replace(day=1)
    if which == "this":
        return first, today
    previous_end = first - dt.timedelta(days=1)
    return previous_end.replace(day=1), previous_end


def _find_span(
    text: str, today: dt.date
) -> tuple[tuple[dt.date | None, dt.date | None], tuple[int, int]] | None:
    """The first time expression of ``text`` (lower-case): its span and where it stands."""
    found = _ISO.search(text)
    if found:
        try:
            day = dt.date.fromisoformat(found["iso"])
        except ValueError:
            day = None
        if day is not None:
            return _with_lead(found["lead"], day), found.span()
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        found = pattern.search(text)
        if found:
            named = _past_date(_month(found["month"]), int(found["day"]), found["year"], today)
            if named is not None:
                return _with_lead(found["lead"], named), found.span()
    found = _MONTH_ALONE.search(text)
    if found:
        first, last = _month_span(_month(found["month"]), found["year"], today)
        lead = found["lead"] if found["lead"] in ("since", "from") else None
        return _with_lead(lead, first, last), found.span()
    found = _WEEKDAY.search(text)
    if found:
        back = (today.weekday() - _WEEKDAYS.index(found["weekday"])) % 7
        if found["lead"] == "last" and back == 0:
            back = 7
        day = today - dt.timedelta(days=back)
        lead = "since" if found["lead"] == "since" else None
        return _with_lead(lead, day), found.span()
    found = _SPAN.search(text)
    if found:
        return _span(found, today), found.span()
    found = _TODAY.search(text)
    if found:
        day = today - dt.timedelta(days=1) if found["word"] == "yesterday" else today
        return (day, day), found.span()
    return None


def _topic(text: str) -> str:
    """What is left of a question once its time words are gone: "" if nothing of substance."""
    content = [w for w in words(text) if w not in STOPWORDS and w not in _GENERIC]
    return " ".join(content)


def read_time(question: str, today: dt.date) -> TimeQuestion | None:
    """The time ``question`` asks about, or None when it asks about none."""
    text = " ".join(question.lower().replace("\u2019", "'").split())
    start = end = None
    found = _find_span(text, today)
    if found is not None:
        (start, end), (begin, stop) = found
        text = f"{text[:begin]} {text[stop:]}"
    recent = _RECENT.search(text)
    if recent is not None:
        text = f"{text[: recent.start()]} {text[recent.end() :]}"
    if found is None and recent is None:
        return None
    return TimeQuestion(_topic(text), start, end, recent is not None)
