"""One rule for "the same question": teaching, the store, the index and the export agree.

A phrasing that differs from a taught one only in letter case, punctuation or spaces is the
same question everywhere: taught twice, it is kept once; taken back in any spelling; exported
once; and the store refuses the second even when it comes from another process, whose index
never saw the first. On SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from bot.composition import DatabaseName, open_knowledge_base_at
from bot.core.actors import Actor
from bot.core.errors import InvalidInput
from bot.core.service import FactInput, KnowledgeBase
from tests.storage.asking import answer_of

FACTS_YAML = """\
facts:
  - id: market-fire
    answer: A fire closed the covered market in the old town on Tuesday night.
    questions:
      - why is the covered market closed
"""
TAUGHT = "wat happened 2 the market"
SAME = [
    "Wat happened 2 the market?",
    "  WAT   happened 2 the market!!",
    "wat happened, 2 the market",
]
OPERATOR = Actor.operator()


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"market.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


@pytest.mark.parametrize("again", SAME)
async def test_teaching_the_same_question_twice_keeps_one(kb: KnowledgeBase, again: str) -> None:
    await kb.teach(TAUGHT, "market-fire", OPERATOR)
    with pytest.raises(InvalidInput, match="already has that question"):
        await kb.teach(again, "market-fire", OPERATOR)
    assert await kb.store.taught_questions() == {"market-fire": (TAUGHT,)}
    assert await answer_of(kb, again) == "market-fire"


async def test_a_fact_s_own_question_in_other_punctuation_is_not_taught_again(
    kb: KnowledgeBase,
) -> None:
    with pytest.raises(InvalidInput, match="already has that question"):
        await kb.teach("Why is the Covered Market closed???", "market-fire", OPERATOR)


async def test_the_store_refuses_the_same_question_from_another_process(
    database: DatabaseName, knowledge_dir: Path
) -> None:
    """Two processes on one database, each teaching its spelling before it has seen the
    other's: the second is refused by the store, and one row stays."""
    first = await open_knowledge_base_at(database, knowledge_dir)
    second = await open_knowledge_base_at(database, knowledge_dir)
    try:
        await first.teach(TAUGHT, "market-fire", OPERATOR)
        with pytest.raises(InvalidInput, match="already has that question"):
            await second.teach(SAME[0], "market-fire", OPERATOR)
        assert await first.store.taught_questions() == {"market-fire": (TAUGHT,)}
    finally:
        await first.close()
        await second.close()


async def test_taking_back_in_another_spelling_takes_it_back(kb: KnowledgeBase) -> None:
    await kb.teach(TAUGHT, "market-fire", OPERATOR)
    taken = await kb.unteach(SAME[1], None, OPERATOR)
    assert taken.question == TAUGHT
    assert await kb.store.taught_questions() == {}


async def test_the_export_lists_a_question_once(kb: KnowledgeBase) -> None:
    """Taught to a member's fact, then written into its own questions in another spelling:
    the export gives it once, as the fact's own."""
    member = await kb.add_fact(
        FactInput("The night market moved to the station square.", questions=("night market?",)),
        OPERATOR,
    )
    await kb.teach("where did the night market go", member.id, OPERATOR)
    draft = kb.edit_input(member, questions=("night market?", "Where did the night market go?"))
    await kb.edit_fact(member.id, draft, OPERATOR)
    (entry,) = yaml.safe_load(await kb.export_user_facts(guild_id=None))["facts"]
    assert entry["questions"] == ["night market?", "Where did the night market go?"]
