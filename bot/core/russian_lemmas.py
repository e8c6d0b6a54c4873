"""Russian words by their dictionary form (pymorphy3), so that a question's inflected word meets
the fact's other form of it.

Snowball cuts endings by rule and leaves apart what Russian changes inside a word: "посла" and
"посол" (the fleeting vowel), "дня" and "день", "людей" and "человек", "лучше" and "хороший";
and it cuts a name like a common word ("Лавров" -> "лавр"). A dictionary analyser knows each
word's forms: "посла" -> "посол", "Екатеринбурге" -> "екатеринбург", "людей" -> "человек".
Only words its dictionary holds are read so: for a name it lacks, a transliteration or a typo
pymorphy merely guesses from the ending, and the caller keeps the Snowball stem, which meets
those across scripts and spellings.

One analyser per process, made on first use (it loads its dictionary, shipped with the
package, in about 0.13 s and 24 MB; a bot that never reads Russian never pays it), and each
word read once (about 0.1 ms uncached): vocabularies repeat.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pymorphy3
    import pymorphy3.analyzer

# Grammemes of a name (a person's, a place's, an organisation's, a brand's), an abbreviation,
# or a word that does not inflect: its dictionary form is its term as it is, since Snowball
# would cut it like a common word ("лавров" -> "лавр", "карабах" -> "караб", "нато" -> "нат"),
# away from the name as English facts write it ("Lavrov", "Karabakh", "NATO").
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Fixd"})

# Verb forms (finite, the infinitive, the gerund, the participles) keep Snowball's stem of the
# word as written: read by their infinitive, they met synonym groups and phrasings their stems
# never had, which on the tuning data moved rival facts up and gained no Russian question; and
# Snowball stems a participle as its verb already ("задержанных" and "задержали").
# Nouns, names and adjectives are where Snowball splits a word's forms.
_VERB_FORMS = frozenset({"VERB", "INFN", "GRND", "PRTF", "PRTS"})


class Lemma(NamedTuple):
    """A Russian word's dictionary form, and whether it is a name (``_NAME_GRAMMEMES``)."""

    form: str
    name: bool


@lru_cache(maxsize=1)
def _morphology() -> pymorphy3.MorphAnalyzer:
    # Imported here, not with the module: a bot that never reads Russian never loads it.
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    """pymorphy's readings of a lower-case Russian ``word``, likeliest first, and of those the
    likeliest of today's Russian: an archaic reading gives way ("суть" is the essence, not the
    Church Slavonic "are" of "быть"); none for a word pymorphy cannot read."""
    try:
        found = _morphology().parse(word)
    except ValueError:
        # pymorphy3 reads each letter's script from its Unicode name, which some letters lack
        # (unassigned or recent ones, "𗀀"): a word of them is in no dictionary.
        return ()
    modern = [p for p in found if "Arch" not in p.tag.grammemes]
    return (*modern, *(p for p in found if "Arch" in p.tag.grammemes))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> Lemma | None:
    """The dictionary form of a lower-case Russian ``word`` ("посла" -> "посол"), "ё" written
    "е" as most text writes it; None for a word the dictionary does not hold, and for a verb
    form (``_VERB_FORMS``)."""
    found = parses(word)
    if not found:
        return None
    parse = found[0]
    if not parse.is_known or parse.tag.POS in _VERB_FORMS:
        return None
    return Lemma(dictionary_form(parse), not _NAME_GRAMMEMES.isdisjoint(parse.tag.grammemes))


def dictionary_form(parse: pymorphy3.analyzer.Parse) -> str:
    """The dictionary form of one of ``parses``' readings, "ё" written "е" as most text
    writes it."""
    form: str = parse.normal_form
    return form.replace("ё", "е")


@lru_cache(maxsize=200_000)
def noun_form(word: str) -> str | None:
    """The dictionary form of a lower-case Russian ``word`` whose likeliest reading is a noun
    the dictionary holds ("места" -> "место"), "ё" written "е"; None for any other word."""
    found = parses(word)
    if not found or not found[0].is_known or found[0].tag.POS != "NOUN":
        return None
    return dictionary_form(found[0])


@lru_cache(maxsize=20_000)
def given_name(word: str) -> bool:
    """Whether the likeliest reading of a lower-case Russian ``word`` is a given name or a
    patronymic ("сергея", "гейдарович")."""
    found = parses(word)
    return (
        bool(found)
        and found[0].is_known
        and not {"Name", "Patr"}.isdisjoint(found[0].tag.grammemes)
    )


@lru_cache(maxsize=20_000)
def future(word: str) -> bool:
    """Whether the likeliest reading of a lower-case Russian ``word`` is a verb in the future
    ("вернётся", "отпустят", "будет")."""
    found = parses(word)
    return bool(found) and found[0].tag.POS == "VERB" and "futr" in found[0].tag.grammemes


def dictionary_words() -> pymorphy3.dawg.WordsDawg:
    """The word forms of pymorphy's dictionary, to ask which of them begin with a prefix
    (``iterkeys(prefix)``)."""
    return _morphology().dictionary.words
