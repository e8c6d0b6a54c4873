"""A question word's contraction reads as its full form (issue 11): "when's the bridge due to
reopen" asks of what is still to come as "when is ..." does, so a fact that only dates the
closure is not given as its answer, and "who's", "what's", "where're", "when'll", "how'd" read
as "who is", "what is", "where are", "when will", "how did" wherever a question's shape is
read."""

from __future__ import annotations

import pytest

from bot.core.chat_expansion import expand_chat
from bot.core.contractions import written_out
from bot.core.folding import fold
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.text import Analyzer
from bot.core.wants import Want

BRIDGE_CLOSED = Fact(
    "ajara-bridge-closed",
    "The Chorokhi road bridge near Batumi was closed to all traffic on 9 April after a pier "
    "was found to be cracked.",
    ("when was the chorokhi bridge closed", "why was the chorokhi bridge closed"),
)
BRIDGE_REOPENING = Fact(
    "ajara-bridge-reopening",
    "Engineers expect the Chorokhi road bridge near Batumi to reopen to cars in late June, "
    "once the cracked pier has been braced.",
    (
        "when will the chorokhi bridge reopen",
        "when is the chorokhi bridge due to reopen",
        "how long will the chorokhi bridge stay shut",
    ),
)


@pytest.mark.parametrize(
    ("typed", "full"),
    [
        ("when s the bridge due to reopen", "when is the bridge due to reopen"),
        ("who s in charge of the port", "who is in charge of the port"),
        ("who s been charged", "who has been charged"),
        ("what s happened since", "what has happened since"),
        ("where re the lorries now", "where are the lorries now"),
        ("when ll the ferry sail", "when will the ferry sail"),
        ("how d the mayor react", "how did the mayor react"),
        # One contraction right after another: each is written out.
        ("where s who s in charge", "where is who is in charge"),
        ("what s what s been done", "what is what has been done"),
    ],
)
def test_a_contraction_after_a_question_word_is_written_out(typed: str, full: str) -> None:
    assert written_out(typed) == full


@pytest.mark.parametrize(
    "kept",
    [
        "the port s new crane",  # a possessive, not a contraction
        "who d win the vote",  # "who'd": would or had, left as typed
        "batumi s mayor said so",
    ],
)
def test_other_apostrophes_are_left_as_typed(kept: str) -> None:
    assert written_out(kept) == kept


def test_a_curly_apostrophe_reads_the_same() -> None:
    assert expand_chat(fold("When\u2019s the bridge due to reopen?")) == (
        "when is the bridge due to reopen"
    )


@pytest.mark.parametrize(
    "question",
    [
        "when's the chorokhi bridge supposed to reopen",
        "When\u2019s the bridge due to reopen?",
        "when're the repairs expected to finish",
        "when'll the bridge reopen",
    ],
)
def test_a_contracted_when_asks_of_what_is_still_to_come(question: str) -> None:
    assert Analyzer(()).focus(question).wants & Want.FUTURE


def test_a_contracted_plan_is_not_answered_by_a_fact_dating_what_happened() -> None:
    for question in (
        "when is the chorokhi bridge supposed to reopen",
        "when's the chorokhi bridge supposed to reopen",
    ):
        result = Matcher([BRIDGE_CLOSED]).ask(question)
        assert result.decision is not Decision.ANSWER, question


def test_a_contracted_plan_is_answered_by_the_fact_that_states_it() -> None:
    result = Matcher([BRIDGE_CLOSED, BRIDGE_REOPENING]).ask(
        "when's the chorokhi bridge due to reopen"
    )
    assert result.best is not None and result.best.fact.id == "ajara-bridge-reopening"
    assert result.decision is Decision.ANSWER


def test_a_contracted_question_is_answered_as_its_full_form() -> None:
    matcher = Matcher([BRIDGE_CLOSED, BRIDGE_REOPENING])
    full = matcher.ask("when is the chorokhi bridge supposed to reopen")
    contracted = matcher.ask("when's the chorokhi bridge supposed to reopen")
    assert contracted.decision is full.decision
    assert contracted.best is not None and full.best is not None
    assert contracted.best.fact.id == full.best.fact.id == "ajara-bridge-reopening"


def test_whos_in_charge_still_asks_for_the_head() -> None:
    assert Analyzer(()).focus("who's in charge of the port authority now").roles
