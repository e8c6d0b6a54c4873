"""The storage tests' database: every one of them runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.composition import DatabaseName, open_knowledge_base_at
from bot.core.service import KnowledgeBase


@pytest.fixture
def database(backend: Any) -> DatabaseName:
    """The test's database on each backend (the ``backend`` fixture of tests/conftest.py): an
    SQLite file's path, or a PostgreSQL database's URL."""
    where: DatabaseName = backend.database
    return where


@pytest.fixture
async def kb(database: DatabaseName, knowledge_dir: Path) -> AsyncIterator[KnowledgeBase]:
    """A knowledge base on the test's database, loaded from the test file's own
    ``knowledge_dir``."""
    opened = await open_knowledge_base_at(database, knowledge_dir)
    yield opened
    await opened.close()
