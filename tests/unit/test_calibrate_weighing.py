"""The confidence fit can let some questions count more than others (``bench/calibrate.py``,
``--seed-weight``): a question of weight 2 counts as two copies of it would, and weights of 1
fit what the unweighted fit does.

The examples are this file's own: made-up evidence, not the bench's questions.
"""

from __future__ import annotations

import pytest

pytest.importorskip("numpy")

from bench.calibrate import SEED_KBS, Example, evenly, fit
from bot.core.matcher import CALIBRATION_FEATURES


def example(kb: str, strength: float, right: bool) -> Example:
    """A question whose evidence is ``strength`` everywhere, a little varied per feature so
    that no feature is constant."""
    features = tuple(strength * (1.0 + 0.1 * i) % 1.0 for i in range(len(CALIBRATION_FEATURES)))
    return Example(kb, "careful", f"q {kb} {strength}", features, right, False, True)


ROWS = [
    example("seed", 0.9, True),
    example("seed", 0.8, True),
    example("seed", 0.3, False),
    example("seed", 0.55, True),
    example("a-story", 0.7, True),
    example("a-story", 0.2, False),
    example("a-story", 0.45, False),
    example("a-story", 0.6, True),
]


def test_weights_of_one_fit_what_the_plain_fit_does() -> None:
    assert fit(ROWS, weigh=evenly) == fit(ROWS)
    assert fit(ROWS, weigh=lambda row: 1.0) == fit(ROWS)


def test_a_weight_of_two_counts_as_two_copies() -> None:
    def twice_the_stories(row: Example) -> float:
        return 2.0 if row.kb not in SEED_KBS else 1.0

    copied = ROWS + [row for row in ROWS if row.kb not in SEED_KBS]
    weighed = fit(ROWS, weigh=twice_the_stories)
    assert weighed == pytest.approx(fit(copied), abs=2e-3)
    assert weighed != fit(ROWS)


def test_the_seed_knowledge_bases_are_the_curated_ones() -> None:
    assert {"seed", "seed ru", "seed az"} == SEED_KBS
    assert "a-story" not in SEED_KBS
