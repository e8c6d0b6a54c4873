"""A later "the ministry", "the commission", "the protocol" written out as the article first
named it (issue 12: each fact stands on its own), over short articles of our own.

A reader who sees "The ministry said all heavy weapons had been moved" alone cannot tell whose
ministry; a question naming Tajikistan or the defence ministry does not reach it either.
"""

from __future__ import annotations

from tests.ingest.drafting import draft_of, fact_with

PULLBACK = """Tajik troops pull back from Vorukh road
Published: 2025-05-16

DUSHANBE, May 16 - Tajikistan's defence ministry said on Thursday that its troops had left
positions along the Vorukh road, a week after talks with Kyrgyzstan in Batken.

The ministry said all heavy weapons had been moved at least 10 km from the border.

Kyrgyz and Tajik officials signed the Batken Protocol on 7 May, setting out a timetable for the
pullback.

The protocol also created a joint monitoring group of 40 officers from both sides, who will
report every two weeks.

A Batken court jailed two smugglers for five years on Wednesday. The same court fined a border
guard for taking bribes.
"""

TURNOUT = """Turnout low in Osh council vote, commission says
Published: 2025-04-14

OSH, April 14 - Kyrgyzstan's Central Election Commission said on Monday that turnout in Sunday's
city council vote in Osh was 31 percent.

The commission said 212 candidates had stood for 45 seats on the council.

Observers from the OSCE said the count had been orderly but that campaigning had been muted.
"""


def test_a_bare_ministry_is_the_one_named_before_with_whose_it_is() -> None:
    draft = draft_of(PULLBACK)
    weapons = fact_with(draft, "heavy weapons")
    assert weapons.answer.startswith("Tajikistan's defence ministry said all heavy weapons")


def test_a_bare_commission_is_the_named_one() -> None:
    draft = draft_of(TURNOUT)
    candidates = fact_with(draft, "212 candidates")
    assert "Central Election Commission said 212 candidates" in candidates.answer


def test_a_thing_named_before_its_noun_is_named_again_where_the_noun_stands_alone() -> None:
    draft = draft_of(PULLBACK)
    group = fact_with(draft, "joint monitoring group")
    assert "The Batken Protocol also created" in group.answer
    # Its questions name it too, as a reader would.
    assert any("batken protocol" in q for q in group.questions), group.questions


def test_the_same_court_is_no_name_of_a_court() -> None:
    draft = draft_of(PULLBACK)
    fined = fact_with(draft, "fined a border guard")
    assert "the same court fined" in fined.answer.lower()


FLOOD = """Flash flood hits Isfara after night of storms
Published: 2025-06-03

ISFARA, June 3 - A flash flood swept through the Tajik town of Isfara on Monday night,
destroying 40 houses and cutting the road to Khujand.

Kyrgyz rescuers crossed the border on Tuesday morning with two bulldozers and a field kitchen.

Local officials said 300 people were sleeping in schools.
"""


def test_a_demonym_after_a_lead_in_keeps_its_capital() -> None:
    """ "Kyrgyz rescuers ..." set in the event stays "Kyrgyz", as a country's name does,
    though the article writes the word only at the start of a sentence."""
    rescuers = fact_with(draft_of(FLOOD), "bulldozers")
    assert rescuers.answer.startswith(("In the Isfara flood", "After the Isfara flood"))
    assert "Kyrgyz rescuers" in rescuers.answer


def test_questions_keep_a_possessive_name_whole() -> None:
    draft = draft_of(TURNOUT)
    candidates = fact_with(draft, "212 candidates")
    assert all(" s " not in q for q in candidates.questions), candidates.questions
