"""The Cyrillic spellings of a word written in Latin letters, by a table of letters and a few
rules: one speller for each way Russian is written in Latin letters.

Two such ways reach the bot. Russian typed on a Latin keyboard (``latin_russian``: "kh" or "h"
for "х", "shch" for "щ", a soft sign left out after "л" or "т") and a Russian name written in
Azerbaijani letters (``az_russian_names``: "q" for "г", "x" for "х", "ş" for "ш", no soft sign
at all). They differ in their letters and in where a letter left unwritten may stand, not in
how a word is spelled out: cut it into the table's Latin letters in every way, the longest
first, read each as any Cyrillic letters it may stand for as Russian spelling allows, and
give up on a spelling as soon as it begins no word the caller knows. So the table and the
rules are a ``Scheme``, and ``spellings`` is the one walk through a word both read it by.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field

_VOWELS = frozenset("аеёиоуыэюя")
# The Latin vowels before which a left-out soft sign is not read where ``soft_before_vowels``
# is off: "ya", "yo" begin a syllable of their own ("solovyov" spells its "ё" by them).
_LATIN_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True, slots=True)
class Scheme:
    """How one way of writing Russian in Latin letters spells it."""

    letters: Mapping[str, tuple[str, ...]]
    """Each Latin letter or group of letters ("a", "kh", "shch") with the Cyrillic letters it
    may stand for, the likeliest first (the first spelling of a word reads each so)."""
    first: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """More readings a Latin letter has at a word's start only, after its ``letters``' (the
    Azerbaijani "ə" of "Əliyev" is the "а" of Алиев there, and no "а" inside a word)."""
    soft_after: frozenset[str] = frozenset()
    """The Cyrillic letters after which a soft sign the writing leaves out may be read."""
    soft_before_vowels: bool = True
    """Whether that soft sign may come before a Latin vowel too, or only before a consonant
    or at the word's end."""
    closing: Mapping[str, str] = field(default_factory=dict)
    """A Cyrillic letter that may follow a word's last one unwritten ("й" after a last "ы" or
    "и": Azerbaijani writes "Qroznı" for Грозный)."""
    longest: int = field(init=False)
    """The longest Latin group the table reads."""
    # What each run of Latin letters may be read as first (``readings``), read once: the
    # same few letters begin the spellings of word after word.
    _read: dict[tuple[str, bool], tuple[tuple[int, str], ...]] = field(
        init=False, default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "longest", max(map(len, self.letters), default=1))

    def readings(self, letters: str, at_start: bool) -> tuple[tuple[int, str], ...]:
        """What Latin ``letters`` (the scheme's ``longest`` or fewer, at a word's start or
        not) may begin with, read: each reading's length in Latin letters and its Cyrillic
        letters, the longest group first, and at the start the ``first`` readings after the
        rest."""
        key = (letters, at_start)
        found = self._read.get(key)
        if found is None:
            sizes = range(len(letters), 0, -1)
            read = [(size, c) for size in sizes for c in self.letters.get(letters[:size], ())]
            if at_start:
                read += [(size, c) for size in sizes for c in self.first.get(letters[:size], ())]
            found = tuple(read)
            if len(self._read) > _MOST_READ:
                self._read.clear()
            self._read[key] = found
        return found


# A bound on the runs of letters a scheme keeps read (a few thousand occur in practice).
_MOST_READ = 100_000
# No Russian word takes this many Latin letters (the longest take some forty). A longer run,
# spelled out a letter at a time, went deeper than Python's stack allows: a fact whose
# Azerbaijani text held a "word" of a thousand letters could not be indexed.
_LONGEST_WORD = 100


def spellings(
    word: str,
    scheme: Scheme,
    *,
    soft: bool = True,
    within: Collection[str] | None = None,
    may_end: Callable[[str, int], bool] | None = None,
) -> Iterator[str]:
    """Every Cyrillic spelling of ``word`` that ``scheme`` and Russian spelling allow, the
    likeliest first: the word cut into the table's Latin groups in every way (the longest
    first: "ja" is "я", or "ж" and "а" as in "azerbaijan"), with a soft sign where ``soft`` and
    the scheme allow one (a keyboard's "'" and "j" may stand for "ь" and "й" anywhere, Russian
    spelling may not).

    With ``within`` (every beginning of the words a caller knows), a spelling is given up as
    soon as it begins none of them: a Latin word has thousands of spellings and few of them
    begin a word, which is what keeps reading a word quick. ``may_end`` says, of a spelling
    and how many Latin letters are left after it, that it may end in any way from there (it
    has reached a known stem, and the rest is an ending): it is no longer held to ``within``.
    Nothing for a word longer than any Russian one (``_LONGEST_WORD``).
    """
    if len(word) > _LONGEST_WORD:
        return iter(())
    closing = scheme.closing
    longest = scheme.longest
    end = len(word)
    soft_after = scheme.soft_after if soft else frozenset()
    soft_before_vowels = scheme.soft_before_vowels
    read = scheme._read.get  # the readings already made, without a call to make them

    def spell(position: int, before: str, free: bool) -> Iterator[str]:
        if within is not None and before and not free:
            if before not in within:
                return
            free = may_end is not None and may_end(before, end - position)
        if position == end:
            yield before
            added = closing.get(before[-1:])
            if added:
                yield before + added
            return
        last = before[-1:]
        letters = word[position : position + longest]
        found = read((letters, not position)) or scheme.readings(letters, not position)
        for size, cyrillic in found:
            # Russian spelling, whatever the writing: no "ы", "ь" or "ъ" begins a word, "й"
            # follows a vowel or begins the word (Йемен, йога), "ь" and "ъ" follow a consonant.
            letter = cyrillic[0]
            if letter in "ыьъ" and not last:
                continue
            if letter == "й" and last and last not in _VOWELS:
                continue
            if letter in "ьъ" and last in _VOWELS:
                continue
            after = position + size
            yield from spell(after, before + cyrillic, free)
            if cyrillic[-1] in soft_after and (
                soft_before_vowels or after == end or word[after] not in _LATIN_VOWELS
            ):
                yield from spell(after, before + cyrillic + "ь", free)

    return spell(0, "", False)
