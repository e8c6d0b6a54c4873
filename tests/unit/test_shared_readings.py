"""Analysers of equal synonym tables share their readings of facts' texts
(``Analyzer.read_for_index``): an index made from shared readings is the index made from
nothing remembered, and answers alike; an analyser of other synonyms reads by its own table.

The facts are this file's own (an invented lakeside town), in English, Russian and Azerbaijani.
"""

from __future__ import annotations

import pytest

from bot.core import text
from bot.core.fact_index import FactIndex
from bot.core.matcher import Matcher
from bot.core.models import Fact, Translation
from bot.core.text import Analyzer

SYNONYMS = [["ferry", "boat"], ["Lindmere", "Линдмир", "Lindmir"]]
FACTS = [
    Fact(
        "lindmere-ferry-stopped",
        "The Lindmere ferry stopped running after the lake froze early in November.",
        ("why did the lindmere ferry stop", "is the boat to lindmere running"),
        tags=("ferry", "lake", "winter"),
        translations=(
            Translation(
                "ru",
                "Паром до Линдмира перестал ходить, когда озеро рано замёрзло в ноябре.",
                ("почему паром до линдмира перестал ходить",),
            ),
            Translation(
                "az",
                "Lindmir bərəsi göl noyabrda erkən donduqdan sonra işləməyi dayandırdı.",
                ("Lindmir bərəsi niyə dayandı",),
            ),
        ),
    ),
    Fact(
        "lindmere-bridge-planned",
        "The town council of Lindmere voted to build a footbridge across the narrows.",
        ("what will lindmere build across the narrows",),
        tags=("bridge", "council"),
    ),
]
QUESTIONS = [
    "why did the boat to lindmere stop",
    "what is the council building",
    "почему перестал ходить паром",
    "Lindmir bərəsi niyə işləmir",
]


def _made_alone(monkeypatch: pytest.MonkeyPatch) -> tuple[FactIndex, Analyzer]:
    """An index whose analyser finds no reading remembered, whatever was read before."""
    reading = Analyzer.read_for_index

    def afresh(
        self: Analyzer, fact_text: str, language: str, *, parts: bool = False
    ) -> tuple[text.Reading, text.Reading]:
        text._INDEXED.clear()
        return reading(self, fact_text, language, parts=parts)

    with monkeypatch.context() as patched:
        patched.setattr(Analyzer, "read_for_index", afresh)
        analyzer = Analyzer(SYNONYMS)
        return FactIndex(FACTS, analyzer=analyzer), analyzer


def _answers(matcher: Matcher) -> list[tuple[object, ...]]:
    shown = []
    for question in QUESTIONS:
        result = matcher.ask(question)
        shown.append((result.decision, [(m.fact.id, m.score) for m in result.matches]))
    return shown


def test_an_index_made_from_shared_readings_is_the_index_made_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    alone, alone_analyzer = _made_alone(monkeypatch)
    first = Analyzer(SYNONYMS)
    FactIndex(FACTS, analyzer=first)
    shared_analyzer = Analyzer([list(group) for group in SYNONYMS])  # equal, not the same
    shared = FactIndex(FACTS, analyzer=shared_analyzer)
    assert shared.export_state() == alone.export_state()
    # Words found spelled right while reading are noted by the analyser that reused the
    # reading too: they keep a Russian or Azerbaijani question's word from being "corrected".
    assert shared_analyzer._spelled_right == alone_analyzer._spelled_right
    assert shared_analyzer._spelled_right
    assert _answers(Matcher(FACTS, analyzer=Analyzer(SYNONYMS))) == _answers(
        Matcher(FACTS, analyzer=alone_analyzer)
    )


def test_an_analyser_of_other_synonyms_reads_by_its_own_table() -> None:
    with_boat = Analyzer(SYNONYMS)
    FactIndex(FACTS, analyzer=with_boat)
    without = Analyzer([["Lindmere", "Линдмир", "Lindmir"]])
    boat_question = "is the boat to lindmere running"
    own = [term for term, _, _ in without.read_for_index(boat_question, "en")[0]]
    shared = [term for term, _, _ in with_boat.read_for_index(boat_question, "en")[0]]
    # "boat" is the ferry's group's term for one of them only.
    assert own != shared
    assert own == [term for term, _, _ in without.analyze(boat_question, remember=False)]
    assert shared == [term for term, _, _ in with_boat.analyze(boat_question, remember=False)]
