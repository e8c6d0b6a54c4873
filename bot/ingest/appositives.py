"""Things an article names and then describes in apposition, which a later "the <description>"
means.

"... takes full ownership of Lorva Mining and Lorva Services, the two subsidiaries that run
the mine" and, further on, "The two subsidiaries filed for bankruptcy in May": a fact made of
the later sentence alone should say which ("Lorva Mining and Lorva Services filed ..."), for a
reader who sees it alone and for a question naming them. Only the description as the article
wrote it is written out ("the two subsidiaries", not any "the subsidiaries"), and never a
person's ("Ilya Uzun, the acting governor": people have rules of their own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.core.number_words import NUMBER_VALUES
from bot.ingest.lexicon import FUNCTION_WORDS, is_topic_noun

# A name: a run of capitalised words, matched whole (an atomic group). Cut shorter, it would be
# followed by another of its own words, never by the comma or "and" that must come next, so
# the words given back never made a match; trying them cost time that grew with the square of
# a run's length (an all-capitals sentence of 400 words took 0.3 s).
_NAME = r"(?>[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*)*)"
# "Lorva Mining and Lorva Services, the two subsidiaries that ...": names, a comma, "the" and a
# few lower-case words that end where the description does (a comma, "that", "which", "who").
_APPOSITION = re.compile(
    rf"(?P<names>{_NAME}(?:\s+and\s+{_NAME})?),\s+the\s+"
    r"(?P<description>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)(?=\s*,|\s+(?:that|which|who)\b)"
)
# What every apposition holds after its names.
_THE_AFTER_COMMA = re.compile(r",\s+the\s+[a-z]")
# Descriptions that may mean several things in one story ("the company", "the government"):
# one word of these alone is no description of one thing.
_TOO_GENERAL = frozenset(
    """company government country region city party group side state authorities people
    official officials leader president minister ministry court body agency firm""".split()
)
# A count of the things described ("the two subsidiaries") is a function word that belongs in
# a description: two to ten, not "one" or "dozen", which tell no number of named things.
_SMALL_COUNTS = frozenset(word for word, value in NUMBER_VALUES.items() if 2 <= value <= 10)


def described_things(text: str, people: set[str]) -> Iterator[tuple[str, str]]:
    """Each thing ``text`` describes in apposition, as (its description, lower-case, without
    "the"; the names it describes): ("two subsidiaries", "Lorva Mining and Lorva Services")."""
    if _THE_AFTER_COMMA.search(text) is None:
        return  # no apposition anywhere (most sentences): one cheap pass, no name runs tried
    for match in _APPOSITION.finditer(text):
        names, description = match["names"], match["description"]
        words = description.split()
        if any(w in FUNCTION_WORDS and w not in _SMALL_COUNTS for w in words) or not is_topic_noun(
            words[-1]
        ):
            continue
        if len(words) == 1 and words[0] in _TOO_GENERAL:
            continue
        if any(part in people for part in re.split(r"\s+and\s+", names)):
            continue
        if names.split()[0] in ("The", "A", "An", "In", "On", "At"):
            continue
        yield description, names


def written_out(text: str, described: dict[str, str]) -> str:
    """``text`` with "the <description>" of each thing in ``described`` written out as its
    names, once, unless the sentence names them already or says which by what follows ("the
    two subsidiaries of ...")."""
    for description, names in described.items():
        if names in text:
            continue
        pattern = rf"\b(?P<det>[Tt]he)\s+{re.escape(description)}\b(?!\s+(?:of|that|which)\b)"
        match = re.search(pattern, text)
        if match is None:
            continue
        text = f"{text[: match.start()]}{names}{text[match.end() :]}"
    return text
