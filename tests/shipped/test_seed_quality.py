"""The seed knowledge answers the seed questions well (the quality gate).

Measured on tests/data/knowledge/, the frozen copy of the knowledge the bot first shipped with
and that tests/data/seed_questions.yaml was written for, so that moderators' daily changes to
the live knowledge/ never move the figures. The live files are validated in
test_shipped_knowledge.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.loader import KnowledgeSet, load_knowledge
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import Decision
from bot.core.text import Analyzer

MIN_TOP1_ACCURACY = 0.95
MIN_ANSWERED_OUTRIGHT = 0.85
MIN_OFF_TOPIC_UNKNOWN = 0.90


@pytest.fixture(scope="module")
def knowledge(seed_knowledge_dir: Path) -> KnowledgeSet:
    """The seed knowledge directory, loaded."""
    return load_knowledge(seed_knowledge_dir)


@pytest.fixture(scope="module")
def seed_matcher(knowledge: KnowledgeSet) -> Matcher:
    """A matcher over the seed facts and synonyms with the default settings."""
    return Matcher(
        knowledge.facts, analyzer=Analyzer(knowledge.synonyms), settings=MatcherSettings()
    )


@pytest.fixture(scope="module")
def seed(repo_root: Path) -> dict[str, Any]:
    """tests/data/seed_questions.yaml: answerable questions with their fact ids, and off-topic."""
    data: dict[str, Any] = yaml.safe_load(
        (repo_root / "tests" / "data" / "seed_questions.yaml").read_text(encoding="utf-8")
    )
    return data


def test_there_is_seed_knowledge(knowledge: KnowledgeSet) -> None:
    """The seed has facts and synonym groups to answer from."""
    assert len(knowledge.facts) >= 10
    assert knowledge.synonyms


def test_every_fact_has_three_questions_and_a_source(knowledge: KnowledgeSet) -> None:
    """Each curated seed fact has at least three phrasings and says where it comes from."""
    thin = [f.id for f in knowledge.facts if len(f.questions) < 3]
    unsourced = [f.id for f in knowledge.facts if f.source is None or f.source.is_empty()]
    assert not thin, f"facts with fewer than 3 questions: {thin}"
    assert not unsourced, f"facts without a source: {unsourced}"


def test_seed_questions_name_existing_facts(knowledge: KnowledgeSet, seed: dict[str, Any]) -> None:
    """Every id in the seed set is a seed fact, and every fact is covered by a seed question."""
    ids = {f.id for f in knowledge.facts}
    named = {item["id"] for item in seed["answerable"]}
    assert named <= ids, f"unknown ids in the seed set: {sorted(named - ids)}"
    assert ids <= named, f"facts without seed questions: {sorted(ids - named)}"


def test_quality_gate_on_seed_questions(seed_matcher: Matcher, seed: dict[str, Any]) -> None:
    """The seed knowledge answers the seed questions right and says 'unknown' off topic."""
    answerable = seed["answerable"]
    wrong: list[str] = []
    not_outright: list[str] = []
    for item in answerable:
        result = seed_matcher.ask(item["q"])
        best = result.best
        got = f"{best.fact.id} {best.score:.2f}" if best else "nothing"
        line = f"  {item['q']!r}: expected {item['id']}, got {got} ({result.decision.value})"
        if best is None or best.fact.id != item["id"]:
            wrong.append(line)
        elif result.decision is not Decision.ANSWER:
            not_outright.append(line)
    answered_wrongly: list[str] = []
    for question in seed["off_topic"]:
        result = seed_matcher.ask(question)
        if result.decision is not Decision.UNKNOWN:
            best = result.best
            got = f"{best.fact.id} {best.score:.2f}" if best else "nothing"
            answered_wrongly.append(f"  {question!r}: {result.decision.value} {got}")

    total = len(answerable)
    top1 = (total - len(wrong)) / total
    outright = (total - len(wrong) - len(not_outright)) / total
    unknown = (len(seed["off_topic"]) - len(answered_wrongly)) / len(seed["off_topic"])
    report = (
        f"top-1 accuracy {top1:.3f} (min {MIN_TOP1_ACCURACY}), "
        f"answered outright {outright:.3f} (min {MIN_ANSWERED_OUTRIGHT}), "
        f"off-topic unknown {unknown:.3f} (min {MIN_OFF_TOPIC_UNKNOWN})\n"
        "wrong fact:\n" + "\n".join(wrong) + "\n"
        "right fact, but not answered outright:\n" + "\n".join(not_outright) + "\n"
        "off-topic not unknown:\n" + "\n".join(answered_wrongly)
    )
    assert top1 >= MIN_TOP1_ACCURACY, report
    assert outright >= MIN_ANSWERED_OUTRIGHT, report
    assert unknown >= MIN_OFF_TOPIC_UNKNOWN, report


def test_why_was_the_ambassador_recalled(seed_matcher: Matcher) -> None:
    """The headline question is answered with custody deaths, natural causes and the probe."""
    result = seed_matcher.ask("why was the ambassador recalled")
    assert result.decision is Decision.ANSWER
    assert result.best is not None
    assert result.best.fact.id == "ambassador-recalled"
    answer = result.best.fact.answer.lower()
    assert "custody" in answer
    assert "died" in answer or "deaths" in answer
    assert "natural causes" in answer
    assert "international investigation" in answer


def test_gate_thresholds_are_the_ones_the_bot_runs_with(repo_root: Path) -> None:
    """bot.yaml's matcher thresholds equal the defaults the quality gate measures."""
    from bot.config import load_settings

    shipped = load_settings(repo_root / "bot.yaml").matcher
    defaults = MatcherSettings()
    assert shipped.answer_threshold == defaults.answer_threshold
    assert shipped.suggest_threshold == defaults.suggest_threshold
