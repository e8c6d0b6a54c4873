"""Persistence backends. All SQL lives in this package; the rest of the bot sees core models.

Each backend implements ``bot.core.storage.KnowledgeStore`` and raises only the ``StoreError``
family defined there: ``SqliteStore`` (one file) and ``bot.store.postgres.PostgresStore`` (a
server several bot processes share; imported only when a PostgreSQL database is asked for, so
that an SQLite start does not load its driver).
"""

from bot.core.storage import AskRecord, StoreError
from bot.store.sqlite import SqliteStore

__all__ = ["AskRecord", "SqliteStore", "StoreError"]
