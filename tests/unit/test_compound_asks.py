"""A compound question asks two things ("on what date did the dam burst, and was it at night"):
a fact answering one of them in full is an answer, not a fact lacking what is asked, unless a
fact near it answers the whole question.

The facts and questions are written for these tests; none comes from the held-out benchmark.
"""

from __future__ import annotations

import datetime as dt

from bot.core.answer_decision import BLOCKED
from bot.core.focus import question_focus
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.question_asks import asks
from bot.core.wants import Want

DAM_BURST = Fact(
    "lorva-dam-burst",
    "The Lorva dam burst in the middle of the night after a week of heavy rain, sending a "
    "wall of water into two farming villages below it.",
    (
        "what happened at the lorva dam",
        "did the lorva dam burst at night",
        "why did the lorva dam burst",
    ),
)
RESCUE = Fact(
    "lorva-rescue",
    "Rescue teams from the provincial capital reached the flooded villages by boat and "
    "evacuated their residents to a school gymnasium.",
    (
        "who rescued the people of the flooded villages",
        "where were the lorva villagers taken",
    ),
)
DAM_DATED = Fact(
    "lorva-dam-dated",
    "Engineers said the Lorva dam gave way on 14 March, two days after the reservoir passed "
    "its safe level.",
    (
        "when did the lorva dam give way",
        "on what date did the lorva dam burst",
    ),
)
COMPOUND = "On what date did the Lorva dam burst, and did it burst at night?"


def test_a_second_question_after_and_is_read_as_its_own_ask() -> None:
    words = "when did the ferry sink and why did it capsize".split()
    assert asks(words) == (["when", "did", "the", "ferry", "sink"], ["why", "did", "it", "capsize"])
    assert len(asks("who was arrested and when".split())) == 2
    # Too little before the join to ask anything; "and" joining two things asked about; "or"
    # offering alternatives of one ask.
    assert len(asks("who and when".split())) == 1
    assert len(asks("when did the mayor and the governor meet".split())) == 1
    assert len(asks("has the row eased or is it still growing".split())) == 1


def test_each_ask_wants_its_own_kind_of_answer() -> None:
    focus = question_focus("on what date did the dam burst and was anyone hurt".split())
    assert focus.ask_wants == (Want.TIME | Want.DAY, Want.NONE)
    assert focus.wants & Want.DAY  # the question as a whole still wants the day
    assert question_focus("on what date did the dam burst".split()).ask_wants == ()


def test_a_fact_answering_one_ask_is_answered_when_none_answers_both() -> None:
    """No fact gives the day; the one telling that the dam burst at night answers the second
    ask, and is given as the answer rather than held back for lacking the day."""
    matcher = Matcher((DAM_BURST, RESCUE))
    ranked, asked = matcher.explain(COMPOUND)
    assert ranked[0].entry.fact.id == "lorva-dam-burst"
    assert not ranked[0].blocked
    assert BLOCKED not in matcher.held_by(ranked, asked)
    result = matcher.ask(COMPOUND)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "lorva-dam-burst"


def test_a_fact_answering_the_whole_question_keeps_the_other_blocked() -> None:
    """With a sibling that gives the day, the fact telling only of the night stays blocked:
    the dated one answers what the question asks first, and the night is not given outright."""
    matcher = Matcher((DAM_BURST, RESCUE, DAM_DATED))
    ranked, _ = matcher.explain(COMPOUND)
    by_id = {c.entry.fact.id: c for c in ranked}
    assert by_id["lorva-dam-burst"].blocked
    assert not by_id["lorva-dam-dated"].blocked
    result = matcher.ask(COMPOUND)
    answered = result.best.fact.id if result.decision is Decision.ANSWER and result.best else None
    assert answered in (None, "lorva-dam-dated")


def test_a_question_of_one_ask_is_blocked_as_before() -> None:
    matcher = Matcher((DAM_BURST, RESCUE))
    ranked, _ = matcher.explain("On what date did the Lorva dam burst?")
    assert ranked[0].entry.fact.id == "lorva-dam-burst"
    assert ranked[0].blocked
    assert matcher.ask("On what date did the Lorva dam burst?").decision is not Decision.ANSWER


def test_a_fact_written_before_the_event_answers_neither_ask() -> None:
    """Of a preview written in August, "who won the september vote" is not known, and adding a
    second ask ("and what did they promise") does not make the preview an answer."""
    preview = Fact(
        "vellmar-vote-preview",
        "Voters in Vellmar will choose a new mayor in September; the candidates are Ana Roth "
        "and Piet Lenz.",
        ("who is running for mayor of vellmar", "when is the vellmar mayoral vote"),
        date=dt.date(2025, 8, 20),
    )
    matcher = Matcher([preview])
    alone = matcher.ask("who won the vellmar mayoral vote in september")
    both = matcher.ask("who won the vellmar mayoral vote in september and what did they promise")
    assert alone.decision is not Decision.ANSWER
    assert both.decision is not Decision.ANSWER
