"""``kb migrate --from FILE --to URL``: an SQLite fact base copied into a PostgreSQL database."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.config import DatabaseUrl, database_path_problem, parse_database
from bot.core.storage import redact_url

from .exits import UsageError


def migration(args: argparse.Namespace) -> tuple[Path, DatabaseUrl]:
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


async def migrate(source: Path, target: DatabaseUrl, *, force: bool) -> int:
    """``kb migrate --from FILE --to URL [--force]``: copy, check and print the counts."""
    from bot.composition import copy_database

    counts = await copy_database(source, target, force=force)
    print(f"Copied {source} into {target} in one transaction; rows by table:")
    width = max(map(len, counts), default=0)
    for table, count in counts.items():
        print(f"  {table:<{width}}  {count:>9,}")
    print("Every table holds as many rows as the source.")
    return 0
