"""A turnout is asked as readers ask it: "how many people voted".

A sentence giving a vote's turnout ("Turnout was 61 percent", "the commission put turnout at
72%") is asked "what was the turnout", in the article's word. Readers more often ask the count
in their own words, "how many people voted" or "how many showed up", which share nothing with
"turnout" but the vote, and so went to whichever sibling says "voters" or "voting". The fact
giving the turnout is asked both ways.
"""

from __future__ import annotations

import re

# What may follow "turnout" to be kept after "voted": nothing, or a setting ("in the runoff",
# "on sunday"). Not "for the referendum" (voted for: in favour), nor what reads only of the
# word "turnout" ("expected to be", "like", "figures in the runoff").
_TURNOUT = re.compile(
    r"^what (?:was|is|were) (?:the )?turnout(?P<tail>(?: (?:in|at|on|during|across|among) .+)?)$"
)


def with_voters_counted(questions: list[str]) -> list[str]:
    """``questions`` with "how many people voted" (and the setting the turnout question ends
    with, "in the lestria runoff") after the first question asking a turnout, alone or in a
    setting, unless one already asks how many voted."""
    if any(q.startswith("how many people voted") for q in questions):
        return questions
    for at, question in enumerate(questions):
        asked = _TURNOUT.match(question)
        if asked is not None:
            tail = asked["tail"]
            # "what was turnout in sunday's vote": the setting is kept, not the word "turnout".
            return [*questions[: at + 1], f"how many people voted{tail}", *questions[at + 1 :]]
    return questions
