"""The noun a Russian relational adjective is made from, so that "московские власти" meets
"Москва", "кремлёвские чиновники" "Кремль" and "дипломатический кризис" "дипломаты".

Russian says "of Moscow" with an adjective ("московский"), where English facts and their
Russian translations as often use the name or the noun ("власти Москвы", "the Kremlin"). Snowball
stems the adjective apart from its noun ("московск" against "москв"), and the dictionary form of
an adjective is an adjective. The adjective is read as its noun here by the suffixes that make
such adjectives of nouns and names, each with the noun endings it replaces ("-ический" of
"-ика" or of a noun as it is, "-инский" of "-у", "-а", "-ия", "-ёвский" of "-ь", "-цкий" of
"-ция"), taking the commonest noun the dictionary knows.

Only the suffixes of relation ("-ский" and its kin, "-овый"): an adjective in "-ный" is as often
one of quality whose look-alike noun means something else ("главный", main, is no "глава",
head), and it stays an adjective.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from bot.core.russian_lemmas import dictionary_form, parses

# (suffix of the adjective's dictionary form, the endings of its noun after what precedes the
# suffix), longest suffix first.
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ический", ("ика", "ия", "")),  # политический, экономический; дипломатический
    ("овский", ("ва", "ов", "")),  # московский; ростовский
    ("евский", ("ь", "ев", "")),  # кремлёвский; киевский
    ("инский", ("у", "а", "ина", "ия", "ин")),  # бакинский, грузинский, украинский
    ("ейский", ("ея", "ей", "ия")),  # европейский; музейский
    ("ийский", ("ия",)),  # российский, индийский
    ("ецкий", ("ция",)),  # турецкий
    ("ьский", ("ь", "")),  # посольский, сельский
    ("цкий", ("ция", "к")),  # турецкий; немецкий
    ("ский", ("", "а", "ия", "ь", "о")),  # екатеринбургский, карабахский, консульский
    ("овый", ("",)),  # газовый, ядерный is no such
    ("евый", ("ь", "")),  # нефтевый
)


@lru_cache(maxsize=100_000)
def noun_of(word: str, frequency: Callable[[str], float]) -> str | None:
    """The noun (its dictionary form, "ё" as "е") the lower-case Russian adjective ``word`` is
    made from, or None when ``word`` is no relational adjective the dictionary knows; of
    several, the one general Russian uses most by ``frequency`` (the caller's word list)."""
    found = parses(word)
    if not found:
        return None
    parse = found[0]
    if not parse.is_known or parse.tag.POS not in ("ADJF", "ADJS"):
        return None
    adjective = dictionary_form(parse)
    for suffix, endings in _SUFFIXES:
        if adjective.endswith(suffix) and len(adjective) > len(suffix) + 2:
            base = adjective[: -len(suffix)]
            nouns = [base + ending for ending in endings if _known_noun(base + ending)]
            # Of several nouns, the commonest: "дипломатический" is the diplomat's, not
            # "дипломатика" (the study of charters).
            return max(nouns, key=frequency, default=None)
    return None


# Nouns whose look-alike in "-н-" is no adjective of relation made from them but a word of its
# own ("главный", main, of "глава", head; "частный", private, of "часть", part; "трудный",
# hard, of "труд", labour; "словно", as if, of "слово"): a question's noun is never read as
# such an adjective a fact holds (``QueryTerms._russian_adjective_of``).
QUALITY_LOOK_ALIKES = (
    "беда",
    "власть",
    "вера",
    "глава",
    "год",
    "дело",
    "доля",
    "место",
    "пол",
    "сила",
    "слово",
    "соль",
    "суд",
    "труд",
    "угол",
    "часть",
)


# The suffixes of an adjective made of a surname ("лавровские": Lavrov's people, "кадыровский"),
# each with the end of the surname it follows.
_SURNAME_SUFFIXES = (("овский", "ов"), ("евский", "ев"), ("ёвский", "ёв"), ("инский", "ин"))


@lru_cache(maxsize=100_000)
def surname_of(word: str) -> str | None:
    """The surname (its dictionary form) a lower-case Russian adjective made of it stands for
    ("лавровские" -> "лавров", "бастрыкинские" -> "бастрыкин"): chat calls a minister's people
    by his name so ("лавровские что выдали"). The dictionary reads such a word as a surname of
    its own ("Лавровский") or does not know it; read so only where the surname it is made of
    is one the dictionary knows. ("петровский" is read as "петров" too: a rarer surname
    gives way to the commoner one it looks made of.)"""
    for parse in parses(word)[:1]:
        if parse.tag.POS not in ("ADJF", "NOUN") or (parse.tag.POS == "ADJF" and parse.is_known):
            # An adjective the dictionary knows is ``noun_of``'s: "кремлёвский" is the
            # Kremlin's, not a Kremlyov's.
            return None
        form = dictionary_form(parse)
        for suffix, end in _SURNAME_SUFFIXES:
            if form.endswith(suffix) and len(form) > len(suffix) + 2:
                surname = form[: -len(suffix)] + end
                if _known_surname(surname.replace("ё", "е")):
                    return surname.replace("ё", "е")
    return None


def _known_surname(candidate: str) -> bool:
    return any(
        p.is_known and "Surn" in p.tag.grammemes and dictionary_form(p) == candidate
        for p in parses(candidate)
    )


def _known_noun(candidate: str) -> bool:
    return any(
        p.is_known and p.tag.POS == "NOUN" and dictionary_form(p) == candidate
        for p in parses(candidate)
    )
