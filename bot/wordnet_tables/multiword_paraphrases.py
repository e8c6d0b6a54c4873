"""Derive ``bot/core/multiword_paraphrases.txt``, the one-word paraphrases of English
expressions of several words, which ``bot.core.multiword_paraphrases`` reads (WordNet 3.0 is
free to use and redistribute with its notice, which ``multiword_paraphrases.LICENSE`` beside
the table carries).

For each expression of two to four words among WordNet's verbs and nouns, the single words of
the synsets (sets of words of one sense) it belongs to. An expression has many senses ("pick
up" is also "learn" and "collect"), so a word is kept only where that synset is one of its own
commonest senses (WordNet lists a word's senses most used first): "arrest" keeps "pick up", as
arresting is what "arrest" mostly means, while "lift" does not, as "pick up" is not what "lift"
mostly means. Only common single words (wordfreq, as ``related_words``), at most
``PER_PHRASE`` per expression, its commoner senses first.

``python -m bot.wordnet_tables.multiword_paraphrases [WORDNET_DIR]`` writes the table: a line
per expression, its words' terms, a tab, then its paraphrases' terms. Derive it again when the
stemmer changes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from bot.core import multiword_paraphrases
from bot.core.english_stems import normal_form, stem
from bot.core.filler_words import STOPWORDS
from bot.core.multiword_paraphrases import MOST_WORDS, key
from bot.core.related_words import common
from bot.wordnet_tables.wordnet_files import FOLDER, senses, synsets

# How many of a single word's commonest senses an expression may share with it to be its
# paraphrase ("happen" is "go on" in its first sense, "arrest" is "pick up" in its first), and
# the most paraphrases kept per expression. On the older tune questions 2 senses and 6 words
# kept a paraphrase or two fewer than 3 and 8, with nothing answered wrong either way.
SENSES = 3
PER_PHRASE = 8
# Words standing for any person or thing in WordNet's lemmas ("lose one's temper"): such an
# expression is never written so in a question.
_PLACEHOLDERS = frozenset("one someone something oneself somebody".split())


def _expression(lemma: str) -> list[str] | None:
    words = lemma.split("_")
    if not 2 <= len(words) <= MOST_WORDS or not all(word.isalpha() for word in words):
        return None
    if _PLACEHOLDERS.intersection(words) or all(word in STOPWORDS for word in words):
        return None
    return words


def build(index: Iterable[str], data: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The paraphrase table of one part of speech from WordNet's ``index.POS`` and
    ``data.POS`` lines."""
    lemmas = {lemma: found.synsets for lemma, found in senses(index).items()}
    members = {
        offset: [word.lower() for word in synset.words] for offset, synset in synsets(data).items()
    }
    table: dict[str, tuple[str, ...]] = {}
    for lemma, found in lemmas.items():
        words = _expression(lemma)
        if words is None:
            continue
        name = key(words)
        own = set(name.split())
        kept: list[str] = []
        for synset in found:
            for word in members.get(synset, ()):
                if not common(word) or synset not in lemmas.get(word, ())[:SENSES]:
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


def write(table: Mapping[str, tuple[str, ...]]) -> str:
    """``table`` as ``multiword_paraphrases.txt`` holds it, a line per expression in order."""
    return "".join(f"{name}\t{' '.join(table[name])}\n" for name in sorted(table))


def main(argv: list[str]) -> None:
    """Derive ``multiword_paraphrases.txt`` from WordNet's files (in the given folder, or
    Debian's ``/usr/share/wordnet``)."""
    folder = Path(argv[0]) if argv else FOLDER
    tables = []
    for pos in ("verb", "noun"):
        with (
            (folder / f"index.{pos}").open(encoding="latin-1") as index,
            (folder / f"data.{pos}").open(encoding="latin-1") as data,
        ):
            tables.append(build(index, data))
    built = merge(*tables)
    target = Path(multiword_paraphrases.__file__).with_name(multiword_paraphrases.TABLE)
    target.write_text(write(built), "ascii")
    print(f"{target}: {len(built)} expressions, {sum(map(len, built.values()))} paraphrases")


if __name__ == "__main__":
    main(sys.argv[1:])
