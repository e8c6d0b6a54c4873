"""`kb backup` while the bot is busy: a consistent copy on a real database file, whoever writes."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from bot.composition import open_knowledge_base_at
from bot.core.actors import Actor
from bot.core.service import FactInput, StartMode
from bot.core.storage import QueuedTeaching, StoreError
from bot.store import SqliteStore
from tests.storage.asking import answer_of

FACTS_YAML = """\
facts:
  - id: ambassador-recalled
    answer: Azerbaijan called its ambassador in Moscow home for consultations.
    questions: [why did azerbaijan recall its ambassador]
"""
OPERATOR = Actor.operator()


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Run one query on a database file with the standard library."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def other_process_writes(database: Path, stop: threading.Event, done: list[str]) -> None:
    """Insert facts on a connection of its own, as another process would, until stopped;
    ``done`` lists each fact once its commit has returned."""
    connection = sqlite3.connect(database, isolation_level=None, timeout=10)
    try:
        n = 0
        while not stop.is_set():
            fact_id = f"other-{n}"
            connection.execute(
                "INSERT INTO facts (id, origin, answer, created_at, updated_at) "
                "VALUES (?, 'user', 'Written by another process.', '2025-01-01', '2025-01-01')",
                (fact_id,),
            )
            done.append(fact_id)
            n += 1
            time.sleep(0.002)  # a writer among others, not one hogging the write lock
    finally:
        connection.close()


async def test_backup_while_this_process_is_in_a_write(tmp_path: Path) -> None:
    """A backup taken while this process's writer is in the middle of a transaction succeeds:
    it holds every fact saved before, and nothing of the unfinished write."""
    database = tmp_path / "newsdesk.db"
    store = await SqliteStore.open(database)
    try:
        async with store.transaction() as db:  # the statistics writer, half-way through
            await db.execute(
                "INSERT INTO facts (id, origin, answer, created_at, updated_at) "
                "VALUES ('unfinished', 'user', 'Not committed yet.', 'now', 'now')"
            )
            await store.backup(tmp_path / "copy.db")
    finally:
        await store.close()
    copy = tmp_path / "copy.db"
    assert query(copy, "PRAGMA integrity_check") == [("ok",)]
    assert query(copy, "SELECT id FROM facts") == []
    assert query(database, "SELECT id FROM facts") == [("unfinished",)]


async def test_backup_while_writers_run_holds_every_acknowledged_fact(
    tmp_path: Path, make_knowledge_dir: Any
) -> None:
    """`kb backup` while this process adds facts and asks are recorded, and another process
    writes too, succeeds, passes an integrity check and holds every fact acknowledged before
    it started."""
    knowledge = make_knowledge_dir({"facts.yaml": FACTS_YAML})
    database = tmp_path / "newsdesk.db"
    kb = await open_knowledge_base_at(database, knowledge, start=StartMode.RELOAD)
    added: list[str] = []
    other: list[str] = []
    stop = threading.Event()
    writer = threading.Thread(target=other_process_writes, args=(database, stop, other))
    busy = asyncio.Event()

    async def add_facts() -> None:
        n = 0
        while not stop.is_set():
            fact = await kb.add_fact(FactInput(f"Fact number {n} about the pipeline."), OPERATOR)
            added.append(fact.id)
            await kb.ask(f"what about the pipeline {n}")  # the statistics writer runs too
            n += 1
            if len(added) >= 20 and len(other) >= 20:
                busy.set()
            await asyncio.sleep(0)

    writer.start()
    adding = asyncio.create_task(add_facts())
    try:
        await asyncio.wait_for(busy.wait(), 30)
        acknowledged = {"ambassador-recalled", *added, *other}
        await kb.backup(tmp_path / "copy.db")
        assert len(added) > 0
    finally:
        stop.set()
        await adding
        await asyncio.to_thread(writer.join, 10)
        await kb.close()
    copy = tmp_path / "copy.db"
    assert query(copy, "PRAGMA integrity_check") == [("ok",)]
    in_copy = {row[0] for row in query(copy, "SELECT id FROM facts")}
    assert acknowledged <= in_copy
    assert query(copy, "PRAGMA user_version") == query(database, "PRAGMA user_version")


async def test_backup_refuses_to_leave_a_half_copy(tmp_path: Path) -> None:
    """A backup that cannot be written raises StoreError and leaves no file behind."""
    store = await SqliteStore.open(tmp_path / "newsdesk.db")
    target = tmp_path / "no-such-directory" / "copy.db"
    try:
        with pytest.raises(StoreError):
            await store.backup(target)
    finally:
        await store.close()
    assert not target.exists()


async def test_a_backup_keeps_a_queued_teaching_which_the_restored_copy_makes(
    tmp_path: Path, make_knowledge_dir: Any
) -> None:
    """A moderator was told a teaching waits for a reload; the bot is backed up before it is
    made. The backup holds it, and a bot started on the restored copy makes it."""
    knowledge = make_knowledge_dir({"facts.yaml": FACTS_YAML})
    taught = "how come baku's envoy left moscow"
    kb = await open_knowledge_base_at(tmp_path / "newsdesk.db", knowledge)
    try:
        queued = QueuedTeaching("teach", "ambassador-recalled", taught, OPERATOR.key, None, False)
        await kb.store.queue_teaching(queued, "a reload")
        await kb.backup(tmp_path / "copy.db")
    finally:
        await kb.close()
    copy = tmp_path / "copy.db"
    assert query(copy, "PRAGMA integrity_check") == [("ok",)]
    assert query(copy, "SELECT question FROM queued_teachings") == [(taught,)]
    restored = await open_knowledge_base_at(copy, knowledge)
    try:
        assert await answer_of(restored, taught) == "ambassador-recalled"
        assert await restored.store.queued_teachings() == []
    finally:
        await restored.close()
