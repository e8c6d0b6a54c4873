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

How rare a spelling as typed is comes from wordfreq's large list (chat spellings are too rare
for the small one, and so are many a real word's rarer forms: "губернаторам", "Ширака"), which
costs a process about 110 MB and half a second to read. The rule needs few of its words: a
spelling the list does not hold, or holds as too rare to stop any reading, reads as it would
unlisted. ``russian_typed_rarity.txt``, shipped beside this module, holds the others with
their Zipf value as typed (1,800 spellings, 33 kB), so the rule reads as it would with the
whole list. Derive it again (``python -m bot.core.russian_chat_spellings``, 20 s) when the
rule or wordfreq changes. wordfreq's data is shared under CC BY-SA 4.0, which asks for
attribution: ``russian_typed_rarity.LICENSE`` beside the table gives it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from bot.core.other_stems import frequency_in
from bot.core.word_lists import frequencies, zipf, zipf_of

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

_TABLE = "russian_typed_rarity.txt"


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
    longest = _longest_listed()
    for start, changed in starts.items():
        if len(start) > longest:
            # Its readings are no shorter, so none is a word of the list, let alone a common
            # one. Tried, a pasted 500-letter "word" or a "да" stretched over 300 letters
            # gave millions of readings (their sounded letters three at a time): seconds.
            continue
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
    return _reading(word, _typed_rarity().get(word, 0.0))


def _reading(word: str, typed: float) -> str | None:
    """What ``word`` stands for, given how common it is as typed (``typed``, Zipf; 0 for a
    word wordfreq's large list does not hold)."""
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


@lru_cache(maxsize=1)
def _longest_listed() -> int:
    """The length of the longest word of the list ``_zipf`` reads (23 letters)."""
    return max(map(len, frequencies("ru", "small")), default=0)


def table_text() -> str:
    """The shipped table as text: a spelling and its Zipf value as typed, a line each."""
    return resources.files(__package__).joinpath(_TABLE).read_text("utf-8")


@lru_cache(maxsize=1)
def _typed_rarity() -> dict[str, float]:
    """The spellings whose frequency as typed changes what they read as, read on first use."""
    return {word: float(value) for word, value in map(str.split, table_text().splitlines())}


def build(words: Iterable[str], typed: Callable[[str], float]) -> dict[str, float]:
    """Of ``words`` (a list's spellings), those that ``_reading`` reads otherwise for their
    frequency as typed (``typed``, Zipf) than for a spelling no list holds, with that
    frequency. A larger frequency only ever takes readings away, so every other spelling reads
    as one the list does not hold."""
    table: dict[str, float] = {}
    for word in words:
        if len(word) < 3 or not _CYRILLIC.fullmatch(word):
            continue
        value = typed(word)
        if value and _reading(word, value) != _reading(word, 0.0):
            table[word] = value
    return table


def main() -> None:
    """Derive ``russian_typed_rarity.txt`` from wordfreq's large Russian list."""
    built = build(frequencies("ru", "large"), lambda word: zipf(word, "ru"))
    target = Path(__file__).with_name(_TABLE)
    target.write_text("".join(f"{word} {built[word]}\n" for word in sorted(built)), "utf-8")
    print(f"{target}: {len(built)} spellings")


if __name__ == "__main__":
    main()
