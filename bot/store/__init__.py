"""Persistence. All SQL lives in this package; the rest of the bot sees core models only."""

from bot.store.sqlite import AskRecord, SqliteStore, StoreError

__all__ = ["AskRecord", "SqliteStore", "StoreError"]
