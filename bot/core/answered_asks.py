"""A compound question's block lifted when no fact answers it whole: the fact answering one
of its asks in full (``question_asks``) is then the answer there is.
"""

from __future__ import annotations

from bot.core.candidates import Candidate

# How many of the first candidates a fact holding all the whole question asks is looked for
# among: as many as a reply offers.
_RIVALS = 5


def answered_asks(ranked: list[Candidate]) -> None:
    """Clear the block of a fact answering one ask of a compound question in full
    (``Candidate.ask_held``) when none of the first candidates holds what the whole question
    asks: then no fact answers both, and the one answering an ask is the answer there is. When
    one does ("how many died" of a story whose sibling gives the toll), the block stands."""
    if any(not candidate.strict_miss for candidate in ranked[:_RIVALS]):
        return
    for candidate in ranked:
        if candidate.ask_held:
            candidate.strict_miss = False
