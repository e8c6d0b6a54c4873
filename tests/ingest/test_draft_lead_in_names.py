"""A company's name opening a sentence keeps its capital behind the drafter's lead-in.

A sentence set in the story's event gets a lead-in ("In the Armenia fire of ..., ") and its
first word is lower-cased unless it is a name. A name the article writes only at the start of
a sentence ("Gazprom said ...") was lower-cased ("..., gazprom said"), which a moderator had
to correct. A plain noun there ("Engineers expect ...") is still lower-cased.
"""

from __future__ import annotations

from tests.ingest.drafting import draft_of, fact_with

PIPELINE = """Gas flows to Armenia fall after pipeline fire near Tbilisi
Published: 2025-02-04

TBILISI, February 4 - Gas deliveries to Armenia through Georgia fell by a third on Monday after a fire damaged a pipeline section near Tbilisi, the Georgian energy ministry said.

Gazprom said it kept supplying the pipeline at its usual rate.

Armtransgaz said reserves in Armenia's underground storage would cover demand for at least ten days.

Engineers expect to repair the damaged section by Friday.
"""


def test_a_name_opening_a_sentence_keeps_its_capital_after_the_lead_in() -> None:
    draft = draft_of(PIPELINE)
    supplier = fact_with(draft, "said it kept supplying")
    assert ", Gazprom said" in supplier.answer, supplier.answer
    assert "gazprom" not in supplier.answer


def test_a_plain_noun_opening_a_sentence_is_still_lower_cased() -> None:
    draft = draft_of(PIPELINE)
    repair = fact_with(draft, "expect to repair")
    assert ", engineers expect" in repair.answer, repair.answer
