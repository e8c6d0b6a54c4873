"""The list of questions worth teaching (`kb teach` alone, `/kb teach`'s autocomplete) is full
and decides "the same question" by one rule.

On a real database (an SQLite file, and a PostgreSQL database: the ``backend`` fixture of
tests/conftest.py): a question already taught under another spelling ("Who won the chess
final?" taught, "who won the chess final" asked) is not offered, and does not take a place of
the list either: the moderator asking for two questions gets two when two are left to teach.
Two spellings of one asked question are offered once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.actors import Actor
from bot.core.models import Decision
from bot.core.service import KnowledgeBase

FACTS_YAML = """\
source:
  title: A made-up club bulletin
  published: 2025-05-06
facts:
  - id: chess-final
    answer: The club's chess final was won by the youngest player, who is twelve.
    questions:
      - who won the club chess final
"""
HOME = 21
OPERATOR = Actor.operator()


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"club.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


async def ask_unanswered(kb: KnowledgeBase, question: str, times: int) -> None:
    for _ in range(times):
        result = await kb.ask(question, guild_id=HOME)
        assert result.decision is Decision.UNKNOWN, question


async def test_a_question_taught_under_another_spelling_takes_no_place(
    kb: KnowledgeBase,
) -> None:
    """The most asked question was taught as "Bitcoin price today?": the two places asked for
    go to the next two questions, not one."""
    await ask_unanswered(kb, "bitcoin price today", 3)
    await ask_unanswered(kb, "best pizza in town", 2)
    await ask_unanswered(kb, "tram fares next year", 1)
    await kb.flush()
    await kb.teach("Bitcoin price today?", "chess-final", OPERATOR)

    assert await kb.store.questions_to_teach(HOME, limit=2) == [
        "best pizza in town",
        "tram fares next year",
    ]


async def test_many_taught_questions_ahead_still_leave_a_full_list(kb: KnowledgeBase) -> None:
    """More taught questions than a page of the list, all asked more often than the rest:
    the list still holds as many as asked for."""
    taught = [f"lottery numbers for week {n}" for n in range(7)]
    for question in taught:
        await ask_unanswered(kb, question, 3)
    left = ["best pizza in town", "tram fares next year", "parking near the station"]
    for question in left:
        await ask_unanswered(kb, question, 1)
    await kb.flush()
    for question in taught:
        await kb.teach(question.upper() + "!", "chess-final", OPERATOR)

    assert await kb.store.questions_to_teach(HOME, limit=3) == sorted(left)


async def test_two_spellings_of_one_asked_question_are_offered_once(kb: KnowledgeBase) -> None:
    """Asked as "best pizza in town" and "Best pizza in town??", it is one question to teach:
    listed once, as its most asked spelling, and its second place goes to the next question."""
    await ask_unanswered(kb, "best pizza in town", 2)
    await ask_unanswered(kb, "Best pizza in town??", 1)
    await ask_unanswered(kb, "tram fares next year", 1)
    await kb.flush()

    assert await kb.store.questions_to_teach(HOME, limit=2) == [
        "best pizza in town",
        "tram fares next year",
    ]
