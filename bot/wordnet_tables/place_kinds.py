"""Derive ``bot/core/place_kinds.txt``, the kind and country of each place WordNet 3.0 names,
which ``bot.core.place_kinds`` reads (WordNet is free to use and redistribute with its notice,
which ``place_kinds.LICENSE`` beside the table carries).

Each place WordNet names (a noun of its "location" file that is an instance of a kind: Crimea
of "peninsula", Dushanbe of "national capital", Almaty of "city") with its kinds, the last word
of each ("national capital" is a capital), and the country it is part of, where its parts lead
to one within a few steps (Dushanbe is part of Tajikistan; ``country_words`` says which names
are countries). Names of one word only: a knowledge base's index holds words. Read only what
WordNet itself says is a kind and a place: a kind is a common noun of place or land naming the
kind or one broader, neither a place's name nor a country's, nor broader than two other kinds
("region"). A place is left out when a fact writing its name may well not mean it: when the
name is also a word in use ("Union", "West", "Nice"), a name several people bear ("Jackson",
"Clinton"), one famous person's whom the texts WordNet counted its senses in name
("Lincoln"), or a given name ("Gary", of Gary Cooper). A sense those texts never met is no
reason: Perm (also a hair "perm") and Kazan (also the director Elia Kazan) are cities a news
fact means, as are Paris, London and Cologne.

``python -m bot.wordnet_tables.place_kinds [WORDNET_DIR]`` writes the table: a line per place,
its name, a tab, its kinds, a tab, its country (or nothing). Derive it again when
``country_words`` changes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.core import place_kinds
from bot.core.country_words import country_of
from bot.core.folding import fold
from bot.wordnet_tables.wordnet_files import FOLDER, Synset, senses, synsets

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


def _kinds(synset: Synset) -> tuple[str, ...]:
    """The synsets ``synset`` is an instance of: none for a common noun."""
    return synset.targets("@i")


def _is_place(synset: Synset) -> bool:
    return synset.lexicon == _LOCATIONS and bool(_kinds(synset))


@dataclass(frozen=True)
class _Words:
    """What WordNet says of single words, lower-cased: the words it has in use otherwise than
    as a place (a common noun, or a name of a thing, whose sense its sense-tagged texts met;
    a verb, adjective or adverb they met), the names of people that are in use in that way or
    that several people bear, the first words of people's names of several words (given
    names: "gary" of Gary Cooper), and the names of places."""

    in_use: frozenset[str]
    people: frozenset[str]
    given: frozenset[str]
    places: frozenset[str]


def _words(
    nouns: Mapping[str, Synset], index: Iterable[str], other_indexes: Iterable[Iterable[str]]
) -> _Words:
    met = {offset for found in senses(index).values() for offset in found.in_use}
    in_use = {
        word for lines in other_indexes for word, found in senses(lines).items() if found.tagged
    }
    people: set[str] = set()
    bearers: dict[str, int] = {}
    given: set[str] = set()
    places: set[str] = set()
    for offset, synset in nouns.items():
        for word in synset.words:
            name = word.lower()
            if not _kinds(synset):
                if offset in met:
                    in_use.add(name)
            elif synset.lexicon == _PEOPLE:
                bearers[name] = bearers.get(name, 0) + 1
                if offset in met:
                    people.add(name)
                if "_" in name:
                    given.add(name.split("_")[0])
            elif synset.lexicon == _LOCATIONS:
                places.add(name)
    people.update(name for name, count in bearers.items() if count > 1)
    return _Words(frozenset(in_use), frozenset(people), frozenset(given), frozenset(places))


def _country(nouns: Mapping[str, Synset], offset: str) -> str | None:
    """The country the place at ``offset`` is part of, a few steps up at most."""
    seen = [offset]
    for _ in range(_STEPS):
        following: list[str] = []
        for current in seen:
            for whole in nouns[current].targets("#p"):
                for word in nouns[whole].words:
                    country = country_of(fold(word.replace("_", " ")).lower())
                    if country is not None:
                        return country
                following.append(whole)
        seen = following
    return None


def _kind(nouns: Mapping[str, Synset], offset: str, words: _Words) -> tuple[str, str] | None:
    """The word a question would call places of the kind at ``offset`` by, if any: the last
    word of its name ("national capital" is a capital) when that word is itself a common noun
    of place or land naming this kind or one broader ("port of entry" is no "entry", "sign of
    the zodiac" no "zodiac"), and never a place's name ("Korea" of North Korea, "the Middle
    East") or a country's. With the word, the synset it names."""
    synset = nouns[offset]
    if _kinds(synset):
        return None  # a place, not a kind: Kaesong is "in" North Korea, not one of a kind
    word = synset.words[0].split("_")[-1].lower()
    if not word.isalpha() or word in _NOT_KINDS or word in words.places or country_of(word):
        return None
    seen = [offset]
    for _ in range(_STEPS):
        for current in seen:
            named = nouns[current]
            if named.lexicon in (_LOCATIONS, _LAND) and word in named.words:
                return word, current  # WordNet writes a common noun in lower case
        seen = [broader for current in seen for broader in nouns[current].targets("@")]
    return None


def _vague(kinds: set[tuple[str, str]], nouns: Mapping[str, Synset]) -> frozenset[str]:
    """The words of ``kinds`` broader than two other kinds or more ("region" of city, county
    and desert; "district" of town and borough; "site"): "the region" may be any of them, not
    the one place of its kind a story names. A kind above one other alone ("port" above
    "seaport") stays."""
    above: dict[str, set[str]] = {}
    for word, offset in kinds:
        seen: set[str] = set()
        reach = list(nouns[offset].targets("@"))
        while reach:
            current = reach.pop()
            if current not in seen:
                seen.add(current)
                reach.extend(nouns[current].targets("@"))
        for other, sense in kinds:
            if sense in seen and other != word:
                above.setdefault(other, set()).add(word)
    return frozenset(word for word, below in above.items() if len(below) > 1)


def build(
    data: Iterable[str], index: Iterable[str] = (), other_indexes: Iterable[Iterable[str]] = ()
) -> dict[str, tuple[tuple[str, ...], str | None]]:
    """Each one-word place name of WordNet's ``data.noun`` lines with its kinds and its
    country; a name of several places keeps every kind and the first country found.
    ``index``: the lines of ``index.noun`` (which senses are in use), ``other_indexes``: those
    of the other parts of speech. A name that is also a word in use ("Union", "West", "Bull"
    of the zodiac, "Nice"), a person's in use or several people's ("Lincoln", "Jackson") or a
    given name ("Gary") is left out: a fact writing it may not mean the place, and the kind
    would meet it by mistake."""
    nouns = synsets(data)
    words = _words(nouns, index, other_indexes)
    places = [(offset, synset) for offset, synset in nouns.items() if _is_place(synset)]
    # Each kind a place is an instance of (by its synset), with the word naming it, if any.
    kind_words = {
        kind: _kind(nouns, kind, words) for _, synset in places for kind in _kinds(synset)
    }
    vague = _vague({named for named in kind_words.values() if named is not None}, nouns)
    table: dict[str, tuple[tuple[str, ...], str | None]] = {}
    for offset, synset in places:
        named = filter(None, (kind_words[kind] for kind in _kinds(synset)))
        kinds = tuple(dict.fromkeys(word for word, _ in named if word not in vague))
        if not kinds:
            continue
        country = _country(nouns, offset)
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
    """Whether WordNet's ``word`` (lower-cased) is also a word in use, a person's name a fact
    may mean, or a given name."""
    return word in words.in_use or word in words.people or word in words.given


def write(table: Mapping[str, tuple[tuple[str, ...], str | None]]) -> str:
    """``table`` as ``place_kinds.txt`` holds it, a line per place in the order of names."""
    return "".join(
        f"{name}\t{' '.join(kinds)}\t{country or ''}\n"
        for name, (kinds, country) in sorted(table.items())
    )


def main(argv: list[str]) -> None:
    """Derive ``place_kinds.txt`` from WordNet's files (``/usr/share/wordnet`` by default)."""
    folder = Path(argv[0]) if argv else FOLDER

    def lines(name: str) -> list[str]:
        return (folder / name).read_text(encoding="latin-1").splitlines(keepends=True)

    others = [lines(f"index.{pos}") for pos in ("verb", "adj", "adv")]
    derived = build(lines("data.noun"), lines("index.noun"), others)
    target = Path(place_kinds.__file__).with_name(place_kinds.TABLE)
    target.write_text(write(derived), encoding="ascii")
    print(f"wrote {len(derived)} places to {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
