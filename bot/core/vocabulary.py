"""The words written in facts, by first letter and length, and by the letters they hold: the
words a misspelled word can be read as, found for all the words of a length at once rather than
by comparing it with each.

A misspelled word is read as the indexed word it most resembles by rapidfuzz's ratio, if that
reaches a cutoff (``QueryTerms._closest_word``). In a fact base of 100,000 facts a word with a
typo in its first letter was compared with some 4,000 words of about its length, one by one,
for a millisecond: most of the time of the slowest questions. Yet a word can only reach the
cutoff if it holds nearly the same letters. The ratio is ``1 - d / (m + n)`` for two words of
``m`` and ``n`` letters, where ``d`` is how many letters must be deleted or inserted to turn
one into the other; and each letter one word has and the other lacks needs at least one of
them. So a word whose letters differ from the misspelled word's by more letters than the
cutoff lets ``d`` be can never reach it, and is left out without being compared; every word
that can reach it is kept, in its order, so the comparison finds exactly what it found before.

Which words hold how many of a question word's letters is counted with one bit per word (a
Python int per letter, for each length), for all of a length's words at once, in C.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.core.key_bitmaps import keys_of

# Letters are told apart by their code point modulo this (the 26 of a-z each by itself; two
# other characters may share a class, which only makes the count of differing letters lower,
# so no word that can reach the cutoff is ever left out).
_CLASSES = 32


def _letter_classes(word: str) -> frozenset[int]:
    return frozenset(ord(char) % _CLASSES for char in word)


class _Words:
    """Words in the order they were added, each a bit position, with the letters they hold."""

    __slots__ = ("by_count", "holding", "starting", "words")

    def __init__(self) -> None:
        self.words: list[str] = []
        # Letter class -> the words that hold it.
        self.holding: dict[int, int] = {}
        # First letter -> the words that start with it.
        self.starting: dict[str, int] = {}
        # Number of letter classes a word holds -> the words that hold that many.
        self.by_count: dict[int, int] = {}

    def add(self, word: str) -> None:
        bit = 1 << len(self.words)
        self.words.append(word)
        classes = _letter_classes(word)
        holding = self.holding
        for letter in classes:
            holding[letter] = holding.get(letter, 0) | bit
        self.starting[word[0]] = self.starting.get(word[0], 0) | bit
        self.by_count[len(classes)] = self.by_count.get(len(classes), 0) | bit

    def near(self, classes: frozenset[int], most: int, pool: int) -> list[int]:
        """The positions of the words of ``pool`` whose letter classes differ from
        ``classes`` by at most ``most`` (the ones one holds and the other lacks), in order."""
        held = len(classes)
        # A word lacking ``missing`` of the classes and holding ``count`` classes has
        # ``count - held + missing`` classes of its own: ``2 * missing + count - held`` differ.
        top = min(most, held)
        # lacking[j]: the words of the pool that lack at most j of the classes read so far.
        lacking = [pool] * (top + 1)
        for letter in classes:
            holders = self.holding.get(letter, 0)
            for j in range(top, 0, -1):
                lacking[j] = lacking[j - 1] | (lacking[j] & holders)
            lacking[0] &= holders
        near = 0
        for count, members in self.by_count.items():
            slack = most + held - count
            if slack >= 0:
                near |= lacking[min(slack // 2, top)] & members
        return keys_of(near, len(self.words))


class Vocabulary:
    """The indexed words (as written, four letters or more), each added once: in ``groups``
    by (first letter, length), each group in the order it got its first word and its words in
    the order they were added (the order they are compared in), and by length with the letters
    each holds."""

    __slots__ = ("_lengths", "_order", "groups")

    def __init__(self) -> None:
        self.groups: dict[tuple[str, int], dict[str, None]] = {}
        # Each group's place in ``groups``.
        self._order: dict[tuple[str, int], int] = {}
        self._lengths: dict[int, _Words] = {}

    @classmethod
    def from_groups(cls, groups: Mapping[tuple[str, int], Iterable[str]]) -> Vocabulary:
        """The vocabulary whose ``groups`` are ``groups``, in their order."""
        vocabulary = cls()
        for words in groups.values():
            for word in words:
                vocabulary.add(word)
        return vocabulary

    def add(self, word: str) -> None:
        """Add a word not added before."""
        group = (word[0], len(word))
        words = self.groups.get(group)
        if words is None:
            words = self.groups[group] = {}
            self._order[group] = len(self._order)
        words[word] = None
        length = self._lengths.get(len(word))
        if length is None:
            length = self._lengths[len(word)] = _Words()
        length.add(word)

    def count_other_first(self, first: str, lengths: Iterable[int]) -> int:
        """How many words of ``lengths`` start with a letter other than ``first``."""
        total = 0
        for n in lengths:
            length = self._lengths.get(n)
            if length is not None:
                total += len(length.words) - length.starting.get(first, 0).bit_count()
        return total

    def near_same_first(self, word: str, lengths: Iterable[int], cutoff: float) -> list[list[str]]:
        """The words of each of ``lengths`` in turn starting with ``word``'s first letter that
        can reach a rapidfuzz ``ratio`` of ``cutoff`` (out of 100) with it, each length's in the
        order of its group in ``groups`` (the order a search of the whole group meets them in);
        lengths with none left out. A few hundred words share a first letter and a length at
        100,000 facts, and all but a handful of them hold too many other letters to reach it."""
        classes = _letter_classes(word)
        first = word[:1]
        out: list[list[str]] = []
        for n in lengths:
            length = self._lengths.get(n)
            most = _most_changes(word, n, cutoff)
            if length is None or most < 0:
                continue
            pool = length.starting.get(first, 0)
            if not pool:
                continue
            words = length.words
            near = [words[at] for at in length.near(classes, most, pool)]
            if near:
                out.append(near)
        return out

    def near_other_first(self, word: str, lengths: Iterable[int], cutoff: float) -> list[list[str]]:
        """The words of ``lengths`` starting with another letter than ``word`` that can reach
        a rapidfuzz ``ratio`` of ``cutoff`` (out of 100) with it, by group, in the order of
        ``groups`` (the order a search of every word would meet them in)."""
        classes = _letter_classes(word)
        first = word[:1]
        found: dict[int, list[str]] = {}
        order = self._order
        for n in lengths:
            length = self._lengths.get(n)
            most = _most_changes(word, n, cutoff)
            if length is None or most < 0:
                continue
            pool = ((1 << len(length.words)) - 1) ^ length.starting.get(first, 0)
            words = length.words
            for at in length.near(classes, most, pool):
                match = words[at]
                found.setdefault(order[(match[0], n)], []).append(match)
        return [found[place] for place in sorted(found)]


def _most_changes(word: str, n: int, cutoff: float) -> int:
    """The most letters deleted or inserted between ``word`` and a word of ``n`` letters that
    still reach a ratio of ``cutoff``; a hair over it, so that a pair exactly at the cutoff,
    however rapidfuzz rounds, is kept."""
    return int((100.0 - cutoff) * (len(word) + n) / 100.0 + 1e-9)
