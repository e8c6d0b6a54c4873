"""Drafted questions do not point back into the article at a place or a time they do not
name (issue 12, point 3), on sentences of our own.

Asked alone, "when was the closing ceremony held there" leaves a reader asking where; a
moderator would strike the "there", as readers never type it. The same for a "since" whose
date the "when" question took away.
"""

from __future__ import annotations

from bot.ingest.question_finish import without_pointers
from bot.ingest.questions import generate


def test_there_pointing_at_a_place_is_left_out() -> None:
    questions = generate("Officials there had put the toll at eight on Friday.", names=set())
    assert "when had officials put the toll at eight" in questions, questions
    assert not any(" there" in q for q in questions), questions


def test_a_place_adverb_after_the_verb_is_left_out_too() -> None:
    questions = generate("Rescuers there pulled 14 people from the water on Monday.", names=set())
    assert "how many people did rescuers pull from the water on monday" in questions, questions
    assert not any(" there" in q for q in questions), questions


def test_a_since_left_without_its_date_is_dropped() -> None:
    questions = generate(
        "An OSCE mission has watched the border since early 2021, and in May the bloc opened "
        "talks on visas.",
        names={"OSCE"},
    )
    assert "when has the osce mission watched the border" in questions, questions
    assert not any(q.endswith(" since") for q in questions), questions


def test_there_saying_that_something_exists_is_kept() -> None:
    """ "when will there be a runoff" asks of a runoff; without "there" it is no question."""
    assert without_pointers("when will there be a runoff") == "when will there be a runoff"
    assert without_pointers("why had there been no quorum") == "why had there been no quorum"
    assert without_pointers("how many protesters were there") == "how many protesters were there"
    assert without_pointers("when did troops arrive there") == "when did troops arrive"
