"""The per-member question budget shared by ``/ask``, ``!ask``, mentions and question buttons.

Discord glue (it counts on discord.py's token buckets) that the bot creates and the extensions
spend: a module of its own beside ``bot.app``, so the app never imports an extension.
"""

from __future__ import annotations

from discord.ext import commands

from bot.core.errors import LimitReached


class QuestionBudget:
    """So many questions per member per so many seconds, on discord.py's own token buckets."""

    def __init__(self, questions: int, per_seconds: float) -> None:
        self._buckets: commands.CooldownMapping[int] = commands.CooldownMapping.from_cooldown(
            questions, per_seconds, lambda user_id: user_id
        )

    def retry_after(self, user_id: int) -> float | None:
        """None if the member may ask now (and counts it), else seconds to wait."""
        return self._buckets.update_rate_limit(user_id)

    def spend(self, user_id: int) -> None:
        """Count a question, or ``LimitReached`` if the member is over the budget."""
        wait = self.retry_after(user_id)
        if wait is not None:
            raise LimitReached(
                f"You're asking quickly! Try again in {wait:.0f} seconds."
                if wait >= 1
                else "You're asking quickly! Try again in a moment."
            )
