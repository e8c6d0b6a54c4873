"""Drafts on Discord: their embeds and the moderators' Approve/Reject buttons.

Shared by ``/kb drafts``, ``/kb ingest`` (in ``moderation``) and the feed watcher (``feeds``).
The buttons are ``DynamicItem``s: the draft's name lives in the custom id, so they keep working
after a restart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import discord

from bot.core.draft_files import DRAFTS_DIR, DraftFile
from bot.core.errors import NotFound
from bot.core.knowledge_errors import KnowledgeError
from bot.core.links import is_web_link
from bot.core.models import date_label
from bot.core.service import KnowledgeBase
from bot.core.supersession import Proposal
from bot.exts._context import shared_knowledge_actor
from bot.exts._replies import guarded, permitted
from bot.ingest.pipeline import IngestResult
from bot.ui import embeds
from bot.ui.limits import EMBED_DESCRIPTION_CHARS, EMBED_TITLE_CHARS, clip
from bot.ui.literal import inline_code, literal

if TYPE_CHECKING:
    from bot.app import NewsdeskBot

_NAME = r"[a-z0-9._-]{1,90}"
DRAFT_COLOUR = discord.Colour.orange()
SHOWN_DRAFTS = 5
ANSWER_CHARS = 180
SOURCE_CHARS = 140
# A draft file is read again for its source comments only up to this size (drafts are a few
# kilobytes; a hand-edited giant is shown without them).


class DraftButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=rf"draft:(?P<action>approve|reject):(?P<name>{_NAME})",
):
    """Approve or reject a whole draft file (by its name without ``.yaml``); for the moderators
    who manage the shared knowledge."""

    def __init__(self, action: str, name: str) -> None:
        self.action = action
        self.name = name
        super().__init__(
            discord.ui.Button(
                label=clip(f"{action.title()} {name}", 80),
                style=discord.ButtonStyle.success
                if action == "approve"
                else discord.ButtonStyle.danger,
                custom_id=f"draft:{action}:{name}"[:100],
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> DraftButton:
        return cls(match["action"], match["name"])

    async def interaction_check(  # type: ignore[override]
        self, interaction: discord.Interaction[NewsdeskBot], /
    ) -> bool:
        return await permitted(shared_knowledge_actor, interaction)

    async def callback(  # type: ignore[override]
        self, interaction: discord.Interaction[NewsdeskBot]
    ) -> None:
        await guarded(self._review, interaction)

    async def _review(self, interaction: discord.Interaction[NewsdeskBot]) -> None:
        if not await review_reply(interaction, self.name, approve_it=self.action == "approve"):
            raise NotFound(f"There is no draft '{self.name}' any more (already reviewed?).")


async def review_reply(
    interaction: discord.Interaction[NewsdeskBot], name: str, *, approve_it: bool
) -> bool:
    """Approve/reject the draft file or draft fact ``name`` and reply; False if none is named.

    For callers that have checked the member moderates this server: a draft changes the
    knowledge every server is answered from, so reviewing one also takes a moderator who
    manages the shared knowledge (``Refused`` otherwise). Invalid drafts are answered with their
    located problems (nothing is moved).
    """
    kb = interaction.client.kb
    choice = await kb.find_draft(name)
    if choice is None:
        return False
    actor = shared_knowledge_actor(interaction)
    await interaction.response.defer(ephemeral=True, thinking=True)
    try:
        outcome = await kb.review_draft(choice, actor, approve=approve_it)
    except KnowledgeError as exc:
        await interaction.followup.send(embed=embeds.knowledge_error_embed(exc), ephemeral=True)
        return True
    await interaction.followup.send(outcome.message, ephemeral=True)
    return True


def draft_embed(
    draft: DraftFile,
    sources: Mapping[str, Sequence[str]] | None = None,
    updates: Mapping[str, Sequence[Proposal]] | None = None,
) -> discord.Embed:
    """One draft file: its article, then each fact's id and answer and, below it, the
    sentence(s) of the article it was made from, so a moderator can check one against the
    other without opening the article, and "this seems to update ..." under a fact that seems
    to update a live one (``updates``, by draft fact id).

    Titles, answers and sentences come from articles, written by whoever runs the site or the
    feed: they are shown as typed, and the card links the article only if its address is a
    web link.
    """
    sources = sources or {}
    lines = []
    for fact in draft.facts:
        lines.append(f"{inline_code(fact.id)}: {literal(clip(fact.answer, ANSWER_CHARS))}")
        said = " ".join(sources.get(fact.id, ()))
        if said:
            lines.append(f"\u21b3 from the article: {literal(clip(said, SOURCE_CHARS))}")
        lines += [update_line(p) for p in (updates or {}).get(fact.id, ())]
    lines += [f"⚠ {literal(clip(str(error), 200))}" for error in draft.errors]
    embed = discord.Embed(
        title=clip(f"Draft: {literal(draft.title)}", EMBED_TITLE_CHARS),
        description=clip("\n".join(lines) or "(no facts)", EMBED_DESCRIPTION_CHARS),
        colour=DRAFT_COLOUR,
    )
    source = draft.facts[0].source if draft.facts else None
    if source is not None and source.url and is_web_link(source.url):
        embed.url = source.url
    embed.set_footer(
        text=f"{DRAFTS_DIR}/{draft.name} · {len(draft.facts)} facts · not answered "
        "until approved · one fact: /kb approve id:<fact id>"
    )
    return embed


def update_line(proposal: Proposal) -> str:
    """ "↳ this seems to update `old-id` (2025-06-27): two -> three"."""
    old = proposal.old
    return (
        f"↳ this seems to update {inline_code(old.id)} ({date_label(old)}): "
        f"{literal(clip(proposal.reason, 120))} (to confirm: uncomment its `supersedes:` line)"
    )


def drafts_message(
    found: Sequence[DraftFile], kb: KnowledgeBase | None = None
) -> tuple[list[discord.Embed], discord.ui.View]:
    """Embeds and buttons for up to ``SHOWN_DRAFTS`` drafts (with ``kb``: and the live facts
    each draft fact seems to update)."""
    shown = list(found[:SHOWN_DRAFTS])
    view = discord.ui.View(timeout=None)
    for draft in shown:
        view.add_item(DraftButton("approve", draft.path.stem))
        view.add_item(DraftButton("reject", draft.path.stem))
    cards = [draft_embed(d, d.sources, kb.proposed_updates(d.facts) if kb else None) for d in shown]
    return embeds.fit_together(cards), view


async def drafted_message(
    kb: KnowledgeBase, result: IngestResult
) -> tuple[str, list[discord.Embed], discord.ui.View]:
    """The reply to an ingestion: what happened, and the new drafts with their buttons."""
    made = set(result.paths())
    new = [d for d in await kb.drafts() if d.path in made]
    embeds_, view = drafts_message(new, kb)
    # The summary quotes article titles and the links that were refused.
    return clip(literal(result.summary()), 1_900), embeds_, view
