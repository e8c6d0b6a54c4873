"""What kind of place a name is, and in which country: a question may name a place by its kind
alone ("the peninsula", "the tajik capital", "kazakhstan's biggest city") where the facts use
its name (Crimea, Dushanbe, Almaty), which no thesaurus of words meets.

The table, ``place_kinds.txt`` beside this module, holds a line per place WordNet 3.0 names: its
name, a tab, its kinds ("capital", "city", "peninsula"), a tab, the country it is part of (or
nothing). It is derived by ``python -m bot.wordnet_tables.place_kinds``, which says what is
kept and why; this module only reads it (WordNet's notice is in ``place_kinds.LICENSE``).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bot.core.country_words import country_of
from bot.core.folding import fold

TABLE = "place_kinds.txt"
# The words before a kind that may name its country: "the tajik capital", "kazakhstan's
# biggest city" (the possessive's "s" is a word once folded).
_QUALIFIER_REACH = 3


@dataclass(frozen=True)
class Place:
    """A place of one word: its name (lower-case) and the country it is part of, if known."""

    name: str
    country: str | None


def parse(text: str) -> dict[str, tuple[Place, ...]]:
    """Each kind with the places of that kind, as ``place_kinds.txt`` writes them."""
    places: dict[str, list[Place]] = {}
    for line in text.splitlines():
        name, kinds, country = line.split("\t")
        place = Place(sys.intern(name), sys.intern(country) if country else None)
        for kind in kinds.split():
            places.setdefault(sys.intern(kind), []).append(place)
    return {kind: tuple(found) for kind, found in places.items()}


@lru_cache(maxsize=1)
def table() -> Mapping[str, tuple[Place, ...]]:
    """The shipped table, read on first use."""
    return parse(resources.files(__package__).joinpath(TABLE).read_text("ascii"))


@lru_cache(maxsize=1)
def _by_country() -> Mapping[tuple[str, str], tuple[Place, ...]]:
    """The shipped table's places of each kind and country: a question qualifying a kind
    with a country reads those alone, not every city WordNet names."""
    out: dict[tuple[str, str], list[Place]] = {}
    for kind, places in table().items():
        for place in places:
            if place.country is not None:
                out.setdefault((kind, place.country), []).append(place)
    return {key: tuple(found) for key, found in out.items()}


@dataclass(frozen=True)
class KindAsked:
    """A kind of place a question names (the word as folded), the country it qualifies it
    with, if any, and the places of that kind (of that country) the table holds."""

    word: str
    country: str | None
    places: tuple[Place, ...]


def kinds_asked(question: str) -> list[KindAsked]:
    """The kinds of place ``question`` names, each with the country a word before it or an "of"
    after it gives: "the tajik capital", "kazakhstan's biggest city", "the capital of
    armenia"; the country is None for "the peninsula". Each kind (with its country) once, in
    the order first named: a kind named again would be looked up among its places again
    (hundreds for "city") only to add nothing."""
    known = table()
    words = fold(question).lower().split()
    out: list[KindAsked] = []
    seen: set[tuple[str, str | None]] = set()
    for index, word in enumerate(words):
        places = known.get(word)
        if places is None:
            continue
        country = None
        for before in reversed(words[max(0, index - _QUALIFIER_REACH) : index]):
            country = country_of(before)
            if country is not None:
                break
        if country is None and words[index + 1 : index + 2] == ["of"]:
            country = country_of(words[index + 2]) if index + 2 < len(words) else None
        if (word, country) in seen:
            continue
        seen.add((word, country))
        if country is not None:
            places = _by_country().get((word, country), ())
        out.append(KindAsked(word, country, places))
    return out
