"""Chat spellings read by rule: the ones no table can list in full.

``chat_words`` lists the chat words everyone types ("wat", "ppl", "rn"). Writers keep inventing
more along a few habits, so those habits are read here by rule, each checked against general
English (wordfreq) so that a word of its own, a name or a code is left alone:

- a digit standing for its sound inside a word: "every1" -> everyone, "gr8" -> great,
  "2nite" -> tonight, "tit4tat" -> tit for tat; not "g7", "4k", "su24" or "2nd";
- a letter stretched for emphasis: "sooo" -> so, "whyyy" -> why;
- "-ite" typed for "-ight": "nite" -> night, "tonite" -> tonight;
- a final "e" left off a common word: "hav" -> have, "giv" -> give;
- a month or weekday clipped: "jan" -> january, "tues" -> tuesday.

Each rule turns a word into what it stands for only where the result is a common English word
and the word as typed is not one (far rarer than what it becomes). Both questions and facts go
through it, so the two sides always agree.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from bot.core.language import english_frequency
from bot.core.word_lists import zipf, zipf_of

# What a digit sounds like inside a chat word. 3, 5, 6, 7, 9 and 0 stand for nothing people type
# this way.
_DIGIT_SOUNDS = {
    "1": ("one", "won"),
    "2": ("to", "too", "two"),
    "4": ("for", "four", "fore"),
    "8": ("ate", "eight", "eat"),
}
# Letters typed for the word they sound like, before a digit ("b4": be-fore). Any other lone
# letter beside a digit is a code ("g7", "f1", "a4"), never a word.
_LETTER_SOUNDS = {"b": "be", "c": "see", "u": "you", "r": "are"}
# A word with one digit inside its letters; the letters after it are no ordinal ("2nd", "4th")
# nor a plural of the number ("4s").
_ONE_DIGIT = re.compile(r"([a-z]*)([1248])([a-z]*)")
_ORDINAL_ENDS = frozenset({"st", "nd", "rd", "th", "s"})
# The digits that stand for a little word between two words: "face2face", "tit4tat".
_JOINING = {"2": "to", "4": "for"}

# Zipf values: a common English word (about one in ten thousand), a very common one (one in
# three thousand: "have", "give", "while"; not "vote", lest Latin-typed Russian "vot" be read
# as it), a word of its own (one in a million: wordfreq's small list), and how much commoner
# the reading must be than the spelling as typed (30 times: "nite" is read as "night", "lite"
# stays a word of its own).
_COMMON = 4.0
_VERY_COMMON = 5.5
_A_WORD = 3.0
_FAR_COMMONER = 1.5
# Each side of a word joined by a digit ("tit", "tat") is a word, if a rare one.
_JOINED_SIDE = 2.5

# Three letters in a row never happen in an English word; roman numerals ("viii") are left be.
_STRETCHED = re.compile(r"([a-z])\1\1+")
_ROMAN = re.compile(r"[ivxlcdm]+")

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# Months and weekdays are clipped to three letters, or to these four or five; longer starts are
# names of their own ("marc", "juli"). The three-letter clippings that are words of their own
# ("sat", "sun", "wed", "mar", "may"; French "mon") stay what they are.
_CLIPPED_LONGER = frozenset({"sept", "tues", "thur", "thurs"})
_CLIPPED_WORDS = frozenset({"sat", "sun", "wed", "mar", "may", "mon"})


def _zipf(word: str) -> float:
    """How common ``word`` is in English on the Zipf scale (0 for a word off wordfreq's small
    list, read first as it is a dictionary look-up)."""
    return zipf_of(english_frequency(word))


def _common_reading(typed: str, reading: str, least: float = _COMMON) -> bool:
    """Whether ``reading`` is a common English word and ``typed`` far rarer than it."""
    wanted = _zipf(reading)
    return wanted >= least and wanted - _zipf(typed) >= _FAR_COMMONER


@lru_cache(maxsize=50_000)
def respelled(word: str) -> str | None:
    """What a folded chat ``word`` stands for (one or more words, space-separated), or None
    when no rule reads it as anything else."""
    if len(word) < 3:
        return None
    if any(character.isdigit() for character in word):
        return _digit_spelling(word)
    if len(word) >= 4 and _STRETCHED.search(word) and not _ROMAN.fullmatch(word):
        return _unstretched(word)
    return _clipped_date(word) or _ight(word) or _final_e(word)


def _digit_spelling(word: str) -> str | None:
    """A word with a digit for its sound: "every1", "gr8", "b4", "2day", "tit4tat"."""
    match = _ONE_DIGIT.fullmatch(word)
    if match is None:
        return None
    before, digit, after = match.groups()
    if after in _ORDINAL_ENDS or (not before and len(after) < 2):
        return None
    if len(before) == 1:
        sound = _LETTER_SOUNDS.get(before)
        if sound is None and not after:
            return None  # "g7", "f1", "a4": codes
        before = sound or before
    readings = [before + sound + after for sound in _DIGIT_SOUNDS[digit]]
    # "2nite" reads "tonite", which is "tonight" typed as it sounds.
    readings += [ight for ight in map(_ight, readings) if ight]
    best = max(readings, key=_zipf)
    if _common_reading(word, best):
        return best
    joining = _JOINING.get(digit)
    if (
        joining
        and min(len(before), len(after)) >= 2
        and min(zipf(before, "en"), zipf(after, "en")) >= _JOINED_SIDE
    ):
        return f"{before} {joining} {after}"
    return None


def _unstretched(word: str) -> str | None:
    """A word with a letter held for emphasis, as the commonest word it can stand for with
    each run of one letter typed once or twice ("sooo" -> so, "pleeease" -> please)."""
    parts = _STRETCHED.split(word)
    # split gives text, letter, text, letter, ...: each run becomes one or two of its letter.
    choices = [(part,) if index % 2 == 0 else (part, part * 2) for index, part in enumerate(parts)]
    readings = ["".join(choice) for choice in itertools.product(*choices)]
    best = max(readings, key=_zipf)
    return best if _zipf(best) >= _A_WORD else None


def _clipped_date(word: str) -> str | None:
    """A month or weekday clipped to its first letters ("jan", "sept", "tues", "thurs"), where
    the clipped form is no English word of its own."""
    if word in _CLIPPED_WORDS or (len(word) > 3 and word not in _CLIPPED_LONGER):
        return None
    found = [name for name in (*_MONTHS, *_WEEKDAYS) if name.startswith(word) and name != word]
    return found[0] if len(found) == 1 else None


def _ight(word: str) -> str | None:
    """ "-ite" typed for "-ight": "nite" -> night, "tonite" -> tonight; not "site" or "lite"."""
    if not word.endswith("ite"):
        return None
    reading = word[:-3] + "ight"
    return reading if _zipf(word) < _A_WORD + 0.5 and _common_reading(word, reading) else None


def _final_e(word: str) -> str | None:
    """A very common word typed without its final e ("hav" -> have, "giv" -> give), where the
    shorter form is no word of its own."""
    if word[-1] in "aeiouy" or _zipf(word) >= _A_WORD:
        return None
    reading = word + "e"
    return reading if _common_reading(word, reading, _VERY_COMMON) else None
