"""The questions of a clause that reports speech or a finding, and the clause it reports.

"Tokayev said the floods were the worst in 80 years" tells two things: that Tokayev spoke
("what did tokayev say about the kazakhstan floods") and what was said, which readers ask as
any statement ("how bad were the floods"). The first is asked here; the second is handed back
as a clause of its own, which ``questions`` asks as it asks any clause. How a clause reports
speech (an object first, no "that", a subjunctive) is ``speech_shapes``'s.
"""

from __future__ import annotations

import re

from bot.ingest.clause_words import DUMMY_IT, POSSESSIVES, SAID, SAY_VERBS, THAT_VERBS
from bot.ingest.main_clause import Clause, parse
from bot.ingest.predicate_core import cut
from bot.ingest.question_forms import a_person
from bot.ingest.speech_shapes import OBJECT_FIRST, REPORTED_START, announces_a_thing, subjunctive

_REPLY_VERBS = ("reply", "replied", "replies")
# Verbs of saying whose object comes first and is what the sentence itself asks about ("urged
# the government to ...", "called X a lie"): no "what did X say" of them.
_NOT_ASKED_WHAT_SAID = ("called", "calls", "accused", "urged", "denied")
# What a saying in the present is asked with: "officials say ..." -> "what do officials say".
_PRESENT_DO = {"say": "do", "says": "does", "concludes": "does"}
# What a speaker's pronoun in reported speech stands for: nearly always the speaker.
_SPEAKER_PRONOUNS = ("it", "they", "he", "she")


# The "that" opening what was said, not one pointing at a time ("said that day that the state
# had paid ...": the first "that" is the day's).
_THAT_CLAUSE = re.compile(
    r"(?:^|\s)that\s+(?!(?:day|night|morning|evening|afternoon|week|weekend|month|year|time)\b)"
)


def reports_speech(clause: Clause) -> bool:
    """Whether ``clause`` reports what was said ("said", "replied") or found ("concluded
    that", "ruled that"), not "announced" with a thing for its object, in a past or present
    without a modal ("had already concluded": an adverb after the auxiliary changes
    nothing)."""
    verb = (clause.verb or "").lower()
    return (
        (is_reported(verb) or verb in THAT_VERBS)
        and not announces_a_thing(verb, clause.rest)
        and (clause.aux or "").split()[:1] in ([], ["has"], ["have"], ["had"])
    )


def is_reported(verb: str) -> bool:
    """Whether ``verb`` (lower-case) reports speech: then, once what was said gives
    questions, the saying is asked of no further."""
    return verb in SAY_VERBS or verb in _REPLY_VERBS


def saying_questions(
    clause: Clause, speaker: str, topic: str | None
) -> tuple[list[str], list[str]]:
    """What readers ask of the saying itself, as (typed, plain) questions: "how did X
    describe Y", "what do officials say about the floods", "what did eu leaders conclude";
    ``speaker`` is the subject as a question names it, ``topic`` the story's event."""
    verb = (clause.verb or "").lower()
    typed: list[str] = []
    plain: list[str] = []
    if verb in ("described", "describes"):
        target = cut(re.split(r"\s+as\s+", clause.rest)[0], 6)
        typed.append(f"how did {speaker} describe {target}")
        typed.append(f"what did {speaker} say about {target}")
    elif is_reported(verb) and verb not in _NOT_ASKED_WHAT_SAID:
        # "Officials say ...": asked in the present, as it is said.
        do = _PRESENT_DO.get(verb, "did")
        about = f" about {topic}" if topic else ""
        # A finding is asked as one: "what did eu leaders conclude".
        word = "conclude" if verb.startswith("conclude") else "say"
        typed.append(f"what {do} {speaker} {word}{about}")
    elif verb in ("called", "accused", "denied") and topic:
        # "Peskov called Western suggestions ... an absolute lie": a reply readers ask about
        # as something said ("what did peskov say about the moscow crash"), after what the
        # sentence itself asks.
        plain.append(f"what did {speaker} say about {topic}")
    return typed, plain


def what_was_said(clause: Clause, names: set[str]) -> Clause | None:
    """What ``clause`` reports, as a clause of its own, with its pronoun or possessive
    subject put back as the speaker ("said it would ask the court" -> the movement would
    ask the court); None when it reports nothing a question could be asked of."""
    verb = (clause.verb or "").lower()
    rest = clause.rest
    said = re.split(_THAT_CLAUSE, rest, maxsplit=1)
    # After "called", "accused" or "described" an object comes first, and a "that" in it
    # opens a relative clause ("called Western suggestions that the state was behind the
    # crash a lie"), not what was said.
    told = len(said) == 2 and (
        len(said[0].split()) <= 16 if verb not in OBJECT_FIRST else not said[0].strip()
    )
    inner = parse(said[1]) if told else None
    if inner is None and told:
        inner = subjunctive(said[1])
    if inner is None and verb in SAID and REPORTED_START.match(rest):
        # "said the bridge would stay shut ...": reported without "that".
        inner = parse(rest)
    if inner is None:
        return None
    if inner.subject.lower() == "it" and (
        a_person(clause.subject, names) or DUMMY_IT.match(inner.predicate)
    ):
        # "The mayor said it made no difference whether ...": "it" is never a person, and
        # here it stands for the clause after it, which no "who" question asks of.
        return None
    if inner.subject.lower() in _SPEAKER_PRONOUNS:
        # "The movement said it would ask the court ...": in reported speech the pronoun
        # is, nearly always, the speaker.
        inner = Clause(clause.subject, inner.aux, inner.verb, inner.rest, inner.lead)
    owner = inner.subject.split()
    if len(owner) > 1 and owner[0].lower() in POSSESSIVES:
        # "Prigozhin said his men had come within 200 km ...": the speaker's men.
        whose = f"{clause.subject}'s {' '.join(owner[1:])}"
        inner = Clause(whose, inner.aux, inner.verb, inner.rest, inner.lead)
    return inner
