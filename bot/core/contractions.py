"""A question word's contraction read as its full form: "when's" as "when is".

Folding turns the apostrophe into a space, so "when's the vote supposed to happen" reaches the
readers of a question's shape as "when s the vote ...", and a rule that looks for "when is"
(what is still to come, ``focus``) or for "what is" (``chat_expansion``'s idioms) never sees
it, though "whens" typed without the apostrophe is read as "when is" by the chat table. So the
left-over "s", "re", "ll" or "d" after a question word is written out here, once, before
anything reads the question's words.
"""

from __future__ import annotations

import re

# The question words a contraction is read after. Not "that", "it" or a name: their "'s" is
# as often a possessive ("it's" aside, which folding leaves as "it s" and nothing reads).
_ASKING = "what|when|who|where|how|why"
# "'s" before these is "has": "who's been charged", "what's happened since", "who's got the
# contract". Elsewhere it is "is" ("when's the vote", "who's in charge").
_HAS_BEFORE = frozenset("been got gotten gone had done happened changed come".split())
# The word after is only looked at, not taken: it may be the next contraction's question
# word ("where's who's in charge").
_CONTRACTED = re.compile(rf"\b({_ASKING}) (s|re|ll|d)\b(?=(?: (\w+))?)")
# A cheap look before the full pattern: most text has no lone "s", "re", "ll" or "d".
_MAY_HOLD = re.compile(r" (?:s|re|ll|d)\b")
# "'d" is "did" after every question word but "who", whose "'d" is as often "would" ("who'd
# win") and is left as typed.
_DID_AFTER = frozenset("what when where how why".split())


def _written_out(match: re.Match[str]) -> str:
    word, ending, following = match.group(1), match.group(2), match.group(3)
    if ending == "s":
        full = "has" if following in _HAS_BEFORE else "is"
    elif ending == "re":
        full = "are"
    elif ending == "ll":
        full = "will"
    elif word in _DID_AFTER:
        full = "did"
    else:
        return match.group(0)
    return f"{word} {full}"


def written_out(folded: str) -> str:
    """Folded text with a question word's contraction written out: "when s" -> "when is",
    "who s been" -> "who has been", "where re" -> "where are", "when ll" -> "when will",
    "how d" -> "how did"."""
    if not _MAY_HOLD.search(folded):
        return folded
    return _CONTRACTED.sub(_written_out, folded)
