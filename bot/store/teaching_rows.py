"""Taught questions as both backends read them: by fact, and which questions are to be taught
next. The SQL that counts the asks and votes stays each backend's own (its placeholders and
its collation differ)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

from bot.core.models import TEACH_QUEUED, UNTEACH_QUEUED
from bot.core.same_question import holds_question, question_key
from bot.core.storage import QueuedTeaching

TAUGHT_QUESTIONS = "SELECT fact_id, question FROM taught_questions ORDER BY pk"

# The taught questions that are served: those of live facts. A knowledge-file fact a reload
# removed keeps its taught questions (they come back with it), but a question taught only to
# it is waiting to be taught again, like any unanswered one.
SERVED_TAUGHT = (
    "SELECT question FROM taught_questions "
    "WHERE fact_id IN (SELECT id FROM facts WHERE status = 'live')"
)

# Rows read at a time (at least) while filling the list of questions to teach: most lists
# fill from the first page; one whose top questions are all taught reads on.
TO_TEACH_PAGE = 50

# One page of asked questions, most asked first: (how many, skipping how many) -> questions.
PageReader = Callable[[int, int], Awaitable[Sequence[str]]]


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


class ToTeach:
    """The questions worth teaching, gathered from pages of asked questions: none taught yet,
    each once, at most ``limit``. "The same question" is ``bot.core.same_question``'s rule:
    the SQL counts asks by their stored ``question_key`` (``bot.store.ask_spellings``) and
    gives each question's most asked spelling; a question already taught under another
    spelling ("Tram fares?" taught, "tram fares" asked) is skipped here and takes no place
    of the list."""

    def __init__(self, taught: Iterable[str], limit: int) -> None:
        self._seen = {question_key(q) for q in taught}
        self._limit = limit
        self.questions: list[str] = []

    @property
    def full(self) -> bool:
        return len(self.questions) >= self._limit

    async def read(self, page: PageReader) -> None:
        """Take questions from ``page`` (most asked first) until the list is full or the
        pages run out: the list is short only when fewer are left to teach."""
        size = max(self._limit, TO_TEACH_PAGE)
        offset = 0
        while not self.full:
            rows = await page(size, offset)
            for question in rows:
                key = question_key(question)
                if key not in self._seen and not self.full:
                    self._seen.add(key)
                    self.questions.append(question)
            if len(rows) < size:
                return
            offset += size
