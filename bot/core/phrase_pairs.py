"""How close a question is, as a whole, to the closest of a fact's own phrasings: the share of
their word pairs of substance ("stop the", "the ferry") they have in common.

Siblings (facts of one story) share their names and content words, so two of them can match a
question's words about equally well while one of them was phrased by its curator very nearly
as the question is asked: "so did the storm stop the ferry" of a fact asked "did the storm
stop the ferry" and a sibling asked "was the ferry stopped long by the storm". Word by word
they tie; pair by pair ("storm stop", "the ferry"), with the small words that join them
kept, the first is plainly closer. The matcher reads this only to put two nearly tied siblings
in order (``sibling_order.phrased_first``), never to answer outright: a tie it breaks stays a
"did you mean", with the closer sibling offered first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise

from bot.core.chat_expansion import expand_chat
from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold
from bot.core.index_entries import IndexEntry

_WORD = re.compile(r"[a-z0-9]+")

Pairs = frozenset[tuple[str, str]]


def word_pairs(text: str) -> Pairs:
    """The adjacent word pairs of ``text`` that hold a word of substance, folded to ASCII
    (Cyrillic and Azerbaijani transliterated) with chat spellings read as the words they stand
    for ("u" -> you). Pairs of function words alone ("what did", "did the") say only how a
    question opens, which half the questions asked share; ``worded_first`` reads that."""
    words = _WORD.findall(expand_chat(fold(text)))
    return frozenset(
        (first, second)
        for first, second in pairwise(words)
        if first not in STOPWORDS or second not in STOPWORDS
    )


# Phrasings recur from question to question (the same siblings tie again and again); the
# questions themselves mostly do not, so they are read afresh.
_phrasing_pairs = lru_cache(maxsize=50_000)(word_pairs)


def term_pairs(terms: Sequence[str]) -> Pairs:
    """The adjacent pairs of a text's terms (its stems, stopwords left out, in their order):
    how an Azerbaijani question is compared with a fact's phrasings. Its words take endings
    ("yekaterinburgda", "Yekaterinburqda") and are typed with or without their letters, so
    two wordings of one question rarely share a word pair as written; as terms, with a chat
    form read as the words it stands for ("nə olmuşdu" as "nə baş verdi"), they do, and a
    phrasing in another language meets them through the names its terms share."""
    return frozenset(pairwise(terms))


def _written_pairs(terms: tuple[str, ...], text: str) -> Pairs:
    """A phrasing's pairs of words as written."""
    return _phrasing_pairs(text)


def _stem_pairs(terms: tuple[str, ...], text: str) -> Pairs:
    """A phrasing's pairs of terms, as the index read it."""
    return term_pairs(terms)


# How a phrasing (its terms and its text) is read into pairs.
PhrasingPairs = Callable[[tuple[str, ...], str], Pairs]


def closeness(asked: Pairs, entry: IndexEntry, read: PhrasingPairs = _written_pairs) -> float:
    """The best Jaccard share of word pairs between the question (``asked``) and one of the
    fact's written phrasings (its id and tags are no phrasing a person wrote), each read as
    ``read`` gives its pairs (of its words as written, or of its terms)."""
    if not asked:
        return 0.0
    best = 0.0
    for terms, text in entry.phrasings:
        if text:
            pairs = read(terms, text)
            shared = len(asked & pairs)
            if shared:
                best = max(best, shared / len(asked | pairs))
    return best


def closer_by(asked: Pairs, one: IndexEntry, other: IndexEntry, stems: bool = False) -> float:
    """How much closer the question is to ``one``'s closest phrasing than to ``other``'s:
    compared by the pairs of their words as written, or with ``stems`` of their terms
    (``asked`` then being the question's ``term_pairs``)."""
    read = _stem_pairs if stems else _written_pairs
    return closeness(asked, one, read) - closeness(asked, other, read)
