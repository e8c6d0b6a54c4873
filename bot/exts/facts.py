"""``/fact add|edit|remove|show|search|history``: members' facts, under the core's rules."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.models import Fact, Status, date_label
from bot.core.service import FactInput, parse_day, parse_ids
from bot.exts._context import actor_for
from bot.exts.errors import report_interaction_error
from bot.ui import embeds
from bot.ui.limits import CHOICE_CHARS, MODAL_PARAGRAPH_CHARS, clip
from bot.ui.literal import inline_code, literal

if TYPE_CHECKING:
    from bot.app import NewsdeskBot


def _lines(text: str | None, separator: str = "\n") -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(
        part.strip() for part in text.replace("|", separator).split(separator) if part.strip()
    )


def _draft(
    answer: str,
    questions: str | None,
    tags: str | None,
    source: str | None,
    date: str | None = None,
    supersedes: str | None = None,
) -> FactInput:
    return FactInput(
        answer=answer,
        questions=_lines(questions),
        tags=tuple(t.strip() for t in (tags or "").split(",") if t.strip()),
        source_url=(source or "").strip() or None,
        date=_day(date),
        supersedes=parse_ids(supersedes) if supersedes is not None else None,
    )


def _day(text: str | None) -> datetime.date | None:
    return parse_day(text) if text and text.strip() else None


def _added_text(bot: NewsdeskBot, fact: Fact) -> str:
    if fact.status is Status.PENDING:
        text = f"Thanks! Fact {inline_code(fact.id)} is waiting for a moderator's approval."
    else:
        text = f"Added fact {inline_code(fact.id)}. It is answered in this server from now on."
    return text + _update_hints(bot, fact)


def _update_hints(bot: NewsdeskBot, fact: Fact) -> str:
    """ "This seems to update X": the older facts the new one seems to replace, for the member
    to confirm (nothing is superseded without a person's yes)."""
    proposals = bot.kb.proposed_updates([fact], guild_id=fact.guild_id).get(fact.id, [])
    lines = [
        f"\nThis seems to update {inline_code(p.old.id)} ({date_label(p.old)}): "
        f"{literal(p.reason)}. If it does, confirm with `/fact edit fact_id:{fact.id} "
        f"supersedes:{p.old.id}`."
        for p in proposals
    ]
    return "".join(lines)


def _chosen_ids(current: str) -> tuple[str, str]:
    """What a comma-separated list of ids being typed holds before its last item, and that
    last, partly typed item."""
    done, _, typing = current.rpartition(",")
    return (f"{done.strip()}, " if done.strip() else ""), typing.strip()


class FactModal(discord.ui.Modal):
    """The form behind ``/fact add`` and ``/fact edit``."""

    answer: discord.ui.TextInput[FactModal]
    questions: discord.ui.TextInput[FactModal]
    tags: discord.ui.TextInput[FactModal]
    source: discord.ui.TextInput[FactModal]

    def __init__(self, existing: Fact | None = None) -> None:
        super().__init__(title="Edit fact" if existing else "Add a fact", timeout=900)
        self.existing = existing
        self.answer = discord.ui.TextInput(
            label="Answer (the fact, in your own words)",
            style=discord.TextStyle.paragraph,
            max_length=MODAL_PARAGRAPH_CHARS,
            default=existing.answer if existing else None,
        )
        self.questions = discord.ui.TextInput(
            label="Questions people would ask (one per line)",
            style=discord.TextStyle.paragraph,
            required=False,
            max_length=2000,
            default="\n".join(existing.questions) if existing else None,
        )
        self.tags = discord.ui.TextInput(
            label="Tags (comma-separated)",
            required=False,
            max_length=300,
            default=", ".join(existing.tags) if existing else None,
        )
        self.source = discord.ui.TextInput(
            label="Source link",
            required=False,
            max_length=2000,
            placeholder="https://...",
            default=existing.source.url if existing and existing.source else None,
        )
        for item in (self.answer, self.questions, self.tags, self.source):
            self.add_item(item)

    async def on_submit(  # type: ignore[override]
        self, interaction: discord.Interaction[NewsdeskBot], /
    ) -> None:
        bot = interaction.client
        draft = _draft(self.answer.value, self.questions.value, self.tags.value, self.source.value)
        actor = actor_for(interaction)
        if self.existing is None:
            fact = await bot.kb.add_fact(draft, actor)
            await interaction.response.send_message(
                _added_text(bot, fact), embed=embeds.fact_embed(fact), ephemeral=True
            )
        else:
            fact = await bot.kb.edit_fact(self.existing.id, draft, actor)
            await interaction.response.send_message(
                f"Updated fact {inline_code(fact.id)}.",
                embed=embeds.fact_embed(fact),
                ephemeral=True,
            )

    async def on_error(  # type: ignore[override]
        self, interaction: discord.Interaction[NewsdeskBot], error: Exception, /
    ) -> None:
        await report_interaction_error(interaction, error)


@app_commands.guild_only()
class FactCommands(commands.GroupCog, group_name="fact", group_description="Add and manage facts"):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        # guild_only() only hides the commands in DMs; a fact added from a DM would have no
        # server and be answered in every server, so refuse here too.
        if interaction.guild_id is None:
            raise app_commands.NoPrivateMessage()
        return True

    async def _fact_ids(
        self, interaction: discord.Interaction[NewsdeskBot], current: str
    ) -> list[app_commands.Choice[str]]:
        guild_id = interaction.guild_id
        matches = (
            self.bot.kb.search(current, guild_id=guild_id, limit=25) if current.strip() else []
        )
        ids = [m.fact.id for m in matches]
        if not ids:  # nothing typed, or a partly typed id: the ids that start with it
            ids = self.bot.kb.fact_ids(current, guild_id=guild_id, limit=25)
        return [app_commands.Choice(name=clip(i, CHOICE_CHARS), value=i) for i in ids[:25]]

    @app_commands.command(
        name="add", description="Add a fact (leave the options empty to open a form)"
    )
    @app_commands.describe(
        answer="The fact, in a sentence or two, in your own words",
        questions="Ways people would ask for it, separated by |",
        tags="Comma-separated tags",
        source="Link to the article the fact comes from",
        date="When it happened, like 2025-07-01 (default: today)",
        supersedes="Ids of the older facts this one replaces, comma-separated",
    )
    async def add(
        self,
        interaction: discord.Interaction[NewsdeskBot],
        answer: app_commands.Range[str, 1, 3800] | None = None,
        questions: str | None = None,
        tags: str | None = None,
        source: str | None = None,
        date: app_commands.Range[str, 1, 30] | None = None,
        supersedes: app_commands.Range[str, 1, 1000] | None = None,
    ) -> None:
        if answer is None:
            await interaction.response.send_modal(FactModal())
            return
        fact = await self.bot.kb.add_fact(
            _draft(answer, questions, tags, source, date, supersedes), actor_for(interaction)
        )
        await interaction.response.send_message(
            _added_text(self.bot, fact), embed=embeds.fact_embed(fact), ephemeral=True
        )

    @app_commands.command(
        name="edit", description="Edit a fact you added (moderators: any member's fact)"
    )
    @app_commands.describe(
        fact_id="The fact's id",
        answer="New answer (leave empty to open a form)",
        questions="New ways people would ask for it, separated by |",
        tags="New comma-separated tags",
        source="New link to the article the fact comes from",
        date="When it happened, like 2025-07-01",
        supersedes="Ids of the older facts this one replaces, comma-separated ('none': none)",
    )
    async def edit(
        self,
        interaction: discord.Interaction[NewsdeskBot],
        fact_id: str,
        answer: app_commands.Range[str, 1, 3800] | None = None,
        questions: str | None = None,
        tags: str | None = None,
        source: str | None = None,
        date: app_commands.Range[str, 1, 30] | None = None,
        supersedes: app_commands.Range[str, 1, 1000] | None = None,
    ) -> None:
        actor = actor_for(interaction)
        # The service applies the rule (NotFound / PermissionDenied in its own words).
        existing = await self.bot.kb.fact_to_change(fact_id, actor)
        given = (answer, questions, tags, source, date, supersedes)
        if all(option is None for option in given):
            await interaction.response.send_modal(FactModal(existing))
            return
        replaced = None
        if supersedes is not None:
            replaced = () if supersedes.strip().lower() == "none" else parse_ids(supersedes)
        draft = FactInput(
            answer=existing.answer if answer is None else answer,
            questions=_lines(questions) if questions is not None else existing.questions,
            tags=tuple(t.strip() for t in tags.split(",") if t.strip())
            if tags is not None
            else existing.tags,
            source_url=source
            if source is not None
            else (existing.source.url if existing.source else None),
            date=_day(date),
            supersedes=replaced,
        )
        fact = await self.bot.kb.edit_fact(fact_id, draft, actor)
        await interaction.response.send_message(
            f"Updated fact {inline_code(fact.id)}.", embed=embeds.fact_embed(fact), ephemeral=True
        )

    @app_commands.command(
        name="remove", description="Remove a fact you added (moderators: any member's fact)"
    )
    @app_commands.describe(fact_id="The fact's id")
    async def remove(self, interaction: discord.Interaction[NewsdeskBot], fact_id: str) -> None:
        fact = await self.bot.kb.remove_fact(fact_id, actor_for(interaction))
        await interaction.response.send_message(
            f"Removed fact {inline_code(fact.id)}.", ephemeral=True
        )

    @app_commands.command(name="show", description="Show a fact by its id")
    @app_commands.describe(fact_id="The fact's id")
    async def show(self, interaction: discord.Interaction[NewsdeskBot], fact_id: str) -> None:
        fact = await self.bot.kb.get_fact(fact_id, guild_id=interaction.guild_id)
        await interaction.response.send_message(embed=embeds.fact_embed(fact), ephemeral=True)

    @app_commands.command(name="search", description="Find facts about something")
    @app_commands.describe(query="Words to look for")
    async def search(
        self, interaction: discord.Interaction[NewsdeskBot], query: app_commands.Range[str, 1, 300]
    ) -> None:
        matches = self.bot.kb.search(query, guild_id=interaction.guild_id, limit=10)
        await interaction.response.send_message(
            embed=embeds.search_embed(query, matches), ephemeral=True
        )

    @app_commands.command(name="history", description="Who added and changed a fact, and when")
    @app_commands.describe(fact_id="The fact's id")
    async def history(self, interaction: discord.Interaction[NewsdeskBot], fact_id: str) -> None:
        entries = await self.bot.kb.history(fact_id, guild_id=interaction.guild_id)
        await interaction.response.send_message(
            embed=embeds.history_embed(fact_id, entries), ephemeral=True
        )

    @add.autocomplete("supersedes")
    @edit.autocomplete("supersedes")
    async def supersedes_autocomplete(
        self, interaction: discord.Interaction[NewsdeskBot], current: str
    ) -> list[app_commands.Choice[str]]:
        """Fact ids for a comma-separated list: the last item being typed is completed."""
        done, typing = _chosen_ids(current)
        chosen = set(parse_ids(done))
        choices = []
        for choice in await self._fact_ids(interaction, typing):
            if choice.value not in chosen and len(done) + len(choice.value) <= CHOICE_CHARS:
                value = done + choice.value
                choices.append(app_commands.Choice(name=value, value=value))
        return choices

    @edit.autocomplete("fact_id")
    @remove.autocomplete("fact_id")
    @show.autocomplete("fact_id")
    @history.autocomplete("fact_id")
    async def fact_id_autocomplete(
        self, interaction: discord.Interaction[NewsdeskBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return await self._fact_ids(interaction, current)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(FactCommands(bot))
