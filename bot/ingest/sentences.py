"""Splitting article text into clean sentences.

pysbd ("Python Sentence Boundary Disambiguation") is a rule-based port of the Golden Rules
segmenter: it knows abbreviations ("Dr.", "U.S.", "a.m."), numbers ("3.5 million"), quotations
and lists without any model or data file to download at run time (nltk's punkt needs one). It is
pure Python, small and fast enough for articles.
"""

from __future__ import annotations

import re
import unicodedata

import pysbd

from bot.core.text import STOPWORDS

_segmenter = pysbd.Segmenter(language="en", clean=False)

# Typographic characters folded to plain ones so answers and questions are easy to type and match.
_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2032": "'",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2013": "-",
        "\u2212": "-",
    }
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣]|\d{1,2}[.)])\s+")
_SPACE = re.compile(r"\s+")


def clean(sentence: str) -> str:
    """One sentence tidied: plain quotes and spaces, no list bullet, single spaces."""
    text = unicodedata.normalize("NFC", sentence).translate(_PLAIN)
    text = _BULLET.sub("", text)
    # An em dash used as a parenthesis reads better (and tokenises better) with spaces.
    text = re.sub(r"\s*\u2014\s*", " \u2014 ", text)
    return _SPACE.sub(" ", text).strip()


_ENDS_SENTENCE = re.compile(r"[.!?:;\"')\]]\s*$")
_STARTS_ITEM = re.compile(r"^\s*(?:[-*•·▪◦‣]|\d{1,2}[.)])\s")


def _paragraphs(text: str) -> list[str]:
    """Lines joined into paragraphs.

    A line break ends a paragraph after end punctuation, before a list item, or after a short
    line with none (a heading); otherwise it is a hard wrap inside a sentence and is joined.
    """
    out: list[str] = []
    current: list[str] = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if current:
                out.append(" ".join(current))
                current = []
            continue
        if _STARTS_ITEM.match(line) and current:
            out.append(" ".join(current))
            current = []
        current.append(stripped)
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        heading = (
            len(stripped) < 100
            and following[:1].isupper()
            and stripped.split()[-1].lower() not in STOPWORDS
        )
        if _ENDS_SENTENCE.search(stripped) or heading or _STARTS_ITEM.match(following):
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, cleaned, in order; a paragraph or list item never runs on
    into the next (a headline or list item has no full stop)."""
    out: list[str] = []
    for paragraph in _paragraphs(text):
        for sentence in _segmenter.segment(paragraph):
            cleaned = clean(sentence)
            if cleaned:
                out.append(cleaned)
    return out


# A wire dateline before the lede: "ASTANA, April 15 - ", "BAKU (Reuters) - ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{1,40}[A-Z](?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?"
    r"\s*[-\u2013\u2014]+\s+(?=[A-Z\"])"
)


def strip_dateline(sentence: str) -> str:
    """The lede without its wire dateline ("ASTANA, April 15 - More than ..." -> "More ...")."""
    return _DATELINE.sub("", sentence, count=1)
