"""Tags are topic words, never adverbs, pronouns or a prefixed verb's past (issue 12, point 4),
on words and an article of our own."""

from __future__ import annotations

import pytest

from bot.ingest.lexicon import is_topic_noun
from tests.ingest.drafting import draft_of


@pytest.mark.parametrize(
    "word", ["abroad", "overnight", "alongside", "nobody", "retook", "rewritten", "withheld"]
)
def test_closed_class_words_and_prefixed_pasts_are_no_topic(word: str) -> None:
    assert not is_topic_noun(word)


@pytest.mark.parametrize("word", ["outcome", "reset", "income", "forecast", "upset"])
def test_nouns_that_look_prefixed_stay_topics(word: str) -> None:
    assert is_topic_noun(word)


BORDER = """Rebels retake hill town of Vardo
Published: 2025-09-03

VARDO, September 3 - Rebel fighters retook the hill town of Vardo overnight, the army said on
Wednesday, five weeks after losing it.

Some 3,000 residents who had fled abroad in August began returning alongside aid convoys.

The army said its units had withdrawn to the valley road to avoid civilian casualties.
"""


def test_drafted_tags_hold_no_adverbs_or_verb_pasts() -> None:
    tags = {t for fact in draft_of(BORDER).facts for t in fact.tags}
    assert tags, tags
    assert not tags & {"retook", "overnight", "abroad", "alongside"}, tags
