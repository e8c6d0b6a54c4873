"""`fact history` of a fact edited with a long answer: it stays a table of 88 columns."""

from __future__ import annotations

import re
from pathlib import Path

from bot.cli.render import WIDTH

from .harness import Cli

LONG_ANSWER = (
    "The night ferry to the islands no longer runs on weekdays since the harbour authority cut "
    "its budget; on Fridays and Saturdays it leaves at eleven, and the last bus meets it."
)


def test_a_long_edit_stays_within_the_table(cli: Cli, knowledge: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    added = cli("fact", "add", "The night ferry runs daily.", "-q", "night ferry?", "--db", db)
    match = re.search(r"Added (\S+?)\.", added.out)
    assert match, added.out
    fact_id = match.group(1)
    assert cli("fact", "edit", fact_id, "--answer", LONG_ANSWER, "--db", db).code == 0
    lines = cli("fact", "history", fact_id, "--db", db).out.splitlines()
    assert len(lines) == 2 and max(len(line) for line in lines) <= WIDTH
    assert lines[0].split()[1:] == ["add", "by", "console"]
    assert " edit     by console: The night ferry to the islands" in lines[1]
    assert lines[1].endswith("…")
