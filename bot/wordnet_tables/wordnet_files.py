"""WordNet 3.0's database files as the table derivations read them: each synset of a
``data.POS`` file (its words, lexicographer file and pointers) and each lemma of an
``index.POS`` file (its synsets, commonest sense first). Debian's ``wordnet-base`` installs the
files in ``/usr/share/wordnet``; the format is WordNet's ``wndb(5)``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path("/usr/share/wordnet")


@dataclass(frozen=True)
class Synset:
    """One synset of a ``data.POS`` file: its words as WordNet writes them (a common noun in
    lower case, a name capitalised; an adjective's position marker dropped), the number of its
    lexicographer file ("15" is ``noun.location``) and its pointers, each (symbol, target
    offset): "@" a broader synset, "@i" what it is an instance of, "#p" what it is part of."""

    words: tuple[str, ...]
    lexicon: str
    pointers: tuple[tuple[str, str], ...]

    def targets(self, symbol: str) -> tuple[str, ...]:
        """The offsets its pointers of ``symbol`` lead to."""
        return tuple(target for kind, target in self.pointers if kind == symbol)


def synsets(data: Iterable[str]) -> dict[str, Synset]:
    """Each synset of a ``data.POS`` file's lines, by its offset."""
    out: dict[str, Synset] = {}
    for line in data:
        if line.startswith(" "):
            continue  # the licence at the top
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        words = tuple(fields[4 + 2 * i].split("(")[0] for i in range(count))
        at = 4 + 2 * count
        pointers = tuple(
            (fields[at + 1 + 4 * k], fields[at + 2 + 4 * k]) for k in range(int(fields[at]))
        )
        out[fields[0]] = Synset(words, fields[1], pointers)
    return out


@dataclass(frozen=True)
class Senses:
    """A lemma's synsets, its commonest sense first, and how many of the first were met in the
    sense-tagged texts WordNet counted them in (SemCor): a sense among those is in use."""

    synsets: tuple[str, ...]
    tagged: int

    @property
    def in_use(self) -> tuple[str, ...]:
        return self.synsets[: self.tagged]


def senses(index: Iterable[str]) -> dict[str, Senses]:
    """Each lemma of an ``index.POS`` file's lines with its senses."""
    out: dict[str, Senses] = {}
    for line in index:
        if line.startswith(" "):
            continue  # the licence at the top
        fields = line.split()
        count = int(fields[2])
        out[fields[0]] = Senses(tuple(fields[len(fields) - count :]), int(fields[-count - 1]))
    return out
