"""The news timeline on the command line: answers with their dates and what they superseded,
`latest`, `fact add --date --supersedes`, proposed updates, and located schema errors."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .harness import Cli

TIMELINE = Path(__file__).resolve().parents[1] / "data" / "timeline"


@pytest.fixture
def timeline(tmp_path: Path) -> Path:
    """The tests' timeline: five dated facts over two stories, two supersessions."""
    directory = tmp_path / "knowledge"
    shutil.copytree(TIMELINE, directory)
    return directory


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "newsdesk.db"


def ask_json(cli: Cli, db: Path, knowledge: Path, question: str) -> dict[str, object]:
    done = cli("ask", "--json", question, "--db", db, "--knowledge", knowledge)
    assert done.code == 0, done.err
    payload: dict[str, object] = json.loads(done.out)
    return payload


def test_how_many_died_after_a_revision_gives_the_revision_and_the_earlier_toll(
    cli: Cli, timeline: Path, db: Path
) -> None:
    payload = ask_json(cli, db, timeline, "how many died")
    assert payload["decision"] == "answer"
    (result,) = payload["results"]  # type: ignore[misc]
    assert result["id"] == "yekaterinburg-deaths-revised"
    assert (result["date"], result["date_kind"]) == ("2025-06-30", "event")
    assert result["superseded"] == [
        {
            "id": "yekaterinburg-deaths",
            "answer": "Two Azerbaijani men died in Russian police custody after the raid in "
            "Yekaterinburg.",
            "date": "2025-06-27",
            "date_kind": "event",
        }
    ]


def test_is_the_ambassador_back_prints_the_date_and_the_earlier_line(
    cli: Cli, timeline: Path, db: Path
) -> None:
    done = cli("ask", "is the ambassador back", "--db", db, "--knowledge", timeline)
    assert done.code == 0, done.err
    assert done.out.startswith("Azerbaijan's ambassador returned to Moscow")
    lines = [line.strip() for line in done.out.splitlines()]
    assert "date: 2025-09-10" in lines
    assert (
        "earlier: Azerbaijan recalled its ambassador from Moscow for consultations over the "
        "deaths in Yekaterinburg. (2025-06-29) [ambassador-recalled]"
    ) in lines
    # Asked the way the recall was asked: the same, newer answer.
    old_way = ask_json(cli, db, timeline, "why did azerbaijan recall its ambassador")
    assert [r["id"] for r in old_way["results"]] == ["ambassador-returned"]  # type: ignore[attr-defined]


def test_latest_groups_the_newest_facts_by_day_with_their_sources(
    cli: Cli, timeline: Path, db: Path
) -> None:
    done = cli("latest", "--db", db, "--knowledge", timeline)
    assert done.code == 0, done.err
    days = [line for line in done.out.splitlines() if line[:1].isdigit()]
    assert days == ["2025-09-10", "2025-06-30"]
    assert "ambassador-recalled" not in done.out and "yekaterinburg-deaths:" not in done.out
    assert "source: Newsdesk test timeline — 2025-07-01 <https://news.example.org/timeline>" in (
        done.out
    )
    on_topic = cli("latest", "sputnik", "--json", "--db", db, "--knowledge", timeline)
    payload = json.loads(on_topic.out)
    assert payload["topic"] == "sputnik"
    assert [f["id"] for f in payload["facts"]] == ["sputnik-arrests"]
    assert payload["facts"][0]["date"] == "2025-06-30"
    since = cli("latest", "--since", "2025-07-01", "--json", "--db", db, "--knowledge", timeline)
    assert [f["id"] for f in json.loads(since.out)["facts"]] == ["ambassador-returned"]
    bad = cli("latest", "--since", "30 june", "--db", db)
    assert (
        bad.code == 2
        and "is not a date like 2025-07-01" in bad.err
        and bad.err.startswith("error: --since")
    )


def test_fact_add_with_a_date_and_supersedes_answers_instead_of_the_older_fact(
    cli: Cli, timeline: Path, db: Path
) -> None:
    assert cli("kb", "reload", "--db", db, "--knowledge", timeline).code == 0
    done = cli(
        "fact",
        "add",
        "The two Sputnik Azerbaijan employees were released on bail.",
        "-q",
        "were the sputnik staff released",
        "--date",
        "2025-07-08",
        "--supersedes",
        "sputnik-arrests",
        "--db",
        db,
        "--knowledge",
        timeline,
    )
    assert done.code == 0, done.err
    new_id = done.out.split()[1].rstrip(".")
    payload = ask_json(cli, db, timeline, "were sputnik journalists arrested")
    (result,) = payload["results"]  # type: ignore[misc]
    assert result["id"] == new_id and result["date"] == "2025-07-08"
    assert [s["id"] for s in result["superseded"]] == ["sputnik-arrests"]
    shown = cli("fact", "show", new_id, "--db", db)
    assert "supersedes: sputnik-arrests" in shown.out and "date: 2025-07-08" in shown.out
    # Removed, the older fact answers again.
    assert cli("fact", "remove", new_id, "--db", db).code == 0
    again = ask_json(cli, db, timeline, "were sputnik journalists arrested")
    assert [r["id"] for r in again["results"]] == ["sputnik-arrests"]  # type: ignore[attr-defined]


def test_fact_add_refuses_an_unknown_superseded_id_in_one_line(
    cli: Cli, timeline: Path, db: Path
) -> None:
    assert cli("kb", "reload", "--db", db, "--knowledge", timeline).code == 0
    done = cli("fact", "add", "Something new.", "--supersedes", "nowhere", "--db", db)
    assert done.code == 2
    assert done.err.count("\n") == 1
    assert done.err.startswith("error: There is no fact with id 'nowhere' here to supersede")
    bad_date = cli("fact", "add", "Something new.", "--date", "2025-13-01", "--db", db)
    assert bad_date.code == 2 and "'2025-13-01' is not a date like 2025-07-01" in bad_date.err


def test_fact_add_proposes_the_update_and_fact_edit_confirms_it(
    cli: Cli, timeline: Path, db: Path
) -> None:
    assert cli("kb", "reload", "--db", db, "--knowledge", timeline).code == 0
    done = cli(
        "fact",
        "add",
        "Four Azerbaijani men have now died after the Yekaterinburg raid.",
        "-q",
        "how many people died in yekaterinburg",
        "--db",
        db,
    )
    assert done.code == 0, done.err
    added, note = done.out.splitlines()
    new_id = added.split()[1].rstrip(".")
    assert note == (
        "Note: this seems to update yekaterinburg-deaths-revised (2025-06-30): the number "
        "changed (three, two -> four). If it does, confirm with: fact edit "
        f"{new_id} --supersedes yekaterinburg-deaths-revised (on Discord: /fact edit supersedes:)"
    )
    # Only proposed: the file fact is not superseded until confirmed.
    shown = cli("fact", "show", new_id, "--db", db)
    assert "supersedes:" not in shown.out
    edited = cli("fact", "edit", new_id, "--supersedes", "yekaterinburg-deaths-revised", "--db", db)
    assert edited.code == 0, edited.err
    payload = ask_json(cli, db, timeline, "how many died")
    (result,) = payload["results"]  # type: ignore[misc]
    assert result["id"] == new_id
    assert [s["id"] for s in result["superseded"]] == [
        "yekaterinburg-deaths-revised",
        "yekaterinburg-deaths",
    ]


def test_kb_validate_locates_unknown_superseded_ids_and_cycles(
    cli: Cli, make_knowledge_dir: Callable[..., Path]
) -> None:
    text = (
        "facts:\n"
        "  - id: toll-two\n    answer: Two died.\n    supersedes: [toll-three]\n"
        "  - id: toll-three\n    answer: Three died.\n    supersedes: [toll-two]\n"
        "  - id: trial-moved\n    answer: The trial moved.\n    supersedes: [trial-set]\n"
    )
    directory = make_knowledge_dir({"news.yaml": text}, name="broken")
    done = cli("kb", "validate", directory)
    assert done.code == 1
    assert done.err.splitlines()[:3] == [
        "broken/news.yaml:8: fact 'trial-moved': 'supersedes' names unknown id 'trial-set'",
        "broken/news.yaml:2: fact 'toll-two': 'supersedes' makes a cycle: "
        "toll-two -> toll-three -> toll-two",
        "broken/news.yaml:5: fact 'toll-three': 'supersedes' makes a cycle: "
        "toll-three -> toll-two -> toll-three",
    ]


def test_the_chat_answers_with_the_earlier_line_and_lists_the_latest(
    cli: Cli, timeline: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("is the ambassador back\nlatest sputnik\nquit\n"))
    done = cli("chat", "--db", db, "--knowledge", timeline)
    assert done.code == 0, done.err
    assert "  date: 2025-09-10" in done.out
    assert "  earlier: Azerbaijan recalled its ambassador" in done.out
    assert "2025-06-30\n  sputnik-arrests: Police in Baku arrested" in done.out
