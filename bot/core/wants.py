"""Kinds of answer (``Want``): what a question asks for, and what an answer text holds.

A question's kinds are read by ``bot.core.focus``, an answer's by ``bot.core.answer_kinds``; both
sides meet as flags in an int, kept in index snapshots.
"""

from __future__ import annotations

from enum import IntFlag


class Want(IntFlag):
    """Kinds of answer: what a question asks for, and what an answer text holds."""

    NONE = 0
    COUNT = 1  # how many / how much / number of: a number
    TIME = 2  # when / what year / what day: a date or a time
    DURATION = 4  # how long: a span of time
    AGE = 8  # how old: an age
    MEASURE = 16  # how high / far / deep: a measure with a unit
    CAUSE = 32  # why: a cause
    PERSON = 64  # who: a person or a body
    PLACE = 128  # where: a place
    MONEY = 256  # how much money / cost / spend: a sum of money
    NAME = 512  # what is the name of / what were the names: a full name ("Ilham Aliyev")
    CLOCK = 1024  # what time: a time of day ("10 p.m.", "at dawn", "in the morning")
    FUTURE = 2048  # when will: something still to come ("will", "next", "planned", "due")
    DAY = 4096  # what day / which date: a day ("on 5 March", "on Tuesday"), not a month or year
    LATER = 8192  # ... yet / so far / by now: the state of things since, or what is still to come
    SHARE = 16384  # what share / percentage / proportion: a part of a whole ("84%", "half")
    SAID = 32768  # what did X say / how did X react: words someone said or a stance taken


# Kinds the curator's phrasings are read for to put siblings in order (``kind_first``, a
# kind's lead in a near tie): not what someone said, which most siblings of a story report
# and which "what did X say" phrasings do not tell apart (a fact phrased "what did the
# opposition say" is no better answer to "what did the prime minister say").
ORDERING = Want(sum(int(kind) for kind in Want) & ~int(Want.SAID))

# Kinds a fact must hold to be answered outright; CAUSE, PERSON and PLACE are only preferred
# (a cause is often stated without a marker word: "Azerbaijan wants more independence...").
STRICT = (
    Want.COUNT
    | Want.TIME
    | Want.DURATION
    | Want.AGE
    | Want.MEASURE
    | Want.MONEY
    | Want.NAME
    | Want.CLOCK
    | Want.FUTURE
    | Want.DAY
    | Want.LATER
    | Want.SHARE
)
