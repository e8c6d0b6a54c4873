"""The held-out bench's list of misses ends with the answers given outright that were wrong:
the ones that cost precision, which hide among the held-back ones listed above them.

The questions and fact ids are this file's own, never the bench's data.
"""

from __future__ import annotations

from bench.heldout import Outcome, Question, failures


def _asked(text: str, kind: str, fact: str | None, first: str, *, outright: bool) -> Outcome:
    question = Question(text, kind, fact, "tune", "own")
    return Outcome(question, "own", first, 0.9, 0.9, outright)


OUTCOMES = [
    _asked("when did the ferry stop", "careful", "ferry-stopped", "ferry-stopped", outright=True),
    _asked("why did the ferry stop", "careful", "storm-cause", "ferry-stopped", outright=True),
    _asked("did the mayor resign", "near", None, "ferry-stopped", outright=True),
    _asked("best pizza in town", "off", None, "storm-cause", outright=False),
    _asked("ferry stopped how long", "casual", "ferry-stopped", "ferry-stopped", outright=False),
]


def test_the_misses_end_with_the_wrong_answers_given_outright_by_kind() -> None:
    listed = failures(OUTCOMES).splitlines()
    assert listed[-1] == (
        "  wrong outright: 2 of 3 answered outright (wrong fact 1, near answered 1, off answered 0)"
    )


def test_the_misses_still_list_each_question_held_back_or_wrong() -> None:
    listed = failures(OUTCOMES)
    assert "'why did the ferry stop': wrong first" in listed
    assert "'did the mayor resign': answered near/off" in listed
    assert "'ferry stopped how long': right, not outright" in listed
    assert "best pizza" not in listed
