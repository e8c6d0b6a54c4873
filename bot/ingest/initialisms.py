"""A body's initials and its full name, tagged on the facts that use only one of them.

An article names a body in full once ("the International Criminal Court", "the Collective
Security Treaty Organization") and by its initials elsewhere ("ICC President Judge Piotr
Hofmanski ...", "the CSTO mission"). A reader writes either ("icc", "international criminal
court"); a fact that says only one is not found by the other and loses to the fact that says
both, often the opening one. So each fact is tagged with the form it lacks.

A body the article names only in full ("the Organization for Security and Co-operation in
Europe", "the Central Election Commission") is still asked about by its initials ("were osce
monitors there"): those are derived from its name (``derived_initialisms``) and tagged the same
way, when the name says it is a body (organisation, union, agency, commission, ...).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from bot.core.folding import fold
from bot.ingest.lexicon import zipf
from bot.ingest.people_names import TITLES

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


# A body's name ends with the kind of body it is: only such names have initials readers use
# ("OSCE", "IAEA", "CSTO"); a place's or a person's run of capitals has none.
_BODY_KINDS = frozenset(
    """organization organisation union agency commission committee court council service
    party bank fund alliance federation assembly association tribunal""".split()
)
# Inside a body's name: "Organization for Security and Co-operation in Europe".
_NAME_RUN = re.compile(r"\b[A-Z][\w-]+(?:\s+(?:(?:of|for|and|the|on|in)\s+)?[A-Z][\w-]+)+")
_INNER = _MINOR | {"in"}
# Initials this common as a word (Zipf) are read as the word ("CAT", "WHO"): never tagged.
_COMMON_WORD = 4.5


def _is_common_word(letters: str) -> bool:
    return zipf(letters) >= _COMMON_WORD


def derived_initialisms(
    text: str, is_word: Callable[[str], bool] = _is_common_word
) -> dict[str, str]:
    """The initials of the bodies ``text`` names only in full ("the Organization for Security
    and Co-operation in Europe" -> "OSCE"), three letters or more and no word of their own
    (``is_word``: by default, a common English word): what readers write for a body the
    article never shortens."""
    used = set(_INITIALS.findall(text))
    out: dict[str, str] = {}
    for match in _NAME_RUN.finditer(text):
        words = match.group().split()
        while words and words[-1].lower() in _INNER:
            words.pop()
        if not words or not {words[0].lower(), words[-1].lower()} & _BODY_KINDS:
            continue  # ("Organization for Security ...": the kind may come first)
        # The name starts after a sentence's first word or a title ("The Central Election
        # Commission", "ICC President ..."): the longest run of its own words.
        while words and (words[0] in ("The", "A", "An") or TITLES.match(" ".join(words))):
            words = words[1:]
        # ("UN Security Council": initials inside the name stay whole, "UNSC".)
        letters = "".join(w if w.isupper() else w[0] for w in words if w.lower() not in _INNER)
        if len(letters) < 3 or not letters.isupper() or letters in used:
            continue
        if is_word(letters.lower()):
            continue
        out.setdefault(letters, " ".join(words))
    return out


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
