"""Shared fixtures for the core, storage, CLI and shipped-knowledge tests.

Tests read knowledge from ``tests/data/knowledge/`` (``SEED_KNOWLEDGE_DIR``), a frozen copy of
the knowledge the bot first shipped with, never from the live ``knowledge/``: moderators add and
approve files there every day, and that must not change what the tests see. Only
``tests/shipped/test_shipped_knowledge.py`` reads the live folder, to validate every file in it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_KNOWLEDGE_DIR = Path(__file__).resolve().parent / "data" / "knowledge"

KnowledgeDirFactory = Callable[..., Path]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root directory (where bot.yaml and knowledge/ live)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def seed_knowledge_dir() -> Path:
    """The frozen seed knowledge (tests/data/knowledge/): read it, copy it before writing."""
    return SEED_KNOWLEDGE_DIR


@pytest.fixture
def make_knowledge_dir(tmp_path: Path) -> KnowledgeDirFactory:
    """A factory writing ``{file name: YAML text or bytes}`` into a fresh directory."""
    counter = 0

    def make(files: dict[str, str | bytes], name: str | None = None) -> Path:
        nonlocal counter
        counter += 1
        directory = tmp_path / (name or f"knowledge{counter}")
        directory.mkdir()
        for file_name, content in files.items():
            path = directory / file_name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return directory

    return make
