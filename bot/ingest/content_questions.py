"""Questions from what a fact names, for a fact whose clauses gave it fewer than two.

A sentence the clause parser cannot turn ("Only last September did he admit founding the
group", "Rostov residents cheered as the convoy left the city that night") still names
things a reader asks about: a count ("how many ethnic armenians fled") or someone quoted
("what did ararat mirzoyan say"). Not "what happened in <place>" or "on <day>": every casual
"wat happened" would meet those, and that question is the opening fact's. A fact with one
question or none is reached by its answer words alone and loses to any sibling whose
questions share them, so these are added until it has two.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold

# "more than 100,000 ethnic Armenians fled", "some 328,000 Moldovans cast": a count, the noun
# it counts (one modifier allowed) and the past-tense verb that says what they did.
_COUNT = re.compile(
    r"\b(?:about|some|nearly|almost|around|roughly|over|more than|at least|up to)?\s*"
    r"\d[\d,]*(?:\s+(?:thousand|million))?\s+"
    r"(?P<noun>(?:[A-Za-z][\w-]*\s+)?(?:[A-Za-z][\w-]*s|people))\s+"
    r"(?P<verb>(?:were|have\s+been|had\s+been)\s+[a-z]+(?:ed|en)|fled|died|arrived|gathered|"
    r"protested|rallied|marched|voted|escaped|drowned|perished|remain|remained)\b(?!\s+(?:the|a|an)\b)"
)
# "Foreign Minister Ararat Mirzoyan told", "Peskov said": a named speaker and a saying verb.
_SPEAKER = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'-]+\s+){0,3}[A-Z][\w'-]+)\s+(?:also\s+)?"
    r"(?:said|says|told|described|called|warned|argued|insisted|added)\b"
)


def content_questions(
    answer: str, *, known: Collection[str], check: Callable[[str], str | None]
) -> list[str]:
    """Questions about what ``answer`` names, lower-case, none of ``known`` (the fact's own
    questions or words every fact of the story shares), each passing ``check`` (the grammar
    check): counts first, then speakers."""
    out: list[str] = []
    for match in _COUNT.finditer(answer):
        noun = fold(match["noun"])
        if noun.split()[0] in STOPWORDS:
            noun = " ".join(noun.split()[1:])
        if noun:
            out.append(f"how many {noun} {fold(match['verb'])}")
    for match in _SPEAKER.finditer(answer):
        name = _name(match["name"])
        if name:
            out.append(f"what did {name} say")
    seen = set(known)
    kept: list[str] = []
    for question in out:
        if question not in seen and check(question) is None:
            seen.add(question)
            kept.append(question)
    return kept


def _name(phrase: str) -> str:
    """``phrase`` folded, without a leading "The" or sentence-start word that is no name."""
    words = phrase.split()
    while words and fold(words[0]) in STOPWORDS:
        words = words[1:]
    # Folding reads "Kyrgyzstan's" as two words ("kyrgyzstan s"): the possessive is kept whole.
    return " ".join(
        fold(re.sub(r"['’]s$", "", w)) + ("'s" if re.search(r"['’]s$", w) else "") for w in words
    )
