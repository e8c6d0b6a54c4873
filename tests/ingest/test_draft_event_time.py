"""An event's own date is the one the article gives for it, never the day of other news told in
the same sentence (a verdict, a ruling, an oath): a fact set in the event says when it was, or
says no date at all. And a possessive pronoun opening a sentence inside its first phrase ("In
his first address he ...") is not written out as someone else.

The articles are our own, on made-up places.
"""

from __future__ import annotations

import datetime as dt

from tests.ingest.drafting import answers, draft_of

VERDICT = """Varnok court jails three over 2019 warehouse fire that killed 12
Published: 2022-03-11

VARNOK - A court in the northern city of Varnok on Friday sent three managers to prison for
four to nine years over the 2019 fire at the Selm warehouse, a blaze that killed 12 workers.

The alarm had been switched off for weeks before the fire, investigators found.

Exits were locked and the sprinklers had no water.

Families of the dead said the sentences were too short.
"""

RULING = """Lestria's top court upholds Orvald's snap election win
Published: 2021-05-09

KORVA, May 9 - Lestria's Constitutional Court on Saturday threw out opposition challenges to
last month's snap parliamentary election, confirming the win of Prime Minister Mira Orvald's
Unity party.

Under the final count, Unity took 55 percent of the vote and 70 of the 110 seats.

Turnout was 51 percent, the electoral commission said.
"""

OATH = """Talvor's new president sworn in a week after snap vote
Published: 2022-03-19

VESKA, March 19 - Andris Kell took the oath as Talvor's president on Saturday, a week after a
snap vote that the opposition boycotted.

The head of the election commission, Peteris Olm, handed him the certificate of his election.

Afterwards the new leader watched a parade outside the palace.

In his first address he promised to keep the country neutral.
"""


def test_a_fire_told_of_in_a_verdict_story_is_not_dated_by_the_verdict() -> None:
    """The fire was in 2019: no fact says it happened on the day of the sentencing."""
    draft = draft_of(VERDICT)
    text = " ".join(answers(draft))
    assert "fire of 11 March 2022" not in text, text
    assert "fire of March 2022" not in text, text
    set_in_fire = [a for a in answers(draft) if a.startswith("In the ") and " fire" in a[:40]]
    assert set_in_fire, answers(draft)
    assert all("2022" not in a for a in set_in_fire), set_in_fire
    for fact in draft.facts:
        if "alarm" in fact.answer or "Exits" in fact.answer:
            assert fact.date != dt.date(2022, 3, 11), fact


def test_last_months_election_is_dated_by_its_month_not_the_ruling() -> None:
    draft = draft_of(RULING)
    text = " ".join(answers(draft))
    assert "8 May 2021" not in text.replace("Saturday 8 May 2021", ""), text
    turnout = next(a for a in answers(draft) if "Turnout" in a or "turnout" in a)
    assert "April 2021" in turnout or "2021" not in turnout, turnout


def test_a_possessive_name_takes_no_article() -> None:
    """ "Orvald's snap election", never "the Orvald's snap election"."""
    draft = draft_of(RULING)
    text = " ".join([*answers(draft), *(q for f in draft.facts for q in f.questions)])
    assert "the Orvald's" not in text and "the orvald's" not in text, text


def test_an_oath_a_week_after_the_vote_does_not_date_the_vote() -> None:
    text = " ".join(answers(draft_of(OATH)))
    assert "vote of 19 March 2022" not in text, text


def test_his_in_an_opening_phrase_is_not_the_last_man_named() -> None:
    """The official who handed over the certificate gave no address: "his" is left."""
    address = next(a for a in answers(draft_of(OATH)) if "first address" in a)
    assert "Olm" not in address, address


SIEGE = """Prosecutor seeks long terms over 2015 Dessa border post siege
Published: 2019-11-06

A prosecutor in Dessa asked a court on Wednesday to jail five members of an armed group for
up to 20 years over their takeover of a border post in the Kellan valley in August 2015.

The siege began at dawn on Monday, 10 August 2015, when about 20 armed men rammed the gate
of the post.

On 14 August the group let two cooks go.

The last of the gunmen surrendered on 21 August after talks with local elders.
"""


def test_days_without_a_year_in_a_story_of_an_earlier_year_are_of_that_year() -> None:
    """ "On 14 August", told after "10 August 2015" in an article of 2019, is 14 August 2015."""
    draft = draft_of(SIEGE)
    cooks = next(f for f in draft.facts if "cooks" in f.answer)
    surrender = next(f for f in draft.facts if "surrendered" in f.answer)
    assert cooks.date == dt.date(2015, 8, 14), cooks
    assert surrender.date == dt.date(2015, 8, 21), surrender


def test_a_siege_lasts_days_so_its_later_days_are_not_after_it() -> None:
    """The cooks were let go during the siege: no fact says "After the ... siege"."""
    text = " ".join(answers(draft_of(SIEGE)))
    assert "After the" not in text and "after the Dessa" not in text, text


MEMORIAL = """Dorvan remembers harbour flood victims
Published: 2024-01-24

DORVAN, Jan 24 - Residents of Dorvan gathered on Tuesday, {span} after the flood that destroyed
the old harbour, to remember its victims.

The flood killed 40 people and left 2,000 homeless.

The mayor laid a wreath at the harbour wall.
"""


def test_a_span_too_long_to_date_an_event_by_dates_nothing() -> None:
    """ "10000000 days after the flood" stopped the draft (a date before the calendar's start).
    Such a span, or one of thousands of years, is drafted, and the flood's facts are given no
    time by it."""
    for span in ("2,000 years", "5000 years", "10000000 days"):
        texts = answers(draft_of(MEMORIAL.format(span=span)))
        toll = [a for a in texts if "killed 40 people" in a]
        assert toll, texts
        assert not any(year in toll[0] for year in ("2024", "-2976", "January")), toll[0]
