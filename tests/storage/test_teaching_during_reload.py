"""`kb teach` and `kb unteach` while a reload of a large knowledge folder runs.

A moderator teaching the bot a question does not wait for the reload (on Discord an answer
must come within three seconds): they are told at once that the reload is under way and that
the teaching is made as soon as it ends, and it is, whether the reload succeeded or failed.
On a real database (SQLite, and PostgreSQL with the ``backend`` fixture); the reload is held
back in its reading of the folder, as a large folder would hold it.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.composition import DatabaseName, open_knowledge_base_at
from bot.core import teaching
from bot.core.actors import Actor
from bot.core.knowledge_errors import KnowledgeError
from bot.core.loader import KnowledgeReader
from bot.core.service import FactInput, KnowledgeBase
from tests.storage.asking import answer_of

FACTS_YAML = """\
source:
  title: A made-up city transport bulletin
  published: 2025-05-12
facts:
  - id: tram-strike
    answer: Tram drivers in the city stopped work for two days over unpaid overtime.
    questions:
      - why are the trams not running
      - is there a tram strike
  - id: bridge-repairs
    answer: The old river bridge is closed to cars until September for repairs to its deck.
    questions:
      - when does the river bridge open again
      - why is the bridge closed
"""
DRAFT_YAML = """\
source:
  title: A made-up harbour notice
  published: 2025-05-14
facts:
  - id: harbour-ferry
    answer: The harbour ferry runs every half hour again since the pier was rebuilt.
    questions:
      - how often does the harbour ferry run
"""
# Nothing in either fact says "rails" or "dead": taught, it is answered; untaught, it is not.
SLANG = "y r the rails dead lol"
OPERATOR = Actor.operator()
WAIT = 5


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"transport.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


class HeldReload:
    """Holds every reload in its reading of the folder until ``release``."""

    def __init__(self) -> None:
        self.reading = threading.Event()
        self._go = threading.Event()
        self.opening = False

    def release(self) -> None:
        self._go.set()

    @contextlib.contextmanager
    def passing(self) -> Iterator[None]:
        """Let the folder be read at once meanwhile: a knowledge base opened inside reads it
        at its start, which is not the reload the test holds (held, it cost the test the
        whole ``WAIT``, and its reading already said "started" for the reload to come)."""
        self.opening = True
        try:
            yield
        finally:
            self.opening = False

    async def started(self) -> None:
        assert await asyncio.to_thread(self.reading.wait, WAIT), "the reload never started"


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldReload]:
    gate = HeldReload()
    read = KnowledgeReader.load

    def slow_load(reader: KnowledgeReader, *args: Any, **kwargs: Any) -> Any:
        if gate.opening:
            return read(reader, *args, **kwargs)
        gate.reading.set()
        gate._go.wait(WAIT)
        return read(reader, *args, **kwargs)

    monkeypatch.setattr(KnowledgeReader, "load", slow_load)
    yield gate
    gate.release()


async def test_a_teaching_during_a_reload_is_answered_at_once_and_made_when_it_ends(
    kb: KnowledgeBase, held: HeldReload
) -> None:
    """While the reload reads the folder, `kb teach` returns at once saying so; the question
    is answered with the fact as soon as the reload has ended, and audited."""
    reload = asyncio.create_task(kb.reload(OPERATOR))
    await held.started()
    taught = await asyncio.wait_for(kb.teach(SLANG, "tram-strike", OPERATOR), 1)
    assert taught.waits_for == "a reload"
    assert taught.sentence() == (
        f"A reload is under way: {SLANG!r} is answered with tram-strike as soon as it ends, "
        "whether or not it succeeds."
    )
    assert await answer_of(kb, SLANG) is None  # not yet
    held.release()
    await reload
    assert await answer_of(kb, SLANG) == "tram-strike"
    entry = (await kb.history("tram-strike"))[-1]
    assert (entry.action, entry.detail) == ("teach", {"question": SLANG})


async def test_a_failed_reload_loses_no_teaching(
    kb: KnowledgeBase, held: HeldReload, database: DatabaseName, knowledge_dir: Path
) -> None:
    """The folder turns out broken: the reload fails, the old knowledge stays, and the
    teaching queued behind it is made all the same, kept through a restart."""
    (knowledge_dir / "broken.yaml").write_text("facts:\n  - id: [not, an, id]\n", "utf-8")
    reload = asyncio.create_task(kb.reload(OPERATOR))
    await held.started()
    taught = await asyncio.wait_for(kb.teach(SLANG, "tram-strike", OPERATOR), 1)
    assert taught.waits_for == "a reload"
    held.release()
    with pytest.raises(KnowledgeError):
        await reload
    assert await answer_of(kb, SLANG) == "tram-strike"
    await kb.close()
    again = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await answer_of(again, SLANG) == "tram-strike"
    finally:
        await again.close()


async def test_a_refusal_during_a_reload_is_still_at_once(
    kb: KnowledgeBase, held: HeldReload
) -> None:
    """What can be checked against the facts served is checked before queueing: an unknown
    fact or a question the fact has is refused at once, in one sentence."""
    reload = asyncio.create_task(kb.reload(OPERATOR))
    await held.started()
    with pytest.raises(Exception, match="There is no fact with id 'tram-strikes'"):
        await asyncio.wait_for(kb.teach(SLANG, "tram-strikes", OPERATOR), 1)
    with pytest.raises(Exception, match="already has that question"):
        await asyncio.wait_for(kb.teach("Is there a tram strike", "tram-strike", OPERATOR), 1)
    held.release()
    await reload


async def test_taking_back_during_a_reload_is_queued_too(
    kb: KnowledgeBase, held: HeldReload
) -> None:
    """`kb unteach` during a reload is answered at once and made as the reload ends, after
    the teachings queued before it."""
    await kb.teach(SLANG, "bridge-repairs", OPERATOR)
    reload = asyncio.create_task(kb.reload(OPERATOR))
    await held.started()
    taken = await asyncio.wait_for(kb.unteach(SLANG, None, OPERATOR), 1)
    assert taken.sentence().startswith(
        f"A reload is under way: {SLANG!r} is taken back from bridge-repairs as soon as it ends"
    )
    assert await answer_of(kb, SLANG) == "bridge-repairs"  # still, until the reload ends
    taught = await asyncio.wait_for(kb.teach(SLANG, "tram-strike", OPERATOR), 1)
    assert taught.waits_for == "a reload"
    held.release()
    await reload
    assert await answer_of(kb, SLANG) == "tram-strike"
    assert await kb.store.taught_questions() == {"tram-strike": (SLANG,)}


async def test_a_teaching_of_a_fact_the_reload_removes_is_kept_for_it(
    kb: KnowledgeBase, held: HeldReload, knowledge_dir: Path
) -> None:
    """Taught while the reload that removes its fact runs, the question is kept for that id
    as questions taught before the reload are (served again if the fact comes back), and
    `kb unteach` can take it back, saying the fact has left the knowledge."""
    text = FACTS_YAML.split("  - id: bridge-repairs")[0]
    (knowledge_dir / "transport.yaml").write_text(text, "utf-8")
    reload = asyncio.create_task(kb.reload(OPERATOR))
    await held.started()
    await asyncio.wait_for(kb.teach(SLANG, "bridge-repairs", OPERATOR), 1)
    held.release()
    report = await reload
    assert report.removed == ("bridge-repairs",)
    assert await kb.store.taught_questions() == {"bridge-repairs": (SLANG,)}
    taken = await kb.unteach(SLANG, None, OPERATOR)
    assert taken.fact_since == "removed"
    assert await kb.store.taught_questions() == {}


async def test_teachings_queued_during_one_reload_keep_to_the_limit(
    kb: KnowledgeBase, held: HeldReload, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each queued teaching passes the limit's check when it comes, but together they would
    exceed it: the one that would is not made when the reload ends, and the fact's history
    says which question and why."""
    monkeypatch.setattr(teaching, "MAX_TAUGHT_PER_FACT", 2)
    await kb.teach("are the trams off", "tram-strike", OPERATOR)
    reload = asyncio.create_task(kb.reload(OPERATOR))
    await held.started()
    for question in ("no trams today?", SLANG):
        taught = await asyncio.wait_for(kb.teach(question, "tram-strike", OPERATOR), 1)
        assert taught.waits_for == "a reload"
    held.release()
    await reload
    assert kb.taught_questions("tram-strike") == ("are the trams off", "no trams today?")
    assert await answer_of(kb, SLANG) is None
    entry = (await kb.history("tram-strike"))[-1]
    assert entry.action == "teach-not-made"
    assert entry.detail == {
        "question": SLANG,
        "why": "it had 2 taught questions by then, the most allowed",
    }


async def test_a_teaching_of_a_member_fact_removed_meanwhile_is_not_made(
    kb: KnowledgeBase, held: HeldReload
) -> None:
    """A member's fact removed while a teaching of it waits for the reload: nothing is kept
    for it (no question left behind as if a file fact had gone), and its history says so."""
    fact = await kb.add_fact(
        FactInput("The night bus to the airport now leaves at 23:40."), OPERATOR
    )
    reload = asyncio.create_task(kb.reload(OPERATOR))
    await held.started()
    await asyncio.wait_for(kb.teach(SLANG, fact.id, OPERATOR), 1)
    await kb.remove_fact(fact.id, OPERATOR)
    held.release()
    await reload
    assert await kb.store.taught_questions() == {}
    entry = (await kb.history(fact.id))[-1]
    assert (entry.action, entry.detail) == (
        "teach-not-made",
        {"question": SLANG, "why": "the fact was removed meanwhile"},
    )


async def test_closing_during_a_reload_makes_what_was_queued_first(
    held: HeldReload, database: DatabaseName, knowledge_dir: Path
) -> None:
    """The bot shuts down while a reload runs: the close waits for the reload to end and for
    the teaching queued behind it, which is answered after the next start, as its moderator
    was told."""
    with held.passing():
        kb = await open_knowledge_base_at(database, knowledge_dir)  # closed by the test itself
    reload = asyncio.create_task(kb.reload(OPERATOR))
    await held.started()
    await asyncio.wait_for(kb.teach(SLANG, "tram-strike", OPERATOR), 1)
    closing = asyncio.create_task(kb.close())
    await asyncio.sleep(0.1)
    assert not closing.done()  # waiting for the reload
    held.release()
    await closing
    await reload
    again = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await answer_of(again, SLANG) == "tram-strike"
        assert await again.store.taught_questions() == {"tram-strike": (SLANG,)}
    finally:
        await again.close()


async def test_a_teaching_during_a_draft_approval_names_the_approval(
    kb: KnowledgeBase, held: HeldReload, knowledge_dir: Path
) -> None:
    """What holds the index is named for the moderator: a draft's approval (which reloads),
    not "a reload"."""
    drafts = knowledge_dir / "drafts"
    drafts.mkdir(exist_ok=True)
    (drafts / "ferry.yaml").write_text(DRAFT_YAML, "utf-8")
    approval = asyncio.create_task(kb.review("ferry.yaml", OPERATOR, approve=True))
    await held.started()
    taught = await asyncio.wait_for(kb.teach(SLANG, "tram-strike", OPERATOR), 1)
    assert taught.sentence() == (
        f"A draft's approval is under way: {SLANG!r} is answered with tram-strike as soon as "
        "it ends, whether or not it succeeds."
    )
    held.release()
    await approval
    assert "harbour-ferry" in kb.matcher
    assert await answer_of(kb, SLANG) == "tram-strike"
