"""What kind of place a name is, and in which country: a question may name a place by its kind
alone ("the peninsula", "the tajik capital", "kazakhstan's biggest city") where the facts use
its name (Crimea, Dushanbe, Almaty), which no thesaurus of words meets.

The table comes from WordNet 3.0 (Princeton, free to use and redistribute with its notice,
which ``place_kinds.LICENSE`` beside the table carries; Debian's ``wordnet-base`` installs its
files in ``/usr/share/wordnet``): each place WordNet names (a noun of its "location" file that
is an instance of a kind: Crimea of "peninsula", Dushanbe of "national capital", Almaty of
"city") with its kinds, the last word of each ("national capital" is a capital), and the
country it is part of, where its parts lead to one within a few steps (Dushanbe is part of
Tajikistan; ``country_words`` says which names are countries). Names of one word only: a
knowledge base's index holds words. Read only what WordNet itself says is a kind and a place:
a kind is a common noun of place or land naming the kind or one broader, neither a place's
name nor a country's, nor broader than two other kinds ("region"); a place is left out when
its name is also an ordinary word ("Union", "West"), a person's ("Jackson") or a given name
("Gary", of Gary Cooper), since a fact writing it may not mean the place.

Derived once (``python -m bot.core.place_kinds [WORDNET_DIR]``) into the small
``place_kinds.txt`` beside this module: a line per place, its name, a tab, its kinds, a tab,
its country (or nothing). Derive it again when ``country_words`` changes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from bot.core.country_words import country_of
from bot.core.folding import fold

_TABLE = "place_kinds.txt"
# WordNet's lexicographer files of places ("noun.location"), of land and water ("noun.object":
# peninsula, island) and of people ("noun.person").
_LOCATIONS = "15"
_LAND = "17"
_PEOPLE = "18"
# Kinds a question says of the country it is about, or of its government, not of one place
# among several: "outside the country", "the state" (WordNet files other names of countries,
# "burma", "england", and the states of a federation under them).
_NOT_KINDS = frozenset("country state nation kingdom republic land".split())
# How many "part of" steps lead from a place to its country at most (a city, its province,
# the country), and how many broader steps from a kind to the common noun naming it.
_STEPS = 3
# The words before a kind that may name its country: "the tajik capital", "kazakhstan's
# biggest city" (the possessive's "s" is a word once folded).
_QUALIFIER_REACH = 3


@dataclass(frozen=True)
class Place:
    """A place of one word: its name (lower-case) and the country it is part of, if known."""

    name: str
    country: str | None


@dataclass(frozen=True)
class _Synset:
    words: tuple[str, ...]
    kinds: tuple[str, ...]
    parts_of: tuple[str, ...]
    broader: tuple[str, ...]
    lexicon: str

    @property
    def location(self) -> bool:
        return self.lexicon == _LOCATIONS


def _synsets(data: Iterable[str]) -> dict[str, _Synset]:
    """Each synset of WordNet's ``data.noun`` lines: its words, the synsets it is an instance
    of, those it is a part of, its broader synsets (hypernyms) and its lexicographer file."""
    out: dict[str, _Synset] = {}
    for line in data:
        if line.startswith(" "):
            continue  # the licence at the top
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        words = tuple(fields[4 + 2 * i].split("(")[0] for i in range(count))
        at = 4 + 2 * count
        pointers = [fields[at + 1 + 4 * k : at + 5 + 4 * k] for k in range(int(fields[at]))]
        kinds = tuple(target for symbol, target, *_ in pointers if symbol == "@i")
        parts_of = tuple(target for symbol, target, *_ in pointers if symbol == "#p")
        broader = tuple(target for symbol, target, *_ in pointers if symbol == "@")
        out[fields[0]] = _Synset(words, kinds, parts_of, broader, fields[1])
    return out


@dataclass(frozen=True)
class _Words:
    """What WordNet says of single words, lower-cased: the words of its ordinary (common
    noun) synsets, the names of people it knows, the first words of people's names of several
    words (given names: "gary" of Gary Cooper), and the names of places."""

    ordinary: frozenset[str]
    people: frozenset[str]
    given: frozenset[str]
    places: frozenset[str]


def _words(synsets: Mapping[str, _Synset]) -> _Words:
    ordinary: set[str] = set()
    people: set[str] = set()
    given: set[str] = set()
    places: set[str] = set()
    for synset in synsets.values():
        for word in synset.words:
            name = word.lower()
            if not synset.kinds:
                ordinary.add(name)
            elif synset.lexicon == _PEOPLE:
                people.add(name)
                if "_" in name:
                    given.add(name.split("_")[0])
            elif synset.location:
                places.add(name)
    return _Words(frozenset(ordinary), frozenset(people), frozenset(given), frozenset(places))


def _country(synsets: Mapping[str, _Synset], offset: str) -> str | None:
    """The country the place at ``offset`` is part of, a few steps up at most."""
    seen = [offset]
    for _ in range(_STEPS):
        following: list[str] = []
        for current in seen:
            for whole in synsets[current].parts_of:
                for word in synsets[whole].words:
                    country = country_of(fold(word.replace("_", " ")).lower())
                    if country is not None:
                        return country
                following.append(whole)
        seen = following
    return None


def _kind(synsets: Mapping[str, _Synset], offset: str, words: _Words) -> tuple[str, str] | None:
    """The word a question would call places of the kind at ``offset`` by, if any: the last
    word of its name ("national capital" is a capital) when that word is itself a common noun
    of place or land naming this kind or one broader ("port of entry" is no "entry", "sign of
    the zodiac" no "zodiac"), and never a place's name ("Korea" of North Korea, "the Middle
    East") or a country's. With the word, the synset it names."""
    synset = synsets[offset]
    if synset.kinds:
        return None  # a place, not a kind: Kaesong is "in" North Korea, not one of a kind
    word = synset.words[0].split("_")[-1].lower()
    if not word.isalpha() or word in _NOT_KINDS or word in words.places or country_of(word):
        return None
    seen = [offset]
    for _ in range(_STEPS):
        for current in seen:
            named = synsets[current]
            if named.lexicon in (_LOCATIONS, _LAND) and word in named.words:
                return word, current  # WordNet writes a common noun in lower case
        seen = [broader for current in seen for broader in synsets[current].broader]
    return None


def _vague(kinds: set[tuple[str, str]], synsets: Mapping[str, _Synset]) -> frozenset[str]:
    """The words of ``kinds`` broader than two other kinds or more ("region" of city, county
    and desert; "district" of town and borough; "site"): "the region" may be any of them, not
    the one place of its kind a story names. A kind above one other alone ("port" above
    "seaport") stays."""
    above: dict[str, set[str]] = {}
    for word, offset in kinds:
        seen: set[str] = set()
        reach = list(synsets[offset].broader)
        while reach:
            current = reach.pop()
            if current not in seen:
                seen.add(current)
                reach.extend(synsets[current].broader)
        for other, sense in kinds:
            if sense in seen and other != word:
                above.setdefault(other, set()).add(word)
    return frozenset(word for word, below in above.items() if len(below) > 1)


def build(data: Iterable[str]) -> dict[str, tuple[tuple[str, ...], str | None]]:
    """Each one-word place name of WordNet's ``data.noun`` lines with its kinds and its
    country; a name of several places keeps every kind and the first country found. A name
    that is also an ordinary word ("Union", "West", "Bull" of the zodiac), a person's
    ("Jackson", "Lincoln") or a given name ("Gary") is left out: a fact writing it may not
    mean the place, and the kind would meet it by mistake."""
    synsets = _synsets(data)
    words = _words(synsets)
    places = [
        (offset, synset) for offset, synset in synsets.items() if synset.location and synset.kinds
    ]
    # Each kind a place is an instance of (by its synset), with the word naming it, if any.
    kind_words = {
        kind: _kind(synsets, kind, words) for _, synset in places for kind in synset.kinds
    }
    vague = _vague({named for named in kind_words.values() if named is not None}, synsets)
    table: dict[str, tuple[tuple[str, ...], str | None]] = {}
    for offset, synset in places:
        named = filter(None, (kind_words[kind] for kind in synset.kinds))
        kinds = tuple(dict.fromkeys(word for word, _ in named if word not in vague))
        if not kinds:
            continue
        country = _country(synsets, offset)
        for word in synset.words:
            name = fold(word).lower()
            if not name.replace("-", "").isalpha() or country_of(name) == name:
                continue  # a country is met by its own words (``country_words``)
            if _other_sense(word.lower(), words):
                continue
            known, was = table.get(name, ((), None))
            table[name] = (tuple(dict.fromkeys(known + kinds)), was or country)
    return table


def _other_sense(word: str, words: _Words) -> bool:
    """Whether WordNet's ``word`` (lower-cased) is also an ordinary word, a person's name or a
    given name."""
    return word in words.ordinary or word in words.people or word in words.given


def write(table: Mapping[str, tuple[tuple[str, ...], str | None]]) -> str:
    """``table`` as ``place_kinds.txt`` holds it, a line per place in the order of names."""
    return "".join(
        f"{name}\t{' '.join(kinds)}\t{country or ''}\n"
        for name, (kinds, country) in sorted(table.items())
    )


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
    return parse(resources.files(__package__).joinpath(_TABLE).read_text("ascii"))


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


def main(argv: list[str]) -> None:
    """Derive ``place_kinds.txt`` from WordNet's files (``/usr/share/wordnet`` by default)."""
    folder = Path(argv[0]) if argv else Path("/usr/share/wordnet")
    with (folder / "data.noun").open(encoding="latin-1") as data:
        derived = build(data)
    target = Path(__file__).with_name(_TABLE)
    target.write_text(write(derived), encoding="ascii")
    print(f"wrote {len(derived)} places to {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
