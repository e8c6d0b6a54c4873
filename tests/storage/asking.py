"""What a knowledge base answers outright, for the storage tests that teach it questions."""

from __future__ import annotations

from bot.core.models import Decision
from bot.core.service import KnowledgeBase


async def answer_of(kb: KnowledgeBase, question: str, guild_id: int | None = None) -> str | None:
    """The id of the fact ``question`` is answered with outright, or None (a "did you mean",
    or no answer)."""
    result = await kb.ask(question, guild_id=guild_id, record=False)
    if result.decision is Decision.ANSWER and result.best is not None:
        return result.best.fact.id
    return None
