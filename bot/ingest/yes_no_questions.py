"""The yes/no questions of a clause: asked when it gives few others, and of a negation.

A clause with nothing typed to ask (no number, date, place or cause) is asked whether it
happened ("have russian investigators opened a criminal case"); a negated one is asked as
readers ask it, in the positive, which the fact answers "no".
"""

from __future__ import annotations

from bot.ingest.asked_clause import AskedClause
from bot.ingest.main_clause import Clause
from bot.ingest.predicate_core import cut
from bot.ingest.question_forms import inverted
from bot.ingest.time_spans import without


def negated_question(asked: AskedClause) -> str | None:
    """ "Russia does not recognise the court's authority": readers ask "does russia
    recognise the court's authority", not "what does russia not recognise"."""
    clause = asked.clause
    aux_words = (clause.aux or "").split()
    if clause.verb is None or aux_words[1:] != ["not"]:
        return None
    positive = Clause(clause.subject, aux_words[0], clause.verb, clause.rest, clause.lead)
    core = cut(without(clause.rest, asked.time_spans))
    return inverted(positive, asked.subject, core) if core else None


def yes_no_question(asked: AskedClause) -> str | None:
    """Whether the clause's event happened: "did the earthen dam give way"."""
    rest = asked.rest
    core = cut(without(rest, asked.time_spans))
    body = inverted(asked.clause, asked.subject, core)
    # Not when the cut left the verb alone ("did the court order"): that asks nothing. Nor
    # when the cut took the pronoun object ("reversed that" -> "did the diaspora reverse").
    # Nor when the predicate held only its time ("The mutiny began on the evening of June
    # 23" -> "did the mutiny begin"): the "when" question asks it.
    bare = not core and (rest.startswith("that ") or asked.pronoun_object or bool(asked.time_spans))
    return body if body and not bare else None
