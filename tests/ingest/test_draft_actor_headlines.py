"""A headline whose subject is who acted or spoke ("Rights group blames ...", "Council names
...") still names the story's event after where it happened, never after the actor (issue 12,
point 1): facts set in "the Rights group strikes" carry the group's words as tags and none of
the place a reader asks about. The articles are short ones of our own on made-up places.
"""

from __future__ import annotations

from tests.ingest.drafting import draft_of, event_of, fact_with

STRIKES = """Monitors group blames Vorn militia for rocket strikes that killed civilians in Terask
Published: 2026-03-12

DALSK, March 12 - Vorn militia fighters fired the rockets that killed nine civilians in \
Terask, the second city of Kosaria, the Open Monitors group said on Thursday.

The group's researchers spoke with 30 witnesses in Terask and Dalsk.

Vorn militia commanders denied firing at homes.
"""

PROTEST_LEADER = """Kosarian council names protest leader Olt acting mayor after weeks of rallies
Published: 2026-04-02

DALSK, April 2 - The Kosarian city council in Dalsk named Marek Olt acting mayor on Wednesday.

Olt led weeks of rallies against the old mayor.
"""

SUCCESSION = """Son of Velmar president sworn in a week after snap vote
Published: 2026-05-20

TOREN, May 20 - Aren Dask, the son of Velmar's long-time president, was sworn in as \
president of Velmar on Tuesday.

He won the snap vote with 90 percent, officials in Velmar said.
"""

MALL_FIRE = """Court blames owner for Dalsk mall fire
Published: 2026-02-10

DALSK, Feb 10 - A court in Kosaria found the owner of the Dalsk mall guilty on Monday over \
the fire that killed 14 people in Dalsk.

The owner was fined.
"""


def test_strikes_blamed_on_someone_are_named_after_where_they_fell() -> None:
    # Not "the Monitors group strikes" (who spoke) nor "the Vorn militia strikes".
    assert event_of(STRIKES) == "the Terask strikes"


def test_a_fact_set_in_the_strikes_says_the_place_a_reader_asks_about() -> None:
    fact = fact_with(draft_of(STRIKES), "denied firing")
    assert fact.answer.startswith("In the Terask strikes")
    assert "terask" in fact.tags
    assert "group" not in fact.tags


def test_an_event_noun_before_a_person_is_no_event() -> None:
    # A "protest leader" is a person: the event is the rallies the headline names after it,
    # not a "Kosarian council protest"; with no rallies named, no event rather than that.
    assert event_of(PROTEST_LEADER) == "the Dalsk rallies"
    assert event_of(PROTEST_LEADER.replace("weeks of rallies\n", "weeks of pressure\n")) is None


def test_a_vote_is_not_named_after_whose_son_was_sworn_in() -> None:
    assert event_of(SUCCESSION) == "the Velmar vote"


def test_an_event_named_by_its_place_before_it_keeps_that_name() -> None:
    assert event_of(MALL_FIRE) == "the Dalsk mall fire"
