"""The command line ``python -m bot`` reads: its options and commands, one group at a time.

Kept apart from what the commands do, and light: ``--help`` and a mistake on the command line
import nothing but this (no knowledge base, matcher or word lists).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeAlias

from bot.config import DATABASE_ENV
from bot.core.language import LANGUAGES


class OneLineParser(argparse.ArgumentParser):
    """A mistake on the command line is one sentence and a pointer to ``--help``.

    argparse prints its whole usage block above the error; for a member who mistyped one word
    that block buries the line that says what went wrong. Sub-commands are built with this
    class too (``add_subparsers`` takes the class of the parser it is called on).
    """

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} (see {self.prog} --help).\n")


if TYPE_CHECKING:
    # What ``add_subparsers`` returns: a list of sub-commands (argparse keeps its class private).
    Commands: TypeAlias = argparse._SubParsersAction[OneLineParser]


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = OneLineParser(
        prog="python -m bot",
        description="newsdesk: answers questions about regional news from a curated fact base.",
        parents=[common],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_run(commands, common)
    _add_asking(commands, common)
    _add_ingest(commands, common)
    _add_kb(commands, common)
    _add_fact(commands, common)
    return parser


def _common_options() -> OneLineParser:
    # SUPPRESS lets the options stand before or after the sub-command.
    common = OneLineParser(add_help=False)
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


def _add_run(commands: Commands, common: OneLineParser) -> None:
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


def _add_asking(commands: Commands, common: OneLineParser) -> None:
    """``ask``, ``chat`` and ``latest``: what members do."""
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


def _add_ingest(commands: Commands, common: OneLineParser) -> None:
    ingest = commands.add_parser(
        "ingest",
        parents=[common],
        help="draft facts from an article (text/HTML file, URL or RSS/Atom feed URL)",
    )
    ingest.add_argument("source", help="a .txt or .html file, a page URL or a feed URL")
    ingest.add_argument(
        "--force", action="store_true", help="draft it again even if it was drafted before"
    )


def _add_kb(commands: Commands, common: OneLineParser) -> None:
    """``kb``: the moderators' commands, in the order ``kb --help`` lists them."""
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
    _add_teaching(kb_commands, common)
    _add_migrate(kb_commands, common)
    for verb in ("approve", "reject"):
        sub = kb_commands.add_parser(
            verb, parents=[common], help=f"{verb} a draft file, a draft fact or a pending fact"
        )
        sub.add_argument("fact_id", metavar="FILE|ID")


def _add_teaching(kb_commands: Commands, common: OneLineParser) -> None:
    """``kb teach`` and ``kb unteach``."""
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


def _add_migrate(kb_commands: Commands, common: OneLineParser) -> None:
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


def _add_fact(commands: Commands, common: OneLineParser) -> None:
    """``fact``: adding, changing and reading single facts."""
    fact = commands.add_parser("fact", parents=[common], help="add, show, remove, search facts")
    fact_commands = fact.add_subparsers(dest="fact_command", metavar="FACT_COMMAND", required=True)
    _add_fact_add(fact_commands, common)
    _add_fact_edit(fact_commands, common)
    for verb, text in (
        ("show", "show a fact"),
        ("remove", "remove a user fact"),
        ("history", "who changed a fact, and when"),
    ):
        sub = fact_commands.add_parser(verb, parents=[common], help=text)
        sub.add_argument("fact_id")
    search = fact_commands.add_parser("search", parents=[common], help="find facts")
    search.add_argument("query", nargs="+")


def _add_fact_add(fact_commands: Commands, common: OneLineParser) -> None:
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


def _add_fact_edit(fact_commands: Commands, common: OneLineParser) -> None:
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
