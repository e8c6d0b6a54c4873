""" "The ruling party" written out as the party the article named as ruling.

News names the governing party once ("the governing Georgian Dream party", "the ruling Party
of Action and Solidarity") and then calls it "the ruling party". A fact saying "The law is the
ruling party's second attempt" alone does not say which party, and a reader asking about
Georgian Dream never reaches it (issue 12, point 1).
"""

from __future__ import annotations

import re

# "the governing Georgian Dream party", "Armenia's ruling Civil Contract party", "the ruling
# Party of Action and Solidarity": the name, capitalised words (with "of", "and", "for" inside
# it). "ruling" or "governing" must follow a determiner or a possessive, or open the sentence:
# it is then the adjective, not a verb ("the rules governing Eurasian Economic Union imports"
# name the union, which rules nothing) or a court's ruling ("a ruling Friday barred ...").
_NAMED = re.compile(
    r"(?:\b(?:[Tt]he|an?|[Ii]ts|[Tt]heir)\s+|(?<='s\s)|(?<=\u2019s\s)|^)"
    r"(?:[Rr]uling|[Gg]overning)\s+"
    r"(?P<name>[A-Z][\w'-]*(?:\s+(?:of|and|for|the)\s+[A-Z][\w'-]*|\s+[A-Z][\w'-]*){0,5})"
    r"(?P<party>\s+party)?\b"
)
# A party's own name says it is one: "Party of Action and Solidarity", "People's Democratic
# Party of Tajikistan" (the word "Party" anywhere in it), "People's Front".
_PARTY_HEADS = r"\bParty\b|\b(?:Front|Union|Movement|Alliance)$"
# "the ruling party", "the governing party's": the party meant without its name.
_UNNAMED = re.compile(r"\b(?P<det>[Tt]he)\s+(?:ruling|governing)\s+party\b(?!\s+[A-Z])")


def ruling_party(sentence: str) -> str | None:
    """The party ``sentence`` names as ruling, as a reader names it ("Georgian Dream", "the
    Party of Action and Solidarity"), or None."""
    match = _NAMED.search(sentence)
    if match is None:
        return None
    name = match["name"]
    named_as_party = match["party"] is not None or re.search(_PARTY_HEADS, name) is not None
    if not named_as_party:
        return None  # "the ruling elite", "the governing Council": no party meant
    return f"the {name}" if name.split()[0] == "Party" else name


def written_out(text: str, party: str | None) -> str:
    """``text`` with "the ruling party" written as ``party`` (a sentence that names the party
    already is left as it is)."""
    if party is None or party.removeprefix("the ") in text:
        return text

    def named(match: re.Match[str]) -> str:
        first = match["det"] == "The"
        return party[0].upper() + party[1:] if first else party

    return _UNNAMED.sub(named, text)
