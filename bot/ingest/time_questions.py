"""The "how long" and "when" questions of a clause.

What a time looks like in a clause (a duration, a date as the verb's object) is in
``time_shapes``, and where a text names a time in ``time_spans``; here a clause that gives one
is asked for it, with the time itself left out of the question's words, which it answers.
"""

from __future__ import annotations

import re

from bot.ingest import dates
from bot.ingest.amount_shapes import amount_be
from bot.ingest.asked_clause import AskedClause
from bot.ingest.main_clause import Clause
from bot.ingest.predicate_core import cut
from bot.ingest.question_forms import inverted
from bot.ingest.time_shapes import DATE_AS, DURATION
from bot.ingest.time_spans import time_spans_in, without

# "would" of something said is asked as what will be: "how long will the bridge stay shut".
_FUTURE_OF_REPORTED = {"would": "will", "would be": "will be"}


def how_long_question(asked: AskedClause) -> str | None:
    """A duration in the predicate ("would stay shut for at least two months"): "how long
    will the bridge stay shut"."""
    clause, rest = asked.clause, asked.rest
    duration = DURATION.search(rest)
    if not duration or clause.aux is None or asked.count:
        return None
    aux = _FUTURE_OF_REPORTED.get(clause.aux, clause.aux)
    body = inverted(
        Clause(clause.subject, aux, clause.verb, rest, clause.lead),
        asked.subject,
        cut(without(rest, [(duration.start(), duration.end()), *asked.time_spans])),
    )
    return f"how long {body}" if body else None


def when_question(asked: AskedClause, *, timed: bool) -> str | None:
    """A date in the predicate or the leading clause: "when did the earthen dam on the ural
    give way"; ``timed``: the sentence gives its day where the parse left it out."""
    clause, rest = asked.clause, asked.rest
    dated_thing = DATE_AS.match(rest)
    if dated_thing is not None:
        # A date that is the verb's object ("set 10 May as the start of the campaign") says
        # when the thing after "as" is: asked of it ("when was the start of the campaign"),
        # for the verb alone would ask nothing.
        what = cut(dated_thing["thing"], 6)
        head = re.split(r"\s(?:of|for|in|on|at|to|with)\s", what, maxsplit=1)[0].split()[-1]
        return f"when {amount_be(clause, head)} {what}"
    main_time = time_spans_in(asked.first_part)
    lead_time = dates.mentions(clause.lead, None) if clause.lead else []
    if not (main_time or lead_time or timed):
        return None
    # (Up to a purpose or cause, which the "why" question asks: "when did people in vamar
    # block the only road", not "... to stop a military".)
    timed_part = rest[: asked.cause.start()] if asked.cause else rest
    left = without(timed_part, time_spans_in(timed_part))
    core = cut(left)
    body = inverted(clause, asked.subject, core)
    # Not when the cut took the clause the verb reports ("when did the court order", of
    # "ordered that ...").
    if body and (core or not left.startswith("that ")):
        return f"when {body}"
    return None
