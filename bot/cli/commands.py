"""The one-shot commands on a knowledge base (``ask``, ``latest``, ``fact``, ``ingest``), and
``kb validate``, which opens none: each prints what it has to say and returns its exit code.
(The other ``kb`` commands are ``kb_commands``.)
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.core.actors import Actor
from bot.core.errors import InvalidInput
from bot.core.knowledge_errors import KnowledgeError
from bot.core.loader import load_knowledge
from bot.core.models import AskResult, Decision, Match

from . import render
from .exits import EXIT_INVALID_KNOWLEDGE, EXIT_USAGE, UsageError

if TYPE_CHECKING:
    from bot.core.service import KnowledgeBase


def _date_option(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date like 2025-07-01") from None


def _questions(parts: Sequence[str]) -> list[str]:
    if list(parts) == ["-"]:
        return [line.strip() for line in sys.stdin if line.strip()]
    question = " ".join(parts).strip()
    if not question:
        raise UsageError("the question is empty")
    return [question]


def _truncation_note() -> str:
    from bot.core.service import MAX_ASK_CHARS

    return f"note: the question is long; only its first {MAX_ASK_CHARS} characters were read"


def _floor_note(omitted: int) -> str:
    return f"({omitted} more below the suggestion floor; --all lists them)"


async def ask(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    if args.top < 1:
        raise UsageError("--top must be 1 or more")
    for question in _questions(args.question):
        result = await kb.ask(question, guild_id=args.guild, limit=max(args.top, 3), record=False)
        listed = result.matches[: args.top]
        shown = listed if args.all else tuple(m for m in listed if m.score >= kb.suggest_threshold)
        omitted = len(listed) - len(shown)
        if args.json:
            payload = dataclasses.replace(result, matches=shown).to_json()
            if omitted:
                payload["omitted"] = omitted
            print(json.dumps(payload, ensure_ascii=False), flush=True)
            continue
        if result.truncated:
            print(_truncation_note(), file=sys.stderr)
        print(_render_ask(result, shown, omitted, top=args.top), flush=True)
    return 0


def _render_ask(result: AskResult, shown: Sequence[Match], omitted: int, *, top: int) -> str:
    lines = [render.answer(dataclasses.replace(result, matches=tuple(shown)), top=top)]
    if result.decision is Decision.UNKNOWN and shown:
        # Only --all shows facts this far below the floor: named, but not given as answers.
        lines.append("Closest facts, all below the suggestion floor:")
        lines.extend(f"  {m.score:.2f}  {m.fact.id}: {render.suggestion_text(m)}" for m in shown)
    if omitted and top > 1:
        # One best answer needs no count of the weaker ones it was chosen over.
        lines.append(_floor_note(omitted))
    return "\n".join(lines)


async def latest(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    if args.top < 1:
        raise UsageError("--top must be 1 or more")
    topic = " ".join(args.topic).strip() or None
    since = _date_option(args.since, "--since")
    facts = kb.latest(topic, since=since, guild_id=args.guild, limit=args.top)
    if args.json:
        day = since.isoformat() if since else None
        print(render.latest_json(topic, day, facts), flush=True)
    else:
        print(render.latest(facts), flush=True)
    return 0


async def fact(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from bot.core.fact_input import FactInput, parse_ids

    operator = Actor.operator()
    match args.fact_command:
        case "add":
            draft = FactInput(
                args.answer,
                tuple(args.question),
                tuple(args.tag),
                args.source,
                date=_date_option(args.date, "--date"),
                supersedes=tuple(i for s in args.supersedes for i in parse_ids(s)),
                language=args.language,
            )
            added = await kb.add_fact(draft, operator)
            print(
                f"Added {added.id}" + (f" ({added.language})." if added.language != "en" else ".")
            )
            for proposal in kb.proposed_updates([added]).get(added.id, []):
                print(
                    f"Note: {proposal.text()}. If it does, confirm with: "
                    f"fact edit {added.id} --supersedes {proposal.old.id} "
                    f"(on Discord: /fact edit supersedes:)"
                )
        case "edit" if args.remove_translation:
            if not args.language:
                raise InvalidInput("--remove-translation needs --language: the one to remove.")
            changed = await kb.remove_translation(args.fact_id, args.language, operator)
            print(f"Removed the '{args.language}' translation of {changed.id}.")
        case "edit":
            existing = await kb.fact_to_change(args.fact_id, operator)
            replaced: tuple[str, ...] | None = None
            if args.no_supersedes:
                replaced = ()
            elif args.supersedes is not None:
                replaced = tuple(i for s in args.supersedes for i in parse_ids(s))
            draft = kb.edit_input(
                existing,
                language=args.language,
                answer=args.answer,
                questions=tuple(args.question) if args.question is not None else None,
                date=_date_option(args.date, "--date"),
                supersedes=replaced,
            )
            edited = await kb.edit_fact(existing.id, draft, operator)
            print(render.edited(existing, edited, draft.language))
        case "show":
            print(render.fact(await kb.get_fact(args.fact_id)))
        case "remove":
            print(f"Removed {(await kb.remove_fact(args.fact_id, operator)).id}.")
        case "history":
            print(render.history(await kb.history(args.fact_id)))
        case "search":
            matches = kb.search(" ".join(args.query))
            if not matches:
                print("No facts match.")
            for match in matches:
                print(f"{match.score:.2f}  {match.fact.id}: {render.suggestion_text(match)}")
    return 0


async def ingest(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from bot.ingest.pipeline import ingest as draft_article

    # The operator's own tool: local files, and links to this machine's network, allowed.
    result = await draft_article(
        kb, args.source, force=args.force, allow_private=True, local_files=True
    )
    print(result.summary())
    if result.drafted:
        print("Review: python -m bot kb drafts; then kb approve FILE|ID or kb reject FILE|ID.")
    return 0 if result.drafted or result.skipped else EXIT_USAGE


def validate(settings: Settings, args: argparse.Namespace) -> int:
    directory = args.directory or settings.knowledge_dir
    try:
        knowledge = load_knowledge(directory)
    except KnowledgeError as exc:
        print(render.knowledge_errors(exc), file=sys.stderr)
        print(f"{directory}: {len(exc.errors)} problem(s); nothing was loaded.", file=sys.stderr)
        return EXIT_INVALID_KNOWLEDGE
    print(
        f"{directory}: OK, {len(knowledge.facts)} facts in {len(knowledge.files)} files, "
        f"{len(knowledge.synonyms)} synonym groups."
    )
    return 0
