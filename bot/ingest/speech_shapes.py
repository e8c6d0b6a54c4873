"""How a clause reports speech, for ``speech_questions``, which asks what was said and then
about it.

An object before what was said ("called X a lie"), a report without "that" ("said the bridge
would ..."), a subjunctive ("ordered that X be held") and "announced" with a thing, not a
statement, for its object ("announced the snap election"), which is asked as any other verb's.
"""

from __future__ import annotations

import re

from bot.ingest.lexicon import is_past
from bot.ingest.main_clause import Clause, parse

OBJECT_FIRST = frozenset("called calls accused described describes urged denied".split())


# How a clause that "said" introduces without "that" opens: a determiner, a name or a number
# of any length ("said the bridge would ...", "said 66 people were taken ...", "said about
# 1,200 people work ..."), not "said on Monday".
REPORTED_START = re.compile(
    r"(?:the|a|an|its|their|his|her|it|they|he|she|all|some|most|about|more than|nearly|"
    r"[A-Z][\w'-]+|\d[\d,.]*)\s"
)


_SUBJUNCTIVE = re.compile(
    r"^(?P<subject>(?:\S+\s+){0,5}?\S+)\s+be\s+(?P<verb>[a-z]+)\s+(?P<rest>.+)$"
)


def subjunctive(text: str) -> Clause | None:
    """ "(ordered that) blogger Narek Samsonyan be held in custody for two months" as the
    clause readers ask about: "will blogger narek samsonyan be held ..." ("how long")."""
    match = _SUBJUNCTIVE.match(text)
    if match is None or not is_past(match["verb"]):
        return None
    return Clause(match["subject"], "will be", match["verb"], match["rest"])


# Verbs of saying that also take a thing as their object: "announced the snap election on
# Monday", "announced visa restrictions". Then nothing is reported: the thing and its day are what
# readers ask ("when did the president announce the snap election"), as of any other verb.
_THING_VERBS = frozenset("announce announces announced".split())
# The object opens on a determiner or a plain noun ("visa restrictions"), not on what opens a
# statement or a time ("that", "it", "on Monday", "plans to ...").
_THING_START = re.compile(
    r"(?!(?:that|it|he|she|they|we|i|you|what|whether|how|why|who|when|where|to|on|in|at|"
    r"after|before|plans?|this|there)\s)[a-z][a-z-]*\s"
)


def announces_a_thing(verb: str, rest: str) -> bool:
    """Whether ``verb`` (``_THING_VERBS``) has a noun phrase for its object, not a statement:
    no "that", and the words up to the first comma read as no clause of their own ("his
    resignation in a statement", not "the government would raise prices")."""
    if verb not in _THING_VERBS or not _THING_START.match(rest):
        return False
    first = re.split(r",\s|;\s", rest, maxsplit=1)[0]
    return re.search(r"(?:^|\s)that\s", first) is None and parse(first) is None
