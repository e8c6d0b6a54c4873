"""English words to terms: the Snowball stem, the spelling and part of speech relatives share
("criticised" meets "criticism", "conclusion" meets "concluded"), and how much a word says
about a topic from its frequency in general English (the same measure weighs a Russian or
Azerbaijani word by its own language's frequency: ``specificity_of``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer  # uses PyStemmer's C stemmers when installed

from bot.core.language import english_frequency
from bot.core.news_words import IRREGULAR_FORMS, OWN_SENSE
from bot.core.word_lists import zipf, zipf_of

_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of one lower-case ASCII word, cached: vocabularies repeat."""
    result: str = _stemmer.stemWord(word)
    return result


@lru_cache(maxsize=200_000)
def specificity(word: str) -> float:
    """How much a word says about a topic, from its frequency in general English (0.05-1).

    "time", "people" and "get" are everywhere (low); "ambassador" or "custody" are topical and
    words too rare for the frequency list, like "yekaterinburg", count fully. A small fact base
    cannot learn this from its own document frequencies, so a general-language prior does it.
    """
    return specificity_of(english_frequency(word))


def specificity_of(frequency: float) -> float:
    """``specificity`` from a word's share of general language (English's, or for a Russian or
    Azerbaijani word its ``other_stems.frequency_in``): "demək"-like common words weigh less
    than "böhran" (which Turkish spells "buhran", and so counts fully)."""
    if not frequency:
        return 1.0
    return min(1.0, max(0.05, (6.5 - zipf_of(frequency)) / 2.5))


# Zipf frequency from which an "-ly" form is an everyday adverb ("immediately", "newly"), so
# the word it is made from an adjective; "climately" or "peacely" are no words.
_ADVERB_ZIPF = 2.5


@lru_cache(maxsize=20_000)
def has_everyday_adverb(word: str) -> bool:
    """Whether general English uses ``word`` + "ly" as an everyday adverb: ``word`` (folded) is
    then an adjective ("immediate", "new"), not a thing, wherever it stands."""
    return zipf(f"{word}ly", "en") >= _ADVERB_ZIPF


# British spellings and their American forms, tried in this order ("criticised" ->
# "criticized"): a form replaces the word only where general English uses it more.
_SPELLINGS = (
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=[a-z]{3})ence(s)?$"), r"ense\1"),
    (re.compile(r"(?<=[a-z]{3}[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
)
# Nouns made from verbs that Snowball stems apart: "conclusion" -> "conclude", "decision" ->
# "decide", "explanation" -> "explain"; used only where the verb is a common English word.
_DERIVATIONS = (
    (re.compile(r"(?<=[a-z]{4})sions?$"), "de"),
    (re.compile(r"anations?$"), "ain"),
)
_COMMON_VERB = 10**-6  # frequency of a word seen about once in a million


@lru_cache(maxsize=200_000)
def normal_form(word: str) -> str:
    """``word`` in the spelling and part of speech that its relatives share (see above), so
    that "criticised" meets "criticism" and "conclusion" meets "concluded"."""
    if len(word) < 6 or not word.isalpha():
        return word
    for pattern, replacement in _SPELLINGS:
        american = pattern.sub(replacement, word)
        if american != word and english_frequency(american) > english_frequency(word):
            word = american
            break
    for pattern, replacement in _DERIVATIONS:
        verb = pattern.sub(replacement, word)
        if verb != word and english_frequency(verb) >= _COMMON_VERB:
            return verb
    return word


def stem_word(word: str, normal: str | None = None) -> str:
    """The term of a content word: the stem of its normal form, or the word itself when its
    stem belongs to a word of another sense (``OWN_SENSE``)."""
    if word in OWN_SENSE:
        return word
    return stem(normal if normal is not None else normal_form(IRREGULAR_FORMS.get(word, word)))
