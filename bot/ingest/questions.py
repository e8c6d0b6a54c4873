"""Questions readers would ask about a news statement, from its main clause's structure.

``main_clause`` reads the sentence (subject, verb group, rest); what follows the verb is split
(``asked_clause`` and the modules by kind, below) into the object and the adjuncts that say
when (a date), where (a named place), why ("because", "over", "after", "to demand") and how
much or how many (an amount).

Templates by answer type then ask for what the sentence states:

* a number in the subject -> "how many people have been evacuated from their homes";
* an amount after the verb -> "how much should wealthy nations provide a year";
* a date -> "when did the earthen dam on the ural give way";
* a named place -> "where did ...";
* a cause or purpose -> "why did hundreds of residents gather outside the city administration";
* a person or body as subject -> "who has criticised officials for poor preparation";
* reported speech -> "what did tokayev say about the kazakhstan floods", and the same
  templates on what was said;
* else a yes/no question ("have russian investigators opened a criminal case").

The auxiliary moves in front of the subject ("has X been evacuated"); a lone past or present
verb takes do-support with its base form ("did X give way", from ``lexicon``): both in
``question_forms``. Every question goes through ``question_check.problem`` (a small grammar
check) and is written only if it passes.

This module holds the order the kinds are asked in, and the clauses within a sentence they are
asked of (what was said, a second or embedded clause, a relative, what someone plans). Each
kind lives in a module of its own, beside the shapes it reads, so that a new question or shape
is added beside its kind: ``speech_questions`` (reported speech), ``amount_questions`` (how
many, how much, what percentage; shapes in ``amount_shapes``), ``time_questions`` (when, how
long; ``time_shapes``), ``cause_questions`` (what caused, why; ``cause_shapes``),
``place_questions`` (where; ``place_shapes``), ``who_questions`` (who or what acted, was acted
on or is listed), ``yes_no_questions``, ``charge_questions`` (what someone is accused of) and
``vote_questions``; ``asked_clause`` reads once the parts of a clause that several kinds share;
``question_finish`` gives every question its shortening, "there" and setting last.
"""

from __future__ import annotations

import re

from bot.ingest import clause_parts
from bot.ingest.amount_questions import amount_questions
from bot.ingest.asked_clause import asked_clause
from bot.ingest.cause_questions import caused_questions, why_question
from bot.ingest.charge_questions import charge_question
from bot.ingest.clause_words import SAY_VERBS
from bot.ingest.lexicon import base_form, is_past
from bot.ingest.main_clause import PRONOUNS, Clause, parse, plain_text, second_predicate
from bot.ingest.place_questions import set_in_lead_place, where_question
from bot.ingest.question_check import problem
from bot.ingest.question_finish import Unset, finish, shortened
from bot.ingest.question_forms import subject_for_question
from bot.ingest.question_fragments import mended
from bot.ingest.speech_questions import (
    is_reported,
    reports_speech,
    saying_questions,
    what_was_said,
)
from bot.ingest.time_questions import how_long_question, when_question
from bot.ingest.time_shapes import TIMING_ONLY, time_before_verb, timing_questions
from bot.ingest.vote_questions import vote_questions
from bot.ingest.who_questions import (
    agent_question,
    listing_question,
    object_question,
    subject_question,
)
from bot.ingest.yes_no_questions import negated_question, yes_no_question

MAX_QUESTIONS = 4


_TYPED = ("how many", "how much", "why", "where", "when", "how long")


def _other_parts(
    statement: str, clause: Clause | None, names: set[str], setting: str | None
) -> list[str]:
    """Questions about what ``statement`` says besides its main clause (``clause_parts``): a
    denial ("was anyone killed"), a second main clause's typed questions ("how many
    firefighters were treated"), a relative clause's, and what its subject plans to do ("what
    does the government plan to do", "when will the government raise household gas
    prices")."""
    text = plain_text(statement)
    nobody = clause_parts.nobody_question(text)
    out = [nobody] if nobody is not None else []
    out += _second_clause_questions(text, clause, names, setting)
    out += _relative_questions(text, names)
    if clause is None:
        # "The government plans to raise ...": "plans" read as a noun by ``parse``.
        clause = clause_parts.intent_clause(text, Clause)
    if clause is not None:
        out += _intent_questions(clause, names, setting)
    return out


def _second_clause_questions(
    text: str, clause: Clause | None, names: set[str], setting: str | None
) -> list[str]:
    """The typed questions of a second main clause of ``text`` ("..., and 12 firefighters
    were treated"), or of what it reports; ``clause`` is the first."""
    second = clause_parts.coordinated_clause(text, clause.subject if clause is not None else None)
    parsed = parse(second) if second is not None else None
    if parsed is None or parsed.subject.split()[0].lower() in _NO_SUBJECT:
        return []
    speech = (parsed.verb or "").lower() in SAY_VERBS and parsed.aux is None
    # What a second clause reports ("..., but said the region would need new roads") is
    # asked as a first clause's would be: of what was said, not of the saying.
    depth = 0 if speech else 1
    own = _from_clause(parsed, names, setting, depth=depth)
    asked = [q for q in own if q.startswith(_TYPED)]
    if not asked and not speech:
        # "..., and President Aliyev apologised to President Putin": a second point with an
        # actor of its own, which readers ask about by who did it ("who apologised to
        # president putin") when nothing in it is typed.
        asked = [q for q in own if q.startswith("who ")][:1]
    if speech:
        # "..., and in September Pashinyan said relying on Russia had been a mistake": who
        # said it is another subject, asked what it said as the first clause's would be.
        speaker = subject_for_question(parsed.subject, names)
        asked.insert(0, f"what did {speaker} say")
    return asked[:2]


def _counted_questions(statement: str, names: set[str], setting: str | None) -> list[str]:
    """The "how many" question of a second count after "and" ("... were taken to hospitals
    and 50 of them were admitted": "how many people were admitted"), a point of its own that
    readers ask about as often as the first count."""
    counted = clause_parts.counted_clause(plain_text(statement))
    parsed = parse(counted) if counted is not None else None
    if parsed is None:
        return []
    return [q for q in _from_clause(parsed, names, setting, depth=1) if q.startswith("how many")][
        :1
    ]


def _relative_questions(text: str, names: set[str]) -> list[str]:
    """The "where", "when" and amount questions of what the first relative clause of
    ``text`` says of a name ("COP30, which will be held in Belem ...": "where will cop30 be
    held")."""
    out: list[str] = []
    for relative in clause_parts.relative_clauses(text)[:1]:
        said = parse(relative)
        if said is not None:
            # Not set in the story's event: the question is about the name ("where will
            # cop30 be held", not "... at cop29 in baku").
            out += [
                Unset(q)
                for q in _from_clause(said, names, None, depth=1)
                if q.startswith(("where", "when", "how many", "how much"))
            ][:2]
    return out


def _intent_questions(clause: Clause, names: set[str], setting: str | None) -> list[str]:
    """What the subject of ``clause`` plans, intends or aims to do, if it says so: "what does
    the government plan to do", and the typed questions of the plan as done ("when will the
    government raise household gas prices")."""
    if clause.verb is None or clause.aux not in (None, "has", "have", "had"):
        return []
    planned = clause_parts.intent(clause.verb, clause.rest)
    if planned is None:
        return []
    verb, rest = planned
    subject = subject_for_question(clause.subject, names)
    plural = clause.verb.lower() in clause_parts.INTENT_VERBS and not clause.verb.endswith(
        ("s", "ed")
    )
    do = "did" if is_past(clause.verb.lower()) or clause.aux else ("do" if plural else "does")
    base = base_form(clause.verb.lower()) or clause.verb.lower()
    future = Clause(clause.subject, "will", verb, rest, clause.lead)
    typed = [q for q in _from_clause(future, names, setting, depth=1) if q.startswith(_TYPED)]
    return [f"what {do} {subject} {base} to do", *typed[:2]]


def generate(
    statement: str,
    *,
    names: set[str] | None = None,
    setting: str | None = None,
    overview: bool = False,
    topic: str | None = None,
) -> list[str]:
    """Up to four questions for ``statement``, lower-case, without '?', each passing
    ``problem``.

    ``names`` are words the article writes capitalised mid-sentence; ``setting`` ("in the
    Kazakhstan floods") is added to questions about a statement that leans on the main event;
    ``overview`` asks for the event itself too ("what happened in the kazakhstan floods");
    ``topic`` ("the Kazakhstan floods") is what people are asked to have said things about.
    """
    names = names or set()
    out: list[str] = []
    clause = parse(statement)
    timing = TIMING_ONLY.match(f"{clause.verb or ''} {clause.rest}") if clause else None
    if clause is not None and timing is not None:
        # "X came two weeks after Y": asked as it stands, it gives "what came two weeks"; what
        # it tells is when Y was and what went before X.
        out += timing_questions(clause.subject, timing)
        clause = None
    if (
        clause is not None
        and clause.subject.lower() not in PRONOUNS
        and clause.subject.split()[0].lower() not in ("no", "nobody", "none", "nothing")
    ):
        out += _from_clause(
            clause, names, setting, depth=0, topic=topic, timed=time_before_verb(statement, clause)
        )
        second = second_predicate(clause)
        if second is not None:
            # Its typed questions only ("how many people did rescue teams free"): the plain
            # ones would repeat the first predicate's "who ..." in other words.
            typed = [q for q in out if q.startswith(_TYPED)]
            at = out.index(typed[-1]) + 1 if typed else 0
            out[at:at] = [
                q for q in _from_clause(second, names, setting, depth=1) if q.startswith(_TYPED)
            ][:2]
    counted = _counted_questions(statement, names, setting)
    if counted:
        # Asked right after the first count's own question, ahead of the yes/no and "who"
        # questions that only say the first point again in other words.
        first_typed = next((i for i, q in enumerate(out) if q.startswith(_TYPED)), None)
        at = first_typed + 1 if first_typed is not None else len(out)
        out[at:at] = counted
    out += _other_parts(statement, clause, names, setting)
    if overview and topic:
        # The opening sentence answers questions about the event as a whole; asked in general
        # words, so that the specific questions of later facts stay theirs.
        if topic.startswith("the ") or (setting and setting.startswith(("in ", "at "))):
            out[:0] = [f"what happened {setting or 'in ' + topic}",
                       f"what is going on with {topic}"]  # fmt: skip
        else:
            out.insert(0, f"what is {topic}")
    seen: dict[str, None] = {}
    for question in out:
        own_setting = None if isinstance(question, Unset) else setting
        cleaned = mended(finish(shortened(question), own_setting))
        if problem(cleaned) is None:
            seen.setdefault(cleaned, None)
    return list(seen)[:MAX_QUESTIONS]


_NO_SUBJECT = frozenset("it they he she we i you her his its their our my your no".split())


def _from_clause(
    clause: Clause,
    names: set[str],
    setting: str | None,
    depth: int,
    topic: str | None = None,
    *,
    timed: bool = False,
) -> list[str]:
    """The questions of ``clause``, typed ones (how many, when, why, ...) before plain ones
    (who, what, yes or no); ``depth`` is 0 for the sentence's own clause, more for a clause
    within it, of which fewer kinds are asked; ``timed``: the sentence gives its day where the
    parse left it out (``time_before_verb``)."""
    typed: list[str] = []
    plain: list[str] = []
    subject = subject_for_question(clause.subject, names)

    if depth == 0 and reports_speech(clause):
        # Reported speech: ask what was said, then about what was said.
        typed, plain = saying_questions(clause, subject, topic)
        reported = is_reported((clause.verb or "").lower())
        inner = what_was_said(clause, names)
        if inner is not None and inner.subject.split()[0].lower() not in _NO_SUBJECT:
            asked_of_said = _from_clause(inner, names, setting, depth + 1)[:2]
            typed += asked_of_said
            reported = reported and bool(asked_of_said)  # nothing asked of what was said: go on
        if typed and reported:
            return typed

    asked = asked_clause(clause, subject)
    if depth == 0:
        # "adopted the bill by 64 votes to 7": the count, asked of the thing voted on.
        typed[:0] = vote_questions(clause)
    # Charges: "Prosecutors accuse Samsonyan of calling for violence" and "Two officials were
    # charged with negligence" -> "what is samsonyan accused of doing", "what are the charges
    # against two officials".
    charge = charge_question(clause, subject, names)
    if charge is not None and depth == 0:
        typed.append(charge)
    typed += caused_questions(asked)
    if depth == 0 and (listed := listing_question(asked, names)):
        typed.append(listed)
    typed += amount_questions(asked, depth, typed)
    # Then how long, when, why and where, in the order readers ask them, and (of the
    # sentence's own clause) who did what a passive's subject underwent.
    for question in (
        how_long_question(asked),
        when_question(asked, timed=timed),
        why_question(asked),
        where_question(asked),
        agent_question(asked, names) if depth == 0 else None,
    ):
        if question:
            typed.append(question)
    if doer := subject_question(asked, names):
        plain.append(doer)
    if depth == 0:
        typed += _embedded_questions(clause.rest, names, setting)
    if depth == 0 and len(typed) + len(plain) < 3 and (done := object_question(asked)):
        plain.append(done)
    if depth == 0 and (negated := negated_question(asked)):
        plain.insert(0, negated)
    # A yes/no question when there is little else.
    if len(typed) + len(plain) < 2 and (yes_no := yes_no_question(asked)):
        plain.append(yes_no)
    if asked.lead_place and depth == 0:
        typed = set_in_lead_place(typed, asked.lead_place)
    return typed + plain


# A clause set off at the end of the predicate: ", when hundreds of residents gathered ...".
_EMBEDDED = re.compile(r",\s+(?:when|as|after)\s+(?P<clause>[a-z][^,]+(?:,[^,]+)?)$")


def _embedded_questions(rest: str, names: set[str], setting: str | None) -> list[str]:
    """The typed questions of a clause set off at the end of ``rest`` ("..., when hundreds of
    residents gathered ... to demand ..."): it tells why, how many or where, which readers ask
    as they ask the main clause."""
    embedded = _EMBEDDED.search(rest)
    inner = parse(embedded["clause"]) if embedded else None
    if inner is None or inner.subject.split()[0].lower() in ("it", "they"):
        return []
    return [
        q
        for q in _from_clause(inner, names, setting, depth=1)
        if q.startswith(("why", "how many", "how much", "where"))
    ][:2]
