"""Plain-text rendering of core results for the console (the Discord embeds live in bot.ui)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.core import language as languages
from bot.core.knowledge_errors import KnowledgeError
from bot.core.models import (
    NOT_MADE_ACTIONS,
    QUESTION_ACTIONS,
    AskResult,
    AuditEntry,
    Decision,
    Fact,
    Match,
    ReloadReport,
    Source,
    Stats,
    date_label,
)
from bot.ui.labels import date_text
from bot.ui.labels import label as ui_label

if TYPE_CHECKING:
    # A type only: rendering a knowledge error (``kb validate``) needs no matcher.
    from bot.core.supersession import Proposal

WIDTH = 88


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def source_line(fact: Fact, language: str = "en") -> str:
    source = fact.source
    if source is None or source.is_empty():
        return "source: none given" if language == "en" else ui_label("no source", language)
    parts = [p for p in (source.title, source.published and source.published.isoformat()) if p]
    line = f"{ui_label('source', language).lower()}: " + (" — ".join(parts) if parts else "link")
    if source.url:
        line += f" <{source.url}>"
    return line


def suggestion_text(match: Match) -> str:
    """What to offer for a not-sure match: the phrasing it matched, or its first question."""
    if match.matched_question:
        return match.matched_question
    if match.fact.questions:
        return match.fact.questions[0]
    answer = match.fact.answer
    return answer if len(answer) <= 90 else answer[:87].rstrip() + "..."


def answer(result: AskResult, *, top: int = 1) -> str:
    """The console rendering of one ask: answer, suggestions, or an honest 'I don't know'."""
    # In the asker's language, as on Discord: the answer when the fact has it, and the labels.
    asked_in = languages.detect(result.question)
    if result.decision is Decision.UNKNOWN or result.best is None:
        return ui_label("console unknown", asked_in)
    if result.decision is Decision.SUGGEST:
        lines = [ui_label("console unsure", asked_in)]
        for number, match in enumerate(result.matches[: max(top, 3)], start=1):
            lines.append(f"  {number}. {suggestion_text(match)}  [{match.fact.id}]")
        return "\n".join(lines)
    lines = []
    for rank, match in enumerate(result.matches[:top], start=1):
        if rank > 1:
            lines.append(f"\n#{rank}")
        text, translated = match.fact.answer_in(asked_in)
        if not translated and ui_label("no translation", asked_in):
            lines.append(ui_label("no translation", asked_in))
        lines.append(_wrap(text))
        lines.append(f"  {source_line(match.fact, asked_in)}")
        lines.append(f"  {ui_label('date', asked_in).lower()}: {date_text(match.fact, asked_in)}")
        earlier_word = ui_label("earlier", asked_in).lower()
        lines.extend(f"  {earlier_word}: {earlier(old, asked_in)}" for old in match.superseded)
        lines.append(f"  [{match.fact.id} · {ui_label('score', asked_in)} {match.score:.2f}]")
    return "\n".join(lines)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def earlier(fact: Fact, language: str = "en") -> str:
    """A fact a newer answer replaced: its answer (shortened) and its date, in ``language``
    where the fact has it (the date's words always)."""
    text, _ = fact.answer_in(language)
    return f"{_short(text, 160)} ({date_text(fact, language)}) [{fact.id}]"


def update_hints(proposals: Sequence[Proposal], indent: str = "") -> list[str]:
    """ "this seems to update X (date): why" lines."""
    return [f"{indent}{proposal.text()}" for proposal in proposals]


def latest(facts: Sequence[Fact]) -> str:
    """The newest facts first, under the date each is about, with their sources."""
    if not facts:
        return "No facts match."
    lines: list[str] = []
    current: str | None = None
    for fact in facts:
        dating = fact.dating()
        day = dating.day.isoformat() if dating else "undated"
        if day != current:
            if current is not None:
                lines.append("")
            lines.append(day)
            current = day
        lines.append(_wrap(f"{fact.id}: {fact.answer}", "  "))
        lines.append(f"    {source_line(fact)}")
    return "\n".join(lines)


def latest_json(topic: str | None, since: str | None, facts: Sequence[Fact]) -> str:
    entries = []
    for fact in facts:
        dating = fact.dating()
        entries.append(
            {
                "id": fact.id,
                "answer": fact.answer,
                "date": dating.day.isoformat() if dating else None,
                "date_kind": dating.kind.value if dating else None,
                "source": (fact.source or Source()).as_dict(),
            }
        )
    payload = {"topic": topic, "since": since, "facts": entries}
    return json.dumps(payload, ensure_ascii=False)


def fact(fact: Fact) -> str:
    lines = [f"{fact.id}  ({fact.origin.value}, {fact.status.value})", _wrap(fact.answer, "  ")]
    if fact.questions:
        lines.append("  questions: " + " | ".join(fact.questions))
    if fact.tags:
        lines.append("  tags: " + ", ".join(fact.tags))
    if fact.supersedes:
        lines.append("  supersedes: " + ", ".join(fact.supersedes))
    lines.append(f"  {source_line(fact)}")
    lines.append(f"  date: {date_label(fact)}")
    if fact.file:
        lines.append(f"  file: {fact.file}" + (f":{fact.line}" if fact.line else ""))
    if fact.language != "en":
        lines.append(f"  language: {fact.language}")
    for translation in fact.translations:
        lines.append(f"  {translation.language}: " + _wrap(translation.answer, "    ").lstrip())
        if translation.questions:
            lines.append(f"    questions: {' | '.join(translation.questions)}")
    return "\n".join(lines)


def edited(old: Fact, new: Fact, language: str | None) -> str:
    """ "Updated X.", or which translation of X an edit added or changed."""
    if language is None or language == new.language:
        return f"Updated {new.id}."
    done = "Updated" if old.translation(language) is not None else "Added"
    return (
        f"{done} the {language} translation of {new.id} (its {new.language} answer is unchanged)."
    )


# ``fact history``: the action column is as wide as the longest action shown (at least 8,
# "approve-draft" and "teach-not-made" included), and what follows it is wrapped within WIDTH,
# its later lines indented under the action; an edit's new answer is clipped to what is left of
# its line (``fact show`` has it whole).
_MIN_ACTION = 8
_STAMP = len("2025-01-01T00:00:00+00:00") + 2


def history(entries: list[AuditEntry]) -> str:
    width = max([_MIN_ACTION, *(len(e.action) for e in entries)])
    return "\n".join(_history_line(e, width) for e in entries)


def _history_line(entry: AuditEntry, width: int) -> str:
    line = f"{entry.at.isoformat(timespec='seconds')}  {entry.action:<{width}} by {entry.actor}"
    language = entry.detail.get("language")
    if language not in (None, "en"):
        line += f" ({language})"
    question = entry.detail.get("question")
    if entry.action in QUESTION_ACTIONS and question:
        line += f": {question!r}"  # which question was taught (or taken back): the audit keeps it
    why = entry.detail.get("why")
    if entry.action in NOT_MADE_ACTIONS and why:
        line += f" ({why})"  # the moderator was told it would be made: say why it was not
    draft = entry.detail.get("file")
    if entry.action in ("approve-draft", "reject-draft") and draft:
        line += f": drafts/{draft}"  # which draft file it was reviewed in
    after = entry.detail.get("after")
    if entry.action == "edit" and isinstance(after, str):
        room = WIDTH - len(line) - 2
        if room >= 12:
            line += f": {_short(after, room)}"
    indent = " " * _STAMP
    return textwrap.fill(line, WIDTH, subsequent_indent=indent, break_on_hyphens=False)


def reload_report(report: ReloadReport) -> str:
    if report.unchanged:
        return f"Knowledge reloaded: no changes ({report.total} facts from {report.files} files)."
    parts = []
    for label, ids in (
        ("added", report.added),
        ("changed", report.changed),
        ("removed", report.removed),
    ):
        if ids:
            shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
            parts.append(f"  {label} ({len(ids)}): {shown}")
    return f"Knowledge reloaded: {report.total} facts from {report.files} files.\n" + "\n".join(
        parts
    )


def knowledge_errors(error: KnowledgeError) -> str:
    return "\n".join(str(e) for e in error.errors)


def stats(stats: Stats) -> str:
    lines = [
        f"facts: {stats.facts_by_origin.get('file', 0)} from knowledge files, "
        f"{stats.facts_by_origin.get('user', 0)} added by users, {stats.pending} pending",
        f"drafts: {stats.drafts_text}"
        + (" (kb drafts lists them)" if stats.drafts_waiting else ""),
        f"questions: {stats.questions_asked} asked, {stats.answered} answered, "
        f"{stats.suggested} not sure, {stats.unknown} unknown "
        f"({stats.unknown_rate:.0%} unknown)",
        f"feedback: {stats.feedback_up} 👍, {stats.feedback_down} 👎",
    ]

    def taught(question: str) -> str:
        fact_id = stats.taught_to.get(question)
        return f"  (taught: {fact_id})" if fact_id else ""

    if stats.top_unanswered:
        lines.append("top unanswered:")
        lines.extend(
            f"  {count}× {question}{taught(question)}" for question, count in stats.top_unanswered
        )
    if stats.top_thumbs_down:
        lines.append("top 👎 answers (question → fact given):")
        lines.extend(
            f"  {n}× {question} → {fact_id}{taught(question)}"
            for question, fact_id, n in stats.top_thumbs_down
        )
    if stats.left_to_teach:
        lines.append('teach one: kb teach "QUESTION" FACT_ID')
    return "\n".join(lines)
