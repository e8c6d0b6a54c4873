"""``python -m bot``: run the bot, ask questions, chat, and manage the knowledge base.

Every command builds the same ``KnowledgeBase`` the Discord bot uses; nothing here knows about
Discord except ``run``, which imports it only when a token is set. The knowledge base (and with
it the matcher and its word lists) is imported only by the commands that open one: ``--help``,
``kb validate`` and a mistake on the command line or in the settings start in a fraction of
the time.

This module reads the command line (``parser`` knows its options and commands) and hands each
command on: ``setup`` turns the options into settings and checks the folders, ``commands`` and
``kb_commands`` do the one-shot commands, ``sessions`` starts the console chat or the Discord
bot, ``migrate`` copies a fact base, and ``exits`` holds the exit codes.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.config import ConfigError, Settings, discord_token
from bot.core.actors import Actor
from bot.core.errors import NewsdeskError
from bot.core.knowledge_errors import KnowledgeError
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
from .parser import build_parser
from .sessions import console_session, discord_session, no_token_intro
from .setup import check_paths, reads_only, setup_for, start_mode

if TYPE_CHECKING:
    from bot.core.service import KnowledgeBase


async def _kb(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    if args.kb_command == "teach":
        text = await kb_commands.teach(kb, args.words, Actor.operator())
        print(text)
        return 0
    if args.kb_command == "unteach":
        print(await kb_commands.unteach(kb, args.words, Actor.operator()))
        return 0
    if args.kb_command == "export":
        # The YAML goes to stdout even when empty (a script reading it gets `facts: []`); the
        # person at the terminal is told on stderr why it is empty.
        exported = await kb.export_user_facts(guild_id=None)
        print(exported, end="" if exported.endswith("\n") else "\n")
        if not kb.has_export(None, all_guilds=True):
            print(kb_commands.EMPTY_EXPORT, file=sys.stderr)
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
