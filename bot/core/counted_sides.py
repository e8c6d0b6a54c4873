"""Whose people a count is of: "how many russian citizens" counts Russians, and a fact whose
numbers count only the people of another country ("Two men of Azerbaijani nationality died")
does not give that count, however many of the question's words it shares.

Siblings of a story on two countries name both everywhere, so the words of a count ("citizens",
"held") meet either side's; the people named right before what is counted say which side's.
Only a people or country named first after "how many" or "number of" is read so: further on
it is as often the side doing something to those counted ("how many people did russia detain").
"""

from __future__ import annotations

from functools import lru_cache

from bot.core.answer_kinds import counted_words
from bot.core.chat_expansion import expand_chat
from bot.core.country_words import country_of
from bot.core.folding import fold

# Not "how much" (focus.py reads it as a count too): an amount is of money or goods, never of
# a country's people.
_PEOPLE_COUNT_LEADS = (("how", "many"), ("number", "of"))


def counted_side(question: str) -> str | None:
    """The country whose people an English question counts ("how many ukrainians", "how many
    russian soldiers", "the number of georgian students": its folded one-word name), or None."""
    words = expand_chat(fold(question)).split()
    for index in range(len(words) - 2):
        if (words[index], words[index + 1]) in _PEOPLE_COUNT_LEADS:
            return country_of(words[index + 2])
    return None


@lru_cache(maxsize=50_000)
def sides_counted(answer: str) -> frozenset[str]:
    """The countries named within reach of the counts of ``answer`` (``counted_words``): whose
    people its numbers may count."""
    return frozenset(
        country
        for word in counted_words(answer, measures=False)
        if (country := country_of(fold(word))) is not None
    )


def counts_other_side(answer: str, side: str) -> bool:
    """Whether ``answer``'s counts name only other countries' people than ``side``'s: "Two men
    of Azerbaijani nationality" is no count of Russians. A count that names no country may be
    of anyone."""
    sides = sides_counted(answer)
    return bool(sides) and side not in sides
