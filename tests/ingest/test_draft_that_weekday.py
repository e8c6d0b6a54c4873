"""A weekday pointed back at ("That same Friday", "That Monday") in a story told months after it
happened: a day of the week the article is telling, not of the week it was published (issue 12).

The article is written here, in our own words: a quarry's licence fight a year on.
"""

from __future__ import annotations

import datetime as dt

from bot.ingest import dates
from tests.ingest.drafting import draft_of, fact_with

QUARRY = """Orlen Valley quarry reopens under state control a year after licence fight
Published: 2024-03-08

VARDEN, March 8 - The granite quarry in the Orlen Valley reopened on Thursday under a state
operator, ten months after the government revoked the licence of its private owner, Talvik Stone.

The dispute began in the spring of 2023. On 3 May parliament passed a bill letting the government
revoke a quarry licence over damage to rivers, and the president signed it on 12 May.

That same Friday, a district court fined Talvik Stone 40 million crowns for silting the Orlen
river.

Talvik Stone appealed on 14 May.

That Monday the mining ministry revoked the quarry's licence and named a state operator.
"""


def test_that_same_weekday_is_the_day_the_story_was_on() -> None:
    fact = fact_with(draft_of(QUARRY), "fined Talvik Stone")
    assert fact.date == dt.date(2023, 5, 12), (fact.answer, fact.date)
    assert "That same Friday 12 May 2023, a district court" in fact.answer


def test_that_weekday_is_the_first_such_day_after_the_day_last_named() -> None:
    fact = fact_with(draft_of(QUARRY), "revoked the quarry's licence")
    assert fact.date == dt.date(2023, 5, 15), (fact.answer, fact.date)


def test_a_weekday_not_pointed_back_at_is_still_the_publications_week() -> None:
    fact = fact_with(draft_of(QUARRY), "reopened on Thursday")
    assert "reopened on Thursday 7 March 2024" in fact.answer, fact.answer


def test_a_weekday_pointed_back_at_with_no_day_before_is_left_undated() -> None:
    published = dt.date(2024, 3, 8)
    (mention,) = dates.mentions("That Monday the ministry revoked the licence.", published)
    assert mention.date is None


STANDOFF = """Mayor of Dorvik steps down after weeks of street protests
Published: 2024-05-20

DORVIK, May 20 - Ilmar Sarto, mayor of Dorvik for eleven years, resigned on Friday after weeks
of street protests over the sale of the city's harbour.

On Sunday 28 April protest leader Vera Lind met Sarto at the town hall. He called her demands
blackmail and reminded her of 12 March 2009, when a rally in the city ended in clashes.

Police detained Lind at a march that evening.

Lind was released from custody the next day.

That Monday night, the city council voted to suspend the harbour sale.
"""


def test_a_day_spoken_of_is_not_the_day_later_days_count_from() -> None:
    draft = draft_of(STANDOFF)
    released = fact_with(draft, "released from custody")
    assert released.date == dt.date(2024, 4, 29), (released.answer, released.date)
    council = fact_with(draft, "voted to suspend the harbour sale")
    assert council.date == dt.date(2024, 4, 29), (council.answer, council.date)
    assert "2009" not in released.answer and "2009" not in council.answer


def test_a_that_opening_what_was_said_points_at_no_weekday() -> None:
    # "said that Friday's ...": the week is the publication's, as for any weekday.
    published = dt.date(2024, 3, 8)
    anchor = dt.date(2023, 5, 12)
    text = "The ministry said that Thursday's reopening went well."
    (mention,) = dates.mentions(text, published, anchor=anchor)
    assert mention.date == dt.date(2024, 3, 7)


def test_a_weekday_pointed_back_at_with_its_own_week_is_that_week_s() -> None:
    # "That Monday last week": the week is said, last week's (the article's anchor is older);
    # it was read as a bare weekday and broke the drafting of the whole article.
    published = dt.date(2024, 3, 8)
    text = "The dispute began on 12 May 2023. That Monday last week the ministry gave way."
    mentioned = dates.mentions(text, published)
    assert [m.date for m in mentioned] == [dt.date(2023, 5, 12), dt.date(2024, 2, 26)]
