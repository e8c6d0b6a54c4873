"""How `kb teach` and `kb unteach` read what a moderator typed.

A question may end in a hyphenated word that is no fact id ("what is the s-400"): it is the
question's, and the closest facts are offered, not "There is no fact with id 's-400'". A last
word that nearly is an id, or that follows a question quoted whole, is meant as one, and a typo
there is answered with the ids it resembles. `kb unteach FACT_ID` lists every question taught to
that fact, however many are taught to others. A question of no words is refused alike by both.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import kb_commands
from bot.core.actors import Actor
from bot.core.errors import InvalidInput, NotFound
from bot.core.service import KnowledgeBase

FACTS_YAML = """\
source:
  title: A made-up air-defence report
  published: 2025-06-10
facts:
  - id: air-defence-order
    answer: The ministry ordered a second battery of S-400 air-defence missiles in June.
    questions:
      - what did the ministry order
      - how many batteries were ordered
  - id: bridge-repairs
    answer: Repairs closed the river bridge to lorries for three weeks.
    questions:
      - why is the bridge closed
  - id: canal-dredged
    answer: The old canal was dredged for the first time in forty years.
    questions:
      - when was the canal last dredged
  - id: dam-inspected
    answer: Engineers inspected the reservoir dam after the spring floods.
    questions:
      - was the dam checked
  - id: zoo-tickets
    answer: The city zoo raised its ticket prices by a fifth on Monday.
    questions:
      - how much are zoo tickets now
"""
OPERATOR = Actor.operator()


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"defence.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


async def test_a_hyphenated_last_word_is_the_questions(kb: KnowledgeBase) -> None:
    said = await kb_commands.teach(kb, "what is the s-400".split(), OPERATOR)
    assert said.startswith("Which fact answers 'what is the s-400'? The closest:")
    assert "air-defence-order" in said
    assert kb.taught_questions("air-defence-order") == ()


async def test_a_last_word_nearly_an_id_is_read_as_a_mistyped_id(kb: KnowledgeBase) -> None:
    with pytest.raises(NotFound, match="did you mean air-defence-order"):
        await kb_commands.teach(kb, "what is the s-400 air-defense-order".split(), OPERATOR)
    # After a question quoted whole, a word shaped like an id is meant as one.
    with pytest.raises(NotFound, match="There is no fact with id 'no-such-fact'"):
        await kb_commands.teach(kb, ["what is the s-400", "no-such-fact"], OPERATOR)
    said = await kb_commands.teach(kb, ["what is the s-400", "air-defence-order"], OPERATOR)
    assert said.startswith("Taught air-defence-order:")


async def test_unteach_with_a_fact_id_lists_all_that_facts_questions(kb: KnowledgeBase) -> None:
    """Questions taught to facts listed before it (200, as many as four facts hold) do not
    hide the ones taught to the fact asked about."""
    for fact_id in ("air-defence-order", "bridge-repairs", "canal-dredged", "dam-inspected"):
        for number in range(1, 51):
            await kb.teach(f"what about {fact_id}, part {number}", fact_id, OPERATOR)
    for animal in ("lions", "otters"):
        await kb.teach(f"is it dearer to see the {animal}", "zoo-tickets", OPERATOR)
    listed = await kb_commands.unteach(kb, ["zoo-tickets"], OPERATOR)
    assert "is it dearer to see the lions  (zoo-tickets)" in listed
    assert "is it dearer to see the otters  (zoo-tickets)" in listed
    assert "part 1" not in listed
    ordered = await kb_commands.unteach(kb, ["dam-inspected"], OPERATOR)
    assert ordered.count("(dam-inspected)") == 50


@pytest.mark.parametrize("question", ["?!", "  ...  "])
async def test_a_question_of_no_words_is_refused_alike_by_teach_and_unteach(
    kb: KnowledgeBase, question: str
) -> None:
    with pytest.raises(InvalidInput, match="The question is empty"):
        await kb.teach(question, "zoo-tickets", OPERATOR)
    with pytest.raises(InvalidInput, match="The question is empty"):
        await kb.unteach(question, "zoo-tickets", OPERATOR)
