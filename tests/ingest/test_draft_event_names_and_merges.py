"""What a moderator approving a draft unchanged would otherwise approve wrongly: an event named
after a place it happened some way off, dated by the month of the report on it, a verdict set
"in" the crime, a figure merged away with a repeat, a day counted from another written in
front of the day the sentence gives.

The articles are our own, on made-up places and people.
"""

from __future__ import annotations

import datetime as dt

from bot.core.text import Analyzer
from bot.ingest.dedupe import merge_near_duplicates
from bot.ingest.justice import tells_justice
from bot.ingest.models import Statement
from tests.ingest.drafting import answers, draft_of, event_of, fact_with

OFF_THE_CITY = """Tests confirm cargo pilots died in plane crash, a month after Lorvan strike
Published: 2023-05-15

LORVAN, May 15 - Investigators said on Sunday that tests had confirmed both pilots of a
freighter were among the four people killed when it crashed south-west of Lorvan last week.

The plane came down near the village of Ostra in the Velm district, killing all four aboard.

The flight recorders have been sent abroad for reading.
"""


def test_an_event_written_as_some_way_off_a_place_is_named_where_it_was() -> None:
    """ "crashed south-west of Lorvan": the crash was not in Lorvan, so it is not "the Lorvan
    crash"; the district the opening says the plane came down in names it."""
    event = event_of(OFF_THE_CITY)
    assert event == "the Velm crash", event
    assert not any("Lorvan crash" in a for a in answers(draft_of(OFF_THE_CITY)))


OFF_THE_CITY_ONLY = """Cargo pilots died in plane crash, a month after Lorvan strike
Published: 2023-05-15

LORVAN, May 15 - Both pilots of a cargo freighter were among the four people killed when it
crashed 30 km north of Lorvan last week, investigators said on Sunday.

The flight recorders have been sent abroad for reading.
"""


def test_with_no_place_for_it_the_event_is_named_by_the_headlines_word() -> None:
    """Saying only where it was not, the article leaves the headline's "plane crash"."""
    assert event_of(OFF_THE_CITY_ONLY) == "the plane crash"


IN_THE_CITY = """Cargo plane crash kills four in Lorvan
Published: 2023-05-15

LORVAN, May 15 - A cargo plane crashed in Lorvan on Sunday, killing all four people aboard.

The plane came down on a warehouse by the river, officials said.
"""


def test_an_event_in_the_place_is_still_named_after_it() -> None:
    assert event_of(IN_THE_CITY) == "the Lorvan crash"


REPORT_ON_STRIKES = """Monitors blame militia for rocket strikes that hit homes in Darsk
Published: 2024-03-09

VESKA, March 9 - A militia fighting in the hills fired the rockets that hit homes in Darsk
during the winter offensive, an international monitoring group said on Friday.

Its staff spoke to 40 witnesses in the town and counted 14 strikes.

Six civilians were killed in the strikes, the group said.
"""


def test_strikes_a_report_is_about_are_not_dated_by_the_report() -> None:
    """The headline blames the militia "for" the strikes: they came before the report, so
    "the Darsk strikes of March 2024" would be a date the article never gives."""
    text = " ".join(answers(draft_of(REPORT_ON_STRIKES)))
    assert "Darsk strikes" in text, text
    assert "of March 2024" not in text, text


REFERENDUM_SET = """Talvor sets referendum on new constitution for June
Published: 2025-04-02

VESKA, April 2 - Talvor will hold a referendum on a rewritten constitution on 22 June, the
election commission said on Wednesday.

Voters will be asked whether to lengthen the presidential term to seven years.

The commission said 3.1 million people are registered to vote.
"""


def test_an_event_the_headline_sets_for_a_month_is_of_that_month() -> None:
    """ "referendum ... for June": the vote is in June, not in April, when it was called."""
    text = " ".join(answers(draft_of(REFERENDUM_SET)))
    assert "of April 2025" not in text, text


VERDICT = """Court jails four over Selm dam collapse that flooded villages
Published: 2022-06-03

VARNOK, June 3 - A court in Varnok on Friday sent four people to prison over the collapse of
the Selm dam in 2020, which flooded three villages and killed nine people.

The dam's chief engineer, Toma Reyk, received nine and a half years.

The head of the firm that built the spillway, Ivo Marsk, was given seven years.

Inspectors had warned of cracks in the wall months before the collapse.
"""


def test_a_prison_term_is_set_over_the_event_not_in_it() -> None:
    """A term handed down in 2022 was not handed down "in" a collapse of 2020: the fact says
    what it was about."""
    draft = draft_of(VERDICT)
    engineer = fact_with(draft, "Toma Reyk")
    assert engineer.answer.startswith("Over the "), engineer.answer
    assert not engineer.answer.startswith("In the "), engineer.answer
    marsk = fact_with(draft, "Ivo Marsk")
    assert not marsk.answer.startswith("In the "), marsk.answer


def test_steps_of_justice_are_told_apart_from_other_terms() -> None:
    assert tells_justice("Toma Reyk received nine and a half years.")
    assert tells_justice("Ivo Marsk and Lena Dorn got six and four years.")
    assert tells_justice("A court convicted the two engineers of negligence.")
    assert not tells_justice("Prosecutors said 30 people were killed in the collapse.")
    assert not tells_justice("Residents were given three months to leave their homes.")
    assert not tells_justice("The office received 2,000 complaints in two years.")
    assert not tells_justice("Nine people died when the wall gave way.")


def test_a_statement_with_a_figure_of_its_own_is_not_merged_away() -> None:
    """Its words are spread over three earlier statements (the day, the commission, the
    candidate, the vote; even "81" and "64" of a turnout figure), but the winner's share is
    said only here: merged, no fact would give it."""
    texts = [
        "On Monday, March 3, the ruling party nominated the younger Andris Kell as its candidate.",
        "When voting closed, the election commission put turnout at 64.81 percent.",
        "Observers declared the Talvor vote free and fair.",
        "On Monday, March 10, the election commission declared the younger Andris Kell elected "
        "with 81.64 percent of the Talvor vote.",
    ]
    kept = merge_near_duplicates([Statement(t, t, i) for i, t in enumerate(texts)], Analyzer())
    assert [s.text for s in kept] == texts


def test_a_repeat_with_the_same_figures_is_still_merged() -> None:
    texts = [
        "The flood forced 12,000 people from their homes in the Orsa valley.",
        "In the Orsa valley the flood forced 12,000 people from their homes.",
    ]
    kept = merge_near_duplicates([Statement(t, t, i) for i, t in enumerate(texts)], Analyzer())
    assert [s.text for s in kept] == texts[:1]


SECOND_STRIKE = """Second rocket strike hits Darsk market
Published: 2024-05-20

DARSK, May 20 - A rocket hit the covered market in Darsk on 3 May, killing two traders.

Five days later, at about 4 a.m. on 9 May, rockets hit the bus station in the centre of Darsk.

The town's mayor said the station would reopen in June.
"""


def test_a_span_gives_way_to_the_day_its_sentence_writes_out() -> None:
    """ "Five days later" counted from 3 May would be 8 May; the sentence says "on 9 May" itself,
    so no other day is written in front of it, and the fact is dated 9 May."""
    station = fact_with(draft_of(SECOND_STRIKE), "bus station")
    assert "8 May" not in station.answer, station.answer
    assert station.date == dt.date(2024, 5, 9), (station.date, station.answer)
