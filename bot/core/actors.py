"""Who is asking for a change, and the rules of who may change what.

Every permission rule lives here, not in the cogs, so the CLI and Discord enforce the same ones:
the cogs only say who a person is (a moderator? in which server?) and the core decides.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from bot.core.errors import NotFound, PermissionDenied
from bot.core.models import Fact, Origin

OPERATOR_KEY = "console"


def manages_shared_knowledge(
    guild_id: int | None, *, home_guilds: Collection[int], guild_count: int
) -> bool:
    """Whether moderators of ``guild_id`` may change the knowledge every server is told.

    Reloading ``knowledge/`` and reviewing drafts change the answers in every server the bot is
    in, so only moderators of the home servers may; with no home server named, only while the
    bot is in a single server (a second server's admins must not steer the first's answers).
    """
    if guild_id is None:
        return False
    if home_guilds:
        return guild_id in home_guilds
    return guild_count <= 1


@dataclass(frozen=True, slots=True)
class Actor:
    """A person (or the operator at the console) acting on the knowledge base."""

    key: str
    user_id: int | None = None
    guild_id: int | None = None
    is_moderator: bool = False
    display_name: str = ""
    is_operator: bool = False
    """The person running the program (CLI, console): trusted everywhere, outside any server."""
    manages_shared_knowledge: bool = False
    """A moderator of a home server: may reload ``knowledge/`` and review drafts."""

    @classmethod
    def operator(cls) -> Actor:
        """The person at the console: trusted like a moderator, outside any server."""
        return cls(
            OPERATOR_KEY,
            is_moderator=True,
            display_name="console",
            is_operator=True,
            manages_shared_knowledge=True,
        )

    @classmethod
    def discord_user(
        cls,
        user_id: int,
        guild_id: int | None,
        *,
        is_moderator: bool,
        name: str = "",
        home_guilds: Collection[int] = (),
        guild_count: int = 1,
    ) -> Actor:
        shared = is_moderator and manages_shared_knowledge(
            guild_id, home_guilds=home_guilds, guild_count=guild_count
        )
        return cls(
            f"discord:{user_id}",
            user_id,
            guild_id,
            is_moderator and guild_id is not None,
            name,
            manages_shared_knowledge=shared,
        )

    def sees(self, fact: Fact) -> bool:
        """Whether this person may look at ``fact`` (the operator sees every server's)."""
        return self.is_operator or fact.visible_in(self.guild_id)

    def may_change(self, fact: Fact) -> bool:
        """Authors change their own facts, moderators any user fact in their server.

        Knowledge-file facts change only by editing the files and reloading.
        """
        if fact.origin is Origin.FILE:
            return False
        if self.is_operator:
            return True
        if fact.guild_id != self.guild_id:
            return False
        return self.is_moderator or (self.user_id is not None and fact.author_id == self.user_id)

    def may_review(self, fact: Fact) -> bool:
        """Moderators approve or reject the pending facts of their own server."""
        return self.is_operator or (self.is_moderator and fact.guild_id == self.guild_id)


def require_shared_admin(actor: Actor, action: str) -> None:
    """Refuse ``action`` (reloading, reviewing drafts) unless ``actor`` moderates a server
    that manages the shared knowledge (``manages_shared_knowledge``)."""
    if not actor.is_moderator:
        raise PermissionDenied(f"Only moderators can {action}.")
    if not actor.manages_shared_knowledge:
        raise PermissionDenied(
            "The shared knowledge is managed from the bot's home server, not from here."
        )


def require_teaching_rights(actor: Actor, fact: Fact, typed_id: str) -> None:
    """Refuse a moderator's teaching ``fact`` a question, or taking one back, unless ``actor``
    may: a knowledge-file fact is shared by every server, so it needs the shared-knowledge
    permission; a member fact belongs to its own server's moderators, and from another server
    it is not found (named as ``typed_id``, as the moderator typed it)."""
    if fact.origin is Origin.FILE:
        if not actor.manages_shared_knowledge:
            raise PermissionDenied(
                f"'{fact.id}' comes from the shared knowledge files, which are managed from "
                "the bot's home server, not from here."
            )
    elif not actor.is_operator and fact.guild_id != actor.guild_id:
        raise NotFound(f"There is no fact with id '{typed_id}'.")
