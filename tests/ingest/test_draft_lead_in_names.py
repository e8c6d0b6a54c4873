"""A company's name opening a sentence keeps its capital behind the drafter's lead-in.

On an article of our own (``data/corpus/pipeline-fire.txt``): a sentence set in the story's
event gets a lead-in ("In the Armenia fire of ..., ") and its first word is lower-cased unless
it is a name. A name the article writes only at the start of a sentence ("Gazprom said ...")
was lower-cased ("..., gazprom said"), which a moderator had to correct. A plain noun there
("Engineers expect ...") is still lower-cased.
"""

from __future__ import annotations

from tests.ingest.drafting import corpus_draft, fact_with


def test_a_name_opening_a_sentence_keeps_its_capital_after_the_lead_in() -> None:
    draft = corpus_draft("pipeline-fire")
    supplier = fact_with(draft, "said it kept supplying")
    assert ", Gazprom said" in supplier.answer, supplier.answer
    assert "gazprom" not in supplier.answer


def test_a_plain_noun_opening_a_sentence_is_still_lower_cased() -> None:
    draft = corpus_draft("pipeline-fire")
    repair = fact_with(draft, "expect to repair")
    assert ", engineers expect" in repair.answer, repair.answer
