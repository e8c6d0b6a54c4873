"""When a sentence says its event happened: dates in the text, resolved to calendar days.

The spans are found here ("on Monday", "April 5", "14 May 2025", "yesterday", "last week",
"four days later"); what they mean is left to dateparser, which resolves each one against the
article's publication date (``RELATIVE_BASE``) with its own, well-tested rules for weekdays,
month names, missing years and relative offsets, and ships its language data (no download).
Which way a missing year lies is the tense's (``PREFER_DATES_FROM``): "will elect a president
on 9 July" in May is this July, "was detained on 25 October" in August last October.

A fact carries a ``date:`` only for an event the sentence pins to a day, or to a week ("last
week": the day a week before publication, marked as approximate for the reviewer). Months and
years alone ("in March 2023", "by 2035") are context, not the day of an event; deadlines and
future dates are never an event's date. "Monday" in an article published on a Monday is that
day (news writes "said on Monday" of the day it is published); a weekday is a day of the week
before publication unless its sentence, or a day named before with its weekday ("Friday, June
23"), sets another week.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypedDict

from dateparser.date import DateDataParser  # type: ignore[import-untyped]

from bot.core.number_words import NUMBER_VALUES
from bot.ingest.lexicon import is_topic_noun

# dateparser warns about its own settings on some versions; never useful in a draft.
logging.getLogger("dateparser").setLevel(logging.ERROR)

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# "a week later", "an hour after": the article's own way of saying one.
_NUMBER_WORDS = {**NUMBER_VALUES, "a": 1, "an": 1}
_DAY_OF_MONTH = r"\d{1,2}(?:st|nd|rd|th)?"
# A year as articles write one (1800 to 2099), without its thousands comma.
YEAR = r"(?:1[89]|20)\d\d"
# One alternative per kind, tried in this order; the named group is what dateparser reads.
_SPANS = re.compile(
    rf"(?P<dmy>\b{_DAY_OF_MONTH}\s+(?:of\s+)?(?:{MONTHS})(?:,?\s+{YEAR})?\b)"
    rf"|(?P<mdy>\b(?:{MONTHS})\s+{_DAY_OF_MONTH}(?:,?\s+{YEAR})?\b)"
    rf"|(?P<weekday>\b(?:(?:last|this)\s+)?(?:{WEEKDAYS})(?:\s+last\s+week)?\b)"
    r"|(?P<near>\b(?:yesterday|today|the day before yesterday)\b)"
    r"|(?P<week>\b(?:last|this|the previous)\s+week\b)"
    r"|(?P<that>\bthat\s+(?:night|evening|morning|afternoon|day)\b)"
    r"|(?P<next>\b(?:the|that)\s+(?:next|following|previous|same)\s+day\b"
    r"|\bthe\s+day\s+(?:after|before)\b(?!\s+(?:the|a|an|his|her|its|their)\b))"
    r"|(?P<ago>\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+"
    r"(?:days?|weeks?)\s+(?:ago|earlier|later)\b)"
    rf"|(?P<month>\b(?:(?:early|mid|late)[- ])?(?:{MONTHS})(?:\s+{YEAR})?\b)"
    rf"|(?P<year>\b{YEAR}\b)",
    re.IGNORECASE,
)
# "May" is a month only with a day or year, or after "in"/"since"/"early"...: "may" the verb.
_DATE_AFTER_WEEKDAY = re.compile(
    rf",?\s+(?:{_DAY_OF_MONTH}\s+(?:of\s+)?(?:{MONTHS})|(?:{MONTHS})\s+{_DAY_OF_MONTH})\b"
)
_MAY_ALONE = re.compile(r"^may$", re.IGNORECASE)
# A span after one of these is a deadline, a range's start or a condition, not the event's day.
_NOT_EVENT = re.compile(r"\b(?:by|until|till|before|since|from|through|ahead of)\s+(?:the\s+)?$")
# "according to a count completed on Monday", "figures released on Tuesday": the day a source
# reported, not the day of what it reports (the vote was on Sunday).
_REPORTED_BY = re.compile(
    r"(?:\baccording to\b[^,;.]{0,60}"
    r"|\b(?:count|tally|figures|data|results?|census|report|survey|poll)\s+(?:\w+\s+){0,2}?"
    r"(?:completed|released|published|issued|updated|announced)\s+)"
    r"(?:on|early on|late on)?\s*$",
    re.IGNORECASE,
)
# "had been due to close on Friday", "is scheduled to meet on Monday", "an election due on 28
# September": a plan's day, which is not when anything happened (the talks ran a day and a
# half over).
_PLANNED = re.compile(
    r"\b(?:due|scheduled|expected|expects?|set|planned|plans?|supposed|slated|meant)\s+to\s+"
    r"[a-z]+"
    r"(?:\s+[\w'-]+){0,6}?\s+(?:on|by|in|at)?\s*(?:the\s+)?$"
    # "the election due on 28 September", "a vote scheduled for Sunday"
    r"|\b(?:due|scheduled|slated|planned)\s+(?:on|for)\s+(?:the\s+)?$|\bset\s+for\s+(?:the\s+)?$",
    re.IGNORECASE,
)


class Anchored(TypedDict):
    """What an article's relative days count from, passed on from sentence to sentence."""

    anchor: dt.date | None
    anchor_weekday: bool
    told: dt.date | None
    """The last day the article named, kept when ``anchor`` is let go: the year a day written
    without one is read in (``_in_told_year``)."""


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date the text gives, where, and what it means."""

    text: str
    start: int
    end: int
    date: dt.date | None
    precision: str
    """"day", "week", "month" or "year"."""
    relative: bool
    """It depends on the publication date or an earlier date ("Monday", "last week")."""
    deadline: bool = False
    """After "by", "until", "since"..., in a plan or as the day a source reported ("according
    to a count completed on Monday"): not the day of the sentence's event."""
    weekday: bool = False
    """Named with its weekday ("Friday, June 23", "on Saturday"), or counted from such a day
    ("that night"): a week the article's later weekdays may be days of."""


@lru_cache(maxsize=32)
def _parser(base: dt.date, prefer: str = "past") -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": prefer,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


def _parse(text: str, base: dt.date, prefer: str = "past") -> tuple[dt.date | None, str]:
    data = _parser(base, prefer).get_date_data(text)
    if data.date_obj is None:
        return None, "day"
    return data.date_obj.date(), str(data.period or "day")


def _same_month(one: dt.date, other: dt.date) -> bool:
    return (one.year, one.month) == (other.year, other.month)


def _parse_towards(text: str, base: dt.date, way: str) -> tuple[dt.date | None, str]:
    """``text`` (a day or month with no year: "9 July", "September") in the year ``way``
    says: "past" on or before ``base``, "future" on or after it, "nearest" whichever of the
    two is closer to it."""
    past = _parse(text, base, "past")
    if way == "past" or past[0] is None:
        return past
    future = _parse(text, base, "future")
    if future[0] is None or past[0] >= base or (past[1] == "month" and _same_month(past[0], base)):
        return past  # "10 May" said on 10 May, "May" in May: that day or month, not next year's
    if way == "future":
        return future
    return future if (future[0] - base) < (base - past[0]) else past


# "will reopen on Thursday", "plans to vote next Friday", "would resume on Monday": a day to
# come. Only within the clause (no full stop or semicolon between).
_FUTURE = re.compile(
    r"\b(?:will|would|shall|is to|are to|plans? to|intends? to|hopes? to|aims? to|next)\b"
    r"[^.;]{0,80}$",
    re.IGNORECASE,
)
_PAST_WEEK = re.compile(r"^(?:last|this)\b", re.IGNORECASE)
_PRESENT_AHEAD = re.compile(
    r"\b(?:will|shall|is|are|expects?|plans?|intends?|hopes?|aims?)\b[^.;,]{0,80}$", re.IGNORECASE
)
_PAST_PLAN = re.compile(
    r"\b(?:had been|was|were)\s+(?:due|scheduled|expected|set|planned|supposed|slated|meant)\b",
    re.IGNORECASE,
)


# "will elect a president on 9 July", "an election due on 28 September", "is to vote in June",
# "scheduled for 3 June": a day or month ahead of publication.
_FUTURE_DATE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:to|due|scheduled|set|expected|slated|planned)|"
    r"(?<!was\s)(?<!were\s)(?<!been\s)(?:due\s+(?:on|for|in|by|to\s+be)|"
    r"(?:scheduled|slated|planned)\s+(?:for|on|in)|set\s+to|expected\s+to)|next)\b",
    re.IGNORECASE,
)
TENSE_REACH = 80
"""A tense marker this many characters before a date, within its clause, is its clause's."""
# "On 9 July voters will choose ...": a date opening its clause, the clause's verb after it.
_OPENING_DATE = re.compile(r"^\s*(?:(?:on|by|in|from)\s+)?$", re.IGNORECASE)
# Its subject's words are no verb: in "On 8 August the president said Russia will ...", the
# clause is "said".
_FUTURE_VERB_AFTER = re.compile(
    r",?\s+(?:(?![a-z]+ed\b|said\b|told\b|says\b|wrote\b)[\w'’-]+\s+){0,6}?"
    r"(?:will|shall|(?:is|are)\s+(?:to|due|scheduled|set|expected))\b"
)
# "said it would appeal by 20 August", "candidates to be nominated between 17 May and 1 June":
# ahead of when it was said, which may be before publication or after it.
_AHEAD_OF_THEN = re.compile(r"\b(?:would|to be)\b", re.IGNORECASE)
# A past verb nearer the date than those: "The man, who will stand trial, was detained on ...".
_PAST_AUX = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)


def _year_way(text: str, start: int, end: int) -> str:
    """Which way from publication a day or month named without its year lies, by the tense
    of its clause: "future" ("will elect a president on 9 July"), "nearest" ("said it would
    appeal by 20 August": ahead of the saying, not of publication), else "past" ("was
    detained on 25 March", "had been due to close on 22 November")."""
    before = re.split(r"[.;]", text[:start])[-1]
    if _SAID_ON.search(before):
        return "past"
    reach = max(0, len(before) - TENSE_REACH)

    def last(pattern: re.Pattern[str]) -> int:
        return max((m.end() for m in pattern.finditer(before, reach)), default=-1)

    # The marker nearer the date says: "was due in May, will now be held on 9 July".
    past = max(last(_PAST_PLAN), last(_PAST_AUX))
    if last(_FUTURE_DATE) > past:
        return "future"
    if last(_AHEAD_OF_THEN) > past:
        return "nearest"
    if past < 0 and _OPENING_DATE.match(before) and _FUTURE_VERB_AFTER.match(text, end):
        return "future"
    return "past"


def _ahead(before: str) -> bool:
    """Does the text before a weekday make it a day to come ("will reopen on", "expected to
    reopen the road by")? Not a plan told in the past ("had been due to close on Friday"), nor
    the day something was said ("..., he said on Friday")."""
    if _SAID_ON.search(before):
        return False
    planned = _PLANNED.search(before) is not None and not _PAST_PLAN.search(before)
    return planned or _FUTURE.search(before) is not None


FLASHBACK_DAYS = 14
"""A day named more than this before publication starts a flashback: a weekday after it is a
day of that week ("The mutiny began on Friday, June 23 ... By early on Saturday ..."), not
of the week the article was published in. From an earlier sentence only a day named with its
weekday sets that week: after "She was detained on 25 March ...", a paragraph on "met in an
extraordinary session on Wednesday" is back in the week of publication."""
# "on the evening of Friday, June 23": the day that follows is named with its weekday.
_WEEKDAY_JUST_BEFORE = re.compile(rf"\b(?:{WEEKDAYS}),?\s+(?:the\s+)?$", re.IGNORECASE)


_WEEKDAY_NAMES = tuple(WEEKDAYS.lower().split("|"))


def _weekday_number(span: str) -> int:
    """The weekday ``span`` names, Monday 0 to Sunday 6, wherever it stands in it ("Friday",
    "last Friday", "Friday last week")."""
    return next(
        _WEEKDAY_NAMES.index(word) for word in span.lower().split() if word in _WEEKDAY_NAMES
    )


def _weekday(span: str, published: dt.date, anchor: dt.date | None) -> dt.date | None:
    """The day a weekday names when the publication date alone would misread it: "Monday
    last week" is the Monday of the week before the article's; in an earlier story the
    article is telling (``anchor`` over a week before publication), the first such day from
    the anchor on. None otherwise (dateparser counts back from publication)."""
    words = span.lower().split()
    number = _weekday_number(span)
    if span.lower().endswith("last week"):
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return monday + dt.timedelta(days=number)
    if (
        anchor is not None
        and words[0] not in ("last", "this")
        and (published - anchor).days > FLASHBACK_DAYS
    ):
        return anchor + dt.timedelta(days=(number - anchor.weekday()) % 7)
    return None


# "that Monday", "that same Friday", "on that Saturday": a weekday pointed back at ...
_THAT_WEEKDAY = re.compile(r"\b[Tt]hat\s+(?:same\s+|very\s+)?$")
# ... unless the "that" opens what was said: "said that Monday's vote was fair".
_SAID_THAT = re.compile(
    r"\b(?:said|says|say|told\s+\w+|announced|added|warned|stated|confirmed|insisted|noted|"
    r"argued|claimed|believed|hoped|expected|reported)\s+that\s+$"
)


def _pointed_back(before: str, span: str) -> bool:
    """Does ``before`` (the text before the weekday ``span``) point back at it with "that"
    ("That same Friday", "that Monday afternoon"), not open what someone said with it? Not a
    weekday that says its week ("that Monday last week" is last week's)."""
    return (
        " " not in span.strip()
        and _THAT_WEEKDAY.search(before) is not None
        and _SAID_THAT.search(before) is None
    )


def _on_or_after(anchor: dt.date, span: str) -> dt.date:
    """The first day from ``anchor`` on that is the weekday ``span`` names ("That same Friday"
    after "signed it on 14 May", a Friday: 14 May; "That Monday" after a Sunday: the next
    day)."""
    return anchor + dt.timedelta(days=(_weekday_number(span) - anchor.weekday()) % 7)


def counted(word: str) -> int | None:
    """The count a word gives ("three", "a", "12"), or None when it gives none ("several")."""
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word.lower())


def mentions(
    text: str,
    published: dt.date | None,
    *,
    anchor: dt.date | None = None,
    anchor_weekday: bool = False,
    told: dt.date | None = None,
) -> list[DateMention]:
    """The dates ``text`` gives, in order. Relative ones are resolved against ``published``
    ("Monday", "last week") or ``anchor``, the last day the article named ("four days
    later"); without them they have no date. A weekday is a day of ``anchor``'s week (see
    ``FLASHBACK_DAYS``) when ``anchor_weekday`` (it was named with its weekday) or when this
    text named it."""
    out: list[DateMention] = []
    week = anchor if anchor_weekday else None
    for match in _SPANS.finditer(text):
        kind = match.lastgroup or ""
        span = match.group()
        if not _names_a_date(kind, span, text, match):
            continue
        before = text[: match.start()]
        deadline = (
            _NOT_EVENT.search(before) is not None
            or _PLANNED.search(before) is not None
            or _REPORTED_BY.search(before) is not None
        )
        relative = kind in ("weekday", "near", "week", "ago", "that", "next")
        if kind in ("dmy", "mdy", "month", "year"):
            date, precision = _written_date(kind, span, text, match, published)
            if kind in ("dmy", "mdy") and re.search(YEAR, span) is None:
                date = _in_told_year(date, anchor or told, published)
        else:
            date, precision = _counted_date(kind, span, before, published, anchor, week)
        if kind == "weekday" or _WEEKDAY_JUST_BEFORE.search(before):
            weekday = True
        else:
            # "that night", "two days later": a day of the week the day they count from is in
            weekday = (
                anchor_weekday
                and kind in ("that", "next", "ago")
                and not span.lower().endswith("ago")
            )
        out.append(
            DateMention(
                span, match.start(), match.end(), date, precision, relative, deadline, weekday
            )
        )
        if date is not None and precision == "day" and not deadline:
            # "launched an offensive on 19 September, and ... the next day": a day named
            # earlier in the sentence is what the later ones count from, weekdays too.
            anchor = week = date
            anchor_weekday = weekday
    return out


TOLD_YEAR_REACH = 60
"""A day written without its year within this many days of the day the article last named, in
an earlier year, is of that year: the article is telling that story."""


def _in_told_year(
    date: dt.date | None, anchor: dt.date | None, published: dt.date | None
) -> dt.date | None:
    """``date``, written without its year and read in the publication's year, moved to the
    year of the story the article is telling: after "The siege began on Sunday, 17 July 2016",
    "on 27 July the group seized four ambulance workers" (in an article of 2020) is 27 July
    2016, not 2020. Only when that puts it near the last day named (``TOLD_YEAR_REACH``):
    far from it, the article may be back in its own time."""
    if date is None or anchor is None or published is None:
        return date
    if (published - anchor).days <= FLASHBACK_DAYS or abs((date - anchor).days) <= 366:
        return date
    for year in (anchor.year, anchor.year + 1, anchor.year - 1):
        try:
            moved = date.replace(year=year)
        except ValueError:  # 29 February
            continue
        if abs((moved - anchor).days) <= TOLD_YEAR_REACH and moved <= published:
            return moved
    return date


def _names_a_date(kind: str, span: str, text: str, match: re.Match[str]) -> bool:
    """Whether the ``span`` found at ``match`` names a date: not "May" as a verb ("it may
    rain"), nor a weekday a date follows."""
    if kind == "month" and _MAY_ALONE.match(span):
        before = text[: match.start()].rstrip().lower()
        if not before.endswith(("in", "since", "early", "late", "mid", "of", "and")):
            return False
    # "Friday, June 23", "Sunday 3 November": the date that follows is the day; the weekday
    # alone, counted back from publication, would be another one.
    return not (kind == "weekday" and _DATE_AFTER_WEEKDAY.match(text, match.end()))


def _written_date(
    kind: str, span: str, text: str, match: re.Match[str], published: dt.date | None
) -> tuple[dt.date | None, str]:
    """The date and precision of a date written out ("3 November 2024", "June 23", "March",
    "2015"); without its year, the year it is nearest ``published`` in the way the text
    points (``_year_way``)."""
    if kind == "year":
        return dt.date(int(span), 1, 1), "year"
    if kind == "month":
        core = re.sub(r"^(?:early|mid|late)[- ]", "", span, flags=re.IGNORECASE)
        precision = "month"
    else:
        core = re.sub(r"\bof\s+", "", span)
        precision = "day"
    date: dt.date | None = None
    if re.search(YEAR, span) is not None:
        date, _ = _parse(core, dt.date(2000, 1, 1))
    elif published is not None:
        date, _ = _parse_towards(core, published, _year_way(text, match.start(), match.end()))
    return date, precision


def _counted_date(
    kind: str,
    span: str,
    before: str,
    published: dt.date | None,
    anchor: dt.date | None,
    week: dt.date | None,
) -> tuple[dt.date | None, str]:
    """The date and precision of a day counted from another ("two days later", "Monday",
    "that night", "the next day", "yesterday", "last week"): from ``published``, or from
    ``anchor``, the last day the article named; ``week``: the week a weekday is in, if not
    publication's; ``before``: the text before the span."""
    date: dt.date | None = None
    precision = "day"
    if kind == "ago":
        count_word, unit, direction = span.split()[:3]
        count = counted(count_word) or 0
        days = count * (7 if unit.lower().startswith("week") else 1)
        if direction.lower() == "later":
            date = anchor + dt.timedelta(days=days) if anchor else None
        elif direction.lower() == "earlier" and anchor is not None:
            # "two weeks earlier": before the day the article is on, not before publication
            date = anchor - dt.timedelta(days=days)
        elif published is not None:
            date = published - dt.timedelta(days=days)
        precision = "day" if unit.lower().startswith("day") else "week"
    elif kind == "weekday" and _pointed_back(before, span):
        # "That same Friday", "that Monday afternoon": the weekday of the days the article
        # is telling, pointed back at, never one counted from the publication's week.
        date = _on_or_after(anchor, span) if anchor is not None else None
    elif kind == "weekday" and published is not None:
        date = _weekday(span, published, week)
        if (date is None or _PRESENT_AHEAD.search(before)) and (
            _ahead(before) and not _PAST_WEEK.match(span)
        ):
            # "expected to reopen the road by Thursday", "will meet on Friday": the day
            # ahead, not the one gone (dateparser counts back from publication). Said in
            # the present ("is expected to", "will"), it is ahead of publication even after
            # a flashback; in the past ("would"), of the day the flashback is on.
            number = _weekday_number(span)
            date = published + dt.timedelta(days=(number - published.weekday()) % 7)
        elif date is None:
            day = span.split()[-1]
            if day.lower() == published.strftime("%A").lower() and not span.lower().startswith(
                "last"
            ):
                date = published
            else:
                date, precision = _parse(day, published)
    elif kind == "that":
        # "that night", "that morning": the day the article last named.
        date = anchor
    elif kind == "next" and anchor is not None:
        # "the next day", "the same day", "the day before": counted from the day the
        # article last named (in this sentence or one before), not from publication.
        words = span.lower().split()
        step = 1 if words[-1] == "after" or "next" in words or "following" in words else 0
        step = -1 if words[-1] == "before" or "previous" in words else step
        date = anchor + dt.timedelta(days=step)
    elif kind == "near" and published is not None:
        date, precision = _parse(span, published)
    elif kind == "week" and published is not None:
        date, precision = published - dt.timedelta(days=7), "week"
    return date, precision


_SAID_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|confirmed|added|stated|wrote)\s+(?:\w+\s+)?"
    r"(?:on|early on|late on)?\s*$"
)


def event_date(
    text: str,
    published: dt.date | None,
    *,
    anchor: dt.date | None = None,
    anchor_weekday: bool = False,
    told: dt.date | None = None,
    spoken: bool = True,
) -> DateMention | None:
    """The day the event of ``text`` happened, if the text pins it to a day or a week: the
    first such date that is not a deadline and not after publication. With ``spoken=False``
    the day something was said ("authorities said on Monday") does not count."""
    found = mentions(text, published, anchor=anchor, anchor_weekday=anchor_weekday, told=told)
    for mention in found:
        if mention.date is None or mention.deadline or mention.precision not in ("day", "week"):
            continue
        if not spoken and _SAID_ON.search(text[: mention.start]):
            continue
        if _span_counted(mention) and (written := _written_day(found)) is not None:
            # "Six days later, at about 1 a.m. on 17 October, ...": a span counted from a
            # day told before gives way to the day the sentence writes out itself.
            mention = written
        if mention.relative and _NOT_WHEN.search(text[: mention.start]):
            continue  # "made Monday a day off": not when the sentence's event happened
        if published is not None and (mention.date is None or mention.date > published):
            continue
        return mention
    return None


def _span_counted(mention: DateMention) -> bool:
    """Is ``mention`` a span counted from another day ("six days later", "two weeks ago")?"""
    return mention.relative and mention.text.lower().endswith(("later", "earlier", "ago"))


def _written_day(found: Sequence[DateMention]) -> DateMention | None:
    """The first day among ``found`` written out as a date ("on 17 October"), if any."""
    for mention in found:
        written = not mention.relative and not mention.deadline
        if written and mention.date is not None and mention.precision == "day":
            return mention
    return None


def last_day(
    text: str, published: dt.date | None, *, anchor: dt.date | None = None
) -> dt.date | None:
    """The last day-precise date ``text`` names (what "four days later" later counts from)."""
    return last_anchor(text, published, anchor=anchor)[0]


def last_anchor(
    text: str,
    published: dt.date | None,
    *,
    anchor: dt.date | None = None,
    anchor_weekday: bool = False,
    told: dt.date | None = None,
) -> tuple[dt.date | None, bool]:
    """The last day-precise date ``text`` names, and whether it was named with its weekday
    (see ``mentions``); else ``anchor`` and ``anchor_weekday`` as they were."""
    days = [
        m
        for m in mentions(text, published, anchor=anchor, anchor_weekday=anchor_weekday, told=told)
        if m.date is not None
        and m.precision == "day"
        and not m.deadline  # "by July 1": a deadline is not the day the story is on
        and not (m.relative and _NOT_WHEN.search(text[: m.start]))
        and not _NAMED_BY_DAY.search(text[: m.start])
    ]
    return (days[-1].date, days[-1].weekday) if days else (anchor, anchor_weekday)


# A day that names what is spoken of ("reminded him of 1 March 2008", "the clashes of 1 March
# 2008"): a reference, not the day the story has come to, which "the next day" or "that
# Monday" after it count from. A part of a day ("the night of 13 October") is when, and is.
_NAMED_BY_DAY = re.compile(
    r"(?<!\bnight)(?<!\bmorning)(?<!\bevening)(?<!\bafternoon)(?<!\bday)(?<!\bweek)"
    r"(?<!\bweekend)(?<!\bdawn)(?<!\bhours)\s+of\s+(?:the\s+)?$"
)


# A weekday that is a verb's object ("made Monday a day off"), not when anything happened.
_NOT_WHEN = re.compile(r"\b(?:made|make|makes|declared|declare|declares|named)\s+$")


def spell(date: dt.date) -> str:
    """``14 May 2025``: the way an answer names a day."""
    return f"{date.day} {month_and_year(date)}"


def month_and_year(date: dt.date) -> str:
    """``May 2025``: the month an event is set in. Named from ``MONTHS``, not ``strftime``,
    whose month is the host's locale's: a bot run under a Russian one would write drafts'
    English facts with "Май"."""
    return f"{MONTHS.split('|')[date.month - 1]} {date.year}"


_POSSESSIVE_DAY = re.compile(r"^['’]s\s+(?P<words>(?:[a-z-]+\s*){1,3})")


def _owned_noun(following: str) -> tuple[str, int] | None:
    """After a day: "'s concert hall attack killed ..." -> ("concert hall attack", length of
    "'s concert hall attack"): the nouns the day owns, up to three, none a verb form."""
    match = _POSSESSIVE_DAY.match(following)
    if match is None:
        return None
    nouns: list[str] = []
    for word in match["words"].split():
        if not is_topic_noun(word):
            break
        nouns.append(word)
    if not nouns:
        return None
    phrase = " ".join(nouns)
    return phrase, following.index(phrase) + len(phrase)


_FROM_DAY_BEFORE = re.compile(
    r"^(?:that\s|the\s+(?:next|following|previous|same)\s+day$|the\s+day\s+(?:after|before)$)",
    re.IGNORECASE,
)


def counted_from_day_before(span: str) -> bool:
    """Is ``span`` ("that night", "the next day") a day counted from the one named before?"""
    return _FROM_DAY_BEFORE.match(span) is not None


def absolute(
    text: str,
    published: dt.date | None,
    *,
    anchor: dt.date | None = None,
    anchor_weekday: bool = False,
    told: dt.date | None = None,
) -> str:
    """``text`` with days that only make sense from the publication date written out:
    "on Monday" -> "on Monday 15 April 2024", "yesterday" -> "on 14 April 2024", "four days
    later" -> "on 18 May 2024". Weeks ("last week") stay as written: a week is no day."""
    out: list[str] = []
    done = 0
    found = mentions(text, published, anchor=anchor, anchor_weekday=anchor_weekday, told=told)
    for mention in found:
        if not mention.relative or mention.date is None or mention.precision != "day":
            continue
        if _span_counted(mention) and _written_day(found) is not None:
            continue  # "Six days later, at 1 a.m. on 17 October, ...": the day is written
        before = text[done : mention.start]
        day = spell(mention.date)
        if counted_from_day_before(mention.text):
            # "that night" -> "that night (23 June 2023)": the fact alone says which night.
            out.append(f"{before}{mention.text} ({day})")
            done = mention.end
            continue
        if mention.text.lower().endswith(("later", "earlier", "ago")) or mention.text.lower() in (
            "yesterday",
            "today",
            "the day before yesterday",
        ):
            if before.rstrip().lower().endswith(("on", "by", "until", "since")):
                replacement = day
            else:
                replacement = f"on {day}"
        else:
            weekday = re.sub(r"^(?:last|this)\s+|\s+last\s+week$", "", mention.text, flags=re.I)
            if mention.text.lower().endswith("last week"):
                out.append(f"{before}{weekday} {day}")
                done = mention.end
                continue
            if re.match(
                rf"^,?\s+(?:(?:{MONTHS})\s+\d|\d{{1,2}}\s+(?:{MONTHS}))", text[mention.end :]
            ):
                continue  # "on Wednesday, May 14": the day is written out already
            replacement = f"{weekday} {day}"
            owned = _owned_noun(text[mention.end :])
            if owned:
                # "Friday's attack" -> "the attack on Friday 22 March 2024", never "Friday 22
                # March 2024's attack"; "last" and "this" go, the date says which Friday.
                noun, length = owned
                lead = re.sub(r"\b(?:on|last|this)\s*$", "", before, flags=re.IGNORECASE)
                the = "The" if not "".join(out) + lead.strip() else "the"
                out.append(f"{lead}{the} {noun} on {weekday} {day}")
                done = mention.end + length
                continue
            part = re.match(r"^\s+(morning|evening|night|afternoon)\b", text[mention.end :])
            if part:
                # "on Friday evening" -> "on Friday evening (22 November 2024)"
                out.append(before + f"{weekday} {part.group(1)} ({day})")
                done = mention.end + part.end()
                continue
            if mention.text.lower().startswith(
                ("last ", "this ")
            ) and not before.rstrip().lower().endswith("on"):
                replacement = f"on {replacement}"
        out.append(before + replacement)
        done = mention.end
    out.append(text[done:])
    written = "".join(out)
    if text[:1].isupper() and written[:1].islower():
        # "A day later the chief ..." -> "On 7 August 2024 the chief ...": still a sentence.
        written = written[0].upper() + written[1:]
    return written
