"""Fewer, fuller facts (issue 12): what a moderator sees in a draft of our own short article
(``data/corpus/yerevan-fare-protest.txt``, on a fare rise in Yerevan).

Sentences that go on about the same thing are one fact; a comment on the lede that names
nothing is left out; a thin sentence holding what "it" means leads the fact it explains; every
sentence of a fact gets asked about; and a fact carries a date only when its own sentence
gives one (a plan's day is not when anything happened).
"""

from __future__ import annotations

import datetime as dt

from bot.ingest import dates
from bot.ingest.article_draft import ProposedFact
from bot.ingest.question_check import problem
from tests.ingest.drafting import answers, corpus_draft


def _fact(words: str) -> ProposedFact:
    draft = corpus_draft("yerevan-fare-protest")
    (found,) = [f for f in draft.facts if words in f.answer]
    return found


def test_a_definite_mention_of_what_the_sentence_before_named_joins_its_fact() -> None:
    """ "Police dispersed several of the marches" goes on about the marches just told of."""
    marches = _fact("Mashtots Avenue")
    assert "Police dispersed several of the marches" in marches.answer
    assert len(marches.sources) == 2
    # Both sentences are asked about, each in good English.
    assert any("dispersed" in q or "disperse" in q for q in marches.questions), marches.questions
    assert any("march" in q and "police" not in q for q in marches.questions), marches.questions
    assert all(problem(q) is None for q in marches.questions)


def test_a_short_sentence_and_the_narration_going_on_from_it_are_one_fact() -> None:
    subsidy = _fact("emergency subsidy")
    assert subsidy.answer.count("run at a loss") == 1
    assert len(subsidy.sources) == 2


def test_a_comment_on_the_lede_naming_nothing_is_left_out() -> None:
    draft = corpus_draft("yerevan-fare-protest")
    assert not any("widens a split" in a for a in answers(draft))


def test_a_thin_sentence_saying_what_it_is_leads_the_fact() -> None:
    """ "In 2019 it dropped a similar plan" alone would not say who "it" is."""
    plan = _fact("petition")
    assert "second attempt" in plan.answer.split("in 2019")[0].split("In 2019")[0]
    # Its questions say who dropped the plan, not "it".
    assert any("council" in q and "drop" in q for q in plan.questions), plan.questions


def test_every_fact_has_two_to_four_questions() -> None:
    draft = corpus_draft("yerevan-fare-protest")
    for fact in draft.facts:
        assert 1 <= len(fact.questions) <= 4, (fact.answer, fact.questions)
    assert sum(len(f.questions) >= 2 for f in draft.facts) >= len(draft.facts) - 1


def test_a_plan_is_not_dated_and_facts_do_not_borrow_the_lede_day() -> None:
    report = _fact("finance committee")
    assert report.date is None  # "had been due to publish ... on Friday"
    mayor = _fact("Avinyan")
    assert mayor.date is None  # no day of its own: not the vote's day
    marches = _fact("Mashtots Avenue")
    assert marches.date == dt.date(2025, 3, 3)  # "on Monday", counted from publication


def test_a_day_after_due_to_is_a_deadline() -> None:
    (mention,) = dates.mentions(
        "The talks had been due to close on Friday evening.", dt.date(2024, 11, 24)
    )
    assert mention.deadline
    assert dates.event_date("Talks closed on Friday.", dt.date(2024, 11, 24)) is not None
