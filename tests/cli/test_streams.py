"""Pipes and bytes: a reader that goes away (`| head`) and stdin that is not UTF-8."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from bot.composition import open_knowledge_base_at

from .harness import TIMEOUT, run_program, start_program


@pytest.mark.parametrize(
    "args",
    [("kb", "drafts"), ("kb", "stats"), ("ask", "why was the ambassador recalled")],
    ids=["kb-drafts", "kb-stats", "ask"],
)
def test_output_to_a_closed_pipe_ends_quietly(
    tmp_path: Path, knowledge: Path, args: tuple[str, ...]
) -> None:
    """`python -m bot ... | head -1`: when the reader has gone, no traceback and exit 1."""
    program = start_program(
        *args,
        "--db",
        tmp_path / "x.db",
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert program.stdout is not None and program.stderr is not None
    program.stdout.close()  # the reader goes away before anything is written
    err = program.stderr.read().decode()
    assert program.wait(TIMEOUT) == 1
    assert err == ""


def test_undecodable_stdin_bytes_become_replacement_characters(
    tmp_path: Path, knowledge: Path
) -> None:
    """`ask --json -` with bytes that are not UTF-8 still answers, in valid UTF-8 output."""
    stdin = b"why was the ambassador recalled \xff\xfe\nwhat is the capital of france\n"
    done = run_program("ask", "--json", "-", "--db", tmp_path / "x.db", cwd=tmp_path, stdin=stdin)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    payloads = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert payloads[0]["question"] == "why was the ambassador recalled \ufffd\ufffd"
    assert [p["decision"] for p in payloads] == ["answer", "unknown"]


def test_chat_counts_every_question_when_one_had_bad_bytes(tmp_path: Path, knowledge: Path) -> None:
    """In the chat, a question with bytes that are not UTF-8 loses no question's statistics."""
    stdin = b"why was the ambassador recalled \xff\nwho died in yekaterinburg\nkb stats\nquit\n"
    done = run_program("chat", "--db", tmp_path / "x.db", cwd=tmp_path, stdin=stdin)
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8", errors="replace")
    assert done.returncode == 0, err
    assert "questions: 2 asked, 2 answered" in out
    assert "Task exception" not in err and "Traceback" not in err


async def test_questions_with_lone_surrogates_are_counted_with_their_batch(
    tmp_path: Path, knowledge: Path
) -> None:
    """A question carrying an undecodable byte is counted, and so is the one saved with it."""
    kb = await open_knowledge_base_at(tmp_path / "x.db", knowledge)
    try:
        await kb.ask("why was the ambassador recalled \udcff")
        await kb.ask("who died in yekaterinburg")
        stats = await kb.stats(all_guilds=True)
    finally:
        await kb.close()
    assert stats.questions_asked == 2
    assert stats.answered == 2
