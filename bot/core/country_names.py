"""Country names in Russian and Azerbaijani, in any case form ("Грузии", "Fransanın").

A question about a country no fact names is about something else, however many of its other
words the facts share ("почему Франция поддерживает Армению" of a fact on Armenia's war). Chat
questions seldom capitalise a name, so the names come from CLDR's territory names (through
babel, already a dependency for the English ones), not from the question's spelling.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from bot.core.language import az_plain, lower
from bot.core.text import stem_in

# A Russian stem this short is shared by other words ("мал" of "Мали" and "мало", "куб" of
# "Куба" and "куб"): a word of it is the name only if it starts with the whole name, less the
# "а" or "я" its cases replace ("Сирии", "Кубы"). No case form of a name is shorter than the
# name, which tells "груз" (cargo) from "Грузия" too.
_SHORT_STEM = 4
# What an Azerbaijani name takes on in its cases, typed without special letters: "Fransanın",
# "İrandan", "Gürcüstanda", "Türkiyəyə". Azerbaijani keeps the name whole before its ending, so
# the name is the start of the word; only these endings may follow, so that "maliyyə"
# (finance) is no form of "Mali".
_AZ_CASE = re.compile(r"(?:[nsy]?[aeiu]n?|[dt][ae]n?|[dt][ae]ki|l[ae]|l[iu]|l[ae]r)?")


@cache
def _russian() -> dict[str, str]:
    """The stems of Russian one-word country names, each with its name."""
    return {stem_in(name, "ru"): name for name in _names("ru")}


@cache
def _soft_ending() -> dict[str, str]:
    """Russian one-word country names ending in "ь" or "й", by the rest of the name."""
    return {name[:-1]: name for name in _names("ru") if name.endswith(("ь", "й"))}


@cache
def _azerbaijani() -> frozenset[str]:
    """Azerbaijani one-word country names, typed without special letters."""
    return frozenset(az_plain(name) for name in _names("az"))


def _names(language: str) -> list[str]:
    # Numeric codes are continents and regions ("Мир", the world; "Avropa"), and a name of
    # several words ("Европейский союз") is not one word to meet.
    return [
        lower(name, language)
        for code, name in Locale.parse(language).territories.items()
        if not code.isdigit() and name.isalpha()
    ]


def names_country(word: str, language: str) -> bool:
    """Whether a lower-case Russian ("ru") or Azerbaijani ("az") ``word`` is a form of a
    country's name: "франции", "грузию", "ирана", "özbəkistanın", "irandan"."""
    if language == "ru":
        stem = stem_in(word, "ru")
        name = _russian().get(stem)
        if name is None:
            # Snowball stems a name ending in a soft sign or "й" apart from its other forms
            # ("беларусь" and "беларуси", "китай" and "китая"), which replace that letter.
            name = _soft_ending().get(word[:-1]) or _soft_ending().get(word[:-2])
            return name is not None and len(name) <= len(word) <= len(name) + 1
        if len(word) < len(name):
            return False
        start = name[:-1] if name.endswith(("а", "я")) else name
        return len(stem) >= _SHORT_STEM or word.startswith(start)
    if language != "az":
        return False
    plain = az_plain(word)
    names = _azerbaijani()
    return any(
        plain[:cut] in names and _AZ_CASE.fullmatch(plain, cut) is not None
        for cut in range(len(plain), 2, -1)
    )
