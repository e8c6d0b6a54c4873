"""What a sentence says after its main clause, and whose event a fact is about (issue 12,
points 3 and 4).

Articles written here, in our own words: a fuel price rise whose second clause holds the
amount ("..., and the price at the pump jumped from 40 to 75 som"), a minister's remark packed
after ", and in March ...", and a story about a bus crash that goes back to a drivers' strike two
months before.
"""

from __future__ import annotations

from bot.ingest.questions import generate
from tests.ingest.drafting import draft_of, fact_with

FUEL = """Bishkek lifts cap on diesel price as farmers prepare for sowing
Published: 2025-03-20

BISHKEK, March 20 - Farmers' unions in Kyrgyzstan's Chui region warned on Thursday that the cost
of spring sowing would rise sharply after the government lifted its cap on diesel.

The government ended the cap on Monday, and the price at the pump jumped from about 40 som to
75 som a litre within two days.

Kyrgyzstan refused to join a fuel pact in 2024, and in March Economy Minister Daniyar Amanov
said relying on a single supplier had been a costly error.
"""

BUS = """Bus crash near Aktau kills four, weeks after drivers' strike
Published: 2025-08-18

AKTAU, Aug 18 - A city bus crashed into a lorry near Aktau on Sunday, killing four passengers and
injuring 21, the emergencies ministry said.

Investigators said the bus had been driving at twice the speed limit on the coastal road.

The strike began on June 9, when the bus drivers walked off the job over unpaid wages.

Drivers then blocked the depot gates for three days.

The transport authority later agreed to pay the wages in two instalments.
"""


def test_an_amount_that_rose_is_asked_how_much_it_rose() -> None:
    questions = generate(
        "Bread prices in Osh rose from 30 som to 42 som a loaf in a month, the statistics office "
        "said."
    )
    assert "how much did bread prices in osh rise" in questions, questions
    assert any(q.startswith("how much did the lake level fall") for q in generate(
        "The lake level fell by 2 metres over the summer."
    ))  # fmt: skip


def test_a_change_without_a_figure_is_not_asked_how_much() -> None:
    assert not any(q.startswith("how much") for q in generate("The price of diesel doubled."))


def test_the_second_clause_of_a_sentence_is_asked_how_much_it_rose() -> None:
    fact = fact_with(draft_of(FUEL), "jumped from about 40 som")
    assert any(q.startswith("how much did the price at the pump rise") for q in fact.questions), (
        fact.questions
    )


def test_a_second_clause_opening_with_a_time_says_what_its_speaker_said() -> None:
    fact = fact_with(draft_of(FUEL), "costly error")
    assert any(q.startswith("what did") and "amanov say" in q for q in fact.questions), (
        fact.questions
    )
    # The first clause keeps its own questions.
    assert any("fuel pact" in q for q in fact.questions), fact.questions


def test_facts_about_an_earlier_event_are_not_tagged_with_the_main_one() -> None:
    draft = draft_of(BUS)
    blockade = fact_with(draft, "blocked the depot gates")
    assert "crash" not in blockade.tags, blockade.tags
    speed = fact_with(draft, "speed limit")
    assert "crash" in speed.tags, speed.tags


def test_a_finding_is_asked_what_was_concluded_whatever_the_tense() -> None:
    had = generate(
        "Health inspectors in Ganja had already concluded that the water plant was unsafe, "
        "barely a month after it opened."
    )
    assert "what did health inspectors in ganja conclude" in had, had
    present = generate("The inquiry concludes that the bridge failed because of corroded cables.")
    assert "what does the inquiry conclude" in present, present
