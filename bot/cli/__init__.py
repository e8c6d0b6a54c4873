"""``python -m bot``: run the bot, ask questions, chat, and manage the knowledge base.

Every command builds the same ``KnowledgeBase`` the Discord bot uses; nothing here knows about
Discord except ``run``, which imports it only when a token is set. The knowledge base (and with
it the matcher and its word lists) is imported only by the commands that open one: ``--help``,
``kb validate`` and a mistake on the command line or in the settings start in a fraction of
the time.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import io
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import SecretStr, ValidationError

from bot.config import (
    DATABASE_ENV,
    DEFAULT_DATABASE,
    ConfigError,
    DatabaseUrl,
    DiscordSettings,
    Settings,
    database_path_problem,
    discord_token,
    load_settings,
    parse_database,
    settings_file,
)
from bot.core.actors import Actor
from bot.core.errors import InvalidInput, NewsdeskError
from bot.core.language import LANGUAGES
from bot.core.loader import KnowledgeError, load_knowledge
from bot.core.models import AskResult, Decision, Match
from bot.core.startup import StartMode
from bot.core.storage import StoreError, redact_url

from . import kb_commands, render

if TYPE_CHECKING:
    from bot.core.service import KnowledgeBase

log = logging.getLogger("bot")

EXIT_INVALID_KNOWLEDGE = 1
EXIT_USAGE = 2
# The Python documentation's choice for a reader that went away (`... | head`).
EXIT_BROKEN_PIPE = 1
EXIT_INTERRUPTED = 130

# Commands that read the knowledge folder even when the start-up reload is switched off.
_KNOWLEDGE_COMMANDS = {
    ("kb", "reload"),
    ("kb", "drafts"),
    ("kb", "approve"),
    ("kb", "reject"),
    ("ingest", None),
}


class UsageError(Exception):
    """A mistake on the command line; shown as one line, exit code 2."""


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


def _date_option(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date like 2025-07-01") from None


@dataclass(frozen=True, slots=True)
class Setup:
    """The settings in use and where they came from."""

    settings: Settings
    config_file: Path | None
    # The database is where the settings put it by default (data/newsdesk.db), the one
    # place whose folder is created when missing.
    database_is_default: bool

    def describe(self) -> str:
        """One line saying which settings, knowledge and database are in use."""
        source = str(self.config_file) if self.config_file else "built-in defaults"
        return (
            f"settings: {source}; knowledge: {self.settings.knowledge_dir}; "
            f"database: {self.settings.database}"
        )


def _setup(args: argparse.Namespace) -> Setup:
    config_file = settings_file(getattr(args, "config", None))
    settings = load_settings(config_file) if config_file else Settings()
    base = config_file.parent if config_file else Path()
    updates: dict[str, object] = {}
    if getattr(args, "knowledge", None) is not None:
        updates["knowledge_dir"] = args.knowledge
    # --db, else $NEWSDESK_DB, else the settings file's `database`.
    database: str | None = getattr(args, "db", None)
    given_by = "--db"
    if database is None and os.environ.get(DATABASE_ENV, "").strip():
        database, given_by = os.environ[DATABASE_ENV], DATABASE_ENV
    if database is not None:
        problem = database_path_problem(database)
        if problem:
            raise UsageError(f"{given_by} {redact_url(database.strip())}: {problem}")
        updates["database"] = parse_database(database)
    if args.command == "run":
        discord = _shard_options(args, settings)
        if discord is not None:
            updates["discord"] = discord
    if args.command == "kb" and args.kb_command == "reload":
        # The command reloads; a start-up reload first would report its errors twice and
        # leave the command nothing to report.
        updates["reload_knowledge_on_start"] = False
    return Setup(
        settings.model_copy(update=updates) if updates else settings,
        config_file,
        database is None and settings.database == base / DEFAULT_DATABASE,
    )


def _shard_options(args: argparse.Namespace, settings: Settings) -> DiscordSettings | None:
    """The Discord settings with ``run --shards/--shard-count`` applied (None: not given)."""
    given = {
        key: value
        for key, value in (("shards", args.shards), ("shard_count", args.shard_count))
        if value is not None
    }
    if not given:
        return None
    if "shard_count" in given and "shards" not in given:
        given["shards"] = None  # a new count: all its shards, unless --shards says otherwise
    try:
        return DiscordSettings.model_validate({**settings.discord.model_dump(), **given})
    except ValidationError as exc:
        first = exc.errors()[0]
        option = {"shards": "--shards", "shard_count": "--shard-count"}.get(
            str(first["loc"][0]) if first["loc"] else "", "--shards/--shard-count"
        )
        message = str(first.get("ctx", {}).get("error", first["msg"]))
        raise UsageError(f"{option}: {message}") from None


def _reads_knowledge(args: argparse.Namespace, settings: Settings) -> bool:
    if args.command == "kb" and args.kb_command == "validate":
        return args.directory is None
    verb = getattr(args, "kb_command", None)
    return settings.reload_knowledge_on_start or (args.command, verb) in _KNOWLEDGE_COMMANDS


def _check_paths(args: argparse.Namespace, setup: Setup) -> None:
    """Refuse a missing knowledge folder or database folder before anything is opened;
    create the default database folder (and say so)."""
    settings = setup.settings
    if _reads_knowledge(args, settings) and not settings.knowledge_dir.is_dir():
        raise UsageError(
            f"no knowledge folder at {settings.knowledge_dir}: run from the project folder, "
            "or pass --config/--knowledge"
        )
    if args.command == "kb" and args.kb_command == "validate":
        return
    database = settings.database
    if isinstance(database, DatabaseUrl):
        return  # a server's database: no folder of ours
    folder = database.parent
    if str(database) == ":memory:" or folder.exists():
        return
    if not setup.database_is_default:
        raise UsageError(
            f"the folder {folder} of the database {database} does not exist: create it, or "
            "give a database path in an existing folder"
        )
    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        raise UsageError(f"cannot create the folder {folder} for the database: {exc}") from exc
    print(f"created the folder {folder} for the database", file=sys.stderr)


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


async def _ask(kb: KnowledgeBase, args: argparse.Namespace) -> int:
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


async def _latest(kb: KnowledgeBase, args: argparse.Namespace) -> int:
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


async def _fact(kb: KnowledgeBase, args: argparse.Namespace) -> int:
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


async def _ingest(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from bot.ingest.pipeline import ingest

    # The operator's own tool: local files, and links to this machine's network, allowed.
    result = await ingest(kb, args.source, force=args.force, allow_private=True, local_files=True)
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
        ("latest", None),
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
    if not _reads_only(args):
        return StartMode.STORED_ONLY
    if getattr(args, "knowledge", None) is not None:
        return StartMode.PREVIEW
    return StartMode.SERVE_STORED


async def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "kb" and args.kb_command == "validate":
        return _validate(settings, args)
    from bot.composition import open_knowledge_base

    kb = await open_knowledge_base(settings, _start_mode(args))
    notice = kb.start_notice if _reads_only(args) else None
    try:
        match args.command:
            case "ask":
                code = await _ask(kb, args)
            case "latest":
                code = await _latest(kb, args)
            case "kb":
                code = await _kb(kb, args)
            case "fact":
                code = await _fact(kb, args)
            case "ingest":
                code = await _ingest(kb, args)
            case _:
                raise UsageError(f"unknown command {args.command}")
    finally:
        await kb.close()
    if notice:
        # After the output and only on success, so that an error stays one line.
        print(notice, file=sys.stderr)
    return code


def _console(setup: Setup, start: StartMode | None, *, intro: str = "") -> int:
    """The console chat, on the main thread so that line editing and Ctrl-C work; each
    command runs on an event loop kept for the whole session. ``start``: None for ``run``
    (the bot's start, which stores knowledge/), a reading mode for ``chat``."""
    from bot.cli.console import chat
    from bot.composition import open_knowledge_base

    settings = setup.settings
    with asyncio.Runner() as runner:
        kb = runner.run(open_knowledge_base(settings, start))
        try:
            print(f"{intro}{setup.describe()}", flush=True)
            if start is not None and kb.start_notice:
                print(kb.start_notice, file=sys.stderr, flush=True)
            database = settings.database
            # Beside the database: one history per fact base, in a folder known to be writable
            # (a server's database has no folder here: the history lasts for the session).
            history = (
                None
                if isinstance(database, DatabaseUrl) or str(database) == ":memory:"
                else database.with_suffix(".history")
            )
            return chat(kb, runner, history_file=history)
        finally:
            runner.run(kb.close())


async def _discord(settings: Settings, token: SecretStr) -> int:
    """The Discord bot on the knowledge base the settings name (imported only with a token)."""
    from bot.app import run_discord
    from bot.composition import open_knowledge_base

    kb = await open_knowledge_base(settings)
    try:
        return await run_discord(kb, settings, token)
    finally:
        await kb.close()
        log.info("database closed; bye")


def _no_token_intro(settings: Settings) -> str:
    where = "" if isinstance(settings.database, DatabaseUrl) else "local "
    return (
        f"No DISCORD_TOKEN is set, so newsdesk starts as a console chat on the {where}"
        f"database ({settings.database}).\n"
        "To connect to Discord, create a bot in the Discord developer portal and run:\n"
        "  DISCORD_TOKEN=... make run\n"
        "(see 'Run on Discord' in README.md).\n\n"
    )


def _stdin_replacing_bad_bytes() -> None:
    # A question with a byte that is not UTF-8 keeps its readable words (the bad byte
    # becomes U+FFFD) instead of carrying a lone surrogate into the output and the database.
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")


def _migration(args: argparse.Namespace) -> tuple[Path, DatabaseUrl]:
    """The source file and target database of ``kb migrate``, or a ``UsageError``."""
    source: Path = args.source
    if not source.is_file():
        raise UsageError(f"--from {source}: no SQLite database there")
    problem = database_path_problem(args.target)
    target = None if problem else parse_database(args.target)
    if not isinstance(target, DatabaseUrl):
        raise UsageError(
            f"--to {redact_url(args.target.strip())}: give the PostgreSQL database to copy "
            "into, as a postgresql:// URL"
        )
    return source, target


async def _migrate(source: Path, target: DatabaseUrl, *, force: bool) -> int:
    """``kb migrate --from FILE --to URL [--force]``: copy, check and print the counts."""
    from bot.composition import copy_database

    counts = await copy_database(source, target, force=force)
    print(f"Copied {source} into {target} in one transaction; rows by table:")
    width = max(map(len, counts), default=0)
    for table, count in counts.items():
        print(f"  {table:<{width}}  {count:>9,}")
    print("Every table holds as many rows as the source.")
    return 0


def _run_command(args: argparse.Namespace) -> int:
    try:
        if args.command == "kb" and args.kb_command == "migrate":
            # Two databases named on the command line; no settings, knowledge or --db.
            source, target = _migration(args)
            return asyncio.run(_migrate(source, target, force=args.force))
        setup = _setup(args)
        _check_paths(args, setup)
        settings = setup.settings
        token = discord_token() if args.command == "run" else None
        if args.command == "chat" or (args.command == "run" and token is None):
            if args.command == "run":
                return _console(setup, None, intro=_no_token_intro(settings))
            return _console(setup, _start_mode(args))
        if getattr(args, "verbose", False):
            print(setup.describe(), file=sys.stderr)
        if token is not None:
            # The bot's log is for the operator; the console chat keeps the screen clean.
            logging.getLogger().setLevel(settings.logging.level)
            return asyncio.run(_discord(settings, token))
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
