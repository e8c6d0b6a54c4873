"""Shapes of a broken generated question that ``question_check.problem`` did not catch before.

A question is made by moving a sentence's auxiliary in front of what the parser took for its
subject. When the parser takes the wrong span, the result still opens with a question word
and ends on a content word, yet reads as no English:

* the subject slot holds an adverb or a preposition ("when did shortly after the president
  come", "what did with its mandate renew"): the sentence's opening phrase was left in;
* a second finite verb follows the first with no clause to carry it ("did the bodies of 225
  people kill in the violence had been brought to morgues", "what fell below 12.7 metres the
  plant could no longer pump"): the sentence's own verb stayed behind the moved one;
* two noun phrases meet with nothing between ("what did the breach the agency say", "when did
  the region's capital the assembly meet"): an aside's head was taken for the subject;
* a verb that needs an object ends the question ("when did the commission set"): the object
  was a date or a clause, and went with it.

Each is a fact about English word order, not about any one article, so the check holds for
any question, written by the drafter or not.
"""

from __future__ import annotations

import itertools
import re

from bot.ingest.lexicon import (
    BARE_VERB_AUXILIARIES,
    CLAUSE_OPENERS,
    QUESTION_AUXILIARIES,
    is_past,
)

_DO = frozenset({"do", "does", "did"})
_WH = frozenset("who what when where why how which".split())

# Words that cannot open a subject: sentence adverbs and prepositions. ("did early voting
# end" is fine: "early" is an adjective, so only adverbs that are no adjective are listed.)
_NOT_A_SUBJECT = frozenset(
    """shortly later earlier soon once again finally eventually initially recently
    immediately briefly subsequently previously meanwhile however instead nevertheless
    moreover furthermore also with without from over under into among amid despite
    through across against towards toward yesterday today tonight overnight""".split()
)
# "when did last year the bloc open ...": a time phrase where the subject goes.
_TIME_OPENERS = frozenset("last next this".split())
_TIME_NOUNS = frozenset(
    """year week month day night morning evening weekend spring summer autumn winter""".split()
)

# What lets a second finite verb stand in one question: a clause it opens ("the men who were
# held", "the law that has passed", "an inquiry into how the wall was built") or a verb of
# saying or thinking whose object is a clause with its "that" left out ("who said the plant
# could no longer pump").
_CLAUSE_OPENERS = CLAUSE_OPENERS | frozenset("whether than how what why".split())
_REPORTING = frozenset(
    """say says said tell tells told think thinks thought believe believes believed fear fears
    feared warn warns warned claim claims claimed insist insists insisted argue argues argued
    announce announces announced confirm confirms confirmed deny denies denied report reports
    reported add adds added suggest suggests suggested expect expects expected hope hopes hoped
    know knows knew admit admits admitted agree agrees agreed decide decides decided rule rules
    ruled find finds found conclude concludes concluded promise promises promised show shows
    showed mean means meant acknowledge acknowledges acknowledged note notes noted""".split()
)
# Verbs that cannot end a clause: their object is left out ("when did the commission set",
# "when did the court find"). Asked with "what", the question word is the object.
_NEEDS_OBJECT = frozenset(
    "set put find make give take bring raise send describe declare appoint".split()
)
# Verbs whose object needs a second part to say anything ("called the decision wrong", "put
# the toll at 19", "obliges Armenia to arrest ..."): asked "what did X call", the question word
# takes the object and the part that was the point is gone.
_NEEDS_COMPLEMENT = frozenset("call calls put puts deem deems label labels brand brands".split())
# Verbs that take no object: "what did the minister resign" asks for one all the same.
_TAKES_NO_OBJECT = frozenset(
    "resign die arrive happen occur come go fall rise remain emerge collapse erupt".split()
)
# A yes/no question ending on one of these asks only whether something took place ("did the
# law begin", "does the departure come"): the sentence's when, where or why was cut away.
_BARE_HAPPENING = frozenset("begin come start happen occur go".split())
# What only a thing does: "who entered into force for armenia" is the treaty.
_THING_PREDICATES = (
    "entered into force", "came into force", "took effect", "came into effect", "expired",
)  # fmt: skip
# A possessive or personal pronoun opening the subject: the question alone does not say whose
# ("what does its central change extend", "would his case be dropped").
_PRONOUN_SUBJECTS = frozenset("he she it they its his her their".split())
# An "it" that stands for a clause further on names nothing left unsaid: "is it true that the
# bridge will close", "how long did it take to rebuild the dam", "does it matter whether the
# vote is held" say what "it" is. Such an "it" is the subject of a predicate that takes a
# clause for its subject, and the clause follows. ("what did it say" and "was it closed to
# traffic" leave "it" unnamed.)
_CLAUSE_PREDICATES = frozenset(
    """true false possible impossible likely unlikely clear unclear certain uncertain obvious
    evident safe unsafe legal illegal lawful necessary important essential hard difficult easy
    wise right wrong fair worth early late time""".split()
)
# What "it" makes when it stands for a clause: "did it make sense to", "does it make any
# difference whether" (while "did it make the bridge safe" is said of a thing).
_MADE = frozenset({"sense", "difference"})
# Participles that take such a clause: "was it known that", "was it announced whether"; a
# "to" after them is a clause only after a decision ("was it agreed to hold talks", while "was
# it reported to the police" is said of a thing).
_CLAUSE_PARTICIPLES = frozenset(
    """known unknown announced confirmed reported expected believed thought feared said decided
    agreed""".split()
)
_DECIDED = frozenset({"decided", "agreed"})
# Verbs whose "it" is the clause right after them: "does it matter whether", "did it emerge
# that", "does it seem that" (not a "to": "does it seem to work" is said of a thing).
_CLAUSE_VERBS = frozenset("matter emerge seem appear".split())
# ... and verbs whose "it" is a "to" clause after an amount: "did it take three days to",
# "how much did it cost to" (while "did it take the case to court" is said of a thing).
_COSTING = frozenset({"take", "cost"})
_LINKING = frozenset("be been become seem appear remain prove".split())
# Words between "it" and its predicate: "was it not yet clear", "was it the first time",
# "is it too early".
_BEFORE_PREDICATE = frozenset(
    """not still now really ever already also even yet no little any a an the first last only
    too so very more less much""".split()
)
_CLAUSE_WORDS = frozenset("that whether if to why how who what when where".split())
_OBJECT_STARTS = frozenset("the a an this these those his her its their our".split())
# The finite auxiliaries a second clause would need a carrier for. ("been", "being", "be" and
# the bare "do" are not finite.)
_FINITE = QUESTION_AUXILIARIES - {"do"}
# "in may 2023", "since may": the month, not the modal.
_MONTH_BEFORE = frozenset("in on since until by from of last next early late mid".split())

# "did the breach the agency", "did the region's capital the assembly": a one-word noun phrase
# right after the auxiliary, and a second one straight after it. (Not after a form of "be",
# whose complement is a noun phrase: "was the vote a gesture".)
_TWO_NOUN_PHRASES = re.compile(
    rf"^(?:(?:{'|'.join(sorted(_WH))})\s+)?"
    r"(?:did|does|do|has|have|had|will|would|can|could)\s+"
    r"(?:the\s+[\w-]+|(?:the\s+)?[\w-]+['\u2019]s\s+[\w-]+)\s+(?:the|a|an)\s"
)


def _first_verb(words: list[str]) -> int | None:
    """Where the question's fronted verb is: the auxiliary opening a yes/no question, the one
    after a question word (or after "how many/much" and its noun), or, in "who won ...",
    the verb right after "who"/"what"."""
    if words[0] in QUESTION_AUXILIARIES:
        return 0
    if words[0] not in _WH:
        return None
    if words[0] == "who" or (words[0] == "what" and is_past(words[1])):
        return 1  # "who won ...", "what fell ...": the question word is the subject
    for index, word in enumerate(words[1:6], start=1):
        if word in QUESTION_AUXILIARIES:
            return index
    return 1 if words[0] == "what" else None


def stands_for_a_clause(after_it: list[str]) -> bool:
    """Whether a question's subject "it", followed by the words ``after_it`` (lower case),
    stands for a clause further on ("true that the bridge will close", "take three days to
    rebuild it") rather than for something the question does not name."""
    index = 0
    while index < len(after_it):
        word = after_it[index]
        rest = after_it[index + 1 :]
        if word in _CLAUSE_VERBS and rest[:1] and rest[0] in _CLAUSE_WORDS - {"to"}:
            return True
        if word in _LINKING or word in _BEFORE_PREDICATE:
            index += 1
            continue
        if word == "make":
            made = list(itertools.dropwhile(_BEFORE_PREDICATE.__contains__, rest))
            return len(made) > 1 and made[0] in _MADE and made[1] in _CLAUSE_WORDS
        if word in _COSTING:
            # What comes before the "to" is an amount ("three days", "so long"), or the
            # clause's own subject with "for" ("for the water to recede"); never an object.
            for following in rest[:4]:
                if following in ("to", "for"):
                    return "to" in rest
                if following in _OBJECT_STARTS:
                    return False
            return False
        if word in _CLAUSE_PREDICATES:
            # "is it safe for visitors to travel": the clause's subject with "for", then "to".
            return bool(rest) and (
                rest[0] in _CLAUSE_WORDS or (rest[0] == "for" and "to" in rest[1:])
            )
        if word not in _CLAUSE_PARTICIPLES or not rest:
            return False
        return rest[0] in _CLAUSE_WORDS and (rest[0] != "to" or word in _DECIDED)
    return False


def grammar_problem(question: str) -> str | None:
    """Why ``question`` (lower-case or not) is broken in one of the module's ways, or None."""
    text = question.strip().rstrip("?").strip().lower()
    words = [w.strip(",") for w in text.split()]
    if len(words) < 3:
        return None
    verb = _first_verb(words)
    if verb is None:
        return None
    fronted = words[verb]
    # A subject follows the fronted auxiliary in a yes/no question, after do-support, and
    # after when/where/why/how; "who was in charge" and "how many were under water" have
    # theirs before it.
    subject_after = (
        verb == 0
        or fronted in _DO
        or (
            verb == 1
            and words[0] in ("when", "where", "why", "how")
            and fronted in QUESTION_AUXILIARIES
        )
    )
    after = words[verb + 1 : verb + 3]
    if (
        subject_after
        and after
        and (
            after[0] in _NOT_A_SUBJECT
            or (len(after) == 2 and after[0] in _TIME_OPENERS and after[1] in _TIME_NOUNS)
        )
    ):
        return f"no subject after '{fronted}'"
    if (
        subject_after
        and len(after) == 2
        and after[0] in _TIME_NOUNS
        and after[1] in ("the", "a", "an")
    ):
        return f"a time word where the subject goes ('{after[0]}')"  # "did morning the ..."
    if (
        subject_after
        and after
        and after[0] in _PRONOUN_SUBJECTS
        and not (after[0] == "it" and stands_for_a_clause(words[verb + 2 :]))
    ):
        return f"a pronoun for the subject ('{after[0]}')"
    asks_object = words[0] in ("what", "who", "whom", "which")
    if asks_object and fronted in _DO | {"has", "have", "had"} and verb + 2 < len(words):
        if words[-1] in _NEEDS_COMPLEMENT:
            return f"'{words[-1]}' left without its complement"
        if words[-1] in _TAKES_NO_OBJECT:
            return f"an object asked of '{words[-1]}', which takes none"
    if verb == 0 and fronted in _DO and words[-1] in _BARE_HAPPENING:
        return "asks only whether it happened"
    if words[0] == "who" and text.startswith(tuple(f"who {p}" for p in _THING_PREDICATES)):
        return "'who' of what only a thing does"
    if fronted in _DO and words[-1] in _NEEDS_OBJECT and not asks_object:
        return f"'{words[-1]}' left without its object"
    if _TWO_NOUN_PHRASES.match(text):
        return "two noun phrases with nothing between"
    if fronted in _REPORTING:
        return None  # "who insists the move is not aimed at russia"
    for index in range(verb + 1, len(words)):
        word = words[index]
        if word in _CLAUSE_OPENERS or word in _REPORTING:
            break
        if word not in _FINITE:
            continue
        if word == "have" and fronted in BARE_VERB_AUXILIARIES:
            continue  # "would the draft have stripped", "did they have": not finite
        following = words[index + 1] if index + 1 < len(words) else ""
        if word == "may" and (words[index - 1] in _MONTH_BEFORE or following[:1].isdigit()):
            continue
        return f"a second finite verb ('{fronted}' ... '{word}')"
    return None
