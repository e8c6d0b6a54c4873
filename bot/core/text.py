"""Text normalisation shared by indexing and querying, so both sides see the same terms.

A question goes through: Unicode folding and transliteration (Cyrillic, Azerbaijani, accents to
ASCII), lower-casing, tokenising, chat spellings read as the words they stand for ("ppl" ->
people, "y" -> why, "lol" -> nothing: ``bot.core.chat_words``), dropping question words and
filler, stemming (recalled -> recall) and mapping synonyms to one canonical term (envoy ->
ambassador).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

import snowballstemmer  # uses PyStemmer's C stemmers when installed
import wordfreq
from anyascii import anyascii

from bot.core.chat_words import CHAT_WORDS
from bot.core.focus import Focus, question_focus

# Question words, filler and function words: they say how someone asks, not what about.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can cannot could couldn did didn do does doesn
    doing don down during each few for from further had hadn has hasn have haven having he
    her here hers herself him himself his how i if in into is isn it its itself just let
    lets me more most my myself no nor not now of off on once only or other ought our ours
    ourselves out over own same shan she should shouldn so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was wasn we were weren what when where which while who whom whose why will with won
    would wouldn you your yours yourself yourselves hey hi hello bot newsdesk please pls plz
    tell know explain anyone someone somebody question wondering wonder curious quick thanks
    thank ok okay yeah yes um uh hmm guys folks s t d ll m re ve y
    """.split()
)

# Words that say how someone asks rather than what about, dropped from questions and facts
# alike (kept apart from STOPWORDS, which drafting from articles also uses).
FILLER = frozenset(
    """
    even actually basically really literally seriously probably definitely honestly exactly
    stuff thing things whole brief briefly explanation explanations details detail
    information update updates guy guys anyway many much
    """.split()
)

_TOKEN = re.compile(r"[a-z0-9]+")
# Dotted abbreviations ("U.S.", "U.N.", "e.g.") are one word, not a run of single letters.
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")
_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of one lower-case ASCII word, cached: vocabularies repeat."""
    result: str = _stemmer.stemWord(word)
    return result


def fold(text: str) -> str:
    """Unicode text -> lower-case ASCII with punctuation turned to spaces.

    Combining marks (zalgo), control characters and right-to-left marks vanish; letters of other
    scripts are transliterated rather than dropped.
    """
    if "$" in text or "€" in text or "£" in text:
        # "$300 billion" is about dollars: a question in dollars finds it, and one about
        # another currency does not.
        text = text.replace("$", " dollars ").replace("€", " euros ").replace("£", " pounds ")
    if not text.isascii():
        text = anyascii(unicodedata.normalize("NFKC", text))
    text = text.lower()
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    return " ".join(_TOKEN.findall(text))


def expand_chat(folded: str) -> str:
    """Folded text with chat spellings replaced by the words they stand for."""
    words = folded.split()
    if _CHAT_KEYS.isdisjoint(words):
        return folded
    out = [CHAT_WORDS.get(word, word) for word in words]
    return " ".join(word for word in out if word)


_CHAT_KEYS = frozenset(CHAT_WORDS)


_english_frequency: dict[str, float] | None = None


@lru_cache(maxsize=200_000)
def specificity(word: str) -> float:
    """How much a word says about a topic, from its frequency in general English (0.05-1).

    "time", "people" and "get" are everywhere (low); "ambassador" or "custody" are topical and
    words too rare for the frequency list, like "yekaterinburg", count fully. A small fact base
    cannot learn this from its own document frequencies, so a general-language prior does it.
    """
    frequency = _frequency(word)
    if not frequency:
        return 1.0
    zipf = math.log10(frequency) + 9.0
    return min(1.0, max(0.05, (6.5 - zipf) / 2.5))


def english_frequency(word: str) -> float:
    """How often ``word`` (folded) appears in general English, as a share of all words (0 for
    a word too rare for the list, a misspelling or a name)."""
    return _frequency(word)


def _frequency(word: str) -> float:
    global _english_frequency
    if _english_frequency is None:
        _english_frequency = wordfreq.get_frequency_dict("en", "small")
    return _english_frequency.get(word, 0.0)


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
        if american != word and _frequency(american) > _frequency(word):
            word = american
            break
    for pattern, replacement in _DERIVATIONS:
        verb = pattern.sub(replacement, word)
        if verb != word and _frequency(verb) >= _COMMON_VERB:
            return verb
    return word


def words(text: str) -> list[str]:
    """The folded words of ``text``, stopwords included."""
    return fold(text).split()


def focus(text: str) -> Focus:
    """What the question ``text`` asks for (``bot.core.focus``)."""
    return question_focus(expand_chat(fold(text)).split())


class Analyzer:
    """Turns text into index terms; one instance per synonym table."""

    def __init__(self, synonym_groups: Iterable[Sequence[str]] = ()) -> None:
        self._canonical: dict[str, str] = {}
        self._phrases: list[tuple[re.Pattern[str], str]] = []
        for group in synonym_groups:
            members = [fold(member) for member in group if fold(member)]
            if not members:
                continue
            head = "_".join(stem(w) for w in members[0].split())
            for member in members:
                parts = member.split()
                if len(parts) == 1:
                    self._canonical[stem(parts[0])] = head
                else:
                    pattern = re.compile(r"\b" + re.escape(member) + r"\b")
                    self._phrases.append((pattern, head))
        # Longer phrases first so "south caucasus region" wins over "south caucasus".
        self._phrases.sort(key=lambda item: -len(item[0].pattern))
        self._cache: dict[str, tuple[tuple[str, float, str], ...]] = {}
        self._focus_cache: dict[str, Focus] = {}
        # word -> (term, specificity), or None for a stopword: one lookup per word.
        self._words: dict[str, tuple[str, float] | None] = {}

    def focus(self, text: str) -> Focus:
        """What the question ``text`` asks for, remembered like its terms."""
        found = self._focus_cache.get(text)
        if found is None:
            found = focus(text)
            if len(self._focus_cache) > 50_000:
                self._focus_cache.clear()
            self._focus_cache[text] = found
        return found

    def canonical(self, term: str) -> str:
        return self._canonical.get(term, term)

    def terms(self, text: str) -> tuple[str, ...]:
        """Stemmed, synonym-mapped content terms of ``text`` in order (duplicates kept)."""
        return tuple(term for term, _, _ in self.analyze(text))

    def _word(self, word: str) -> tuple[str, float] | None:
        if word in STOPWORDS or word in FILLER:
            return None
        normal = normal_form(word)
        term = stem(normal)
        return self._canonical.get(term, term), specificity(normal)

    def analyze(self, text: str, *, remember: bool = True) -> tuple[tuple[str, float, str], ...]:
        """Each content term of ``text``, the specificity of its word, and the word itself.

        Short texts are remembered (questions repeat); indexing passes ``remember=False``, as
        a fact's own phrasings are analysed once and would only crowd the questions out.
        """
        short = remember and len(text) <= 200
        if short:
            cached = self._cache.get(text)
            if cached is not None:
                return cached
        folded = expand_chat(fold(text))
        out: list[tuple[str, float, str]] = []
        for pattern, head in self._phrases:
            if pattern.search(folded):
                folded = pattern.sub(" ", folded)
                out.append((head, 1.0, head))
        known = self._words
        for word in folded.split():
            if word in known:
                item = known[word]
            else:
                item = self._word(word)
                if len(known) < 500_000:
                    known[word] = item
            if item is not None:
                out.append((item[0], item[1], word))
        result = tuple(out)
        if short:
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[text] = result
        return result
