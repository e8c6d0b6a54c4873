"""One error handler: expected errors become one friendly, private sentence; the rest are logged
in full for the operator while the member gets a short apology. Nobody sees a traceback."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.errors import NewsdeskError
from bot.exts._context import Refused
from bot.ui.embeds import notice_embed

if TYPE_CHECKING:
    from bot.app import NewsdeskBot

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on my side. The operators can see what in the logs."


def _unwrap(error: BaseException) -> BaseException:
    while isinstance(error, (app_commands.CommandInvokeError, commands.CommandInvokeError)):
        error = error.original
    return error


def user_message(error: BaseException) -> str | None:
    """The sentence to show for an expected error, or None for a bug.

    Plain text, which ``notice_embed`` shows as written: it may echo what the member typed.
    """
    error = _unwrap(error)
    if isinstance(error, NewsdeskError | Refused):
        return str(error)
    if isinstance(error, app_commands.NoPrivateMessage | commands.NoPrivateMessage):
        return "This command only works inside a server."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down a little: try again in {error.retry_after:.0f} seconds."
    if isinstance(error, app_commands.CheckFailure | commands.CheckFailure):
        return "Sorry, you can't use this command here."
    if isinstance(error, app_commands.TransformerError | commands.UserInputError):
        return f"I couldn't read that: {error}"
    return None


async def report_interaction_error(
    interaction: discord.Interaction[NewsdeskBot], error: BaseException
) -> None:
    message = user_message(error)
    if message is None:
        command = interaction.command.qualified_name if interaction.command else "component"
        log.error("unexpected error in %s", command, exc_info=_unwrap(error))
        message = APOLOGY
    embed = notice_embed(message, error=True)
    try:
        if interaction.response.is_done():
            await interaction.followup.send(embed=embed, ephemeral=True)
        else:
            await interaction.response.send_message(embed=embed, ephemeral=True)
    except discord.HTTPException:
        log.warning("could not tell the user about an error", exc_info=True)


class ErrorHandler(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        self._previous = bot.tree.on_error
        bot.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous  # type: ignore[method-assign]

    async def on_app_command_error(
        self, interaction: discord.Interaction[NewsdeskBot], error: app_commands.AppCommandError
    ) -> None:
        await report_interaction_error(interaction, error)

    @commands.Cog.listener()
    async def on_command_error(
        self, ctx: commands.Context[NewsdeskBot], error: commands.CommandError
    ) -> None:
        if isinstance(error, commands.CommandNotFound):
            return
        message = user_message(error)
        if message is None:
            log.error("unexpected error in !%s", ctx.command, exc_info=_unwrap(error))
            message = APOLOGY
        await ctx.reply(embed=notice_embed(message, error=True))


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(ErrorHandler(bot))
