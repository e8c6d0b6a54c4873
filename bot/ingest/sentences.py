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

from bot.core.filler_words import STOPWORDS

_segmenter = pysbd.Segmenter(language="en", clean=False)
_segmenter_ru = pysbd.Segmenter(language="ru", clean=False)

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


def split_sentences(text: str, language: str = "en") -> list[str]:
    """The sentences of ``text``, cleaned, in order; a paragraph or list item never runs on
    into the next (a headline or list item has no full stop). ``language`` is the article's:
    English and Russian are split by pysbd, Azerbaijani by ``split_az``."""
    out: list[str] = []
    for paragraph in _paragraphs(text):
        if language == "ru":
            pieces = _rejoin_ru(_segmenter_ru.segment(paragraph))
        elif language == "az":
            pieces = split_az(paragraph)
        else:
            pieces = _segmenter.segment(paragraph)
        for sentence in pieces:
            cleaned = clean(sentence)
            if cleaned:
                out.append(cleaned)
    return out


# Russian abbreviations a full stop does not end a sentence after, even before a capital
# ("г. Баку", "ул. Низами", "проф. Алиев"); pysbd's Russian list misses some.
_RU_ABBREVIATIONS = frozenset(
    "г гг ул пр просп пл им проф акад ген д т тыс млн млрд руб долл ст св см рис обл р-н "
    "пос с корр зам зав кв".split()
)
_INITIAL = re.compile(r"(?:^|[\s(\"«.])[A-ZА-ЯЁƏĞİÖŞÜÇ]\.$")


def _rejoin_ru(pieces: list[str]) -> list[str]:
    """pysbd's Russian sentences, with the ones it broke after an abbreviation, an initial or
    before a lower-case word ("3,5 млн. | человек", "А.С. | Пушкин", "т. е. | всё") joined."""
    out: list[str] = []
    for piece in pieces:
        if out and piece.strip():
            previous = out[-1].rstrip()
            last = previous.split()[-1] if previous.split() else ""
            first = piece.lstrip()[:1]
            if (
                first.islower()
                or _INITIAL.search(previous)
                or (last.endswith(".") and last[:-1].lower() in _RU_ABBREVIATIONS)
            ):
                out[-1] = f"{previous} {piece.lstrip()}"
                continue
        out.append(piece)
    return out


# Azerbaijani abbreviations a full stop does not end a sentence after: "məs." (for example),
# "prof.", "mln." and the one-letter ones ("və s." etc., "ş." city, "r." district).
_AZ_ABBREVIATIONS = frozenset(
    "məs prof dos akad dr gen polk mln mlrd min km kv küç qəs pr nöm tel bax maks hekt".split()
)
# A candidate boundary: end punctuation (and closing quotes), space, then a capital or a quote.
_AZ_BOUNDARY = re.compile(r"([.!?\u2026]+[\"'»\u201d)]*)\s+(?=[\"«\u201c\u201e(]?[A-ZƏĞİÖŞÜÇ])")


def split_az(text: str) -> list[str]:
    """Azerbaijani text split into sentences by rule (pysbd has no Azerbaijani): a sentence ends
    at ``.``, ``!``, ``?`` or ``…`` followed by a space and a capital letter or a quote, but
    not after an abbreviation ("məs.", "prof.", "və s.") or an initial ("H. Əliyev")."""
    out: list[str] = []
    start = 0
    for match in _AZ_BOUNDARY.finditer(text):
        end = match.end(1)
        before = text[start : match.start(1)]
        last = before.split()[-1] if before.split() else ""
        if match.group(1).startswith("."):
            word = last.lower().replace("I", "ı").strip('("«')
            if (
                word in _AZ_ABBREVIATIONS
                or (len(word) == 1 and word.isalpha())
                or re.fullmatch(r"(?:\w\.)+\w", word)
            ):
                continue  # "və s.", "H. Əliyev", "b.e."
        out.append(text[start:end])
        start = match.end()
    out.append(text[start:])
    return [piece.strip() for piece in out if piece.strip()]


# A wire dateline before the lede: "ASTANA, April 15 - ", "BAKU (Reuters) - ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{1,40}[A-Z](?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?"
    r"\s*[-\u2013\u2014]+\s+(?=[A-Z\"])"
)


def strip_dateline(sentence: str) -> str:
    """The lede without its wire dateline ("ASTANA, April 15 - More than ..." -> "More ...")."""
    return _DATELINE.sub("", sentence, count=1)


def dateline_place(sentence: str) -> str | None:
    """The city of a wire dateline ("MINGACHEVIR, March 6 - ..." -> "Mingachevir"): where the
    story was filed, which is nearly always where it happens."""
    match = _DATELINE.match(sentence)
    if match is None:
        return None
    city = re.split(r"[,(]", match.group())[0].strip(" -\u2013\u2014")
    if not city or len(city.split()) > 3:
        return None
    return " ".join(w.capitalize() for w in city.split())
