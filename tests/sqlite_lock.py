"""Another connection holding an SQLite database's write lock, as another process would (a
reload in a second bot process, a CLI import), for the tests of what waits on it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def sqlite_write_lock_held(database: Path, seconds: float = 60) -> Iterator[threading.Event]:
    """Another connection holds ``database``'s write lock (a write begun, not committed) for
    ``seconds``, or until the event this yields is set, or the block ends."""
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(database, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(
                "INSERT INTO meta (key, value) VALUES ('lock-test', '1') "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            )
            taken.set()
            release.wait(seconds)
            connection.execute("COMMIT")
        finally:
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert taken.wait(10)
        yield release
    finally:
        release.set()
        thread.join()
