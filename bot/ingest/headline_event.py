"""The main event of a headline built on a verb, as the noun phrase a reader would use.

"Gutsul jailed for seven years ..." names no event noun, yet readers ask about "Gutsul's
sentencing"; "Court jails blogger ..." is the blogger's sentencing, "Dam bursts in Lorvan ..."
the Lorvan dam burst, "Leaders open Ardan-Vell railway" the railway's opening. Read only when
the headline and lede name no event by a noun (``main_event.event_in``): the verb is the first
word of the headline's first clause that one of the tables below turns into a noun, and what
the noun is "of" (a person, a place, a thing) comes from the words around it.

A table, not a tagger: the drafter's ``lexicon`` already reads verb forms, and the verbs news
headlines are built on for events are few; a nominaliser that guesses ("opening", "leaving")
for any verb would write nouns no reader uses ("the Karabakh leaving").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ingest.event_phrase import Event
from bot.ingest.lexicon import FUNCTION_WORDS, base_form, is_topic_noun


@dataclass(frozen=True, slots=True)
class _Nominal:
    noun: str
    preposition: str
    kin: frozenset[str]
    """The nouns a later "the <noun>" may refer to the event by ("the sentence", "the
    verdict"), beside its own."""


def _nominal(noun: str, preposition: str, kin: str) -> _Nominal:
    return _Nominal(noun, preposition, frozenset(kin.split()))


_COURT = "sentence sentencing verdict conviction jailing arrest detention"
_CUSTODY = "arrest detention custody"
_RELEASE = "release"
_WITHDRAWAL = "withdrawal pullout"
_OPENING = "opening launch inauguration ceremony"
_TAKEOVER = "takeover nationalisation nationalization seizure"
_KILLING = "shooting bombing attack killing killings"

# Verbs done to a person: the event is the person's ("Gutsul's sentencing"). A sentencing
# happens at a hearing ("At Gutsul's sentencing, the judge ..."); an arrest in the world.
PERSON_VERBS = {
    "jail": _nominal("sentencing", "At", _COURT),
    "sentence": _nominal("sentencing", "At", _COURT),
    "imprison": _nominal("sentencing", "At", _COURT),
    "convict": _nominal("conviction", "At", _COURT),
    "arrest": _nominal("arrest", "In", _CUSTODY),
    "detain": _nominal("detention", "In", _CUSTODY),
    "release": _nominal("release", "In", _RELEASE),
    "free": _nominal("release", "In", _RELEASE),
}
# Verbs done to a thing: the event is named after the thing ("the Ardan-Vell railway opening",
# "the Kumtor takeover"). "take" only with what is taken: "takes control of", "takes over".
THING_VERBS = {
    "open": _nominal("opening", "At", _OPENING),
    "inaugurate": _nominal("opening", "At", _OPENING),
    "nationalise": _nominal("takeover", "In", _TAKEOVER),
    "nationalize": _nominal("takeover", "In", _TAKEOVER),
    "seize": _nominal("takeover", "In", _TAKEOVER),
}
_TAKE_OBJECTS = frozenset(("control", "ownership", "over", "charge"))
# Verbs whose subject the event happens to, named after where: "the Karabakh withdrawal",
# "the Lorvan dam burst" (the subject's own noun kept when it is a thing: a dam, a bridge).
PLACE_VERBS = {
    "leave": _nominal("withdrawal", "In", _WITHDRAWAL),
    "withdraw": _nominal("withdrawal", "In", _WITHDRAWAL),
    "quit": _nominal("withdrawal", "In", _WITHDRAWAL),
    "burst": _nominal("burst", "In", "burst collapse breach failure disaster"),
}
_THING_SUBJECTS = frozenset("dam bridge building mall mine tower reservoir levee".split())
# "Gunman kills six at Perm university": the shooting there, an event noun of its own.
_KILLERS = {"gunman": "shooting", "gunmen": "shooting", "shooter": "shooting",
            "bomber": "bombing", "bombers": "bombing"}  # fmt: skip

# Every verb an event is read from: the tables', and "take" and "kill", read by what goes
# with them ("takes control of", "Gunman kills").
_VERBS = frozenset(PERSON_VERBS.keys() | THING_VERBS.keys() | PLACE_VERBS.keys() | {"take", "kill"})

_CLAUSE_END = re.compile(r"[;:,]|\s+(?:as|after|while|amid|but|and|with)\s+|\s+-\s+")


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _is_name(word: str, names: set[str]) -> bool:
    """Is ``word`` a name the article's body writes too ("Baku-Tbilisi-Kars": each of its
    parts)? A headline capitalises more than names."""
    bare = _bare(word)
    if not bare[:1].isupper() or bare.lower() in FUNCTION_WORDS:
        return False
    return bare in names or all(part in names for part in bare.split("-"))


@dataclass(frozen=True, slots=True)
class _Headline:
    subject: list[str]
    verb: str
    """The verb's base form ("jail")."""
    passive: bool
    rest: list[str]


def _read(title: str) -> _Headline | None:
    """The first clause of ``title`` as subject, verb and the words after it: the verb is the
    first lower-case word after a capitalised subject that the tables know."""
    clause = _CLAUSE_END.split(title, maxsplit=1)[0]
    words = _words(clause)
    for index, word in enumerate(words):
        if index == 0 or not word.islower():
            continue
        base = base_form(word) or word
        if base not in _VERBS:
            if not is_topic_noun(word):
                return None  # a verb the tables do not know ("shot", "held"): no event read
            continue  # "Student gunman", "Last Russian peacekeepers": the subject goes on
        passive = word != base and not word.endswith("s")
        return _Headline(words[:index], base, passive, words[index + 1 :])
    return None


def _first_name(words: list[str], names: set[str]) -> str | None:
    for word in words:
        if _is_name(word, names):
            return _bare(word)
    return None


def _named_thing(words: list[str], names: set[str]) -> str | None:
    """ "Ardan-Vell railway", "Kumtor gold mine": the first name in ``words`` and up to two
    lower-case nouns after it, what tells this thing from others of its kind."""
    for index, word in enumerate(words):
        if not _is_name(word, names):
            continue
        phrase = [_bare(word)]
        for following in words[index + 1 : index + 3]:
            if not following.islower() or not is_topic_noun(following):
                break
            if base_form(following) is not None and following.endswith("s"):
                break  # "Kumtor mine closes": the headline's next verb
            phrase.append(following)
        return " ".join(phrase)
    return None


def _person(words: list[str], people: dict[str, str], lede: str) -> str | None:
    """Who ``words`` (a headline's subject or object) are: the surname of a person the
    article names among them ("Gagauzia's leader Gutsul"), or of the one the lede names
    by the same role ("blogger" -> "blogger Narek Samsonyan" -> "Samsonyan")."""
    for word in reversed(words):
        full = people.get(_bare(word))
        if full is not None:
            return full.split()[-1]
    roles = [w for w in words if w.islower() and is_topic_noun(w)]
    if not roles:
        return None
    match = re.search(rf"\b{re.escape(roles[-1])},?\s+((?:[A-Z][\w'’-]+\s?)+)", lede)
    full = people.get(match.group(1).strip()) if match is not None else None
    return full.split()[-1] if full is not None else None


def verb_event(
    title: str, names: set[str], people: dict[str, str], lede: str, place: str | None
) -> Event | None:
    """The main event of a headline built on a verb, or None if the headline is built on no
    verb of the tables, or names nothing the event could be named after."""
    read = _read(title)
    if read is None:
        return None
    base = read.verb
    if base in PERSON_VERBS:
        # "Gutsul jailed ..." (the subject) or "Court jails blogger ..." (the object)
        who = _person(read.subject if read.passive else read.rest[:4], people, lede)
        if who is None:
            return None
        return _made(PERSON_VERBS[base], f"{who}'s", determiner="")
    if base == "kill" and not read.passive:
        noun = next((_KILLERS[w.lower()] for w in read.subject if w.lower() in _KILLERS), None)
        where = _named_thing(read.rest, names) or place
        if noun is None or where is None:
            return None
        return _made(_nominal(noun, "In", _KILLING), where)
    if base == "take" and read.rest[:1] and read.rest[0] != "over":
        taken = [w.lower() for w in read.rest[:3]]
        if not _TAKE_OBJECTS & set(taken):
            return None
    if base in THING_VERBS or base == "take":
        nominal = THING_VERBS.get(base) or _nominal("takeover", "In", _TAKEOVER)
        thing = _named_thing(read.rest, names)
        return _made(nominal, thing) if thing is not None else None
    if base in PLACE_VERBS:
        where = _first_name(read.rest, names) or _first_name(read.subject, names) or place
        if where is None:
            return None
        head = read.subject[-1].lower() if read.subject else ""
        if head in _THING_SUBJECTS:
            where = f"{where} {head}"
        return _made(PLACE_VERBS[base], where)
    return None


def _made(nominal: _Nominal, modifiers: str, *, determiner: str = "the") -> Event:
    return Event(
        nominal.noun,
        modifiers,
        determiner=determiner,
        own_preposition=nominal.preposition,
        kin=nominal.kin,
    )
