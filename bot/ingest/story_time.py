"""Does a sentence tell of the story's own days, or of another time?

A fact is set in the article's main event ("In the Lestria runoff of 1 June 2025, ...") only
when its sentence tells of the event's days: set there, "Renko first won the presidency in
2015" or "The yes side won 50.4 percent" (of a referendum three weeks before) would read as
false. So a sentence whose main clause names a time before the story's ("in 2015", "last
year", "in early October" of a story in November, "in Soviet times") tells of another time,
and the undated sentences after it, as a rule, go on about it (``Referents`` follows that).
A time named in an aside ("Zhanaozen, where police shot 14 workers in December 2011") keeps
its own sentence out of the event, but the story goes on where it was. A main clause in the
past perfect with no day of its own ("Russia had signalled it would block ...") tells of
what came before the story too.

The story's own days run from a day before a one-off event's day (a crash, a vote) to the
publication; with no such day, from the start of the month before the event's (floods that
began "in late March" are reported in April); for a law, half a year back.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from bot.ingest import dates
from bot.ingest.lexicon import is_past
from bot.ingest.main_clause import parse

LEAD_UP_DAYS = 31
"""A span that began this close before the story's days ("from 21 January") is part of it."""
LAW_DAYS = 183
"""A law's story goes back this far: the protests and votes of its passage are part of it."""


class Standing(Enum):
    """Where a sentence stands in time, by the times it names."""

    STORY = "story"
    """It names a time within the story's own days."""
    OTHER = "other"
    """Its main clause names a time before them."""
    ASIDE = "aside"
    """Only an aside of it (a relative clause) names a time before them."""
    NONE = "none"
    """It names no time that says (its sentences around it do)."""


@dataclass(frozen=True, slots=True)
class StoryDays:
    """The days the article's story happens in."""

    first: dt.date
    last: dt.date

    @classmethod
    def of(
        cls, day: dt.date | None, published: dt.date | None, *, one_off: bool, law: bool
    ) -> StoryDays | None:
        """The days of a story whose event happened on ``day`` (a one-off event) or was
        reported on ``published``."""
        last = max(d for d in (day, published) if d is not None) if day or published else None
        if last is None:
            return None
        if day is not None and one_off:
            return cls(day - dt.timedelta(days=1), last)
        base = day or last
        if law:
            return cls(base - dt.timedelta(days=LAW_DAYS), last)
        month_before = (base.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        return cls(month_before, last)

    def before(self, mention: dates.DateMention) -> bool:
        """Is ``mention`` wholly before the story's days?"""
        date = mention.date
        if date is None:
            return False
        if mention.precision == "year":
            return date.year < self.first.year
        if mention.precision == "month":
            return (date.year, date.month) < (self.first.year, self.first.month)
        return date < self.first

    def lead_up(self, mention: dates.DateMention) -> bool:
        """Is ``mention`` within ``LEAD_UP_DAYS`` before the story's days? A span from then
        ("open for five days of early voting from 21 January") runs into the story."""
        date = mention.date
        return (
            date is not None
            and mention.precision == "day"
            and ((self.first - date).days <= LEAD_UP_DAYS)
        )

    def holds(self, mention: dates.DateMention) -> bool:
        """Does ``mention`` fall within the story's days?"""
        date = mention.date
        if date is None:
            return False
        if mention.precision == "year":
            return self.first.year <= date.year <= self.last.year
        if mention.precision == "month":
            first, last = (self.first.year, self.first.month), (self.last.year, self.last.month)
            return first <= (date.year, date.month) <= last
        return self.first <= date <= self.last


# Earlier times no date parser reads: "last year", "two decades ago", "in Soviet times".
_EARLIER = re.compile(
    r"\b(?:last|the previous|the preceding)\s+(?:year|month|summer|winter|spring|autumn|fall|"
    r"decade)\b(?!['’]s)"
    r"|\b(?:\w+\s+)?(?:years|decades|a year|a decade)\s+(?:ago|earlier|before)\b"
    r"|\bearlier\s+(?:this|that|last)\s+(?:year|decade)\b"
    r"|\bin\s+(?:Soviet|Tsarist|colonial|communist|imperial|Ottoman|medieval|ancient|pre-war|"
    r"post-war|pre-independence)\s+times\b"
    r"|\bin\s+the\s+(?:early\s+|late\s+|mid-)?(?:1[89]|20)\d0s\b",
    re.IGNORECASE,
)
# A time is the sentence's when it follows one of these (or opens a clause): "in 2015",
# "last September", "on 19 September". After anything else it qualifies a noun: "the
# disputed 2020 election", "the 2015 Paris Agreement".
_TIME_LEAD = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:in|on|since|from|during|between|and|or|of|last|this|early|late|"
    r"mid|than|at)\s+)$",
    re.IGNORECASE,
)
# Of the times that are not a sentence's event's day ("by July 1", "had been due to close on
# Friday"), a range's start is still its time: "has hosted the weapons since 2023".
_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.IGNORECASE)
# An aside: a relative clause ("who served two years in prison in Soviet times", "where
# police shot ... in December 2011", "that rich countries set in 2009") runs from its
# pronoun to the next break.
_RELATIVE = re.compile(
    r"\b(?:who|whom|whose|which|where)\b|,\s*when\b|(?<![a-z]ed)(?<!said|told|says)\s+that\b"
)
_BREAK = re.compile(r"[,;:]|\s[-–—]\s")


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text``."""
    found = list(pattern.finditer(text))
    return found[-1] if found else None


def _in_aside(before: str) -> bool:
    """Does the text ending at a time stand in an aside begun before it: a relative clause,
    or a participle's after a comma ("In the first round, held two weeks earlier, ...")?"""
    breaks = list(_BREAK.finditer(before))
    if breaks:
        opening = re.match(r"\s*([a-z]+)\b", before[breaks[-1].end() :])
        if opening is not None and is_past(opening.group(1)):
            return True
    last = _last(_RELATIVE, before)
    return last is not None and _BREAK.search(before, last.end()) is None


_SAY = re.compile(
    r"\b(?:said|says|say|told|added|argued|insisted|claimed|warned|stated|announced|noted|"
    r"confirmed|denied|admitted|recalled)\b"
)
_SAID_WHEN = re.compile(r"^\s*(?:(?:early|late)\s+)?(?:on|in|last|this)?\s*$")


def _reported(before: str) -> bool:
    """Does the text ending at a time hold what someone said ("Nazarbayev said he had been a
    pensioner since 2019")? The time is then what was said, not when: the saying is the
    sentence's event. ("said in early October that ..." is when.)"""
    last = _last(_SAY, before)
    return last is not None and _SAID_WHEN.match(before[last.end() :]) is None


def _in_present(text: str) -> bool:
    """Is ``text``'s main clause in the present ("Opponents call the measure ..., comparing it
    with the legislation Moscow adopted in 2012")? A past time in it is then an aside's."""
    clause = parse(text)
    if clause is None or clause.verb is None:
        return False
    if clause.aux is not None:
        return clause.aux in ("is", "are", "has", "have", "does", "do")
    return not is_past(clause.verb)


def standing(
    text: str,
    days: StoryDays | None,
    published: dt.date | None,
    *,
    anchor: dt.date | None = None,
    anchor_weekday: bool = False,
    told: dt.date | None = None,
) -> Standing:
    """Where ``text`` stands against the story's ``days``. A time of the story's in its main
    clause is its time, whatever else it names: "EU leaders meeting on June 27 had concluded
    ..., six months after Georgia was granted candidate status in December 2023"."""
    if days is None:
        return Standing.NONE
    own_before = aside_before = within = False
    for mention in dates.mentions(
        text, published, anchor=anchor, anchor_weekday=anchor_weekday, told=told
    ):
        before = text[: mention.start]
        if mention.date is None or (mention.deadline and not _SINCE.search(before)):
            continue
        if mention.precision in ("year", "month") and not _TIME_LEAD.search(before):
            continue  # "the 2020 election": a noun's, not the sentence's
        if _reported(before):
            continue
        aside = _in_aside(before)
        if days.before(mention) and not (_SINCE.search(before) and days.lead_up(mention)):
            own_before |= not aside
            aside_before |= aside
        elif days.holds(mention) and not aside:
            within = True
    for match in _EARLIER.finditer(text):
        before = text[: match.start()]
        if _reported(before):
            continue
        aside = _in_aside(before)
        own_before |= not aside
        aside_before |= aside
    if within:
        return Standing.STORY
    if own_before and not _in_present(text):
        return Standing.OTHER
    if own_before or aside_before:
        return Standing.ASIDE
    return Standing.NONE


def told_before(text: str, published: dt.date | None) -> bool:
    """Is ``text``'s main clause in the past perfect with no day of its own ("Russia had
    signalled ...")? Then it tells of a time before the story's. With a day ("By Friday 40
    people had died") the day is its time."""
    if dates.mentions(text, published) or _SAY.search(text):
        return False  # a day of its own; or what someone said, in the tense of the saying
    clause = parse(text)
    return clause is not None and clause.aux == "had"


def earlier_in(text: str, days: StoryDays | None, published: dt.date | None) -> bool:
    """Does ``text`` name a time before the story's, even as a noun's ("the 2020 protests")?
    What it then goes on to call "the vote" is that time's."""
    if days is None:
        return False
    if any(days.before(m) for m in dates.mentions(text, published) if not m.deadline):
        return True
    return _EARLIER.search(text) is not None
