"""A knowledge folder the bot may not write: ingest and approve say so in one line, lose nothing."""

from __future__ import annotations

from pathlib import Path

from .harness import REPO_ROOT, Cli
from .test_database import immutable

ARTICLE = REPO_ROOT / "tests" / "ingest" / "data" / "article.html"


def test_ingest_into_a_read_only_drafts_folder_is_one_line(
    cli: Cli, knowledge: Path, tmp_path: Path
) -> None:
    """`ingest` when knowledge/drafts cannot be written: one `error:` line, exit 2, no draft."""
    drafts = knowledge / "drafts"
    drafts.mkdir()
    with immutable(drafts):
        done = cli("ingest", ARTICLE, "--knowledge", knowledge, "--db", tmp_path / "x.db")
    assert done.code == 2
    assert done.err.startswith("error: Could not write the draft")
    assert "knowledge folder is writable" in done.err
    assert len(done.err.strip().splitlines()) == 1
    assert "Traceback" not in done.err
    assert list(drafts.iterdir()) == []


def test_approving_into_a_read_only_knowledge_folder_keeps_the_draft(
    cli: Cli, knowledge: Path, tmp_path: Path
) -> None:
    """`kb approve` when knowledge/ cannot be written: one line, the draft stays for later."""
    db = tmp_path / "x.db"
    assert cli("ingest", ARTICLE, "--knowledge", knowledge, "--db", db).code == 0
    (draft,) = (knowledge / "drafts").glob("*.yaml")
    before = draft.read_text(encoding="utf-8")
    files_before = sorted(p.name for p in knowledge.glob("*.yaml"))
    with immutable(knowledge):
        done = cli("kb", "approve", draft.stem, "--knowledge", knowledge, "--db", db)
    assert done.code == 2
    assert done.err.startswith("error: Could not move the draft into the knowledge folder")
    assert len(done.err.strip().splitlines()) == 1
    assert draft.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in knowledge.glob("*.yaml")) == files_before
