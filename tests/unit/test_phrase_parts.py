"""A synonym phrase that a fact's answer writes out in full ("the Harbour Board") is read as its
group's one term, and its words alone used to vanish with it: a reader asking about "the board"
met nothing of the fact that names it, while BM25, counting the words as written, found it. The
answer now holds the phrase's words as well. The ferry, the port and the board are invented.
"""

from __future__ import annotations

import datetime as dt

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.text import Analyzer

GROUPS = [["harbour board", "port authority"]]

HELD = Fact(
    "ferry-held-in-port",
    "The Harbour Board said the Kelmar ferry must stay in port until Friday after its rudder "
    "failed.",
    ("can the kelmar ferry sail", "when can the ferry leave port", "is the ferry stuck in kelmar"),
    date=dt.date(2026, 3, 3),
)
REPAIRS = Fact(
    "ferry-repairs",
    "The Kelmar ferry's owner said repairs to the rudder would take about a week.",
    (
        "who owns the kelmar ferry",
        "how long will the ferry repairs take",
        "what broke on the ferry",
    ),
    date=dt.date(2026, 3, 3),
)


def _matcher() -> Matcher:
    return Matcher([HELD, REPAIRS], analyzer=Analyzer(GROUPS))


def test_a_question_naming_part_of_the_phrase_gets_the_fact_that_writes_it() -> None:
    result = _matcher().ask("what did the board say about the ferry")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "ferry-held-in-port"


def test_the_part_tells_two_facts_on_the_same_ferry_apart() -> None:
    result = _matcher().ask("did the board stop the ferry")
    assert result.decision is Decision.ANSWER
    assert [match.fact.id for match in result.matches][:2] == [
        "ferry-held-in-port",
        "ferry-repairs",
    ]


def test_the_phrase_asked_in_full_or_by_another_member_is_answered_as_before() -> None:
    matcher = _matcher()
    for question in (
        "what did the harbour board say about the ferry",
        "what did the port authority say about the ferry",
    ):
        result = matcher.ask(question)
        assert result.decision is Decision.ANSWER, question
        assert result.best is not None and result.best.fact.id == "ferry-held-in-port", question


def test_a_question_still_reads_the_phrase_as_its_one_term() -> None:
    # Only the facts' answers hold the parts: a question saying the phrase in full weighs it
    # once, not once more for each of its words.
    analyzer = Analyzer(GROUPS)
    assert analyzer.terms("the harbour board") == ("harbour_board",)
    parts = {term for term, _, _ in analyzer.phrase_parts("The Harbour Board said so")}
    assert parts == {analyzer.terms("board")[0], analyzer.terms("harbour")[0]}


def test_text_without_a_phrase_has_no_parts() -> None:
    analyzer = Analyzer(GROUPS)
    assert analyzer.phrase_parts("the board met on friday") == ()
    assert Analyzer().phrase_parts("The Harbour Board said so") == ()
