"""Fixtures for the command-line tests: a knowledge folder in the test's directory, and the
CLI run in this process (fast; the real program runs in a subprocess only where it must)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.cli import main

from .harness import KNOWLEDGE_FILES, Cli, Outcome


@pytest.fixture
def knowledge(make_knowledge_dir: Callable[..., Path]) -> Path:
    """``tmp_path/knowledge``: five facts of the seed crisis and a few synonym groups."""
    return make_knowledge_dir(KNOWLEDGE_FILES, name="knowledge")


@pytest.fixture
def cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Cli]:
    """``python -m bot ARGS`` in this process, from ``tmp_path`` (no bot.yaml there), with no
    settings file or token in the environment."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)

    def run(*args: str | Path) -> Outcome:
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    yield run
