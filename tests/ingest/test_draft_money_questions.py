"""A sum someone is fined or ordered to pay is asked "how much" of who pays it (issue 12).

Sentences written here, in our own words, on invented firms and courts.
"""

from __future__ import annotations

from bot.ingest.questions import generate


def test_a_sum_ordered_paid_is_asked_how_much_the_payer_was_ordered_to_pay() -> None:
    questions = generate(
        "A judge at the Tarvel District Court ordered Velsk Mining to pay 12.4 billion soms for "
        "polluting the river.",
        names={"Tarvel", "District", "Court", "Velsk", "Mining"},
    )
    assert questions[0] == (
        "how much did the judge at the tarvel district court order velsk mining to pay"
    ), questions


def test_a_fine_is_asked_how_much_the_fined_one_was_fined() -> None:
    questions = generate("Regulators fined Lorvan Air $200,000 for the delays.", names={"Lorvan"})
    assert "how much did regulators fine lorvan air" in questions, questions
    questions = generate("The bank lent the farm 3 million lei.")
    assert "how much did the bank lend the farm" in questions, questions


def test_the_regions_currencies_are_sums_of_money() -> None:
    for amount in ("40 million soms", "900,000 somoni", "2 billion soums", "15 million lei"):
        questions = generate(f"The court fined the company {amount}.")
        assert "how much did the court fine the company" in questions, (amount, questions)


def test_an_object_then_a_plain_verb_gives_no_how_much_of_it() -> None:
    # "asked the bank to wait": no sum is paid; nor is a plan's amount its object's.
    questions = generate("The ministry asked the bank to wait until 2026.")
    assert not any(q.startswith("how much") for q in questions), questions


def test_that_day_before_what_was_said_is_no_part_of_it() -> None:
    # "said that day that ...": the first "that" points at the day; what was said follows.
    questions = generate(
        "The minister also said that day that the treasury had paid the contractor 4.5 billion "
        "tenge in advances."
    )
    assert "how much had the treasury paid the contractor" in questions, questions
    assert not any("day that" in q for q in questions), questions
