"""Every file in the live knowledge/ folder is one the bot can serve.

This is the one test that reads the live folder. Moderators add and approve files there every
day, so nothing here pins a count, a file name or a fact id: each file, whatever it is, must
load without a problem, the folder must load as a whole (ids unique across files, ``related``
ids that exist, valid synonym groups), and each fact must be askable and say where it comes
from. How well the bot answers is measured on the frozen seed copy (test_seed_quality.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.fact_file import load_file
from bot.core.knowledge_errors import KnowledgeError
from bot.core.knowledge_yaml import SYNONYMS_FILE
from bot.core.loader import load_knowledge

REPO_ROOT = Path(__file__).resolve().parents[2]
LIVE_KNOWLEDGE = REPO_ROOT / "knowledge"


def fact_files(directory: Path) -> list[Path]:
    """The fact files (not synonyms.yaml) the loader reads from ``directory``."""
    files = [*directory.glob("*.yaml"), *directory.glob("*.yml")]
    return sorted(p for p in files if p.name != SYNONYMS_FILE)


LIVE_FACT_FILES = fact_files(LIVE_KNOWLEDGE)


def test_the_live_folder_loads_as_a_whole() -> None:
    """The bot starts on knowledge/ as it is: no clashing ids, dangling links or bad synonyms."""
    try:
        knowledge = load_knowledge(LIVE_KNOWLEDGE)
    except KnowledgeError as exc:
        pytest.fail(str(exc))
    assert knowledge.facts, "knowledge/ has no facts to answer from"


@pytest.mark.parametrize("path", LIVE_FACT_FILES, ids=lambda p: p.name)
def test_each_live_file_validates(path: Path) -> None:
    """Every file in knowledge/ loads without a single problem and holds facts."""
    facts, errors = load_file(path, f"knowledge/{path.name}")
    assert not errors, "\n".join(str(e) for e in errors)
    assert facts


@pytest.mark.parametrize("path", LIVE_FACT_FILES, ids=lambda p: p.name)
def test_each_live_fact_has_a_question_and_a_source(path: Path) -> None:
    """Each fact in knowledge/ can be asked for by a phrasing and says where it comes from."""
    facts, _ = load_file(path, f"knowledge/{path.name}")
    unasked = [f"knowledge/{path.name}:{f.line}: {f.id}" for f in facts if not f.questions]
    unsourced = [
        f"knowledge/{path.name}:{f.line}: {f.id}"
        for f in facts
        if f.source is None or f.source.is_empty()
    ]
    assert not unasked, "facts with no questions (add one):\n" + "\n".join(unasked)
    assert not unsourced, "facts with no source (add one):\n" + "\n".join(unsourced)
