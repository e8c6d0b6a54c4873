"""The questions of a clause that ask for one of its parties: who or what acted, was acted
on, or is listed.

"The worst-hit regions include ..." -> "what are the worst-hit regions"; "X was chaired by Y"
-> "who chaired x"; "who has criticised officials for poor preparation"; "what did delegates
complete". Whether a party is asked with "who" or "what" is ``question_forms.who_or_what``'s.
"""

from __future__ import annotations

import re

from bot.ingest.asked_clause import AskedClause
from bot.ingest.clause_words import NOT_OBJECT
from bot.ingest.lexicon import INTRANSITIVE, base_form, is_past, present_participle, regular_past
from bot.ingest.predicate_core import cut
from bot.ingest.question_forms import agreeing, inverted, names_people, who_or_what
from bot.ingest.time_spans import time_spans_in, without

_AGENT = re.compile(r"^by\s+(?P<agent>[^,\d][^,]*)")
_PASSIVE_BE = ("was", "were", "is", "are", "been")
_PROGRESSIVE_PASSIVE = ("is being", "are being", "was being", "were being")
# Words after a verb that are no object: "gave way", "stood aside".
_NO_OBJECT_OPENERS = ("away", "way", "aside", "")
_RELATIVE_WORDS = frozenset({"that", "who", "whose", "which"})


def listing_question(asked: AskedClause, names: set[str]) -> str | None:
    """ "The worst-hit regions include ...", "The largest donor was ...": what (or who) they
    are."""
    clause, verb = asked.clause, asked.verb
    listing = verb in ("include", "includes", "included") or (
        clause.aux in ("is", "are", "was", "were") and clause.verb is None
    )
    if not (listing and asked.definite):
        return None
    be = "were" if clause.aux in ("was", "were") or verb == "included" else "are"
    if not clause.subject.split()[-1].endswith("s"):
        be = {"were": "was", "are": "is"}[be]
    # "The passengers included Dmitry Utkin": people listed are asked with "who", and so
    # ("who were the passengers", not "what were the passengers").
    people = verb.startswith("include") and (
        who_or_what(clause.subject, names) == "who" or names_people(asked.rest, names)
    )
    return f"{'who' if people else 'what'} {be} {asked.subject}"


def agent_question(asked: AskedClause, names: set[str]) -> str | None:
    """A passive's agent: "X was chaired by Y" -> "who chaired x"; "The inquiry is being led
    by the committee" -> "who is leading the inquiry"."""
    clause, verb = asked.clause, asked.verb
    agent = _AGENT.match(without(asked.rest, asked.time_spans))
    base = base_form(verb) if verb else None
    if agent is None or not clause.aux or not base:
        return None
    if clause.aux.split()[-1] in _PASSIVE_BE:
        return f"{who_or_what(agent['agent'], names)} {regular_past(base)} {asked.subject}"
    if clause.aux in _PROGRESSIVE_PASSIVE:
        now = "is" if clause.aux.split()[0] in ("is", "are") else "was"
        doing = present_participle(base)
        return f"{who_or_what(agent['agent'], names)} {now} {doing} {asked.subject}"
    return None


def subject_question(asked: AskedClause, names: set[str]) -> str | None:
    """The subject asked for: "who has criticised officials for poor preparation", "what
    was held in baku"."""
    clause, verb = asked.clause, asked.verb
    if not asked.predicate or asked.count or clause.verb is None:
        return None
    wh = who_or_what(clause.subject, names)
    core = cut(without(asked.rest, time_spans_in(asked.rest, days_only=True)))
    # ("what began", with nothing after it, asks nothing; "what was held" does; nor does
    # "who reversed" of "... reversed that": its object was only a pronoun.)
    asks = (wh == "who" and not asked.pronoun_object) or bool(core) or bool(clause.aux)
    # (Not "what included dmitry utkin": what a list includes is asked from the list.)
    if (wh == "who" or clause.aux or is_past(verb)) and not verb.startswith("include") and asks:
        return f"{wh} {agreeing(wh, asked.predicate)} {core}"
    return None


def object_question(asked: AskedClause) -> str | None:
    """What was done: "delegates completed rules for carbon markets" -> "what did delegates
    complete"; the object is the answer (never for a verb without one: "gave way")."""
    clause, rest = asked.clause, asked.rest
    opener = rest.split(" ", 1)[0].lower().strip(",;:") if rest else ""
    relative = set(clause.subject.lower().split()) & _RELATIVE_WORDS
    if (
        relative
        or len(clause.subject.split()) > 8
        or opener in _NO_OBJECT_OPENERS
        or clause.verb is None
        or asked.count
        or opener in NOT_OBJECT
        or base_form(asked.verb) in INTRANSITIVE
    ):
        return None
    body = inverted(clause, asked.subject, "")
    return f"what {body}" if body else None
