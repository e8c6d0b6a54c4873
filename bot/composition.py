"""The composition root: settings -> store -> knowledge service -> the bot or the CLI.

The one module that chooses a store backend and opens it, and turns the settings into what the
core needs. The CLI (and through it the Discord bot) receives a ready ``KnowledgeBase``; nothing
else constructs a store.
"""

from __future__ import annotations

from pathlib import Path

from bot.config import Database, DatabaseUrl, Settings, parse_database
from bot.core.matcher_settings import MatcherSettings
from bot.core.semantic_backends import with_semantic
from bot.core.service import Clock, KnowledgeBase, Policy, StartMode
from bot.core.storage import KnowledgeStore, StoreUnsupported
from bot.store import SqliteStore

DatabaseName = Database | str


def _database(database: DatabaseName) -> Database:
    # Text is read as --db is: a PostgreSQL URL, or a file path.
    return parse_database(database) if isinstance(database, str) else database


async def open_store(database: DatabaseName) -> KnowledgeStore:
    """The store the settings name: a PostgreSQL database for a ``postgresql://`` URL, else
    the SQLite file at that path."""
    database = _database(database)
    if isinstance(database, DatabaseUrl):
        from bot.store.postgres import PostgresStore  # its driver only when it is used

        return await PostgresStore.open(database.secret)
    return await SqliteStore.open(database)


def matcher_settings(settings: Settings) -> MatcherSettings:
    """The matcher's settings; with ``matcher.semantic`` naming a backend (``e5``, ``static``),
    its embedder is loaded here, with that backend's fitted blend and correction, at
    start, so a missing package stops the start with one sentence (``SemanticUnavailable``),
    not a traceback at the first question."""
    matching = MatcherSettings(
        answer_threshold=settings.matcher.answer_threshold,
        suggest_threshold=settings.matcher.suggest_threshold,
    )
    backend = settings.matcher.semantic
    if backend == "off":
        return matching
    return with_semantic(matching, backend)


def policy(settings: Settings) -> Policy:
    return Policy(
        who_can_add=settings.facts.who_can_add,
        require_approval=settings.facts.require_approval,
        max_per_user_per_day=settings.facts.max_per_user_per_day,
    )


async def open_knowledge_base(settings: Settings, start: StartMode | None = None) -> KnowledgeBase:
    """The brain every entry point uses, built from the settings; ``start`` as the entry point
    needs (by default the bot's: store knowledge/ at start if the settings say so)."""
    if start is None:
        start = StartMode.RELOAD if settings.reload_knowledge_on_start else StartMode.SERVE_STORED
    # Before the store opens: a semantic re-ranker that cannot load stops the start untouched.
    matching = matcher_settings(settings)
    return await KnowledgeBase.open(
        await open_store(settings.database),
        settings.knowledge_dir,
        matcher_settings=matching,
        policy=policy(settings),
        start=start,
    )


async def open_knowledge_base_at(
    database: DatabaseName,
    knowledge_dir: Path,
    *,
    matcher_settings: MatcherSettings | None = None,
    policy: Policy | None = None,
    start: StartMode = StartMode.RELOAD,
    clock: Clock | None = None,
) -> KnowledgeBase:
    """A knowledge base on ``database`` (an SQLite file's path, or a PostgreSQL URL), for tools
    and tests that have that rather than settings (``clock``: what "now" is, for tests of
    dates)."""
    return await KnowledgeBase.open(
        await open_store(database),
        knowledge_dir,
        matcher_settings=matcher_settings,
        policy=policy,
        start=start,
        clock=clock,
    )


async def copy_database(
    source: Path, target: DatabaseName, *, force: bool = False
) -> dict[str, int]:
    """Copy the SQLite fact base at ``source`` into the PostgreSQL database ``target``, in one
    transaction; the row counts by table, checked against the source's (``kb migrate``)."""
    destination = _database(target)
    if not isinstance(destination, DatabaseUrl):
        raise StoreUnsupported(
            f"kb migrate copies into a PostgreSQL database: give --to postgresql://..., not "
            f"{destination}"
        )
    from bot.store.postgres import PostgresStore

    origin = await SqliteStore.open(source)
    try:
        copy = await PostgresStore.open(destination.secret)
        try:
            async with origin.snapshot() as tables:
                return await copy.copy_from(tables, force=force)
        finally:
            await copy.close()
    finally:
        await origin.close()
