"""What each `python -m bot` command does with knowledge/ at start, run in-process via main().

Only `run` stores knowledge/ at start; `kb reload` stores it when asked and reports what really
changed; every reading command answers from what is stored (or, given `--knowledge`, from that
directory in memory) and never changes a stored fact.
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.cli.kb_commands import EMPTY_EXPORT
from bot.core.loader import KnowledgeReader

FACTS_YAML = """\
facts:
  - id: ambassador-recalled
    answer: Azerbaijan called its ambassador in Moscow home for consultations.
    questions: [why did azerbaijan recall its ambassador]
  - id: yekaterinburg-raid
    answer: Russian police raided a building in Yekaterinburg at night.
    questions: [what happened in yekaterinburg]
"""
EDITED_YAML = FACTS_YAML.replace("Russian police raided", "Russian security services raided")
VOLCANO_YAML = "facts:\n  - id: tolbachik\n    answer: The volcano Tolbachik erupted.\n"
DATABASE = Path("data/newsdesk.db")
CHANGED_NOTICE = "knowledge/ changed since it was last loaded; `kb reload` brings the changes in"


@pytest.fixture
def workdir(tmp_path: Path, make_knowledge_dir: Any, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory like a new user's checkout: knowledge/ and no bot.yaml, no token."""
    make_knowledge_dir({"facts.yaml": FACTS_YAML}, name="knowledge")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str, stdin: str = "") -> tuple[int, str, str]:
    """``python -m bot ARGS`` in this process: exit code, stdout, stderr."""
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stored(workdir: Path) -> tuple[set[tuple[str, str]], int]:
    """The stored file facts (id, answer) and the number of audit entries."""
    connection = sqlite3.connect(workdir / DATABASE)
    try:
        facts = connection.execute("SELECT id, answer FROM facts WHERE origin = 'file'")
        audit = connection.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
        return {(row[0], row[1]) for row in facts}, int(audit)
    finally:
        connection.close()


def test_kb_reload_reports_what_changed_since_it_was_stored(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kb reload` reports the facts that are new or edited in the folder, not 'no changes'."""
    code, out, _ = run(capsys, "kb", "reload")
    assert code == 0
    assert "added (2): ambassador-recalled, yekaterinburg-raid" in out
    (workdir / "knowledge" / "facts.yaml").write_text(EDITED_YAML, encoding="utf-8")
    code, out, _ = run(capsys, "kb", "reload")
    assert code == 0
    assert "changed (1): yekaterinburg-raid" in out
    code, out, _ = run(capsys, "kb", "reload")
    assert "no changes" in out


@pytest.mark.parametrize(
    "command",
    [
        ("ask", "what happened in yekaterinburg"),
        ("kb", "stats"),
        ("kb", "drafts"),
        ("kb", "export"),
        ("fact", "show", "yekaterinburg-raid"),
        ("fact", "search", "yekaterinburg"),
        ("fact", "history", "yekaterinburg-raid"),
        ("chat",),
    ],
    ids=lambda command: " ".join(command[:2]),
)
def test_reading_commands_never_change_stored_facts(
    workdir: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    """After knowledge/ changed, a reading command leaves the stored facts and their history
    as they were, and says in one stderr line that `kb reload` brings the changes in."""
    assert run(capsys, "kb", "reload")[0] == 0
    before = stored(workdir)
    (workdir / "knowledge" / "facts.yaml").write_text(EDITED_YAML, encoding="utf-8")
    code, out, err = run(capsys, *command, stdin="what happened in yekaterinburg\nquit\n")
    assert code == 0, err
    assert stored(workdir) == before
    said = err.splitlines()
    if command == ("kb", "export"):
        said.remove(EMPTY_EXPORT)  # nothing was added or taught here: the export says so too
    assert said == [CHANGED_NOTICE]
    if command[0] in ("ask", "chat"):
        assert "Russian police raided" in out


def test_ask_with_another_folder_answers_from_it_and_stores_nothing(
    workdir: Path, capsys: pytest.CaptureFixture[str], make_knowledge_dir: Any
) -> None:
    """`ask --knowledge OTHERDIR` answers from that folder, and the stored facts keep no trace
    of it: `fact history` shows no removal by the start."""
    assert run(capsys, "kb", "reload")[0] == 0
    before = stored(workdir)
    other = make_knowledge_dir({"volcano.yaml": VOLCANO_YAML}, name="other")
    code, out, _ = run(capsys, "ask", "--knowledge", str(other), "did tolbachik erupt")
    assert code == 0
    assert "The volcano Tolbachik erupted." in out
    assert stored(workdir) == before
    code, out, _ = run(capsys, "fact", "history", "ambassador-recalled")
    assert code == 0
    assert "startup" not in out and "remove" not in out


def test_first_ask_on_a_fresh_database_answers_from_the_folder(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new user's first `ask` answers from knowledge/, says on stderr that `kb reload` (or
    `run`) stores it, and stores no fact."""
    code, out, err = run(capsys, "ask", "why did azerbaijan recall its ambassador")
    assert code == 0
    assert "Azerbaijan called its ambassador in Moscow home" in out
    assert err.splitlines()[-1].endswith("`kb reload` (or `run`) stores it")
    assert stored(workdir) == (set(), 0)


def test_run_stores_the_folder_at_start_and_skips_it_when_unchanged(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`run` (here the console chat, no token) stores knowledge/ at start; started again with
    nothing changed, it reads no knowledge file at all."""
    code, out, _ = run(capsys, "run", stdin="quit\n")
    assert code == 0 and out.rstrip().endswith("bye")
    facts, _ = stored(workdir)
    assert {fact_id for fact_id, _ in facts} == {"ambassador-recalled", "yekaterinburg-raid"}

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("knowledge/ was read although nothing changed")

    monkeypatch.setattr(KnowledgeReader, "load", no_reading)
    code, out, _ = run(capsys, "run", stdin="what happened in yekaterinburg\nquit\n")
    assert code == 0
    assert "Russian police raided" in out


def test_kb_backup_writes_a_copy_through_the_service(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kb backup FILE` writes a complete, intact copy and names both files."""
    assert run(capsys, "kb", "reload")[0] == 0
    code, out, _ = run(capsys, "kb", "backup", "copy.db")
    assert code == 0
    assert out.strip() == f"Backed up {DATABASE} to copy.db."
    connection = sqlite3.connect(workdir / "copy.db")
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("SELECT COUNT(*) FROM facts").fetchone() == (2,)
    finally:
        connection.close()
