"""Which measure a "how tall / far / deep / wide / heavy / hot" question asks for, and whether an
answer states one of it.

"How tall is the dam" wants a height: a length said to be one ("30 metres high", "a height of
30 m", "the 30-metre dam"). A fact that holds a length of something else ("Kherson, about 60
km away") or a measure in another unit ("1,000 km2", "18 cubic kilometres") does not answer it,
though it holds a number with a unit (``focus.Want.MEASURE``). Each dimension is read from the
unit (a length, a weight, a temperature) and, where a length may be any of several, from a
word beside it that says which ("high", "away", "deep", "wide").

Read at question time, of the few candidates of such a question; everything here is English.
"""

from __future__ import annotations

import itertools
import re

from bot.core.word_edges import WORD_EDGES

# The adjective after "how" and the dimension it asks for.
DIMENSIONS: dict[str, str] = {
    "tall": "height",
    # "how high" may ask a height or a level ("how high is inflation": 12%).
    "high": "level",
    "deep": "depth",
    "far": "distance",
    "wide": "width",
    "heavy": "weight",
    "hot": "temperature",
    "cold": "temperature",
}
_LENGTH_UNITS = frozenset(
    """
    m metre metres meter meters km kilometre kilometres kilometer kilometers cm centimetres
    centimeters mm mile miles foot feet ft inch inches yard yards
    """.split()
)
_UNITS: dict[str, frozenset[str]] = {
    "weight": frozenset("kg kilogram kilograms kilogrammes tonne tonnes ton tons lb lbs".split()),
    "temperature": frozenset("degrees degree celsius fahrenheit °c °f".split()),
}
# Words that say which length a number is, before or after it: "30 metres high", "a height of
# 30 m", "60 km away", "within 5 km of", "12 km north of".
_MARKERS: dict[str, frozenset[str]] = {
    "height": frozenset("high tall height heights elevation altitude above rises towering".split()),
    "depth": frozenset("deep depth depths below underground beneath".split()),
    "distance": frozenset(
        """
        away from off distance apart north south east west northeast northwest southeast
        southwest upstream downstream inland offshore within beyond far range
        """.split()
    ),
    "width": frozenset("wide width across breadth".split()),
    "length": frozenset("long length stretching stretches spans spanning".split()),
}
_MARKERS["level"] = _MARKERS["height"]
# Words after a length unit that make it an area or a volume, not a length.
_NOT_LENGTH = frozenset("square squared cubic sq km2 m2 m3".split())
_NUMBER = re.compile(r"^[$€£]?\d[\d,.]*$")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten dozen dozens hundred hundreds thousand "
    "thousands million a few several".split()
)
# How many words either side of a measure may say which length it is.
_REACH = 3


# "How long is the bridge" may ask a length; "how long did the talks last", "how long is the
# sentence he must serve" a span. After "how long" and a form of "be", a question with none of
# these verbs of time may ask either.
_BE = frozenset("is was are were s".split())
_TIME_VERBS = frozenset(
    """
    last lasts lasted take takes took taken been stay stayed serve served sentenced remain
    remained wait waited go going ago run ran running continue continued left keep kept
    """.split()
)


# Words of readiness that make "how far" ask how far someone will go, not a distance: "how far
# is the government prepared to take the dispute", "how far are they willing to push it".
_READINESS = frozenset("prepared willing ready determined intend intends intended".split())
# How many words after "how far" the word of readiness may stand ("how far the new cabinet
# is prepared to go").
_READINESS_REACH = 6


def asks_extent(words: list[str]) -> bool:
    """Whether a "how far" of the question (its folded words) asks how far someone is ready to
    go, not a distance: a word of readiness follows it closely ("how far is Baku prepared to
    take the dispute"). No measure with a unit says that."""
    for index, (word, following) in enumerate(itertools.pairwise(words)):
        if (word, following) == ("how", "far"):
            reach = words[index + 2 : index + 2 + _READINESS_REACH]
            if not _READINESS.isdisjoint(reach):
                return True
    return False


def dimension_asked(words: list[str]) -> str | None:
    """The dimension a question (its folded words) asks a measure of: "how tall" a height, "how
    far" a distance, "how long is the bridge" a length (or a span: ``Focus.wants`` keeps
    asking a duration); None when it asks none."""
    for index, (word, following) in enumerate(itertools.pairwise(words)):
        if word != "how":
            continue
        if following in DIMENSIONS:
            if following == "far" and asks_extent(words):
                continue
            return DIMENSIONS[following]
        if (
            following == "long"
            and words[index + 2 : index + 3]
            and words[index + 2] in _BE
            and _TIME_VERBS.isdisjoint(words)
        ):
            return "length"
    return None


def _tokens(answer: str) -> list[str]:
    """The answer's words, lower-cased, punctuation stripped; hyphened compounds are split
    ("30-metre-high" is "30 metre high")."""
    out: list[str] = []
    for raw in answer.lower().split():
        out.extend(part for part in (p.strip(WORD_EDGES) for p in raw.split("-")) if part)
    return out


def _is_number(token: str) -> bool:
    return bool(_NUMBER.match(token)) or token in _NUMBER_WORDS


def measure_stated(answer: str, dimension: str) -> bool:
    """Whether ``answer`` states a measure of ``dimension``: a number with a unit of it, and,
    for a length, a word beside it saying it is that length ("30 metres high", "60 km away")."""
    tokens = _tokens(answer)
    if dimension == "level" and any(t.endswith("%") or t == "percent" for t in tokens):
        return True
    units = _UNITS.get(dimension, _LENGTH_UNITS)
    markers = _MARKERS.get(dimension)
    for index, token in enumerate(tokens):
        if token not in units or index == 0 or not _is_number(tokens[index - 1]):
            continue
        if (
            units is _LENGTH_UNITS
            and tokens[index + 1 : index + 2]
            and (tokens[index + 1] in _NOT_LENGTH)
        ):
            continue
        if dimension in ("weight", "temperature") or markers is None:
            return True
        before = tokens[max(0, index - 1 - _REACH) : index - 1]
        near = before + tokens[index + 1 : index + 1 + _REACH]
        if not markers.isdisjoint(near):
            return True
    return False
