"""The seed article, ingested and approved as is, answers the seed questions well enough.

Only the draft's facts (and the seed synonyms.yaml) are used. The seed questions name the
curated facts in tests/data/knowledge/; a drafted fact has its own id, so a question counts as
answered right when the top draft fact's answer states the claim of the curated fact it is
about, per ``data/seed_answer_key.yaml`` (written from the curated facts, not from the drafts).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.composition import open_knowledge_base_at
from bot.core.actors import Actor
from bot.core.models import Decision
from bot.core.service import StartMode
from bot.ingest.pipeline import ingest

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_ARTICLE = REPO_ROOT.parent / "shared" / "seed" / "000_f9b403c19cd4f1eb.txt"
SEED_QUESTIONS = REPO_ROOT / "tests" / "data" / "seed_questions.yaml"
ANSWER_KEY = Path(__file__).resolve().parent / "data" / "seed_answer_key.yaml"
MIN_TOP1 = 0.70

pytestmark = pytest.mark.skipif(
    not SEED_ARTICLE.is_file(), reason=f"seed article not found at {SEED_ARTICLE}"
)


def states(answer: str, claim: dict[str, list[list[str]]]) -> bool:
    return any(all(re.search(p, answer, re.IGNORECASE) for p in alt) for alt in claim["any"])


@pytest.fixture
async def approved_seed(tmp_path: Path, seed_knowledge_dir: Path) -> Any:
    """A knowledge base holding only the seed article's draft, approved with no edits."""
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    shutil.copy(seed_knowledge_dir / "synonyms.yaml", knowledge / "synonyms.yaml")
    kb = await open_knowledge_base_at(
        tmp_path / "db.sqlite", knowledge, start=StartMode.SERVE_STORED
    )
    try:
        result = await ingest(kb, str(SEED_ARTICLE), local_files=True)
        (drafted,) = result.drafted
        outcome = await kb.review(drafted.path.name, Actor.operator(), approve=True)
        assert outcome is not None
        yield kb, drafted.draft
    finally:
        await kb.close()


async def test_seed_draft_answers_the_seed_questions(approved_seed: Any) -> None:
    """At least 70% of the seed questions get a right top answer from the draft alone."""
    kb, draft = approved_seed
    assert {f.id for f in kb.matcher.facts()} == {f.id for f in draft.facts}
    seed = yaml.safe_load(SEED_QUESTIONS.read_text("utf-8"))
    key = yaml.safe_load(ANSWER_KEY.read_text("utf-8"))
    assert set(key) == {item["id"] for item in seed["answerable"]}
    wrong = []
    for item in seed["answerable"]:
        best = kb.matcher.ask(item["q"]).best
        if best is None or not states(best.fact.answer, key[item["id"]]):
            got = f"{best.fact.id} ({best.score:.2f})" if best else "nothing"
            wrong.append(f"  {item['q']!r} ({item['id']}): got {got}")
    total = len(seed["answerable"])
    top1 = (total - len(wrong)) / total
    assert top1 >= MIN_TOP1, f"top-1 {top1:.3f} < {MIN_TOP1}:\n" + "\n".join(wrong)
    off_topic = [q for q in seed["off_topic"] if kb.matcher.ask(q).decision is Decision.ANSWER]
    assert len(off_topic) <= 2, off_topic


async def test_seed_repeats_come_out_as_one_fact_each(approved_seed: Any) -> None:
    """What the article states two or three times is one fact in the draft."""
    _, draft = approved_seed
    answers = [f.answer for f in draft.facts]
    for repeated in (
        "assert greater independence from Moscow",  # said three times
        "flashpoint in a broader geopolitical struggle",  # said three times
        "independent international investigation",  # said twice
        "sharp crisis|further escalated",  # "the incident deepened the crisis", twice
    ):
        holders = [a for a in answers if re.search(repeated, a)]
        assert len(holders) == 1, (repeated, holders)
    assert draft.merged >= 4
    assert len(draft.facts) == len(set(answers))


async def test_seed_referents_are_resolved(approved_seed: Any) -> None:
    """Referents such as "the incident" and "the two countries" are written out."""
    _, draft = approved_seed
    answers = " ".join(f.answer for f in draft.facts)
    assert "between Russia and Azerbaijan" in answers
    assert "The incident" not in answers and "the two countries" not in answers
    recall = next(f for f in draft.facts if "recalled its ambassador" in f.answer)
    assert not recall.answer.startswith("In response")
    assert recall.related  # linked to the demand it answers
