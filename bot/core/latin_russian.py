"""Russian typed in Latin letters ("rejd v ekaterinburge kto provodil") read back in Cyrillic.

People who follow Russian news often type Russian on a Latin keyboard, and no two of them spell
it alike: "ch" for "ч", "ya"/"ja"/"ia" for "я", "j"/"i"/"y" for "й", "c" for "ц" or "к",
"dj" for "дж". No fixed scheme (GOST, ISO 9, the passport one) reads all of them, which is why
a transliteration library does not do here: each Latin word gives every Cyrillic spelling these
habits allow (a few dozen at most), and general Russian decides which one is a word.

What "a word" is comes from wordfreq's Russian list (the small one: 61,000 words, 0.15 s to
load; the large one takes two seconds and 100 MB): a spelling that is on the list wins by its
frequency; else one whose Snowball stem is the stem of a word on the list ("перебегает" is not
on it, "перебегать" is); else the plainest spelling, which the Russian stemmer still cuts to
the stem that the facts' Russian words were indexed under ("ekaterinburge" -> "екатеринбург").

Whether an ASCII text is Russian at all is for ``bot.core.language.detect`` to say, from how
common each of its words is in Russian (``russian_zipf``), English and Azerbaijani.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

from bot.core.cyrillic_spellings import Scheme, spellings
from bot.core.word_lists import frequencies, once, zipf_of

# Latin spellings of Cyrillic letters, longest first; each with the letters it may stand for,
# the likeliest first (the one kept when no spelling is a known word).
_SPELLINGS: dict[str, tuple[str, ...]] = {
    "shch": ("щ",),
    "sch": ("щ", "сч"),
    "dzh": ("дж",),
    "sh": ("ш", "сх"),
    "ch": ("ч",),
    "zh": ("ж", "зх"),
    "kh": ("х", "кх"),
    "ts": ("ц", "тс"),
    "tc": ("ц",),
    "tz": ("ц",),
    "dj": ("дж",),
    "ya": ("я", "ыа"),
    "ja": ("я",),
    "yu": ("ю",),
    "ju": ("ю",),
    "yo": ("ё", "йо", "ыо"),
    "jo": ("ё", "йо"),
    "ye": ("е", "ые", "йе"),
    "je": ("е", "йе"),
    "ia": ("ия", "я"),
    "iu": ("ию", "ю"),
    "a": ("а",),
    "b": ("б",),
    "v": ("в",),
    "g": ("г",),
    "d": ("д",),
    "e": ("е", "э", "ё"),
    "z": ("з",),
    "i": ("и", "й", "ы"),
    "j": ("й", "ж", "дж"),
    "k": ("к",),
    "l": ("л",),
    "m": ("м",),
    "n": ("н",),
    "o": ("о",),
    "p": ("п",),
    "r": ("р",),
    "s": ("с",),
    "t": ("т",),
    "u": ("у",),
    "f": ("ф",),
    "h": ("х",),
    "c": ("ц", "к", "ч"),
    "y": ("ы", "й", "и"),
    "x": ("х", "кс"),
    "w": ("в", "ш"),
    "q": ("к",),
    "'": ("ь", "ъ"),
}
_LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz'")
_MAX_SPELLINGS = 2_000  # a bound on the work per word: the longest words have the fewest readings
_WORD = re.compile(r"[a-z']+")

_stemmer = snowballstemmer.stemmer("russian")
# A spelling that has reached a known stem this long may end in any way (an ending the list
# does not have): from there on it is no longer held to the list's prefixes...
_ROOT = 3
# ...as long as no more Latin letters than an ending's are left.
_ENDING = 5


class _Lists(NamedTuple):
    words: dict[str, float]
    """General Russian's words by frequency."""
    stems: dict[str, float]
    """The stems of those words, each by its most frequent word's frequency."""
    prefixes: frozenset[str]
    """Every beginning of a word or a stem: where a spelling may still lead somewhere."""


@once
def _lists() -> _Lists:
    """General Russian's words, stems and their beginnings: built whole before anyone reads
    them (a reader that met the words but not yet their beginnings would find no spelling)."""
    russian = frequencies("ru", "small")
    stems: dict[str, float] = {}
    for word, frequency in russian.items():
        stem = _stemmer.stemWord(word)
        if frequency > stems.get(stem, 0.0):
            stems[stem] = frequency
    return _Lists(russian, stems, _beginnings(itertools.chain(russian, stems)))


def russian_beginnings() -> frozenset[str]:
    """Every beginning of a word of general Russian (wordfreq's small list) or of its stem."""
    return _lists().prefixes


def _beginnings(words: Iterable[str]) -> frozenset[str]:
    """Every non-empty beginning of every word. Longest first, and a word stops at the first
    beginning already in: every shorter one is in too. Most words share most of their beginnings
    with words before them, and this makes a third of the slices that taking each one would
    (0.23 s -> 0.08 s of CPU at start-up)."""
    found: set[str] = set()
    for word in words:
        end = len(word)
        while end and word[:end] not in found:
            found.add(word[:end])
            end -= 1
    return frozenset(found)


def _spellings(word: str, soft: bool = False, *, known_only: bool = False) -> Iterator[str]:
    """Every Cyrillic spelling of ``word`` that Russian spelling allows (``_SCHEME``), cutting
    it into Latin spellings in every way ("ja" is "я", or "ж" then "а" as in "azerbaijan").
    With ``soft``, a soft sign may follow "л", "т", "с", "н", "д", "з" or "р" where a consonant
    or the word's end comes next ("skolko", "sluchilos"). With ``known_only``, a spelling is
    given up as soon as it starts no word or stem of general Russian (and has not yet reached a
    stem it may end after): a Latin word has thousands of spellings, a few dozen of them
    Russian, and this is what keeps reading a word within a question's budget."""
    if not known_only:
        return spellings(word, _SCHEME, soft=soft)
    lists = _lists()

    def may_end(before: str, left: int) -> bool:
        return len(before) >= _ROOT and left <= _ENDING and before in lists.stems

    return spellings(word, _SCHEME, soft=soft, within=lists.prefixes, may_end=may_end)


# Consonants a left-out soft sign follows most often: "только", "случилось", "есть".
_SOFTENED = frozenset("лтсндзр")
# A keyboard's way of writing Russian: its letters, and a soft sign left out only before a
# consonant or at the end.
_SCHEME = Scheme(_SPELLINGS, soft_after=_SOFTENED, soft_before_vowels=False)


@lru_cache(maxsize=20_000)
def reading(word: str) -> tuple[str, float]:
    """The Cyrillic word a lower-case Latin one most likely spells, and its frequency in
        general Russian (that of a word of the same stem when the word itself is not listed; 0 when
        neither is: a name, a typo or not Russian at all, given in its plainest spelling). A word
    known only by its stem counts as ten times rarer than that word: it is less surely Russian."""
    found = _russian_reading(word)
    if found is not None:
        return found
    if not word or any(letter not in _LATIN_LETTERS for letter in word):
        return "", 0.0
    # Spelled out only now: most words a question is read for are no Russian (names, English
    # words, typos), and spelling each twice more cost a fifth of reading it.
    return next(_spellings(word), ""), 0.0


def russian_frequency(word: str) -> float:
    """The frequency ``reading`` gives ``word``, without spelling out a word that is no
    Russian: telling a question's language weighs every new word of it so, and most are names
    and typos, whose plainest spelling nobody reads."""
    found = _russian_reading(word)
    return found[1] if found is not None else 0.0


@lru_cache(maxsize=20_000)
def _russian_reading(word: str) -> tuple[str, float] | None:
    """``reading`` of a Latin word that spells a Russian word or stem; None for any other."""
    if not word or any(letter not in _LATIN_LETTERS for letter in word):
        return None
    # The soft sign is left out more often than not: tried only when no spelling without it
    # is Russian.
    return _best(word, soft=False) or _best(word, soft=True)


def _best(word: str, soft: bool) -> tuple[str, float] | None:
    """The likeliest spelling of ``word`` that is a Russian word or has a Russian word's stem,
    with its frequency (``reading``); None when none is either."""
    words, stems, _ = _lists()
    best, best_frequency = "", 0.0
    by_stem, by_stem_frequency = "", 0.0
    for spelled in itertools.islice(_spellings(word, soft, known_only=True), _MAX_SPELLINGS):
        frequency = words.get(spelled, 0.0)
        if frequency > best_frequency:
            best, best_frequency = spelled, frequency
        elif not best_frequency:
            stem_frequency = stems.get(_stemmer.stemWord(spelled), 0.0)
            if stem_frequency > by_stem_frequency:
                by_stem, by_stem_frequency = spelled, stem_frequency
    if best_frequency:
        return best, best_frequency
    # A word known only by its stem is less surely Russian: counted as ten times rarer.
    return (by_stem, by_stem_frequency / 10) if by_stem_frequency else None


def to_cyrillic(text: str) -> str:
    """``text`` with each Latin word in the Cyrillic spelling it most likely stands for
    (``reading``); ``bot.core.language.detect`` says whether the text is Russian at all."""
    return _WORD.sub(lambda match: reading(match.group())[0] or match.group(), text.lower())


def russian_zipf(word: str) -> float:
    """How common in Russian the likeliest Cyrillic reading of a Latin word is, in Zipf units
    (powers of ten per billion words: 0 when it is no Russian word)."""
    return zipf_of(russian_frequency(word))
