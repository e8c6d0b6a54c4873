"""The confidence model's estimate (``bench/calibrate.py``) counts a question as answered
outright only when the bot would answer it: the matcher's own decision with the confidence in
question, so a question the bot holds back for another reason (it names a country no fact
names) is not counted as answered however sure the model is of it.

The facts are this file's own, never the live knowledge nor the bench's questions.
"""

from __future__ import annotations

from bench.calibrate import (
    EVERY_QUESTION,
    Example,
    FitChoice,
    Scored,
    chosen,
    compared,
    final_weights,
    fit,
    gates_pass,
    outright,
)
from bot.core.confidence import CALIBRATION_FEATURES
from bot.core.matcher import Matcher
from bot.core.models import Fact
from bot.core.text import Analyzer

FACTS = [
    Fact(
        "tram-line-opened",
        "A new tram line opened in Ganja in May, linking the railway station with the old town.",
        (
            "when did the ganja tram line open",
            "is there a tram in ganja",
            "what does the new tram in ganja connect",
        ),
    ),
    Fact(
        "market-rebuilt",
        "The covered market of Sheki reopened after two years of rebuilding with 300 stalls.",
        (
            "when did the sheki market reopen",
            "how many stalls does the sheki market have",
            "why was the sheki market closed",
        ),
    ),
]


def _gates(question: str, confidence: float) -> bool:
    matcher = Matcher(FACTS, analyzer=Analyzer())
    ranked, asked = matcher.explain(question)
    return gates_pass(matcher, ranked, asked, confidence)


def test_a_plain_match_passes_the_gates_when_confident() -> None:
    assert _gates("when did the tram line in ganja open", 1.0)


def test_a_question_held_back_for_naming_a_country_no_fact_names_never_passes() -> None:
    # The model may be sure of the tram fact, but the bot does not answer a question about
    # another country's tram outright; neither does the estimate count it as answered.
    question = "when did the tram line in france open"
    assert not _gates(question, 1.0)
    assert Matcher(FACTS, analyzer=Analyzer()).explain(question)[0][0].entry.fact.id == (
        "tram-line-opened"
    )


def _row(*, clear: bool, when_sure: bool, at_threshold: bool) -> Example:
    """A right answer, not blocked, whose gates were asked of a matcher."""
    return Example(
        "kb",
        "careful",
        "q",
        (),
        right=True,
        blocked=False,
        clear=clear,
        answered_when_sure=when_sure,
        answered_at_threshold=at_threshold,
    )


def test_a_confidence_below_the_threshold_is_never_answered() -> None:
    row = _row(clear=True, when_sure=True, at_threshold=True)
    assert not outright(row, 0.65, 0.7)
    assert outright(row, 0.75, 0.7)


def test_a_near_tie_broken_by_the_kind_of_question_needs_the_higher_confidence() -> None:
    # Answered at full confidence (its phrasing asks what is asked, the runner-up's does not),
    # not at one that only just passes the answer threshold.
    row = _row(clear=False, when_sure=True, at_threshold=False)
    assert outright(row, 0.9, 0.7)
    assert not outright(row, 0.75, 0.7)


def test_rows_not_asked_of_a_matcher_fall_back_to_the_gates_their_features_hold() -> None:
    blocked = Example("kb", "careful", "q", (), True, True, True)
    clear = Example("kb", "careful", "q", (), True, False, True)
    assert not outright(blocked, 0.99, 0.7)
    assert outright(clear, 0.99, 0.7)


def _example(
    *, right: bool, through: bool, features: tuple[float, ...], kind: str = "careful"
) -> Example:
    return Example(
        "kb",
        kind,
        "q",
        features,
        right,
        False,
        through,
        answered_when_sure=through,
        answered_at_threshold=through,
    )


def test_the_comparison_counts_right_and_wrong_outright_and_the_precise_threshold() -> None:
    rows = [_example(right=True, through=True, features=(0.5,)) for _ in range(19)]
    rows.append(_example(right=False, through=True, features=(0.5,), kind="near"))
    predicted = [(row, 0.9) for row in rows[:-1]] + [(rows[-1], 0.75)]
    line = compared([("design", predicted)], 0.7).splitlines()[-1]
    # At 0.70 the near question is answered too (19 right, 1 wrong: 95%, precise enough).
    assert line.startswith("| design | 19 / 1 | 19 (0.50) |")


def _rows() -> list[Example]:
    """Right answers where the first feature is high, wrong ones where it is low; the second
    feature is noise. The last two are held back by a gate, and right whatever the features."""
    rows = []
    for at in range(40):
        right = at % 2 == 0
        rows.append(
            _example(right=right, through=True, features=(1.0 if right else 0.0, at % 3, 0.0))
        )
    rows += [_example(right=True, through=False, features=(0.0, 1.0, 1.0)) for _ in range(2)]
    return rows


def test_a_feature_left_out_weighs_nothing_and_the_others_are_fitted() -> None:
    weights = fit(_rows(), 1.0, dropped=(1,))
    assert weights[2] == 0.0
    assert weights[1] > 1.0


def test_a_fit_on_what_the_gates_let_through_reads_no_held_back_question() -> None:
    through = FitChoice(1.0)
    assert [through.fitted_on(r) for r in _rows()].count(False) == 2
    assert all(EVERY_QUESTION.fitted_on(r) for r in _rows())


def test_a_feature_the_let_through_questions_never_vary_keeps_the_full_fit_s_weight() -> None:
    # The third feature is 0 in every question the gates let through, as "blocked" is: its
    # weight comes from the fit on every question, where it varies.
    rows = _rows()
    weights = final_weights(rows, FitChoice(1.0), lambda row: 1.0, lambda row: True)
    every = fit(rows, 1.0)
    assert weights[3] == every[3] != 0.0
    assert weights[1] != every[1]


def _scores(en: tuple[int, int, int], ru: int, drafts: int) -> dict[str, Scored]:
    right, wrong, precise = en
    return {
        "hand-written en": Scored(right, wrong, (precise, 0.85)),
        "seed ru": Scored(300, 10, (ru, 0.6)),
        "seed az": Scored(300, 10, (300, 0.6)),
        "drafts": Scored(drafts, 100, None),
    }


def test_the_shipped_fit_is_the_most_precise_of_those_that_lose_nothing_elsewhere() -> None:
    base = _scores((1000, 80, 900), 300, 400)
    more_but_less_precise = FitChoice(10.0)
    costs_drafts = FitChoice(1.0, ("sparse",))
    costs_russian = FitChoice(1.0, ("known",))
    good = FitChoice(1.0, ("tie",))
    scores = {
        EVERY_QUESTION: base,
        more_but_less_precise: _scores((1100, 100, 990), 300, 400),
        costs_drafts: _scores((1000, 78, 980), 300, 398),
        costs_russian: _scores((1000, 78, 970), 298, 400),
        good: _scores((1001, 80, 950), 299, 399),
    }
    assert chosen(scores) == good
    del scores[good]
    assert chosen(scores) == EVERY_QUESTION


def test_every_candidate_names_features_the_model_has() -> None:
    from bench.calibrate import CANDIDATES, ROUND_21_CHOICE

    assert ROUND_21_CHOICE in CANDIDATES and EVERY_QUESTION in CANDIDATES
    for candidate in CANDIDATES:
        assert set(candidate.dropped) <= set(CALIBRATION_FEATURES)
