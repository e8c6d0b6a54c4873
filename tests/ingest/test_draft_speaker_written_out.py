"""A closing ", it said" names its speaker (issue 12, point 1: self-contained answers), on
articles of our own (``data/corpus/ushi-ferry.txt``, and short texts here)."""

from __future__ import annotations

from tests.ingest.drafting import answer_with, corpus_draft, draft_of


def test_it_said_is_the_body_named_before() -> None:
    answer = answer_with(corpus_draft("ushi-ferry"), "4 million manats")
    assert answer.endswith("the Azerbaijani transport ministry said."), answer
    assert ", it said" not in answer


LONG_AGO = """Dredging of the Kura delta begins
Published: 2025-06-02

SALYAN, June 2 - The state water agency of Azerbaijan said on Monday it had begun dredging.
Sand bars had closed the river mouth to fishing boats for most of May.
Fishermen in Salyan said catches fell by half.
Boats queued for days at the mouth.
The village school closed early for the summer.
Dredging of the channel will cost about 3 million manats and take two months, it said.
"""


def test_no_body_named_lately_leaves_it_as_it_is() -> None:
    answer = answer_with(draft_of(LONG_AGO), "two months")
    assert "it said" in answer, answer
