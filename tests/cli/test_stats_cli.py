"""`kb stats` counts the drafts waiting for review, at the command line and in the chat."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest

from .harness import Cli


def draft(knowledge: Path, name: str, days_old: float) -> None:
    folder = knowledge / "drafts"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("facts: []\n", encoding="utf-8")
    then = time.time() - days_old * 86400
    os.utime(path, (then, then))


def test_kb_stats_says_how_many_drafts_wait_and_for_how_long(
    cli: Cli, knowledge: Path, tmp_path: Path
) -> None:
    db = tmp_path / "x.db"
    assert cli("kb", "reload", "--db", db).code == 0
    assert "drafts: no drafts waiting for review\n" in cli("kb", "stats", "--db", db).out
    draft(knowledge, "2025-05-01-ferry.yaml", 2.2)
    out = cli("kb", "stats", "--db", db).out
    assert "drafts: 1 draft waiting for review, for 2 days (kb drafts lists them)" in out
    draft(knowledge, "2025-05-02-bridge.yaml", 0.1)
    out = cli("kb", "stats", "--db", db).out
    assert "drafts: 2 drafts waiting for review, the oldest for 2 days" in out


def test_the_chat_s_kb_stats_counts_them_too(
    cli: Cli, knowledge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft(knowledge, "2025-05-01-ferry.yaml", 0.25)
    monkeypatch.setattr("sys.stdin", io.StringIO("kb stats\nquit\n"))
    done = cli("chat", "--db", "x.db")
    assert "drafts: 1 draft waiting for review, for 6 hours" in done.out
