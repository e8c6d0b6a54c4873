"""A later sentence of a fact that opens on a pronoun, told with what the pronoun stands for.

A fact often joins two sentences, the second leaning on the first: "The new text abolishes
the death penalty. It also shrinks the Senate ...". Asked as it stands, the second gives no
question ("what does it shrink" names nothing), so the fact is found only by what its first
sentence says, and a reader asking about the Senate gets whichever sibling shares more of
the story's words. Told with the first sentence's subject ("The new text also shrinks the
Senate ..."), it is asked about like any other sentence. Only the questions use this: the
answer keeps the article's sentences.

The pronoun is resolved only when exactly one candidate of the sentence before agrees with
it: its subject, or the body a closing ", the commission said" names. "he"/"she" take a person the
article names, "it" a thing (not a person, not a plural, not a count), "they" a plural.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.ingest.main_clause import parse

_PRONOUN = re.compile(r"^(?P<pronoun>It|He|She|They)\s+(?=[a-z])")
# ", the commission said." closing a sentence: who spoke, a candidate for a later "it".
_CLOSING_SPEAKER = re.compile(
    r",\s+(?P<speaker>(?:the|The)\s+[A-Za-z][\w' -]{1,60}?)\s+"
    r"(?:said|says|added|reported|announced|stated)[.!]?$"
)
_PLURAL = re.compile(r"(?:s|people|police)$")
# A subject opening on these leans on a sentence before it, or is a placeholder ("There were
# ..."): nothing a later pronoun could be told as.
_NAMES_NOTHING = frozenset({"it", "he", "she", "they", "this", "that", "there"})


def _is_person(subject: str, people: Collection[str]) -> bool:
    words = subject.split()
    return any(person in subject or words[-1] == person.split()[-1] for person in people)


def _agrees(pronoun: str, subject: str, people: Collection[str]) -> bool:
    """Whether ``pronoun`` can stand for ``subject``."""
    head = subject.split(",")[0].strip()
    if not head or head[:1].isdigit() or "%" in head or " and " in head:
        return False
    person = _is_person(head, people)
    last = head.split()[-1].lower()
    if pronoun in ("he", "she"):
        return person
    if pronoun == "it":
        return not person and not _PLURAL.search(last)
    return not person and bool(_PLURAL.search(last))


def _definite(subject: str) -> str:
    """ "An earlier draft" told again is "the earlier draft"."""
    return re.sub(r"^(?:An?|an?)\s", "the ", subject)


def resolved(part: str, before: str, people: Collection[str]) -> str | None:
    """``part`` with its opening pronoun replaced by what it stands for in ``before`` (the
    sentence before it in the same fact); None when it opens on none, or when not exactly one
    candidate before it agrees with it."""
    match = _PRONOUN.match(part)
    if match is None:
        return None
    pronoun = match["pronoun"].lower()
    candidates: list[str] = []
    clause = parse(before)
    if clause is not None and clause.subject.split()[0].lower() not in _NAMES_NOTHING:
        # The subject as far as its first comma: "The party's founder, the businessman ..."
        # (an adverb the parse leaves on it, "Armenia abruptly", is the first sentence's own).
        head = clause.subject.split(",")[0].split()
        while len(head) > 1 and head[-1].endswith("ly"):
            head.pop()
        candidates.append(" ".join(head))
    speaker = _CLOSING_SPEAKER.search(before.rstrip())
    if speaker is not None:
        candidates.append(speaker["speaker"])
    agreeing = [c for c in candidates if _agrees(pronoun, c, people)]
    if len(agreeing) != 1:
        # Two that agree ("The ministry raised the fee, the regulator said. It also ..."): a
        # guess would ask the fact a question it does not answer, while a sentence left as it
        # is only goes unasked.
        return None
    subject = _definite(agreeing[0])
    return subject[:1].upper() + subject[1:] + " " + part[match.end() :]
