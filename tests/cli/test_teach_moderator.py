"""`kb teach` as a moderator types it: what they would trip over, each answered in one line.

The question may come unquoted, or after the fact id; a mistyped id is answered with the ids
it resembles; a question given alone is answered with the facts closest to it; a bare number
is no question; `kb stats` says which of its unanswered questions were taught since, and
`fact history` which question each teaching added.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from .harness import Cli

LUNCH = "wat do ppl in yekaterinburg eat for lunch"
ENVOY = "y did baku pull its guy from moscow"


@pytest.fixture
def db(cli: Cli, knowledge: Path, tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    assert cli("kb", "reload", "--db", path).code == 0
    return path


def test_an_unquoted_question_is_taught_with_the_id_last_or_first(cli: Cli, db: Path) -> None:
    done = cli("kb", "teach", *ENVOY.split(), "ambassador-recalled", "--db", db)
    assert done.code == 0, done.err
    assert done.out.startswith(f"Taught ambassador-recalled: {ENVOY!r}")
    swapped = cli("kb", "teach", "yekaterinburg-raid", *LUNCH.split(), "--db", db)
    assert swapped.code == 0, swapped.err
    assert swapped.out.startswith(f"Taught yekaterinburg-raid: {LUNCH!r}")
    assert "[yekaterinburg-raid · score" in cli("ask", LUNCH, "--db", db).out


def test_a_mistyped_fact_id_is_answered_with_the_one_it_resembles(cli: Cli, db: Path) -> None:
    typo = cli("kb", "teach", ENVOY, "ambasador-recalled", "--db", db)
    assert typo.code == 2
    assert typo.err.strip() == (
        "error: There is no fact with id 'ambasador-recalled': did you mean ambassador-recalled?"
    )
    unlike = cli("kb", "teach", ENVOY, "weather-forecast", "--db", db)
    assert unlike.code == 2
    assert unlike.err.strip() == "error: There is no fact with id 'weather-forecast'."


def test_a_question_alone_is_answered_with_the_closest_facts(cli: Cli, db: Path) -> None:
    asked = cli("kb", "teach", ENVOY, "--db", db)
    assert asked.code == 0, asked.err
    assert asked.out.startswith(f"Which fact answers {ENVOY!r}? The closest:")
    assert "  ambassador-recalled: " in asked.out
    # Nothing was taught: the moderator picks the fact.
    assert "[ambassador-recalled · score" not in cli("ask", ENVOY, "--db", db).out


def test_a_bare_number_is_not_taught(cli: Cli, db: Path) -> None:
    number = cli("kb", "teach", "2", "ambassador-recalled", "--db", db)
    assert number.code == 2
    assert number.err.strip() == (
        "error: '2' is no question: give the question in the words people asked it."
    )


def test_stats_and_history_say_what_was_taught(
    cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [LUNCH, ENVOY, "kb teach", f'kb teach "{LUNCH}" yekaterinburg-raid', "quit"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    chat = cli("chat", "--db", db)
    assert chat.code == 0, chat.err
    # The list of questions to teach names, for each, the fact that comes closest.
    listed = chat.out[chat.out.index("Questions worth teaching") :]
    assert f"  {ENVOY}  (closest: ambassador-recalled)" in listed

    stats = cli("kb", "stats", "--db", db).out
    assert f"  1× {LUNCH}  (taught: yekaterinburg-raid)" in stats
    assert f"  1× {ENVOY}\n" in stats
    assert 'teach one: kb teach "QUESTION" FACT_ID' in stats
    # A line longer than the terminal's 88 columns goes on, indented, on the next: read it whole.
    history = re.sub(r"\n +", " ", cli("fact", "history", "yekaterinburg-raid", "--db", db).out)
    assert f"teach    by console: {LUNCH!r}" in history

    assert cli("kb", "teach", ENVOY, "ambassador-recalled", "--db", db).code == 0
    done = cli("kb", "stats", "--db", db).out
    assert f"  1× {ENVOY}  (taught: ambassador-recalled)" in done
    # Nothing left to teach: no hint to teach one.
    assert "teach one" not in done
