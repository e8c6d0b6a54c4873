"""Russian and Azerbaijani words: read from text in their own script, stemmed (Russian by
its dictionary form, Azerbaijani in ``az_form``), and weighed by how often their language uses
them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer  # uses PyStemmer's C stemmers when installed

from bot.core import language as languages
from bot.core import latin_russian, russian_adjectives, russian_lemmas
from bot.core.az_nouns import az_stem
from bot.core.az_russian_names import russian_name
from bot.core.language import az_plain
from bot.core.word_lists import frequencies

# Russian has its own Snowball stemmer; Azerbaijani has none, and Turkish, its closest
# relative, stems it well once its words are in a form Turkish spelling knows (``az_form``).
OTHER_STEMMERS = {
    "ru": snowballstemmer.stemmer("russian"),
    "az": snowballstemmer.stemmer("turkish"),
}
_OTHER_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=200_000)
def stem_in(word: str, language: str) -> str:
    """Snowball stem of one lower-case word of ``language`` ("ru" or "az"), in its own script
    (an Azerbaijani word in ``az_form``). A Russian word the dictionary holds is stemmed in its
    dictionary form ("посла" and "посол" -> "посол"; ``russian_lemmas``), and a name is that
    form whole ("лаврова" -> "лавров"); a word it lacks (a rare name, a typo) as written. An
    Azerbaijani word that writes a Russian name ("Yekaterinburqda", ``az_russian_names``) is
    stemmed as that name in Russian ("екатеринбург"), so that it meets the name's Russian and
    English forms and its own other forms."""
    if language == "az":
        name = russian_name(word)
        return az_stem(word) if name is None else stem_in(name, "ru")
    made_from = russian_adjectives.noun_of(word, _russian_word_frequency)
    surname = russian_adjectives.surname_of(word) if made_from is None else None
    if surname is not None:
        # "лавровские" as "лавров": the surname it is made of, a name kept whole
        # ("кремлёвские" stays the Kremlin's: a noun it is made of comes first).
        return surname
    known = russian_lemmas.lemma(word)
    if known is not None and known.name:
        # A name as the dictionary writes it: it meets the English facts' spelling of it.
        return known.form
    if made_from is not None:
        # "московские" as "москва", "кремлёвский" as "кремль" (a name then stays whole).
        return stem_in(made_from, language)
    # The stem of the dictionary form, not the form alone: the word still meets what
    # shares Snowball's stem ("официальный", "официально"; "напряжение", "напряжённость").
    return russian_stem(known.form if known is not None else word)


@lru_cache(maxsize=200_000)
def russian_stem(word: str) -> str:
    """Snowball stem of a lower-case Russian word as written, with what Snowball leaves apart
    put together: a borrowed verb and its "-ация" noun, the fleeting "е" of "-ец", the
    imperfective's "-ыв-"."""
    word = _action_noun(word) or word
    result: str = OTHER_STEMMERS["ru"].stemWord(word)
    if result.endswith("ец") and len(result) > 4:
        # The fleeting vowel: "азербайджанец", "украинец", "немец" lose their "е" in every
        # other form ("азербайджанцы", "немцев"), which Snowball stems without it.
        result = result[:-2] + "ц"
    elif len(result) > 6 and result.endswith(("ыва", "ива")):
        # The imperfective of a news verb ("арестовывают", "задерживают", "подписывает")
        # meets its perfective ("арестовали", "задержали", "подписал") without "-ыв-".
        result = result[:-3] + "а"
    return result


# A Russian verb of the borrowed "-ировать" / "-изовать" kind in any form ("эскалировать",
# "эскалирует", "организовали", "эвакуированных"), what comes before "-ир-"/"-из-" and that.
_BORROWED_VERB = re.compile(r"(?P<base>.{3,}?)(?P<suffix>ир|из)(?:ова|у[юея]|уя)\w*")


def _action_noun(word: str) -> str | None:
    """The "-ация" noun of a Russian verb in "-ировать" / "-изовать" ("эскалировать" ->
    "эскалация", "мобилизуют" -> "мобилизация", "провоцирует" -> "провокация"), when general
    Russian knows it: Snowball stems the verb and the noun apart ("эскалирова", "эскалац"),
    so a question with the verb would miss a fact with the noun, as English would without
    ``normal_form``. None for any other word ("реагировать" has "реакция", no "реагация")."""
    found = _BORROWED_VERB.fullmatch(word)
    if found is None:
        return None
    base = found["base"]
    if found["suffix"] == "из":
        base += "из"  # "мобилизовать" -> "мобилизация"
    bases = [base]
    if base.endswith("ц"):
        bases.append(base[:-1] + "к")  # "провоцировать" -> "провокация"
    for candidate in bases:
        # All its case forms together: the genitive is often commoner than the nominative.
        forms = (candidate + "ац" + ending for ending in _NOUN_CASES)
        if sum(frequency_in(form, "ru") for form in forms) >= SPELLED_RIGHT:
            return candidate + "ация"
    return None


# The case endings of an "-ация" noun, after "-ац-".
_NOUN_CASES = ("ия", "ии", "ию", "ией", "ий", "иях", "иям", "иями")


# A word at least this frequent in its language is taken as spelled right (as English's
# ``MatcherSettings.typo_max_frequency``).
SPELLED_RIGHT = 1e-6


def frequency_in(word: str, language: str) -> float:
    """How often general Russian (``language`` "ru") or Azerbaijani ("az") uses a lower-case
    word of it, in its own script. Azerbaijani is counted in Turkish typed without special
    letters: wordfreq has no Azerbaijani list, and its nearest relative shares most of its
    everyday words ("bir", "çox", "yeni")."""
    if language == "az":
        return languages.turkish_frequency(az_plain(word))
    if language != "ru":
        return 0.0
    russian = frequencies("ru", "small")
    frequency = russian.get(word, 0.0)
    if "ё" in word:
        # Most Russian text writes "ё" as "е", and the list counts the spellings apart: a
        # word with "ё" is as common as both spellings together ("привёл" and "привел").
        frequency += russian.get(word.replace("ё", "е"), 0.0)
    return frequency


def _russian_word_frequency(word: str) -> float:
    return frequency_in(word, "ru")


def other_words(text: str, language: str) -> list[str]:
    """The lower-cased words of ``text`` in ``language`` ("ru" or "az"), in their script:
    Russian typed in Latin letters is read in Cyrillic ("kto provodil" -> "кто проводил")."""
    if language == "ru" and text.isascii():
        text = latin_russian.to_cyrillic(text)
    return _OTHER_WORD.findall(languages.lower(unicodedata.normalize("NFKC", text), language))
