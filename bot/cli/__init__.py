"""``python -m bot``: run the bot, ask questions, chat, and manage the knowledge base.

Every command builds the same ``KnowledgeBase`` the Discord bot uses; nothing here knows about
Discord except ``run``, which imports it only when a token is set.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import ConfigError, Settings, discord_token, load_settings
from bot.core.actors import Actor
from bot.core.errors import NewsdeskError
from bot.core.loader import KnowledgeError, load_knowledge
from bot.core.matcher import MatcherSettings
from bot.core.service import FactDraft, KnowledgeBase, Policy, StartMode
from bot.store import StoreError

from . import kb_commands, render

log = logging.getLogger("bot")

EXIT_INVALID_KNOWLEDGE = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A mistake on the command line; shown as one line, exit code 2."""


def _common_options() -> argparse.ArgumentParser:
    # SUPPRESS lets the options stand before or after the sub-command.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config", type=Path, default=argparse.SUPPRESS, help="settings file (default: bot.yaml)"
    )
    common.add_argument(
        "--knowledge",
        type=Path,
        default=argparse.SUPPRESS,
        help="knowledge directory (default: from the settings)",
    )
    common.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="SQLite database file (default: from the settings)",
    )
    common.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log what happens"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="newsdesk: answers questions about regional news from a curated fact base.",
        parents=[common],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser(
        "run",
        parents=[common],
        help="start the Discord bot (or the console chat when no token is set)",
    )

    ask = commands.add_parser("ask", parents=[common], help="answer one question ('-': stdin)")
    ask.add_argument("question", nargs="+", help="the question, or '-' to read one per line")
    ask.add_argument("--top", type=int, default=1, metavar="N", help="show the N best facts")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument("--guild", type=int, default=None, help=argparse.SUPPRESS)

    commands.add_parser(
        "chat", parents=[common], help="interactive console with the bot's commands"
    )

    ingest = commands.add_parser(
        "ingest",
        parents=[common],
        help="draft facts from an article (text/HTML file, URL or RSS/Atom feed URL)",
    )
    ingest.add_argument("source", help="a .txt or .html file, a page URL or a feed URL")
    ingest.add_argument(
        "--force", action="store_true", help="draft it again even if it was drafted before"
    )

    kb = commands.add_parser("kb", parents=[common], help="knowledge base: validate, stats...")
    kb_commands = kb.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)
    validate = kb_commands.add_parser(
        "validate", parents=[common], help="check a knowledge directory"
    )
    validate.add_argument("directory", nargs="?", type=Path, help="default: the knowledge dir")
    kb_commands.add_parser("stats", parents=[common], help="facts and questions, counted")
    kb_commands.add_parser("reload", parents=[common], help="re-read the knowledge directory")
    kb_commands.add_parser("export", parents=[common], help="user-added facts as knowledge YAML")
    kb_commands.add_parser("pending", parents=[common], help="facts waiting for approval")
    kb_commands.add_parser("drafts", parents=[common], help="drafts waiting for review")
    backup = kb_commands.add_parser(
        "backup", parents=[common], help="copy the database to FILE (safe while the bot runs)"
    )
    backup.add_argument("file", type=Path, help="a new file for the copy")
    for verb in ("approve", "reject"):
        sub = kb_commands.add_parser(
            verb, parents=[common], help=f"{verb} a draft file, a draft fact or a pending fact"
        )
        sub.add_argument("fact_id", metavar="FILE|ID")

    fact = commands.add_parser("fact", parents=[common], help="add, show, remove, search facts")
    fact_commands = fact.add_subparsers(dest="fact_command", metavar="FACT_COMMAND", required=True)
    add = fact_commands.add_parser("add", parents=[common], help="add a fact")
    add.add_argument("answer", help="the fact, in a sentence or two")
    add.add_argument(
        "-q", "--question", action="append", default=[], help="a way people ask for it (repeatable)"
    )
    add.add_argument("-t", "--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument("-s", "--source", default=None, help="source URL")
    for verb, text in (
        ("show", "show a fact"),
        ("remove", "remove a user fact"),
        ("history", "who changed a fact, and when"),
    ):
        sub = fact_commands.add_parser(verb, parents=[common], help=text)
        sub.add_argument("fact_id")
    search = fact_commands.add_parser("search", parents=[common], help="find facts")
    search.add_argument("query", nargs="+")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(getattr(args, "config", None))
    updates: dict[str, Path] = {}
    if getattr(args, "knowledge", None) is not None:
        updates["knowledge_dir"] = args.knowledge
    if getattr(args, "db", None) is not None:
        updates["database"] = args.db
    return settings.model_copy(update=updates) if updates else settings


async def open_knowledge_base(settings: Settings, start: StartMode | None = None) -> KnowledgeBase:
    """The one way every entry point builds the brain from settings; ``start`` as the entry
    point needs (by default the bot's: reload if the settings say so)."""
    return await KnowledgeBase.open(
        settings.database,
        settings.knowledge_dir,
        matcher_settings=MatcherSettings(
            answer_threshold=settings.matcher.answer_threshold,
            suggest_threshold=settings.matcher.suggest_threshold,
        ),
        policy=Policy(
            who_can_add=settings.facts.who_can_add,
            require_approval=settings.facts.require_approval,
            max_per_user_per_day=settings.facts.max_per_user_per_day,
        ),
        reload_on_start=settings.reload_knowledge_on_start,
        start=start,
    )


def _questions(parts: Sequence[str]) -> list[str]:
    if list(parts) == ["-"]:
        return [line.strip() for line in sys.stdin if line.strip()]
    question = " ".join(parts).strip()
    if not question:
        raise UsageError("the question is empty")
    return [question]


async def _ask(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    if args.top < 1:
        raise UsageError("--top must be 1 or more")
    for question in _questions(args.question):
        result = await kb.ask(question, guild_id=args.guild, limit=max(args.top, 3), record=False)
        if args.json:
            payload = result.to_json()
            payload["results"] = payload["results"][: args.top]  # type: ignore[index]
            print(json.dumps(payload, ensure_ascii=False), flush=True)
        else:
            print(render.answer(result, top=args.top), flush=True)
    return 0


async def _kb(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    argument = getattr(args, "fact_id", None) or getattr(args, "file", None)
    text = await kb_commands.run(
        kb, args.kb_command, str(argument) if argument else None, Actor.operator()
    )
    print(text, end="" if text.endswith("\n") else "\n")
    return 0


async def _fact(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    operator = Actor.operator()
    match args.fact_command:
        case "add":
            draft = FactDraft(args.answer, tuple(args.question), tuple(args.tag), args.source)
            added = await kb.add_fact(draft, operator)
            print(f"Added {added.id}.")
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


async def _ingest(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from bot.ingest.pipeline import ingest

    result = await ingest(kb, args.source, force=args.force)
    print(result.summary())
    if result.drafted:
        print("Review: python -m bot kb drafts; then kb approve FILE|ID or kb reject FILE|ID.")
    return 0 if result.drafted or result.skipped else EXIT_USAGE


def _validate(settings: Settings, args: argparse.Namespace) -> int:
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


# Commands that only read: they answer from what is stored and never store knowledge/.
_READING_COMMANDS = frozenset(
    {
        ("ask", None),
        ("chat", None),
        ("kb", "stats"),
        ("kb", "drafts"),
        ("kb", "export"),
        ("fact", "show"),
        ("fact", "search"),
        ("fact", "history"),
    }
)


def _reads_only(args: argparse.Namespace) -> bool:
    sub = getattr(args, "kb_command", None) or getattr(args, "fact_command", None)
    return (args.command, sub) in _READING_COMMANDS


def _start_mode(args: argparse.Namespace) -> StartMode:
    """Only ``run`` stores knowledge/ at start; ``kb reload`` (and draft approval) store it
    when asked, and so report what really changed. A reading command given ``--knowledge``
    looks at that directory without storing it."""
    if _reads_only(args) and getattr(args, "knowledge", None) is not None:
        return StartMode.PREVIEW
    return StartMode.SERVE_STORED


async def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "kb" and args.kb_command == "validate":
        return _validate(settings, args)
    if args.command == "run":
        return await _run(settings)
    kb = await open_knowledge_base(settings, _start_mode(args))
    notice = kb.start_notice if _reads_only(args) else None
    try:
        match args.command:
            case "ask":
                code = await _ask(kb, args)
            case "kb":
                code = await _kb(kb, args)
            case "fact":
                code = await _fact(kb, args)
            case "ingest":
                code = await _ingest(kb, args)
            case "chat":
                from bot.cli.console import chat

                if notice:
                    print(notice, file=sys.stderr, flush=True)
                return await chat(kb)
            case _:
                raise UsageError(f"unknown command {args.command}")
    finally:
        await kb.close()
    if notice:
        # After the output and only on success, so that an error stays one line.
        print(notice, file=sys.stderr)
    return code


async def _run(settings: Settings) -> int:
    token = discord_token()
    if token is None:
        print(
            "No DISCORD_TOKEN is set, so newsdesk starts as a console chat on the local "
            f"database ({settings.database}).\n"
            "To connect to Discord, create a bot in the Discord developer portal and run:\n"
            "  DISCORD_TOKEN=... make run\n"
            "(see 'Run on Discord' in README.md).\n",
            flush=True,
        )
        from bot.cli.console import chat

        kb = await open_knowledge_base(settings)
        try:
            return await chat(kb)
        finally:
            await kb.close()
    from bot.app import run_discord

    return await run_discord(settings, token)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = _settings(args)
        if args.command == "run" and discord_token() is not None:
            # The bot's log is for the operator; the console chat keeps the screen clean.
            logging.getLogger().setLevel(settings.logging.level)
        return asyncio.run(_dispatch(args, settings))
    except KnowledgeError as exc:
        print(render.knowledge_errors(exc), file=sys.stderr)
        print("The knowledge in service was not changed.", file=sys.stderr)
        return EXIT_INVALID_KNOWLEDGE
    except (ConfigError, UsageError, NewsdeskError, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
