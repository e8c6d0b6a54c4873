"""What a "how many" question counts ("how many protesters were injured": protesters,
injured), which a fact's numbers must stand beside to be the count asked for, and whether it
counts people by what a phrasal verb says they did ("how many ppl showed up").
"""

from __future__ import annotations

import itertools

from bot.core.focus_words import PART_WORDS

# Words after "how many" that say nothing of what is counted: a head count of "people" is
# told apart by what the people did ("died", "evacuated"), not by the word "people".
_NOT_COUNTED = frozenset(
    """
    the a an of in on at to for from by with did do does doing done were was are is be been
    being have has had having will would could can so far now still yet total overall exactly
    roughly about around approximately all altogether people ppl persons person individuals men
    women folks guys
    there they them it its their this that these those got get gets
    though even just really actually anyway
    s he she we you i who whom which among his her my our your not and should
    """.split()
)
# (The last line: a possessive's "s" as folding leaves it, "mayor's" -> "mayor s", pronouns,
# relative words and connectives stand beside what is counted but never name it; "guys" is
# "men" said casually.)
# Verbs of reporting: in "how many people does the monitor say are held", the words between
# the auxiliary and such a verb name who reports the count, not what is counted.
_REPORTING = frozenset(
    "say says said estimate estimates estimated report reports reported claim claims claimed "
    "think thinks believe believes".split()
)
# Auxiliaries that open a question's inversion, after which the one reporting the count is
# named: "how many people *does* the monitor say", "how much *did* the tax office say".
_INVERSION = frozenset("do does did has have had".split())
_COUNT_LEADS = (("how", "many"), ("how", "much"), ("number", "of"))
# How many words after "how many" are read for what is counted when the first four are all
# filler ("how many people in total were detained").
_COUNT_REACH_WORDS = 8
# Words that open a clause of circumstance after what is counted: "how many died *after*
# being detained" counts the dead, not the detained; "how many were detained *during* the
# raid" counts the detained, not raids.
_COUNT_STOPS = frozenset("after during since before when while because following amid".split())


def counted_asked(words: list[str]) -> tuple[str, ...]:
    """Up to three words after "how many" / "how much" / "number of" naming what is counted, or
    after "what share of" ("what percentage of voters"): what the share is of."""
    for index, pair in enumerate(itertools.pairwise(words)):
        if pair in _COUNT_LEADS or (pair[1] == "of" and pair[0] in PART_WORDS):
            after = _past_reporter(words[index + 2 :])
            counted = _counted_within(after[:4])
            # Only filler right after the lead ("how many people in total were detained"):
            # what is counted is said a little further on.
            return counted or _counted_within(after[:_COUNT_REACH_WORDS])
    return ()


# Words for people in general after "how many" ("how many ppl showed up", "how many folks
# pulled out"): too common to say what a fact's number counts, they are read apart.
_PEOPLE_WORDS = frozenset("people ppl persons individuals folks".split())


# Particles that make a phrasal verb of the verb before them ("showed up", "pulled out").
_PARTICLES = frozenset("up out off away down over back".split())


def counts_people(words: list[str], counted: tuple[str, ...]) -> bool:
    """Whether ``words`` ask how many people did what a phrasal verb says ("how many ppl
    showed up", "how many people pulled out"): a people word right after the count's lead,
    and a particle after another word of what is counted. A plain verb ("how many people
    died") says what is counted in its own word, which a fact must then have."""
    phrasal = any(word in _PARTICLES for word in counted[1:])
    return phrasal and any(
        pair in _COUNT_LEADS and index + 2 < len(words) and words[index + 2] in _PEOPLE_WORDS
        for index, pair in enumerate(itertools.pairwise(words))
    )


def _past_reporter(after: list[str]) -> list[str]:
    """The words after a count's lead with a reporting clause's subject left out: "people does
    the monitoring group say are held" reads "people are held" (the group reports the count; it
    is not what is counted). An auxiliary among the first three words opens the clause, a verb
    of reporting within five words after it closes it; without one, the words stay as they
    are ("how many houses did the storm destroy")."""
    for index, word in enumerate(after[:3]):
        if word in _INVERSION:
            for end in range(index + 1, min(len(after), index + 6)):
                if after[end] in _REPORTING:
                    return after[:index] + after[end + 1 :]
            break
    return after


def _counted_within(after: list[str]) -> tuple[str, ...]:
    """Up to three words of ``after`` naming what is counted: not filler, and not past a clause
    of circumstance ("how many died *after* being detained" counts the dead)."""
    found: list[str] = []
    for word in after:
        if word in _COUNT_STOPS:
            break
        if word not in _NOT_COUNTED and word.isalpha():
            found.append(word)
    return tuple(found[:3])
