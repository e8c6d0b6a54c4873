"""The daily flow on the command line: ingest -> kb drafts -> kb approve/reject -> ask.

The flow runs the CLI in this process (``cli``): each command in a subprocess of its own cost
a Python start and the bot's imports (about 1 s of CPU) before its own work. The refusals run
the real program (``program``): their stderr must be one line, warnings included.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.cli import main
from bot.composition import open_knowledge_base_at
from bot.core.actors import Actor
from bot.core.service import Policy

REPO_ROOT = Path(__file__).resolve().parents[2]
FAIR_QUESTION = "why was the baku book fair postponed"


@dataclass(frozen=True)
class Done:
    """What a command printed and how it exited (as ``subprocess.run`` reports it)."""

    returncode: int
    stdout: str
    stderr: str


def cli(knowledge: Path, db: Path, *args: str) -> Done:
    """``python -m bot ARGS --knowledge K --db D`` from the checkout's root, in this process:
    in a thread of its own, so that async tests may call it while their loop runs."""
    out, err = io.StringIO(), io.StringIO()

    def run() -> int:
        here = Path.cwd()
        os.chdir(REPO_ROOT)  # where the real program ran: the checkout's bot.yaml applies
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                return main([*args, "--knowledge", str(knowledge), "--db", str(db)])
        finally:
            os.chdir(here)

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        code = pool.submit(run).result(timeout=60)
    return Done(code, out.getvalue(), err.getvalue())


def program(knowledge: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real ``python -m bot`` in a subprocess, for what only it shows (all of stderr)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args, "--knowledge", str(knowledge), "--db", str(db)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def ask_json(knowledge: Path, db: Path, question: str) -> dict[str, Any]:
    done = cli(knowledge, db, "ask", "--json", question)
    assert done.returncode == 0, done.stderr
    payload: dict[str, Any] = json.loads(done.stdout)
    return payload


def test_ingest_review_approve_ask(news_site: Any, knowledge_copy: Path, tmp_path: Path) -> None:
    """A URL is drafted, listed, not answered until approved, then answered."""
    db = tmp_path / "x.db"
    done = cli(knowledge_copy, db, "ingest", news_site.url("article.html"))
    assert done.returncode == 0, done.stderr
    name = "2025-06-20-flood-postpones-the-baku-book-fair.yaml"
    assert f"into drafts/{name}" in done.stdout
    assert "1 repeated statement(s) merged" in done.stdout
    assert "kb approve" in done.stdout

    listing = cli(knowledge_copy, db, "kb", "drafts")
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.startswith(f"drafts/{name}: ")
    assert "postponed to October" in listing.stdout

    validated = cli(knowledge_copy, db, "kb", "validate", str(knowledge_copy / "drafts"))
    assert validated.returncode == 0, validated.stderr

    assert ask_json(knowledge_copy, db, FAIR_QUESTION)["decision"] == "unknown"

    again = cli(knowledge_copy, db, "ingest", news_site.url("article.html"))
    assert again.returncode == 0 and "Already drafted, skipped" in again.stdout

    approved = cli(knowledge_copy, db, "kb", "approve", name)
    assert approved.returncode == 0, approved.stderr
    assert approved.stdout.startswith(f"Approved draft {name}")
    answer = ask_json(knowledge_copy, db, FAIR_QUESTION)
    assert answer["decision"] == "answer"
    assert "postponed to October" in answer["results"][0]["answer"]
    assert answer["results"][0]["source"]["url"] == news_site.url("article.html")
    assert cli(knowledge_copy, db, "kb", "drafts").stdout.strip() == "No drafts are waiting."
    # The answered fact's history names the draft file it was approved in (a long file name
    # wraps onto the next line of the history table, so read it as one line of words).
    fact_id = answer["results"][0]["id"]
    history = " ".join(cli(knowledge_copy, db, "fact", "history", fact_id).stdout.split())
    assert f"approve-draft by console: drafts/{name}" in history


def test_reject_a_draft_fact_then_the_file(
    news_site: Any, knowledge_copy: Path, tmp_path: Path
) -> None:
    """`kb reject ID` drops one draft fact; `kb reject FILE` the rest; nothing is answered."""
    db = tmp_path / "x.db"
    assert cli(knowledge_copy, db, "ingest", news_site.url("second.html")).returncode == 0
    drafts = sorted((knowledge_copy / "drafts").glob("*.yaml"))
    assert len(drafts) == 1
    first_id = drafts[0].read_text("utf-8").split("- id: ", 1)[1].split("\n", 1)[0]
    one = cli(knowledge_copy, db, "kb", "reject", first_id)
    assert one.returncode == 0, one.stderr
    assert one.stdout.startswith(f"Rejected draft fact {first_id}")
    rest = cli(knowledge_copy, db, "kb", "reject", drafts[0].stem)
    assert rest.returncode == 0, rest.stderr
    assert not drafts[0].exists()
    # Reviewed already: one line saying what the name was looked for as, exit 2.
    gone = cli(knowledge_copy, db, "kb", "approve", drafts[0].stem)
    assert gone.returncode == 2
    assert gone.stderr == (
        f"error: There is no draft file, draft fact or pending fact '{drafts[0].stem}' "
        "(kb drafts and kb pending list them).\n"
    )
    assert ask_json(knowledge_copy, db, "ganja railway station")["decision"] == "unknown"


async def test_pending_user_facts_keep_their_approve_command(
    knowledge_copy: Path, tmp_path: Path
) -> None:
    """`kb approve ID` of a pending member fact still approves it when no draft has that id."""
    db = tmp_path / "x.db"
    kb = await open_knowledge_base_at(db, knowledge_copy, policy=Policy(require_approval=True))
    try:
        from bot.core.service import FactInput

        member = Actor.discord_user(7, 1, is_moderator=False)
        fact = await kb.add_fact(FactInput("The Ganja tram line reopened in May 2025."), member)
    finally:
        await kb.close()
    done = cli(knowledge_copy, db, "kb", "approve", fact.id)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Approved {fact.id}: it is answered")


def test_unreachable_and_non_article_sources_fail_clearly(
    news_site: Any, closed_port_url: str, knowledge_copy: Path, tmp_path: Path
) -> None:
    """Refusals are one line on stderr with exit code 2, and no draft is written."""
    db = tmp_path / "x.db"
    for source, message in (
        (closed_port_url, "cannot be reached"),
        (news_site.url("login.html"), "does not look like a news article"),
        ("gopher://127.0.0.1/x", "not a web link"),
    ):
        done = program(knowledge_copy, db, "ingest", source)
        assert done.returncode == 2, (source, done.stdout, done.stderr)
        assert done.stderr.startswith("error: ") and message in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    assert not list((knowledge_copy / "drafts").glob("*.yaml"))
