"""One-word paraphrases of English expressions of several words, which ``related_words``
(single words only) cannot see.

The analyzer drops particles and small words as stopwords, so "were people picked up" reaches
the index as "pick" (or the word it stands for) alone, and a fact saying they were "arrested"
shares nothing with it; "what is going on" is "go", which every fact's "went" has, and no
"happen". Read together, such words have a sense of their own: "pick up" / "arrest", "go on" /
"happen", "take into custody" / "arrest", "step down" / "resign", "united nations" / "un".

The table, ``multiword_paraphrases.txt`` beside this module, holds a line per expression: its
words' terms, a tab, then the terms of the single words it stands for. It is derived from
WordNet 3.0 by ``python -m bot.wordnet_tables.multiword_paraphrases``, which says what is kept
and why; this module only reads it (WordNet's notice is in ``multiword_paraphrases.LICENSE``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources

from bot.core.english_stems import stem_word

# The longest expression read: WordNet's longer ones ("take the bull by the horns") are
# idioms nobody asks a news bot in those words.
MOST_WORDS = 4

TABLE = "multiword_paraphrases.txt"
_WORD = re.compile(r"[a-z]+")


def key(words: Iterable[str]) -> str:
    """The table's key of an expression's words, in any form ("picked up", "taken into")."""
    return " ".join(stem_word(word) for word in words)


def parse(text: str) -> dict[str, tuple[str, ...]]:
    """The table as ``multiword_paraphrases.txt`` writes it."""
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        name, _, related = line.partition("\t")
        table[sys.intern(name)] = tuple(map(sys.intern, related.split()))
    return table


@lru_cache(maxsize=1)
def table() -> Mapping[str, tuple[str, ...]]:
    """The shipped table, read on first use."""
    return parse(resources.files(__package__).joinpath(TABLE).read_text("ascii"))


def _starts(known: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """The first terms of ``known``'s expressions: most words of a question start none, and
    are passed at once (this runs for every English question)."""
    return frozenset(name.partition(" ")[0] for name in known)


@lru_cache(maxsize=1)
def _shipped_starts() -> frozenset[str]:
    return _starts(table())


# Words recur from question to question; their terms are read once.
_term = lru_cache(maxsize=100_000)(stem_word)


def expressions_in(
    text: str, known: Mapping[str, tuple[str, ...]] | None = None
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each expression of the table (``known``: the shipped one) in English ``text``, as its
    words are written there, with its paraphrases' terms, the longest expression first where
    two start at one word ("take into custody" before "take into")."""
    if known is None:
        known, starts = table(), _shipped_starts()
    else:
        starts = _starts(known)
    words = _WORD.findall(text.lower())
    terms = [_term(word) for word in words]
    out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    start = 0
    while start < len(words) - 1:
        if terms[start] not in starts:
            start += 1
            continue
        for size in range(min(MOST_WORDS, len(words) - start), 1, -1):
            related = known.get(" ".join(terms[start : start + size]))
            if related:
                out.append((tuple(words[start : start + size]), related))
                start += size
                break
        else:
            start += 1
    return out
