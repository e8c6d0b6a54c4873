"""`kb stats` counts a question asked in several spellings as one question.

"Why was the mayor recalled?" and "why was the mayor recalled" are one question by
``bot.core.same_question``'s rule, as teaching and the index decide it: the lists of the most
asked unanswered questions and of the answers voted 👎 give it one line with the spellings'
counts summed, shown as its most asked spelling, on SQLite and on PostgreSQL (the ``backend``
fixture of tests/conftest.py). Asks recorded before their key was stored are counted so too
once the store has opened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.composition import DatabaseName, open_knowledge_base_at
from bot.core.models import Decision
from bot.core.service import KnowledgeBase
from bot.core.storage import AskRecord

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
HOME = 31


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"club.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


async def ask(kb: KnowledgeBase, question: str, times: int, decision: Decision) -> None:
    for _ in range(times):
        result = await kb.ask(question, guild_id=HOME)
        assert result.decision is decision, question


async def ask_spellings_of_the_mayor(kb: KnowledgeBase) -> None:
    await ask(kb, "why was the mayor recalled?", 2, Decision.UNKNOWN)
    await ask(kb, "Why was the mayor recalled", 1, Decision.UNKNOWN)
    await ask(kb, "  WHY was the mayor recalled?! ", 1, Decision.UNKNOWN)
    await ask(kb, "bitcoin price today", 3, Decision.UNKNOWN)
    await kb.flush()


async def test_spellings_of_one_unanswered_question_make_one_line(kb: KnowledgeBase) -> None:
    """Asked four times in three spellings, the mayor's question leads the list with 4 (its
    most asked spelling shown), ahead of a question asked three times in one spelling; the
    list of questions worth teaching puts it first too."""
    await ask_spellings_of_the_mayor(kb)

    stats = await kb.stats(guild_id=HOME)
    assert stats.top_unanswered == (
        ("why was the mayor recalled?", 4),
        ("bitcoin price today", 3),
    )
    assert (await kb.stats(all_guilds=True)).top_unanswered == stats.top_unanswered
    assert await kb.questions_to_teach(guild_id=HOME) == [
        "why was the mayor recalled?",
        "bitcoin price today",
    ]


async def test_votes_on_answers_to_spellings_of_one_question_make_one_line(
    kb: KnowledgeBase, backend: Any
) -> None:
    """Three 👎, each on the answer to a spelling of one question asked a minute before it,
    are one line of 3, shown as the spelling most voted."""
    spellings = [
        "who won the club chess final?",
        "Who won the club chess final",
        "WHO won the club chess final?",
    ]
    for minute, question in enumerate(spellings):
        asked = dt.datetime(2025, 5, 7, 10, minute * 2, tzinfo=dt.UTC)
        voted = asked + dt.timedelta(minutes=1)
        record = AskRecord(question, Decision.ANSWER, "chess-final", 1.0, HOME, asked.isoformat())
        await kb.store.record_asks([record])
        await backend.query(
            "INSERT INTO feedback (answer_ref, user_id, guild_id, fact_id, vote, at) "
            "VALUES (?, ?, ?, 'chess-final', -1, ?)",
            f"msg-{minute}",
            minute,
            HOME,
            voted if backend.is_postgres else voted.isoformat(),
        )

    stats = await kb.stats(guild_id=HOME)
    assert stats.top_thumbs_down == (("who won the club chess final?", "chess-final", 3),)


async def test_asks_recorded_before_their_key_are_counted_once_the_store_opens(
    database: DatabaseName, knowledge_dir: Path, backend: Any
) -> None:
    """Asks stored without a key (by a version before it, or an older process since) are
    given theirs when the store opens, and then count as one question."""
    kb = await open_knowledge_base_at(database, knowledge_dir)
    try:
        await ask_spellings_of_the_mayor(kb)
    finally:
        await kb.close()
    await backend.query("UPDATE asks SET question_key = NULL")

    kb = await open_knowledge_base_at(database, knowledge_dir)
    try:
        stats = await kb.stats(guild_id=HOME)
    finally:
        await kb.close()
    assert stats.top_unanswered[0] == ("why was the mayor recalled?", 4)
    assert await backend.query("SELECT COUNT(*) FROM asks WHERE question_key IS NULL") == [(0,)]


async def record_unknown(kb: KnowledgeBase, asked: dict[str, int], guild_id: int = HOME) -> None:
    records = [
        AskRecord(question, Decision.UNKNOWN, None, 0.0, guild_id)
        for question, times in asked.items()
        for _ in range(times)
    ]
    await kb.store.record_asks(records)


# Seven questions: the ferry's asked three times in two spellings, five asked twice (the
# bridge's in two spellings, one each: the spelling first in byte order is shown), and one once.
TIED_AT_THE_END = {
    "What did the ferry cost?": 1,
    "what did the ferry cost": 2,
    "who opened the harbour bridge?": 1,
    "Who opened the harbour bridge": 1,
    "when does the tram depot open": 2,
    "how tall is the new tower": 2,
    "where is the flower market": 2,
    "why did the bakery close": 2,
    "is the lake frozen": 1,
}
BY_TOTAL_THEN_SPELLING = [
    ("what did the ferry cost", 3),
    ("how tall is the new tower", 2),
    ("when does the tram depot open", 2),
    ("where is the flower market", 2),
    ("who opened the harbour bridge", 2),
    ("why did the bakery close", 2),
    ("is the lake frozen", 1),
]


async def test_questions_tied_at_the_end_of_the_list_are_listed_by_spelling(
    kb: KnowledgeBase,
) -> None:
    """Five questions asked twice compete for the list's last four places: the first four by
    their shown spelling are listed, whoever was asked first; the list of questions worth
    teaching goes on with the fifth and then the one asked once. Another server's asks count
    only in the list of every server."""
    await record_unknown(kb, TIED_AT_THE_END)
    await record_unknown(kb, {"is the lake frozen": 4}, guild_id=HOME + 1)

    stats = await kb.stats(guild_id=HOME)
    assert stats.top_unanswered == tuple(BY_TOTAL_THEN_SPELLING[:5])
    everywhere = await kb.stats(all_guilds=True)
    assert everywhere.top_unanswered == (
        ("is the lake frozen", 5),
        ("what did the ferry cost", 3),
        *BY_TOTAL_THEN_SPELLING[1:4],
    )

    listed = await kb.questions_to_teach(guild_id=HOME, limit=3)
    assert listed == [q for q, _ in BY_TOTAL_THEN_SPELLING[:3]]
    whole = await kb.questions_to_teach(guild_id=HOME, limit=10)
    assert whole == [q for q, _ in BY_TOTAL_THEN_SPELLING]


async def test_asks_an_older_process_recorded_without_a_key_count_by_their_spelling(
    kb: KnowledgeBase, backend: Any
) -> None:
    """Asks recorded without a key since the store opened (by a process of an older version)
    count by their lower-cased spelling until the next start keys them: with the keyed asks of
    that spelling, and apart from another spelling of the question."""
    await record_unknown(kb, {"why was the mayor recalled": 2, "bitcoin price today": 3})
    await backend.query("UPDATE asks SET question_key = NULL WHERE question LIKE 'bitcoin%'")
    await record_unknown(kb, {"Why was the mayor recalled": 1, "why was the mayor recalled?": 1})
    await backend.query(
        "UPDATE asks SET question_key = NULL WHERE question IN (?, ?)",
        "Why was the mayor recalled",
        "why was the mayor recalled?",
    )

    stats = await kb.stats(guild_id=HOME)
    assert stats.top_unanswered == (
        ("bitcoin price today", 3),
        ("why was the mayor recalled", 3),
        ("why was the mayor recalled?", 1),
    )
