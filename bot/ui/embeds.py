"""Embeds for answers, facts and moderation replies, as pure functions of core results."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.core.loader import KnowledgeError
from bot.core.models import AskResult, AuditEntry, Fact, Match, ReloadReport, Stats
from bot.ui.limits import (
    EMBED_DESCRIPTION_CHARS,
    EMBED_TITLE_CHARS,
    EMBED_TOTAL_CHARS,
    FIELD_VALUE_CHARS,
    FOOTER_CHARS,
    clip,
)

ANSWER_COLOUR = discord.Colour.blurple()
UNSURE_COLOUR = discord.Colour.gold()
UNKNOWN_COLOUR = discord.Colour.light_grey()
ERROR_COLOUR = discord.Colour.red()
OK_COLOUR = discord.Colour.green()


def confidence_label(score: float) -> str:
    if score >= 0.75:
        word = "high"
    elif score >= 0.55:
        word = "good"
    else:
        word = "fair"
    return f"{word} ({score:.0%})"


def source_text(fact: Fact) -> str:
    """The source as Markdown: a linked title, with its date."""
    source = fact.source
    if source is None or source.is_empty():
        return "No source given"
    title = discord.utils.escape_markdown(source.title or "Link")
    text = f"[{title}]({source.url})" if source.url else title
    if source.published:
        text += f" · {source.published.isoformat()}"
    return clip(text, FIELD_VALUE_CHARS)


def shown(fact: Fact, text: str) -> str:
    """``text`` of ``fact`` as it may appear in an embed.

    Members' facts are shown literally: their Markdown is escaped, so nobody can make the bot
    present a masked link ("[Official statement](https://phish...)") as its answer. The
    knowledge files are curated, and may use Markdown.
    """
    return discord.utils.escape_markdown(text) if fact.origin.value == "user" else text


def question_label(match: Match) -> str:
    """A short question standing for a fact, for suggestion lists and buttons (raw text)."""
    fact = match.fact
    if match.matched_question:
        return match.matched_question
    return fact.questions[0] if fact.questions else clip(fact.answer, 90)


def fit(embed: discord.Embed) -> discord.Embed:
    """Shrink an embed's description until the whole embed is within Discord's 6,000 chars."""
    excess = len(embed) - EMBED_TOTAL_CHARS
    if excess > 0 and embed.description:
        embed.description = clip(embed.description, max(1, len(embed.description) - excess))
    return embed


def fit_together(items: Sequence[discord.Embed]) -> list[discord.Embed]:
    """Embeds for one message: Discord's 6,000 chars apply to all of them together.

    Each embed's description is shrunk to its share of the budget; embeds that still do not
    fit are left out.
    """
    share = EMBED_TOTAL_CHARS // max(1, len(items))
    kept: list[discord.Embed] = []
    total = 0
    for embed in items:
        excess = len(embed) - share
        if excess > 0 and embed.description:
            embed.description = clip(embed.description, max(1, len(embed.description) - excess))
        if total + len(embed) > EMBED_TOTAL_CHARS:
            break
        kept.append(embed)
        total += len(embed)
    return kept


def answer_embed(match: Match, related: Sequence[str] = ()) -> discord.Embed:
    fact = match.fact
    embed = discord.Embed(
        title=clip(shown(fact, match.matched_question or "Answer"), EMBED_TITLE_CHARS),
        description=clip(shown(fact, fact.answer), EMBED_DESCRIPTION_CHARS),
        colour=ANSWER_COLOUR,
    )
    embed.add_field(name="Source", value=source_text(fact), inline=False)
    embed.add_field(name="Confidence", value=confidence_label(match.score), inline=True)
    if fact.date:
        embed.add_field(name="Date", value=fact.date.isoformat(), inline=True)
    if related:
        lines = "\n".join(f"• {clip(q, 150)}" for q in related[:3])
        embed.add_field(
            name="Related questions", value=clip(lines, FIELD_VALUE_CHARS), inline=False
        )
    origin = "added by a member" if fact.origin.value == "user" else "from the knowledge base"
    embed.set_footer(text=clip(f"fact id: {fact.id} · {origin} · was this helpful?", FOOTER_CHARS))
    return fit(embed)


def unsure_embed(result: AskResult, suggestions: Sequence[Match]) -> discord.Embed:
    lines = "\n".join(
        f"{n}. {clip(shown(m.fact, question_label(m)), 150)}" for n, m in enumerate(suggestions, 1)
    )
    embed = discord.Embed(
        title="I'm not sure what you mean",
        description=clip(
            f"Did you mean one of these? Pick one below.\n\n{lines}", EMBED_DESCRIPTION_CHARS
        ),
        colour=UNSURE_COLOUR,
    )
    embed.set_footer(text=clip(f"You asked: {result.question}", FOOTER_CHARS))
    return fit(embed)


def unknown_embed(result: AskResult) -> discord.Embed:
    embed = discord.Embed(
        title="I don't know that yet",
        description=(
            "Nothing in my fact base answers this, and I'd rather say so than guess.\n"
            "If you know the answer and have a source, add it with `/fact add`."
        ),
        colour=UNKNOWN_COLOUR,
    )
    embed.set_footer(text=clip(f"You asked: {result.question}", FOOTER_CHARS))
    return embed


def fact_embed(fact: Fact) -> discord.Embed:
    embed = discord.Embed(
        title=clip(f"Fact {fact.id}", EMBED_TITLE_CHARS),
        description=clip(shown(fact, fact.answer), EMBED_DESCRIPTION_CHARS),
        colour=ANSWER_COLOUR if fact.status.value == "live" else UNSURE_COLOUR,
    )
    if fact.questions:
        lines = "\n".join(f"• {shown(fact, q)}" for q in fact.questions)
        embed.add_field(name="Questions", value=clip(lines, FIELD_VALUE_CHARS), inline=False)
    if fact.tags:
        embed.add_field(name="Tags", value=clip(", ".join(fact.tags), FIELD_VALUE_CHARS))
    embed.add_field(name="Source", value=source_text(fact), inline=False)
    if fact.origin.value == "user":
        author = f"<@{fact.author_id}>" if fact.author_id else "unknown"
        embed.add_field(name="Added by", value=author, inline=True)
    else:
        where = f"{fact.file}:{fact.line}" if fact.line else str(fact.file)
        embed.add_field(name="File", value=clip(where, FIELD_VALUE_CHARS), inline=True)
    embed.add_field(name="Status", value=fact.status.value, inline=True)
    return fit(embed)


def search_embed(query: str, matches: Sequence[Match]) -> discord.Embed:
    if not matches:
        description = "No facts match."
    else:
        description = "\n".join(
            f"`{m.fact.id}` ({m.score:.0%}) {clip(shown(m.fact, question_label(m)), 120)}"
            for m in matches
        )
    return discord.Embed(
        title=clip(f"Facts matching: {query}", EMBED_TITLE_CHARS),
        description=clip(description, EMBED_DESCRIPTION_CHARS),
        colour=ANSWER_COLOUR,
    )


def history_embed(fact_id: str, entries: Sequence[AuditEntry]) -> discord.Embed:
    lines = []
    for entry in entries[-25:]:
        who = entry.actor
        if who.startswith("discord:"):
            who = f"<@{who.removeprefix('discord:')}>"
        stamp = discord.utils.format_dt(entry.at, "f")
        lines.append(f"{stamp} **{entry.action}** by {who}")
    return discord.Embed(
        title=clip(f"History of {fact_id}", EMBED_TITLE_CHARS),
        description=clip("\n".join(lines), EMBED_DESCRIPTION_CHARS),
        colour=ANSWER_COLOUR,
    )


def reload_embed(report: ReloadReport) -> discord.Embed:
    embed = discord.Embed(
        title="Knowledge reloaded",
        description=f"{report.total} facts from {report.files} files.",
        colour=OK_COLOUR,
    )
    if report.unchanged:
        embed.description = (embed.description or "") + " Nothing changed."
    for label, ids in (
        ("Added", report.added),
        ("Changed", report.changed),
        ("Removed", report.removed),
    ):
        if ids:
            value = ", ".join(f"`{i}`" for i in ids)
            embed.add_field(name=f"{label} ({len(ids)})", value=clip(value, FIELD_VALUE_CHARS))
    return fit(embed)


def knowledge_error_embed(error: KnowledgeError) -> discord.Embed:
    lines = "\n".join(f"• `{clip(str(e), 300)}`" for e in error.errors)
    return discord.Embed(
        title="Reload refused: the knowledge files have errors",
        description=clip(
            f"The knowledge in service was not changed. Fix these and reload:\n{lines}",
            EMBED_DESCRIPTION_CHARS,
        ),
        colour=ERROR_COLOUR,
    )


def stats_embed(stats: Stats, write_problem: str | None = None) -> discord.Embed:
    embed = discord.Embed(title="Knowledge base statistics", colour=ANSWER_COLOUR)
    embed.add_field(
        name="Facts",
        value=(
            f"{stats.facts_by_origin.get('file', 0)} from knowledge files\n"
            f"{stats.facts_by_origin.get('user', 0)} added by members\n"
            f"{stats.pending} waiting for approval"
        ),
    )
    embed.add_field(
        name="Questions",
        value=(
            f"{stats.questions_asked} asked\n{stats.answered} answered\n"
            f"{stats.suggested} not sure\n{stats.unknown} unknown ({stats.unknown_rate:.0%})"
        ),
    )
    embed.add_field(name="Feedback", value=f"👍 {stats.feedback_up}  👎 {stats.feedback_down}")
    if stats.top_unanswered:
        lines = "\n".join(f"{n}× {clip(q, 100)}" for q, n in stats.top_unanswered)
        embed.add_field(name="Top unanswered", value=clip(lines, FIELD_VALUE_CHARS), inline=False)
    if write_problem:
        embed.add_field(
            name="⚠ Writes are failing",
            value=clip(
                f"The database refused the last write: {write_problem}. Answers still work "
                "from memory; new facts, edits and votes are not being saved.",
                FIELD_VALUE_CHARS,
            ),
            inline=False,
        )
    return fit(embed)


def notice_embed(text: str, *, error: bool = False) -> discord.Embed:
    return discord.Embed(
        description=clip(text, EMBED_DESCRIPTION_CHARS), colour=ERROR_COLOUR if error else OK_COLOUR
    )
