"""A body's initials and its full name, tagged on the facts that use only one of them.

An article names a body in full once ("the International Criminal Court", "the Collective
Security Treaty Organization") and by its initials elsewhere ("ICC President Judge Piotr
Hofmanski ...", "the CSTO mission"). A reader writes either ("icc", "international criminal
court"); a fact that says only one is not found by the other and loses to the fact that says
both, often the opening one. So each fact is tagged with the form it lacks.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.core.text import fold
from bot.ingest.context import TITLES

_INITIALS = re.compile(r"\b[A-Z]{2,6}\b")
# A name of capitalised words, "of"/"for"/"and"/"the" allowed inside ("Organization for
# Security and Co-operation in Europe" is beyond it; most bodies are not).
_FULL_NAME = re.compile(r"\b[A-Z][\w-]+(?:\s+(?:(?:of|for|and|the|on)\s+)?[A-Z][\w-]+)+")
_MINOR = frozenset("of for and the on".split())


def initialisms(text: str) -> dict[str, str]:
    """The initials ``text`` uses, each with the full name it also writes: {"ICC":
    "International Criminal Court"}. Initials with no full name written are left out; of
    several names with the same initials, the one written most often ("United States", not a
    title such as "Under Secretary", which is never a body's name)."""
    used = set(_INITIALS.findall(text))
    found: dict[str, Counter[str]] = {}
    for match in _FULL_NAME.finditer(text):
        words = match.group().split()
        # A name may run on from a title or the sentence's first word ("ICC President ...",
        # "The Collective Security ..."): its initials are a suffix of the words.
        for start in range(len(words)):
            name = words[start:]
            if name[0].lower() in _MINOR or TITLES.match(" ".join(name)):
                continue
            letters = "".join(w[0] for w in name if w.lower() not in _MINOR)
            if len(letters) >= 2 and letters in used:
                found.setdefault(letters, Counter())[" ".join(name)] += 1
                break
    return {short: names.most_common(1)[0][0] for short, names in found.items()}


def paired_tags(answer: str, pairs: dict[str, str]) -> list[str]:
    """Tags for the form of each body ``answer`` does not use: "international-criminal-court"
    when it says "ICC" alone, "icc" when it says the full name alone."""
    tags: list[str] = []
    words = set(re.findall(r"[A-Za-z]+", answer))
    for short, full in pairs.items():
        has_short = short in words
        has_full = full in answer
        if has_short and not has_full:
            tags.append("-".join(fold(full).split()))
        elif has_full and not has_short:
            tags.append(short.lower())
    return tags
