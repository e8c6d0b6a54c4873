"""A people's adjective is no thing to ask about (issue 12, point 3: questions readers would ask).

"The line runs from Osh through the Kyrgyz capital to the Tajik town of Khorog": a fact whose
clauses gave it no question is asked in general words about what it names, and "what is known
about kyrgyz" names nothing; the places it names are what a reader asks about. Sentences
written here, in our own words.
"""

from __future__ import annotations

from bot.ingest.general_questions import general_questions


def _asked(sentence: str) -> list[str]:
    return general_questions(
        [sentence], names=set(), people=(), spread={}, known=[], check=lambda q: None
    )


def test_an_adjective_before_its_noun_is_not_asked_about_but_the_places_are() -> None:
    asked = _asked(
        "The road runs for 310 km from Osh through the Kyrgyz capital to the Tajik town of Khorog."
    )
    assert not any(q.endswith(("about kyrgyz", "about tajik")) for q in asked), asked
    assert any(q.endswith(("about osh", "about khorog")) for q in asked), asked


def test_a_name_ending_like_an_adjective_is_still_asked_about_when_it_acts() -> None:
    """ "Sebastian said ...": a name before its verb, not an adjective before a noun."""
    asked = _asked("On Monday Sebastian said the talks in Vienna would resume.")
    assert any("sebastian" in q for q in asked), asked
