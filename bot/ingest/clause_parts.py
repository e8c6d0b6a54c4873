"""Parts of a news sentence that readers ask about apart from its main clause.

News packs several statements into one sentence: two clauses ("No one was killed, but four
firefighters were treated for smoke inhalation"), a denial ("No one was killed"), or a plan
("The government plans to raise gas prices by a quarter in March"). ``questions.generate``
asks about the main clause; these helpers find the other parts, as plain text, so that the
same question rules apply to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from bot.ingest.lexicon import is_past

C = TypeVar("C")

# ", but four firefighters were treated ...", "; the rest ...": a second main clause. "and"
# is left out: after it a clause is far more often a second verb of the same subject.
_SECOND_CLAUSE = re.compile(r"(?:,\s+but|;|,\s+while|,\s+whereas)\s+(?P<clause>[A-Za-z].+)$")
_PRONOUN_START = re.compile(r"^(?:it|they|he|she|we|i|you|this|that|there)\b", re.IGNORECASE)

# "..., COP30, which will be held in the Brazilian city of Belém in November 2025": a
# relative clause saying something of a name.
_RELATIVE = re.compile(
    r"(?P<name>(?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*),\s+(?:which|who)\s+"
    r"(?P<clause>(?:will|would|is|are|was|were|has|have|had)\s+[a-z].*?)(?=,|\.|;|$)"
)

# "No one was killed", "Nobody was hurt": readers ask "was anyone killed".
_NOBODY = re.compile(
    r"^(?:No one|Nobody|No-one)\s+(?P<aux>was|were|has been|had been|is)\s+"
    r"(?P<verb>[a-z]+(?:ed|en)|hurt)\b(?P<tail>[^,.;]*)"
)

# "plans to raise ...", "has promised to rebuild ...": what the subject means to do.
INTENT_VERBS = frozenset(
    """plans plan planned intends intend intended aims aim aimed wants want wanted hopes hope
    hoped promised promises vowed vows pledged pledges agreed agrees decided decides
    threatened threatens expects expect expected""".split()
)
_INTENT = re.compile(r"^to\s+(?P<verb>[a-z]+)\s+(?P<rest>\S.*)$")
_INTENT_SENTENCE = re.compile(
    r"^(?P<subject>(?:\S+\s+){0,5}?\S+)\s+(?P<verb>plans|intends|aims|wants|hopes|expects)\s+"
    r"(?P<rest>to\s+[a-z]+\s+\S.*)$"
)


def second_clause(statement: str) -> str | None:
    """The second main clause of ``statement``, if it has its own subject (not a pronoun,
    which would leave the question saying nothing)."""
    match = _SECOND_CLAUSE.search(statement.rstrip(". "))
    if match is None:
        return None
    clause = match["clause"]
    if _PRONOUN_START.match(clause) or len(clause.split()) < 4:
        return None
    return clause[:1].upper() + clause[1:]


# ", and the price at the pump roughly doubled ...": after "and", a clause with a subject of
# its own, which opens as a noun phrase does (a determiner, a number or a name), not as a verb.
# A short time phrase may open it: ", and in September Pashinyan said ...".
_AND_CLAUSE = re.compile(
    r",\s+and\s+(?P<clause>(?:(?:in|on|by|last|later|earlier)\s+[\w' -]{1,25}?\s+)?"
    r"(?:the|a|an|its|their|his|her|some|most|many|about|more|nearly|"
    r"[A-Z][\w'-]*|\d[\d,.]*)\s.+)$"
)
_OWNER = re.compile(r"^(?:its|their|his|her)\s+(?=[a-zA-Z])", re.IGNORECASE)
_NAME_SUBJECT = re.compile(r"^(?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,3}$")


def coordinated_clause(statement: str, subject: str | None = None) -> str | None:
    """The main clause after ", and" or ", but" that has a subject of its own ("..., and the
    price at the pump roughly doubled overnight"), as a sentence: readers ask about it as often
    as about the first. "its" or "their" opening it is the first clause's ``subject`` when that
    is a name ("Armenia signed ..., but in 2004 its Constitutional Court found ..." ->
    "In 2004 Armenia's Constitutional Court found ..."); otherwise the clause is left out, for
    a question on "its court" says nothing."""
    text = statement.rstrip(". ")
    match = _AND_CLAUSE.search(text) or _SECOND_CLAUSE.search(text)
    if match is None:
        return None
    clause = match["clause"]
    if _PRONOUN_START.match(clause) or len(clause.split()) < 4:
        return None
    if _opens_on_verb(clause):
        # "..., but said the region would need new roads": a second verb of the first
        # clause's subject, not a clause of its own; read alone, "said the region" would be
        # its subject ("why would said the region need new roads"). Told with that subject,
        # it is the reported speech the question rules already ask about.
        if subject is None or not _NAMED_OR_DEFINITE.match(subject.strip()):
            return None
        clause = f"{subject.strip()} {clause}"
    lead = re.match(r"^(?:in|on|by|since|after|last|earlier|later)\b[^,]{0,25}?\s(?=its\s|their\s)",
                    clause, re.IGNORECASE)  # fmt: skip
    opening = lead.group() if lead else ""
    rest = clause[len(opening) :]
    owner = _OWNER.match(rest)
    if owner is not None:
        if subject is None or not _NAME_SUBJECT.match(subject.strip()):
            return None
        rest = f"{subject.strip()}'s {rest[owner.end() :]}"
    clause = f"{opening}{rest}"
    return clause[:1].upper() + clause[1:]


# "... 66 people were taken to hospitals and 50 of them were admitted": after "and", a count
# of the things counted before it ("50 of them", or the number alone: "and three were later
# charged") with a verb group after it is a clause of its own, even with no comma before the
# "and" (news often writes none). The verb group keeps a list ("93 passengers and five crew")
# or a tally ("12 dead and 50 wounded") out: a count followed by a noun or an adjective.
_NUMBER = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens|hundreds|thousands)"
)
# A measure counts no things the second count can be of: "pulled 57 people from the lake within
# 3 hours and 19 of them were kept in hospital" counts people, not hours.
_MEASURES = (
    r"(?:seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries|metres|meters|"
    r"kilometres|kilometers|miles|feet|tonnes|tons|kilograms|litres|liters|degrees|percent|"
    r"dollars|euros|pounds|roubles|rubles|manats|times)"
)
_COUNTED = re.compile(rf"\b{_NUMBER}\s+(?!{_MEASURES}\b)(?P<noun>people|[a-z-]+s)\b", re.IGNORECASE)
_AND_COUNT = re.compile(
    rf",?\s+and\s+(?P<count>(?:(?:about|nearly|almost|more than|at least|some)\s+)?{_NUMBER})"
    r"\s+(?:of\s+(?:them|those|these|whom)\s+)?"
    r"(?P<rest>(?:(?:later|also|still|then|since)\s+)?"
    r"(?:were|was|are|is|have|has|had|will|would|could|remain|remained|died|survived)\s.+)$",
    re.IGNORECASE,
)


def counted_clause(statement: str) -> str | None:
    """The clause after "and" that counts again what the clause before it counted ("66
    people were taken to hospitals and 50 of them were admitted" -> "50 people were
    admitted"), as a sentence with the counted noun written out; None when there is none."""
    text = statement.rstrip(". ")
    match = _AND_COUNT.search(text)
    if match is None:
        return None
    counted = list(_COUNTED.finditer(text[: match.start()]))
    if not counted:
        return None
    noun = counted[-1]["noun"].lower()
    clause = f"{match['count']} {noun} {match['rest']}"
    return clause[:1].upper() + clause[1:]


# A subject a second verb can be given: a name or a definite noun phrase ("The governor",
# "Moldova's Constitutional Court"), not "Some" or a count, which a reader cannot tell apart.
_NAMED_OR_DEFINITE = re.compile(
    r"^(?:[A-Z][\w'-]*|(?:The|Its|Their|His|Her)\s+[\w'-]+)(?:\s+[\w'-]+){0,5}$"
)
# Verbs of saying and acting that open a predicate in the present or without an ending
# ``is_past`` knows.
_BARE_VERBS = frozenset(
    """says said warns warned adds added insists insisted argues argued claims claimed
    announces announced told tells called calls urged urges denied denies""".split()
)


# "wounded soldiers were evacuated", "displaced Armenian families had": a past participle
# describing the clause's own subject, whose verb follows within a word or two.
_PARTICIPLE_SUBJECT = re.compile(
    r"^\S+\s+(?!(?:it|they|he|she|we|that|this|there|the|a|an)\b)[A-Za-z][\w'-]*"
    r"(?:\s+[A-Za-z][\w'-]*)?\s+(?:was|were|is|are|had|have|has|will|would|could|can)\b"
)


def _opens_on_verb(clause: str) -> bool:
    """Does ``clause`` open on a verb (lower-case: "said ...", "warned that ...",
    "refused to ...") rather than on its own subject (", but wounded soldiers were evacuated
    ...": a participle read as an adjective of the subject)?"""
    first = clause.split()[0]
    if not first.islower():
        return False
    return first in _BARE_VERBS or (is_past(first) and not _PARTICIPLE_SUBJECT.match(clause))


def relative_clauses(statement: str) -> list[str]:
    """What ``statement`` says of a name in a relative clause, as a sentence of its own:
    "COP30 will be held in the Brazilian city of Belém in November 2025". Readers ask of
    such a name ("where will cop30 be held") as of any subject."""
    out = []
    for match in _RELATIVE.finditer(statement):
        name = match["name"]
        if name.split()[0] in ("The", "A", "An") or len(match["clause"].split()) < 3:
            continue
        out.append(f"{name} {match['clause']}")
    return out


def nobody_question(statement: str) -> str | None:
    """ "No one was killed, but ..." -> "was anyone killed"."""
    match = _NOBODY.match(statement.strip())
    if match is None:
        return None
    aux = match["aux"].split()[0]
    been = "been " if "been" in match["aux"] else ""
    return f"{aux} anyone {been}{match['verb']}{match['tail'].rstrip()}"


def intent(verb: str, rest: str) -> tuple[str, str] | None:
    """The verb and the rest of what a subject ``verb``s to do ("plans" + "to raise gas prices
    by a quarter in March" -> ("raise", "gas prices by a quarter in March"))."""
    if verb.lower() not in INTENT_VERBS:
        return None
    match = _INTENT.match(rest)
    if match is None:
        return None
    return match["verb"], match["rest"]


def intent_clause(statement: str, make: Callable[[str, None, str, str], C]) -> C | None:
    """``statement`` as subject, intent verb and rest, built with ``make`` (the caller's clause
    type), when it opens with a plan ("The government plans to raise ...") that a general
    parse reads as a noun ("plans")."""
    match = _INTENT_SENTENCE.match(statement)
    if match is None:
        return None
    return make(match["subject"], None, match["verb"], match["rest"])
