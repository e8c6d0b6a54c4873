"""A teaching queued behind a reload is made even if the bot dies during that reload.

The moderator was told "a reload is under way: the question is answered as soon as it ends".
The bot is killed (SIGKILL) mid-reload, so that reload never ends in it: the next start on the
same database makes what was queued, and the fact's history says when it was queued and when
it was made. And a queued taking back that finds its question no longer taught is audited as
not made, like a teaching that could not be made. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.composition import DatabaseName, open_knowledge_base_at
from bot.core.actors import Actor
from bot.core.service import KnowledgeBase, StartMode
from bot.core.storage import QueuedTeaching
from bot.store import SqliteStore
from bot.store.sqlite.migrations import MIGRATIONS
from tests.storage.asking import answer_of
from tests.storage.test_teaching_during_reload import FACTS_YAML, HeldReload, held  # noqa: F401

CHILD = Path(__file__).with_name("queued_teaching_child.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
TAUGHT = "y r the rails dead lol"
TAKEN_BACK = "bridge closed lol"
OPERATOR = Actor.operator()
WAIT = 60


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"transport.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


def killed_during_its_reload(database: DatabaseName, knowledge_dir: Path) -> str:
    """Run the child until it has queued its teaching and taking back, then SIGKILL it;
    what it told the moderator."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(database), str(knowledge_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("QUEUED "), child.stderr.read() if child.stderr else line
    finally:
        child.kill()
        child.wait(WAIT)
    return line.removeprefix("QUEUED ").strip()


async def test_a_teaching_queued_by_a_killed_bot_is_made_at_the_next_start(
    database: DatabaseName, knowledge_dir: Path
) -> None:
    told = await asyncio.to_thread(killed_during_its_reload, database, knowledge_dir)
    assert told.startswith(f"A reload is under way: {TAUGHT!r} is answered with tram-strike")
    assert f"{TAKEN_BACK!r} is taken back from bridge-repairs as soon as it ends" in told
    restarted = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await answer_of(restarted, TAUGHT) == "tram-strike"
        assert restarted.taught_questions("bridge-repairs") == ()
        assert await restarted.store.queued_teachings() == []
        history = [(e.action, e.detail) for e in await restarted.history("tram-strike")]
        assert history[-2:] == [
            ("teach-queued", {"question": TAUGHT, "behind": "a reload"}),
            ("teach", {"question": TAUGHT}),
        ]
        actions = [e.action for e in await restarted.history("bridge-repairs")]
        assert actions[-3:] == ["teach", "unteach-queued", "unteach"]
    finally:
        await restarted.close()
    # Made once: a second start finds nothing left to make.
    again = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await again.make_queued() == 0
        actions = [e.action for e in await again.history("tram-strike")]
        assert actions.count("teach") == 1
    finally:
        await again.close()


async def test_a_queued_taking_back_of_a_question_taken_back_meanwhile_is_audited(
    database: DatabaseName,
    knowledge_dir: Path,
    held: HeldReload,  # noqa: F811
) -> None:
    """Two moderators take the same question back during one reload: the first is made; the
    second, told it would be, finds it no longer taught and `fact history` says so."""
    with held.passing():
        kb = await open_knowledge_base_at(database, knowledge_dir)
    try:
        await kb.teach(TAKEN_BACK, "bridge-repairs", OPERATOR)
        reload = asyncio.create_task(kb.reload(OPERATOR))
        await held.started()
        # Moderators of the one server the bot is in: they manage the shared knowledge.
        first = Actor.discord_user(1, 10, is_moderator=True, name="one")
        second = Actor.discord_user(2, 10, is_moderator=True, name="two")
        for moderator in (first, second):
            taken = await asyncio.wait_for(kb.unteach(TAKEN_BACK, None, moderator), 5)
            assert taken.waits_for == "a reload"
        held.release()
        await reload
        history = [(e.actor, e.action, e.detail) for e in await kb.history("bridge-repairs")]
        assert history[-2:] == [
            ("discord:1", "unteach", {"question": TAKEN_BACK}),
            (
                "discord:2",
                "unteach-not-made",
                {"question": TAKEN_BACK, "why": "it was no longer taught to the fact by then"},
            ),
        ]
        assert await kb.store.queued_teachings() == []
    finally:
        await kb.close()


async def test_a_teaching_queued_and_made_in_the_same_process_leaves_nothing_queued(
    kb: KnowledgeBase,
    held: HeldReload,  # noqa: F811
) -> None:
    reload = asyncio.create_task(kb.reload(OPERATOR))
    await held.started()
    await asyncio.wait_for(kb.teach(TAUGHT, "tram-strike", OPERATOR), 5)
    assert [q.question for q in await kb.store.queued_teachings()] == [TAUGHT]
    held.release()
    await reload
    assert await kb.store.queued_teachings() == []
    assert await answer_of(kb, TAUGHT) == "tram-strike"


async def test_a_teaching_made_by_a_process_started_mid_reload_is_made_once(
    kb: KnowledgeBase,
    held: HeldReload,  # noqa: F811
    database: DatabaseName,
    knowledge_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A second process starts while the first is in its reload and makes the teaching the
    first queued; the first, its reload ended, finds it made: the fact's history has the one
    teaching and the log says nothing of one not made."""
    reload = asyncio.create_task(kb.reload(OPERATOR))
    await held.started()
    await asyncio.wait_for(kb.teach(TAUGHT, "tram-strike", OPERATOR), 5)
    other = await open_knowledge_base_at(database, knowledge_dir, start=StartMode.STORED_ONLY)
    try:
        assert await answer_of(other, TAUGHT) == "tram-strike"
    finally:
        await other.close()
    caplog.set_level(logging.INFO, logger="bot.core")
    held.release()
    await reload
    await kb.catch_up()
    assert await answer_of(kb, TAUGHT) == "tram-strike"
    actions = [e.action for e in await kb.history("tram-strike")]
    assert actions[-2:] == ["teach-queued", "teach"]
    assert not [r.message for r in caplog.records if "not taught" in r.message]


async def test_a_queued_teaching_made_elsewhere_never_takes_a_later_ones_place(
    kb: KnowledgeBase,
) -> None:
    """A process queued a teaching that another made meanwhile; a moderator then queues a
    second. When the first process comes to make its own (its reload ended), the second stays
    queued, to be made: the number the store gave the first is never given again."""
    first = QueuedTeaching("teach", "tram-strike", TAUGHT, OPERATOR.key, None, False)
    first = dataclasses.replace(first, pk=await kb.store.queue_teaching(first, "a reload"))
    made_elsewhere = await kb.store.add_taught_question(
        "tram-strike", TAUGHT, OPERATOR.key, None, member_fact=False, queued=first.pk
    )
    assert made_elsewhere
    second = QueuedTeaching("teach", "bridge-repairs", TAKEN_BACK, OPERATOR.key, None, False)
    await kb.store.queue_teaching(second, "a reload")
    made_again = await kb.store.add_taught_question(
        "tram-strike", TAUGHT, OPERATOR.key, None, member_fact=False, queued=first.pk
    )
    assert not made_again
    assert [q.question for q in await kb.store.queued_teachings()] == [TAKEN_BACK]


async def test_a_database_of_before_keeps_its_queued_teachings_and_never_reuses_a_number(
    tmp_path: Path,
) -> None:
    """An SQLite database made by the last version holds a teaching still queued: migrated,
    it is kept with its number, and numbers given after it are never given again."""
    path = tmp_path / "newsdesk.db"
    old = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in (s for migration in MIGRATIONS[:12] for s in migration):
            old.execute(statement)
        old.execute("PRAGMA user_version = 12")
        old.execute(
            "INSERT INTO queued_teachings VALUES "
            "(3, 'teach', 'tram-strike', ?, NULL, 0, 'console', '2025-05-12T10:00:00')",
            (TAUGHT,),
        )
    finally:
        old.close()
    store = await SqliteStore.open(path)
    try:
        assert [(q.pk, q.question) for q in await store.queued_teachings()] == [(3, TAUGHT)]
        later = QueuedTeaching("teach", "bridge-repairs", TAKEN_BACK, OPERATOR.key, None, False)
        number = await store.queue_teaching(later, "a reload")
        assert number == 4
        await store.drop_queued(dataclasses.replace(later, pk=number))
        assert await store.queue_teaching(later, "a reload") == 5
    finally:
        await store.close()
