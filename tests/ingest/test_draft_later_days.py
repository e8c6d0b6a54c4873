"""A fact that goes on about a day after a one-off event is not dated by the event's own day
(issue 12: self-contained answers that say nothing false).

"In the Orvan blast of 8 November 2025, police said 40 drivers were detained" reads as if the
arrests were part of the blast: they came at a protest three days later, which the sentence just
before told of.
"""

from __future__ import annotations

from tests.ingest.drafting import draft_of, fact_with

SILO = """Ministry gives builder until March to rebuild Orvan grain silo after blast
Published: 2025-11-14

ASTANA, Nov 14 - Kazakhstan's agriculture ministry has given one builder until 1 March 2026 to
rebuild the Orvan grain silo, under a decree published on Friday, almost a week after an
explosion tore open its main tower.

The decree, signed by Deputy Minister Daulet Sarsenov, names Kentau Stroy as the only firm for
the job.

The explosion came at about 5 a.m. last Saturday, 8 November.

Fire spread to two grain trucks parked beside the tower.

Farmers' groups answered on Tuesday, when hundreds of drivers blocked the road to Orvan with
their tractors.

Police said 40 drivers were detained and fined.
"""


def test_a_sentence_going_on_about_a_later_day_is_set_after_the_event() -> None:
    draft = draft_of(SILO)
    detained = fact_with(draft, "40 drivers")
    assert "of 8 November" not in detained.answer, detained.answer
    assert detained.answer.startswith("After the Orvan blast, police said"), detained.answer


def test_a_sentence_after_the_ledes_later_day_is_not_dated_by_the_event() -> None:
    draft = draft_of(SILO)
    decree = fact_with(draft, "Kentau Stroy")
    assert "of 8 November" not in decree.answer, decree.answer
    assert decree.date is None or decree.date.isoformat() != "2025-11-08"


def test_a_sentence_after_the_events_own_day_keeps_it() -> None:
    draft = draft_of(SILO)
    trucks = fact_with(draft, "two grain trucks")
    assert trucks.answer.startswith("In the Orvan blast of 8 November 2025, fire"), trucks.answer
