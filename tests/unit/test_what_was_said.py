"""A question asking what someone said wants words someone said (issue 11, point 2: what is
asked for must be in the fact). A fact telling only of the event, however well it matches the
question's names, says nothing anyone said about it: it is not answered outright (a soft kind,
as a cause is: it is also ranked a little lower than a sibling reporting a statement)."""

from __future__ import annotations

import pytest

from bot.core.answer_kinds import answer_kinds
from bot.core.focus import question_focus
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.wants import Want

FACTS = [
    Fact(
        "astara-terminal-closed",
        "The ferry terminal at Astara closed on 3 May after a crane collapsed onto the pier, "
        "stranding about 200 lorries bound for Georgia and Iran.",
        (
            "why did the astara ferry terminal close",
            "when did the astara terminal close",
            "how many lorries were stranded at astara",
            "what happened at the astara ferry terminal",
        ),
    ),
    Fact(
        "astara-port-authority",
        "The Astara port authority said the terminal would reopen once the pier had been "
        "inspected, probably within two weeks.",
        (
            "when will the astara terminal reopen",
            "is the astara ferry terminal opening again",
        ),
    ),
    Fact(
        "astara-iran-complaint",
        "Iran's transport ministry called the closure of the Astara terminal a blow to trade "
        "and asked for lorries to be let through by road.",
        ("is iran unhappy about the astara closure",),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS)


@pytest.mark.parametrize(
    "question",
    [
        "what did georgia's government say about the astara ferry terminal closing",
        "how did georgia react to the lorries stranded at astara",
    ],
)
def test_a_fact_reporting_no_words_does_not_answer_what_was_said(
    matcher: Matcher, question: str
) -> None:
    result = matcher.ask(question)
    assert result.decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("what did the port authority say about the astara terminal", "astara-port-authority"),
        ("how did iran react to the astara closure", "astara-iran-complaint"),
    ],
)
def test_a_fact_reporting_the_words_answers(matcher: Matcher, question: str, fact_id: str) -> None:
    result = matcher.ask(question)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == fact_id


def test_the_event_itself_is_still_answered(matcher: Matcher) -> None:
    result = matcher.ask("why did the astara ferry terminal close")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "astara-terminal-closed"


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("what has armenia's government said about the row", True),
        ("how did ankara react", True),
        ("did the mayor say anything", True),
        ("whats the ministry's response", True),
        # The words said are reported, not asked for: when, why, or an explanation is asked.
        ("which day did moscow say yes", False),
        ("why did baku say no", False),
        ("the kremlin says it was an accident explain pls", False),
        ("what happened to the convoy after the minister said stop", False),
    ],
)
def test_which_questions_ask_what_was_said(question: str, asks: bool) -> None:
    wants = question_focus(question.replace("'s", "").split()).wants
    assert (Want.SAID in wants) is asks


def test_an_answer_reporting_words_or_a_stance_holds_them() -> None:
    assert answer_kinds("The minister said the road would reopen.") & Want.SAID
    assert answer_kinds("Ankara condemned the strike.") & Want.SAID
    assert not answer_kinds("A crane collapsed onto the pier on 3 May.") & Want.SAID
