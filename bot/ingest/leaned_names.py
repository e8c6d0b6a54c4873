"""The people a fact's sentence speaks of as "his" or "her", named just before it, as tags.

A sentence often names its person only in the one before: "Investigators said 1.2 million lari
passed through his accounts" follows "The court found that ... Kobaidze accepted payments".
Approved as it stands, that fact holds no "Kobaidze", so a reader asking what passed through
Kobaidze's hands is answered by whichever sibling names him. The answer keeps the article's
words (a moderator reads it against the article); its tags take the name it leans on, so the
reader's name meets it.

Only a personal pronoun leans back, and only on a person the article names; a sentence that
names a person before its pronoun ("Sharashidze said she ...") is about that one, and a name
the answer already holds is not added.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from bot.core.folding import fold

# A personal pronoun or possessive: who it stands for was named before. ("its", "their" lean
# on bodies and things too, whose names most facts of a story share: borrowed, they made near
# ties between siblings, and cost answers.)
_LEANING = re.compile(r"\b(?:she|her|hers|he|his|him)\b", re.IGNORECASE)
# How many borrowed names a fact takes: the subject, and at most one more.
MAX_LEANED = 2


def leans_back(sentence: str) -> bool:
    """Whether ``sentence`` refers to someone by a personal pronoun."""
    return _LEANING.search(sentence) is not None


def leaned_names(
    sentence: str, answer: str, before_names: Sequence[str], people: Collection[str]
) -> list[str]:
    """Of ``before_names`` (the name tags of the sentence before ``sentence``, in its order),
    the people a fact answering ``answer`` should also be tagged with (``people``: the surnames
    the article names people by). None when the fact's answer does not lean back on a person,
    or names one before its pronoun: "Sharashidze said she would appeal" is about Sharashidze,
    whoever the sentence before named."""
    pronoun = _LEANING.search(answer) if leans_back(sentence) else None
    if pronoun is None:
        return []
    if set(re.split(r"\W+", fold(answer[: pronoun.start()]))) & set(people):
        return []
    own = set(re.split(r"\W+", fold(answer)))
    kept = [
        tag
        for tag in before_names
        if tag.split("-")[-1] in people and not set(tag.split("-")) & own
    ]
    return kept[:MAX_LEANED]
