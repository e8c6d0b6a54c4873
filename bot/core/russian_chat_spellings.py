"""Russian chat spellings read by rule: the ones no table can list in full.

``chat_words`` lists the Russian chat words everyone types ("чё", "щас", "када"). Writers spell
many more words as they say them, along a few habits, which are read here by rule:

- an unstressed "о" written as the "а" it sounds like: "пачему" -> почему, "многа" -> много;
- "ш" for the "ч" said so before "т" and "н": "што" -> что, "канешна" -> конечно;
- an unstressed "е" written "и": "типерь" -> теперь;
- "щ" for "сч": "щитают" -> считают;
- the genitive's "г" written as the "в" it sounds like: "чево" -> чего;
- "-ца" for the reflexive "-тся" / "-ться": "кажеца" -> кажется;
- a letter stretched for emphasis: "чтооо" -> что, "оооочень" -> очень.

A word is read so only where what it becomes is a common Russian word and the word as typed
is far rarer (wordfreq), so that a word of its own, a name or a rarer form of a word is left
alone. Questions and facts go through it alike (``other_tokens``), so both sides agree.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from bot.core.other_stems import frequency_in
from bot.core.word_lists import zipf, zipf_of

# Zipf values: a reading must be a common word (one in ten thousand words) and at least this
# much commoner than the spelling as typed (a thousand times: "што", which chat makes fairly
# common, is still far rarer than "что"; "пачка" is no "почка"), and more so for each further
# letter read otherwise ("штабы", staffs, is no "чтобы").
_COMMON = 4.0
_FAR_COMMONER = 3.0
_EACH_FURTHER = 0.5
# About the Zipf value of the commonest Russian words ("и", "в"): no reading is commoner.
_COMMONEST = 7.5
# At most this many letters of a word are read otherwise ("канешна": three).
_MOST_CHANGED = 3
# Letters written as they sound, and what they stand for at that place in the word.
_SOUNDED = {"а": "о", "ш": "ч", "и": "е", "щ": "сч"}
_STRETCHED = re.compile(r"(.)\1\1+")
_CYRILLIC = re.compile(r"[а-яё]+")
# "-ца" (said as "-тся", "-ться") and the genitive "-ево", "-ова" (said with "в", written "г").
_ENDINGS = (("ца", ("тся", "ться")), ("ево", ("его",)), ("ова", ("ого",)))


def _zipf(word: str) -> float:
    return zipf_of(frequency_in(word, "ru"))


def _readings(word: str) -> dict[str, int]:
    """What ``word`` may stand for by the habits above (itself left out), each with how many
    of its letters or endings are read otherwise (a stretch counts as none: "дааа" is "да",
    not "до")."""
    starts = {word: 0}
    if _STRETCHED.search(word):
        # Stretched to one letter or two ("сссора" is "ссора"): whichever is the word.
        for once in (_STRETCHED.sub(r"\1", word), _STRETCHED.sub(r"\1\1", word)):
            starts[once] = 0
    for ending, meant in _ENDINGS:
        for start, changed in list(starts.items()):
            if start.endswith(ending):
                for each in meant:
                    starts.setdefault(start[: -len(ending)] + each, changed + 1)
    out: dict[str, int] = {}
    for start, changed in starts.items():
        places = [at for at, letter in enumerate(start) if letter in _SOUNDED]
        for count in range(_MOST_CHANGED + 1 - changed):
            for chosen in itertools.combinations(places, count):
                letters = list(start)
                for at in chosen:
                    letters[at] = _SOUNDED[letters[at]]
                reading = "".join(letters)
                out[reading] = min(out.get(reading, _MOST_CHANGED + 1), changed + count)
    out.pop(word, None)
    return out


@lru_cache(maxsize=50_000)
def respelled(word: str) -> str | None:
    """The common Russian word a lower-case chat spelling ``word`` stands for, or None when it
    is no chat spelling (or none these habits read)."""
    if len(word) < 3 or not _CYRILLIC.fullmatch(word):
        return None
    # The spelling as typed, from wordfreq's large list: chat spellings are too rare for the
    # small one, and so are many a real word's rarer forms ("губернаторам", "Ширака").
    typed = zipf(word, "ru")
    if typed + _FAR_COMMONER > _COMMONEST and not _STRETCHED.search(word):
        return None  # no word is that much commoner: a word of its own
    best: tuple[int, float, str] | None = None
    for reading, changed in _readings(word).items():
        found = _zipf(reading)
        # Only stretched: no word of Russian has one letter three times in a row.
        needed = _FAR_COMMONER + _EACH_FURTHER * (changed - 1) if changed else 0.0
        if found < _COMMON or found - typed < needed or len(reading) < 2:
            continue
        # The fewest letters read otherwise, then the commonest word.
        if best is None or (changed, -found) < (best[0], -best[1]):
            best = (changed, found, reading)
    return best[2] if best else None
