"""From an ``AskResult`` to what Discord shows: the embed and its buttons.

Buttons are ``DynamicItem``s whose state lives in their custom ids, so a vote or a suggestion
clicked on an answer from last week still works after a restart.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import discord

from bot.core.actors import Actor
from bot.core.errors import NotFound, PermissionDenied
from bot.core.fact_ids import FACT_ID_PATTERN
from bot.core.models import AskResult, Decision, Match
from bot.core.service import MAX_ASK_CHARS
from bot.exts._context import Refused, channel_allowed
from bot.exts._in_time import in_time, reply
from bot.exts.errors import report_interaction_error
from bot.ui import embeds
from bot.ui.labels import label, reply_language
from bot.ui.limits import BUTTON_LABEL_CHARS, clip

if TYPE_CHECKING:
    from bot.app import NewsdeskBot

_ID = FACT_ID_PATTERN


async def guarded(
    handler: Callable[[discord.Interaction[NewsdeskBot]], Awaitable[None]],
    interaction: discord.Interaction[NewsdeskBot],
) -> None:
    """Run a component's handler, reporting any error to the clicker like a command's."""
    try:
        await handler(interaction)
    except Exception as exc:
        await report_interaction_error(interaction, exc)


async def permitted(
    check: Callable[[discord.Interaction[NewsdeskBot]], Actor],
    interaction: discord.Interaction[NewsdeskBot],
) -> bool:
    """A button's ``interaction_check``: whether ``check`` lets the clicker through.

    discord.py drops a button whose check fails without a word (the member would see "This
    interaction failed"), so the refusal is told here, like a command's.
    """
    try:
        check(interaction)
    except Refused as refusal:
        await report_interaction_error(interaction, refusal)
        return False
    return True


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=rf"vote:(?P<vote>up|down):(?P<fact>{_ID})",
):
    """👍/👎 under an answer: one vote per member per answer, a second click changes it."""

    def __init__(self, vote: str, fact_id: str) -> None:
        self.vote = vote
        self.fact_id = fact_id
        super().__init__(
            discord.ui.Button(
                emoji="👍" if vote == "up" else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=f"vote:{vote}:{fact_id}",
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> VoteButton:
        return cls(match["vote"], match["fact"])

    async def callback(  # type: ignore[override]
        self, interaction: discord.Interaction[NewsdeskBot]
    ) -> None:
        await guarded(self._vote, interaction)

    async def _vote(self, interaction: discord.Interaction[NewsdeskBot]) -> None:
        message_id = interaction.message.id if interaction.message else interaction.id
        vote = interaction.client.kb.record_feedback(
            str(message_id),
            self.fact_id,
            interaction.user.id,
            interaction.guild_id,
            1 if self.vote == "up" else -1,
        )
        first = await in_time(interaction, vote)
        text = "Thanks for the feedback!" if first else "Your vote on this answer was updated."
        await reply(interaction, text)


class AskFactButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"ask:(?P<fact>{_ID})"
):
    """A suggested or related question: clicking it answers with that fact."""

    def __init__(self, fact_id: str, label: str = "") -> None:
        self.fact_id = fact_id
        super().__init__(
            discord.ui.Button(
                label=clip(label or fact_id, BUTTON_LABEL_CHARS),
                style=discord.ButtonStyle.primary,
                custom_id=f"ask:{fact_id}",
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> AskFactButton:
        return cls(match["fact"])

    async def callback(  # type: ignore[override]
        self, interaction: discord.Interaction[NewsdeskBot]
    ) -> None:
        await guarded(self._ask, interaction)

    async def _ask(self, interaction: discord.Interaction[NewsdeskBot]) -> None:
        bot = interaction.client
        if not channel_allowed(bot, interaction.channel):
            raise PermissionDenied("I don't answer questions in this channel.")
        bot.question_budget.spend(interaction.user.id)
        # The fact, or the newest one that replaces it here (an old button, a newer fact).
        match = bot.kb.answer_for(self.fact_id, guild_id=interaction.guild_id)
        if match is None:
            raise NotFound("That fact is no longer in the knowledge base.")
        embed, view = answer_reply(bot, match, interaction.guild_id, picked=True)
        await interaction.response.send_message(embed=embed, view=view)


def related_questions(
    bot: NewsdeskBot, match: Match, others: list[Match], guild_id: int | None
) -> list[tuple[str, str]]:
    """Up to three (fact id, question) pairs to offer under an answer (never the answer's own
    fact, nor those it replaced: they are shown as "Earlier")."""
    fact = match.fact
    shown = {fact.id, *(f.id for f in match.superseded)}
    limit = bot.settings.matcher.max_results
    out: list[tuple[str, str]] = []
    for other in bot.kb.related(fact, guild_id=guild_id):
        out.append((other.id, other.questions[0] if other.questions else clip(other.answer, 90)))
    floor = bot.settings.matcher.suggest_threshold
    for other_match in others:
        if other_match.score >= floor:
            out.append((other_match.fact.id, embeds.question_label(other_match)))
    out = [(fact_id, question) for fact_id, question in out if fact_id not in shown]
    unique: dict[str, str] = {}
    for fact_id, question in out:
        unique.setdefault(fact_id, question)
    return list(unique.items())[:limit]


def answer_reply(
    bot: NewsdeskBot,
    match: Match,
    guild_id: int | None,
    *,
    others: list[Match] | None = None,
    picked: bool = False,
    language: str = "en",
) -> tuple[discord.Embed, discord.ui.View]:
    related = related_questions(bot, match, others or [], guild_id)
    embed = embeds.answer_embed(match, [q for _, q in related], language=language)
    if picked:
        embed.set_field_at(1, name=label("confidence", language), value=label("picked", language))
    view = discord.ui.View(timeout=None)
    view.add_item(VoteButton("up", match.fact.id))
    view.add_item(VoteButton("down", match.fact.id))
    for fact_id, question in related:
        view.add_item(AskFactButton(fact_id, question))
    return embed, view


def reply_for(
    bot: NewsdeskBot, result: AskResult, guild_id: int | None, *, locale: object = None
) -> tuple[discord.Embed, discord.ui.View | None]:
    """The embed and buttons answering ``result``: an answer, a not-sure list, or 'unknown',
    in the question's language (or the member's Discord ``locale``: ``labels``)."""
    language = reply_language(result.question, locale)
    embed, view = _reply_in(bot, result, guild_id, language)
    if result.truncated:
        # Said, not left to be guessed: a question further down a long message went unread.
        note = label("read the start", language).format(chars=MAX_ASK_CHARS)
        embed.add_field(name=label("long message", language), value=note, inline=False)
    return embed, view


def _reply_in(
    bot: NewsdeskBot, result: AskResult, guild_id: int | None, language: str
) -> tuple[discord.Embed, discord.ui.View | None]:
    best = result.best
    if result.decision is Decision.ANSWER and best is not None:
        return answer_reply(bot, best, guild_id, others=list(result.matches[1:]), language=language)
    if result.decision is Decision.SUGGEST and best is not None:
        suggestions = list(result.matches[: bot.settings.matcher.max_results])
        view = discord.ui.View(timeout=None)
        for match in suggestions:
            view.add_item(AskFactButton(match.fact.id, embeds.question_label(match)))
        return embeds.unsure_embed(result, suggestions, language=language), view
    return embeds.unknown_embed(result, language=language), None
