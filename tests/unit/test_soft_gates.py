"""The soft-gate design ``bench/calibrate.py`` measures (``MatcherSettings.soft_gates``, off by
default): the graded gates (near tie, coverage, phrasing words only, shared keyword) become
evidence the confidence weighs (``AnswerDecision.gate_features``) instead of vetoes, while the
safety rules (a fact lacking what is asked for, a place or thing no fact names) still hold a
question back however sure the model is. The estimate's comparison table counts each design's
right and wrong answers as the bot would give them.

The facts and questions are this file's own, never the live knowledge nor the bench's data.
"""

from __future__ import annotations

from bench.calibrate import Example, compared, gated_only, with_gates
from bot.core.answer_decision import BLOCKED, COVERAGE, ELSEWHERE, GATE_FEATURES, NEAR_TIE
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import Decision, Fact
from bot.core.text import Analyzer

FACTS = [
    Fact(
        "ferry-suspended",
        "The Caspian ferry from Alat to Turkmenbashi was suspended in October for repairs.",
        (
            "when was the caspian ferry suspended",
            "why was the caspian ferry suspended",
        ),
    ),
    Fact(
        "ferry-cargo-only",
        "The Caspian ferry from Alat to Turkmenbashi carries cargo only since October.",
        (
            "does the caspian ferry carry passengers",
            "what does the caspian ferry carry since october",
        ),
    ),
    Fact(
        "library-reopened",
        "The old library of Lankaran reopened in spring after the roof was rebuilt.",
        (
            "when did the lankaran library reopen",
            "why was the lankaran library closed",
            "what was rebuilt at the lankaran library",
        ),
    ),
]

TIED = "what happened to the caspian ferry in october"


SOFT = MatcherSettings(soft_gates=True)


def _matcher(settings: MatcherSettings | None = None) -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer(), settings=settings)


def _held(question: str, settings: MatcherSettings | None = None) -> tuple[str, ...]:
    matcher = _matcher(settings)
    ranked, asked = matcher.explain(question)
    return matcher.held_by(ranked, asked)


def test_a_near_tie_is_a_veto_by_default() -> None:
    assert _matcher().ask(TIED).decision is not Decision.ANSWER
    assert NEAR_TIE in _held(TIED)


def test_with_soft_gates_a_near_tie_is_evidence_not_a_veto() -> None:
    # With no weight on the tie's evidence, the two ferry facts' lead is the model's to judge:
    # confident enough, the first is answered.
    matcher = _matcher(SOFT)
    ranked, asked = matcher.explain(TIED)
    assert matcher.gate_features(ranked, asked, 0)[GATE_FEATURES.index("unclear")] == 1.0
    assert ranked[0].confidence >= matcher.settings.answer_threshold
    assert matcher.ask(TIED).decision is Decision.ANSWER
    assert _held(TIED, SOFT) == ()


def test_the_tie_s_evidence_lowers_the_confidence_by_its_weight() -> None:
    weights = tuple(-4.0 if name == "unclear" else 0.0 for name in GATE_FEATURES)
    matcher = _matcher(MatcherSettings(soft_gates=True, gate_calibration=weights))
    assert matcher.ask(TIED).decision is not Decision.ANSWER
    # A question the first fact leads clearly is not touched by that weight.
    assert matcher.ask("why was the caspian ferry suspended").decision is Decision.ANSWER


def test_a_place_no_fact_names_is_still_held_back() -> None:
    question = "when did the library in armenia reopen"
    assert ELSEWHERE in _held(question, SOFT)
    assert _matcher(SOFT).ask(question).decision is not Decision.ANSWER


def test_a_fact_lacking_what_is_asked_for_is_still_held_back() -> None:
    # The library fact gives no number of books: it cannot answer "how many".
    question = "how many books does the lankaran library hold"
    assert BLOCKED in _held(question, SOFT)


def test_a_coverage_floor_keeps_a_sliver_of_a_question_held() -> None:
    question = (
        "did the lankaran library flood during the storms and landslides that hit the "
        "southern villages last winter"
    )
    assert COVERAGE in _held(question, MatcherSettings(soft_gates=True, coverage_floor=1.0))
    assert COVERAGE not in _held(question, SOFT)


def _example(kb: str, *, right: bool, sure: bool, safe: bool, kind: str = "careful") -> Example:
    return Example(
        kb,
        kind,
        "q",
        (0.5,) * 12,
        right,
        False,
        sure,
        answered_when_sure=sure,
        answered_at_threshold=sure,
        gates=(0.0 if sure else 1.0, 0.0, 0.0, 0.0, 0.0, 0.0),
        safe_when_sure=(safe, safe, safe),
    )


def test_a_soft_gate_design_reads_the_gates_among_the_features() -> None:
    held = _example("seed", right=True, sure=False, safe=True)
    soft = with_gates(held, 0)
    assert soft.features == held.features + held.gates
    assert soft.answered_when_sure and soft.answered_at_threshold
    unsafe = _example("seed", right=True, sure=False, safe=False)
    assert not with_gates(unsafe, 0).answered_when_sure


def test_the_comparison_counts_right_and_wrong_outright_and_the_precise_threshold() -> None:
    rows = [_example("seed", right=True, sure=True, safe=True) for _ in range(19)]
    rows.append(_example("seed", right=False, sure=True, safe=True, kind="near"))
    predicted = [(row, 0.9) for row in rows[:-1]] + [(rows[-1], 0.75)]
    line = compared([("design", predicted)], 0.7).splitlines()[-1]
    # At 0.70 the near question is answered too (19 right, 1 wrong: 95%, precise enough).
    assert line.startswith("| design | 19 / 1 | 19 (0.50) |")


def test_the_gated_only_table_counts_what_a_soft_design_adds() -> None:
    rows = [
        _example("seed", right=True, sure=False, safe=True),
        _example("seed", right=False, sure=False, safe=True),
        _example("seed", right=True, sure=True, safe=True),
    ]
    soft = [with_gates(row, 0) for row in rows]
    predicted = [(soft[0], 0.95), (soft[1], 0.75), (soft[2], 0.99)]
    table = gated_only(rows, [("soft", predicted)], (0.7, 0.9))
    assert "| soft | hand-written en | 1 / 1 | 1 / 0 |" in table
