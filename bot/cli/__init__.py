"""``python -m bot``: run the bot, ask questions, chat, and manage the knowledge base.

Every command builds the same ``KnowledgeBase`` the Discord bot uses; nothing here knows about
Discord except ``run``, which imports it only when a token is set. The knowledge base (and with
it the matcher and its word lists) is imported only by the commands that open one: ``--help``,
``kb validate`` and a mistake on the command line or in the settings start in a fraction of
the time.

This module reads the command line and hands each command on: ``setup`` turns the options into
settings and checks the folders, ``commands`` and ``kb_commands`` do the one-shot commands,
``sessions`` starts the console chat or the Discord bot, ``migrate`` copies a fact base, and
``exits`` holds the exit codes.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import DATABASE_ENV, ConfigError, Settings, discord_token
from bot.core.actors import Actor
from bot.core.errors import NewsdeskError
from bot.core.language import LANGUAGES
from bot.core.loader import KnowledgeError
from bot.core.storage import StoreError

from . import commands, kb_commands, render
from .exits import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_INVALID_KNOWLEDGE,
    EXIT_USAGE,
    UsageError,
)
from .migrate import migrate, migration
from .sessions import console_session, discord_session, no_token_intro
from .setup import check_paths, reads_only, setup_for, start_mode

if TYPE_CHECKING:
    from bot.core.service import KnowledgeBase


def _common_options() -> argparse.ArgumentParser:
    # SUPPRESS lets the options stand before or after the sub-command.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        type=Path,
        default=argparse.SUPPRESS,
        help="settings file (default: $NEWSDESK_CONFIG, else ./bot.yaml if there is one)",
    )
    common.add_argument(
        "--knowledge",
        type=Path,
        default=argparse.SUPPRESS,
        help="knowledge directory (default: from the settings)",
    )
    # Text, not Path: Path would fold a URL's "://" into ":/" before it can be refused.
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help=(
            f"SQLite database file or postgresql://... URL (default: ${DATABASE_ENV}, else "
            "from the settings)"
        ),
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

    run = commands.add_parser(
        "run",
        parents=[common],
        help="start the Discord bot (or the console chat when no token is set)",
    )
    run.add_argument(
        "--shards",
        default=None,
        metavar="RANGE",
        help="connect only these shards, e.g. 0-1 (with --shard-count; default: bot.yaml's)",
    )
    run.add_argument(
        "--shard-count",
        default=None,
        metavar="N|auto",
        help="how many shards all the bot processes run together (default: bot.yaml's)",
    )

    ask = commands.add_parser("ask", parents=[common], help="answer one question ('-': stdin)")
    ask.add_argument("question", nargs="+", help="the question, or '-' to read one per line")
    ask.add_argument("--top", type=int, default=1, metavar="N", help="show the N best facts")
    ask.add_argument(
        "--all", action="store_true", help="with --top: also facts below the suggestion floor"
    )
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument("--guild", type=int, default=None, help=argparse.SUPPRESS)

    commands.add_parser(
        "chat", parents=[common], help="interactive console with the bot's commands"
    )

    latest = commands.add_parser(
        "latest", parents=[common], help="the newest facts first, grouped by day (on a topic)"
    )
    latest.add_argument("topic", nargs="*", help="a tag or words the facts are about")
    latest.add_argument(
        "--since", default=None, metavar="YYYY-MM-DD", help="facts dated DATE or later"
    )
    latest.add_argument("--top", type=int, default=20, metavar="N", help="at most N facts")
    latest.add_argument("--json", action="store_true", help="one JSON object")
    latest.add_argument("--guild", type=int, default=None, help=argparse.SUPPRESS)

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
    teach = kb_commands.add_parser(
        "teach",
        parents=[common],
        help="add a question people asked as a phrasing of the fact that answers it",
    )
    # The question's words may come unquoted: the fact id is the last word (or the first).
    teach.add_argument(
        "words",
        nargs="*",
        metavar='"QUESTION" FACT_ID',
        help="the question, as people asked it, then the id of the fact that answers it",
    )
    unteach = kb_commands.add_parser(
        "unteach",
        parents=[common],
        help="take back a question taught with kb teach",
    )
    unteach.add_argument(
        "words",
        nargs="*",
        metavar='"QUESTION" [FACT_ID]',
        help="the question as it was taught (the fact id only if it was taught to several)",
    )
    migrate = kb_commands.add_parser(
        "migrate",
        parents=[common],
        help="copy an SQLite fact base into a PostgreSQL database, in one transaction",
    )
    migrate.add_argument(
        "--from", dest="source", type=Path, required=True, metavar="FILE", help="SQLite file"
    )
    # Text, not Path, as for --db.
    migrate.add_argument(
        "--to", dest="target", required=True, metavar="URL", help="postgresql://..."
    )
    migrate.add_argument(
        "--force", action="store_true", help="replace what the target database already holds"
    )
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
    add.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="when (default: today)")
    add.add_argument(
        "--supersedes",
        action="append",
        default=[],
        metavar="ID",
        help="a fact this one replaces (repeatable)",
    )
    add.add_argument(
        "--language",
        metavar="|".join(LANGUAGES),
        default=None,
        help="the language the answer and questions are in (default: the one they read as)",
    )
    edit = fact_commands.add_parser(
        "edit",
        parents=[common],
        help="change a user fact's answer, date or superseded facts, or add a translation",
    )
    edit.add_argument("fact_id")
    edit.add_argument("--answer", default=None, help="the new answer")
    edit.add_argument(
        "-q",
        "--question",
        action="append",
        default=None,
        help="a way people ask for it (repeatable; replaces the list in the edit's language)",
    )
    edit.add_argument(
        "--language",
        metavar="|".join(LANGUAGES),
        default=None,
        help="the language of --answer/--question; another than the fact's own adds or "
        "replaces its translation in that language (default: the fact's own, or the one a "
        "new answer reads as)",
    )
    edit.add_argument(
        "--remove-translation",
        action="store_true",
        help="with --language: remove the fact's translation in that language",
    )
    edit.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="when it happened")
    edit.add_argument(
        "--supersedes",
        action="append",
        default=None,
        metavar="ID",
        help="a fact this one replaces (repeatable; replaces the list)",
    )
    edit.add_argument(
        "--no-supersedes", action="store_true", help="supersede nothing (clears the list)"
    )
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


async def _kb(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    if args.kb_command == "teach":
        text = await kb_commands.teach(kb, args.words, Actor.operator())
        print(text)
        return 0
    if args.kb_command == "unteach":
        print(await kb_commands.unteach(kb, args.words, Actor.operator()))
        return 0
    argument = getattr(args, "fact_id", None) or getattr(args, "file", None)
    text = await kb_commands.run(
        kb, args.kb_command, str(argument) if argument else None, Actor.operator()
    )
    print(text, end="" if text.endswith("\n") else "\n")
    return 0


async def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "kb" and args.kb_command == "validate":
        return commands.validate(settings, args)
    from bot.composition import open_knowledge_base

    kb = await open_knowledge_base(settings, start_mode(args))
    notice = kb.start_notice if reads_only(args) else None
    try:
        match args.command:
            case "ask":
                code = await commands.ask(kb, args)
            case "latest":
                code = await commands.latest(kb, args)
            case "kb":
                code = await _kb(kb, args)
            case "fact":
                code = await commands.fact(kb, args)
            case "ingest":
                code = await commands.ingest(kb, args)
            case _:
                raise UsageError(f"unknown command {args.command}")
    finally:
        await kb.close()
    if notice:
        # After the output and only on success, so that an error stays one line.
        print(notice, file=sys.stderr)
    return code


def _stdin_replacing_bad_bytes() -> None:
    # A question with a byte that is not UTF-8 keeps its readable words (the bad byte
    # becomes U+FFFD) instead of carrying a lone surrogate into the output and the database.
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")


def _run_command(args: argparse.Namespace) -> int:
    try:
        if args.command == "kb" and args.kb_command == "migrate":
            # Two databases named on the command line; no settings, knowledge or --db.
            source, target = migration(args)
            return asyncio.run(migrate(source, target, force=args.force))
        setup = setup_for(args)
        check_paths(args, setup)
        settings = setup.settings
        token = discord_token() if args.command == "run" else None
        if args.command == "chat" or (args.command == "run" and token is None):
            if args.command == "run":
                return console_session(setup, None, intro=no_token_intro(settings))
            return console_session(setup, start_mode(args))
        if getattr(args, "verbose", False):
            print(setup.describe(), file=sys.stderr)
        if token is not None:
            # The bot's log is for the operator; the console chat keeps the screen clean.
            logging.getLogger().setLevel(settings.logging.level)
            return asyncio.run(discord_session(settings, token))
        return asyncio.run(_dispatch(args, settings))
    except KnowledgeError as exc:
        print(render.knowledge_errors(exc), file=sys.stderr)
        print("The knowledge in service was not changed.", file=sys.stderr)
        return EXIT_INVALID_KNOWLEDGE
    except (ConfigError, UsageError, NewsdeskError, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


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
    _stdin_replacing_bad_bytes()
    try:
        code = _run_command(args)
        # Written out here, where a reader that went away can still be handled.
        sys.stdout.flush()
    except BrokenPipeError:
        # The Python documentation's recipe: nothing more can reach the reader, and the
        # interpreter's own flush at exit must not fail again on the closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return code
