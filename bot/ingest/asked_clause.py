"""The parts of one clause that several kinds of drafted question read, worked out once.

``questions`` asks of a clause by kind: how many and how much (``amount_questions``), when and
how long (``time_questions``), why (``cause_questions``), where (``place_questions``), who and
what (``who_questions``), yes or no (``yes_no_questions``). Several kinds need the same parts of
the clause: the subject as a question names it, the predicate up to the first clause of its
own, the time spans to leave out, a cause, the place a leading clause gives. Each part is
worked out here, once, so that no two kinds can read it differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ingest.amount_shapes import COUNT_SUBJECT
from bot.ingest.cause_shapes import CAUSE
from bot.ingest.main_clause import Clause
from bot.ingest.place_shapes import Place, place_in
from bot.ingest.time_spans import time_spans_in

# Where the predicate's first part ends: a comma, or a word opening a clause of its own.
_FIRST_PART_END = re.compile(
    # ("... for armed mutiny that night": a time, not a relative "that".)
    r",\s|\s(?:that(?!\s+(?:night|evening|morning|afternoon|day|same|next|following)\b)|"
    r"which|who|whose|where|but|and|as|while|whereas|although)\s"
)


@dataclass(frozen=True, slots=True)
class AskedClause:
    """A clause with the parts its questions read (``asked_clause``)."""

    clause: Clause
    subject: str
    """The clause's subject as a question names it (``subject_for_question``)."""
    verb: str
    """The main verb, lower-case; empty after a copula ("was the largest")."""
    predicate: str
    """The auxiliary chain and the main verb ("has been evacuated"), empty when neither."""
    definite: bool
    """The subject names a known thing ("The worst-hit regions", "Russia's losses"), which a
    "what are ..." question can ask to be listed."""
    count: re.Match[str] | None
    """A number in the subject ("Hundreds of residents"): then the subject is what is
    counted, and the questions that would ask for the subject ask how many instead."""
    first_part: str
    """The predicate up to a clause of its own (a comma, "which", "but", ...): a date,
    place or cause after that belongs to that clause."""
    time_spans: list[tuple[int, int]]
    """Where ``rest`` names a time: left out of a question's words, which the time would
    answer."""
    pronoun_object: bool
    """The object is only a pronoun ("reversed that"): a question that cuts it asks nothing
    ("who reversed", "did the diaspora reverse")."""
    cause: re.Match[str] | None
    """A cause or purpose in ``first_part`` ("because ...", "to demand ...")."""
    lead_place: Place | None
    """The place a leading clause gives ("In the Russian city of Orsk, ...")."""

    @property
    def rest(self) -> str:
        """What follows the clause's verb group (``Clause.rest``)."""
        return self.clause.rest


def asked_clause(clause: Clause, subject: str) -> AskedClause:
    """``clause`` read for its questions; ``subject`` is its subject as a question names it."""
    rest = clause.rest
    first_part = _FIRST_PART_END.split(rest, maxsplit=1)[0]
    return AskedClause(
        clause=clause,
        subject=subject,
        verb=(clause.verb or "").lower(),
        predicate=" ".join(p for p in (clause.aux, clause.verb) if p),
        definite=clause.subject.split()[0] in ("The", "the") or "'s " in clause.subject,
        count=COUNT_SUBJECT.match(clause.subject),
        first_part=first_part,
        time_spans=time_spans_in(rest),
        pronoun_object=rest.split()[:1] in (["that"], ["this"], ["it"], ["them"]),
        cause=CAUSE.search(first_part),
        lead_place=place_in(clause.lead) if clause.lead else None,
    )
