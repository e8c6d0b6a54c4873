"""The list of what BM25 answers that newsdesk does not (``bench.bm25_gap``) is made from the
older tune questions only: the report split is never shown question by question, and the fresh
tune sets judge changes as totals only. The questions and facts are this file's own."""

from __future__ import annotations

import pytest

from bench.bm25_gap import Gap, beside_runner_up, describe, gaps, older_tune
from bench.fresh import FRESH_TUNE
from bench.heldout import KnowledgeBase, Outcome, Question, matcher_for
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


QUAY = Fact(
    "quay-closed", "The Kelmar quay closed to lorries on Monday.", ("is the kelmar quay closed",)
)


def test_kinds_narrow_the_comparison_but_not_the_threshold_fit() -> None:
    # BM25 itself comes with the bench extra (`make bench`), which `make test` does not install.
    pytest.importorskip("bm25s", reason="bm25s comes with the bench extra")
    kb = KnowledgeBase(
        "own",
        "seed",
        [FERRY, QUAY],
        (),
        [
            Question("Did the Kelmar ferry stop on Monday?", "careful", "ferry-stopped", "tune"),
            Question("kelmar quay shut??", "casual", "quay-closed", "tune", "own_1"),
            Question("Is the Kelmar ferry sold?", "near", None, "tune", "own_1"),
        ],
    )
    found, tallies = gaps([kb], ("careful",))
    assert tallies["seed"]["answerable"] == 1
    assert tallies["seed"]["near/off"] == 1  # still asked: BM25's threshold is fitted on them
    assert all(gap.question.kind == "careful" for gap in found)


def test_the_runner_up_and_the_words_only_one_of_the_two_holds_are_shown() -> None:
    matcher = matcher_for(KnowledgeBase("own", "seed", [FERRY, QUAY], ()))
    ranked, asked = matcher.explain("did the kelmar ferry stop at the quay")
    line = beside_runner_up(ranked[0], ranked[1], asked)
    assert line.startswith("runner-up quay-closed")
    assert "only the first holds [ferri" in line
    assert "only the runner-up [quay" in line


def test_a_gap_is_described_with_its_runner_up_and_the_right_facts_rank() -> None:
    pytest.importorskip("bm25s", reason="bm25s comes with the bench extra")
    question = Question("did the kelmar ferry stop at the quay", "careful", "ferry-stopped", "tune")
    outcome = Outcome(question, "own", "ferry-stopped", 0.6, 0.6, False, ("confidence",))
    matcher = matcher_for(KnowledgeBase("own", "seed", [FERRY, QUAY], ()))
    text = describe(Gap("own", question, outcome, 3.0, 2.0), matcher)
    assert "right fact rank 1" in text
    assert "not among the candidates" not in text
    assert "runner-up quay-closed" in text
