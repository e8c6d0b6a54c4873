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

Everything here is English; the word lists are data, in one place, below.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from enum import IntFlag

from bot.core.measures import dimension_asked
from bot.core.news_words import IRREGULAR_FORMS
from bot.core.past_verbs import past_verb
from bot.core.word_edges import WORD_EDGES


class Want(IntFlag):
    """Kinds of answer: what a question asks for, and what an answer text holds."""

    NONE = 0
    COUNT = 1  # how many / how much / number of: a number
    TIME = 2  # when / what year / what day: a date or a time
    DURATION = 4  # how long: a span of time
    AGE = 8  # how old: an age
    MEASURE = 16  # how high / far / deep: a measure with a unit
    CAUSE = 32  # why: a cause
    PERSON = 64  # who: a person or a body
    PLACE = 128  # where: a place
    MONEY = 256  # how much money / cost / spend: a sum of money
    NAME = 512  # what is the name of / what were the names: a full name ("Ilham Aliyev")
    CLOCK = 1024  # what time: a time of day ("10 p.m.", "at dawn", "in the morning")
    FUTURE = 2048  # when will: something still to come ("will", "next", "planned", "due")
    DAY = 4096  # what day / which date: a day ("on 5 March", "on Tuesday"), not a month or year
    LATER = 8192  # ... yet / so far / by now: the state of things since, or what is still to come
    SHARE = 16384  # what share / percentage / proportion: a part of a whole ("84%", "half")
    SAID = 32768  # what did X say / how did X react: words someone said or a stance taken


# Kinds the curator's phrasings are read for to put siblings in order (``kind_first``, a
# kind's lead in a near tie): not what someone said, which most siblings of a story report
# and which "what did X say" phrasings do not tell apart (a fact phrased "what did the
# opposition say" is no better answer to "what did the prime minister say").
ORDERING = Want(sum(int(kind) for kind in Want) & ~int(Want.SAID))

# Kinds a fact must hold to be answered outright; CAUSE, PERSON and PLACE are only preferred
# (a cause is often stated without a marker word: "Azerbaijan wants more independence...").
STRICT = (
    Want.COUNT
    | Want.TIME
    | Want.DURATION
    | Want.AGE
    | Want.MEASURE
    | Want.MONEY
    | Want.NAME
    | Want.CLOCK
    | Want.FUTURE
    | Want.DAY
    | Want.LATER
    | Want.SHARE
)

# Not "both": "Russia and Azerbaijan have both arrested nationals" says that two sides did
# something, which is no count of what a "how many" asks (the nationals).
NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions trillion trillions
    dozen dozens half quarter single twice once
    """.split()
)
# Month words (folded) and the month each stands for.
MONTH_NUMBERS: dict[str, int] = {
    month: number
    for number, months in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for month in months
}
MONTHS = frozenset(MONTH_NUMBERS)
TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
    morning evening afternoon night midnight noon dawn weekend week month year decade century
    spring summer autumn winter ago earlier later since until recently currently
    """.split()
)
FUTURE_WORDS = frozenset(
    """
    will next planned plan plans expected expects scheduled due upcoming soon future later
    """.split()
)
# Words saying that something has run its course ("the withdrawal was completed", "the mission
# was accomplished"): a fact stating that tells whether it has happened yet (it has, and is
# over), as one saying "still" or "since" does.
COMPLETION_WORDS = frozenset("completed finished accomplished concluded".split())
# A fact that says how things stand since, or what is still to come: it can answer whether
# something has happened yet ("the ambassador has still not returned", "the law is due to be
# signed next week"); one that tells only of the event itself cannot.
LATER_WORDS = (
    FUTURE_WORDS
    | frozenset(
        "yet still since remains remain remained anymore ongoing continues continue until pending "
        "awaiting".split()
    )
    | COMPLETION_WORDS
)
CLOCK_WORDS = frozenset(
    """
    morning evening afternoon night midnight noon midday dawn dusk overnight o'clock am pm
    """.split()
)
TIME_UNITS = frozenset(
    """
    second seconds minute minutes hour hours day days week weeks month months year years
    decade decades century centuries overnight fortnight
    """.split()
)
# Words that name a day: an answer holding one says which day something happened.
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow".split()
)
AGE_WORDS = frozenset("aged age born old birthday".split())
# Words asking for a sum of money, and words (or signs) an answer states one with.
MONEY_ASKED = frozenset(
    """
    money cost costs costed spend spent spending pay paid paying price prices budget
    funding funds fund dollars euros pounds salary salaries worth afford
    """.split()
)
CURRENCIES = frozenset(
    """
    $ € £ ¥ dollar dollars usd euro euros eur pound pounds gbp rouble roubles ruble rubles
    manat manats lari tenge dram drams lira liras yuan rupee rupees yen franc francs
    """.split()
)
UNITS = frozenset(
    """
    metre metres meter meters m km kilometre kilometres kilometer kilometers cm mm mile miles
    foot feet ft inch inches yard yards hectare hectares acre acres square degrees celsius
    fahrenheit kg kilogram kilograms tonne tonnes ton tons percent per km2 sq litre litres
    """.split()
)
CAUSE_WORDS = frozenset(
    """
    because after over due following response accused accusing accuses amid since saying
    said caused cause causes triggered trigger sparked led blamed blame reason reasons
    protest protesting demand demanding fear fearing fears concern concerned argue argued
    argues claim claimed claims so therefore result wants want wanted hoping seeking seek
    objected objecting called calling criticised criticized insist insists arguing
    prompted prompting forced forcing aimed aiming citing cited sought amidst
    """.split()
)
# Words of a question asking what someone said or how they took something ("what did the
# kremlin say", "how did ankara react", "any statement from baku"), and the words an answer
# reports speech or a stance by. A fact telling only of the event ("...when Azerbaijan
# defeated Armenia") says nothing anyone said about it, however well it matches "what has
# armenia's government said about the quarrel". A soft kind, as a cause is: reported speech
# has many more verbs than these, and a curator's phrasing asking it says it is there.
SAID_ASKED = frozenset(
    """
    say said says saying react reacted reacts reaction reactions respond responded responds
    response statement statements comment comments commented
    """.split()
)
SAID_STATED = frozenset(
    """
    say said says saying told tells tell called calls calling urged urges warned warns warning
    stated statement statements announced announces announcement declared declares accused
    accuses condemned condemns denied denies described describes insisted insists claimed
    claims according demanded demands asked spokesman spokeswoman spokesperson commented
    comment comments responded response responses reacted reaction reactions welcomed welcomes
    criticised criticized criticises criticizes praised rejected rejects dismissed dismisses
    blamed blames vowed vows pledged promised confirmed confirms acknowledged admitted appealed
    appeals protested congratulated expressed labelled labeled branded added noted argued
    argues wrote tweeted posted replied threatened threatens suggested recognised recognized
    refused refuses objected apologised apologized thanked hailed voiced quoted interview
    stance position view views
    """.split()
)
# Question words after which a speech word asks what was said, and openings of a yes/no
# question asking it ("did he say anything", "has baku commented").
_SAID_LEADS = frozenset("what whats how did has have does do".split())
# How far before its speech word the question word may stand: "what has armenia's government
# said" (4 words); further off it asks something else ("what happened to the convoy after
# the minister said ...": 7).
_SAID_REACH = 6

# Words naming a person by their office: "who is the <role>" wants a name beside one of them.
ROLE_WORDS = frozenset(
    """
    president minister ambassador envoy ceo chief head leader chairman chairwoman chair
    spokesman spokeswoman spokesperson mayor governor delegate commander general secretary
    director founder owner judge prosecutor king queen pm premier negotiator representative
    candidate winner author captain coach manager boss editor chancellor speaker pilot
    """.split()
)
# Words for a body that has a name of its own: "what is the name of the coalition" asks for
# the coalition's name, which a fact naming only a person (or no coalition) does not give.
# Taken as roles when a name is asked ("name of", "named", "called"), never by "who".
BODY_WORDS = frozenset(
    """
    coalition alliance party movement group bloc organisation organization initiative campaign
    company firm network committee union operation
    """.split()
)
_ROLE_OR_BODY = ROLE_WORDS | BODY_WORDS
# A property asked of an entity: a fact that has the word nowhere does not state it.
ATTRIBUTE_WORDS = frozenset(
    """
    population populated inhabitants capital ceo founder founded owner owns currency price
    prices cost costs salary salaries wage wages distance height weight area temperature
    weather language languages religion gdp revenue revenues profit profits income worth
    phone address website email birthday born wife husband spouse married children kids
    restaurant restaurants hotel hotels recipe nickname motto anthem flag elevation built
    constructed established mayor timezone dollars euros roubles rubles usd replaced replaces
    succeeded successor
    """.split()
)
_NAME_BREAKERS = frozenset(
    """
    in of to from at on for by with and or but the a an its his her their this that these
    those is was are were be been has have had will would said says say told
    """.split()
)


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


NO_FOCUS = Focus()
# Words asking for a number when asked "what ..." or "which ...": "what percentage", "what
# share of the vote", "by what margin".
SHARE_WORDS = frozenset("percentage percent proportion share fraction margin majority".split())
# Of those, the words asking for a part of a whole: a percentage or a fraction, which a fact
# giving only a head count does not state ("what share of voters took part" is not answered by
# "19.7 million voters are registered"). A margin or a majority may be a number of votes.
PART_WORDS = frozenset("percentage percent proportion share fraction".split())
# Words an answer states a part of a whole with ("84.5%" is read apart, by its sign).
PART_STATED = frozenset(
    """
    percent percentage cent half halves third thirds quarter quarters fifth fifths tenth tenths
    majority minority fraction proportion share
    """.split()
)
_WH_SHARE = ("what", "which")
SUM_WORDS = frozenset("sum amount".split())
_BE = frozenset("is was are were be will s".split())
# Asking whether something turned out so after the news: "did they end up signing". Only in a
# yes/no question: "who ended up heading the government" asks who, which the event's own fact
# tells. ("Eventually" is not one: "will it eventually calm down" asks what a fact on the
# present stance answers.) Nor after a modal of what may come ("could they end up losing
# ground", "might it end up in court"): that asks for a judgement of what is likely, which a
# fact on the present stance answers, not whether it has come about since.
_OUTCOME_LEADS = (" end up ", " ended up ")
_SPECULATIVE = frozenset("could might may would can".split())
_WH_ALL = frozenset("who whom whose what whats which where when why how".split())
_DETERMINERS = frozenset("the a an this that its his her their".split())


def _asks_when(words: list[str]) -> bool:
    """Whether "when" asks for a time: it does unless the question already asks something else
    before it ("how did the kremlin respond when the cabinet backed the bill", "what happened
    when police raided the cafe"), where it only sets the scene; joined on by "and" ("who was
    arrested and when") it is a second question."""
    for index, word in enumerate(words):
        if word != "when":
            continue
        if _WH_ALL.isdisjoint(words[:index]) or words[index - 1] in ("and", "or"):
            return True
    return False


def question_focus(words: list[str]) -> Focus:
    """The focus of a question given as its folded words, chat spellings already expanded."""
    if not words:
        return NO_FOCUS
    wants = Want.NONE
    text = " " + " ".join(words) + " "
    pairs = set(itertools.pairwise(words))
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
    if _asks_when(words):
        wants |= Want.TIME
        if ("when", "will") in pairs or " going to " in text:
            wants |= Want.FUTURE
    for head in ("year", "date", "day", "month"):
        if ("what", head) in pairs or ("which", head) in pairs:
            wants |= Want.TIME
            if head in ("date", "day"):
                # A day is asked for: "in late June" or "in 2024" does not say which.
                wants |= Want.DAY
    if ("exact", "date") in pairs or ("exact", "day") in pairs:
        wants |= Want.TIME | Want.DAY
    if 1 < len(words) <= 4 and words[-1] in ("date", "year") and words[0] not in _WH_WORDS:
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
            and _WH_ALL.isdisjoint(words)
            and _SPECULATIVE.isdisjoint(words)
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
    for adjective in ("high", "tall", "deep", "wide", "far", "heavy", "hot", "cold"):
        if ("how", adjective) in pairs:
            wants |= Want.MEASURE
    if _asks_size(words):
        # "how large was the force", "how big is the zone": a size, told by a number (a head
        # count or a measure alike).
        wants |= Want.COUNT
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
    counted = _counted(words) if wants & Want.COUNT else ()
    return Focus(
        wants,
        attributes,
        _asked_roles(words),
        len(words),
        counted,
        kind_words(words),
        countable=("how", "many") in pairs or ("number", "of") in pairs,
        until=any((w, q) in pairs for w in ("until", "till") for q in ("when", "what", "which")),
        happened_from=_happened_from(words),
        happened_month=_month_asked(words),
        dimension=dimension_asked(words) if wants & (Want.MEASURE | Want.DURATION) else None,
        counted_people=_counts_people(words, counted),
    )


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
    if 1 < len(words) <= 4 and words[-1] in ("date", "year") and words[0] not in _WH_WORDS:
        # A keyword question naming the kind last: "yekaterinburg raid date".
        found.append(words[-1])
    return tuple(dict.fromkeys(found))


# Verbs that ask in the past tense: "did", "was", and past forms ("won", "held").
_PAST_AUXILIARIES = frozenset("did was were had".split())
# With these, a past participle is no past tense: "who is registered for the july vote".
_PRESENT_AUXILIARIES = frozenset("is are am does do".split())
# Words before a year that make it a target or a bound, not the time of what is asked about:
# "what target for 2035 did they set", "could he rule until 2040".
_YEAR_BOUNDS = frozenset("for by until till to through before".split())
_PAST_FORMS = frozenset(IRREGULAR_FORMS) - frozenset("held shot struck".split())


def _asks_past(words: list[str]) -> bool:
    """Whether ``words`` ask in the past tense ("who won", "what did the eu decide"), not in
    the present or future ("when is the election", "will he run")."""
    if not FUTURE_WORDS.isdisjoint(words) or "going" in words:
        return False
    present = not _PRESENT_AUXILIARIES.isdisjoint(words)
    return any(
        w in _PAST_AUXILIARIES
        or (not present and (w in _PAST_FORMS or past_verb(w, words[index - 1] if index else "")))
        for index, w in enumerate(words)
    )


def _month_asked(words: list[str]) -> int | None:
    """The month a question in the past tense asks about when it names one without a year
    ("did putin end up visiting turkey in august"): which year is meant depends on when the
    fact asked was written (``month_ahead``). "May" is left out: it is as often a verb."""
    if not _asks_past(words):
        return None
    for index, word in enumerate(words[1:], start=1):
        bare = _year_after_month(words, index) is None
        if word in MONTH_NUMBERS and word != "may" and words[index - 1] == "in" and bare:
            return MONTH_NUMBERS[word]
    return None


def _year_after_month(words: list[str], index: int) -> int | None:
    """The index of the year written after the month at ``index``, directly ("august 2024") or
    after "of" ("in august of 2024", as people say it): that month is of that year."""
    for offset in (1, 2):
        position = index + offset
        if position >= len(words):
            return None
        if _YEAR.match(words[position]):
            return position
        if words[position] != "of":
            return None
    return None


def month_ahead(answer: str, month: int) -> bool:
    """Whether ``answer`` names ``month`` without a year as still to come ("Putin was expected
    to visit Turkey in August"): written before that month, it cannot say what happened then.
    A sentence telling of the month in the past tense with nothing looking ahead ("Protesters
    stormed the council in August", in a January fact) is about the one before, and tells."""
    names = "|".join(name for name, number in MONTH_NUMBERS.items() if number == month)
    pattern = re.compile(rf"\b(?:{names})\b(?!\s+(?:\d{{1,2}},?\s+)?\d{{4}})", re.IGNORECASE)
    return any(
        pattern.search(sentence) and not _told_as_past(sentence)
        for sentence in _CLAUSE_END.split(answer)
    )


# Where a sentence or a clause after a semicolon ends ("The vote was in March; the count is in
# October"): each half has its own tense, and the month is read in the one naming it.
_CLAUSE_END = re.compile(r"(?<=[.!?;])\s+")
# Words that look ahead even in a sentence in the past tense ("he was expected to visit in
# October", "talks would resume in March").
_AHEAD_WORDS = FUTURE_WORDS | frozenset(
    "would could might shall should intends intended hopes hoped aims aimed until till".split()
)
# Past forms of "be" and "have": "the vote was in August".
_PAST_BE = frozenset("was were had".split())
# Verbs reporting speech: their tense is the report's, not that of what is reported ("the
# minister said the vote is in August" still expects it).
_REPORTING = frozenset(
    "said told announced added stated reported confirmed noted claimed warned wrote".split()
)


def _told_as_past(sentence: str) -> bool:
    """Whether ``sentence`` tells of something done (a verb in the past tense: "stormed", "fled",
    "was"), with nothing it expects and nothing in the present tense beside it."""
    written = re.findall(r"[A-Za-z]+", sentence)
    words = [w.lower() for w in written]
    if not _AHEAD_WORDS.isdisjoint(words) or not _PRESENT_AUXILIARIES.isdisjoint(words):
        return False
    return any(
        w not in _REPORTING
        and (
            w in _PAST_BE
            or w in IRREGULAR_FORMS
            # As written: a capitalised "-ed" word is a name ("the United Nations").
            or past_verb(written[index], words[index - 1] if index else "")
        )
        for index, w in enumerate(words)
    )


def _happened_from(words: list[str]) -> dt.date | None:
    """The first day of the latest time (a year, or a month of a year) that ``words`` name,
    when they ask in the past tense what happened then ("who won the july 2023 election",
    "what did the eu decide in 2026"); None for a question in the present or future tense
    ("when is the september 2025 election", "will he run in 2030")."""
    if not _asks_past(words):
        return None
    latest: dt.date | None = None
    for index, word in enumerate(words):
        if not _YEAR.match(word):
            continue
        year = int(word)
        previous = words[index - 1] if index else ""
        if previous in _YEAR_BOUNDS:
            continue
        month = MONTH_NUMBERS.get(previous, 1)
        if previous == "of" and index >= 2 and words[index - 2] in MONTH_NUMBERS:
            # "in july of 2023" is July 2023, not the year's start.
            month = MONTH_NUMBERS[words[index - 2]]
        start = dt.date(year, month, 1)
        if latest is None or start > latest:
            latest = start
    return latest


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
        asking = [w for w in before if w in _WH_ALL]
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


# Attribute words that are verbs ("when was the dam built", "how much does a ticket cost"):
# asked wherever they stand.
_ATTRIBUTE_VERBS = frozenset(
    "built constructed established founded born married owns cost costs replaced replaces "
    "succeeded".split()
)
_CURRENCY_WORDS = frozenset("dollars euros roubles rubles usd".split())
_POSSESSIVES = frozenset("s its his her their".split())
_WH_WORDS = frozenset("what whats which who how".split())


def _asks_attribute(words: list[str], index: int) -> bool:
    """Whether the attribute word at ``index`` is asked for ("what is the population of
    baku", "nakhchivan's capital", "gdp of azerbaijan", "best restaurants in aktau") rather than
    part of a description ("how near to the russian capital did they get", "at the height of
    the crisis", "how much $ did they pay": money, not dollars in particular)."""
    word = words[index]
    if word in _ATTRIBUTE_VERBS:
        return True
    before = words[max(0, index - 3) : index]
    following = words[index + 1] if index + 1 < len(words) else ""
    if word in _CURRENCY_WORDS:
        # A currency asked for by name, beside a number or "in": "how much in euros".
        return bool(before) and (before[-1] == "in" or any(w.isdigit() for w in before))
    if before[-2:] == ["at", "the"]:
        return False  # "at the height of", "at the price of": an idiom
    return (
        len(words) <= 4  # a keyword question: "nakhchivan population"
        or following in ("of", "in", "for")
        or (bool(before) and before[-1] in _POSSESSIVES)
        or any(w in _WH_WORDS for w in before)
    )


# Words after "how many" that say nothing of what is counted: a head count of "people" is
# told apart by what the people did ("died", "evacuated"), not by the word "people".
_NOT_COUNTED = frozenset(
    """
    the a an of in on at to for from by with did do does doing done were was are is be been
    being have has had having will would could can so far now still yet total overall exactly
    roughly about around approximately all altogether people ppl persons person individuals men
    women folks
    there they them it its their this that these those got get gets
    though even just really actually anyway
    """.split()
)
_COUNT_LEADS = (("how", "many"), ("how", "much"), ("number", "of"))
# How many words after "how many" are read for what is counted when the first four are all
# filler ("how many people in total were detained").
_COUNT_REACH_WORDS = 8
# Words that open a clause of circumstance after what is counted: "how many died *after*
# being detained" counts the dead, not the detained; "how many were detained *during* the
# raid" counts the detained, not raids.
_COUNT_STOPS = frozenset("after during since before when while because following amid".split())


def _counted(words: list[str]) -> tuple[str, ...]:
    """Up to three words after "how many" / "how much" / "number of" naming what is counted, or
    after "what share of" ("what percentage of voters"): what the share is of."""
    for index, pair in enumerate(itertools.pairwise(words)):
        if pair in _COUNT_LEADS or (pair[1] == "of" and pair[0] in PART_WORDS):
            counted = _counted_within(words[index + 2 : index + 6])
            # Only filler right after the lead ("how many people in total were detained"):
            # what is counted is said a little further on.
            return counted or _counted_within(words[index + 2 : index + 2 + _COUNT_REACH_WORDS])
    return ()


# Words for people in general after "how many" ("how many ppl showed up", "how many folks
# pulled out"): too common to say what a fact's number counts, they are read apart.
_PEOPLE_WORDS = frozenset("people ppl persons individuals folks".split())


# Particles that make a phrasal verb of the verb before them ("showed up", "pulled out").
_PARTICLES = frozenset("up out off away down over back".split())


def _counts_people(words: list[str], counted: tuple[str, ...]) -> bool:
    """Whether ``words`` ask how many people did what a phrasal verb says ("how many ppl
    showed up", "how many people pulled out"): a people word right after the count's lead,
    and a particle after another word of what is counted. A plain verb ("how many people
    died") says what is counted in its own word, which a fact must then have."""
    phrasal = any(word in _PARTICLES for word in counted[1:])
    return phrasal and any(
        pair in _COUNT_LEADS and index + 2 < len(words) and words[index + 2] in _PEOPLE_WORDS
        for index, pair in enumerate(itertools.pairwise(words))
    )


def _counted_within(after: list[str]) -> tuple[str, ...]:
    """Up to three words of ``after`` naming what is counted: not filler, and not past a clause
    of circumstance ("how many died *after* being detained" counts the dead)."""
    found: list[str] = []
    for word in after:
        if word in _COUNT_STOPS:
            break
        if word not in _NOT_COUNTED and word.isalpha():
            found.append(word)
    return tuple(found[:3])


# Verbs that ask for the head of something ("who runs wagner now"), and the role words an
# answer names such a head by ("Wagner's new commander, Andrei Troshev").
_HEADING_VERBS = frozenset("heads leads runs chairs commands manages directs".split())
HEAD_ROLES = (
    "head chief leader chairman chairwoman chair director commander boss manager ceo"
).split()


def _asked_roles(words: list[str]) -> tuple[str, ...]:
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
        if word not in _ROLE_OR_BODY or words[index + 1 : index + 2] == ["s"]:
            # A role in the possessive is not the one asked for: "who is exercising the
            # governor's powers" asks who stands in for the governor.
            continue
        before = words[max(0, index - 6) : index]
        asks_name = (
            ("who" in before and any(b in _BE for b in before) and word in ROLE_WORDS)
            or _named_by(words, index)
            or "named" in before
            # "which international organisation would run it": the body's name is asked.
            or (word in BODY_WORDS and "which" in words[max(0, index - 2) : index])
            or (index + 1 < len(words) and words[index + 1] in ("called", "named"))
        )
        if asks_name:
            roles.append(_qualified(words, index, _ROLE_IN_ANSWERS.get(word, word)))
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
        if rest and rest[0] in _DETERMINERS:
            rest = rest[1:]
        return all(w not in _NAME_BREAKERS and w not in _DETERMINERS for w in rest)
    return False


def _named_thing(words: list[str]) -> tuple[str, ...]:
    """The thing whose own name is asked, when it is not a role or a body: "what is the name of
    the prison", "what was the village called". A fact that names it writes the name beside
    the word ("the Taraclia prison", "the village of Sudzha"); one that only mentions it ("sent
    to a semi-closed prison") does not give its name."""
    for index, word in enumerate(words[:-3]):
        if (word, words[index + 1]) == ("name", "of") and words[index + 2] in _DETERMINERS:
            thing = words[index + 3]
            return (thing,) if thing.isalpha() and thing not in _NAME_BREAKERS else ()
    called = words[0] in ("what", "whats") and words[-1] in ("called", "named")
    if called and len(words) >= 4 and words[-3] in _DETERMINERS and words[-2].isalpha():
        return (words[-2],)  # "what was the village called"
    return ()


def is_named_role(word: str) -> bool:
    """Whether ``word`` is a role or a body answers are read for when indexed (``named_roles``);
    any other thing whose name is asked is looked for beside a name at question time."""
    return word in _ROLE_OR_BODY or " " in word


def names_beside(answer: str, word: str) -> bool:
    """Whether ``word`` (or its plural) stands beside a name in ``answer``: "the Taraclia
    prison", "the prison Sirius", "Sudzha, the small town", "the village of Sudzha"."""
    tokens = _tokens(answer)
    lower = [t.lower() for t in tokens]
    forms = (word, word + "s")
    return any(
        token in forms
        and (
            _name_at(tokens, index + 1)
            or _name_before(tokens, index)
            or (lower[index + 1 : index + 2] == ["of"] and _name_at(tokens, index + 2))
        )
        for index, token in enumerate(lower)
    )


# A role asked by a short name that answers spell out: "the new pm" is a prime minister.
_ROLE_IN_ANSWERS = {"pm": "prime minister", "premier": "prime minister"}
# Words that make a role another one: a defence minister is not the prime minister, though
# both are ministers ("who is armenia's defence minister" is not answered by a fact naming
# its prime minister).
ROLE_QUALIFIERS = frozenset(
    """
    prime foreign defence defense interior finance economy economic justice health education
    energy ecology environment agriculture culture emergency emergencies transport labour labor
    trade deputy vice
    """.split()
)


def _qualified(words: list[str], index: int, role: str) -> str:
    """The role at ``index`` with the qualifier before it ("defence minister") or after it
    ("minister of defence"), if it has one; else the role word alone."""
    if " " in role:
        return role
    before = words[index - 1] if index > 0 else ""
    following = words[index + 1 : index + 3]
    after = following[1] if len(following) == 2 and following[0] in ("of", "for") else ""
    for qualifier in (before, after):
        if qualifier in ROLE_QUALIFIERS:
            return f"{_SPELLING.get(qualifier, qualifier)} {role}"
    return role


# One spelling of each qualifier, so that a question meets an answer written the other way.
_SPELLING = {
    "defense": "defence",
    "economic": "economy",
    "labor": "labour",
    "emergencies": "emergency",
}


# ------------------------------------------------------------------------ answers
_NUMBER = re.compile(r"[$€£]?\d[\d,.]*(?:%|bn|m|k|s)?")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def _is_year(token: str) -> bool:
    """Whether a number read from an answer is a year: "2020", "2020," at a clause's end; not
    "2,000" (a thousands comma makes it a count: "about 2,000 residents were evacuated")."""
    return bool(_YEAR.match(token.rstrip(",.")))


def _tokens(text: str) -> list[str]:
    """Words, numbers and currency signs of ``text``, in order, punctuation stripped; a
    currency sign glued to a number ("$300") is a token of its own before it."""
    out: list[str] = []
    for raw in text.split():
        token = raw.strip(WORD_EDGES)
        if not token:
            continue
        if token[0] in "$€£" and len(token) > 1:
            out.append(token[0])
            token = token[1:]
        out.append(token)
    return out


# Words whose mere presence shows a kind of answer, by kind.
_WORD_KINDS = (
    (NUMBER_WORDS, int(Want.COUNT)),
    (CURRENCIES, int(Want.MONEY | Want.COUNT)),
    (MONTHS - {"may"}, int(Want.TIME)),
    (TIME_WORDS, int(Want.TIME)),
    (WEEKDAYS, int(Want.TIME | Want.DAY)),
    (CLOCK_WORDS, int(Want.CLOCK)),
    (FUTURE_WORDS, int(Want.FUTURE)),
    (LATER_WORDS, int(Want.LATER)),
    (TIME_UNITS, int(Want.DURATION)),
    (UNITS - {"m", "per", "sq", "square"}, int(Want.MEASURE)),
    (CAUSE_WORDS, int(Want.CAUSE)),
    (PART_STATED, int(Want.SHARE)),
    (SAID_STATED, int(Want.SAID)),
)


# Punctuation to spaces (currency signs kept apart as words), for the set of an answer's words.
_SPACED = str.maketrans(
    {
        **{c: " " for c in '"()[]{},.;:!?\u2018\u201c\u201d/'},
        "$": " $ ",
        "€": " € ",
        "£": " £ ",
    }
)
# The flags as plain ints: reading 100,000 answers with IntFlag arithmetic costs seconds.
_TIME, _AGE, _CLOCK, _DAY = int(Want.TIME), int(Want.AGE), int(Want.CLOCK), int(Want.DAY)
_COUNT, _MEASURE, _DURATION = int(Want.COUNT), int(Want.MEASURE), int(Want.DURATION)
_SHARE = int(Want.SHARE)
_PERSON, _PLACE, _NAME = int(Want.PERSON), int(Want.PLACE), int(Want.NAME)
_NUMERIC = re.compile(r"[$€£]?\d[\d,.:]*(?:%|bn|m|k|s)?")
_CAPITAL_PAIR = re.compile(r"([A-Z][a-z'\u2019-]+) +([A-Z][\w'\u2019-]*)")
_MAY = re.compile(r"[^.!?\s]\s+May\b")
# An age stated: "aged 81", "the 81-year-old", "81 years old", "at the age of 81", "born in
# 1940". "Old" alone is no age ("'Old man, go!'", "the old price"), nor is "age" ("the Soviet
# age").
_AGE_STATED = re.compile(
    r"\baged\s+\d|\d+-year-old|\d+\s+years?\s+old\b|\bage\s+(?:of\s+)?\d|\bborn\b|\bbirthday\b",
    re.IGNORECASE,
)


def read_answer(answer: str, *, dated: bool = False) -> tuple[int, tuple[str, ...]]:
    """``answer_kinds`` and ``named_roles`` of one answer, reading it once."""
    present = _words(answer)
    kinds = _kinds(answer, present, dated)
    if _ROLE_OR_BODY.isdisjoint(present):
        return kinds, ()
    return kinds, named_roles(answer)


def answer_kinds(answer: str, *, dated: bool = False) -> int:
    """The kinds of answer ``answer`` holds, as ``Want`` flags in an int (``dated``: the fact
    carries a date of its own). Read once per fact, when it is indexed."""
    return _kinds(answer, _words(answer), dated)


def _words(answer: str) -> set[str]:
    words = set(answer.lower().translate(_SPACED).split())
    # Possessives count as their word ("azerbaijan's" is "azerbaijan" too).
    words.update(w[:-2] for w in [w for w in words if w.endswith("'s")])
    # The parts of a compound count too: a "night-time raid" happened at night, a
    # "three-day truce" states a span.
    words.update(part for w in [w for w in words if "-" in w] for part in w.split("-") if part)
    return words


def _kinds(answer: str, present: set[str], dated: bool) -> int:
    kinds = _TIME if dated else 0
    for words, kind in _WORD_KINDS:
        if not present.isdisjoint(words):
            kinds |= kind
    if _AGE_STATED.search(answer):
        kinds |= _AGE
    for match in _NUMERIC.finditer(answer):
        start, end = match.span()
        if (start and (answer[start - 1].isalnum() or answer[start - 1] in ".,")) or (
            end < len(answer) and answer[end].isalnum()
        ):
            continue  # part of a word ("COP29", "G20") or of a longer number
        token = match.group()
        if token[0] in "$€£":
            token = token[1:]
        if ":" in token:
            if token.replace(":", "").isdigit():
                kinds |= _CLOCK
            continue
        if _is_year(token):
            kinds |= _TIME
            continue
        after = answer[match.end() : match.end() + 16].split()
        before = answer[max(0, match.start() - 12) : match.start()].split()
        following = after[0].strip(WORD_EDGES).lower() if after else ""
        previous = before[-1].strip(WORD_EDGES).lower() if before else ""
        if following in MONTHS or previous in MONTHS:
            kinds |= _TIME | _DAY  # a day of the month, not a count
            continue
        kinds |= _COUNT
        if following in UNITS or token.endswith("%"):
            kinds |= _MEASURE
        if token.endswith("%"):
            kinds |= _SHARE
        if following in TIME_UNITS:
            kinds |= _DURATION
    if "may" in present and _MAY.search(answer):
        # "May" the month, not "may" the verb: capitalised inside a sentence.
        kinds |= _TIME
    rest = answer[1:]
    if rest != rest.lower():
        kinds |= _PERSON | _PLACE
        for match in _CAPITAL_PAIR.finditer(answer):
            first, second = match.groups()
            start = match.start()
            if start and answer[start - 1].isalnum():
                continue
            mark = answer[max(0, start - 4) : start].rstrip()[-1:]
            sentence_start = mark in (".", "!", "?", "")
            if not sentence_start and _is_name(first) and _is_name(second):
                kinds |= _NAME
                break
    return int(kinds)  # plain int: kept in index snapshots, which hold plain values


# A name set beside a role after a comma: "Sviatlana Tsikhanouskaya, the opposition leader",
# "Mukhtar Babayev, Azerbaijan's minister of ecology" (a first name and a surname, then up to
# four words before the role).
_APPOSITIVE = re.compile(
    r"([A-Z][\w\u2019'-]*)\s+([A-Z][\w\u2019'-]*),\s+(?:[\w\u2019'-]+\s+){0,4}?("
    + "|".join(sorted(ROLE_WORDS))
    + r")\b"
)
# Punctuation that ends a name written after its role: "Wagner chief Yevgeny Prigozhin, Putin
# said" names Prigozhin.
_NAME_ENDS = tuple(",.;:!?)\u2014")


def titled_people(answer: str) -> tuple[tuple[str, str], ...]:
    """Each person ``answer`` names by an office, as (role word, surname), lower-case:
    "President Vladimir Putin" (Putin is a president), "climate chief Simon Stiell", "Sviatlana
    Tsikhanouskaya, the opposition leader". Another fact of the same story may then name the
    person alone ("Putin said") and still answer "what did the president say"."""
    raw = answer.split()
    out: list[tuple[str, str]] = []
    for index, written in enumerate(raw):
        role = written.strip(WORD_EDGES).lower()
        if role not in ROLE_WORDS or written.endswith(_NAME_ENDS):
            continue
        surname = ""
        for following in raw[index + 1 : index + 5]:
            token = following.strip(WORD_EDGES)
            if _abbreviated(following):
                continue  # a rank or title before the name ("governor Gen. Ivan Petrov")
            possessive = token.endswith(("'s", "\u2019s"))
            if not possessive and not _is_name(token):
                break
            surname = token[:-2] if possessive else token
            if possessive or following.endswith(_NAME_ENDS):
                break
        if surname:
            out.append((role, surname.lower()))
    for match in _APPOSITIVE.finditer(answer):
        # A first name and a surname: "In Moscow, the president said" names no president.
        first, name, role = match.groups()
        if _is_name(first) and _is_name(name):
            out.append((role, name.lower()))
    return tuple(dict.fromkeys(out))


def named_roles(answer: str) -> tuple[str, ...]:
    """Role words in ``answer`` that stand beside a name ("President Ilham Aliyev", "Mukhtar
    Babayev, Azerbaijan's minister of ecology", "climate chief Simon Stiell"). Read sentence by
    sentence: the name ending one sentence is no appositive of a role opening the next ("...hit
    the port near Odesa. Ukraine's agriculture minister said ..." names no minister)."""
    found: list[str] = []
    for sentence in sentences(answer):
        tokens = _tokens(sentence)
        found += _roles(tokens, [t.lower() for t in tokens])
    return tuple(dict.fromkeys(found))


# Where one sentence of an answer ends and the next begins: a full stop, question or
# exclamation mark, then a capital (or a quotation mark opening the next).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")
# Ranks and titles written short before a name: their full stop ends no sentence ("Lt. Col.
# Ivan Petrov, the battalion's commander").
TITLE_ABBREVIATIONS = frozenset(
    """gen lt col maj capt cpt sgt cpl adm brig cmdr cdr gov sen rep pres dr mr mrs ms prof rev
    fr st jr sr hon insp supt amb""".split()
)


def _abbreviated(written: str) -> bool:
    """Whether ``written`` is a title written short ("Gen.", "Lt.") or an initial ("V.")."""
    if not written.endswith("."):
        return False
    bare = written[:-1].strip(WORD_EDGES)
    return bare.lower() in TITLE_ABBREVIATIONS or (len(bare) == 1 and bare.isupper())


def sentences(answer: str) -> list[str]:
    """The sentences of ``answer``; a title written short or an initial ends none ("Maj. Gen.
    Ivan Popov", "Vladimir V. Putin")."""
    out: list[str] = []
    for piece in _SENTENCE_BREAK.split(answer):
        before = out[-1].split() if out else []
        if before and _abbreviated(before[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _roles(tokens: list[str], lower: list[str]) -> tuple[str, ...]:
    if _ROLE_OR_BODY.isdisjoint(lower):
        return ()
    found: list[str] = []
    for index, word in enumerate(lower):
        if word not in _ROLE_OR_BODY:
            continue
        if _name_at(tokens, index + 1) or _name_before(tokens, index):
            found.append(word)
            qualified = _qualified(lower, index, _ROLE_IN_ANSWERS.get(word, word))
            if qualified != word:
                found.append(qualified)
    return tuple(dict.fromkeys(found))


def _is_name(token: str) -> bool:
    bare = token.rstrip("'\u2019s").lower() if token.endswith(("'s", "\u2019s")) else token.lower()
    return (
        token[:1].isupper()
        and bare not in MONTHS
        and bare not in TIME_WORDS
        and bare not in _NAME_BREAKERS
        and not token.endswith(("'s", "\u2019s"))
        and not _compound_adjective(token)
    )


def _compound_adjective(token: str) -> bool:
    """Whether a capitalised ``token`` is a compound adjective made from a name and a lower-case
    word ("Russian-installed", "Kremlin-backed", "Moscow-appointed", "Soviet-era"): it says who
    stands behind someone, not who they are ("the Russian-installed governor" gives no
    governor's name). A name's own parts are capitalised ("Rostov-on-Don", "Nagorno-Karabakh")."""
    last = token.rsplit("-", 1)[-1] if "-" in token else ""
    return last[:1].islower()


def _name_at(tokens: list[str], index: int) -> bool:
    """A name starts at ``index`` (a role word followed by a name: "President Ilham Aliyev")."""
    return index < len(tokens) and _is_name(tokens[index])


def _name_before(tokens: list[str], index: int) -> bool:
    """An appositive before the role: "Mukhtar Babayev, Azerbaijan's minister", "Babayev, the
    foreign minister" (a name, then up to four possessives, determiners or adjectives)."""
    for back in range(1, 5):
        position = index - back
        if position < 0:
            return False
        token = tokens[position]
        lower = token.lower()
        if token.endswith(("'s", "\u2019s")) or lower in _DETERMINERS:
            continue
        if _is_name(token):
            return True
        if lower in _NAME_BREAKERS or lower.endswith("ed") or not token[:1].isalpha():
            return False
    return False


# Units a measure is stated in, not a share: a number followed by one is no head count.
_MEASURE_UNITS = UNITS - {"percent", "per", "m"}
# Words stating a part of a whole, as a count of it: "two-thirds of voters", "half of them".
_PARTS = PART_STATED - {"share", "proportion", "percentage"}
# How many words either side of a number say what it counts ("38 of the 67 people on board
# died": died is five words on).
_COUNT_REACH = 5


_BOUND = re.compile(
    r"\b(?:until|till|through)\s+(?:\w+\s+){0,3}?(?:(?:1[89]|20)\d\d|"
    + "|".join(sorted(MONTHS - {"may"}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def bound_stated(answer: str) -> bool:
    """Whether ``answer`` says until when something lasts ("stay in office until 2040", "until
    the end of 2026", "till 5 March")."""
    return bool(_BOUND.search(answer))


def counted_words(answer: str, *, measures: bool = True) -> tuple[str, ...]:
    """The words standing near a count in ``answer`` (not near a year or a day of the month):
    what a "how many ..." question's counted words must meet for the count to be theirs.
    Without ``measures``, a number with a unit of measure ("1,000 square kilometres of Russian
    territory") is no count: "how many prisoners" is not a number of square kilometres."""
    tokens = [t.lower() for t in _tokens(answer)]
    near: dict[str, None] = {}
    for index, token in enumerate(tokens):
        numeric = bool(_NUMERIC.fullmatch(token)) and not _is_year(token)
        if not (numeric or token in NUMBER_WORDS or _PARTS.intersection(token.split("-"))):
            continue  # neither a number nor a share ("two-thirds", "a majority")
        neighbours = tokens[max(0, index - 1) : index] + tokens[index + 1 : index + 2]
        if any(n in MONTHS for n in neighbours):
            continue  # a day of the month
        if not measures and not _MEASURE_UNITS.isdisjoint(tokens[index + 1 : index + 4]):
            continue  # "1,000 square kilometres", "37.3 million cubic metres"
        for other in tokens[max(0, index - _COUNT_REACH) : index + _COUNT_REACH + 1]:
            near[other] = None
    return tuple(near)
