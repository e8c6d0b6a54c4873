"""The list of what BM25 answers that newsdesk does not (``bench.bm25_gap``) is made from the
older tune questions only: the report split is never shown question by question, and the fresh
tune sets judge changes as totals only. The questions and facts are this file's own."""

from __future__ import annotations

import pytest

from bench.bm25_gap import gaps, older_tune
from bench.fresh import FRESH_TUNE
from bench.heldout import KnowledgeBase, Question
from bot.core.models import Fact

FERRY = Fact("ferry-stopped", "The Kelmar ferry stopped on Monday.", ("did the ferry stop",))
FRESH = sorted(FRESH_TUNE)[0]


def _kb(group: str, *questions: Question) -> KnowledgeBase:
    return KnowledgeBase("own", group, [FERRY], (), list(questions))


def test_only_older_tune_english_questions_are_kept() -> None:
    kept = older_tune(
        [
            _kb(
                "seed",
                Question("did the ferry stop", "careful", "ferry-stopped", "tune", "own_1"),
                Question("ferry stopped??", "casual", "ferry-stopped", "report", "own_1"),
                Question("when did it stop", "careful", "ferry-stopped", "tune", FRESH),
            ),
            _kb("seed ru", Question("паром встал?", "casual", "ferry-stopped", "tune", "own_ru")),
        ]
    )
    assert [(kb.group, [q.text for q in kb.questions]) for kb in kept] == [
        ("seed", ["did the ferry stop"])
    ]


def test_a_report_question_is_refused_rather_than_compared() -> None:
    report = _kb("seed", Question("ferry stopped??", "casual", "ferry-stopped", "report", "own_1"))
    with pytest.raises(ValueError, match="older tune"):
        gaps([report])
