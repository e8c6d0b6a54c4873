"""``/kb reload|stats|export|pending|approve|reject|teach|unteach``: the moderators' controls."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.fact_ids import FACT_ID_PATTERN
from bot.core.knowledge_errors import KnowledgeError
from bot.core.teaching import Teaching
from bot.exts import _draft_review
from bot.exts._context import (
    actor_for,
    moderator_actor,
    moderator_only,
    shared_knowledge_admin,
)
from bot.exts._in_time import in_time, reply
from bot.exts._replies import guarded, permitted
from bot.ingest.pipeline import ingest as ingest_source
from bot.ui import embeds
from bot.ui.limits import CHOICE_CHARS, clip
from bot.ui.literal import inline_code, literal

if TYPE_CHECKING:
    from bot.app import NewsdeskBot


class ReviewButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=rf"review:(?P<action>approve|reject):(?P<fact>{FACT_ID_PATTERN})",
):
    """Approve/reject buttons on the approval queue; moderators only."""

    def __init__(self, action: str, fact_id: str) -> None:
        self.action = action
        self.fact_id = fact_id
        super().__init__(
            discord.ui.Button(
                label=clip(f"{action.title()} {fact_id}", 80),
                style=discord.ButtonStyle.success
                if action == "approve"
                else discord.ButtonStyle.danger,
                custom_id=f"review:{action}:{fact_id}",
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> ReviewButton:
        return cls(match["action"], match["fact"])

    async def interaction_check(  # type: ignore[override]
        self, interaction: discord.Interaction[NewsdeskBot], /
    ) -> bool:
        return await permitted(moderator_actor, interaction)

    async def callback(  # type: ignore[override]
        self, interaction: discord.Interaction[NewsdeskBot]
    ) -> None:
        await guarded(self._review, interaction)

    async def _review(self, interaction: discord.Interaction[NewsdeskBot]) -> None:
        actor = actor_for(interaction)
        kb = interaction.client.kb
        if self.action == "approve":
            fact = await kb.approve(self.fact_id, actor)
            text = f"Approved {inline_code(fact.id)}: it is answered from now on."
        else:
            fact = await kb.reject(self.fact_id, actor)
            text = f"Rejected {inline_code(fact.id)}."
        await interaction.response.send_message(text, ephemeral=True)


@app_commands.guild_only()
class KnowledgeCommands(
    commands.GroupCog, group_name="kb", group_description="Moderators: manage the knowledge base"
):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(
        name="reload", description="Re-read the knowledge files without a restart"
    )
    @shared_knowledge_admin()
    async def reload(self, interaction: discord.Interaction[NewsdeskBot]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            report = await self.bot.kb.reload(actor_for(interaction))
        except KnowledgeError as exc:
            await interaction.followup.send(embed=embeds.knowledge_error_embed(exc), ephemeral=True)
            return
        await interaction.followup.send(embed=embeds.reload_embed(report), ephemeral=True)

    @app_commands.command(
        name="stats", description="Facts, questions asked, unknown rate, top unanswered"
    )
    @moderator_only()
    async def stats(self, interaction: discord.Interaction[NewsdeskBot]) -> None:
        stats = await self.bot.kb.stats(guild_id=interaction.guild_id)
        embed = embeds.stats_embed(stats, self.bot.kb.write_problem)
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(
        name="export", description="This server's member facts as a knowledge YAML file"
    )
    @moderator_only()
    async def export(self, interaction: discord.Interaction[NewsdeskBot]) -> None:
        guild_id = interaction.guild_id
        if not self.bot.kb.has_export(guild_id):
            await interaction.response.send_message(
                "No member-added facts in this server yet, and no taught questions: there is "
                "nothing to export.",
                ephemeral=True,
            )
            return
        text = await self.bot.kb.export_user_facts(guild_id=guild_id)
        attachment = discord.File(
            io.BytesIO(text.encode("utf-8")), filename=f"user-facts-{guild_id}.yaml"
        )
        await interaction.response.send_message(
            "Member-added facts, in the knowledge file format. Check them against their sources "
            "before moving them into `knowledge/`.",
            file=attachment,
            ephemeral=True,
        )

    @app_commands.command(name="pending", description="Facts waiting for approval")
    @moderator_only()
    async def pending(self, interaction: discord.Interaction[NewsdeskBot]) -> None:
        facts = await self.bot.kb.pending(guild_id=interaction.guild_id)
        if not facts:
            await interaction.response.send_message(
                "No facts are waiting for approval.", ephemeral=True
            )
            return
        shown = facts[:5]
        view = discord.ui.View(timeout=None)
        for fact in shown:
            view.add_item(ReviewButton("approve", fact.id))
            view.add_item(ReviewButton("reject", fact.id))
        more = f"\n…and {len(facts) - len(shown)} more." if len(facts) > len(shown) else ""
        await interaction.response.send_message(
            f"{len(facts)} fact(s) waiting for approval.{more}",
            embeds=embeds.fit_together([embeds.fact_embed(f) for f in shown]),
            view=view,
            ephemeral=True,
        )

    @app_commands.command(name="approve", description="Approve a draft or a pending fact")
    @app_commands.describe(
        fact_id="A draft file or draft fact id (/kb drafts), or a pending fact id"
    )
    @moderator_only()
    async def approve(self, interaction: discord.Interaction[NewsdeskBot], fact_id: str) -> None:
        if await _draft_review.review_reply(interaction, fact_id, approve_it=True):
            return
        outcome = await in_time(
            interaction, self.bot.kb.review(fact_id, actor_for(interaction), approve=True)
        )
        await reply(interaction, outcome.message)

    @app_commands.command(name="reject", description="Reject a draft or a pending fact")
    @app_commands.describe(
        fact_id="A draft file or draft fact id (/kb drafts), or a pending fact id"
    )
    @moderator_only()
    async def reject(self, interaction: discord.Interaction[NewsdeskBot], fact_id: str) -> None:
        if await _draft_review.review_reply(interaction, fact_id, approve_it=False):
            return
        outcome = await in_time(
            interaction, self.bot.kb.review(fact_id, actor_for(interaction), approve=False)
        )
        await reply(interaction, outcome.message)

    @app_commands.command(
        name="teach", description="Answer a question people asked with a fact, from now on"
    )
    @app_commands.describe(
        question="A question people asked (unanswered or 👎 ones are offered)",
        fact="The id of the fact that answers it",
    )
    @moderator_only()
    async def teach(
        self, interaction: discord.Interaction[NewsdeskBot], question: str, fact: str
    ) -> None:
        await _defer_if_queued(interaction)

        async def teaching() -> Teaching:
            whole = await self._whole_question(question, interaction.guild_id)
            return await self.bot.kb.teach(whole, fact, actor_for(interaction))

        await reply(interaction, _told(await in_time(interaction, teaching())))

    async def _whole_question(self, question: str, guild_id: int | None) -> str:
        """The question a moderator picked from the autocomplete, whole (``_whole``)."""
        if len(question) != CHOICE_CHARS:
            return question
        found = await self.bot.kb.questions_to_teach(guild_id=guild_id, limit=100)
        return _whole(question, found)

    @teach.autocomplete("question")
    async def teach_question_autocomplete(
        self, interaction: discord.Interaction[NewsdeskBot], current: str
    ) -> list[app_commands.Choice[str]]:
        found = await self.bot.kb.questions_to_teach(current, guild_id=interaction.guild_id)
        return _question_choices(found)

    @teach.autocomplete("fact")
    async def teach_fact_autocomplete(
        self, interaction: discord.Interaction[NewsdeskBot], current: str
    ) -> list[app_commands.Choice[str]]:
        kb = self.bot.kb
        guild_id = interaction.guild_id
        ids = kb.fact_ids(current, guild_id=guild_id, limit=25) if current.strip() else []
        question = getattr(interaction.namespace, "question", None)
        # The facts that best match the question being taught come first.
        wanted = current if current.strip() and not ids else question
        if isinstance(wanted, str) and wanted.strip():
            ranked = [m.fact.id for m in kb.search(wanted, guild_id=guild_id, limit=25)]
            ids = list(dict.fromkeys([*ids, *ranked]))
        if not ids:
            ids = kb.fact_ids("", guild_id=guild_id, limit=25)
        return _id_choices(ids)

    @app_commands.command(name="unteach", description="Take back a question taught to a fact")
    @app_commands.describe(
        question="A question taught with /kb teach (the taught ones are offered)",
        fact="The fact it was taught to (needed only when it was taught to several)",
    )
    @moderator_only()
    async def unteach(
        self,
        interaction: discord.Interaction[NewsdeskBot],
        question: str,
        fact: str | None = None,
    ) -> None:
        await _defer_if_queued(interaction)
        actor = actor_for(interaction)
        if len(question) == CHOICE_CHARS:
            found = self.bot.kb.taught_to_take_back(actor=actor, limit=1000)
            question = _whole(question, [q for q, _ in found])
        taken = await in_time(interaction, self.bot.kb.unteach(question, fact, actor))
        await reply(interaction, _told(taken))

    @unteach.autocomplete("question")
    async def unteach_question_autocomplete(
        self, interaction: discord.Interaction[NewsdeskBot], current: str
    ) -> list[app_commands.Choice[str]]:
        found = self.bot.kb.taught_to_take_back(current, actor=actor_for(interaction))
        # One choice per question: a question taught to two facts is one to take back, and
        # the fact option says from which.
        return _question_choices(list(dict.fromkeys(q for q, _ in found)))

    @unteach.autocomplete("fact")
    async def unteach_fact_autocomplete(
        self, interaction: discord.Interaction[NewsdeskBot], current: str
    ) -> list[app_commands.Choice[str]]:
        found = self.bot.kb.taught_to_take_back(actor=actor_for(interaction), limit=1000)
        question = getattr(interaction.namespace, "question", None)
        if isinstance(question, str) and question.strip():
            # The facts the chosen question was taught to (its choice may be cut).
            found = [(q, i) for q, i in found if q.startswith(question)] or found
        typed = current.strip().lower()
        return _id_choices(list(dict.fromkeys(i for _, i in found if typed in i)))

    @app_commands.command(name="drafts", description="Drafts from articles waiting for review")
    @shared_knowledge_admin()
    async def drafts(self, interaction: discord.Interaction[NewsdeskBot]) -> None:
        found = await self.bot.kb.drafts()
        if not found:
            await interaction.response.send_message(
                "No drafts are waiting. Draft one with `/kb ingest url:`.", ephemeral=True
            )
            return
        shown, view = _draft_review.drafts_message(found, self.bot.kb)
        more = len(found) - len(shown)
        await interaction.response.send_message(
            f"{len(found)} draft(s) waiting for review." + (f" …and {more} more." if more else ""),
            embeds=shown,
            view=view,
            ephemeral=True,
        )

    @app_commands.command(name="ingest", description="Draft facts from a news article or feed")
    @app_commands.describe(url="The article's (or RSS/Atom feed's) http(s) link")
    @shared_knowledge_admin()
    async def ingest(self, interaction: discord.Interaction[NewsdeskBot], url: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await ingest_source(
            self.bot.kb,
            url,
            allow_private=self.bot.settings.ingest.allow_private_addresses,
            local_files=False,
        )
        text, shown, view = await _draft_review.drafted_message(self.bot.kb, result)
        if shown:
            await interaction.followup.send(text, embeds=shown, view=view, ephemeral=True)
        else:
            await interaction.followup.send(text, ephemeral=True)


async def _defer_if_queued(interaction: discord.Interaction[NewsdeskBot]) -> None:
    """Say "thinking" first when long work (a reload) is under way: a teaching is then queued,
    and kept in the database before the moderator is told, which on SQLite waits for the
    reload's own write to commit; Discord's three seconds for a reply are not waited on."""
    if interaction.client.kb.busy_with is not None:
        await interaction.response.defer(ephemeral=True, thinking=True)


def _told(teaching: Teaching) -> str:
    """A teaching or taking back, as the moderator is told it: ids as code, the question
    shown literally (never as mentions or markdown)."""
    return teaching.sentence(name=inline_code, quoted=lambda q: literal(clip(q, 300)))


def _question_choices(questions: Sequence[str]) -> list[app_commands.Choice[str]]:
    """The first 25 of ``questions`` as autocomplete choices. A choice's value holds
    ``CHOICE_CHARS`` characters: a longer question arrives cut, and the command makes it
    whole again (``_whole``)."""
    return [
        app_commands.Choice(name=clip(q, CHOICE_CHARS), value=q[:CHOICE_CHARS])
        for q in questions[:25]
    ]


def _id_choices(ids: Sequence[str]) -> list[app_commands.Choice[str]]:
    """The first 25 of ``ids`` as autocomplete choices."""
    return [app_commands.Choice(name=clip(i, CHOICE_CHARS), value=i) for i in ids[:25]]


def _whole(question: str, offered: Sequence[str]) -> str:
    """The question of ``offered`` that ``question``, picked from its choice, was cut from; a
    question taught or taken back cut would not be the one people asked."""
    return next((q for q in offered if q.startswith(question)), question)


async def setup(bot: NewsdeskBot) -> None:
    bot.add_dynamic_items(ReviewButton, _draft_review.DraftButton)
    await bot.add_cog(KnowledgeCommands(bot))
