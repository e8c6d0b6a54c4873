"""A purpose later in a sentence is asked with "why", and only of its own clause (issue 12,
point 3), on sentences of our own.

A reader asks why troops came or why a ministry got powers; a drafted "why" question is also
what tells the bot that a fact states a cause, so a fact without one is held back from "why"
questions it answers. But a purpose in a clause of its own (", and the tax service has been
given powers to inspect ...") says nothing of why the first clause happened.
"""

from __future__ import annotations

from bot.ingest.questions import generate

NAMES = {"Tbilisi", "General", "Irakli", "Kavtaradze"}


def test_a_purpose_after_the_predicate_is_asked_why() -> None:
    questions = generate(
        "About 400 border guards arrived from Tbilisi under the command of General Irakli "
        "Kavtaradze to patrol the crossings.",
        names=NAMES,
    )
    assert any(q.startswith("why did about 400 border guards arrive") for q in questions), questions


def test_a_purpose_in_a_clause_of_its_own_is_asked_of_that_clause() -> None:
    questions = generate(
        "Firms that miss the deadline face penalties of up to 5,000 manats, and the tax service "
        "has been given powers to inspect their accounts.",
        names=set(),
    )
    assert "why has the tax service been given powers" in questions, questions
    assert not any(q.startswith("why do firms") for q in questions), questions


def test_a_cause_of_a_later_clause_is_not_the_first_ones() -> None:
    """ "because the old ones were unsafe" is why roads are needed, not why the plan was
    rejected."""
    questions = generate(
        "The governor rejected the plan, but said the region would need new roads, because the "
        "old ones were unsafe.",
        names=set(),
    )
    assert "why did the governor reject the plan" not in questions, questions


def test_a_cause_after_reported_speech_is_asked_of_what_was_said() -> None:
    """ "but said the region would need new roads": a second verb of the first clause's
    subject, whose cause is why the roads are needed; never "why would said the region ..."
    (the verb read as a subject) nor "why did the governor say ..." (why it was said)."""
    questions = generate(
        "The governor rejected the plan, but said the region would need new roads, because the "
        "old ones were unsafe.",
        names=set(),
    )
    assert "why would the region need new roads" in questions, questions
    assert not any(q.startswith("why") and " said " in f" {q} " for q in questions), questions
    assert not any(q.startswith("why did the governor say") for q in questions), questions


def test_a_warning_after_a_comma_keeps_its_speaker_out_of_the_why() -> None:
    questions = generate(
        "The council approved the budget, but warned the city would run short of money by May "
        "because of the drought.",
        names=set(),
    )
    assert "why would the city run short of money" in questions, questions
    wrong = ("why did the council warn", "why would warned")
    assert not any(q.startswith(wrong) for q in questions), questions


def test_a_call_for_something_is_still_asked_why() -> None:
    """A verb of asking for something ("called for") has a cause of its own."""
    questions = generate("Residents called for the mayor to resign over the flooding.", names=set())
    assert "why did residents call for the mayor to resign" in questions, questions


def test_a_participle_describing_a_second_subject_is_no_verb_of_the_first() -> None:
    """ "..., but displaced families were housed ...": "displaced" describes the families, who
    are the second clause's own subject; the river did not displace them in the question."""
    questions = generate(
        "The river burst its banks in Orsk, but displaced families were housed in schools by "
        "Friday.",
        names={"Orsk"},
    )
    assert "when were displaced families housed in schools" in questions, questions
    assert not any("river displaced" in q for q in questions), questions


def test_a_second_verb_of_acting_takes_the_first_subject() -> None:
    questions = generate(
        "The mayor met protesters on Monday, but refused to resign because the council backed him.",
        names=set(),
    )
    assert "why did the mayor refuse to resign" in questions, questions
