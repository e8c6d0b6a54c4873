"""Two moderators teaching (or taking back) questions of one fact at the same moment.

On a real database (the ``backend`` fixture of tests/conftest.py): each change waits for its
own write, so the other one's write lands meanwhile. Whatever the order, both changes are
answered afterwards, exactly as the database holds them, and both stay so after a restart.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.composition import DatabaseName as Database
from bot.composition import open_knowledge_base_at
from bot.core.actors import Actor
from bot.core.service import KnowledgeBase
from tests.storage.asking import answer_of

FACTS_YAML = """\
source:
  title: A made-up mountain road report
  published: 2025-11-02
facts:
  - id: pass-closed
    answer: The mountain pass road was closed after a rockfall blocked both lanes.
    questions:
      - why is the pass road closed
      - can cars get over the pass
  - id: snow-ploughs
    answer: The county sent two snow ploughs to the upper villages on Friday.
    questions:
      - when did the ploughs go up
"""
# None of the facts' words: each is answered with the fact only while it is taught to it.
STONES = "rocks all over the tarmac??"
DETOUR = "how do i get to the other valley now"
DRIVE = "any way to drive across"
OPERATOR = Actor.operator()


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"road.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


async def served_and_stored(kb: KnowledgeBase) -> tuple[dict[str, str | None], object]:
    """What each phrasing is answered with, beside the taught questions as stored."""
    answers = {q: await answer_of(kb, q) for q in (STONES, DETOUR, DRIVE)}
    return answers, await kb.store.taught_questions()


async def test_the_phrasings_are_answered_only_once_taught(kb: KnowledgeBase) -> None:
    """The test's premise: untaught, none of the phrasings is answered with the fact."""
    answers, stored = await served_and_stored(kb)
    assert answers == {STONES: None, DETOUR: None, DRIVE: None}
    assert stored == {}


async def test_two_teachings_at_once_are_both_answered(
    kb: KnowledgeBase, database: Database, knowledge_dir: Path
) -> None:
    await asyncio.gather(
        kb.teach(STONES, "pass-closed", OPERATOR), kb.teach(DETOUR, "pass-closed", OPERATOR)
    )
    answers, stored = await served_and_stored(kb)
    assert answers == {STONES: "pass-closed", DETOUR: "pass-closed", DRIVE: None}
    assert set(kb.taught_questions("pass-closed")) == {STONES, DETOUR}
    assert stored == {"pass-closed": kb.taught_questions("pass-closed")}
    # What `kb unteach` offers, and what `kb export` lists, is what was taught.
    offered = {q for q, _ in kb.taught_to_take_back("", actor=OPERATOR)}
    assert offered == {STONES, DETOUR}
    await kb.close()
    again = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert (await served_and_stored(again))[0] == answers
    finally:
        await again.close()


async def test_a_teaching_and_a_taking_back_at_once_both_hold(kb: KnowledgeBase) -> None:
    """One moderator takes a phrasing back while another teaches the same fact a new one:
    the one taken back is answered no more, the new one is."""
    await kb.teach(STONES, "pass-closed", OPERATOR)
    await asyncio.gather(
        kb.unteach(STONES, "pass-closed", OPERATOR), kb.teach(DETOUR, "pass-closed", OPERATOR)
    )
    answers, stored = await served_and_stored(kb)
    assert answers == {STONES: None, DETOUR: "pass-closed", DRIVE: None}
    assert kb.taught_questions("pass-closed") == (DETOUR,)
    assert stored == {"pass-closed": (DETOUR,)}
    # The other way round: teaching first, then taking back, in one overlap.
    await asyncio.gather(
        kb.teach(DRIVE, "pass-closed", OPERATOR), kb.unteach(DETOUR, "pass-closed", OPERATOR)
    )
    answers, stored = await served_and_stored(kb)
    assert answers == {STONES: None, DETOUR: None, DRIVE: "pass-closed"}
    assert kb.taught_questions("pass-closed") == (DRIVE,)
    assert stored == {"pass-closed": (DRIVE,)}
    # A later change to the fact's taught questions (here, one more) brings nothing back.
    await kb.teach(STONES, "snow-ploughs", OPERATOR)
    assert (await served_and_stored(kb))[0] == {
        STONES: "snow-ploughs",
        DETOUR: None,
        DRIVE: "pass-closed",
    }
