"""How an amount or a count stands in a clause, for the "how many", "how much", "what
percentage" and "how much did it rise" questions ``amount_questions`` asks of it.

A number in the subject ("hundreds of residents gathered"), a counted object after the verb
("shot down six drones"), a sum of money, a figure put on a thing ("put the toll at eight"), a
share in percent and a change in an amount ("fell to 9 percent") each have a pattern here, with
the words that make a question of them. Kept apart from the templates so that a new amount
shape is added, and tested, without reading every other kind of question.
"""

from __future__ import annotations

import re

from bot.core.filler_words import STOPWORDS
from bot.ingest.clause_words import MONTHS_AND_DAYS
from bot.ingest.lexicon import is_past
from bot.ingest.main_clause import Clause
from bot.ingest.predicate_core import cut

_QUANTITY = (
    r"(?:(?:more than|over|nearly|almost|about|around|at least|up to|some|roughly|"
    r"an estimated|fewer than|less than)\s+)?"
    r"(?:\d[\d,.]*(?:\s+(?:million|billion|thousand))?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions|tens of thousands|"
    r"hundreds of thousands)"
)
COUNT_SUBJECT = re.compile(
    rf"^{_QUANTITY}\s+(?:of\s+)?(?:(?:the|their|its)\s+)?(?P<noun>(?:[a-z-]+\s+){{0,2}}?"
    r"[a-z-]+?s|people|police|staff|personnel|children)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
MONEY = re.compile(
    r"(?:(?:more than|over|nearly|almost|about|around|at least|up to|some|roughly)\s+)?"
    r"(?:[$€£]\s?\d[\d,.]*(?:\s+(?:million|billion|trillion|bn|m))?"
    r"|\d[\d,.]*(?:\s+(?:million|billion|trillion))?\s+(?:euros?|dollars?|pounds|roubles|"
    r"rubles|manats?|lari|tenge|drams?|lira|liras|hryvnias?|soms?|somoni|soums?|lei|yuan))",
    re.IGNORECASE,
)
COUNT_OBJECT = re.compile(
    rf"^{_QUANTITY}\s+(?:of\s+)?(?:(?:the|their|its)\s+)?(?P<noun>[a-z-]+s|people)\b",
    re.IGNORECASE,
)
# A counted object the plain pattern above misses: after a verb's particle ("shot down six
# drones", "hands back its 77.4 million shares") or named by a capitalised word before its noun
# ("six Kalibr cruise missiles"). The particle goes back after the verb in the question. A
# month is no such word: "set 10 May as the start" is a date, not ten things.
COUNT_OBJECT_AFTER = re.compile(
    r"^(?:(?P<particle>down|up|out|off|back|away|over)\s+)?(?:(?:its|their|his|her)\s+)?"
    rf"{_QUANTITY}\s+(?:of\s+)?"
    rf"(?:(?:the|their|its)\s+)?(?P<noun>(?!(?:{MONTHS_AND_DAYS})\b)"
    r"(?:[A-Z][\w-]*\s+){1,2}(?:[a-z-]+\s+)?[a-z-]+s"
    r"|(?<=\s)(?:[a-z-]+s|people)(?(particle)|(?!)))(?![\w'-])"
)
# Who a sum goes to or is taken from, before it: "fined the company 40 million som" (a verb
# with two objects), "ordered the company to pay $3 million" (an object and what it is to do).
# Readers ask "how much did the court fine the company", "... order the company to pay".
MONEY_VERBS = frozenset(
    """fine fined fines award awarded awards owe owed owes pay paid pays lend lent lends
    give gave gives grant granted grants offer offered offers""".split()
)
_PAYS = r"(?:pay|repay|return|refund|give|hand over|transfer|compensate|spend|invest|raise)"
MONEY_RECIPIENT = re.compile(
    r"^(?P<who>(?:the|a|an|its|their|his|her|[A-Z][\w'-]*)(?:\s+[\w'-]+){0,4}?)"
    rf"(?P<to>\s+to\s+{_PAYS})?$"
)


# A figure put on a thing: "put the toll on their side at eight", "put turnout at 84.5%".
PUT_AT = re.compile(
    r"^(?P<thing>(?:(?:the|its|their)\s+)?[a-z][\w'-]*"
    r"(?:\s+(?:on|of|in|among|outside|near)\s+[\w' -]+?)?)"
    r"\s+at\s+(?:(?:about|around|nearly|some|more than|at least|roughly)\s+)?"
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b"
)
GATHERINGS = frozenset("crowd crowds rally rallies protest protests march gathering".split())


# An amount that says how big a thing is ("made a one-off payment of $50 million", "approved a
# grant of 3 million manats"): "how much was the payment", asked of the thing, since the
# sentence's verb ("made", "approved") is not what a reader asks how much of.
AMOUNT_OF_THING = re.compile(
    r"^(?:(?:a|an|the|its|their|his|her)\s+)?(?P<thing>(?:[a-z][a-z-]*\s+){0,2}(?P<noun>[a-z][a-z-]+))$"
)


# Verbs saying an amount changed, by the plain word readers ask with.
CHANGE = {
    **dict.fromkeys(
        "rose increased grew climbed jumped soared surged doubled tripled trebled quadrupled "
        "rises increases grows climbs jumps soars surges doubles triples".split(),
        "rise",
    ),
    **dict.fromkeys(
        "fell dropped declined decreased plunged slumped halved shrank tumbled "
        "falls drops declines decreases plunges slumps halves shrinks tumbles".split(),
        "fall",
    ),
}
# A changing verb's object before its figures: "shrinks the Senate from 100 to 65".
CHANGED_OBJECT = re.compile(r"(?:the|a|an|its|their|his|her|our)\s", re.IGNORECASE)
# A figure the change went by, from or to: "from about 60 tenge to 120 tenge", "by 12 percent".
AMOUNT_AFTER = re.compile(r"\b(?:from|to|by)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?[$€£]?\d")
PERCENT = r"\d[\d.,]*\s*(?:percent|per cent|%)"
SHARE = re.compile(
    r"^(?:(?:about|around|nearly|almost|just over|just under|more than|less than|some|roughly|"
    rf"only|barely|over|under)\s+)?{PERCENT}(?!\s+of\b)"
)


EFFECT = re.compile(
    rf",\s+(?P<verb>[a-z]+ing)\s+{_QUANTITY}\s+(?:of\s+)?(?:[a-z-]+\s+)?(?P<noun>[a-z]+s|people)\b"
)


# Words that make "the <thing>" no thing of its own to ask the size of ("a total of", "a
# sum of", "a fine of up to": the amount is asked as it stands by other questions). Made
# once, not per clause: the stopwords are most of it.
NOT_SIZED_THING_WORDS = STOPWORDS | frozenset(
    "total sum number figure amount maximum minimum record".split()
)


# A second count in the same list as the one asked about: "had 93 passengers and five crew
# on board" asks "how many passengers did the airline have on board"; the other count is
# left to the answer, as it is no part of the question.
_LISTED_COUNT = re.compile(rf"^,?\s*and\s+{_QUANTITY}\s+(?:[a-z-]+\s+){{0,1}}?[a-z-]+\b")


def after_counted(text: str) -> str:
    """What a "how many" question keeps after the counted noun: the predicate's next words,
    but not a participle's phrase that says which ones were counted ("pardoned more than 200
    people convicted in political cases" asks "how many people has he pardoned", not "...
    pardoned convicted in political cases"), nor another count of the same list ("93
    passengers and five crew on board")."""
    text = _LISTED_COUNT.sub("", text, count=1)
    first = text.split()[:1]
    if first and (first[0].endswith("ing") or is_past(first[0].lower())):
        return ""
    return cut(text, 5)


def amount_be(clause: Clause, noun: str) -> str:
    """The "be" of "how much was the payment": past when the clause is, plural by the noun."""
    past = clause.aux in ("had", "was", "were") or (
        clause.aux is None and clause.verb is not None and is_past(clause.verb.lower())
    )
    plural = noun.endswith("s") and not noun.endswith(("ss", "us", "is"))
    return ("were" if plural else "was") if past else ("are" if plural else "is")
