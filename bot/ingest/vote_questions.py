"""How a vote went, asked as readers ask it: "how many votes did the bill get".

A sentence reporting a vote gives its count as "by 64 votes to 7" ("Lawmakers adopted the bill
... by 64 votes to 7", "The law was approved by 72 votes to 5"). The count is the news, yet the
clause's own questions ask who adopted what; a reader asks for the numbers, naming the thing
voted on. So the thing voted on (the object of an active verb, the subject of a passive one)
gets "how many votes did X get" and "what was the vote on X".
"""

from __future__ import annotations

import re

from bot.ingest.main_clause import Clause

_COUNT = r"(?:\d[\d,]*|[a-z]+)"
_VOTES = re.compile(rf"\bby\s+(?:a\s+vote\s+of\s+)?{_COUNT}\s+votes?\s+to\s+{_COUNT}\b")
# Where the thing voted on ends: a preposition, a comma or the end ("the bill | in its second
# reading", "the measure | on May 14").
_THING_END = re.compile(
    r",|\s(?:in|on|at|by|with|for|after|during|before|from|under|as|and|but|which|that)\s|$"
)
_THING_START = re.compile(r"^(?:the|a|an|its|their|[A-Z][\w-]*(?:'s)?)\s", re.IGNORECASE)
_PRONOUNS = frozenset("it them this that these those".split())
_PASSIVE = frozenset("was were is are been be".split())
MAX_THING_WORDS = 6


def vote_questions(clause: Clause) -> list[str]:
    """The vote questions of ``clause`` (lower-case), or none when it gives no vote count or
    no thing voted on that a question could name (a pronoun: "overrode it by 84 votes to
    four")."""
    if clause.verb is None or _VOTES.search(clause.rest) is None:
        return []
    passive = bool(set((clause.aux or "").lower().split()) & _PASSIVE)
    if passive:
        thing = clause.subject
    else:
        end = _THING_END.search(clause.rest)
        thing = clause.rest[: end.start() if end else len(clause.rest)]
    thing = " ".join(thing.split())
    words = thing.lower().split()
    if (
        not words
        or len(words) > MAX_THING_WORDS
        or words[0] in _PRONOUNS
        or _THING_START.match(f"{thing} ") is None
        or _VOTES.match(thing)
    ):
        return []
    thing = thing[:1].lower() + thing[1:] if words[0] in ("the", "a", "an") else thing
    return [f"how many votes did {thing} get", f"what was the vote on {thing}"]
