"""The "where" question of a clause, and the place a leading clause gives its other questions.

Which words name a place is ``place_shapes``'s; here a clause that puts its event in one is
asked "where", and a place set before the subject ("In the Russian city of Orsk, ...") is named
in the clause's other questions, as readers name it.
"""

from __future__ import annotations

from bot.ingest.asked_clause import AskedClause
from bot.ingest.place_shapes import Place, place_in
from bot.ingest.predicate_core import cut
from bot.ingest.question_forms import inverted
from bot.ingest.time_spans import without


def where_question(asked: AskedClause) -> str | None:
    """A named place in the predicate's first part or the leading clause, not the subject's
    own name: "where did the earthen dam give way"."""
    clause, rest, spans = asked.clause, asked.rest, asked.time_spans
    place = place_in(asked.first_part)
    lead_place = asked.lead_place
    if place and place.name not in clause.subject:
        core = cut(without(rest, [(place.start, place.end), *spans]))
        body = inverted(clause, asked.subject, core)
        return f"where {body}" if body else None
    if lead_place and lead_place.name not in clause.subject:
        body = inverted(clause, asked.subject, cut(without(rest, spans)))
        return f"where {body}" if body else None
    return None


def set_in_lead_place(questions: list[str], lead_place: Place) -> list[str]:
    """``questions`` naming the place a leading clause gives ("In the Russian city of Orsk,
    ..."), which readers name: "when did the earthen dam give way in orsk"; not a "where"
    question, which asks for it, nor one that names it already."""
    here = f"in {lead_place.name}"
    return [
        q if q.startswith("where") or lead_place.name.lower() in q.lower() else f"{q} {here}"
        for q in questions
    ]
