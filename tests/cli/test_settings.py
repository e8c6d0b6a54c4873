"""Which settings, knowledge and database the CLI uses, said out loud; nothing made up
silently: no empty database in a mistyped folder, no answers from a knowledge folder that
is not there."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.core.service import MAX_ASK_CHARS

from .harness import KNOWLEDGE_FILES, Cli, run_program

NO_KNOWLEDGE = (
    "error: no knowledge folder at knowledge: run from the project folder, or pass "
    "--config/--knowledge"
)
TAB_PROBLEM = "YAML syntax error: tabs are not allowed for indentation; use spaces"


def write_settings(folder: Path, text: str = "") -> Path:
    """``folder/bot.yaml`` with ``text``, next to a copy of the tests' knowledge folder."""
    folder.mkdir(exist_ok=True)
    knowledge = folder / "kb"
    knowledge.mkdir()
    for name, content in KNOWLEDGE_FILES.items():
        (knowledge / name).write_text(content, encoding="utf-8")
    config = folder / "bot.yaml"
    config.write_text(f"knowledge_dir: kb\n{text}", encoding="utf-8")
    return config


# ------------------------------------------------------------------ the database's folder
def test_database_in_a_missing_folder_is_refused(cli: Cli, knowledge: Path, tmp_path: Path) -> None:
    """`--db` in a folder that does not exist (a typo) is refused, not created empty."""
    done = cli("ask", "hello", "--db", tmp_path / "dta" / "x.db")
    assert done.code == 2
    assert done.err.splitlines() == [
        f"error: the folder {tmp_path / 'dta'} of the database {tmp_path / 'dta' / 'x.db'} "
        "does not exist: create it, or give a database path in an existing folder"
    ]
    assert not (tmp_path / "dta").exists()


def test_settings_database_in_a_missing_folder_is_refused(cli: Cli, tmp_path: Path) -> None:
    """`database:` in a settings file, in a folder that does not exist, is refused too."""
    config = write_settings(tmp_path / "conf", "database: dta/x.db\n")
    done = cli("ask", "hello", "--config", config)
    assert done.code == 2
    assert "dta of the database" in done.err and len(done.err.splitlines()) == 1
    assert not (tmp_path / "conf" / "dta").exists()


def test_default_database_folder_is_created_and_said(
    cli: Cli, knowledge: Path, tmp_path: Path
) -> None:
    """The default database's folder (data/) is created when missing, and the CLI says so."""
    first = cli("kb", "reload")
    assert first.code == 0, first.err
    assert first.err.splitlines() == ["created the folder data for the database"]
    assert (tmp_path / "data" / "newsdesk.db").is_file()
    again = cli("ask", "why was the ambassador recalled")
    assert again.code == 0 and again.err == ""


# ----------------------------------------------------------------- the knowledge folder
@pytest.mark.parametrize(
    "args",
    [
        ("ask", "why was the ambassador recalled"),
        ("chat",),
        ("run",),
        ("kb", "stats"),
        ("kb", "reload"),
        ("kb", "drafts"),
        ("kb", "validate"),
        ("fact", "search", "ambassador"),
        ("ingest", "article.txt"),
    ],
    ids=lambda args: "-".join(args[:2]),
)
def test_missing_knowledge_folder_is_refused(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """Run outside the project folder, a command that reads knowledge/ says so in one line."""
    monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))
    done = cli(*args)
    assert done.code == 2
    assert done.err.splitlines() == [NO_KNOWLEDGE]
    assert done.out == ""
    assert not (tmp_path / "data").exists()


# ------------------------------------------------------------------ the settings file
@pytest.mark.parametrize("chosen_by", ["--config", "NEWSDESK_CONFIG", "--config over env"])
def test_settings_file_named_by_option_or_environment_is_used(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chosen_by: str
) -> None:
    """`--config FILE`, else `$NEWSDESK_CONFIG`, is the settings file, from any folder."""
    config = write_settings(tmp_path / "conf")
    options: tuple[str | Path, ...] = ()
    if chosen_by == "--config":
        options = ("--config", config)
    elif chosen_by == "NEWSDESK_CONFIG":
        monkeypatch.setenv("NEWSDESK_CONFIG", str(config))
    else:
        monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "not-this.yaml"))
        options = ("--config", config)
    done = cli("ask", "-v", "--json", "why was the ambassador recalled", *options)
    assert done.code == 0, done.err
    assert json.loads(done.out)["results"][0]["id"] == "ambassador-recalled"
    conf = tmp_path / "conf"
    assert (
        f"settings: {config}; knowledge: {conf / 'kb'}; database: {conf / 'data/newsdesk.db'}"
        in done.err.splitlines()
    )


def test_bot_yaml_in_the_current_folder_then_defaults(cli: Cli, tmp_path: Path) -> None:
    """Without --config or $NEWSDESK_CONFIG: ./bot.yaml when present, else built-in defaults."""
    write_settings(tmp_path)
    with_file = cli("kb", "stats", "-v", "--db", "x.db")
    assert "settings: bot.yaml; knowledge: kb; database: x.db" in with_file.err.splitlines()
    (tmp_path / "bot.yaml").unlink()
    (tmp_path / "kb").rename(tmp_path / "knowledge")
    defaults = cli("kb", "stats", "-v", "--db", "x.db")
    assert (
        "settings: built-in defaults; knowledge: knowledge; database: x.db"
        in defaults.err.splitlines()
    )


def test_settings_file_named_in_environment_but_missing_is_refused(
    cli: Cli, knowledge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`$NEWSDESK_CONFIG` naming a file that is not there is refused, not run on defaults."""
    monkeypatch.setenv("NEWSDESK_CONFIG", "settings/newsdesk.yaml")
    done = cli("ask", "hello", "--db", "x.db")
    assert done.code == 2
    assert done.err.splitlines() == ["error: settings/newsdesk.yaml: settings file not found"]


@pytest.mark.parametrize("command", ["chat", "run"])
def test_console_says_which_settings_knowledge_and_database(
    cli: Cli, knowledge: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """`chat` (and `run` without a token) name the settings, knowledge and database at start."""
    monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))
    done = cli(command, "--db", "x.db")
    assert done.code == 0, done.err
    assert "settings: built-in defaults; knowledge: knowledge; database: x.db" in (
        done.out.splitlines()
    )


def test_setup_is_named_only_with_verbose(cli: Cli, knowledge: Path) -> None:
    """Other commands name their settings, knowledge and database on stderr only with -v."""
    assert cli("kb", "reload", "--db", "x.db").code == 0
    quiet = cli("kb", "stats", "--db", "x.db")
    assert quiet.err == ""
    verbose = cli("kb", "stats", "--db", "x.db", "-v")
    assert "settings: built-in defaults; knowledge: knowledge; database: x.db" in verbose.err
    assert quiet.out == verbose.out


# ------------------------------------------------------------------- what is said
def test_long_question_says_only_its_start_was_read(cli: Cli, knowledge: Path) -> None:
    """A question over the length cap answers, and says that only its start was read."""
    question = "why was the ambassador recalled " * 30
    assert cli("kb", "reload", "--db", "x.db").code == 0
    plain = cli("ask", question, "--db", "x.db")
    assert plain.code == 0, plain.err
    assert "[ambassador-recalled · score" in plain.out
    assert plain.err.splitlines() == [
        f"note: the question is long; only its first {MAX_ASK_CHARS} characters were read"
    ]
    payload = json.loads(cli("ask", "--json", question, "--db", "x.db").out)
    assert payload["truncated"] is True
    short = json.loads(cli("ask", "--json", "why was the ambassador recalled").out)
    assert "truncated" not in short


def test_tab_in_a_knowledge_file_is_named(cli: Cli) -> None:
    """A tab indenting a knowledge file is named as such, with its file and line."""
    folder = Path("kb")
    folder.mkdir()
    (folder / "a.yaml").write_text("facts:\n\t- id: a\n\t  answer: hi\n", encoding="utf-8")
    done = cli("kb", "validate", folder)
    assert done.code == 1
    assert done.err.splitlines()[0] == f"kb/a.yaml:2: {TAB_PROBLEM}"


def test_tab_in_the_settings_file_is_named(cli: Cli, knowledge: Path, tmp_path: Path) -> None:
    """A tab indenting bot.yaml is named as such, with the line, in one line."""
    (tmp_path / "bot.yaml").write_text("discord:\n\tcommand_prefix: '?'\n", encoding="utf-8")
    done = cli("kb", "stats", "--db", "x.db")
    assert done.code == 2
    assert done.err.splitlines() == [f"error: bot.yaml:2: {TAB_PROBLEM}"]


def test_kb_reload_reports_each_problem_once(tmp_path: Path, knowledge: Path) -> None:
    """`kb reload` of a broken knowledge file shows each problem once, not twice."""
    (knowledge / "volcano.yaml").write_text("facts:\n  - id: tolbachik\n", encoding="utf-8")
    done = run_program("kb", "reload", "--db", tmp_path / "x.db", cwd=tmp_path)
    err = done.stderr.decode()
    assert done.returncode == 1
    problem = "knowledge/volcano.yaml:2: fact 'tolbachik': missing required field 'answer'"
    assert err.count(problem) == 1, err
    assert err.splitlines() == [problem, "The knowledge in service was not changed."]
