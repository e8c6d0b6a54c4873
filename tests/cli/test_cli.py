"""`python -m bot` as an operator runs it, on a temporary database and a knowledge folder of
the tests' own. Most tests call ``main`` in this process; the real program runs in a
subprocess where its exit code, a hang or its pipes are the point."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from bot.composition import open_knowledge_base_at
from bot.core.actors import Actor
from bot.core.matcher import MatcherSettings
from bot.core.service import FactInput

from .harness import SOURCE_TITLE, Cli, run_program


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database file in the test's temporary directory (never the repository's data/)."""
    return tmp_path / "x.db"


VOLCANO_YAML = """\
facts:
  - id: tolbachik-eruption
    answer: The volcano Tolbachik on Kamchatka erupted in 2025.
    questions: [tolbachik volcano eruption]
  - id: tolbachik-ash
    answer: Ash from the Tolbachik volcano eruption fell on villages nearby.
    questions: [tolbachik volcano eruption ash]
  - id: tolbachik-flights
    answer: Flights near the Tolbachik volcano were diverted during the eruption.
    questions: [tolbachik volcano eruption flights]
  - id: baku-grand-prix
    answer: Baku hosts a Formula One grand prix on a street circuit every year.
    questions: [baku grand prix]
"""


def test_ask_prints_answer_source_and_id(cli: Cli, knowledge: Path, db: Path) -> None:
    """`ask` prints the answer, where it comes from and the fact id."""
    done = cli("ask", "why was the ambassador recalled", "--db", db)
    assert done.code == 0, done.err
    assert "Baku called its ambassador in Moscow back" in done.out
    assert f"source: {SOURCE_TITLE}" in done.out
    assert "[ambassador-recalled · score" in done.out
    assert db.exists()


def test_ask_json_prints_one_object_with_results(cli: Cli, knowledge: Path, db: Path) -> None:
    """`ask --json` prints one JSON object per question, each result with id/answer/score/source,
    its date (here the article's publication: the fact has no event date) and the facts it
    superseded (none)."""
    done = cli("ask", "--json", "why was the ambassador recalled", "--db", db)
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert len(lines) == 1
    payload = json.loads(lines[0])
    assert set(payload) == {"question", "decision", "results"}
    assert payload["question"] == "why was the ambassador recalled"
    assert payload["decision"] == "answer"
    assert len(payload["results"]) == 1
    (result,) = payload["results"]
    assert set(result) == {"id", "answer", "score", "source", "date", "date_kind", "superseded"}
    assert result["id"] == "ambassador-recalled"
    assert (result["date"], result["date_kind"]) == ("2025-07-01", "published")
    assert result["superseded"] == []
    assert 0.0 <= result["score"] <= 1.0
    assert set(result["source"]) == {"title", "url", "published"}
    assert result["source"]["published"] == "2025-07-01"


def test_ask_reads_questions_from_stdin(
    cli: Cli, knowledge: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ask --json -` answers each non-blank stdin line with its own JSON line, in order."""
    stdin = "why was the ambassador recalled\n\nwhat is the capital of france\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    done = cli("ask", "--json", "-", "--db", db)
    assert done.code == 0, done.err
    payloads = [json.loads(line) for line in done.out.splitlines()]
    assert [p["question"] for p in payloads] == [
        "why was the ambassador recalled",
        "what is the capital of france",
    ]
    assert [p["decision"] for p in payloads] == ["answer", "unknown"]
    assert payloads[0]["results"][0]["id"] == "ambassador-recalled"


def test_ask_top_three(cli: Cli, tmp_path: Path, db: Path) -> None:
    """`ask --top 3` shows the three best facts, best first."""
    volcano = tmp_path / "volcano"
    volcano.mkdir()
    (volcano / "volcano.yaml").write_text(VOLCANO_YAML, encoding="utf-8")
    done = cli(
        "ask", "--top", "3", "tolbachik volcano eruption", "--db", db, "--knowledge", volcano
    )
    assert done.code == 0, done.err
    ids = [line.strip()[1:].split(" ·")[0] for line in done.out.splitlines() if "· score" in line]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert ids[0] == "tolbachik-eruption"
    assert "#2" in done.out and "#3" in done.out
    assert "below the suggestion floor" not in done.out


def test_ask_top_lists_only_results_above_the_suggestion_floor(
    cli: Cli, knowledge: Path, db: Path
) -> None:
    """`ask --top 3` leaves out near-misses (and says how many); `--all` lists them too."""
    question = "why is azerbaijan turning to turkey"
    ranked = json.loads(cli("ask", "--top", "3", "--all", "--json", question, "--db", db).out)
    floor = MatcherSettings().suggest_threshold
    above = [r["id"] for r in ranked["results"] if r["score"] >= floor]
    below = len(ranked["results"]) - len(above)
    assert above[0] == "azerbaijan-turkey-pivot" and below >= 1

    plain = cli("ask", "--top", "3", question, "--db", db)
    assert plain.code == 0, plain.err
    assert plain.out.count("· score") == len(above)
    assert "[azerbaijan-turkey-pivot · score" in plain.out
    assert plain.out.rstrip().endswith(
        f"({below} more below the suggestion floor; --all lists them)"
    )

    listed = cli("ask", "--top", "3", "--json", question, "--db", db)
    payload = json.loads(listed.out)
    assert [r["id"] for r in payload["results"]] == above
    assert payload["omitted"] == below

    everything = cli("ask", "--top", "3", "--all", question, "--db", db)
    assert everything.out.count("· score") == 3
    assert "below the suggestion floor" not in everything.out
    everything_json = json.loads(
        cli("ask", "--top", "3", "--all", "--json", question, "--db", db).out
    )
    assert len(everything_json["results"]) == 3 and "omitted" not in everything_json


def test_ask_all_names_the_near_misses_of_an_unknown_question(
    cli: Cli, knowledge: Path, db: Path
) -> None:
    """An unknown question's near-misses are counted, and named (not answered) with --all."""
    question = "azerbaijan football league table"
    counted = cli("ask", "--top", "3", question, "--db", db)
    assert counted.out.startswith("I don't know that one yet.")
    assert counted.out.rstrip().endswith("(3 more below the suggestion floor; --all lists them)")
    named = cli("ask", "--top", "3", "--all", question, "--db", db)
    lines = named.out.splitlines()
    assert lines[0].startswith("I don't know that one yet.")
    assert lines[1] == "Closest facts, all below the suggestion floor:"
    assert len(lines) == 5 and all(" score" not in line for line in lines)


def test_kb_validate_a_knowledge_folder(cli: Cli, knowledge: Path) -> None:
    """`kb validate` on a good knowledge folder says OK and exits 0."""
    done = cli("kb", "validate", "knowledge")
    assert done.code == 0, done.err
    assert "knowledge: OK" in done.out
    assert "facts in 2 files" in done.out


def test_kb_validate_broken_directory(cli: Cli, tmp_path: Path) -> None:
    """`kb validate` on a broken directory exits 1 listing 'file:line' located errors."""
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.yaml").write_text(
        "facts:\n  - id: a\n    questions: [x]\n  - id: b\n    answer: 42\n", encoding="utf-8"
    )
    done = cli("kb", "validate", broken)
    assert done.code == 1
    assert done.out == ""
    err = done.err.splitlines()
    assert "broken/a.yaml:2: fact 'a': missing required field 'answer'" in err
    assert "broken/a.yaml:5: fact 'b': 'answer' must be text, not a number" in err
    assert err[-1] == f"{broken}: 2 problem(s); nothing was loaded."


def test_kb_stats(cli: Cli, knowledge: Path, db: Path) -> None:
    """`kb stats` counts the knowledge folder's facts on a fresh database."""
    done = cli("kb", "stats", "--db", db)
    assert done.code == 0, done.err
    assert done.out.startswith("facts: 5 from knowledge files, 0 added by users, 0 pending")
    assert "questions: 0 asked" in done.out


def test_kb_reload_with_a_knowledge_directory(cli: Cli, tmp_path: Path) -> None:
    """`kb reload` brings in a tmp knowledge dir and reports what was added."""
    knowledge = tmp_path / "k"
    knowledge.mkdir()
    (knowledge / "volcano.yaml").write_text(
        "facts:\n  - id: tolbachik\n    answer: The volcano Tolbachik erupted.\n",
        encoding="utf-8",
    )
    config = tmp_path / "bot.yaml"
    config.write_text("reload_knowledge_on_start: false\ndatabase: x.db\n", encoding="utf-8")
    done = cli("kb", "reload", "--config", config, "--knowledge", knowledge)
    assert done.code == 0, done.err
    assert done.out.splitlines() == [
        "Knowledge reloaded: 1 facts from 1 files.",
        "  added (1): tolbachik",
    ]
    assert (tmp_path / "x.db").exists()

    (knowledge / "volcano.yaml").write_text("facts:\n  - id: tolbachik\n", encoding="utf-8")
    broken = cli("kb", "reload", "--config", config, "--knowledge", knowledge)
    assert broken.code == 1
    assert "k/volcano.yaml:2: fact 'tolbachik': missing required field 'answer'" in broken.err
    assert "The knowledge in service was not changed." in broken.err


def test_kb_reload_reports_new_files_even_with_the_start_up_reload_on(
    cli: Cli, knowledge: Path, db: Path
) -> None:
    """`kb reload` says what it added, even with bot.yaml's default reload at start on."""
    assert cli("kb", "reload", "--db", db).code == 0
    assert cli("kb", "stats", "--db", db).code == 0
    (knowledge / "volcano.yaml").write_text(
        "facts:\n  - id: tolbachik\n    answer: The volcano Tolbachik erupted.\n",
        encoding="utf-8",
    )
    done = cli("kb", "reload", "--db", db)
    assert done.code == 0, done.err
    assert "  added (1): tolbachik" in done.out.splitlines()


def test_fact_add_then_ask_finds_it(cli: Cli, knowledge: Path, db: Path) -> None:
    """A fact added with `fact add` is answered by the next `ask`."""
    added = cli(
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
    assert added.code == 0, added.err
    assert added.out.strip() == "Added member-volcano-tolbachik-kamchatka-erupted-2025."
    done = cli("ask", "--json", "did tolbachik erupt", "--db", db)
    payload = json.loads(done.out)
    assert payload["decision"] == "answer"
    assert payload["results"][0]["id"] == "member-volcano-tolbachik-kamchatka-erupted-2025"
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
    cli: Cli, knowledge: Path, db: Path, args: tuple[str, ...], message: str
) -> None:
    """Operator mistakes exit 2 with a single 'error:' line on stderr, never a traceback."""
    done = cli(*args, "--db", db)
    assert done.code == 2
    assert done.out == ""
    lines = done.err.splitlines()
    assert len(lines) == 1, done.err
    assert lines[0].startswith("error: ")
    assert message in lines[0]


def test_the_real_program_exits_2_with_one_line(tmp_path: Path) -> None:
    """`python -m bot` itself exits 2 with one 'error:' line for a mistake."""
    done = run_program("--config", "no-such-settings.yaml", "ask", "hello", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().splitlines() == [
        "error: no-such-settings.yaml: settings file not found"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("asq", "hello"), "invalid choice: 'asq'"),
        (("ask", "--bogus", "hello"), "unrecognized arguments: --bogus"),
        (("ask", "--top"), "expected one argument"),
    ],
    ids=["mistyped-command", "unknown-option", "option-without-value"],
)
def test_a_mistyped_command_line_is_one_line_not_the_usage_block(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    """A typo on the command line is one 'error:' line pointing at --help, not argparse's
    usage block above it."""
    done = run_program(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == b""
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    assert message in lines[0]
    assert lines[0].endswith("--help).")


def test_chat_answers_and_quits(
    cli: Cli, knowledge: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The console chat answers a question, runs 'kb stats' and leaves on 'quit'."""
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("why was the ambassador recalled\nkb stats\nquit\n")
    )
    done = cli("chat", "--db", db)
    assert done.code == 0, done.err
    assert "Baku called its ambassador in Moscow back" in done.out
    assert "facts: 5 from knowledge files" in done.out
    assert "questions: 1 asked, 1 answered" in done.out
    assert done.out.rstrip().endswith("bye")


async def test_knowledge_id_clash_does_not_hang_the_cli(tmp_path: Path) -> None:
    """A knowledge file reusing a user fact's id does not leave `ask` hanging."""
    knowledge = tmp_path / "k"
    knowledge.mkdir()
    (knowledge / "a.yaml").write_text(
        "facts:\n  - id: tolbachik\n    answer: The volcano Tolbachik erupted.\n",
        encoding="utf-8",
    )
    db = tmp_path / "x.db"
    kb = await open_knowledge_base_at(db, knowledge)
    try:
        added = await kb.add_fact(FactInput("Baku hosts a grand prix."), Actor.operator())
    finally:
        await kb.close()
    (knowledge / "b.yaml").write_text(
        f"facts:\n  - id: {added.id}\n    answer: A file fact.\n", encoding="utf-8"
    )
    # A hang never ends, so the bound is only a ceiling that a finishing program never waits
    # out: 15 s, as it was, was run out on a loaded 2-core machine by a start that then ended.
    try:
        done = run_program("ask", "tolbachik", "--db", db, "--knowledge", knowledge, cwd=tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail("`python -m bot ask` hung after a start-up reload failure")
    assert done.returncode in (0, 1, 2)
