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


def _led(text: str, fact: str, first: str, lead: float | None, confidence: float) -> Outcome:
    question = Question(text, "careful", fact, "tune", "own")
    return Outcome(question, "own", first, 0.9, confidence, True, lead=lead)


def test_the_answers_given_outright_are_tallied_by_their_lead_over_the_runner_up() -> None:
    # Two answers won by a hair (one of them wrong), one by a clear lead, one with no rival:
    # the tally shows that the close ones are right less often than their confidence says.
    outcomes = [
        _led("when did the ferry stop", "ferry-stopped", "ferry-stopped", 0.05, 0.9),
        _led("why did the ferry stop", "storm-cause", "ferry-stopped", 0.04, 0.8),
        _led("how long was the ferry stopped", "ferry-stopped", "ferry-stopped", 0.3, 1.0),
        _led("who runs the ferry", "ferry-operator", "ferry-operator", None, 0.9),
    ]
    assert failures(outcomes).splitlines()[-1] == (
        "  answered outright by lead over the runner-up: under 0.06 1 of 2 right "
        "(confidence 0.85), 0.2 and over 1 of 1 right (confidence 1.00), "
        "no runner-up 1 of 1 right"
    )


def test_no_lead_tally_when_no_lead_is_known() -> None:
    assert "by lead" not in failures(OUTCOMES)
