"""Discord's three seconds for commands and buttons that write to the store.

A write usually takes milliseconds, and is answered as it always was, in one reply. But on
SQLite another process may hold the write lock (a reload in a second bot process, a long
import) and the write waits for it, up to the store's busy timeout: long past the three seconds
Discord gives an interaction before it tells the member "This interaction failed". So the work
runs while the bot watches the clock, and when it has not finished within
``ACKNOWLEDGE_AFTER`` the member is shown "thinking..." (a private deferral) and the result,
or the one sentence saying why the write failed, is edited in when it comes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any, TypeVar

import discord

if TYPE_CHECKING:
    from bot.app import NewsdeskBot

log = logging.getLogger(__name__)

T = TypeVar("T")

# Seconds of waiting on the work before saying "thinking": well inside Discord's three (which
# also count the trip to the bot and the deferral's own), and long enough that a quick write,
# even on a loaded machine, is answered in one reply as before.
ACKNOWLEDGE_AFTER = 1.0


async def in_time(interaction: discord.Interaction[NewsdeskBot], work: Awaitable[T]) -> T:
    """The result of ``work``, having deferred ``interaction`` (privately, "thinking") if the
    work was still waiting after ``ACKNOWLEDGE_AFTER`` seconds. Reply with ``reply``, which
    follows up a deferral."""
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=ACKNOWLEDGE_AFTER)
    if not done and not interaction.response.is_done():
        try:
            await interaction.response.defer(ephemeral=True, thinking=True)
        except discord.HTTPException:
            # Too late to acknowledge: the write still finishes (or fails) as one transaction;
            # only its reply is lost, which the error handler logs when it tries to send it.
            log.warning("could not acknowledge interaction %s in time", interaction.id)
    return await task


async def reply(
    interaction: discord.Interaction[NewsdeskBot],
    content: str | None = None,
    *,
    embed: discord.Embed | None = None,
) -> None:
    """A private reply: the interaction's response, or, after a deferral, the follow-up that
    takes the place of "thinking..."."""
    options: dict[str, Any] = {"ephemeral": True}
    if content is not None:
        options["content"] = content
    if embed is not None:
        options["embed"] = embed
    if interaction.response.is_done():
        await interaction.followup.send(**options)
    else:
        await interaction.response.send_message(**options)
