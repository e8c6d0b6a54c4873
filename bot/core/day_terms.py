"""Days of the year named in a text ("3 November", "21st of november") as one term each
("day-11-03"), so that a question naming a day meets the fact naming that day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.focus_words import MONTH_NUMBERS

MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(MONTH_NUMBERS)) + r")\b", re.IGNORECASE)
# How much a day of the year named in a text ("3 November") says about what it is about: a
# fact of another day is about another event, however much else it shares with the question
# ("the second round on 3 November" against the first round's "20 October"). The day's number
# alone weighs next to nothing (numbers are everywhere), its month little.
DAY_SPECIFICITY = 0.6


def days_named(words: Sequence[str]) -> list[str]:
    """The days of the year named in folded ``words`` ("3 november", "november 3", "21st of
    november"), each as one term ("day-11-03"), so that a question naming a day meets the fact
    that names the same day, not merely its number and its month apart."""
    out = []
    for index, word in enumerate(words):
        month = MONTH_NUMBERS.get(word)
        if month is None:
            continue
        for neighbour in (index - 1, index - 2, index + 1):
            if 0 <= neighbour < len(words) and (neighbour != index - 2 or words[index - 1] == "of"):
                day = _day_number(words[neighbour])
                if day:
                    out.append(f"day-{month:02d}-{day:02d}")
                    break
    return out


def _day_number(word: str) -> int:
    """The day of the month ``word`` is ("3", "03", "21st"), or 0. Ordinals in words are not
    read: "the first may be" names no day, and "1st" to "5th" are words by now (chat)."""
    digits = word.rstrip("stndrh") if word[:1].isdigit() else ""
    if not digits.isdigit() or len(digits) > 2:
        return 0
    day = int(digits)
    return day if 1 <= day <= 31 else 0
