"""Russian words typed in Latin letters inside an Azerbaijani question ("reyd sadəcə iskra idi?",
"obstanovka nə yerdədir", "koroche yazın"), read as the Russian words they are.

Azerbaijani chat switches to Russian for a word or two, typed on the same Latin keyboard. Read
as Azerbaijani, such a word is cut by the Turkish stemmer into a stem no fact has ("iskra", a
spark), although the synonyms file may hold its Russian form ("искра", in the trigger group),
a Russian fact may write it ("politsiya": "полиция"), or it is a Russian word of asking that
says nothing of the topic ("koroche", in short). So a word is read as Russian here when it is
none of Azerbaijani's (the Azerbaijani lexicon does not list it, whole or as a noun with its
endings, and it is no stopword), none that Turkish text uses (Azerbaijani typed plainly shares
most of its words with Turkish: "bardak", "evlere"), no Russian name (``az_russian_names`` reads
those), and one of its Latin spellings of Russian (``latin_russian.reading``) is a word general
Russian uses at least once in a million words, as it is written.
"""

from __future__ import annotations

from functools import lru_cache

from bot.core import latin_russian
from bot.core.az_nouns import az_listed, lexicon_stem
from bot.core.az_russian_names import russian_name
from bot.core.language import PLAIN_STOPWORDS_AZ, turkish_frequency
from bot.core.word_lists import frequencies

# How common a word must be, in Turkish to be taken for Azerbaijani typed plainly, and in
# Russian to be taken for Russian (once in a million words: as ``other_stems.SPELLED_RIGHT``).
_COMMON = 1e-6
# Shorter words are too often something else ("v", "s", "ne").
_SHORTEST = 3
# A word without a vowel is an abbreviation ("fsb", "mid"), which meets the English facts in
# Latin letters as it is.
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=50_000)
def typed_russian(word: str) -> str | None:
    """The Russian word (in Cyrillic) that the lower-case word ``word`` of an Azerbaijani text
    types in Latin letters ("iskra" -> "искра", "koroche" -> "короче"); None for any other
    word."""
    if (
        len(word) < _SHORTEST
        or not word.isascii()
        or not word.isalpha()
        or _VOWELS.isdisjoint(word)
        or word in PLAIN_STOPWORDS_AZ
        or az_listed(word)
        or lexicon_stem(word) is not None
        or turkish_frequency(word) >= _COMMON
        or russian_name(word) is not None
    ):
        return None
    spelled, _ = latin_russian.reading(word)
    # As written: a reading known only by its stem is as likely an Azerbaijani word's ending
    # read as a Russian one ("moskvaya", to Moscow, is no "москвая").
    if frequencies("ru", "small").get(spelled, 0.0) < _COMMON:
        return None
    return spelled
