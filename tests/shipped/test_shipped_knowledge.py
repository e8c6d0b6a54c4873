"""The knowledge shipped in knowledge/: it validates, and it answers the seed questions well."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.loader import SYNONYMS_FILE, KnowledgeSet, load_file, load_knowledge
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import Decision
from bot.core.text import Analyzer

MIN_TOP1_ACCURACY = 0.95
MIN_ANSWERED_OUTRIGHT = 0.80
MIN_OFF_TOPIC_UNKNOWN = 0.90


@pytest.fixture(scope="module")
def knowledge(shipped_knowledge_dir: Path) -> KnowledgeSet:
    """The shipped knowledge directory, loaded."""
    return load_knowledge(shipped_knowledge_dir)


@pytest.fixture(scope="module")
def shipped_matcher(knowledge: KnowledgeSet) -> Matcher:
    """A matcher over the shipped facts and synonyms with the default settings."""
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


def fact_files(directory: Path) -> list[Path]:
    """The fact files (not synonyms.yaml) of the shipped knowledge directory."""
    return sorted(p for p in directory.glob("*.yaml") if p.name != SYNONYMS_FILE)


def test_there_is_shipped_knowledge(knowledge: KnowledgeSet) -> None:
    """The bot ships with facts and synonym groups to answer from."""
    assert len(knowledge.facts) >= 10
    assert knowledge.synonyms


@pytest.mark.parametrize(
    "file_name",
    [p.name for p in fact_files(Path(__file__).resolve().parents[2] / "knowledge")],
)
def test_each_knowledge_file_validates(shipped_knowledge_dir: Path, file_name: str) -> None:
    """Every shipped knowledge file loads without a single problem."""
    facts, errors = load_file(shipped_knowledge_dir / file_name, file_name)
    assert not errors, "\n".join(str(e) for e in errors)
    assert facts


def test_every_fact_has_three_questions_and_a_source(knowledge: KnowledgeSet) -> None:
    """Each shipped fact has at least three phrasings and says where it comes from."""
    thin = [f.id for f in knowledge.facts if len(f.questions) < 3]
    unsourced = [f.id for f in knowledge.facts if f.source is None or f.source.is_empty()]
    assert not thin, f"facts with fewer than 3 questions: {thin}"
    assert not unsourced, f"facts without a source: {unsourced}"


def test_seed_questions_name_existing_facts(knowledge: KnowledgeSet, seed: dict[str, Any]) -> None:
    """Every id in the seed set is a shipped fact, and every fact is covered by a seed question."""
    ids = {f.id for f in knowledge.facts}
    named = {item["id"] for item in seed["answerable"]}
    assert named <= ids, f"unknown ids in the seed set: {sorted(named - ids)}"
    assert ids <= named, f"facts without seed questions: {sorted(ids - named)}"


def test_quality_gate_on_seed_questions(shipped_matcher: Matcher, seed: dict[str, Any]) -> None:
    """The shipped knowledge answers the seed questions right and says 'unknown' off topic."""
    answerable = seed["answerable"]
    wrong: list[str] = []
    not_outright: list[str] = []
    for item in answerable:
        result = shipped_matcher.ask(item["q"])
        best = result.best
        got = f"{best.fact.id} {best.score:.2f}" if best else "nothing"
        line = f"  {item['q']!r}: expected {item['id']}, got {got} ({result.decision.value})"
        if best is None or best.fact.id != item["id"]:
            wrong.append(line)
        elif result.decision is not Decision.ANSWER:
            not_outright.append(line)
    answered_wrongly: list[str] = []
    for question in seed["off_topic"]:
        result = shipped_matcher.ask(question)
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


def test_why_was_the_ambassador_recalled(shipped_matcher: Matcher) -> None:
    """The headline question is answered with custody deaths, natural causes and the probe."""
    result = shipped_matcher.ask("why was the ambassador recalled")
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
