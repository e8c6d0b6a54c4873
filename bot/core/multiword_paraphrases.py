"""One-word paraphrases of English expressions of several words, which ``related_words``
(single words only) cannot see.

The analyzer drops particles and small words as stopwords, so "were people picked up" reaches
the index as "pick" (or the word it stands for) alone, and a fact saying they were "arrested"
shares nothing with it; "what is going on" is "go", which every fact's "went" has, and no
"happen". Read together, such words have a sense of their own: "pick up" / "arrest", "go on" /
"happen", "take into custody" / "arrest", "step down" / "resign", "united nations" / "un".

The table comes from WordNet 3.0 (Princeton, free to use and redistribute with its notice,
which ``multiword_paraphrases.LICENSE`` beside the table carries; Debian's ``wordnet-base``
installs its files in ``/usr/share/wordnet``): for each expression of two to
four words among its verbs and nouns, the single words of the synsets (sets of words of one
sense) it belongs to. An expression has many senses ("pick up" is also "learn" and "collect"),
so a word is kept only where that synset is one of its own commonest senses (WordNet lists a
word's senses most used first): "arrest" keeps "pick up", as arresting is what "arrest"
mostly means, while "lift" does not, as "pick up" is not what "lift" mostly means. Only common
single words (wordfreq, as ``related_words``), at most ``PER_PHRASE`` per expression, its
commoner senses first.

Derived once (``python -m bot.core.multiword_paraphrases [WORDNET_DIR]``) into the small
``multiword_paraphrases.txt`` beside this module: a line per expression, its words' terms, a
tab, then its paraphrases' terms. Derive it again when the stemmer changes.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

from bot.core.english_stems import normal_form, stem, stem_word
from bot.core.filler_words import STOPWORDS
from bot.core.related_words import common

# How many of a single word's commonest senses an expression may share with it to be its
# paraphrase ("happen" is "go on" in its first sense, "arrest" is "pick up" in its first), and
# the most paraphrases kept per expression. On the older tune questions 2 senses and 6 words
# kept a paraphrase or two fewer than 3 and 8, with nothing answered wrong either way.
SENSES = 3
PER_PHRASE = 8
# The longest expression read: WordNet's longer ones ("take the bull by the horns") are
# idioms nobody asks a news bot in those words.
MOST_WORDS = 4

_TABLE = "multiword_paraphrases.txt"
_WORD = re.compile(r"[a-z]+")
# Words standing for any person or thing in WordNet's lemmas ("lose one's temper"): such an
# expression is never written so in a question.
_PLACEHOLDERS = frozenset("one someone something oneself somebody".split())


def key(words: Iterable[str]) -> str:
    """The table's key of an expression's words, in any form ("picked up", "taken into")."""
    return " ".join(stem_word(word) for word in words)


def _expression(lemma: str) -> list[str] | None:
    words = lemma.split("_")
    if not 2 <= len(words) <= MOST_WORDS or not all(word.isalpha() for word in words):
        return None
    if _PLACEHOLDERS.intersection(words) or all(word in STOPWORDS for word in words):
        return None
    return words


def _senses(index: Iterable[str]) -> dict[str, list[str]]:
    """Each lemma of a WordNet ``index.POS`` file with its synsets, commonest sense first."""
    senses: dict[str, list[str]] = {}
    for line in index:
        if line.startswith(" "):
            continue  # the licence at the top
        fields = line.split()
        count = int(fields[2])
        senses[fields[0]] = fields[len(fields) - count :]
    return senses


def _members(data: Iterable[str]) -> dict[str, list[str]]:
    """Each synset of a WordNet ``data.POS`` file with its words."""
    members: dict[str, list[str]] = {}
    for line in data:
        if line.startswith(" "):
            continue
        fields = line.split()
        count = int(fields[3], 16)
        # An adjective's words may carry a marker ("galore(ip)").
        members[fields[0]] = [fields[4 + 2 * i].split("(")[0].lower() for i in range(count)]
    return members


def build(index: Iterable[str], data: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The paraphrase table of one part of speech from WordNet's ``index.POS`` and
    ``data.POS`` lines."""
    senses = _senses(index)
    members = _members(data)
    table: dict[str, tuple[str, ...]] = {}
    for lemma, synsets in senses.items():
        words = _expression(lemma)
        if words is None:
            continue
        name = key(words)
        own = set(name.split())
        kept: list[str] = []
        for synset in synsets:
            for word in members.get(synset, ()):
                if not common(word) or synset not in senses.get(word, ())[:SENSES]:
                    continue
                term = stem(normal_form(word))
                if term not in own and term not in kept:
                    kept.append(term)
        if kept:
            table[name] = tuple(kept[:PER_PHRASE])
    return table


def merge(*tables: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Tables of several parts of speech as one ("set up" is a verb and a noun), each
    expression keeping at most ``PER_PHRASE`` paraphrases."""
    merged: dict[str, list[str]] = {}
    for table in tables:
        for name, related in table.items():
            kept = merged.setdefault(name, [])
            kept.extend(term for term in related if term not in kept)
    return {name: tuple(kept[:PER_PHRASE]) for name, kept in merged.items()}


def parse(text: str) -> dict[str, tuple[str, ...]]:
    """The table as ``multiword_paraphrases.txt`` writes it."""
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        name, _, related = line.partition("\t")
        table[sys.intern(name)] = tuple(map(sys.intern, related.split()))
    return table


@lru_cache(maxsize=1)
def table() -> Mapping[str, tuple[str, ...]]:
    """The shipped table, read on first use."""
    return parse(resources.files(__package__).joinpath(_TABLE).read_text("ascii"))


def _starts(known: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """The first terms of ``known``'s expressions: most words of a question start none, and
    are passed at once (this runs for every English question)."""
    return frozenset(name.partition(" ")[0] for name in known)


@lru_cache(maxsize=1)
def _shipped_starts() -> frozenset[str]:
    return _starts(table())


# Words recur from question to question; their terms are read once.
_term = lru_cache(maxsize=100_000)(stem_word)


def expressions_in(
    text: str, known: Mapping[str, tuple[str, ...]] | None = None
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each expression of the table (``known``: the shipped one) in English ``text``, as its
    words are written there, with its paraphrases' terms, the longest expression first where
    two start at one word ("take into custody" before "take into")."""
    if known is None:
        known, starts = table(), _shipped_starts()
    else:
        starts = _starts(known)
    words = _WORD.findall(text.lower())
    terms = [_term(word) for word in words]
    out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    start = 0
    while start < len(words) - 1:
        if terms[start] not in starts:
            start += 1
            continue
        for size in range(min(MOST_WORDS, len(words) - start), 1, -1):
            related = known.get(" ".join(terms[start : start + size]))
            if related:
                out.append((tuple(words[start : start + size]), related))
                start += size
                break
        else:
            start += 1
    return out


def main(argv: list[str]) -> None:
    """Derive ``multiword_paraphrases.txt`` from WordNet's files (in the given folder, or
    Debian's ``/usr/share/wordnet``)."""
    folder = Path(argv[0]) if argv else Path("/usr/share/wordnet")
    tables = []
    for pos in ("verb", "noun"):
        with (
            (folder / f"index.{pos}").open(encoding="latin-1") as index,
            (folder / f"data.{pos}").open(encoding="latin-1") as data,
        ):
            tables.append(build(index, data))
    built = merge(*tables)
    target = Path(__file__).with_name(_TABLE)
    target.write_text(
        "".join(f"{name}\t{' '.join(built[name])}\n" for name in sorted(built)), "ascii"
    )
    print(f"{target}: {len(built)} expressions, {sum(map(len, built.values()))} paraphrases")


if __name__ == "__main__":
    main(sys.argv[1:])
