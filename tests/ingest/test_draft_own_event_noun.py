"""The story's own event written out where a sentence tells of an earlier time, and a number
opening a sentence taken for no name of an event (issue 12, point 1).

A story reporting a trial years after a siege tells the siege in the past: those sentences are
set in no event (they are not the trial's), and "the siege" in them was left as it was, so a
fact read alone ("Nine men went on trial over the siege in 2021.") said no siege of where. And
"Three fire officers were jailed ..." made "Three fire" an event, which a later "the fire" was
written out as ("The Three fire broke out ..."). The articles here are invented.
"""

from __future__ import annotations

from tests.ingest.drafting import answer_with, answers, draft_of

SIEGE = """Prosecutor seeks long terms for gunmen over 2019 Dorvik customs house siege
Published: 2023-05-17

DORVIK, May 17 - A prosecutor in Dorvik on Tuesday asked a court to jail six members of an \
armed group for up to 20 years over their occupation of the city's customs house in 2019.

The siege began at dawn on 3 March 2019, when about a dozen armed men broke into the building.

Nine men went on trial over the siege in 2021.

The court is expected to rule in June.
"""

FIRE = """Court jails five over 2019 Velmora market fire
Published: 2022-11-04

VELMORA, Nov 4 - A court in Velmora on Friday jailed five people over the 2019 fire at the \
Old Gate market, which killed 14 traders.

Three fire officers who led the response were jailed for four years for failing in their duty.

The fire broke out on the evening of 9 June 2019 in a storeroom on the market's upper floor.

Relatives of the dead wept in court as the sentences were read.
"""


def test_the_sieges_own_noun_is_written_out_in_a_sentence_of_an_earlier_time() -> None:
    draft = draft_of(SIEGE)
    assert answer_with(draft, "went on trial").startswith(
        "Nine men went on trial over the Dorvik siege"
    ), answers(draft)
    began = answer_with(draft, "began at dawn")
    assert began.startswith("The Dorvik siege began"), began


def test_a_number_opening_a_sentence_names_no_event() -> None:
    texts = answers(draft_of(FIRE))
    assert not any("Three fire broke" in a or "the Three fire" in a for a in texts), texts
    assert any("hree fire officers who led the response" in a for a in texts), texts
    assert any(a.startswith("The Velmora market fire broke out") for a in texts), texts
