"""Turning Discord people and places into core terms: actors, moderators, guild scope."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import discord
from discord.ext import commands

from bot.core.actors import Actor
from bot.core.errors import LimitReached, PermissionDenied

if TYPE_CHECKING:
    from bot.app import NewsdeskBot


def newsdesk(client: discord.Client) -> NewsdeskBot:
    return cast("NewsdeskBot", client)


def is_moderator(user: discord.abc.User, bot: NewsdeskBot) -> bool:
    """Members with Manage Server, or with a role named in ``discord.moderator_roles``."""
    if not isinstance(user, discord.Member):
        return False
    if user.guild_permissions.manage_guild:
        return True
    names = {name.casefold() for name in bot.settings.discord.moderator_roles}
    return any(role.name.casefold() in names for role in user.roles)


def actor_for(interaction: discord.Interaction) -> Actor:
    bot = newsdesk(interaction.client)
    user = interaction.user
    return Actor.discord_user(
        user.id,
        interaction.guild_id,
        is_moderator=is_moderator(user, bot),
        name=user.display_name,
    )


def require_moderator(interaction: discord.Interaction) -> Actor:
    actor = actor_for(interaction)
    if interaction.guild_id is None:
        raise PermissionDenied("Moderator commands only work inside a server.")
    if not actor.is_moderator:
        raise PermissionDenied(
            "Sorry, this command is for the server's moderators "
            "(the moderator roles, or Manage Server)."
        )
    return actor


def require_knowledge_admin(interaction: discord.Interaction) -> Actor:
    """A moderator allowed to change the knowledge every server is answered from.

    Reloading ``knowledge/`` and reviewing drafts change the answers in every server the bot
    is in, so a moderator of just any server may not: only those of ``discord.home_guilds``,
    or, when none are set, of the one server the bot is in.
    """
    actor = require_moderator(interaction)
    bot = newsdesk(interaction.client)
    home = bot.settings.discord.home_guilds
    if home:
        if interaction.guild_id not in home:
            raise PermissionDenied(
                "The shared knowledge is managed from the bot's home server, not from here."
            )
    elif len(bot.guilds) > 1:
        raise PermissionDenied(
            "The bot is in several servers: its operator must name the server whose "
            "moderators manage the shared knowledge (discord.home_guilds in bot.yaml)."
        )
    return actor


def channel_allowed(bot: NewsdeskBot, channel: object) -> bool:
    """True where the bot may answer: anywhere, or only the channels listed in the settings."""
    allowed = bot.settings.discord.allowed_channels
    if not allowed or isinstance(channel, discord.DMChannel):
        return True
    channel_id = getattr(channel, "id", None)
    parent_id = getattr(channel, "parent_id", None)
    return channel_id in allowed or parent_id in allowed


class Cooldowns:
    """Per-member question budget from the settings, using discord.py's own token buckets."""

    def __init__(self, questions: int, per_seconds: float) -> None:
        self._mapping: commands.CooldownMapping[int] = commands.CooldownMapping.from_cooldown(
            questions, per_seconds, lambda user_id: user_id
        )

    def retry_after(self, user_id: int) -> float | None:
        """None if the member may ask now (and counts it), else seconds to wait."""
        return self._mapping.update_rate_limit(user_id)

    def check(self, user_id: int) -> None:
        """Count a question, or ``LimitReached`` if the member is over the budget."""
        wait = self.retry_after(user_id)
        if wait is not None:
            raise LimitReached(
                f"You're asking quickly! Try again in {wait:.0f} seconds."
                if wait >= 1
                else "You're asking quickly! Try again in a moment."
            )
