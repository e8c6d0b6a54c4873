"""A question's reading is remembered (``Analyzer.analyze``, ``Analyzer.focus``), and the facts
it is answered from are not: a member who asks, sees a fact added, edited, removed or its file
reloaded, and asks again in the same words, reads the answer as it now stands.

The facts and questions are this file's own (an invented harbour town and its ferry).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.actors import Actor
from bot.core.models import Decision
from bot.core.service import FactInput, KnowledgeBase

HARBOUR = "The Quillhaven harbour was closed because of a fuel spill."
HARBOUR_REOPENED = "The Quillhaven harbour reopened once the fuel spill was cleaned up."
HARBOUR_RU = "Гавань Квиллхейвена закрыли из-за разлива топлива."
HARBOUR_REOPENED_RU = "Гавань Квиллхейвена открыли, когда убрали разлив топлива."
FACTS_YAML = f"""\
facts:
  - id: quillhaven-harbour
    answer: {HARBOUR}
    questions:
      - why was the quillhaven harbour closed
    translations:
      ru:
        answer: {HARBOUR_RU}
        questions:
          - почему закрыли гавань квиллхейвена
"""
ASKED = "why was the quillhaven harbour closed"
ASKED_RU = "почему закрыли гавань квиллхейвена"
FERRY = FactInput(
    "The Quillhaven ferry to Morrowick was suspended for the winter storms.",
    ("why was the quillhaven ferry to morrowick suspended",),
)
ASKED_FERRY = "why was the ferry to morrowick suspended"

GUILD = 3
MEMBER = Actor.discord_user(300, GUILD, is_moderator=False, name="member")


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"harbour.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


async def answer(kb: KnowledgeBase, question: str, language: str = "en") -> str | None:
    """The answer text a member asking in ``language`` reads, or None when the bot does not
    answer outright."""
    result = await kb.ask(question, guild_id=GUILD)
    if result.decision is not Decision.ANSWER or result.best is None:
        return None
    return result.best.fact.answer_in(language)[0]


async def test_a_fact_added_then_removed_answers_the_same_question_then_no_more(
    kb: KnowledgeBase,
) -> None:
    assert await answer(kb, ASKED_FERRY) is None
    added = await kb.add_fact(FERRY, MEMBER)
    assert await answer(kb, ASKED_FERRY) == FERRY.answer
    await kb.remove_fact(added.id, MEMBER)
    assert await answer(kb, ASKED_FERRY) is None


async def test_an_edited_answer_is_read_at_the_next_asking(kb: KnowledgeBase) -> None:
    added = await kb.add_fact(FERRY, MEMBER)
    assert await answer(kb, ASKED_FERRY) == FERRY.answer
    resumed = "The Quillhaven ferry to Morrowick runs again since the storms ended."
    await kb.edit_fact(added.id, kb.edit_input(added, answer=resumed), MEMBER)
    assert await answer(kb, ASKED_FERRY) == resumed


async def test_a_reloaded_file_answers_in_english_and_russian_as_it_now_reads(
    kb: KnowledgeBase, knowledge_dir: Path
) -> None:
    assert await answer(kb, ASKED) == HARBOUR
    assert await answer(kb, ASKED_RU, "ru") == HARBOUR_RU
    reopened = FACTS_YAML.replace(HARBOUR, HARBOUR_REOPENED)
    (knowledge_dir / "harbour.yaml").write_text(
        reopened.replace(HARBOUR_RU, HARBOUR_REOPENED_RU), encoding="utf-8"
    )
    await kb.reload(Actor.operator())
    assert await answer(kb, ASKED) == HARBOUR_REOPENED
    assert await answer(kb, ASKED_RU, "ru") == HARBOUR_REOPENED_RU
