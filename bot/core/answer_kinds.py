"""What a fact's answer holds: the kinds of answer in it (``Want`` flags: numbers, dates, time
units, ages, measures, cause markers, names), the words standing near its counts, and whether
it says until when something lasts. Worked out once, when a fact is indexed, so that the
checks against a question's focus are cheap at question time.
"""

from __future__ import annotations

import re

from bot.core.answer_tokens import answer_tokens, is_year
from bot.core.focus_words import (
    CAUSE_WORDS,
    CLOCK_WORDS,
    CURRENCIES,
    FUTURE_WORDS,
    LATER_WORDS,
    MONTHS,
    NUMBER_WORDS,
    PART_STATED,
    ROLES_AND_BODIES,
    SAID_STATED,
    TIME_UNITS,
    TIME_WORDS,
    UNITS,
    WEEKDAYS,
)
from bot.core.role_names import is_name, named_roles
from bot.core.wants import Want
from bot.core.word_edges import WORD_EDGES

# Words whose mere presence shows a kind of answer, by kind.
_WORD_KINDS = (
    (NUMBER_WORDS, int(Want.COUNT)),
    (CURRENCIES, int(Want.MONEY | Want.COUNT)),
    (MONTHS - {"may"}, int(Want.TIME)),
    (TIME_WORDS, int(Want.TIME)),
    (WEEKDAYS, int(Want.TIME | Want.DAY)),
    (CLOCK_WORDS, int(Want.CLOCK)),
    (FUTURE_WORDS, int(Want.FUTURE)),
    (LATER_WORDS, int(Want.LATER)),
    (TIME_UNITS, int(Want.DURATION)),
    (UNITS - {"m", "per", "sq", "square"}, int(Want.MEASURE)),
    (CAUSE_WORDS, int(Want.CAUSE)),
    (PART_STATED, int(Want.SHARE)),
    (SAID_STATED, int(Want.SAID)),
)


# Punctuation to spaces (currency signs kept apart as words), for the set of an answer's words.
_SPACED = str.maketrans(
    {
        **{c: " " for c in '"()[]{},.;:!?\u2018\u201c\u201d/'},
        "$": " $ ",
        "€": " € ",
        "£": " £ ",
    }
)
# The flags as plain ints: reading 100,000 answers with IntFlag arithmetic costs seconds.
_TIME, _AGE, _CLOCK, _DAY = int(Want.TIME), int(Want.AGE), int(Want.CLOCK), int(Want.DAY)
_COUNT, _MEASURE, _DURATION = int(Want.COUNT), int(Want.MEASURE), int(Want.DURATION)
_SHARE = int(Want.SHARE)
_PERSON, _PLACE, _NAME = int(Want.PERSON), int(Want.PLACE), int(Want.NAME)
_NUMERIC = re.compile(r"[$€£]?\d[\d,.:]*(?:%|bn|m|k|s)?")
_CAPITAL_PAIR = re.compile(r"([A-Z][a-z'\u2019-]+) +([A-Z][\w'\u2019-]*)")
_MAY = re.compile(r"[^.!?\s]\s+May\b")
# An age stated: "aged 81", "the 81-year-old", "81 years old", "at the age of 81", "born in
# 1940". "Old" alone is no age ("'Old man, go!'", "the old price"), nor is "age" ("the Soviet
# age").
_AGE_STATED = re.compile(
    r"\baged\s+\d|\d+-year-old|\d+\s+years?\s+old\b|\bage\s+(?:of\s+)?\d|\bborn\b|\bbirthday\b",
    re.IGNORECASE,
)


# A span stated by its start: "president since 1994", "in force since 12 March", "closed since
# June". What has lasted since a date answers "how long has he been in power" as "for 31
# years" does; "since then" or "since the war" names no date, so no start to count from.
_SPAN_SINCE = re.compile(
    r"\bsince\s+(?:(?:early|mid|late)[\s-]+)?(?:\d{1,2}\s+)?(?:(?:(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\s+)?(?:1[89]|20)\d\d\b|(?:"
    + "|".join(sorted(MONTHS - {"may"}, key=len, reverse=True))
    + r")\b)",
    re.IGNORECASE,
)


def read_answer(answer: str, *, dated: bool = False) -> tuple[int, tuple[str, ...]]:
    """``answer_kinds`` and ``named_roles`` of one answer, reading it once."""
    present = _words(answer)
    kinds = _kinds(answer, present, dated)
    if ROLES_AND_BODIES.isdisjoint(present):
        return kinds, ()
    return kinds, named_roles(answer)


def answer_kinds(answer: str, *, dated: bool = False) -> int:
    """The kinds of answer ``answer`` holds, as ``Want`` flags in an int (``dated``: the fact
    carries a date of its own). Read once per fact, when it is indexed."""
    return _kinds(answer, _words(answer), dated)


def _words(answer: str) -> set[str]:
    words = set(answer.lower().translate(_SPACED).split())
    # Possessives count as their word ("azerbaijan's" is "azerbaijan" too).
    words.update(w[:-2] for w in [w for w in words if w.endswith("'s")])
    # The parts of a compound count too: a "night-time raid" happened at night, a
    # "three-day truce" states a span.
    words.update(part for w in [w for w in words if "-" in w] for part in w.split("-") if part)
    return words


def _kinds(answer: str, present: set[str], dated: bool) -> int:
    kinds = _TIME if dated else 0
    for words, kind in _WORD_KINDS:
        if not present.isdisjoint(words):
            kinds |= kind
    if _AGE_STATED.search(answer):
        kinds |= _AGE
    if "since" in present and _SPAN_SINCE.search(answer):
        kinds |= _DURATION
    for match in _NUMERIC.finditer(answer):
        start, end = match.span()
        if (start and (answer[start - 1].isalnum() or answer[start - 1] in ".,")) or (
            end < len(answer) and answer[end].isalnum()
        ):
            continue  # part of a word ("COP29", "G20") or of a longer number
        token = match.group()
        if token[0] in "$€£":
            token = token[1:]
        if ":" in token:
            if token.replace(":", "").isdigit():
                kinds |= _CLOCK
            continue
        if is_year(token):
            kinds |= _TIME
            continue
        after = answer[match.end() : match.end() + 16].split()
        before = answer[max(0, match.start() - 12) : match.start()].split()
        following = after[0].strip(WORD_EDGES).lower() if after else ""
        previous = before[-1].strip(WORD_EDGES).lower() if before else ""
        if following in MONTHS or previous in MONTHS:
            kinds |= _TIME | _DAY  # a day of the month, not a count
            continue
        kinds |= _COUNT
        if following in UNITS or token.endswith("%"):
            kinds |= _MEASURE
        if token.endswith("%"):
            kinds |= _SHARE
        if following in TIME_UNITS:
            kinds |= _DURATION
    if "may" in present and _MAY.search(answer):
        # "May" the month, not "may" the verb: capitalised inside a sentence.
        kinds |= _TIME
    rest = answer[1:]
    if rest != rest.lower():
        kinds |= _PERSON | _PLACE
        for match in _CAPITAL_PAIR.finditer(answer):
            first, second = match.groups()
            start = match.start()
            if start and answer[start - 1].isalnum():
                continue
            mark = answer[max(0, start - 4) : start].rstrip()[-1:]
            sentence_start = mark in (".", "!", "?", "")
            if not sentence_start and is_name(first) and is_name(second):
                kinds |= _NAME
                break
    return int(kinds)  # plain int: kept in index snapshots, which hold plain values


# Units a measure is stated in, not a share: a number followed by one is no head count.
_MEASURE_UNITS = UNITS - {"percent", "per", "m"}
# Words stating a part of a whole, as a count of it: "two-thirds of voters", "half of them".
_PARTS = PART_STATED - {"share", "proportion", "percentage"}
# How many words either side of a number say what it counts ("38 of the 67 people on board
# died": died is five words on).
_COUNT_REACH = 5


_BOUND = re.compile(
    r"\b(?:until|till|through)\s+(?:\w+\s+){0,3}?(?:(?:1[89]|20)\d\d|"
    + "|".join(sorted(MONTHS - {"may"}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def bound_stated(answer: str) -> bool:
    """Whether ``answer`` says until when something lasts ("stay in office until 2040", "until
    the end of 2026", "till 5 March")."""
    return bool(_BOUND.search(answer))


def counted_words(answer: str, *, measures: bool = True) -> tuple[str, ...]:
    """The words standing near a count in ``answer`` (not near a year or a day of the month):
    what a "how many ..." question's counted words must meet for the count to be theirs.
    Without ``measures``, a number with a unit of measure ("1,000 square kilometres of Russian
    territory") is no count: "how many prisoners" is not a number of square kilometres."""
    tokens = [t.lower() for t in answer_tokens(answer)]
    near: dict[str, None] = {}
    for index, token in enumerate(tokens):
        numeric = bool(_NUMERIC.fullmatch(token)) and not is_year(token)
        if not (numeric or token in NUMBER_WORDS or _PARTS.intersection(token.split("-"))):
            continue  # neither a number nor a share ("two-thirds", "a majority")
        neighbours = tokens[max(0, index - 1) : index] + tokens[index + 1 : index + 2]
        if any(n in MONTHS for n in neighbours):
            continue  # a day of the month
        if not measures and not _MEASURE_UNITS.isdisjoint(tokens[index + 1 : index + 4]):
            continue  # "1,000 square kilometres", "37.3 million cubic metres"
        for other in tokens[max(0, index - _COUNT_REACH) : index + _COUNT_REACH + 1]:
            near[other] = None
    return tuple(near)
