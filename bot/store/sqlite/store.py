"""The SQLite store: one file, WAL, every write one transaction; the class that composes the
store's parts (each a module beside this one) and opens the file."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import aiosqlite

from bot.core.storage import StoreUnavailable
from bot.store.sqlite.articles import SqliteArticles
from bot.store.sqlite.asks import SqliteAsks
from bot.store.sqlite.connection import BUSY_TIMEOUT_MS
from bot.store.sqlite.coordination import SqliteCoordination
from bot.store.sqlite.copies import SqliteCopies
from bot.store.sqlite.facts import SqliteFacts
from bot.store.sqlite.knowledge import SqliteKnowledge
from bot.store.sqlite.schema import SqliteSchema
from bot.store.sqlite.teachings import SqliteTeachings


def _make_folder(path: Path) -> None:
    """Create the database's folder; ``StoreError`` if it cannot be, or the path is a folder."""
    if path.is_dir():
        raise StoreUnavailable(f"{path} is a folder, not a database file: give a file path")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise StoreUnavailable(
            f"cannot create the database {path}: part of {path.parent} is a file, not a "
            "folder; give a path in an existing folder"
        ) from exc
    except OSError as exc:
        raise StoreUnavailable(
            f"cannot create the folder {path.parent} for the database ({exc.strerror}); "
            "create it or give a path in a folder you may write"
        ) from exc


def _unusable(path: Path, exc: sqlite3.Error) -> str:
    return (
        f"cannot use the database {path} ({exc}): it must be an SQLite file you may write, "
        "in a folder you may write"
    )


async def _worker_stopped(connection: aiosqlite.Connection) -> None:
    """Wait for the thread of a connection that failed to open. aiosqlite stops it without
    waiting, and a thread still finishing when the event loop closes dies with a traceback
    ("Event loop is closed")."""
    # aiosqlite before 0.20 made the connection itself the thread.
    thread = getattr(connection, "_thread", connection)
    if isinstance(thread, threading.Thread) and thread.is_alive():
        await asyncio.to_thread(thread.join, 10)


class SqliteStore(
    SqliteSchema,
    SqliteFacts,
    SqliteKnowledge,
    SqliteTeachings,
    SqliteAsks,
    SqliteArticles,
    SqliteCoordination,
    SqliteCopies,
):
    """Facts, audit trail, asks and feedback in one SQLite file."""

    @classmethod
    async def open(cls, path: Path) -> SqliteStore:
        """Open (creating if needed) the database at ``path`` and bring its schema up to date.

        ``StoreError`` with one sentence naming the path when it cannot be used; the
        connection (and its thread) is closed again before that is raised.
        """
        if str(path) != ":memory:":
            _make_folder(path)
        connection = aiosqlite.connect(str(path), isolation_level=None)
        try:
            await connection
        except sqlite3.Error as exc:
            await _worker_stopped(connection)
            raise StoreUnavailable(_unusable(path, exc)) from exc
        store = cls(connection, path)
        try:
            await connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await connection.execute("PRAGMA journal_mode = WAL")
            await connection.execute("PRAGMA synchronous = NORMAL")
            await connection.execute("PRAGMA foreign_keys = ON")
            await store._migrate()
            await store._key_asks()
        except sqlite3.Error as exc:
            await connection.close()
            raise StoreUnavailable(_unusable(path, exc)) from exc
        except BaseException:
            await connection.close()
            raise
        return store

    async def wait_for_changes(self, seconds: float) -> None:
        """SQLite cannot tell another process's commit: wait ``seconds``, then look."""
        await asyncio.sleep(seconds)
