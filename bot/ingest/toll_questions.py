"""Questions about a toll: how many people died, were injured or are missing.

After a disaster or an attack the first thing readers ask is the toll, in their plain words:
"how many people died", "how many were hurt". Articles give it in many shapes that the
sentence's own questions do not reach: inside reported speech without "that" ("the committee
said three people were killed"), as a bare count ("counted 19 dead and 105 injured"), as a
participle after its noun ("the bodies of 225 people killed in the violence"), or in the object
of an active verb ("the blast killed ten people"). Drafted questions asked the speaker
("what did the committee say") or the wrong thing ("who counted 19 dead"), so a reader's "how
many died" went to a sibling fact, or to none outright. Here each toll the sentence states is
asked as readers ask it.
"""

from __future__ import annotations

import re

from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold
from bot.ingest.dates import MONTHS, YEAR

# A count of people: a figure or a number word, with what may stand before it.
_COUNT = (
    r"(?:(?:more than|over|nearly|almost|about|around|at least|up to|some|roughly|"
    r"an estimated|fewer than|less than)\s+)?"
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens|hundreds|thousands)"
)
# Who is counted, when the article says: readers name them the same way ("how many civilians").
# Besides the nouns listed, a plural naming people by what they do or are: "-ers" ("herders",
# "firefighters"), "-ists" ("journalists"), "-ians" ("civilians", "Ukrainians"), "-men"
# ("fishermen", "policemen"), save for a few "-ers" that name no one ("others" points back at a
# noun; "numbers", "orders", "waters", "borders", "papers" are things).
_PEOPLE = (
    r"people|persons|civilians|soldiers|servicemen|troops|police officers|officers|residents|"
    r"workers|miners|passengers|sailors|crew members|children|migrants|protesters|villagers|"
    r"fighters|pilgrims|students|patients|women|"
    r"(?!(?:others|numbers|orders|waters|borders|papers|members)\b)[a-z]{2,}(?:ers|ists|ians|men)"
)
# What happened to them, by the question that asks it.
_OUTCOMES = {
    "killed": "were killed",
    "dead": "died",
    "died": "died",
    "injured": "were injured",
    "wounded": "were wounded",
    "hurt": "were injured",
    "missing": "are missing",
}
_OUTCOME = "|".join(_OUTCOMES)
# "three people were killed", "ten people have died", "225 people killed in the violence",
# "19 dead and 105 injured", "42 are missing": the count, perhaps its noun, perhaps an
# auxiliary, then the outcome.
_PASSIVE = re.compile(
    rf"\b(?P<count>{_COUNT})\s+(?:(?P<noun>{_PEOPLE})\s+)?"
    r"(?:(?:have|has|had|were|was|are|is)\s+(?:been\s+)?)?"
    rf"(?P<outcome>{_OUTCOME})\b",
    re.IGNORECASE,
)
# "the blast killed ten people", "killing at least 12 civilians".
_ACTIVE = re.compile(
    rf"\b(?:killed|killing|kills|injured|injuring|wounded|wounding)\s+(?P<count>{_COUNT})\s+"
    rf"(?:(?:[a-z-]+\s+)?(?P<noun>{_PEOPLE}))\b",
    re.IGNORECASE,
)
_ACTIVE_OUTCOME = {"kill": "were killed", "inju": "were injured", "woun": "were wounded"}
# Words after a bare toll that are no nouns it could describe: the function words of
# ``STOPWORDS`` and the words of time a toll is told with ("9 dead overnight").
_NOT_NOUNS = "|".join(
    sorted(STOPWORDS | {"overnight", "yesterday", "today", "so", "far", "since", "amid"})
)
# A count that is a share of the toll already given ("19 of them police officers") or of
# something else ("one of the dead") is not a toll of its own.
_NOT_A_TOLL = re.compile(r"^\s*of\b", re.IGNORECASE)
# A figure that is a year or a day of a month is a date, not a count of people: "In 2023 dead
# fish covered the shore" and "On March 3 dead birds were found" state no toll.
_A_YEAR = re.compile(YEAR)
# What stands before a year that is one, whatever follows it ("in 2023 people fled", "May 4,
# 2023", "mid-2023").
_BEFORE_A_YEAR = re.compile(
    rf"(?:\b(?:in|since|by|until|till|from|during|through|early|late|mid|year|{MONTHS})"
    r"|\d,?|-)\s*$",
    re.IGNORECASE,
)
_BEFORE_A_DAY = re.compile(rf"\b(?:{MONTHS})\s*$", re.IGNORECASE)
# A bare outcome right before a noun that names no people describes that noun: "200 dead fish",
# "40 injured cattle" count animals or things, no toll of people. A word that is no noun
# ("19 dead and 105 injured", "12 dead including three children", "9 dead overnight") or a
# noun of people ("14 dead herders") leaves it a toll.
_COUNTS_THINGS = re.compile(
    rf"\s+(?!(?:{_PEOPLE})\b)(?![a-z]*(?:ing|ly)\b)(?!(?:{_NOT_NOUNS})\b)[a-z]+\b"
)


def toll_questions(text: str, setting: str | None = None) -> list[str]:
    """ "how many people were killed in the crimean bridge blast", "how many people were
    injured ...": one question for each kind of toll ``text`` states with a count, in the
    order it states them, each ending with ``setting`` ("in the crimean bridge blast") when
    given. Nothing for a toll without a count ("several servicemen were killed")."""
    asked: dict[str, None] = {}
    found: list[tuple[int, str, str]] = []
    for match in _PASSIVE.finditer(text):
        if _NOT_A_TOLL.match(text[match.end("count") :]) or _is_a_date(text, match):
            continue
        if match["noun"] is None and _COUNTS_THINGS.match(text[match.end() :]):
            continue
        outcome = _OUTCOMES[match["outcome"].lower()]
        found.append((match.start(), _noun(match["noun"]), outcome))
    for match in _ACTIVE.finditer(text):
        outcome = _ACTIVE_OUTCOME[match.group(0)[:4].lower()]
        found.append((match.start(), _noun(match["noun"]), outcome))
    tail = f" {setting.lower().replace(chr(34), '')}" if setting else ""
    for _, noun, outcome in sorted(found):
        asked.setdefault(f"how many {noun} {outcome}{tail}", None)
    return list(asked)


def _is_a_date(text: str, match: re.Match[str]) -> bool:
    """Is the count of ``match`` (in ``text``) a year or a day of a month? A figure that can
    be a year is one after "in", "since", a month or a day, and also alone, with no "about"
    and no people after it: articles write a toll of thousands with its comma ("2,000")."""
    before = text[: match.start("count")]
    figure = match["count"].split()[-1]
    if _BEFORE_A_DAY.search(before) and len(figure) <= 2 and figure.isdigit():
        return True
    if not _A_YEAR.fullmatch(figure):
        return False
    alone = figure == match["count"] and match["noun"] is None
    return alone or _BEFORE_A_YEAR.search(before) is not None


def _noun(noun: str | None) -> str:
    return fold(noun) if noun else "people"


def asks_toll(question: str) -> bool:
    """Does ``question`` already ask a toll ("how many people have died in ...")?"""
    words = fold(question).split()
    return words[:2] == ["how", "many"] and bool(
        set(words) & {"killed", "died", "dead", "injured", "wounded", "missing", "hurt"}
    )
