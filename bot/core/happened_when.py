"""When a question asks what happened (a year, a month of a year, a month alone, asked in the
past tense), and whether a fact naming that month without a year still tells of it as to come.
A fact written before such a time cannot say what happened then.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.core.answer_tokens import YEAR
from bot.core.focus_words import FUTURE_WORDS, MONTH_NUMBERS
from bot.core.news_words import IRREGULAR_FORMS
from bot.core.past_verbs import past_verb

# Verbs that ask in the past tense: "did", "was", and past forms ("won", "held").
_PAST_AUXILIARIES = frozenset("did was were had".split())
# With these, a past participle is no past tense: "who is registered for the july vote".
PRESENT_AUXILIARIES = frozenset("is are am does do".split())
# Words before a year that make it a target or a bound, not the time of what is asked about:
# "what target for 2035 did they set", "could he rule until 2040", "wasnt his term good til
# 2024" ("til", as chat writes "until").
_YEAR_BOUNDS = frozenset("for by until till til to through before".split())
_PAST_FORMS = frozenset(IRREGULAR_FORMS) - frozenset("held shot struck".split())


def _asks_past(words: list[str]) -> bool:
    """Whether ``words`` ask in the past tense ("who won", "what did the eu decide"), not in
    the present or future ("when is the election", "will he run")."""
    if not FUTURE_WORDS.isdisjoint(words) or "going" in words:
        return False
    present = not PRESENT_AUXILIARIES.isdisjoint(words)
    return any(
        w in _PAST_AUXILIARIES
        or (not present and (w in _PAST_FORMS or past_verb(w, words[index - 1] if index else "")))
        for index, w in enumerate(words)
    )


def month_asked(words: list[str]) -> int | None:
    """The month a question in the past tense asks about when it names one without a year
    ("did putin end up visiting turkey in august"): which year is meant depends on when the
    fact asked was written (``month_ahead``). "May" is left out: it is as often a verb."""
    for index, word in enumerate(words[1:], start=1):
        if word not in MONTH_NUMBERS or word == "may" or words[index - 1] != "in":
            continue
        if _year_after_month(words, index) is None:
            # The tense is read only now: most questions name no month, and reading it word
            # by word (here and for a year) was a fifth of the time of reading what a
            # question asks for.
            return MONTH_NUMBERS[word] if _asks_past(words) else None
    return None


def _year_after_month(words: list[str], index: int) -> int | None:
    """The index of the year written after the month at ``index``, directly ("august 2024") or
    after "of" ("in august of 2024", as people say it): that month is of that year."""
    for offset in (1, 2):
        position = index + offset
        if position >= len(words):
            return None
        if YEAR.match(words[position]):
            return position
        if words[position] != "of":
            return None
    return None


def month_ahead(answer: str, month: int) -> bool:
    """Whether ``answer`` names ``month`` without a year as still to come ("Putin was expected
    to visit Turkey in August"): written before that month, it cannot say what happened then.
    A sentence telling of the month in the past tense with nothing looking ahead ("Protesters
    stormed the council in August", in a January fact) is about the one before, and tells."""
    names = "|".join(name for name, number in MONTH_NUMBERS.items() if number == month)
    pattern = re.compile(rf"\b(?:{names})\b(?!\s+(?:\d{{1,2}},?\s+)?\d{{4}})", re.IGNORECASE)
    return any(
        pattern.search(sentence) and not _told_as_past(sentence)
        for sentence in _CLAUSE_END.split(answer)
    )


# Where a sentence or a clause after a semicolon ends ("The vote was in March; the count is in
# October"): each half has its own tense, and the month is read in the one naming it.
_CLAUSE_END = re.compile(r"(?<=[.!?;])\s+")
# Words that look ahead even in a sentence in the past tense ("he was expected to visit in
# October", "talks would resume in March").
_AHEAD_WORDS = FUTURE_WORDS | frozenset(
    "would could might shall should intends intended hopes hoped aims aimed until till".split()
)
# Past forms of "be" and "have": "the vote was in August".
_PAST_BE = frozenset("was were had".split())
# Verbs reporting speech: their tense is the report's, not that of what is reported ("the
# minister said the vote is in August" still expects it).
_REPORTING = frozenset(
    "said told announced added stated reported confirmed noted claimed warned wrote".split()
)


def _told_as_past(sentence: str) -> bool:
    """Whether ``sentence`` tells of something done (a verb in the past tense: "stormed", "fled",
    "was"), with nothing it expects and nothing in the present tense beside it."""
    written = re.findall(r"[A-Za-z]+", sentence)
    words = [w.lower() for w in written]
    if not _AHEAD_WORDS.isdisjoint(words) or not PRESENT_AUXILIARIES.isdisjoint(words):
        return False
    return any(
        w not in _REPORTING
        and (
            w in _PAST_BE
            or w in IRREGULAR_FORMS
            # As written: a capitalised "-ed" word is a name ("the United Nations").
            or past_verb(written[index], words[index - 1] if index else "")
        )
        for index, w in enumerate(words)
    )


def happened_from(words: list[str]) -> dt.date | None:
    """The first day of the latest time (a year, or a month of a year) that ``words`` name,
    when they ask in the past tense what happened then ("who won the july 2023 election",
    "what did the eu decide in 2026"); None for a question in the present or future tense
    ("when is the september 2025 election", "will he run in 2030")."""
    latest: dt.date | None = None
    for index, word in enumerate(words):
        if not YEAR.match(word):
            continue
        year = int(word)
        previous = words[index - 1] if index else ""
        if previous in _YEAR_BOUNDS:
            continue
        month = MONTH_NUMBERS.get(previous, 1)
        if previous == "of" and index >= 2 and words[index - 2] in MONTH_NUMBERS:
            # "in july of 2023" is July 2023, not the year's start.
            month = MONTH_NUMBERS[words[index - 2]]
        start = dt.date(year, month, 1)
        if latest is None or start > latest:
            latest = start
    # The tense read only of a question naming a year (few do), as for a month.
    return latest if latest is not None and _asks_past(words) else None
