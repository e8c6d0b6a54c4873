"""The storage tests' database: every one of them runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from bot.composition import DatabaseName


@pytest.fixture
def database(backend: Any) -> DatabaseName:
    """The test's database on each backend (the ``backend`` fixture of tests/conftest.py): an
    SQLite file's path, or a PostgreSQL database's URL."""
    where: DatabaseName = backend.database
    return where
