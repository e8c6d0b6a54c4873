"""`/kb teach`'s autocomplete answers while a reload writes the database.

Discord gives an autocomplete three seconds. A reload of a large knowledge folder holds its
write transaction for longer; on SQLite the questions worth teaching are read on a connection
of their own, which reads the last committed state meanwhile instead of waiting. On
PostgreSQL every read has a connection of the pool anyway; the test runs on both.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.core.actors import Actor
from bot.core.service import KnowledgeBase
from bot.store.sqlite.changes import SqliteChanges

FACTS_YAML = """\
facts:
  - id: market-fire
    answer: A fire closed the covered market in the old town on Tuesday night.
    questions:
      - why is the covered market closed
"""
UNANSWERED = "who won the regional chess final"
DISCORD_SECONDS = 3
WAIT_SECONDS = 30


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"market.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


class HeldWrite:
    """Holds SQLite's reload in its write transaction (the main connection busy) until
    ``release``."""

    def __init__(self) -> None:
        self.writing = asyncio.Event()
        self.go = asyncio.Event()


@pytest.fixture
async def held_write(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[HeldWrite]:
    gate = HeldWrite()
    latest = SqliteChanges._latest_change

    async def slow(db: Any) -> int:
        # The reload's first read inside its transaction: the write lock is taken already.
        if db.in_transaction:
            gate.writing.set()
            await gate.go.wait()
        return await latest(db)

    monkeypatch.setattr(SqliteChanges, "_latest_change", staticmethod(slow))
    yield gate
    gate.go.set()


async def test_questions_to_teach_answer_during_a_reload_s_write(
    kb: KnowledgeBase, held_write: HeldWrite, backend: Any
) -> None:
    await kb.ask(UNANSWERED)
    await kb.flush()
    (kb.knowledge_dir / "market.yaml").write_text(
        FACTS_YAML.replace("Tuesday", "Wednesday"), "utf-8"
    )
    reload = asyncio.create_task(kb.reload(Actor.operator()))
    if not backend.is_postgres:
        await asyncio.wait_for(held_write.writing.wait(), WAIT_SECONDS)
    # On SQLite the reload's write is held until the end: a query waiting for it would never
    # return, so the wall-clock bound only ends such a test. Discord's three seconds are the
    # bot's work, in CPU seconds, which a busy machine does not stretch.
    started = time.process_time()
    offered = await asyncio.wait_for(kb.questions_to_teach(guild_id=None), WAIT_SECONDS)
    assert time.process_time() - started < DISCORD_SECONDS
    assert offered == [UNANSWERED]
    held_write.go.set()
    report = await reload
    assert report.changed == ("market-fire",)
