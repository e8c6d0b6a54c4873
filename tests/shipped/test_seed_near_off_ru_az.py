"""Russian and Azerbaijani questions that no seed fact answers are held back (issues 11, 15).

tests/data/near_off_ru_az.yaml holds questions written for this test on the seed's
neighbourhood (other countries, people and events of the region, in the seed's own words) and
off it, asked of the frozen seed knowledge (tests/data/knowledge/). Before names no fact has
held an answer back, 29 of the 38 Russian ones and 25 of the 38 Azerbaijani ones were; the
floors below keep what was won. Those still answered outright name a person in lower case
("пашинян") or a thing no fact has ("выборы", "sülhməramlılar") in words that a paraphrase of
a fact uses as well.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.core.loader import load_knowledge
from bot.core.matcher import Matcher
from bot.core.models import Decision
from bot.core.text import Analyzer

MIN_HELD_BACK = {"ru": 0.9, "az": 0.8}


@pytest.fixture(scope="module")
def seed_matcher(seed_knowledge_dir: Path) -> Matcher:
    knowledge = load_knowledge(seed_knowledge_dir)
    return Matcher(knowledge.facts, analyzer=Analyzer(knowledge.synonyms))


@pytest.fixture(scope="module")
def questions(repo_root: Path) -> dict[str, dict[str, list[str]]]:
    path = repo_root / "tests" / "data" / "near_off_ru_az.yaml"
    data: dict[str, dict[str, list[str]]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("language", ["ru", "az"])
def test_most_questions_no_fact_answers_are_held_back(
    seed_matcher: Matcher, questions: dict[str, dict[str, list[str]]], language: str
) -> None:
    asked = [q for kind in questions[language].values() for q in kind]
    assert len(asked) >= 20
    answered = [q for q in asked if seed_matcher.ask(q).decision is Decision.ANSWER]
    held = 1 - len(answered) / len(asked)
    assert held >= MIN_HELD_BACK[language], f"answered outright: {answered}"


@pytest.mark.parametrize("language", ["ru", "az"])
def test_every_careful_question_naming_what_no_fact_names_is_held_back(
    seed_matcher: Matcher, questions: dict[str, dict[str, list[str]]], language: str
) -> None:
    answered = [
        q for q in questions[language]["careful"] if seed_matcher.ask(q).decision is Decision.ANSWER
    ]
    assert not answered
