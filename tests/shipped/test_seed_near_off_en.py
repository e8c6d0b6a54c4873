"""English questions that no seed fact answers are held back (issue 11, "never bluffs").

tests/data/near_off_en.yaml holds questions written for this test on the seed's neighbourhood:
the seed's own story (an ambassador recalled, deaths in custody, a presidential visit) told of
another country, its people or another year, asked of the frozen seed knowledge
(tests/data/knowledge/). Before countries and years no fact has held an answer back, 10 of the
36 near ones and none of the 6 careful ones were; now all are but one, which names another
people by its language ("French"). The questions naming what the facts do name are answered.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.core.loader import load_knowledge
from bot.core.matcher import Matcher
from bot.core.models import Decision
from bot.core.text import Analyzer

MIN_HELD_BACK = 0.9


@pytest.fixture(scope="module")
def seed_matcher(seed_knowledge_dir: Path) -> Matcher:
    knowledge = load_knowledge(seed_knowledge_dir)
    return Matcher(knowledge.facts, analyzer=Analyzer(knowledge.synonyms))


@pytest.fixture(scope="module")
def questions(repo_root: Path) -> dict[str, list[str]]:
    path = repo_root / "tests" / "data" / "near_off_en.yaml"
    data: dict[str, list[str]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def test_most_questions_no_fact_answers_are_held_back(
    seed_matcher: Matcher, questions: dict[str, list[str]]
) -> None:
    asked = [q for kind in ("near", "careful", "off") for q in questions[kind]]
    assert len(asked) >= 30
    answered = [q for q in asked if seed_matcher.ask(q).decision is Decision.ANSWER]
    held = 1 - len(answered) / len(asked)
    assert held >= MIN_HELD_BACK, f"answered outright: {answered}"


@pytest.mark.parametrize("kind", ["near", "off"])
def test_every_question_naming_another_country_or_year_is_held_back(
    seed_matcher: Matcher, questions: dict[str, list[str]], kind: str
) -> None:
    answered = [q for q in questions[kind] if seed_matcher.ask(q).decision is Decision.ANSWER]
    assert not answered


def test_questions_naming_what_the_facts_name_are_still_answered(
    seed_matcher: Matcher, questions: dict[str, list[str]]
) -> None:
    unanswered = [
        q for q in questions["named"] if seed_matcher.ask(q).decision is not Decision.ANSWER
    ]
    assert not unanswered
