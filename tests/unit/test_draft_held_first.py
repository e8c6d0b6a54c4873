"""``python -m bench.draft_gaps NAME --held`` sorts the questions whose right draft fact ranks
first but is held back by the gates that hold them: a moderator's view of why an approved draft
says "not sure" when it has the answer. Checked on this file's own facts and questions (a made-up
ferry story), never the live knowledge nor the bench's data.
"""

from __future__ import annotations

from bench.draft_gaps import features, held_first
from bench.drafts import Judged
from bot.core.answer_decision import BLOCKED
from bot.core.matcher import Matcher
from bot.core.models import Fact
from bot.core.text import Analyzer

FACTS = [
    Fact(
        "ferry-resumed",
        "The Lankaran ferry to Astara resumed sailing in March after the harbour was dredged.",
        (
            "when did the lankaran ferry resume",
            "why was the lankaran ferry stopped",
        ),
    ),
    Fact(
        "ferry-fares",
        "Tickets on the Lankaran ferry now cost 12 manat, up from 9 manat last year.",
        (
            "how much is a ticket on the lankaran ferry",
            "did lankaran ferry fares rise",
        ),
    ),
]
# What each drafted fact restates, as ``bench.drafts`` aligns them through the article: here,
# each its own hand-written fact.
JUDGED = {
    "ferry-resumed": Judged([0], {"hand-resumed"}),
    "ferry-fares": Judged([1], {"hand-fares"}),
}


def _matcher() -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer())


def test_an_answered_question_is_not_listed() -> None:
    assert (
        held_first(_matcher(), "when did the lankaran ferry resume", "hand-resumed", JUDGED) is None
    )


def test_a_question_another_fact_wins_is_not_listed() -> None:
    # The fares fact is first: a ranking miss, not a right fact held back.
    assert (
        held_first(_matcher(), "how much is a ticket on the lankaran ferry", "hand-resumed", JUDGED)
        is None
    )


def test_a_right_first_fact_lacking_what_is_asked_is_listed_with_that_gate() -> None:
    # The resumed fact is about the ferry's sailing but gives no count of passengers.
    gates = held_first(
        _matcher(),
        "how many passengers did the lankaran ferry carry after it resumed sailing",
        "hand-resumed",
        JUDGED,
    )
    assert gates is not None and BLOCKED in gates


def test_features_tell_a_question_asked_as_written_from_a_half_covered_one() -> None:
    # What a reader of ``--held`` compares: the right fact of a question asked in its
    # curator's words covers all of it, meets a phrasing and leads the runner-up by more than
    # the same fact does for a question it covers half of.
    matcher = _matcher()
    asked = features(matcher.explain("when did the lankaran ferry resume")[0])
    half = features(
        matcher.explain(
            "how many passengers did the lankaran ferry carry after it resumed sailing"
        )[0]
    )
    assert asked.covers == 1.0 > half.covers
    assert asked.phrasing > half.phrasing
    assert asked.lead > half.lead > 0
    assert asked.questions == half.questions == 2
