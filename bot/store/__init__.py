"""Persistence backends. All SQL lives in this package; the rest of the bot sees core models.

Each backend implements ``bot.core.storage.KnowledgeStore`` and raises only the ``StoreError``
family defined there.
"""

from bot.core.storage import AskRecord, StoreError
from bot.store.sqlite import SqliteStore

__all__ = ["AskRecord", "SqliteStore", "StoreError"]
