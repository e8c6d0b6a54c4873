"""The roles whose holder's name a question asks ("who is the ceo", "name of the president",
"who runs wagner now"), or the thing whose own name it asks ("what was the village called").
"""

from __future__ import annotations

from bot.core.country_words import country_of
from bot.core.focus_words import (
    BODY_WORDS,
    DETERMINERS,
    NAME_BREAKERS,
    ROLE_WORDS,
    ROLES_AND_BODIES,
)
from bot.core.number_words import NUMBER_VALUES
from bot.core.role_names import ROLE_IN_ANSWERS, qualified_role

_BE = frozenset("is was are were be will s".split())
_HAVE = frozenset("have has had got".split())
# Roles written as a title or an apposition beside their holder's name ("Judge Ivanova",
# "Ivanova, the judge"), so "which judge" asks that name; not those an answer says otherwise
# ("which candidate came third": "Usatii came third of 11 candidates").
_TITLES = frozenset(
    """
    president minister ambassador envoy ceo mayor governor commander general judge prosecutor
    king queen pm premier chancellor spokesman spokeswoman spokesperson chairman chairwoman
    director secretary
    """.split()
)
_TITLES_AND_BODIES = _TITLES | BODY_WORDS
# "has it got a name": a pronoun names no thing whose name could be written beside it.
_PRONOUNS = frozenset("it they he she this that these those".split())

# Verbs that ask for the head of something ("who runs wagner now"), and the role words an
# answer names such a head by ("Wagner's new commander, Andrei Troshev").
_HEADING_VERBS = frozenset("heads leads runs chairs commands manages directs".split())
HEAD_ROLES = (
    "head chief leader chairman chairwoman chair director commander boss manager ceo"
).split()


def asked_roles(words: list[str]) -> tuple[str, ...]:
    """Role words whose holder's name is asked: "who is the ceo", "name of the president";
    who heads (leads, runs, ...) something asks for one of ``HEAD_ROLES``."""
    if (
        len(words) > 1
        and words[0] in ("who", "whos")
        and (words[1] in _HEADING_VERBS or " in charge " in " ".join(words[1:5]) + " ")
    ):
        # "who runs wagner now", "who's in charge of the region".
        return tuple(HEAD_ROLES)
    roles: list[str] = []
    for index, word in enumerate(words):
        if word not in ROLES_AND_BODIES or words[index + 1 : index + 2] == ["s"]:
            # A role in the possessive is not the one asked for: "who is exercising the
            # governor's powers" asks who stands in for the governor.
            continue
        before = words[max(0, index - 6) : index]
        asks_name = (
            ("who" in before and any(b in _BE for b in before) and word in ROLE_WORDS)
            or _named_by(words, index)
            or "named" in before
            # "which international organisation would run it", "which judge is hearing the
            # case": the body's or the holder's name is asked, as "who is the judge" asks it.
            or (word in _TITLES_AND_BODIES and "which" in words[max(0, index - 2) : index])
            or (index + 1 < len(words) and words[index + 1] in ("called", "named"))
        )
        if asks_name:
            roles.append(qualified_role(words, index, ROLE_IN_ANSWERS.get(word, word)))
    if not roles:
        roles.extend(_named_thing(words))
    return tuple(dict.fromkeys(roles))


def _named_by(words: list[str], index: int) -> bool:
    """Whether the role at ``index`` is the thing a "name of" before it asks the name of: "the
    name of the new prime minister", not "the name of the prison the former mayor was sent to"
    (another determiner or a function word between them starts another thing)."""
    for position in range(index - 1, max(-1, index - 7), -1):
        if words[position] != "name":
            continue
        between = words[position + 1 : index]
        if not between or between[0] != "of":
            return False
        rest = between[1:]
        if rest and rest[0] in DETERMINERS:
            rest = rest[1:]
        return all(w not in NAME_BREAKERS and w not in DETERMINERS for w in rest)
    return False


def _thing_at(words: list[str]) -> str:
    """The thing a phrase after "the names of the" names, past a number and the people's word
    before it ("the two russian sailors": sailors; they say how many and whose); empty when it
    is no word a name could be asked of."""
    for word in words:
        if word.isdigit() or word in NUMBER_VALUES or country_of(word) is not None:
            continue
        return word if word.isalpha() and word not in NAME_BREAKERS else ""
    return ""


def _named_thing(words: list[str]) -> tuple[str, ...]:
    """The thing whose own name is asked, when it is not a role or a body: "what is the name of
    the prison", "what were the names of the two sailors", "what was the village called". A
    fact that names it writes the name beside the word ("the Taraclia prison", "the village of
    Sudzha"); one that only mentions it ("sent to a semi-closed prison", "two crew members
    were killed") does not give its name, whatever other names it holds."""
    for index, word in enumerate(words[:-3]):
        if (
            word in ("name", "names")
            and words[index + 1] == "of"
            and words[index + 2] in DETERMINERS
        ):
            thing = _thing_at(words[index + 3 :])
            return (thing,) if thing else ()
    for index, word in enumerate(words[2:], start=2):
        # "does the hippo have a name", "has the storm got a name yet": the thing before the
        # verb is what a name is asked of.
        if word == "name" and words[index - 1] == "a" and words[index - 2] in _HAVE:
            thing = words[index - 3] if index >= 3 else ""
            named = thing.isalpha() and thing not in NAME_BREAKERS and thing not in _PRONOUNS
            return (thing,) if named else ()
    called = words[0] in ("what", "whats") and words[-1] in ("called", "named")
    if called and len(words) >= 4 and words[-3] in DETERMINERS and words[-2].isalpha():
        return (words[-2],)  # "what was the village called"
    return ()
