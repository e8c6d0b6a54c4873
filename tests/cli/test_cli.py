"""`python -m bot` as an operator runs it: real subprocesses on a temporary database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.actors import Actor
from bot.core.service import FactDraft, KnowledgeBase

TIMEOUT = 30


def run_cli(
    repo_root: Path, *args: str | Path, stdin: str = "", timeout: float = TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot ARGS`` from the repository root and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *(str(a) for a in args)],
        cwd=repo_root,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database file in the test's temporary directory (never the repository's data/)."""
    return tmp_path / "x.db"


def test_ask_prints_answer_source_and_id(repo_root: Path, db: Path) -> None:
    """`ask` prints the answer, where it comes from and the fact id."""
    done = run_cli(repo_root, "ask", "why was the ambassador recalled", "--db", db)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Baku called its ambassador in Moscow back" in out
    assert "source: Tension escalating between Baku and Moscow" in out
    assert "[ambassador-recalled · score" in out
    assert db.exists()


def test_ask_json_prints_one_object_with_results(repo_root: Path, db: Path) -> None:
    """`ask --json` prints one JSON object per question, each result with id/answer/score/source."""
    done = run_cli(repo_root, "ask", "--json", "why was the ambassador recalled", "--db", db)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    payload = json.loads(lines[0])
    assert set(payload) == {"question", "decision", "results"}
    assert payload["question"] == "why was the ambassador recalled"
    assert payload["decision"] == "answer"
    assert len(payload["results"]) == 1
    (result,) = payload["results"]
    assert set(result) == {"id", "answer", "score", "source"}
    assert result["id"] == "ambassador-recalled"
    assert 0.0 <= result["score"] <= 1.0
    assert set(result["source"]) == {"title", "url", "published"}
    assert result["source"]["published"] == "2025-07-01"


def test_ask_reads_questions_from_stdin(repo_root: Path, db: Path) -> None:
    """`ask --json -` answers each non-blank stdin line with its own JSON line, in order."""
    stdin = "why was the ambassador recalled\n\nwhat is the capital of france\n"
    done = run_cli(repo_root, "ask", "--json", "-", "--db", db, stdin=stdin)
    assert done.returncode == 0, done.stderr
    payloads = [json.loads(line) for line in done.stdout.splitlines()]
    assert [p["question"] for p in payloads] == [
        "why was the ambassador recalled",
        "what is the capital of france",
    ]
    assert [p["decision"] for p in payloads] == ["answer", "unknown"]
    assert payloads[0]["results"][0]["id"] == "ambassador-recalled"


def test_ask_top_three(repo_root: Path, db: Path) -> None:
    """`ask --top 3` shows the three best facts, best first."""
    question = "ambassador recalled azerbaijan russia"
    done = run_cli(repo_root, "ask", "--top", "3", question, "--db", db)
    assert done.returncode == 0, done.stderr
    ids = [
        line.strip()[1:].split(" ·")[0] for line in done.stdout.splitlines() if "· score" in line
    ]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert ids[0] == "ambassador-recalled"
    assert "#2" in done.stdout and "#3" in done.stdout


def test_kb_validate_shipped_knowledge(repo_root: Path) -> None:
    """`kb validate` on knowledge/ says OK and exits 0."""
    done = run_cli(repo_root, "kb", "validate", "knowledge")
    assert done.returncode == 0, done.stderr
    assert "knowledge: OK" in done.stdout
    assert "facts in 2 files" in done.stdout


def test_kb_validate_broken_directory(repo_root: Path, tmp_path: Path) -> None:
    """`kb validate` on a broken directory exits 1 listing 'file:line' located errors."""
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.yaml").write_text(
        "facts:\n  - id: a\n    questions: [x]\n  - id: b\n    answer: 42\n", encoding="utf-8"
    )
    done = run_cli(repo_root, "kb", "validate", broken)
    assert done.returncode == 1
    assert done.stdout == ""
    err = done.stderr.splitlines()
    assert "broken/a.yaml:2: fact 'a': missing required field 'answer'" in err
    assert "broken/a.yaml:5: fact 'b': 'answer' must be text, not a number" in err
    assert err[-1] == f"{broken}: 2 problem(s); nothing was loaded."
    assert "Traceback" not in done.stderr


def test_kb_stats(repo_root: Path, db: Path) -> None:
    """`kb stats` counts the shipped facts on a fresh database."""
    done = run_cli(repo_root, "kb", "stats", "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("facts: 16 from knowledge files, 0 added by users, 0 pending")
    assert "questions: 0 asked" in done.stdout


def test_kb_reload_with_a_knowledge_directory(repo_root: Path, tmp_path: Path) -> None:
    """`kb reload` brings in a tmp knowledge dir and reports what was added."""
    knowledge = tmp_path / "k"
    knowledge.mkdir()
    (knowledge / "volcano.yaml").write_text(
        "facts:\n  - id: tolbachik\n    answer: The volcano Tolbachik erupted.\n",
        encoding="utf-8",
    )
    config = tmp_path / "bot.yaml"
    config.write_text("reload_knowledge_on_start: false\ndatabase: x.db\n", encoding="utf-8")
    done = run_cli(repo_root, "kb", "reload", "--config", config, "--knowledge", knowledge)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Knowledge reloaded: 1 facts from 1 files.",
        "  added (1): tolbachik",
    ]
    assert (tmp_path / "x.db").exists()

    (knowledge / "volcano.yaml").write_text("facts:\n  - id: tolbachik\n", encoding="utf-8")
    broken = run_cli(repo_root, "kb", "reload", "--config", config, "--knowledge", knowledge)
    assert broken.returncode == 1
    assert "k/volcano.yaml:2: fact 'tolbachik': missing required field 'answer'" in broken.stderr
    assert "The knowledge in service was not changed." in broken.stderr


def test_fact_add_then_ask_finds_it(repo_root: Path, db: Path) -> None:
    """A fact added with `fact add` is answered by the next `ask`."""
    added = run_cli(
        repo_root,
        "fact",
        "add",
        "The volcano Tolbachik on Kamchatka erupted in 2025.",
        "-q",
        "did tolbachik erupt",
        "-s",
        "https://example.org/volcano",
        "--db",
        db,
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Added volcano-tolbachik-kamchatka-erupted-2025."
    done = run_cli(repo_root, "ask", "--json", "did tolbachik erupt", "--db", db)
    payload = json.loads(done.stdout)
    assert payload["decision"] == "answer"
    assert payload["results"][0]["id"] == "volcano-tolbachik-kamchatka-erupted-2025"
    assert payload["results"][0]["source"]["url"] == "https://example.org/volcano"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--config", "no-such-settings.yaml", "ask", "hello"), "settings file not found"),
        (("ask", "--top", "0", "hello"), "--top must be 1 or more"),
        (("fact", "show", "no-such-fact"), "There is no fact with id 'no-such-fact'."),
    ],
    ids=["missing-config", "top-zero", "unknown-fact"],
)
def test_user_mistakes_exit_2_with_one_line(
    repo_root: Path, db: Path, args: tuple[str, ...], message: str
) -> None:
    """Operator mistakes exit 2 with a single 'error:' line on stderr, never a traceback."""
    done = run_cli(repo_root, *args, "--db", db)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: ")
    assert message in lines[0]
    assert "Traceback" not in done.stderr


def test_chat_answers_and_quits(repo_root: Path, db: Path) -> None:
    """The console chat answers a question, runs 'kb stats' and leaves on 'quit'."""
    stdin = "why was the ambassador recalled\nkb stats\nquit\n"
    done = run_cli(repo_root, "chat", "--db", db, stdin=stdin)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Baku called its ambassador in Moscow back" in out
    assert "facts: 16 from knowledge files" in out
    assert "questions: 1 asked, 1 answered" in out
    assert out.rstrip().endswith("bye")


async def test_knowledge_id_clash_does_not_hang_the_cli(repo_root: Path, tmp_path: Path) -> None:
    """A knowledge file reusing a user fact's id does not leave `ask` hanging."""
    knowledge = tmp_path / "k"
    knowledge.mkdir()
    (knowledge / "a.yaml").write_text(
        "facts:\n  - id: tolbachik\n    answer: The volcano Tolbachik erupted.\n",
        encoding="utf-8",
    )
    db = tmp_path / "x.db"
    kb = await KnowledgeBase.open(db, knowledge)
    try:
        added = await kb.add_fact(FactDraft("Baku hosts a grand prix."), Actor.operator())
    finally:
        await kb.close()
    (knowledge / "b.yaml").write_text(
        f"facts:\n  - id: {added.id}\n    answer: A file fact.\n", encoding="utf-8"
    )
    try:
        done = run_cli(
            repo_root, "ask", "tolbachik", "--db", db, "--knowledge", knowledge, timeout=4
        )
    except subprocess.TimeoutExpired:
        pytest.fail("`python -m bot ask` hung after a start-up reload failure")
    assert done.returncode in (0, 2)
