"""A turnout is asked as readers ask it: "how many people voted" (issue 12, point 3).

Articles written here, in our own words.
"""

from __future__ import annotations

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.ingest.article_draft import ArticleDraft
from bot.ingest.turnout_questions import with_voters_counted
from tests.ingest.drafting import draft_of, fact_with

RUNOFF = """Ilvenia picks new mayor of Dorvan in runoff
Published: 2025-06-02

DORVAN, June 2 - Voters in the Ilvenian port city of Dorvan on Sunday elected former harbour
master Teodor Lasko as mayor, ending a month of campaigning dominated by the closure of the
city's shipyard.

Lasko took 58 percent of the vote against councillor Mirela Vant, who won 42 percent.

Turnout in Sunday's runoff was 47 percent, the city electoral board said.

Vant conceded on Monday and said she would stay on the council.
"""


def _matcher(draft: ArticleDraft) -> Matcher:
    return Matcher(
        Fact(f.id, f.answer, tuple(f.questions), tuple(f.tags), date=f.date) for f in draft.facts
    )


def test_the_turnout_fact_is_asked_how_many_people_voted_in_the_vote() -> None:
    turnout = fact_with(draft_of(RUNOFF), "Turnout")
    assert any(q.startswith("what was turnout") for q in turnout.questions), turnout.questions
    assert any(q.startswith("how many people voted") for q in turnout.questions)


def test_a_reader_asking_how_many_people_voted_gets_the_turnout() -> None:
    """Not the result, which says "of the vote" (given outright before the turnout fact was
    asked this way), nor nothing."""
    matcher = _matcher(draft_of(RUNOFF))
    for question in ("how many people voted in the runoff", "how many ppl voted"):
        result = matcher.ask(question)
        assert result.best is not None and "Turnout" in result.best.fact.answer, result
        assert result.decision is Decision.ANSWER, result


def test_how_many_voted_follows_the_turnout_question_with_its_setting_and_once() -> None:
    asked = ["what was turnout in the dorvan runoff", "who won the dorvan runoff"]
    assert with_voters_counted(asked) == [
        "what was turnout in the dorvan runoff",
        "how many people voted in the dorvan runoff",
        "who won the dorvan runoff",
    ]
    # Already asked, or no turnout asked: unchanged.
    once = with_voters_counted(asked)
    assert with_voters_counted(once) == once
    assert with_voters_counted(["who won the dorvan runoff"]) == ["who won the dorvan runoff"]


def test_how_many_voted_keeps_only_a_setting_of_the_turnout_question() -> None:
    """ "how many people voted" takes the place or time the turnout question ends with, never
    words that only read after "turnout" ("how many people voted expected to be")."""
    assert with_voters_counted(["what was the turnout on saturday"])[1] == (
        "how many people voted on saturday"
    )
    for asked in (
        ["what is the turnout expected to be"],
        ["what was turnout like"],
        ["what were turnout figures in the dorvan runoff"],
        # "voted for the recall" would read as voted in favour of it.
        ["what was the turnout for the recall vote"],
    ):
        assert with_voters_counted(asked) == asked
