"""Another event a story tells of, named by nothing but its noun ("In the referendum on 2
February, ..."), is named after the land the story is about when the headline opens on it
(issue 12, point 1: each fact says where it happened), on an article of our own.

The land is the one the main event is named after ("the Turkmenistan vote"); a reader of the
referendum fact alone, or a question naming the country, then finds it. A headline that opens
on a person does not say the story is about the land as a whole: nothing is added.
"""

from __future__ import annotations

from tests.ingest.drafting import draft_of, fact_with

BODY = """
ASHGABAT, Feb 10 - Turkmenistan will elect a new parliament on 15 March, a year early, after
voters approved changes to the constitution that merge its two chambers into one.

President Serdar Berdimuhamedov signed the decree on Sunday.

In the referendum on 2 February, 88 percent of voters backed the changes, the election
commission said. It put turnout at 91 percent.

Foreign observers were not invited to watch the referendum.
"""

LAND_FIRST = (
    "Turkmenistan sets early parliamentary vote for March after constitution changes\n"
    "Published: 2025-02-10\n" + BODY
)
PERSON_FIRST = (
    "Berdimuhamedov sets early parliamentary vote in Turkmenistan after constitution changes\n"
    "Published: 2025-02-10\n" + BODY
)


def test_the_other_event_is_named_after_the_land_the_headline_opens_on() -> None:
    draft = draft_of(LAND_FIRST)
    result = fact_with(draft, "88 percent")
    assert result.answer.startswith("In the Turkmenistan referendum on 2 February"), result.answer
    assert "turkmenistan" in result.tags, result.tags
    observers = fact_with(draft, "observers")
    assert "the Turkmenistan referendum" in observers.answer, observers.answer


def test_a_headline_opening_on_a_person_adds_no_land() -> None:
    result = fact_with(draft_of(PERSON_FIRST), "88 percent")
    assert result.answer.startswith("In the referendum on 2 February"), result.answer
