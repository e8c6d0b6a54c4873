"""``/fact add|edit|remove|show|search|history``: members' facts, under the core's rules."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.actors import Actor
from bot.core.errors import InvalidInput
from bot.core.language import LANGUAGE_NAMES, LANGUAGES
from bot.core.models import Fact, Status, date_label
from bot.core.service import FactInput, parse_day, parse_ids
from bot.exts._context import actor_for
from bot.exts._in_time import in_time, reply
from bot.exts.errors import report_interaction_error
from bot.ui import embeds
from bot.ui.limits import CHOICE_CHARS, MODAL_PARAGRAPH_CHARS, clip
from bot.ui.literal import inline_code, literal

if TYPE_CHECKING:
    from bot.app import NewsdeskBot


LANGUAGE_DESCRIPTION = "The language you write in (default: the one your text reads as)"
EDIT_LANGUAGE_DESCRIPTION = (
    "The language you write in; another than the fact's own edits its translation"
)
REMOVE_TRANSLATION_DESCRIPTION = "Remove the fact's translation in the language chosen"
LANGUAGE_CHOICES = [
    app_commands.Choice(name=f"{LANGUAGE_NAMES[code]} ({code})", value=code) for code in LANGUAGES
]


def _code(choice: app_commands.Choice[str] | None) -> str | None:
    return choice.value if choice is not None else None


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
    language: str | None = None,
) -> FactInput:
    return FactInput(
        answer=answer,
        questions=_lines(questions),
        tags=_tags(tags),
        source_url=(source or "").strip() or None,
        date=_day(date),
        supersedes=parse_ids(supersedes) if supersedes is not None else None,
        language=language,
    )


def _tags(text: str | None) -> tuple[str, ...]:
    return tuple(t.strip() for t in (text or "").split(",") if t.strip())


def _day(text: str | None) -> datetime.date | None:
    return parse_day(text) if text and text.strip() else None


def _added_text(bot: NewsdeskBot, fact: Fact) -> str:
    if fact.status is Status.PENDING:
        text = f"Thanks! Fact {inline_code(fact.id)} is waiting for a moderator's approval."
    else:
        text = f"Added fact {inline_code(fact.id)}. It is answered in this server from now on."
    if fact.language != "en":
        text += f" Written in {LANGUAGE_NAMES.get(fact.language, fact.language)} ({fact.language})."
    return text + _update_hints(bot, fact)


def _updated_text(old: Fact, new: Fact, language: str | None) -> str:
    """ "Updated fact X.", or which translation the edit added or changed."""
    if language is None or language == new.language:
        return f"Updated fact {inline_code(new.id)}."
    name = LANGUAGE_NAMES.get(language, language)
    done = "Updated" if old.translation(language) is not None else "Added"
    return (
        f"{done} the {name} ({language}) translation of fact {inline_code(new.id)}; its "
        f"{LANGUAGE_NAMES.get(new.language, new.language)} answer is unchanged. Questions in "
        f"{name} are answered with it."
    )


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

    def __init__(
        self,
        existing: Fact | None = None,
        *,
        language: str | None = None,
        current: FactInput | None = None,
    ) -> None:
        """A form for a new fact, or for ``existing`` in ``language``, filled with ``current``
        (what the fact says in that language: a translation being edited shows itself)."""
        title = "Add a fact" if existing is None else "Edit fact"
        if existing is not None and language is not None and language != existing.language:
            title = f"Edit fact: {LANGUAGE_NAMES[language]}"
        super().__init__(title=title, timeout=900)
        self.existing = existing
        self.language = language
        self.answer = discord.ui.TextInput(
            label="Answer (the fact, in your own words)",
            style=discord.TextStyle.paragraph,
            max_length=MODAL_PARAGRAPH_CHARS,
            default=current.answer if current and current.answer else None,
        )
        self.questions = discord.ui.TextInput(
            label="Questions people would ask (one per line)",
            style=discord.TextStyle.paragraph,
            required=False,
            max_length=2000,
            default="\n".join(current.questions) if current else None,
        )
        self.tags = discord.ui.TextInput(
            label="Tags (comma-separated)",
            required=False,
            max_length=300,
            default=", ".join(current.tags) if current else None,
        )
        self.source = discord.ui.TextInput(
            label="Source link",
            required=False,
            max_length=2000,
            placeholder="https://...",
            default=current.source_url if current else None,
        )
        for item in (self.answer, self.questions, self.tags, self.source):
            self.add_item(item)

    async def on_submit(  # type: ignore[override]
        self, interaction: discord.Interaction[NewsdeskBot], /
    ) -> None:
        bot = interaction.client
        draft = _draft(
            self.answer.value,
            self.questions.value,
            self.tags.value,
            self.source.value,
            language=self.language,
        )
        actor = actor_for(interaction)
        if self.existing is None:
            fact = await in_time(interaction, bot.kb.add_fact(draft, actor))
            await reply(interaction, _added_text(bot, fact), embed=embeds.fact_embed(fact))
        else:
            fact = await in_time(interaction, bot.kb.edit_fact(self.existing.id, draft, actor))
            await reply(
                interaction,
                _updated_text(self.existing, fact, draft.language),
                embed=embeds.fact_embed(fact),
            )

    async def on_error(  # type: ignore[override]
        self, interaction: discord.Interaction[NewsdeskBot], error: Exception, /
    ) -> None:
        await report_interaction_error(interaction, error)


async def _remove_translation(
    interaction: discord.Interaction[NewsdeskBot], fact_id: str, code: str | None, actor: Actor
) -> None:
    """``/fact edit remove_translation``: the translation into ``code`` removed."""
    if code is None:
        raise InvalidInput("Choose the language: the translation to remove.")
    changed = await in_time(
        interaction, interaction.client.kb.remove_translation(fact_id, code, actor)
    )
    await reply(
        interaction,
        f"Removed the {LANGUAGE_NAMES.get(code, code)} ({code}) translation of fact "
        f"{inline_code(changed.id)}.",
        embed=embeds.fact_embed(changed),
    )


async def _open_edit_form(
    interaction: discord.Interaction[NewsdeskBot], fact_id: str, code: str | None, actor: Actor
) -> None:
    """``/fact edit`` with nothing to change: the form to edit the fact in."""
    kb = interaction.client.kb
    # The form shows the fact in one language and edits that one. A form must be the
    # first reply (no "thinking" before it): the store read it needs never waits for
    # a write (``get_fact``).
    # The service applies the rule (NotFound / PermissionDenied in its own words).
    existing = await kb.fact_to_change(fact_id, actor)
    code = code or existing.language
    current = kb.fact_input(existing, code)
    await interaction.response.send_modal(FactModal(existing, language=code, current=current))


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
        language=LANGUAGE_DESCRIPTION,
    )
    @app_commands.choices(language=LANGUAGE_CHOICES)
    async def add(
        self,
        interaction: discord.Interaction[NewsdeskBot],
        answer: app_commands.Range[str, 1, 3800] | None = None,
        questions: str | None = None,
        tags: str | None = None,
        source: str | None = None,
        date: app_commands.Range[str, 1, 30] | None = None,
        supersedes: app_commands.Range[str, 1, 1000] | None = None,
        language: app_commands.Choice[str] | None = None,
    ) -> None:
        if answer is None:
            await interaction.response.send_modal(FactModal(language=_code(language)))
            return
        draft = _draft(answer, questions, tags, source, date, supersedes, _code(language))
        fact = await in_time(interaction, self.bot.kb.add_fact(draft, actor_for(interaction)))
        await reply(interaction, _added_text(self.bot, fact), embed=embeds.fact_embed(fact))

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
        language=EDIT_LANGUAGE_DESCRIPTION,
        remove_translation=REMOVE_TRANSLATION_DESCRIPTION,
    )
    @app_commands.choices(language=LANGUAGE_CHOICES)
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
        language: app_commands.Choice[str] | None = None,
        remove_translation: bool = False,
    ) -> None:
        actor = actor_for(interaction)
        kb = self.bot.kb
        if remove_translation:
            await _remove_translation(interaction, fact_id, _code(language), actor)
            return
        given = (answer, questions, tags, source, date, supersedes)
        if all(option is None for option in given):
            await _open_edit_form(interaction, fact_id, _code(language), actor)
            return
        replaced = None
        if supersedes is not None:
            replaced = () if supersedes.strip().lower() == "none" else parse_ids(supersedes)

        async def change() -> tuple[Fact, Fact, FactInput]:
            existing = await kb.fact_to_change(fact_id, actor)
            draft = kb.edit_input(
                existing,
                language=_code(language),
                answer=answer,
                questions=_lines(questions) if questions is not None else None,
                tags=_tags(tags) if tags is not None else None,
                source_url=source,
                date=_day(date),
                supersedes=replaced,
            )
            return existing, await kb.edit_fact(fact_id, draft, actor), draft

        existing, fact, draft = await in_time(interaction, change())
        await reply(
            interaction,
            _updated_text(existing, fact, draft.language),
            embed=embeds.fact_embed(fact),
        )

    @app_commands.command(
        name="remove", description="Remove a fact you added (moderators: any member's fact)"
    )
    @app_commands.describe(fact_id="The fact's id")
    async def remove(self, interaction: discord.Interaction[NewsdeskBot], fact_id: str) -> None:
        fact = await in_time(interaction, self.bot.kb.remove_fact(fact_id, actor_for(interaction)))
        await reply(interaction, f"Removed fact {inline_code(fact.id)}.")

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
