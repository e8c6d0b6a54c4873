"""The named place a clause puts something in, for the "where" question
``place_questions`` asks.

"in the Orenburg region", "in the Russian city of Orsk" (-> Orsk); not a body one takes part in
("the Collective Security Treaty Organization") nor a target ("aimed at Russia"), which are
capitalised like places but say nowhere something happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ingest.clause_words import MONTHS_AND_DAYS

_PLACE = re.compile(
    r"(?:^|\s+)\b(?i:in|at|near|outside|inside)\s+(?:the\s+)?"
    r"(?:(?:[a-z-]+|[A-Z][a-z]+(?:an|ian|ish|i))\s+){0,3}?(?:(?:city|town|village|region|province|"
    r"district|republic) of\s+)?(?!(?:"
    + MONTHS_AND_DAYS
    + r")\b)(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
    r"(?:\s+(?:region|regions|province|district|city|area|oblast|republic|valley|river|county|"
    r"border|capital|square|avenue|street|airport|port))?\b"
)


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    name: str


# The head nouns of a body's name: "the Collective Security Treaty Organization", "the
# Eurasian Economic Union", "the Shor Party" are bodies, not places, though capitalised.
_BODY_HEADS = frozenset(
    """organization organisation union alliance treaty pact bloc party parties council
    committee commission assembly parliament ministry court agency bank fund company
    corporation group coalition movement front service office forum federation""".split()
)
# A verb whose "at" names a target, not a place: "aimed at Russia", "fired at Kyiv".
_TARGET_VERB = re.compile(
    r"\b(?:aim|aimed|aiming|directed|targeted|pointed|fired|shot|angry|looked|laughed|"
    r"lashed out|hit back|jabbed|swiped)\s*$",
    re.IGNORECASE,
)


def place_in(text: str) -> Place | None:
    """The first named place ``text`` puts something in ("in the Orenburg region", "in the
    Russian city of Orsk" -> Orsk)."""
    match = _PLACE.search(text)
    if match is None:
        return None
    name, end = match["name"], match.end()
    more = re.match(
        r"^\s+(?:(?:city|town|village|region|province|district|republic|capital)\s+)?of\s+"
        r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)",
        text[end:],
    )
    if more:
        name, end = more["name"], end + more.end()
    if name.split()[-1].lower() in _BODY_HEADS or _TARGET_VERB.search(text[: match.start()]):
        # "participation in the Collective Security Treaty Organization", "aimed at Russia":
        # a body one takes part in and a target are no place where something happened.
        return None
    following = text[end:]
    if following and not re.match(
        r"^(?:[,.;:]|\s+(?:in|on|at|to|for|and|but|as|after|before|when|with|by|from|near|"
        r"over|during|since|while|where|which|who|until|than|or)\b)",
        following,
    ):
        return None  # "at the COP29 United Nations climate conference": a modifier
    return Place(match.start(), end, name)
