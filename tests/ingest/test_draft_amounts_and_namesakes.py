"""Amounts asked as readers ask them, and people who share a surname kept apart (issue 12,
points 1 and 3).

An article of our own (``data/corpus/zhanaozen-wage-deal.txt``) gives sums as the size of a
thing ("a one-off payment of 400,000 tenge", "a fine of 2 million tenge") and counts after a
verb's particle or a capitalised word ("turned back 300 protesters", "eleven Kazakh
activists"): a reader asks "how much" and "how many" of them. It also names two men called
Bekov, and a governor meant by his role alone before a sentence opening on "He".
"""

from __future__ import annotations

import pytest

from bot.ingest.article_draft import ArticleDraft
from bot.ingest.question_check import problem
from bot.ingest.questions import generate
from tests.ingest.drafting import answers, corpus_draft, fact_with


@pytest.fixture(scope="module")
def draft() -> ArticleDraft:
    return corpus_draft("zhanaozen-wage-deal")


def test_a_sum_that_sizes_a_thing_is_asked_how_much_of_the_thing(draft: ArticleDraft) -> None:
    payment = fact_with(draft, "one-off payment")
    assert any(q.startswith("how much is the one-off payment") for q in payment.questions)
    fine = fact_with(draft, "a fine of 2 million tenge")
    assert any(q.startswith("how much was the fine") for q in fine.questions), fine.questions


def test_counts_after_a_particle_or_a_name_are_asked_how_many(draft: ArticleDraft) -> None:
    turned = fact_with(draft, "turned back 300 protesters")
    assert any(
        q.startswith("how many protesters did guards turn back") for q in turned.questions
    ), turned.questions
    detained = fact_with(draft, "eleven Kazakh activists")
    assert any(
        q.startswith("how many kazakh activists did police detain") for q in detained.questions
    ), detained.questions


def test_a_namesake_keeps_his_own_first_name_and_profile(draft: ArticleDraft) -> None:
    chaired = fact_with(draft, "chaired by deputy")
    assert "Aidos Bekov" in chaired.answer and "Nurlan" not in chaired.answer
    assert "who is aidos bekov" in chaired.questions
    assert "who is nurlan bekov" not in chaired.questions


def test_he_after_a_role_alone_is_the_role_holder_not_the_last_man_named(
    draft: ArticleDraft,
) -> None:
    took = fact_with(draft, "took office in March 2025")
    assert took.answer.startswith("Governor Nurlan Bekov took office"), answers(draft)
    assert "Seitov" not in took.answer


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("The city council approved a grant of 3 million manats for the library.",
         "how much was the grant"),
        ("The utility will pay compensation of 90,000 drams to each household.",
         "how much is the compensation"),
        ("Border guards sent back 120 trucks at the Verkhny Lars crossing.",
         "how many trucks did border guards send back at the verkhny lars crossing"),
        ("The navy shot down four Iranian drones over the Caspian.",
         "how many iranian drones did the navy shoot down over the caspian"),
        ("The president has pardoned 37 prisoners convicted of minor offences.",
         "how many prisoners has the president pardoned"),
    ],
)  # fmt: skip
def test_amount_questions_of_our_own_sentences(sentence: str, asked: str) -> None:
    assert asked in generate(sentence), generate(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A total, a verb's "-ing" or a phrase opening on "to" is no thing to ask the size of.
        "The ministry reported a total of 4 million manats in damage.",
        "The commission proposed recovering more than $3 billion from the operator.",
        "Deputies voted to raise pensions of 200 manats.",
        # A capitalised word opening a clause is no counted noun ("one Tbilisi issued").
        "The ruling mirrors one Tbilisi issued on 4 May.",
    ],
)
def test_no_amount_question_where_none_reads(sentence: str) -> None:
    assert not any(q.startswith(("how much", "how many")) for q in generate(sentence))


def test_how_many_with_a_subject_of_its_own_after_a_singular_auxiliary_is_english() -> None:
    """ "how many people has the governor pardoned": "has" agrees with "the governor"; with a
    participle after it, the counted noun is the subject and "has" is wrong."""
    assert problem("how many people has the governor pardoned") is None
    assert problem("how many trucks does the border post inspect") is None
    for wrong in ("how many people has died in the flood", "how many people was injured",
                  "how many people is missing", "how many homes has been flooded"):  # fmt: skip
        assert problem(wrong) == "'how many' takes a plural verb", wrong
