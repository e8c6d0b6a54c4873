"""A member's question answered as the service serves it: the start of it that is read, the time
it names, and the matcher or the timeline by that.

``KnowledgeBase.ask`` answers through ``answer`` (and saves the question for the statistics
apart), and so does ``bench.worst_case``: what the benchmark times is what members are served,
and cannot drift from it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.core import timeline
from bot.core.matcher import Matcher
from bot.core.models import AskResult
from bot.core.timeline_answers import TimelineAnswers

# Only the start of an over-long question is matched: nobody's question is 10,000 characters.
MAX_ASK_CHARS = 600


def answer(
    question: str,
    today: dt.date,
    matcher: Matcher,
    timeline_answers: TimelineAnswers,
    *,
    limit: int,
    guild_id: int | None,
) -> AskResult:
    """``question``'s first ``MAX_ASK_CHARS`` characters answered as of ``today`` in
    ``guild_id``: by ``timeline_answers`` when they name a time, else by ``matcher``; marked
    ``truncated`` when more than blanks was left unread."""
    text = question[:MAX_ASK_CHARS]
    when = timeline.read_time(text, today)
    if when is None:
        result = matcher.ask(text, limit=limit, guild_id=guild_id)
    else:
        result = timeline_answers.ask(text, when, limit=limit, guild_id=guild_id)
    if question[MAX_ASK_CHARS:].strip():
        result = dataclasses.replace(result, truncated=True)
    return result
