"""`kb export` when there is nothing to export: valid YAML for scripts, a word for people."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from .harness import Cli


def test_an_empty_export_is_still_yaml_and_says_why_on_stderr(
    cli: Cli, knowledge: Path, tmp_path: Path
) -> None:
    """No member facts and nothing taught: stdout is a knowledge file with no facts (a script
    piping it gets valid YAML), and stderr says in one line why it is empty."""
    db = tmp_path / "x.db"
    assert cli("kb", "reload", "--db", db).code == 0
    done = cli("kb", "export", "--db", db)
    assert done.code == 0
    assert yaml.safe_load(done.out) == {"facts": []}
    assert done.err.strip().splitlines() == [
        "Nothing to export: members have added no facts, and no questions were taught to "
        "knowledge-file facts."
    ]


def test_an_export_with_something_in_it_says_nothing_on_stderr(
    cli: Cli, knowledge: Path, tmp_path: Path
) -> None:
    db = tmp_path / "x.db"
    assert cli("kb", "reload", "--db", db).code == 0
    assert cli("kb", "teach", "y r they mad lol", "ambassador-recalled", "--db", db).code == 0
    done = cli("kb", "export", "--db", db)
    assert "y r they mad lol" in done.out and done.err == ""


def test_the_console_chat_says_an_empty_export_is_empty(
    cli: Cli, knowledge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the chat the moderator reads a sentence, not an empty YAML file."""
    monkeypatch.setattr("sys.stdin", io.StringIO("kb reload\nkb export\nquit\n"))
    done = cli("chat", "--db", "x.db")
    assert done.code == 0, done.err
    assert "Nothing to export: members have added no facts" in done.out
    assert "facts: []" not in done.out
