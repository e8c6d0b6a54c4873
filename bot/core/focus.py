"""What a question asks for, and whether a fact's answer holds that kind of thing.

"How many people died" wants a count, "when" a date or time, "how long" a duration, "how old"
an age, "how high" a measure, "why" a cause; "who is the CEO of ..." wants a name beside the word
"CEO". A fact that only mentions what the question is about, without the kind of thing asked
for, is not an answer: "how many planes does AZAL have" is not answered by a fact about the
crash that has no number in it, nor "what is the population of Nakhchivan" by a fact that merely
names Nakhchivan.

Two checks come from here, both cheap at question time because the fact side is worked out
once, when a fact is indexed:

- the *kind* of answer wanted (``Want`` flags) against the kinds an answer holds
  (``answer_kinds``): numbers and number words, dates and months and years, time units, ages,
  measures, cause markers, names beside role words;
- *attribute words* ("population", "capital", "ceo", "price", ...): a property asked of an
  entity. A fact that has such a word nowhere (answer, questions or tags) does not state it;
  nor does one that has it only in a question asking for another kind of thing ("was the dam
  built properly" does not say when it was built; ``Matcher._states``).

Everything here is English. This module reads the question; its parts live beside it: the
kinds (``wants``), the word lists (``focus_words``), what a count is of (``asked_counts``),
whose name is asked (``asked_roles``), the time asked about (``happened_when``), and the fact
side (``answer_kinds``, ``role_names``).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from bot.core.asked_counts import counted_asked, counts_people
from bot.core.asked_roles import asked_roles
from bot.core.focus_words import (
    AGE_WORDS,
    ATTRIBUTE_WORDS,
    MONEY_ASKED,
    PART_WORDS,
    QUESTION_WORDS,
    RESIDENTS,
    SAID_ASKED,
    SHARE_WORDS,
    UNITS,
)
from bot.core.happened_when import happened_from, month_asked
from bot.core.measures import asks_extent, dimension_asked
from bot.core.question_asks import asks
from bot.core.wants import STRICT, Want


@dataclass(frozen=True, slots=True)
class Focus:
    """What a question asks for: the kind of answer, attribute words, and role words whose
    holder's name is wanted (all folded, unstemmed)."""

    wants: Want = Want.NONE
    attributes: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    words: int = 0  # how many words the question has, question words and filler included
    # What a count is asked of ("how many protesters were injured": protesters, injured): a
    # fact's numbers must stand beside one of them to be the count asked for.
    counted: tuple[str, ...] = ()
    # Words that only name the kind of answer asked ("date" in "what date was the raid", "raid
    # date"): like "when", they are not what the question is about.
    kind_words: tuple[str, ...] = ()
    # "How many" or "number of" asks a count of things, which a measure ("1,000 km2") is not;
    # "how much" may be answered by one ("how much land": 1,000 km2).
    countable: bool = False
    # "Until when", "until what year": the end of something, which a fact states as "until
    # 2040" ("bound_stated").
    until: bool = False
    # What happened at a time the question names, asked in the past tense ("who won the
    # september 2025 election"): the first day of that time. A fact written before it cannot
    # tell what happened then.
    happened_from: dt.date | None = None
    # The same for a month named without a year ("did he visit in august"): its number. A fact
    # written earlier in a year, naming that month without a year, tells of it as still to come.
    happened_month: int | None = None
    # The dimension a measure is asked of ("how tall": a height; ``measures``): a fact's
    # measure must be of it.
    dimension: str | None = None
    # "How many people showed up" (ppl, folks): people are counted, and what they did is said
    # by a verb with a particle (``counted``: showed, up), the casual way to say what a fact
    # says in one word ("rallied", "evacuated"). The word "people" is too common to be kept in
    # ``counted``.
    counted_people: bool = False
    # A compound question's asks ("when was the raid, and why ..."; ``question_asks``): the
    # strict kinds of answer each wants (``STRICT``), when it has two. A fact holding those of
    # one ask answers the question, however it lacks the other's.
    ask_wants: tuple[Want, ...] = ()


NO_FOCUS = Focus()
_WH_SHARE = ("what", "which")
SUM_WORDS = frozenset("sum amount".split())
# Asking whether something turned out so after the news: "did they end up signing". Only in a
# yes/no question: "who ended up heading the government" asks who, which the event's own fact
# tells. ("Eventually" is not one: "will it eventually calm down" asks what a fact on the
# present stance answers.) Nor after a modal of what may come ("could they end up losing
# ground", "might it end up in court"), nor in the present or future tense ("does russia end
# up sidelined after this", "will they end up talking"): that asks for a judgement of what is
# likely, which a fact on the present stance answers, not whether it has come about since.
_OUTCOME_LEADS = (" end up ", " ended up ")
_LIKELIHOOD_WORDS = frozenset("could might may would can will does do".split())
# Question words after which a speech word asks what was said, and openings of a yes/no
# question asking it ("did he say anything", "has baku commented").
_SAID_LEADS = frozenset("what whats how did has have does do".split())
# How far before its speech word the question word may stand: "what has armenia's government
# said" (4 words); further off it asks something else ("what happened to the convoy after
# the minister said ...": 7).
_SAID_REACH = 6


def _asks_when(words: list[str]) -> bool:
    """Whether "when" asks for a time: it does unless the question already asks something else
    before it ("how did the kremlin respond when the cabinet backed the bill", "what happened
    when police raided the cafe"), where it only sets the scene; joined on by "and" ("who was
    arrested and when") it is a second question."""
    for index, word in enumerate(words):
        if word != "when":
            continue
        if QUESTION_WORDS.isdisjoint(words[:index]) or words[index - 1] in ("and", "or"):
            return True
    return False


# "When is ..." with a word of what is planned ("when is the train supposed to reach mersin",
# "when are the results due") asks when something still to come will happen, as "when will"
# does: a fact that only dates what happened ("the first train left on 30 October, bound for
# Mersin") does not say it. How far after "when is" that word may stand: "when is the first
# btk train supposed to ...".
_PRESENT_BE = frozenset("is are am".split())
_PLANNED = frozenset("supposed expected due set scheduled meant planned".split())
_PLANNED_REACH = 5


def _asks_planned(words: list[str]) -> bool:
    """Whether "when is/are" asks of something planned (``_PLANNED``)."""
    for index, word in enumerate(words[:-1]):
        if word != "when" or words[index + 1] not in _PRESENT_BE:
            continue
        for following in words[index + 2 : index + 2 + _PLANNED_REACH]:
            if following in _PLANNED:
                return True
    return False


def question_focus(words: list[str]) -> Focus:
    """The focus of a question given as its folded words, chat spellings already expanded."""
    if not words:
        return NO_FOCUS
    text = " " + " ".join(words) + " "
    pairs = set(itertools.pairwise(words))
    wants = (
        _number_wants(words, pairs)
        | _time_wants(words, text, pairs)
        | _other_wants(words, text, pairs)
    )
    attributes = tuple(
        dict.fromkeys(
            word
            for index, word in enumerate(words)
            if word in ATTRIBUTE_WORDS and _asks_attribute(words, index)
        )
    )
    if wants & Want.AGE:
        # "how old is X" asks X's age: the age is the attribute, whatever the words.
        attributes = tuple(a for a in attributes if a not in AGE_WORDS)
    if ("how", "many") in pairs and _asks_residents(pairs):
        attributes = (*attributes, RESIDENTS)
    counted = counted_asked(words) if wants & Want.COUNT else ()
    return Focus(
        wants,
        attributes,
        asked_roles(words),
        len(words),
        counted,
        kind_words(words),
        countable=("how", "many") in pairs or ("number", "of") in pairs,
        until=any((w, q) in pairs for w in ("until", "till") for q in ("when", "what", "which")),
        happened_from=happened_from(words),
        happened_month=month_asked(words),
        dimension=dimension_asked(words) if wants & (Want.MEASURE | Want.DURATION) else None,
        counted_people=counts_people(words, counted),
        ask_wants=_ask_wants(words),
    )


def _ask_wants(words: list[str]) -> tuple[Want, ...]:
    """The strict kinds of answer each ask of a compound question wants (``question_asks``);
    none for a question of one ask."""
    parts = asks(words)
    if len(parts) < 2:
        return ()
    found = []
    for part in parts:
        pairs = set(itertools.pairwise(part))
        text = " " + " ".join(part) + " "
        found.append((_number_wants(part, pairs) | _time_wants(part, text, pairs)) & STRICT)
    return tuple(found)


def _number_wants(words: list[str], pairs: set[tuple[str, str]]) -> Want:
    """What of a number a question asks: a count, a sum of money, a measure, a share, an age,
    a size ("how many", "what share of the vote", "how old", "how far", "how large")."""
    wants = Want.NONE
    if ("how", "many") in pairs or ("how", "much") in pairs or ("number", "of") in pairs:
        wants |= Want.COUNT
        if ("how", "much") in pairs and any(w in MONEY_ASKED for w in words):
            wants |= Want.MONEY
        if any(w in UNITS and len(w) > 2 and w != "per" for w in words):
            # "how many kilometres": a measure, not a head count ("per year" is a rate of
            # what is counted: "how much money per year" asks a sum).
            wants |= Want.MEASURE
    if "toll" in words or any((w, s) in pairs for w in _WH_SHARE for s in SHARE_WORDS):
        # "what share of the vote", "by what margin": a number is asked for.
        wants |= Want.COUNT
        if any((w, s) in pairs for w in _WH_SHARE for s in PART_WORDS):
            wants |= Want.SHARE
    if any((w, s) in pairs for w in _WH_SHARE for s in SUM_WORDS):
        # "what sum in military aid", "what amount of money": a sum is asked for, as by "how
        # much money"; the amount of something else ("what amount of water") only a number.
        wants |= Want.COUNT
        if "sum" in words or any(w in MONEY_ASKED for w in words):
            wants |= Want.MONEY
    if ("how", "old") in pairs or ("what", "age") in pairs or ("age", "of") in pairs:
        wants |= Want.AGE
    for adjective in ("high", "tall", "deep", "wide", "far", "heavy", "hot", "cold"):
        if ("how", adjective) in pairs and not (adjective == "far" and asks_extent(words)):
            wants |= Want.MEASURE
    if _asks_size(words):
        # "how large was the force", "how big is the zone": a size, told by a number (a head
        # count or a measure alike).
        wants |= Want.COUNT
    return wants


def _time_wants(words: list[str], text: str, pairs: set[tuple[str, str]]) -> Want:
    """What of time a question asks: when (to come), a day, a time of day, how things stand
    since, how long ("when will", "what date", "what time", "yet", "how long")."""
    wants = Want.NONE
    if _asks_when(words):
        wants |= Want.TIME
        if ("when", "will") in pairs or " going to " in text or _asks_planned(words):
            wants |= Want.FUTURE
    for head in ("year", "date", "day", "month"):
        if ("what", head) in pairs or ("which", head) in pairs:
            wants |= Want.TIME
            if head in ("date", "day"):
                # A day is asked for: "in late June" or "in 2024" does not say which.
                wants |= Want.DAY
    if ("exact", "date") in pairs or ("exact", "day") in pairs:
        wants |= Want.TIME | Want.DAY
    if wants & Want.TIME and (("when", "exactly") in pairs or ("exactly", "when") in pairs):
        # "When exactly did they leave" asks the day, as "what exact date" does: "in 2020" or
        # "in the autumn" does not say it.
        wants |= Want.DAY
    if 1 < len(words) <= 4 and words[-1] in ("date", "year") and words[0] not in WH_WORDS:
        # A keyword question naming the kind last: "yekaterinburg raid date" (casual: any
        # date it has will do, not only a day).
        wants |= Want.TIME
    if ("what", "time") in pairs:
        wants |= Want.CLOCK
    if (
        words[-1] in ("yet", "anymore", "since")
        or text.endswith((" so far ", " by now ", " since then "))
        or (
            any(lead in text for lead in _OUTCOME_LEADS)
            and QUESTION_WORDS.isdisjoint(words)
            and _LIKELIHOOD_WORDS.isdisjoint(words)
        )
    ):
        # "has the ambassador gone back yet", "has she returned since", "did the talks end up
        # collapsing": how things stand since the news, which a fact telling only of the event
        # itself does not say.
        wants |= Want.LATER
    if ("how", "soon") in pairs:
        # "how soon after the vote": a span, or the date it ended at.
        wants |= Want.TIME
    if ("how", "long") in pairs:
        wants |= Want.TIME if " how long ago " in text else Want.DURATION
    return wants


def _other_wants(words: list[str], text: str, pairs: set[tuple[str, str]]) -> Want:
    """The rest a question asks for: a cause, a name, a person, a place, what was said."""
    wants = Want.NONE
    if "why" in words or " how come " in text or ("what", "caused") in pairs:
        wants |= Want.CAUSE
    if ("name", "of") in pairs or ("names", "of") in pairs or ("his", "name") in pairs:
        wants |= Want.NAME
    if words[0] in ("who", "whom", "whose") or " who " in text:
        wants |= Want.PERSON
    if words[0] == "where" or " where " in text:
        wants |= Want.PLACE
    if _asks_said(words):
        wants |= Want.SAID
    return wants


def kind_words(words: list[str]) -> tuple[str, ...]:
    """The words of a question (folded) that only name the kind of answer it asks: "date" in
    "what date" or "raid date", "time" in "what time", "old" in "how old", "far" in "how far"
    and "so far". Like "when", they are not what it is about ("his old terms", "far-right")."""
    found: list[str] = []
    for word, following in itertools.pairwise(words):
        if word in ("what", "which") and following in ("year", "date", "day", "month"):
            found.append(following)
        elif (word, following) == ("what", "time"):
            found.append("time")
        elif word == "exact" and following in ("date", "day"):
            found += ["date", "day"]
        elif (word == "how" and following in _HOW_KINDS) or (word, following) == ("so", "far"):
            found.append(following)
    if 1 < len(words) <= 4 and words[-1] in ("date", "year") and words[0] not in WH_WORDS:
        # A keyword question naming the kind last: "yekaterinburg raid date".
        found.append(words[-1])
    return tuple(dict.fromkeys(found))


def _asks_said(words: list[str]) -> bool:
    """Whether the question asks what someone said or how they took it: a speech word after
    "what" or "how" ("what did the kremlin say", "how did ankara react") or in a question
    opening "did" / "has" ("did zelensky say anything"); not one that only reports what was
    said ("kremlin says its ukraines fault, explain") nor one asking when or why ("when did
    moscow say yes", "why did baku say no")."""
    for index, word in enumerate(words):
        if word not in SAID_ASKED:
            continue
        before = words[max(0, index - _SAID_REACH) : index]
        asking = [w for w in before if w in QUESTION_WORDS]
        if asking and set(asking) <= _SAID_LEADS:
            return True
        if not asking and words[0] in _SAID_LEADS and index <= _SAID_REACH:
            return True
    return False


_SIZE_WORDS = frozenset("big large small huge sizable sizeable".split())
# Words after "how" that ask for a kind of answer: an age, a span, a measure, a size.
_HOW_KINDS = frozenset("old long far high tall deep wide heavy hot cold".split()) | _SIZE_WORDS


def _asks_size(words: list[str]) -> bool:
    """Whether the question asks how big something is ("how large was the attacking force"),
    not how much something matters ("how big a deal is it", "how big of a problem")."""
    for index, word in enumerate(words[:-1]):
        if word == "how" and words[index + 1] in _SIZE_WORDS:
            following = words[index + 2] if index + 2 < len(words) else ""
            return following not in ("a", "an", "of", "deal")
    return False


# Verbs of dwelling and what follows them when "how many ... live in X" asks how many people X
# has: its population, which a fact counting the dead or the evacuated of X does not state
# ("how many people live in the city" of a flood's toll). Not "lives" ("how many lost their
# lives"), nor "for a living".
_DWELLING = frozenset("live living reside residing".split())
_DWELLING_WHERE = frozenset("in on there here".split())


def _asks_residents(pairs: set[tuple[str, str]]) -> bool:
    """Whether a "how many" question asks how many people live somewhere."""
    return any(verb in _DWELLING and where in _DWELLING_WHERE for verb, where in pairs)


# Attribute words that are verbs ("when was the dam built", "how much does a ticket cost"):
# asked wherever they stand.
_ATTRIBUTE_VERBS = frozenset(
    "built constructed established founded born married owns cost costs replaced replaces "
    "succeeded".split()
)
_CURRENCY_WORDS = frozenset("dollars euros roubles rubles usd".split())
_POSSESSIVES = frozenset("s its his her their".split())
WH_WORDS = frozenset("what whats which who how".split())
# Prepositions of place: an attribute word in a phrase they open names where something is
# ("the flood in georgia's capital", "the raid in the capital of the oblast"), as careful
# questions name a city by what it is, rather than asking for that attribute.
_PLACE_PREPOSITIONS = frozenset(
    "in at near from into to above below outside inside around across toward towards".split()
)
# Words a phrase of place does not reach back across: a question word or another
# preposition ("what is the capital", "the population of the capital") starts what is asked.
_PHRASE_STARTS = WH_WORDS | frozenset("of for on by with about is are was were and or".split())
# How far back from the attribute word its phrase's preposition may stand, as far as the
# other signs of ``_asks_attribute`` look: "in georgia's capital" (the possessive "s" is a
# word). Four ("above the enclave's capital") answered one wrong first fact more on the
# older tune questions: a reading freed of its block, ranked wrong.
_PLACE_REACH = 3


def _in_place_phrase(words: list[str], index: int) -> bool:
    """Whether the word at ``index`` ends a phrase naming a place ("in the capital of the
    oblast", "near georgia's capital"): it says where, it does not ask for it.
    Read back from the word, the nearest preposition of place counts until a question word or
    another preposition starts the phrase instead."""
    for word in reversed(words[max(0, index - _PLACE_REACH) : index]):
        if word in _PLACE_PREPOSITIONS:
            return True
        if word in _PHRASE_STARTS:
            return False
    return False


# Auxiliaries a past participle is the verb of ("when was it built", "has he married", "did
# she get married"): between "did" and the participle, one of them makes it the clause's verb.
_PARTICIPLE_AUXILIARIES = frozenset("was were is are be been being has have had get got".split())
# Attribute verbs that are no past participle here: present forms ("who owns the port now"),
# or a bare form spelt as one ("how much did it cost"): after "did" they are the clause's own
# verb.
_NOT_PARTICIPLES = frozenset("cost owns costs replaces".split())


def _describes_a_noun(words: list[str], index: int) -> bool:
    """Whether the attribute verb at ``index``, a past participle, describes a noun rather than
    asks when or by whom something was done: after "did", "does" or "do" the clause's own
    verb is a bare form ("did they end up ..."), so "how did the coalition built around the
    party get in" asks how it got in, not when it was built; "when was the dam built", "did
    she get married" keep an auxiliary of the participle between."""
    if words[index] in _NOT_PARTICIPLES:
        return False
    for word in reversed(words[:index]):
        if word in _PARTICIPLE_AUXILIARIES:
            return False
        if word in ("did", "does", "do"):
            return True
    return False


def _asks_attribute(words: list[str], index: int) -> bool:
    """Whether the attribute word at ``index`` is asked for ("what is the population of
    baku", "nakhchivan's capital", "gdp of azerbaijan", "best restaurants in aktau") rather than
    part of a description ("how near to the russian capital did they get", "at the height of
    the crisis", "how much $ did they pay": money, not dollars in particular)."""
    word = words[index]
    if word in _ATTRIBUTE_VERBS:
        return not _describes_a_noun(words, index)
    before = words[max(0, index - 3) : index]
    following = words[index + 1] if index + 1 < len(words) else ""
    if word in _CURRENCY_WORDS:
        # A currency asked for by name, beside a number or "in": "how much in euros".
        return bool(before) and (before[-1] == "in" or any(w.isdigit() for w in before))
    if before[-2:] == ["at", "the"]:
        return False  # "at the height of", "at the price of": an idiom
    if _in_place_phrase(words, index):
        return False
    return (
        len(words) <= 4  # a keyword question: "nakhchivan population"
        or following in ("of", "in", "for")
        or (bool(before) and before[-1] in _POSSESSIVES)
        or any(w in WH_WORDS for w in before)
    )
