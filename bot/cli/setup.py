"""What a command runs with: the settings (from the file, the environment and the options),
the knowledge and database folders checked before anything opens, and the start mode of the
knowledge base it opens.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from bot.config import (
    DATABASE_ENV,
    DEFAULT_DATABASE,
    DatabaseUrl,
    DiscordSettings,
    Settings,
    database_path_problem,
    load_settings,
    parse_database,
    settings_file,
)
from bot.core.startup import StartMode
from bot.core.storage import redact_url

from .exits import UsageError

# Commands that read the knowledge folder even when the start-up reload is switched off.
_KNOWLEDGE_COMMANDS = {
    ("kb", "reload"),
    ("kb", "drafts"),
    ("kb", "approve"),
    ("kb", "reject"),
    ("ingest", None),
}


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


def setup_for(args: argparse.Namespace) -> Setup:
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


def check_paths(args: argparse.Namespace, setup: Setup) -> None:
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


def reads_only(args: argparse.Namespace) -> bool:
    sub = getattr(args, "kb_command", None) or getattr(args, "fact_command", None)
    return (args.command, sub) in _READING_COMMANDS


def start_mode(args: argparse.Namespace) -> StartMode:
    """Only ``run`` stores knowledge/ at start; ``kb reload`` (and draft approval) store it
    when asked, and so report what really changed. A reading command given ``--knowledge``
    looks at that directory without storing it."""
    if not reads_only(args):
        return StartMode.STORED_ONLY
    if getattr(args, "knowledge", None) is not None:
        return StartMode.PREVIEW
    return StartMode.SERVE_STORED
