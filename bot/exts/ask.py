"""Asking: ``/ask`` with autocomplete, ``!ask``, and a mention of the bot."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.exts._context import channel_allowed
from bot.exts._replies import AskFactButton, VoteButton, reply_for
from bot.ui.limits import CHOICE_CHARS, clip

if TYPE_CHECKING:
    from bot.app import NewsdeskBot

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 300


class Ask(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        self.question_budget = bot.question_budget

    async def _answer(
        self, question: str, guild_id: int | None, locale: object = None
    ) -> tuple[discord.Embed, discord.ui.View | None]:
        result = await self.bot.kb.ask(
            question, guild_id=guild_id, limit=max(3, self.bot.settings.matcher.max_results + 1)
        )
        log.debug("asked %r -> %s", question[:80], result.decision.value)
        return reply_for(self.bot, result, guild_id, locale=locale)

    @app_commands.command(name="ask", description="Ask newsdesk a question about the news")
    @app_commands.describe(question="Your question, e.g. why was the ambassador recalled?")
    async def ask_slash(
        self,
        interaction: discord.Interaction[NewsdeskBot],
        question: app_commands.Range[str, 1, MAX_QUESTION_CHARS],
    ) -> None:
        if not channel_allowed(self.bot, interaction.channel):
            await interaction.response.send_message(
                "I don't answer questions in this channel.", ephemeral=True
            )
            return
        self.question_budget.spend(interaction.user.id)
        embed, view = await self._answer(question, interaction.guild_id, interaction.locale)
        if view is None:
            await interaction.response.send_message(embed=embed)
        else:
            await interaction.response.send_message(embed=embed, view=view)

    @ask_slash.autocomplete("question")
    async def ask_autocomplete(
        self, interaction: discord.Interaction[NewsdeskBot], current: str
    ) -> list[app_commands.Choice[str]]:
        questions = self.bot.kb.complete(current, guild_id=interaction.guild_id, limit=25)
        return [
            app_commands.Choice(name=clip(q, CHOICE_CHARS), value=clip(q, CHOICE_CHARS))
            for q in questions
        ]

    @commands.command(name="ask")
    async def ask_prefix(self, ctx: commands.Context[NewsdeskBot], *, question: str = "") -> None:
        """!ask QUESTION"""
        await self._reply_to_message(ctx.message, question)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """A message that mentions the bot is a question ("@newsdesk why did Baku ...")."""
        me = self.bot.user
        if message.author.bot or me is None:
            return
        mention = re.compile(rf"<@!?{me.id}>")
        if not mention.search(message.content):
            return
        ctx = await self.bot.get_context(message)
        if ctx.valid:
            return  # "@newsdesk ask ..." is the prefix command, handled there.
        question = mention.sub(" ", message.content).strip()
        await self._reply_to_message(message, question)

    async def _reply_to_message(self, message: discord.Message, question: str) -> None:
        if not channel_allowed(self.bot, message.channel):
            return
        question = question.strip()
        if not question:
            await message.reply(
                f"Ask me something, e.g. `{self.bot.settings.discord.command_prefix}ask why was "
                "the ambassador recalled?`"
            )
            return
        wait = self.question_budget.retry_after(message.author.id)
        if wait is not None:
            await message.reply(
                f"You're asking quickly! Try again in {max(1, round(wait))} seconds.",
                delete_after=10,
            )
            return
        # Whole: the service reads its start (``MAX_ASK_CHARS``) and says when there was more.
        embed, view = await self._answer(question, message.guild.id if message.guild else None)
        if view is None:
            await message.reply(embed=embed)
        else:
            await message.reply(embed=embed, view=view)


async def setup(bot: NewsdeskBot) -> None:
    bot.add_dynamic_items(VoteButton, AskFactButton)
    await bot.add_cog(Ask(bot))
