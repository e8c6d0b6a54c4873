"""Who is asking for a change, and the rules of who may change what.

The rules live here, not in the cogs, so the CLI and Discord enforce the same ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.models import Fact, Origin


@dataclass(frozen=True, slots=True)
class Actor:
    """A person (or the operator at the console) acting on the knowledge base."""

    key: str
    user_id: int | None = None
    guild_id: int | None = None
    is_moderator: bool = False
    display_name: str = ""

    @classmethod
    def operator(cls) -> Actor:
        """The person at the console: trusted like a moderator, outside any server."""
        return cls("console", is_moderator=True, display_name="console")

    @classmethod
    def discord_user(
        cls, user_id: int, guild_id: int | None, *, is_moderator: bool, name: str = ""
    ) -> Actor:
        return cls(f"discord:{user_id}", user_id, guild_id, is_moderator, name)

    def may_change(self, fact: Fact) -> bool:
        """Authors change their own facts, moderators any user fact in their server.

        Knowledge-file facts change only by editing the files and reloading.
        """
        if fact.origin is Origin.FILE:
            return False
        if self.key == "console":
            return True
        if fact.guild_id != self.guild_id:
            return False
        return self.is_moderator or (self.user_id is not None and fact.author_id == self.user_id)
