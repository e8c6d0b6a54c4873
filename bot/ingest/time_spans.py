"""Where a text gives a date or a time of day, with the words that place it ("on the evening
of", "last Saturday"), and the text with such spans taken out: a question asks "when" instead
of repeating the time, and who acted is named without it.
"""

from __future__ import annotations

import re

from bot.ingest import dates
from bot.ingest.clock_times import clock_spans


def without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the (start, end) ``spans`` taken out and its spaces tidied."""
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(text[last:start])
        last = end
    out.append(text[last:])
    return " ".join("".join(out).split())


# ("last Saturday", "next Monday": the word that places the weekday goes with it.)
_TIME_WORDS = re.compile(
    r"\s*\b(?:(?:early|late)\s+)?(?:on|in|since|during|at|by|last|next|this)?\s*(?:the\s+)?"
    r"(?:(?:evening|morning|night|afternoon|end|start|beginning|middle)\s+of\s+)?$"
)


# A year standing as a noun's modifier ("the 2020 protests", "Armenia's 2015 constitution").
_YEAR_MODIFIER = re.compile(r"(?:\b(?:the|a|an|its|their|his|her)|['’]s)\s+$", re.IGNORECASE)


_WEEKDAY_BEFORE = re.compile(rf"\b(?:{dates.WEEKDAYS}),?\s+$")


def time_spans_in(text: str, *, days_only: bool = False) -> list[tuple[int, int]]:
    """Where ``text`` gives dates (with "on the evening of" before them); with ``days_only``
    only days, weekdays and weeks, not months or years ("postponed to October" stays)."""
    spans = []
    for mention in dates.mentions(text, None):
        if days_only and mention.precision in ("month", "year"):
            continue
        if mention.precision == "year" and _YEAR_MODIFIER.search(text[: mention.start]):
            continue  # "a repeat of the 2020 protests": which protests, not when
        start = mention.start
        weekday = _WEEKDAY_BEFORE.search(text[:start])
        if weekday:
            start = weekday.start()  # "on Tuesday 11 February 2025": the weekday goes too
        lead = _TIME_WORDS.search(text[:start])
        if lead:
            start = lead.start()
        end = mention.end
        part = re.match(r"^\s+(?:morning|evening|night|afternoon)\b", text[end:])
        if part:
            end += part.end()
        spans.append((start, end))
    if not days_only:
        # A time of day is asked by "when" as a day is ("when did the blast come", not "...
        # come at about 6:07 a.m.").
        spans += clock_spans(text)
    return sorted(spans)
