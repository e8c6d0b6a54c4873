"""The part of a predicate a question keeps: cut at its first clause break and a word limit,
never inside a name, never ending on a function word or on a word still waiting for its noun.
"""

from __future__ import annotations

import re

from bot.ingest.clause_words import DANGLING, DETERMINERS, NOT_OBJECT, PREPOSITIONS
from bot.ingest.lexicon import FUNCTION_WORDS, is_past, is_topic_noun

MAX_CORE_WORDS = 9


# (A colon between digits is a time of day's, "6:07 a.m.", and breaks no clause.)
_CLAUSE_BREAK = re.compile(
    r",\s|;|(?<!\d):(?!\d)|\s(?:and|but|while|whereas|which|who|that|as|when|where|although|though|so|"
    r"before|after|until|because|since|whose|if)\s"
)


def cut(text: str, limit: int = MAX_CORE_WORDS) -> str:
    """``text`` up to its first clause break and at most ``limit`` words, never ending on a
    function word."""
    whole = text.split()
    appositive = re.match(
        r"^([^,]*?),\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)(?=$|[,.;]|\s+[a-z])", text
    )
    if (
        appositive
        # (", Uzbek and Russian": a list's tail, with nothing before its comma.)
        and 0 < len(appositive.group(1).split()) <= limit
        and appositive.group(1).split()[-1].islower()
    ):
        text = f"{appositive.group(1)} {appositive.group(2)}"
    else:
        match = _CLAUSE_BREAK.search(" " + text + " ")
        if match:
            text = (" " + text)[: match.start()].strip()
    every = text.split()
    words = every[:limit]
    # Never stop inside a name ("from the United | Arab Emirates") or between a modifier and
    # its noun ("to help developing | countries"): the name is finished, the noun added.
    while len(words) < min(len(every), limit + 4) and _runs_on(every, len(words)):
        words.append(every[len(words)])
    while words and (words[-1].lower().strip(",") in DANGLING or words[-1] in ("-",)):
        words.pop()
    if len(words) < len(whole):
        words = _closed(words)  # cut short: not left open at its end
    return " ".join(words).strip(" ,")


# Words that leave a phrase open when it ends on them: they wait for a noun ("in its second |
# reading", "from both | sides", "unless one | of the parties", "in march last | year").
_OPEN_ENDS = frozenset(
    """first second third fourth fifth final last next both one each every other another
    several many some such unless whose over then""".split()
)


def _closed(words: list[str]) -> list[str]:
    """``words`` (a cut predicate) without what leaves it open at its end: a word waiting for
    its noun, an adjective after a determiner or preposition ("a series of unfriendly"), an
    -ing form after a preposition ("a roadmap for reaching"), or "between" with one side only
    ("a memorandum between ankara"); for a predicate cut short."""
    words = list(words)
    lower = [w.lower().strip(",") for w in words]
    if "between" in lower[1:]:
        at = len(lower) - 1 - lower[::-1].index("between")
        if "and" not in lower[at:]:
            words, lower = words[:at], lower[:at]
    while len(words) > 1:
        last, before = lower[-1], lower[-2]
        adjective = (
            last.isalpha()
            and words[-1][:1].islower()  # not a name ("the EU")
            and last not in FUNCTION_WORDS  # "a year", "a week"
            and not is_topic_noun(last)
            and not is_past(last)
            and not last.endswith("ing")
            # after a preposition ("of unfriendly"), not a determiner ("the total") nor "to"
            # ("due to close": a verb)
            and before in PREPOSITIONS
        )
        gerund = last.endswith("ing") and before in NOT_OBJECT - {"and", "or", "but"}
        year = last.isdigit() and before in DETERMINERS  # "the 2022 | Nobel Peace Prize"
        if last in _OPEN_ENDS or last in DANGLING or adjective or gerund or year:
            words.pop()
            lower.pop()
            continue
        break
    return words


_PLACE_NOUNS = frozenset(
    """region regions province district city area oblast republic valley river county border
    capital square avenue street airport port sea lake corridor""".split()
)


# A figure as written in a predicate: "25", "6.5", "1,500", "$300".
_NUMERAL = re.compile(r"^\$?\d[\d,.]*$")


def _runs_on(words: list[str], cut: int) -> bool:
    """Does the phrase go on across a cut of ``words`` before ``cut`` (a cut there leaves half a
    name, "the Islamic Republic | of Iran", or a modifier without its noun)?"""
    last, following = words[cut - 1], words[cut]
    if last.endswith((",", ";", ":")):
        return False
    if last[:1].isupper() and following[:1].isupper():
        return True
    if last[:1].isupper() and following.strip(",.;:") in _PLACE_NOUNS:
        return True  # "the Tver | region": the place's noun goes with its name
    after = words[cut + 1] if cut + 1 < len(words) else ""
    if last[:1].isupper() and following == "of" and after[:1].isupper():
        return True
    if last == "of" and cut >= 2 and words[cut - 2][:1].isupper() and following[:1].isupper():
        return True
    bare = following.strip(",.;:")
    if _NUMERAL.match(last) and bare.isalpha() and bare.islower() and bare not in DANGLING:
        return True  # "over 25 | years", "within 15 | days": a number goes with what it counts
    return (
        last.endswith("ing")
        and last.islower()
        and bare.islower()
        and bare not in DANGLING
        and bare.isalpha()
        and is_topic_noun(bare)
    )
