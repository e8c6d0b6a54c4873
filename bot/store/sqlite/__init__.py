"""The SQLite store: one file, one writer at a time. ``store`` composes the parts beside it,
one concern each (schema, facts, audit, knowledge files, changes, asks, teachings, articles,
coordination, copies) on the connection they share (``connection``)."""

from bot.store.sqlite.store import SqliteStore

__all__ = ["SqliteStore"]
