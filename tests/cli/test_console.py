"""The console chat at a keyboard: line editing and history, Ctrl-C, and inputs that are not
questions explained instead of answered."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli.console import HELP

from .harness import Cli, Terminal

PROMPT = b"you> "
QUESTION = b"why was the ambassador recalled"
ANSWER = b"[ambassador-recalled \xc2\xb7 score"
UP_ARROW = b"\x1b[A"
CTRL_C = b"\x03"
CTRL_D = b"\x04"


def press_ctrl_c(terminal: Terminal) -> None:
    """Ctrl-C a moment after the last key, as a person would. CPython's readline waits for a
    key in select() and sees a signal only there: a SIGINT landing while it is still echoing
    the previous key is noticed at the next key instead. Half a second leaves room for a
    machine busy with the rest of the suite (0.2 s was not always enough on two cores)."""
    time.sleep(0.5)
    terminal.type(CTRL_C)


def interrupt(terminal: Terminal) -> bytes:
    """Ctrl-C, and what it shows up to the next prompt. On a machine loaded enough that the
    first press still lands while readline is echoing (noticed only at the next key), a person
    sees no prompt and presses Ctrl-C again; so does this, once, after three seconds."""
    press_ctrl_c(terminal)
    try:
        return terminal.read_until(PROMPT, timeout=3)
    except AssertionError:
        terminal.type(CTRL_C)
        return terminal.read_until(PROMPT, timeout=30)  # a ceiling for a prompt never shown


@pytest.fixture
def terminal(tmp_path: Path, knowledge: Path) -> Iterator[Terminal]:
    """`python -m bot chat` on a pseudo-terminal, at its first prompt."""
    chat = Terminal("chat", "--db", tmp_path / "x.db", cwd=tmp_path)
    try:
        chat.read_until(PROMPT)
        yield chat
    finally:
        chat.close()


def test_up_arrow_recalls_the_previous_question(terminal: Terminal) -> None:
    """At a terminal, the up arrow brings back the last question, and Enter asks it again."""
    terminal.type(QUESTION + b"\r")
    assert ANSWER in terminal.read_until(PROMPT)
    terminal.type(UP_ARROW + b"\r")
    again = terminal.read_until(PROMPT)
    assert QUESTION in again and ANSWER in again
    terminal.type(b"kb stats\r")
    assert b"questions: 2 asked, 2 answered" in terminal.read_until(PROMPT)
    terminal.type(CTRL_D)
    terminal.read_until(b"bye")
    assert terminal.process.wait(10) == 0


def test_ctrl_c_clears_the_line_and_prompts_again(terminal: Terminal) -> None:
    """Ctrl-C drops the typed line or a `fact add` at once, says how to leave, and goes on."""
    terminal.type(b"half a quest")
    terminal.read_until(b"half a quest")
    shown = interrupt(terminal)
    assert b"type 'quit' or press Ctrl-D to leave" in shown
    assert b"Traceback" not in shown

    terminal.type(b"fact add\r")
    terminal.read_until(b"answer> ")
    terminal.type(b"A fact never fin")
    terminal.read_until(b"A fact never fin")
    interrupt(terminal)

    terminal.type(b"kb stats\r")
    stats = terminal.read_until(PROMPT)
    assert b"questions: 0 asked" in stats
    assert b"0 added by users" in stats
    terminal.type(b"quit\r")
    terminal.read_until(b"bye")
    assert terminal.process.wait(10) == 0


def test_stray_inputs_are_explained_and_not_counted(
    cli: Cli, knowledge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ask` alone or a stray suggestion number says what is wrong and is not counted."""
    lines = ["ask", "5", "azerbaijan", "7", "0", "kb stats", "quit"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    done = cli("chat", "--db", "x.db")
    assert done.code == 0, done.err
    out = done.out
    assert "ask what? type a question after ask" in out
    assert "there is no list of suggestions to pick from" in out
    assert "I'm not sure what you mean. Did you mean one of these?" in out
    assert "there is no suggestion 7: pick 1–3" in out
    assert "there is no suggestion 0: pick 1–3" in out
    assert "questions: 1 asked, 0 answered, 1 not sure" in out
    assert "top unanswered" not in out


def test_a_suggestion_is_asked_by_its_number(
    cli: Cli, knowledge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a "did you mean" list, its number asks that suggestion."""
    monkeypatch.setattr("sys.stdin", io.StringIO("azerbaijan\n1\nquit\n"))
    done = cli("chat", "--db", "x.db")
    assert done.code == 0, done.err
    assert "Did you mean one of these?" in done.out
    first = re.search(r"^\s*1\. .+\[([a-z0-9-]+)\]$", done.out, re.MULTILINE)
    assert first is not None
    assert f"[{first.group(1)} · score" in done.out


def test_help_says_what_ctrl_c_does_and_how_to_leave(
    cli: Cli, knowledge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`help` in the chat says that Ctrl-C clears the line, and that quit or Ctrl-D leave."""
    monkeypatch.setattr("sys.stdin", io.StringIO("help\nquit\n"))
    done = cli("chat", "--db", "x.db")
    assert HELP in done.out
    assert "Ctrl-C clears the line" in done.out
    assert "quit or press Ctrl-D" in " ".join(done.out.split())


def test_history_is_kept_for_the_next_session(tmp_path: Path, knowledge: Path) -> None:
    """A question asked in one chat is recalled by the up arrow in the next one."""
    for keys in (QUESTION + b"\r", UP_ARROW + b"\r"):
        chat = Terminal("chat", "--db", tmp_path / "x.db", cwd=tmp_path)
        try:
            chat.read_until(PROMPT)
            chat.type(keys)
            assert ANSWER in chat.read_until(PROMPT)
            chat.type(CTRL_D)  # leaves without adding a line to the history, as quit would
            chat.read_until(b"bye")
            assert chat.process.wait(10) == 0
        finally:
            chat.close()


def test_history_file_that_cannot_be_written_is_ignored(tmp_path: Path, knowledge: Path) -> None:
    """When the history beside the database cannot be read or written, the chat still works."""
    (tmp_path / "x.history").mkdir()
    chat = Terminal("chat", "--db", tmp_path / "x.db", cwd=tmp_path)
    try:
        chat.read_until(PROMPT)
        chat.type(QUESTION + b"\r")
        assert ANSWER in chat.read_until(PROMPT)
        chat.type(CTRL_D)
        shown = chat.read_until(b"bye")
        assert chat.process.wait(10) == 0
        assert b"Traceback" not in shown
    finally:
        chat.close()
