"""A clause's parts as a question puts them: "who" or "what" for its subject, the subject as
the question names it, the auxiliary moved in front of it ("has X been evacuated", "did X give
way"), and a verb that agrees with "who" or "what".
"""

from __future__ import annotations

import re

from bot.core.folding import fold
from bot.ingest.clause_words import PREPOSITIONS
from bot.ingest.entities import NOT_PERSON_WORDS, is_place_name
from bot.ingest.lexicon import (
    AUXILIARIES,
    IRREGULAR_PAST,
    QUESTION_AUXILIARIES,
    base_form,
    could_be_verb,
    is_past,
)
from bot.ingest.main_clause import Clause

_PERSON_HEADS = frozenset(
    """government ministry committee leadership authorities police president minister officials
    official spokesman spokeswoman spokesperson army military court council parliament
    prosecutors investigators men women people relatives families residents protesters company
    firm union organisers organizers traders experts analysts diplomats ambassador agency
    service services leader leaders mayor governor party delegate delegates negotiators
    representative lawmakers legislators speaker chief secretary judge prosecutor rescuers
    activists critics opponents supporters students journalists editor director presidency
    nations countries states governments parties teams groups group coalition movement crews
    workers villagers forces troops soldiers guards officers doctors volunteers members voters
    citizens deputies ministers board commission operator lawyers demonstrators crowd crowds
    cabinet mercenaries fighters factions faction opposition camp side diaspora observers
    monitors separatists rebels militants insurgents gunmen campaigners bloggers inspectors
    administration regime junta delegation founder founders owner owners head commander
    businessman businesswoman blogger journalist lawyer activist candidate candidates
    challenger incumbent winner detainee detainees prisoner prisoners victim victims
    passenger passengers driver drivers pilot pilots captain farmers survivors witnesses
    patients teachers nurses pensioners miners refugees migrants tourists""".split()
)


_PLURAL_AUX = {"were": "was", "are": "is", "have": "has", "do": "does"}


def who_or_what(subject: str, names: set[str]) -> str:
    head = re.split(r"\s+(?:of|from|in|at|for)\s+", subject)[0].split()[-1].lower().strip(",")
    head = re.sub(r"'s?$", "", head)
    first = subject.split()[0]
    words = {w.lower().strip(",") for w in subject.split()}
    named = first in names and first not in ("The", "A", "An", "This", "These", "That")
    # "blogger Narek Samsonyan": a name at the end of the subject is who it is.
    # (Not "The climate agreement in Baku": the name after "in" is not the head.)
    last = re.sub(r"'s?$", "", re.split(r"\s+(?:of|from|in|at|for)\s+", subject)[0].split()[-1])
    named = named or (last[:1].isupper() and last in names and len(subject.split()) > 1)
    if head in _PERSON_HEADS or named or subject in names:
        return "who"
    # A country that acts ("Russia had signalled ...", "Neighbouring Kyrgyzstan offered ...")
    # is asked about with "who", as people and bodies are: "what had signalled" is no English.
    last = subject.split()[-1].strip(",")
    if last[:1].isupper() and fold(last) == fold(head) and is_place_name(last):
        return "who"
    if words & (_PERSON_HEADS | {"those", "many", "some", "hundreds", "thousands", "dozens"}):
        return "who"
    return "what"


# Heads of a subject that name a person, not a body ("it" may stand for a ministry).
_ONE_PERSON = frozenset(
    """president minister spokesman spokeswoman spokesperson ambassador mayor governor leader
    chief secretary judge prosecutor speaker editor director delegate representative official
    lawyer activist analyst expert man woman""".split()
)


def a_person(subject: str, names: set[str]) -> bool:
    """Is ``subject`` one person ("Mayor Ana Velk", "the ministry's spokesman"), whom "it"
    in what they said cannot mean?"""
    words = subject.split()
    head = re.sub(r"'s$", "", words[-1]).lower()
    if head in _ONE_PERSON:
        return True
    return (
        len(words) >= 2
        and words[-1] not in NOT_PERSON_WORDS  # "the Civic Party" said it would ...
        and all(w[:1].isupper() for w in words[-2:])
        and all(w in names and not is_place_name(w) for w in words[-2:])
    )


def names_people(text: str, names: set[str]) -> bool:
    """Does ``text`` open with a person's name ("Dmitry Utkin, a co-founder of Wagner")?
    Two or more capitalised words the article writes as a name and no place among them."""
    run = re.match(r"^(?:[A-Z][\w'-]+\s+)+[A-Z][\w'-]+", text)
    if run is None:
        return False
    words = run.group().split()
    return all(w in names and not is_place_name(w) for w in words)


def subject_for_question(subject: str, names: set[str]) -> str:
    first, _, rest = subject.partition(" ")
    if first in ("A", "An", "a", "an") and rest:
        return f"the {rest}"
    if first in names:
        return subject
    return f"{first.lower()} {rest}".strip()


def inverted(clause: Clause, subject: str, tail: str) -> str | None:
    """The clause as a question body with the auxiliary before the subject ("did X give way",
    "has X been evacuated", "was X ..."); never with a clause as its subject ("critics reply
    that the law ...", misread)."""
    if re.search(r"\b(?:reply|replies|say|says|argue|argues|insist|insists) that\b", subject):
        return None
    if clause.aux in ("has", "have", "had") and not clause.verb and _possessed(clause.rest):
        # "the treaty had real potential": "have" of having takes do-support ("did the treaty
        # have real potential"), not the perfect's inversion ("had the treaty real potential").
        do = {"has": "does", "have": "do", "had": "did"}[clause.aux]
        return " ".join(p for p in (do, subject, "have", tail) if p)
    if clause.aux:
        first, _, more = clause.aux.partition(" ")
        verb = " ".join(p for p in (more, clause.verb) if p)
        return " ".join(p for p in (first, subject, verb, tail) if p)
    if clause.verb is None:
        return None
    verb = clause.verb.lower()
    base = base_form(verb)
    if base is None:
        # A plural subject's present verb is its base form: "groups that fail to register
        # face fines" -> "do groups that fail to register face fines".
        plural = clause.subject.split()[0].lower().endswith("s")
        if plural and verb.isalpha() and could_be_verb(verb) and verb not in AUXILIARIES:
            return " ".join(p for p in ("do", subject, verb, tail) if p)
        return None
    if verb in IRREGULAR_PAST or verb.endswith("ed"):
        do = "did"
    elif verb.endswith("s"):
        do = "does"
    else:
        return None
    if base == "be":
        return None
    return " ".join(p for p in (do, subject, base, tail) if p)


_NOT_POSSESSED = frozenset(
    "long earlier already also since just now then never ever not recently still".split()
)


def _possessed(rest: str) -> bool:
    """Is ``rest``, after a lone "has"/"had", what is had ("real potential", "no independent
    information"), not a perfect whose participle an adverb or phrase put off ("long accused",
    "in effect come to a standstill", "won a seventh term")?"""
    words = [w.lower().strip(",") for w in rest.split()[:5]]
    if not words or words[0] in PREPOSITIONS or words[0] in _NOT_POSSESSED:
        return False
    return not any(is_past(w) or w in ("come", "become", "run") for w in words)


def agreeing(wh: str, predicate: str) -> str:
    """ "who were ordered" -> "who was ordered": who and what take a singular verb."""
    first, _, rest = predicate.partition(" ")
    if first in _PLURAL_AUX:
        return f"{_PLURAL_AUX[first]} {rest}".strip()
    if first.endswith("s") or is_past(first) or first in QUESTION_AUXILIARIES:
        return predicate
    # a plural present verb ("include"): its -s form
    return f"{first}s {rest}".strip() if first.isalpha() else predicate
