"""The day a statement is dated by, and the note saying how a relative day was counted."""

from __future__ import annotations

import datetime as dt
import re

from bot.ingest import dates


def date_note(mention: dates.DateMention, published: dt.date | None) -> str | None:
    if not mention.relative:
        return None
    if mention.text.lower().endswith(("later", "earlier")) or dates.counted_from_day_before(
        mention.text
    ):
        return f'"{mention.text}": counted from the day named before it'
    if published is None:
        return None
    if mention.date is not None and (published - mention.date).days > dates.FLASHBACK_DAYS:
        return f'"{mention.text}": in the week of the day named before it'
    if mention.precision == "week":
        return f'"{mention.text}": about, a week before publication ({dates.spell(published)})'
    return f'"{mention.text}": counted from the publication date ({dates.spell(published)})'


# A main clause after another: ", and a closing ceremony was held ...", "; the road ...".
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while)\s|;\s")


def told_after(sentence: str, said: dates.DateMention, own: dates.DateMention) -> bool:
    """Is ``own`` the day of an event told in a main clause after the one saying on ``said``
    that something would happen? Then the fact is about that event, not about the saying."""
    return (
        own.precision == "day"
        and own.start > said.start
        and _NEXT_CLAUSE.search(sentence, said.end, own.start) is not None
    )
