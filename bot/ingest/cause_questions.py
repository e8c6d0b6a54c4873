"""The questions of a clause that ask for a cause: "what caused ..." and "why ...".

A clause can name a cause in its verb ("blamed the shortage on", "followed a winter of heavy
snow", "triggered a landslide") or in a phrase after it ("because ...", "over ...", "to demand
..."; the phrases are in ``cause_shapes``). Readers ask the first kind "what caused" the
effect, the second "why" the clause's event happened.
"""

from __future__ import annotations

import re

from bot.ingest.asked_clause import AskedClause
from bot.ingest.cause_shapes import LATE_CAUSE, LATE_PURPOSE, SPEECH_ONLY
from bot.ingest.lexicon import base_form
from bot.ingest.predicate_core import cut
from bot.ingest.question_forms import inverted
from bot.ingest.time_spans import time_spans_in, without

_CAUSING_VERBS = ("caused", "triggered", "sparked", "prompted")
_BLAMED_ON = re.compile(r"^(?P<thing>(?:the|a|an)\s+[\w-]+(?:\s+[\w-]+)?)\s+on\s+\S")
# The predicate up to a clause of its own (", and the ministry was given powers to ..."): a
# cause or purpose there is that clause's, not this one's.
_OWN_CLAUSE_END = re.compile(r",\s+(?:and|but|while)\s|;\s")


def caused_questions(asked: AskedClause) -> list[str]:
    """What a verb says caused what: "The ministry blamed the shortage on higher demand" ->
    "what caused the shortage"; "The flooding followed a winter of heavy snow" -> "what
    caused the flooding"."""
    clause, verb, rest = asked.clause, asked.verb, asked.rest
    out: list[str] = []
    blamed = _BLAMED_ON.match(rest)
    if blamed and base_form(verb) == "blame" and clause.aux is None:
        out.append(f"what caused {blamed['thing'].lower()}")
    if verb in ("followed", "follows") or (verb in _CAUSING_VERBS and rest.startswith("by ")):
        out.append(f"what caused {asked.subject}")
    elif verb in _CAUSING_VERBS and clause.aux is None:
        out.append(f"what caused {cut(rest, 6)}")
    return out


def why_question(asked: AskedClause) -> str | None:
    """A cause or purpose after the verb: "why did hundreds of residents gather outside the
    city administration"."""
    clause, rest, cause = asked.clause, asked.rest, asked.cause
    if asked.verb in SPEECH_ONLY:
        # "said the region would need new roads because ..." gives why the roads are needed,
        # not why it was said, and "why did the governor say ..." asks what the fact does not
        # tell (what was said is asked apart).
        return None
    if cause:
        core = cut(without(rest[: cause.start()], time_spans_in(rest[: cause.start()])))
        body = inverted(clause, asked.subject, core)
        return f"why {body}" if body else None
    own_clause = _OWN_CLAUSE_END.split(rest, maxsplit=1)[0]
    if LATE_CAUSE.search(own_clause) or LATE_PURPOSE.search(own_clause):
        # "came down near Rushan, in the ... region, after three days of heavy snow": the
        # cause set off by a comma after the place; the question keeps the first part.
        first = asked.first_part
        body = inverted(clause, asked.subject, cut(without(first, time_spans_in(first))))
        return f"why {body}" if body else None
    return None
