"""A thing the article describes in apposition ("Lorva Mining and Lorva Services, the two
subsidiaries that run the mine") or gives its subject by "its" ("Orvenia sent its mining
inspectors ...") is written out when a later sentence names it only so ("The two subsidiaries
filed ...", "The inspectors found ..."): a fact made of that sentence says which (issue 12,
point 1). The article is a short one of our own in ``data/described/``.
"""

from __future__ import annotations

import time
from pathlib import Path

from bot.ingest.appositives import described_things
from bot.ingest.named_things import owned_things
from tests.ingest.drafting import draft_of, fact_with

ARTICLE = (
    Path(__file__).resolve().parent / "data" / "described" / "lorva-mine-deal.txt"
).read_text("utf-8")


def test_the_things_described_in_apposition_are_named_in_a_later_fact() -> None:
    draft = draft_of(ARTICLE)
    fact = fact_with(draft, "bankruptcy protection")
    assert "2025 Lorva Mining and Lorva Services filed for bankruptcy" in fact.answer
    assert "the two subsidiaries" not in fact.answer
    # and a reader asking who filed is asked back in names, not "what filed"
    assert any(q.startswith("who filed") or "lorva mining" in q for q in fact.questions)


def test_a_thing_given_by_its_is_whose_in_a_later_fact() -> None:
    draft = draft_of(ARTICLE)
    walls = fact_with(draft, "pit walls").answer
    assert "Orvenia's mining inspectors found the pit walls unstable" in walls, walls


def test_only_a_described_thing_is_learned_not_a_person_or_a_general_word() -> None:
    assert dict(described_things("Dalmet, the copper company that built it, agreed.", set())) == {
        "copper company": "Dalmet"
    }
    # "the company" alone may be any company; a person's description is the people rules' own
    assert not dict(described_things("Dalmet, the company, agreed.", set()))
    assert not dict(described_things("Ilya Uzun, the acting governor, said so.", {"Ilya Uzun"}))


def test_its_is_read_only_with_a_modifier_and_in_the_subjects_own_clause() -> None:
    assert list(owned_things("Orvenia sent its mining inspectors into the pits.", set())) == [
        ("inspectors", "Orvenia's mining inspectors")
    ]
    # "its claim" says too little of which; "its border guards home" may be guards or a home
    assert not list(owned_things("Dalmet drops its claim in Geneva.", set()))
    assert not list(owned_things("Orvenia has withdrawn its border guards home.", set()))
    # "its" after "and" may belong to another subject
    assert not list(owned_things("Orvenia signed and Dalmet dropped its claim.", set()))


def test_a_long_sentence_in_capitals_is_read_at_once() -> None:
    # A sentence typed in capitals is one run of capitalised words: reading it for names in
    # apposition took seconds (every shorter run was tried from every word: 2,000 words, 4 s),
    # and drafting an article with it as long.
    shouting = " ".join(["THE MINISTER OF ROADS SAID ORVENIA WOULD PAY"] * 250) + "."
    started = time.perf_counter()
    assert not list(described_things(shouting, set()))
    assert time.perf_counter() - started < 1.0
