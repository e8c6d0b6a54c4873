"""Which thing a "the <noun>" means when the article named it before in other words.

News writing names a thing once ("the Togliatti-Odesa ammonia pipeline") and then calls it by
its kind ("The line, roughly 2,400 kilometres long, ..."). A fact made of the second sentence
alone should say which line it is, as a person would write it ("The Togliatti-Odesa ammonia
pipeline, roughly ..."). Only where the article leaves no doubt: when it has named two things
the noun may mean (a railway and an older line, a pipeline and a railway), "the line" is left
as written, for picking the nearer one wrote "the Soviet-era line" for a railway just opened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.ingest.entities import is_demonym

# A noun a thing is called by after its name, and the nouns of the names it may stand for
# (each noun stands for itself too). Only kinds whose words news writing swaps freely; a
# "body" or an "agency" may be a ministry or a court, which ``thing_referents`` names apart.
_KINDS: dict[str, frozenset[str]] = {
    "line": frozenset({"railway", "railroad", "pipeline"}),
    "railway": frozenset({"railroad"}),
    "route": frozenset({"railway", "railroad", "pipeline", "highway", "motorway", "corridor"}),
    "link": frozenset({"railway", "railroad", "pipeline", "highway", "motorway", "bridge"}),
    "company": frozenset({"firm", "airline", "airlines", "miner", "operator", "carrier"}),
    "firm": frozenset({"company", "airline", "airlines", "miner", "operator"}),
    "airline": frozenset({"airlines", "carrier"}),
    "carrier": frozenset({"airline", "airlines"}),
    "vessel": frozenset({"ship", "tanker", "ferry", "freighter", "trawler", "boat", "carrier"}),
    "ship": frozenset({"vessel", "tanker", "ferry", "freighter", "trawler", "carrier"}),
    "plant": frozenset({"station", "factory", "refinery", "works", "mill", "smelter"}),
    "facility": frozenset({"plant", "station", "factory", "refinery", "base", "depot", "terminal"}),
    "jet": frozenset({"airliner", "plane", "aircraft"}),
    "plane": frozenset({"airliner", "jet", "aircraft"}),
    "aircraft": frozenset({"airliner", "jet", "plane"}),
    "bloc": frozenset({"union", "alliance"}),
    "treaty": frozenset({"accord", "pact", "agreement"}),
    "accord": frozenset({"treaty", "pact", "agreement"}),
    "pact": frozenset({"treaty", "accord", "agreement"}),
}


def stands_for(noun: str, named_noun: str) -> bool:
    """May "the ``noun``" mean a thing the article named with ``named_noun`` as its noun
    ("line" for a "pipeline", "company" for a "firm")?"""
    return named_noun == noun or named_noun in _KINDS.get(noun, frozenset())


def is_description(phrase: str) -> bool:
    """Does ``phrase`` ("the Toronto-based miner", "the Soviet-era line", "the Turkish bulk
    carrier") describe a thing rather than name it: are its capitalised words only a people's
    word or a word hyphened to a lower-case one?"""
    capitalised = [w for w in phrase.split()[1:] if w[:1].isupper()]
    return all(
        is_demonym(word)
        # "Turkish", "British", "Kurdish": a people's word ``is_demonym`` does not derive
        or re.fullmatch(r"[A-Z][a-z]+ish", word) is not None
        or re.fullmatch(r"[A-Z][\w'-]*-[a-z]+", word) is not None
        for word in capitalised
    )


def the_one_named(noun: str, named: Sequence[tuple[str, str]]) -> tuple[str, str] | None:
    """The phrase naming the one thing "the ``noun``" may mean among ``named`` (each thing the
    article has named so far, as its noun and the phrase naming it), as that noun and phrase;
    None when it named none or more than one ("the company" after two companies). A thing only
    described ("the Toronto-based miner") counts among those the noun may mean, but is written
    out for its own noun alone: "The Toronto-based miner struck back" is no name of the
    company."""
    fitting = {phrase.lower(): (kind, phrase) for kind, phrase in named if stands_for(noun, kind)}
    if len(fitting) != 1:
        return None
    ((kind, phrase),) = fitting.values()
    return (kind, phrase) if kind == noun or not is_description(phrase) else None
