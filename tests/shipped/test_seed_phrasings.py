"""The seed knowledge's phrasings reach a fact from the ways members ask (issues 11 and 15).

Round 9 replaced near-duplicate phrasings of the shipped seed facts (two phrasings holding the
same words) with ones in other words and registers: chat slang ("кипиш", "eli5"), what a
reader says for the step the fact states ("downgrade ties" for a recalled ambassador, "autopsy"
for the official cause of death), and the region's other names (Sverdlovsk, the Transcaucasus,
Zaqafqaziya). Round 10 replaced more of them: the Safarov brothers (the dead men's name in
the news, in all three languages), readers' idioms ("заварить кашу", "раскачивать лодку",
"dava qopdu", "мидовские") and words for the step a fact states ("azadlıqdan məhrum etmək",
"establish the cause of death"). The questions below were written for this test, not taken
from the bench's question sets or the facts' own phrasings; before its round's change none of
them was answered outright with its fact.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.loader import load_knowledge
from bot.core.matcher import Matcher
from bot.core.models import Decision
from bot.core.text import Analyzer

ASKED = [
    # the region's other names (knowledge/synonyms.yaml)
    ("what happened in sverdlovsk", "yekaterinburg-raid"),
    ("is russia losing the transcaucasus", "russian-influence-south-caucasus"),
    # chat registers
    ("can someone eli5 the azerbaijan russia situation", "crisis-overview"),
    ("чё за кипиш между москвой и азерами", "crisis-overview"),
    # a reader's own words for what the fact states
    ("did azerbaijan downgrade ties with moscow", "ambassador-recalled"),
    ("what did the autopsy find", "russian-investigation"),
    # round 10: the names readers give the dead men, in each language
    ("how did the safarov brothers die", "deaths-in-custody"),
    ("как погибли братья сафаровы", "deaths-in-custody"),
    ("safarov qardaşları necə öldü", "deaths-in-custody"),
    # round 10: idioms and slang for the start of the row, de-escalation and the ministry
    ("откуда взялась вся эта каша", "flashpoint"),
    ("как закрутилась вся эта история", "flashpoint"),
    ("dava necə qopdu", "flashpoint"),
    ("баку раскачивает лодку?", "azerbaijan-no-escalation"),
    ("мидовские что говорят", "russian-foreign-ministry-calm"),
    # round 10: a formal register's words for the step the fact states
    ("tərəflər bir-birini azadlıqdan məhrum edir?", "mutual-arrests"),
    ("who establishes the cause of death in russia", "russian-investigation"),
]


@pytest.fixture(scope="module")
def seed_matcher(seed_knowledge_dir: Path) -> Matcher:
    knowledge = load_knowledge(seed_knowledge_dir)
    return Matcher(knowledge.facts, analyzer=Analyzer(knowledge.synonyms))


@pytest.mark.parametrize(("question", "fact_id"), ASKED)
def test_a_members_wording_is_answered_with_its_fact(
    seed_matcher: Matcher, question: str, fact_id: str
) -> None:
    result = seed_matcher.ask(question)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == fact_id


@pytest.mark.parametrize("name", ["russia-azerbaijan-2025.yaml", "synonyms.yaml"])
def test_the_live_seed_and_the_tests_copy_are_the_same(
    repo_root: Path, seed_knowledge_dir: Path, name: str
) -> None:
    # The benchmarks and tests read the copy; the bot serves the live file: one text.
    live = (repo_root / "knowledge" / name).read_bytes()
    assert live == (seed_knowledge_dir / name).read_bytes()
