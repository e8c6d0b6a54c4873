"""`kb teach` at the command line and in the console chat."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest

from bot.composition import open_store

from .harness import Cli

CASUAL = "y r they mad at each other"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "x.db"


def test_kb_teach_answers_the_question_from_now_on(cli: Cli, knowledge: Path, db: Path) -> None:
    """`kb teach "QUESTION" FACT_ID` links the question to the fact: `ask` answers it with
    that fact, also after `kb reload`, and `kb export` lists it for curation."""
    assert cli("kb", "reload", "--db", db).code == 0
    before = cli("ask", "--json", CASUAL, "--db", db).out
    assert '"decision": "answer"' not in before
    done = cli("kb", "teach", CASUAL, "ambassador-recalled", "--db", db)
    assert done.code == 0, done.err
    assert done.out.startswith("Taught ambassador-recalled:")
    answer = cli("ask", CASUAL, "--db", db).out
    assert "[ambassador-recalled · score" in answer
    assert cli("kb", "reload", "--db", db).code == 0
    assert "[ambassador-recalled · score" in cli("ask", CASUAL, "--db", db).out
    exported = cli("kb", "export", "--db", db).out
    assert "# Taught questions" in exported and CASUAL in exported
    history = cli("fact", "history", "ambassador-recalled", "--db", db).out
    assert "teach" in history


def test_kb_teach_refusals_are_one_line(cli: Cli, knowledge: Path, db: Path) -> None:
    """An unknown fact or a question the fact already has: one line on stderr, exit 2."""
    assert cli("kb", "reload", "--db", db).code == 0
    missing = cli("kb", "teach", CASUAL, "no-such-fact", "--db", db)
    assert missing.code == 2 and missing.err.strip().startswith("error: There is no fact")
    assert cli("kb", "teach", CASUAL, "ambassador-recalled", "--db", db).code == 0
    again = cli("kb", "teach", CASUAL, "ambassador-recalled", "--db", db)
    assert again.code == 2 and "already" in again.err


def test_console_teaches_the_unanswered_question(
    cli: Cli, knowledge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the chat, `kb teach` alone lists the unanswered questions worth teaching (stray
    inputs are not among them), and `kb teach "QUESTION" ID` makes the next ask answer it."""
    lines = [
        "kb reload",
        "what do the ppl in yekaterinburg eat for lunch",
        "7",
        "",
        "kb teach",
        'kb teach "what do the ppl in yekaterinburg eat for lunch" yekaterinburg-raid',
        "what do the ppl in yekaterinburg eat for lunch",
        "kb teach",
        "quit",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    done = cli("chat", "--db", "x.db")
    assert done.code == 0, done.err
    out = done.out
    first_list = out[out.index("Questions worth teaching") :]
    assert "  what do the ppl in yekaterinburg eat for lunch" in first_list
    assert "  7" not in first_list.split("Taught")[0]
    assert "Taught yekaterinburg-raid:" in out
    after = out[out.index("Taught yekaterinburg-raid:") :]
    assert "[yekaterinburg-raid · score" in after
    assert "No unanswered or 👎 questions are waiting to be taught." in after


def test_kb_unteach_takes_a_teaching_back(cli: Cli, knowledge: Path, db: Path) -> None:
    """`kb unteach "QUESTION"` undoes `kb teach`: `ask` no longer answers it with the fact,
    also after `kb reload`, `kb export` leaves it out, and `fact history` shows both steps."""
    assert cli("kb", "reload", "--db", db).code == 0
    assert cli("kb", "teach", CASUAL, "yekaterinburg-raid", "--db", db).code == 0
    listed = cli("kb", "unteach", "--db", db).out
    assert f"  {CASUAL}  (yekaterinburg-raid)" in listed
    done = cli("kb", "unteach", CASUAL, "--db", db)
    assert done.code == 0, done.err
    assert (
        done.out.strip() == f"Taken back: {CASUAL!r} is no longer a phrasing of yekaterinburg-raid."
    )
    assert "[yekaterinburg-raid · score" not in cli("ask", CASUAL, "--db", db).out
    assert cli("kb", "reload", "--db", db).code == 0
    assert "[yekaterinburg-raid · score" not in cli("ask", CASUAL, "--db", db).out
    assert CASUAL not in cli("kb", "export", "--db", db).out
    history = cli("fact", "history", "yekaterinburg-raid", "--db", db).out
    assert f"teach    by console: {CASUAL!r}" in history
    assert f"unteach  by console: {CASUAL!r}" in history
    assert "No taught questions to take back." in cli("kb", "unteach", "--db", db).out


def test_kb_unteach_refusals_are_one_line(cli: Cli, knowledge: Path, db: Path) -> None:
    """Not taught, an unknown fact, taught to two facts (both named): one line, exit 2."""
    assert cli("kb", "reload", "--db", db).code == 0
    missing = cli("kb", "unteach", CASUAL, "--db", db)
    assert missing.code == 2
    assert missing.err.strip() == f"error: '{CASUAL}' was not taught to any fact."
    unknown = cli("kb", "unteach", CASUAL, "no-such-fact", "--db", db)
    assert unknown.code == 2 and unknown.err.strip().startswith("error: There is no fact")
    for fact_id in ("ambassador-recalled", "yekaterinburg-raid"):
        assert cli("kb", "teach", CASUAL, fact_id, "--db", db).code == 0
    several = cli("kb", "unteach", CASUAL, "--db", db)
    assert several.code == 2 and len(several.err.strip().splitlines()) == 1
    assert "(ambassador-recalled, yekaterinburg-raid)" in several.err
    assert cli("kb", "unteach", CASUAL, "ambassador-recalled", "--db", db).code == 0
    assert cli("kb", "unteach", CASUAL, "--db", db).code == 0


def test_kb_unteach_of_a_fact_a_reload_removed(cli: Cli, knowledge: Path, db: Path) -> None:
    """A file fact taught a question and then removed from its file: `kb unteach` alone lists
    the question as kept for a fact no longer in the knowledge, and `kb unteach QUESTION`
    (unquoted, with the id or without) forgets it in one sentence, exit 0, audited."""
    assert cli("kb", "reload", "--db", db).code == 0
    assert cli("kb", "teach", CASUAL, "yekaterinburg-raid", "--db", db).code == 0
    crisis = knowledge / "crisis.yaml"
    head, rest = crisis.read_text("utf-8").split("  - id: yekaterinburg-raid")
    crisis.write_text(
        head + "  - id: azerbaijan-turkey-pivot" + rest.split("  - id: azerbaijan-turkey-pivot")[1],
        "utf-8",
    )
    assert "removed (1): yekaterinburg-raid" in cli("kb", "reload", "--db", db).out
    listed = cli("kb", "unteach", "--db", db).out
    assert f"  {CASUAL}  (yekaterinburg-raid, no longer in the knowledge)" in listed
    done = cli("kb", "unteach", *CASUAL.split(), "yekaterinburg-raid", "--db", db)
    assert done.code == 0, done.err
    assert done.out == (
        f"Taken back: {CASUAL!r} is no longer kept for yekaterinburg-raid, a fact that has "
        "left the knowledge since it was taught.\n"
    )
    assert "No taught questions to take back." in cli("kb", "unteach", "--db", db).out
    history = cli("fact", "history", "yekaterinburg-raid", "--db", db).out
    assert f"unteach  by console: {CASUAL!r}" in history


def test_console_takes_back_a_teaching(
    cli: Cli, knowledge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the chat, `kb unteach` alone lists the taught questions, and `kb unteach "QUESTION"`
    stops the next ask from being answered with that fact."""
    lines = [
        "kb reload",
        f'kb teach "{CASUAL}" yekaterinburg-raid',
        CASUAL,
        "kb unteach",
        f'kb unteach "{CASUAL}"',
        CASUAL,
        "quit",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    done = cli("chat", "--db", "x.db")
    assert done.code == 0, done.err
    out = done.out
    taught = out[out.index("Taught yekaterinburg-raid:") : out.index("Taken back:")]
    assert "[yekaterinburg-raid · score" in taught
    assert f"  {CASUAL}  (yekaterinburg-raid)" in taught
    after = out[out.index("Taken back:") :]
    assert "no longer a phrasing of yekaterinburg-raid" in after
    assert "[yekaterinburg-raid · score" not in after


def test_fact_history_says_why_a_queued_teaching_was_not_made(
    cli: Cli, knowledge: Path, db: Path
) -> None:
    """A teaching queued behind a reload and found impossible when it ended (the bot audits
    it so) shows in `fact history` with its question and why, for the moderator who was told
    it would be made."""
    assert cli("kb", "reload", "--db", db).code == 0

    async def audit() -> None:
        store = await open_store(db)
        try:
            why = "it had 50 taught questions by then, the most allowed"
            await store.record_audit(
                "discord:42",
                "teach-not-made",
                "yekaterinburg-raid",
                {"question": CASUAL, "why": why},
            )
        finally:
            await store.close()

    asyncio.run(audit())
    # A long line is wrapped within the terminal's width: read it as one.
    history = " ".join(cli("fact", "history", "yekaterinburg-raid", "--db", db).out.split())
    assert (
        f"teach-not-made by discord:42: {CASUAL!r} (it had 50 taught questions by then, the most "
        "allowed)"
    ) in history
