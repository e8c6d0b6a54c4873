"""Discord people and places in core terms (actors), and the permission checks built on them.

The rules themselves are the core's (``bot.core.actors``): this module only says who a member
is (a moderator? of which server? how many servers is the bot in?) and turns the core's "no"
into the one sentence the member is told. Commands take the checks as decorators
(``@moderator_only()``, ``@shared_knowledge_admin()``); buttons use the same checks in their
``interaction_check``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import discord
from discord import app_commands

from bot.core.actors import Actor

if TYPE_CHECKING:
    from bot.app import NewsdeskBot

T = TypeVar("T")

NOT_IN_A_SERVER = "Moderator commands only work inside a server."
NOT_A_MODERATOR = (
    "Sorry, this command is for the server's moderators (the moderator roles, or Manage Server)."
)
NOT_THE_HOME_SERVER = "The shared knowledge is managed from the bot's home server, not from here."
NO_HOME_SERVER = (
    "The bot is in several servers: its operator must name the server whose moderators manage "
    "the shared knowledge (discord.home_guilds in bot.yaml)."
)


class Refused(app_commands.CheckFailure):
    """A permission check said no; ``str(refusal)`` is the sentence the member is told."""


def is_moderator(user: discord.abc.User, bot: NewsdeskBot) -> bool:
    """Members with Manage Server, or with a role of ``discord.moderator_role_ids`` (or, when
    no ids are set, a role named in ``discord.moderator_roles``)."""
    if not isinstance(user, discord.Member):
        return False
    if user.guild_permissions.manage_guild:
        return True
    settings = bot.settings.discord
    if settings.moderator_role_ids:
        ids = set(settings.moderator_role_ids)
        return any(role.id in ids for role in user.roles)
    names = {name.casefold() for name in settings.moderator_roles}
    return any(role.name.casefold() in names for role in user.roles)


def actor_for(interaction: discord.Interaction[NewsdeskBot]) -> Actor:
    """The member behind ``interaction``, with what the core needs to judge their requests."""
    bot = interaction.client
    user = interaction.user
    return Actor.discord_user(
        user.id,
        interaction.guild_id,
        is_moderator=is_moderator(user, bot),
        name=user.display_name,
        home_guilds=bot.settings.discord.home_guilds,
        guild_count=len(bot.guilds),
    )


def moderator_actor(interaction: discord.Interaction[NewsdeskBot]) -> Actor:
    """The member as an actor if they moderate this server, else ``Refused`` saying why."""
    actor = actor_for(interaction)
    if actor.guild_id is None:
        raise Refused(NOT_IN_A_SERVER)
    if not actor.is_moderator:
        raise Refused(NOT_A_MODERATOR)
    return actor


def shared_knowledge_actor(interaction: discord.Interaction[NewsdeskBot]) -> Actor:
    """The member as an actor if they may change the knowledge every server is answered from
    (``Actor.manages_shared_knowledge``), else ``Refused`` saying why."""
    actor = moderator_actor(interaction)
    if actor.manages_shared_knowledge:
        return actor
    # The core said no; say which of its two reasons applies, so the operator knows the fix.
    if interaction.client.settings.discord.home_guilds:
        raise Refused(NOT_THE_HOME_SERVER)
    raise Refused(NO_HOME_SERVER)


def is_moderator_here(interaction: discord.Interaction[NewsdeskBot]) -> bool:
    """Command check: passes for this server's moderators, else ``Refused``."""
    moderator_actor(interaction)
    return True


def manages_shared_knowledge_here(interaction: discord.Interaction[NewsdeskBot]) -> bool:
    """Command check: passes for moderators managing the shared knowledge, else ``Refused``."""
    shared_knowledge_actor(interaction)
    return True


def moderator_only() -> Callable[[T], T]:
    """Decorator: the slash command is for the server's moderators."""
    return app_commands.check(is_moderator_here)


def shared_knowledge_admin() -> Callable[[T], T]:
    """Decorator: the slash command changes the knowledge every server is answered from, so it
    is for the moderators of the home server (see ``bot.core.actors.manages_shared_knowledge``).
    """
    return app_commands.check(manages_shared_knowledge_here)


def channel_allowed(bot: NewsdeskBot, channel: object) -> bool:
    """True where the bot may answer: anywhere, or only the channels listed in the settings."""
    allowed = bot.settings.discord.allowed_channels
    if not allowed or isinstance(channel, discord.DMChannel):
        return True
    channel_id = getattr(channel, "id", None)
    parent_id = getattr(channel, "parent_id", None)
    return channel_id in allowed or parent_id in allowed
