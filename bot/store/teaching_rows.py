"""Taught questions as both backends read them: by fact, and which questions are to be taught
next. The SQL that counts the asks and votes stays each backend's own (its placeholders and
its collation differ)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from bot.core.models import TEACH_QUEUED, UNTEACH_QUEUED
from bot.core.same_question import holds_question, question_key
from bot.core.storage import QueuedTeaching

TAUGHT_QUESTIONS = "SELECT fact_id, question FROM taught_questions ORDER BY pk"

# The taught questions that are served (lower case): those of live facts. A knowledge-file
# fact a reload removed keeps its taught questions (they come back with it), but a question
# taught only to it is waiting to be taught again, like any unanswered one.
SERVED_TAUGHT = (
    "SELECT lower(question) FROM taught_questions "
    "WHERE fact_id IN (SELECT id FROM facts WHERE status = 'live')"
)


QUEUED_TEACHINGS = (
    "SELECT pk, action, fact_id, question, actor, guild_id, member_fact FROM queued_teachings "
    "ORDER BY pk"
)


def queued_teaching(row: Sequence[Any]) -> QueuedTeaching:
    pk, action, fact_id, question, actor, guild_id, member_fact = row
    return QueuedTeaching(action, fact_id, question, actor, guild_id, bool(member_fact), int(pk))


def queued_action(teaching: QueuedTeaching) -> str:
    """The audit action of queueing ``teaching``."""
    return UNTEACH_QUEUED if teaching.action == "unteach" else TEACH_QUEUED


def already_taught(stored: Iterable[Sequence[Any]], question: str) -> bool:
    """Whether ``question`` is the same question as one of the ``stored`` (question,) rows of
    its fact: taught once, whatever its letter case, spaces or punctuation."""
    return holds_question((row[0] for row in stored), question)


def taught_by_fact(rows: Iterable[Sequence[Any]]) -> dict[str, tuple[str, ...]]:
    """(fact id, question) rows, oldest first, as each fact's questions in that order."""
    taught: dict[str, list[str]] = {}
    for fact_id, question in rows:
        taught.setdefault(fact_id, []).append(question)
    return {fact_id: tuple(questions) for fact_id, questions in taught.items()}


def next_to_teach(
    unanswered: Sequence[str], voted: Sequence[str], taught: set[str], limit: int
) -> list[str]:
    """The unanswered questions first, then the 👎-voted ones, none taught yet (as the same
    question, ``bot.core.same_question``): each once, at most ``limit``."""
    done = {question_key(q) for q in taught}
    out = list(dict.fromkeys(q for q in (*unanswered, *voted) if question_key(q) not in done))
    return out[:limit]
