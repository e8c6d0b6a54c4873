"""A "he" after a long opening phrase ("At an emergency meeting on the day of the crash he
...") is the person the sentence before named, as after a short one ("On Monday he ...").
Our own article, on a made-up governor."""

from __future__ import annotations

from tests.ingest.drafting import draft_of, fact_with

ARTICLE = """Governor orders checks after Orsa ferry sinking
Published: 2025-03-11

A ferry sank in the Orsa harbour on Sunday, and six people drowned, the coast guard said.

Governor Lemar Vasko declared Monday a day of mourning in the province.

At a closed meeting on the evening of the sinking he ordered checks of every ferry in the province.

Nine passengers were rescued by fishing boats.
"""


def test_a_pronoun_after_a_long_opening_phrase_is_the_person_named_before() -> None:
    draft = draft_of(ARTICLE)
    checks = fact_with(draft, "ordered checks").answer
    assert "Vasko ordered checks of every ferry" in checks, checks
    assert " he ordered" not in checks
