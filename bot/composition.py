"""The composition root: settings -> store -> knowledge service -> the bot or the CLI.

The one module that chooses a store backend and opens it, and turns the settings into what the
core needs. The CLI (and through it the Discord bot) receives a ready ``KnowledgeBase``; nothing
else constructs a store.
"""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings
from bot.core.matcher import MatcherSettings
from bot.core.service import Clock, KnowledgeBase, Policy, StartMode
from bot.core.storage import KnowledgeStore
from bot.store import SqliteStore


async def open_store(database: Path) -> KnowledgeStore:
    """The store the settings name: an SQLite file (the only backend of this build)."""
    return await SqliteStore.open(database)


def matcher_settings(settings: Settings) -> MatcherSettings:
    return MatcherSettings(
        answer_threshold=settings.matcher.answer_threshold,
        suggest_threshold=settings.matcher.suggest_threshold,
    )


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
    return await KnowledgeBase.open(
        await open_store(settings.database),
        settings.knowledge_dir,
        matcher_settings=matcher_settings(settings),
        policy=policy(settings),
        start=start,
    )


async def open_knowledge_base_at(
    database: Path,
    knowledge_dir: Path,
    *,
    matcher_settings: MatcherSettings | None = None,
    policy: Policy | None = None,
    start: StartMode = StartMode.RELOAD,
    clock: Clock | None = None,
) -> KnowledgeBase:
    """A knowledge base on the SQLite file ``database``, for tools and tests that have a path
    rather than settings (``clock``: what "now" is, for tests of dates)."""
    return await KnowledgeBase.open(
        await open_store(database),
        knowledge_dir,
        matcher_settings=matcher_settings,
        policy=policy,
        start=start,
        clock=clock,
    )
