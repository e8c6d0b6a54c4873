"""How a clause says when, or for how long, for the "when" and "how long" questions
``time_questions`` asks of it.

A date as a verb's object ("set 10 May as the start of the campaign"), a duration ("for at
least two months"), a day before the verb that the parse leaves out ("Parliament on Wednesday
passed ...") and a sentence that only times one event against another ("came two weeks after a
referendum"). The dates themselves are read by ``time_spans`` and ``dates``; this module holds
only the shapes a question is built on, so that a "when" change stays in one place.
"""

from __future__ import annotations

import re

from bot.core.filler_words import STOPWORDS
from bot.ingest import dates
from bot.ingest.clause_words import NOT_OBJECT
from bot.ingest.main_clause import Clause
from bot.ingest.time_spans import time_spans_in

# A date as a verb's object, then what it is the date of: "10 May as the start of the campaign".
DATE_AS = re.compile(
    rf"^(?:\d{{1,2}}\s+(?:{dates.MONTHS})|(?:{dates.MONTHS})\s+\d{{1,2}})(?:,?\s+\d{{4}})?\s+as\s+"
    r"(?P<thing>(?:the|a|an)\s+[a-z][^,;]*)"
)

# A span the predicate lasts for ("would stay shut for at least two months"): asked "how long",
# and cut from the question's own words, which would otherwise give the answer away.
DURATION = re.compile(
    r"\bfor\s+(?:at least\s+|about\s+|up to\s+|nearly\s+|more than\s+|another\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+"
    r"(?:hours?|days?|weeks?|months?|years?|decades?)\b"
    # "for five days of early voting": the span's own noun goes with it.
    r"(?:\s+of\s+(?:[a-z-]+\s+)?(?!(?:the|a|an)\b)[a-z-]+ing\b)?"
)


# "came two weeks after a referendum", "comes a day before the vote": the sentence only times
# one thing against another; its questions would ask "how many weeks did X come".
TIMING_ONLY = re.compile(
    r"^(?:came|comes|come)\s+(?P<span>(?:just\s+|only\s+|about\s+|nearly\s+|exactly\s+)?"
    r"(?:\S+\s+)?(?:hours?|days?|weeks?|months?|years?|decades?))\s+(?P<order>after|before)\s+"
    r"(?:an?|the)\s+(?P<other>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
)


def timing_questions(subject: str, timing: re.Match[str]) -> list[str]:
    """ "The runoff came two weeks after a referendum ..." -> "when was the referendum", "what
    happened two weeks before the runoff"."""
    # The other event by its one noun, when a preposition or a relative clause follows it ("a
    # strike by track workers", "a referendum in which ..."): a longer phrase may run into its
    # own verb ("the summit opens"), which a question must not ask of.
    other = timing["other"].split()
    opposite = "before" if timing["order"] == "after" else "after"
    span = timing["span"].strip()
    what = subject[:1].lower() + subject[1:] if subject.split()[0] in _DETERMINERS_CAP else subject
    out = [f"what happened {span} {opposite} {what}"]
    noun = other[0].lower().strip(",")
    alone = len(other) == 1 or other[1].strip(",") in NOT_OBJECT or other[0].endswith(",")
    if alone and noun not in STOPWORDS:
        plural = noun.endswith("s") and not noun.endswith("ss")
        out.insert(0, f"when {'were' if plural else 'was'} the {noun}")
    return out


_DETERMINERS_CAP = frozenset("The A An This That These Those Its Their".split())


def time_before_verb(statement: str, clause: Clause) -> bool:
    """Whether ``statement`` gives a day before its verb that ``clause`` holds neither in its
    lead nor after the verb: "Parliament on Wednesday passed ...", "The next day, people in
    Vamar blocked ..." (the parse keeps the subject and drops the time between). Not a day
    owning a noun ("Sunday's vote"), which is the subject's, not the time of the verb."""
    if not clause.rest or clause.lead or clause.verb is None:
        # (A copula's day is its subject's: "Turnout in Sunday's vote was 61%".)
        return False
    at = statement.find(clause.rest)
    head = statement[:at] if at > 0 else ""
    return any(
        not re.match(r"['’]s\b", head[end:]) for _, end in time_spans_in(head, days_only=True)
    )
