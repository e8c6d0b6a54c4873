"""When two phrasings are the same question: one rule for teaching, the store and the index.

A moderator who teaches "Why are the trams off?" and then "why are the trams off" has taught
one question, not two; taking back "WHY are the trams off" takes it back. Letter case, runs of
spaces and punctuation do not make another question; words, their spelling and their script
do (a Russian question and its transliteration are two questions, each worth teaching).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# Written inside words ("don't", "y'all"): dropped, so "dont" is the same word. Every other
# punctuation mark or symbol parts words, as a space does ("trams,buses").
_INSIDE_WORDS = frozenset("'’ʼ`´")


def question_key(text: str) -> str:
    """What is compared of a phrasing: NFKC-normalised, case-folded, apostrophes dropped,
    other punctuation and symbols made spaces, runs of spaces made one, ends trimmed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(
        "" if ch in _INSIDE_WORDS else ch if ch.isalnum() or ch.isspace() else " "
        for ch in folded
        if unicodedata.category(ch) not in ("Mn", "Cf")  # combining marks, invisible format
    )
    return " ".join(kept.split())


def same_question(one: str, other: str) -> bool:
    return question_key(one) == question_key(other)


def holds_question(phrasings: Iterable[str], question: str) -> bool:
    """Whether ``question`` is among ``phrasings`` as the same question."""
    key = question_key(question)
    return any(question_key(p) == key for p in phrasings)
