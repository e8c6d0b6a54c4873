"""Embeds for answers, facts and moderation replies, as pure functions of core results.

The rule (``bot.ui.literal``): text a member, an article or a feed controls is shown as typed.
Where Discord renders Markdown it goes through ``literal`` (ids in backticks: ``inline_code``,
sources: ``link``, a masked link only to a parsed web link); footers, button labels,
autocomplete choices and form defaults are shown as typed by Discord and get the text unchanged.
Only a knowledge-file fact's answer keeps its Markdown (``answer_text``): those files are
curated. Where member text is rendered, and how:

* answers (``answer_embed``, ``fact_embed``): ``answer_text``; questions (matched question as
  title, related questions, did-you-mean list, ``/fact show``, ``/fact search``), tags, top
  unanswered questions (``stats_embed``), the ``/fact search`` query and ``/fact history`` id in
  titles: ``literal``; "You asked: ..." and fact ids in footers, button labels: unchanged;
* sources: ``link`` (title escaped, the address linked only if ``web_link`` accepts it);
* ``/fact history``: actors are ``<@id>`` made from the stored numeric id, else ``literal``;
* ids echoed in replies ("Added fact `x`", reload report, draft cards): ``inline_code``;
* errors (``notice_embed``, which echo ids, links and values members typed) and knowledge
  errors: ``literal`` / ``inline_code``;
* drafts (``bot.exts._draft_review``): article titles, answers, problems and the ingestion summary:
  ``literal``; a draft card links its article only if ``web_link`` accepts the address;
* ``!ask``, mentions and question buttons answer with these same embeds; ``/kb pending``,
  ``/kb drafts`` and ``/kb export`` messages carry only counts and fixed text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import discord

from bot.core.knowledge_errors import KnowledgeError
from bot.core.models import (
    NOT_MADE_ACTIONS,
    QUESTION_ACTIONS,
    AskResult,
    AuditEntry,
    Fact,
    Match,
    Origin,
    ReloadReport,
    Stats,
    date_label,
)
from bot.ui.labels import date_text, label
from bot.ui.limits import (
    EMBED_DESCRIPTION_CHARS,
    EMBED_TITLE_CHARS,
    EMBED_TOTAL_CHARS,
    FIELD_VALUE_CHARS,
    FOOTER_CHARS,
    clip,
)
from bot.ui.literal import inline_code, link, literal

ANSWER_COLOUR = discord.Colour.blurple()
UNSURE_COLOUR = discord.Colour.gold()
UNKNOWN_COLOUR = discord.Colour.light_grey()
ERROR_COLOUR = discord.Colour.red()
OK_COLOUR = discord.Colour.green()


def confidence_label(score: float, language: str = "en") -> str:
    if score >= 0.75:
        word = "high"
    elif score >= 0.55:
        word = "good"
    else:
        word = "fair"
    return f"{label(word, language)} ({score:.0%})"


def source_text(fact: Fact, language: str = "en") -> str:
    """The source as Markdown: its title linked to its address (if that is a web link), with
    its date."""
    source = fact.source
    if source is None or source.is_empty():
        return label("no source", language)
    text = link(source.title, source.url)
    if source.published:
        text = " · ".join(t for t in (text, source.published.isoformat()) if t)
    return clip(text, FIELD_VALUE_CHARS)


def answer_text(fact: Fact, language: str | None = None) -> str:
    """``fact``'s answer as it may appear in an embed, in ``language`` when it has it; when
    not, its own answer under one line in ``language`` saying no translation exists yet.

    Members' answers are shown literally, so nobody can make the bot present a masked link
    ("[Official statement](https://phish...)") as its answer. The knowledge files are curated,
    and may use Markdown.
    """
    text, translated = fact.answer_in(language or fact.language)
    shown = text if fact.origin is Origin.FILE else literal(text)
    if not translated and language is not None and label("no translation", language):
        shown = f"*{label('no translation', language)}*\n\n{shown}"
    return shown


def question_label(match: Match) -> str:
    """A short question standing for a fact, as typed: for button labels, or ``literal`` in
    suggestion lists."""
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


def answer_embed(
    match: Match, related: Sequence[str] = (), *, language: str = "en"
) -> discord.Embed:
    """An answer in ``language`` (the asker's) when the fact has it, with labels in it."""
    fact = match.fact
    embed = discord.Embed(
        title=clip(literal(match.matched_question or label("answer", language)), EMBED_TITLE_CHARS),
        description=clip(answer_text(fact, language), EMBED_DESCRIPTION_CHARS),
        colour=ANSWER_COLOUR,
    )
    embed.add_field(name=label("source", language), value=source_text(fact, language), inline=False)
    embed.add_field(
        name=label("confidence", language),
        value=confidence_label(match.score, language),
        inline=True,
    )
    embed.add_field(name=label("date", language), value=date_text(fact, language), inline=True)
    if match.superseded:
        embed.add_field(
            name=label("earlier", language),
            value=earlier_text(match.superseded, language),
            inline=False,
        )
    if related:
        lines = "\n".join(f"• {clip(literal(q), 150)}" for q in related[:3])
        embed.add_field(
            name=label("related", language), value=clip(lines, FIELD_VALUE_CHARS), inline=False
        )
    origin = label(
        "added by a member" if fact.origin is Origin.USER else "from the knowledge base", language
    )
    footer = f"fact id: {fact.id} · {origin} · {label('helpful', language)}"
    embed.set_footer(text=clip(footer, FOOTER_CHARS))
    return fit(embed)


def earlier_text(facts: Sequence[Fact], language: str = "en") -> str:
    """What a newer answer replaced, newest first: each answer (shortened) and its date, in
    ``language`` where the older fact has it (the date's words always)."""
    lines = [
        f"• {clip(_earlier_answer(f, language), 220)} ({date_text(f, language)})" for f in facts[:5]
    ]
    return clip("\n".join(lines), FIELD_VALUE_CHARS)


def _earlier_answer(fact: Fact, language: str) -> str:
    """A replaced fact's answer in ``language`` when it has it, else its own: one line of a
    list, so without the "no translation yet" line an answer gets."""
    text, _ = fact.answer_in(language)
    return text if fact.origin is Origin.FILE else literal(text)


def dated_line(fact: Fact, width: int = 220) -> str:
    """One fact in a list: its answer (shortened) and its source, linked when it is a web link."""
    line = f"• {clip(answer_text(fact), width)}"
    source = fact.source
    if source is not None and (source.title or source.url):
        line += f" — {link(clip(source.title, 80) if source.title else None, source.url)}"
    return f"{line} {inline_code(fact.id)}"


def _days(facts: Sequence[Fact]) -> list[tuple[str, list[Fact]]]:
    """``facts`` (newest first) grouped by the date they are about."""
    groups: dict[str, list[Fact]] = {}
    for fact in facts:
        dating = fact.dating()
        groups.setdefault(dating.day.isoformat() if dating else "undated", []).append(fact)
    return list(groups.items())


def latest_embed(topic: str | None, facts: Sequence[Fact]) -> discord.Embed:
    """``/latest``: the newest facts first, one field per day, each fact with its source."""
    title = f"Latest on {literal(topic)}" if topic else "Latest news"
    embed = discord.Embed(title=clip(title, EMBED_TITLE_CHARS), colour=ANSWER_COLOUR)
    if not facts:
        embed.description = (
            "No facts match that topic yet." if topic else "No facts in the knowledge base yet."
        )
        return embed
    for day, group in _days(facts)[:10]:
        value = "\n".join(dated_line(f, 180) for f in group)
        embed.add_field(name=day, value=clip(value, FIELD_VALUE_CHARS), inline=False)
    embed.set_footer(text="Newest first; facts replaced by newer ones are left out.")
    return fit(embed)


def digest_embed(day: dt.date, facts: Sequence[Fact]) -> discord.Embed:
    """The daily digest: the facts approved or added in the day before ``day``'s post."""
    embed = discord.Embed(
        title=f"New in the fact base · {day.isoformat()}",
        description=f"{len(facts)} fact(s) approved or added in the last day.",
        colour=OK_COLOUR,
    )
    shown = list(facts)[:20]
    for day_name, group in _days(sorted(shown, key=_newest_first))[:10]:
        value = "\n".join(dated_line(f, 180) for f in group)
        embed.add_field(name=day_name, value=clip(value, FIELD_VALUE_CHARS), inline=False)
    if len(facts) > len(shown):
        embed.set_footer(text=f"and {len(facts) - len(shown)} more: /latest lists them")
    return fit(embed)


def _newest_first(fact: Fact) -> tuple[int, str]:
    day = fact.day()
    return (-(day.toordinal() if day else 0), fact.id)


def unsure_embed(
    result: AskResult, suggestions: Sequence[Match], *, language: str = "en"
) -> discord.Embed:
    lines = "\n".join(
        f"{n}. {clip(literal(question_label(m)), 150)}" for n, m in enumerate(suggestions, 1)
    )
    embed = discord.Embed(
        title=label("unsure title", language),
        description=clip(f"{label('did you mean', language)}\n\n{lines}", EMBED_DESCRIPTION_CHARS),
        colour=UNSURE_COLOUR,
    )
    embed.set_footer(text=clip(f"{label('you asked', language)}: {result.question}", FOOTER_CHARS))
    return fit(embed)


def unknown_embed(result: AskResult, *, language: str = "en") -> discord.Embed:
    embed = discord.Embed(
        title=label("unknown title", language),
        description=label("unknown text", language),
        colour=UNKNOWN_COLOUR,
    )
    embed.set_footer(text=clip(f"{label('you asked', language)}: {result.question}", FOOTER_CHARS))
    return embed


def fact_embed(fact: Fact) -> discord.Embed:
    embed = discord.Embed(
        title=clip(f"Fact {literal(fact.id)}", EMBED_TITLE_CHARS),
        description=clip(answer_text(fact), EMBED_DESCRIPTION_CHARS),
        colour=ANSWER_COLOUR if fact.status.value == "live" else UNSURE_COLOUR,
    )
    if fact.questions:
        lines = "\n".join(f"• {literal(q)}" for q in fact.questions)
        embed.add_field(name="Questions", value=clip(lines, FIELD_VALUE_CHARS), inline=False)
    if fact.tags:
        tags = ", ".join(literal(tag) for tag in fact.tags)
        embed.add_field(name="Tags", value=clip(tags, FIELD_VALUE_CHARS))
    embed.add_field(name="Source", value=source_text(fact), inline=False)
    embed.add_field(name="Date", value=date_label(fact), inline=True)
    if fact.supersedes:
        replaced = ", ".join(inline_code(i) for i in fact.supersedes)
        embed.add_field(name="Supersedes", value=clip(replaced, FIELD_VALUE_CHARS), inline=True)
    if fact.origin is Origin.USER:
        author = f"<@{fact.author_id}>" if fact.author_id else "unknown"
        embed.add_field(name="Added by", value=author, inline=True)
    else:
        where = f"{fact.file}:{fact.line}" if fact.line else str(fact.file)
        embed.add_field(name="File", value=clip(literal(where), FIELD_VALUE_CHARS), inline=True)
    embed.add_field(name="Status", value=fact.status.value, inline=True)
    if fact.language != "en" or fact.translations:
        embed.add_field(name="Languages", value=languages_text(fact), inline=True)
        for translation in fact.translations:
            embed.add_field(
                name=f"Answer ({translation.language})",
                value=clip(literal(translation.answer), FIELD_VALUE_CHARS),
                inline=False,
            )
    return fit(embed)


def languages_text(fact: Fact) -> str:
    """ "ru; translated: en, az": the fact's own language, then its translations'."""
    text = fact.language
    if fact.translations:
        text += "; translated: " + ", ".join(t.language for t in fact.translations)
    return text


def search_embed(query: str, matches: Sequence[Match]) -> discord.Embed:
    if not matches:
        description = "No facts match."
    else:
        description = "\n".join(
            f"{inline_code(m.fact.id)} ({m.score:.0%}) {clip(literal(question_label(m)), 120)}"
            for m in matches
        )
    return discord.Embed(
        title=clip(f"Facts matching: {literal(query)}", EMBED_TITLE_CHARS),
        description=clip(description, EMBED_DESCRIPTION_CHARS),
        colour=ANSWER_COLOUR,
    )


def actor_text(actor: str) -> str:
    """Who did something, from an audit entry's actor: a Discord member as their mention (made
    from the stored numeric id only), anyone else (the console) by name."""
    user_id = actor.removeprefix("discord:")
    if actor.startswith("discord:") and user_id.isascii() and user_id.isdigit():
        return f"<@{user_id}>"
    return literal(actor)


def history_embed(fact_id: str, entries: Sequence[AuditEntry]) -> discord.Embed:
    lines = []
    for entry in entries[-25:]:
        stamp = discord.utils.format_dt(entry.at, "f")
        line = f"{stamp} **{literal(entry.action)}** by {actor_text(entry.actor)}"
        language = entry.detail.get("language")
        if isinstance(language, str) and language != "en":
            line += f" ({literal(language)})"
        question = entry.detail.get("question")
        if entry.action in QUESTION_ACTIONS and isinstance(question, str):
            line += f": {clip(literal(question), 200)}"  # which question was taught or taken back
        why = entry.detail.get("why")
        if entry.action in NOT_MADE_ACTIONS and isinstance(why, str):
            line += f" ({literal(why)})"  # told it would be made: why it was not
        draft = entry.detail.get("file")
        if entry.action in ("approve-draft", "reject-draft") and isinstance(draft, str):
            # As `fact history` shows it: which draft file the fact was reviewed in.
            line += f": {inline_code(clip(f'drafts/{draft}', 200))}"
        lines.append(line)
    return discord.Embed(
        title=clip(f"History of {literal(fact_id)}", EMBED_TITLE_CHARS),
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
    for name, ids in (
        ("Added", report.added),
        ("Changed", report.changed),
        ("Removed", report.removed),
    ):
        if ids:
            value = ", ".join(inline_code(i) for i in ids)
            embed.add_field(name=f"{name} ({len(ids)})", value=clip(value, FIELD_VALUE_CHARS))
    return fit(embed)


def knowledge_error_embed(error: KnowledgeError) -> discord.Embed:
    lines = "\n".join(f"• {inline_code(clip(str(e), 300))}" for e in error.errors)
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
            f"{stats.pending} waiting for approval\n"
            # Ingested articles' drafts, reviewed with /kb approve or /kb reject.
            f"{stats.drafts_text.capitalize()}"
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

    def taught(question: str) -> str:
        fact_id = stats.taught_to.get(question)
        return f" (taught: {inline_code(fact_id)})" if fact_id else ""

    if stats.top_unanswered:
        lines = "\n".join(
            f"{n}× {clip(literal(q), 100)}{taught(q)}" for q, n in stats.top_unanswered
        )
        embed.add_field(name="Top unanswered", value=clip(lines, FIELD_VALUE_CHARS), inline=False)
    if stats.top_thumbs_down:
        lines = "\n".join(
            f"{n}× {clip(literal(q), 100)} → {inline_code(fact_id)}{taught(q)}"
            for q, fact_id, n in stats.top_thumbs_down
        )
        embed.add_field(name="Top 👎 answers", value=clip(lines, FIELD_VALUE_CHARS), inline=False)
    if stats.left_to_teach:
        embed.add_field(
            name="Teach the bot",
            value="`/kb teach question: fact:` answers such a question with a fact from now on.",
            inline=False,
        )
    if write_problem:
        embed.add_field(
            name="⚠ Writes are failing",
            value=clip(
                f"The database refused the last write: {literal(write_problem)}. Answers still "
                "work from memory; new facts, edits and votes are not being saved.",
                FIELD_VALUE_CHARS,
            ),
            inline=False,
        )
    return fit(embed)


def notice_embed(text: str, *, error: bool = False) -> discord.Embed:
    """One sentence, shown as written: it may echo what a member typed (an id, a link)."""
    return discord.Embed(
        description=clip(literal(text), EMBED_DESCRIPTION_CHARS),
        colour=ERROR_COLOUR if error else OK_COLOUR,
    )
