"""Country names in Russian and Azerbaijani, in any case form ("Грузии", "Fransanın"), and in
English with their peoples ("georgia", "georgians").

A question about a country no fact names is about something else, however many of its other
words the facts share ("почему Франция поддерживает Армению" of a fact on Armenia's war). Chat
questions seldom capitalise a name, so the names come from CLDR's territory names (through
babel, already a dependency for the English ones), not from the question's spelling.

Each language's table is built once per process (``once``: the bot's worker threads and its
event loop may reach it together). The Russian one stems every name with the dictionary, about
0.1 s: the first Russian question to meet the check waited for it, unless a running bot's
warm-up (``bot.core.timeline_warmer``) had made it (``prepare``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from babel import Locale

from bot.core.folding import fold
from bot.core.language import az_plain, lower
from bot.core.other_stems import stem_in
from bot.core.word_lists import once

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
# English country names that are everyday nouns as well (a football jersey, a family reunion, a
# guinea pig): a question on the facts' own topic may use the noun.
_EVERYDAY_NOUNS = frozenset({"guernsey", "guinea", "jersey", "reunion"})
# How an English people's or language's name is made of its country's: each ending with what
# replaces it in the name. "georgian" and "armenian" keep the name whole, "iranian" and
# "brazilian" add to it, "ukrainian", "canadian", "italian" and "chinese" drop its last letter,
# "kazakh" and "uzbek" its "-stan".
_PEOPLE_ENDINGS = (
    ("ian", ("ia", "", "e", "a", "y")),
    ("an", ("a", "y")),
    ("ese", ("", "a")),
    ("i", ("", "ia")),
    ("", ("stan", "istan")),
)


@once
def _russian() -> dict[str, str]:
    """The stems of Russian one-word country names, each with its name: the name itself
    where the dictionary knows it (``stem_in``), so that each of its case forms meets it,
    "беларуси" and "китая" too, which Snowball stems apart from "беларусь" and "китай"."""
    return {stem_in(name, "ru"): name for name in _names("ru")}


@once
def _azerbaijani() -> frozenset[str]:
    """Azerbaijani one-word country names, typed without special letters."""
    return frozenset(az_plain(name) for name in _names("az"))


@once
def english_names() -> frozenset[str]:
    """English one-word country names, folded ("turkiye", "curacao"), but everyday nouns."""
    # Continents and regions have numeric codes ("Africa"), as in ``_names``.
    territories = Locale.parse("en").territories.items()
    names = (fold(name) for code, name in territories if not code.isdigit() and name.isalpha())
    return frozenset(name for name in names if name.isalpha()) - _EVERYDAY_NOUNS


def prepare(languages: Iterable[str]) -> None:
    """Build the tables ``names_country`` and ``english_country`` read for ``languages``
    ("en", "ru", "az") now, not when a question first needs one."""
    tables = {"en": english_names, "ru": _russian, "az": _azerbaijani}
    for language in languages:
        table = tables.get(language)
        if table is not None:
            table()


def english_country(word: str) -> str | None:
    """The English one-word country a folded ``word`` names, or whose people or language it
    names ("georgians", "iranian", "chinese", "kazakh"): None for any other word."""
    names = english_names()
    if word in names:
        return word
    for one in {word, word.removesuffix("s")}:
        for ending, replaced in _PEOPLE_ENDINGS:
            if one.endswith(ending) and len(one) >= len(ending) + 4:
                root = one[: len(one) - len(ending)]
                for form in replaced:
                    if root + form in names:
                        return root + form
    return None


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
            return False
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
