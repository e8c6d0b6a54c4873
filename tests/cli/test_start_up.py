"""Commands that answer no question start without the matcher and the word lists: ``--help``,
``kb validate`` and a mistake in the settings come back in a fraction of the time a question
takes (the matcher's imports and wordfreq cost a process most of a second).

Run in a fresh interpreter: this test process has long imported everything."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .harness import KNOWLEDGE_FILES, program_env

# What only answering a question needs: the index and the general word lists.
HEAVY = ("bot.core.matcher", "bot.core.service", "wordfreq", "pymorphy3")

_PROBE = """
import contextlib, io, json, sys
from bot.cli import main
out, err = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
heavy = [name for name in {heavy!r} if name in sys.modules]
print(json.dumps({{"code": code, "out": out.getvalue(), "err": err.getvalue(), "heavy": heavy}}))
"""


def _light_run(*args: str | Path, cwd: Path) -> dict[str, object]:
    """``python -m bot ARGS`` in a fresh interpreter: exit code, output, and which of the heavy
    modules it loaded."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=HEAVY), *(str(a) for a in args)],
        cwd=cwd,
        env=program_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_help_validate_and_a_settings_mistake_never_load_the_matcher(
    tmp_path: Path, make_knowledge_dir: Callable[..., Path]
) -> None:
    knowledge = make_knowledge_dir(KNOWLEDGE_FILES, name="knowledge")

    shown = _light_run("--help", cwd=tmp_path)
    assert shown["code"] == 0 and "kb" in str(shown["out"])
    assert shown["heavy"] == []

    checked = _light_run("kb", "validate", knowledge, cwd=tmp_path)
    assert checked["code"] == 0
    assert "OK, 5 facts in 2 files, 4 synonym groups" in str(checked["out"])
    assert checked["heavy"] == []

    refused = _light_run("--config", "no-such-settings.yaml", "ask", "hello", cwd=tmp_path)
    assert refused["code"] == 2 and "settings file not found" in str(refused["err"])
    assert refused["heavy"] == []


def test_a_question_still_loads_what_it_needs_and_is_answered(
    tmp_path: Path, make_knowledge_dir: Callable[..., Path]
) -> None:
    """The lazy imports change when things load, not what a question gets."""
    knowledge = make_knowledge_dir(KNOWLEDGE_FILES, name="knowledge")
    asked = _light_run(
        "--knowledge",
        knowledge,
        "--db",
        tmp_path / "t.db",
        "ask",
        "who died in yekaterinburg",
        cwd=tmp_path,
    )
    assert asked["code"] == 0
    assert "[deaths-in-custody" in str(asked["out"])
    assert "bot.core.matcher" in asked["heavy"]
    # The general word lists a question needs are read from wordfreq's files, without the
    # fifth of a second of CPU that importing wordfreq costs every process.
    assert "wordfreq" not in asked["heavy"]
