"""Question phrasings from a statement's structure: who/what, yes-no, why and when forms.

A light, rule-based reading of an English news sentence: leading clauses ("Despite previous
cooperation, ...") and asides between commas or dashes are set apart, the subject is what comes
before the first verb group, and the verb group's auxiliary ("has", "is", "will") can be moved
in front of the subject. "The Azerbaijani government has recalled its ambassador" gives
"who has recalled its ambassador", "has the azerbaijani government recalled its ambassador"
and "why has the azerbaijani government recalled its ambassador". The matcher reads questions
as terms, so the forms need to be natural, not perfect; moderators review them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.text import STOPWORDS

MAX_QUESTION_WORDS = 13

_AUX = (
    "has been|have been|had been|is being|are being|was being|were being|will be|would be|"
    "has|have|had|is|are|was|were|will|would|may|might|can|could|should|must"
)
_AUX_RE = re.compile(rf"\b(?P<aux>{_AUX})\b(?P<neg>\s+not)?")
_IRREGULAR_PAST = frozenset(
    """led lost made took became began went came held met won told found gave left sent set put
    ran saw fell rose paid kept brought fought struck spoke wrote chose broke drove grew knew threw
    bought caught meant felt stood built spent shot hit cut said""".split()
)
_PERSON_HEADS = frozenset(
    """government ministry committee leadership authorities police president minister officials
    official spokesman spokeswoman spokesperson army military court council parliament prosecutors
    investigators men women people relatives families residents protesters company firm union
    organisers organizers officials traders experts analysts diplomats ambassador minister
    agency service services leader leaders mayor governor party""".split()
)
_TIME = re.compile(
    r"\b(?:(?:in|on|since|by|during)\s+(?:\d{4}|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b[\w ,]*?|last (?:week|month|year|night)|yesterday|earlier this \w+)",
)
_CAUSAL = re.compile(
    r"\b(?:because|due to|after|following|in response|as a result|led to|caused|triggered|"
    r"sparked|prompted|amid|over|for)\b",
    re.IGNORECASE,
)
_LEADING_CLAUSE = re.compile(
    r"^(?:Despite|After|Before|Following|During|Since|Amid|While|Although|Though|As|When|In|On)\b"
    r"[^,]*?,\s+"
)
_ASIDE = re.compile(r"\s*,\s*(?:which|who|whose|where|a|an|the|[a-z]+ed)\b[^,]*,\s*")
_DASHES = re.compile(r"\s*—[^—]*—\s*")
# A second verb group joined by "and" starts a second question, not part of this one.
_SECOND_PREDICATE = re.compile(rf",?\s+and\s+(?:{_AUX})\b.*$")


@dataclass(frozen=True, slots=True)
class Clause:
    subject: str
    aux: str | None
    rest: str
    """The predicate after the auxiliary (or the whole predicate if there is none)."""


def _plain(text: str) -> str:
    text = re.sub(r"[.!;:]+$", "", text.strip())
    return " ".join(text.split())


def _lower_first(text: str, keep: set[str]) -> str:
    """Lower-case the first word unless it is a name (a word capitalised elsewhere too)."""
    first, _, rest = text.partition(" ")
    if first in keep:
        return text
    return f"{first.lower()} {rest}".strip()


_PREPOSITIONS = frozenset("from of in at on with for by under over about between".split())


def _plural_noun(word: str, following: str) -> bool:
    """A word ending in -s that is a plural noun, not a verb, by what follows it.

    "relations has been", "officials blamed", "publishers from": a verb follows, or a
    preposition; verbs in -s are followed by their object, "to" or "that" ("seeks to").
    """
    if word.endswith("ed") or not word.endswith("s"):
        return False
    following = following.strip(",")
    return (
        _AUX_RE.fullmatch(following) is not None
        or following in _PREPOSITIONS
        or following in _IRREGULAR_PAST
        or (following.endswith("ed") and len(following) > 4)
    )


def parse(statement: str) -> Clause | None:
    """Subject, auxiliary and rest of ``statement``'s main clause, if it can be found."""
    text = _DASHES.sub(", ", _plain(statement))
    text = _LEADING_CLAUSE.sub("", text, count=1)
    text = _ASIDE.sub(" ", text)
    words = text.split()
    if len(words) < 3:
        return None
    aux = _AUX_RE.search(text)
    # A lexical verb earlier than any auxiliary ("Azerbaijan seeks to ...", "Two men lost ...").
    for index, word in enumerate(words[1:8], start=1):
        bare = word.lower().strip(",")
        is_verb = bare in _IRREGULAR_PAST or (
            word.islower()
            and bare not in STOPWORDS
            and re.fullmatch(r"[a-z]{3,}(?:ed|es)|[a-z]{2,}[^siu]s", bare) is not None
            and words[index - 1].lower() not in ("the", "a", "an", "of", "its", "their", "his")
            and not _plural_noun(bare, words[index + 1].lower() if index + 1 < len(words) else "")
        )
        start = len(" ".join(words[:index])) + 1
        if is_verb and (aux is None or start < aux.start()):
            subject = " ".join(words[:index])
            return Clause(subject, None, " ".join(words[index:]))
    if aux is None or aux.start() == 0:
        return None
    subject = text[: aux.start()].strip(" ,")
    rest = _SECOND_PREDICATE.sub("", text[aux.end() :]).strip(" ,")
    if not subject or not rest:
        return None
    return Clause(subject, aux["aux"] + (aux["neg"] or ""), rest)


def _clip(question: str) -> str:
    words = question.split()
    if len(words) > MAX_QUESTION_WORDS:
        # Cut at a clause boundary when there is one, else at the word limit.
        head = " ".join(words[:MAX_QUESTION_WORDS])
        comma = head.rfind(",")
        question = head[:comma] if comma > len(head) // 2 else head
    words = question.strip(" ,").split()
    while len(words) > 2 and words[-1].lower().strip(",") in STOPWORDS:
        words.pop()
    return " ".join(words).rstrip(",")


def generate(statement: str, *, names: set[str] | None = None) -> list[str]:
    """Up to four question phrasings for ``statement``, lower-case, without '?'.

    ``names`` are words written capitalised mid-sentence in the article (kept capitalised
    when they start the subject, then everything is lower-cased as people type).
    """
    names = names or set()
    clause = parse(statement)
    out: list[str] = []
    if clause is not None:
        subject = _lower_first(clause.subject, names)
        head = clause.subject.split(" of ")[0].split()[-1].lower().strip(",")
        who = (
            "who"
            if head in _PERSON_HEADS or (clause.subject[:1].isupper() and clause.subject in names)
            else "what"
        )
        if clause.aux:
            out.append(f"{who} {clause.aux} {clause.rest}")
            aux_first, _, aux_more = clause.aux.partition(" ")
            inverted = f"{aux_first} {subject} {aux_more} {clause.rest}".replace("  ", " ")
            out.append(inverted)
            timed = _TIME.search(statement)
            if timed:
                out.append(f"when {inverted}")
            elif _CAUSAL.search(clause.rest) or aux_first in ("has", "have", "had"):
                out.append(f"why {inverted}")
        else:
            out.append(f"{who} {clause.rest}")
    seen: dict[str, None] = {}
    for question in out:
        cleaned = _clip(question.lower().replace(" ,", ","))
        if len(cleaned.split()) >= 2:
            seen.setdefault(cleaned, None)
    return list(seen)[:4]
