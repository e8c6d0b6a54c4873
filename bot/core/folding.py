"""Folding: any text to lower-case ASCII words, the form English terms and names of every
script meet in. Unicode folded and transliterated (Cyrillic, Azerbaijani, accents to ASCII),
punctuation to spaces, dotted abbreviations made one word, numbers written as plain digits
("60k", "1.2 million", "60,000").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_TOKEN = re.compile(r"[a-z0-9]+")
# Dotted abbreviations ("U.S.", "U.N.", "e.g.") are one word, not a run of single letters.
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")


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
    if DIGIT.search(text):
        text = _numbers_written_out(text)
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    return " ".join(_TOKEN.findall(text))


DIGIT = re.compile(r"\d")
# "60,000" and "1,200": one number, not "60" and "000".
_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3})((?:,\d{3})+)(?![\d,]|\.\d)")
# "60k", "60 thousand", "1.2 million", "300bn": the number they mean, as digits.
_SCALED = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s*(k|thousand|mn|million|bn|billion)\b")
_SCALES = {
    "k": 1_000,
    "thousand": 1_000,
    "mn": 10**6,
    "million": 10**6,
    "bn": 10**9,
    "billion": 10**9,
}


def _numbers_written_out(text: str) -> str:
    """Lower-case ``text`` with its numbers written as plain digits, so that a question's
    "60k signatures" meets a fact's "60,000 signatures" and "1.2 million" its "1,200,000"."""
    text = _GROUPED.sub(lambda m: m.group(1) + m.group(2).replace(",", ""), text)

    def scaled(match: re.Match[str]) -> str:
        value = float(match.group(1)) * _SCALES[match.group(2)]
        return str(round(value)) if value == round(value) else match.group()

    return _SCALED.sub(scaled, text)


@lru_cache(maxsize=200_000)
def translit(word: str) -> str:
    """One word of any script as one folded ASCII word: "Екатеринбург" -> "ekaterinburg",
    "Bakı" -> "baki" (the form names of several scripts meet in)."""
    return "".join(fold(word).split())


def words(text: str) -> list[str]:
    """The folded words of ``text``, stopwords included."""
    return fold(text).split()
