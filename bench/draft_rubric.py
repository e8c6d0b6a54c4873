"""The edit rubric of ``bench.drafts``: would a moderator have to edit this drafted fact?

It is the bench's own reading, written apart from the drafter's gates (``bot.ingest.questions``
and ``question_grammar``): a drafter judged by its own checks would pass them by construction.
Round 10 made it stricter after reading older tune drafts (its earlier question check caught 2
of 791 drafted questions, and most of its "wrong date" flags were facts dated right):

* ``set-up``: the fact restates no hand-written fact (``judged.restates`` is empty);
* ``not self-contained``: the answer opens on a pronoun or anaphor ("He", "The same law"), names
  nothing (a month or a weekday is no name), or opens on a description with no name in it
  ("The warnings began ...", "The separatist leadership signed ...") and names nothing of the
  headline anywhere, so a reader cannot tell which story it is from;
* ``not English``: a question a moderator would rewrite (``question_problem``);
* ``wrong date``: the fact's date is written nowhere in the sentences it comes from, is no day
  counted from the publication by a weekday or "yesterday" there, and is no hand-written fact's
  date for the same point; or the fact has no date while its sentence dates it only relative
  to the publication ("on Monday", "last week"), which the answer alone cannot place. A day the
  sentence writes out in full is in the answer for a reader, with or without ``date:``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Collection, Sequence

from bot.core.models import Fact

# ------------------------------------------------------------------------------ questions
_QUESTION_START = re.compile(
    r"^(?:who|whom|whose|what|when|where|why|how|which|is|are|was|were|do|does|did|has|have|"
    r"had|will|would|can|could|should|may|might|must)\b"
)
_AUX = r"(?:did|does|do|has|have|had|will|would|could|can|is|are|was|were)"
_DANGLING = frozenset(
    "a an the of in on at to for from with by and or but as than that which who whose "
    "although though while because if since shortly also even only just however whereas "
    "its his her their he she they we".split()
)
# "when were three people died": a verb that has no passive after "be". (After "have" it is
# fine: "how many people have died", which the round 9 rubric wrongly flagged.)
_INTRANSITIVE_PAST = re.compile(
    r"\b(?:was|were|is|are)\b(?:\s+\S+){0,6}\s+(?:died|happened|occurred|came|went|"
    r"arrived|fell|rose|remained|became)\b"
)
# Verbs that take no object: "what did the minister resign" asks for one all the same.
_NO_OBJECT = frozenset(
    """resign die arrive happen occur come go fall rise remain stay emerge collapse erupt
    disappear vanish soar plunge sink exist last explode""".split()
)
# Verbs whose object needs a second part ("called the decision wrong", "put the toll at 19",
# "obliges Armenia to arrest"): "what did the spokesman call" has lost it.
_NEEDS_COMPLEMENT = frozenset("call put name deem label brand render oblige".split())
_OBJECT_ASKED = re.compile(rf"^(?:what|who|whom)\s+{_AUX}\s+.+\s(?P<verb>[a-z]+)$")
# "did the law begin", "does the departure come": whether something happened, with nothing
# said of what, when or where.
_BARE_HAPPENING = re.compile(rf"^{_AUX}\s+.+\s(?:begin|come|start|happen|occur|go)$")
# Only a thing does these: "who entered into force for armenia".
_THING_PREDICATE = re.compile(
    r"^who\s+(?:entered into force|took effect|came into force|came into effect|expired|"
    r"erupted|collapsed|happened|occurred)\b"
)
# A subject that is a pronoun or an unresolved possessive: the question alone says of whom.
_PRONOUN_SUBJECT = re.compile(
    rf"^(?:(?:who|what|when|where|why|how|which)\s+)?{_AUX}\s+"
    r"(?:he|she|it|they|its|his|her|their|this|these|those)\b"
)
# ... but not an "it" the question itself spells out, a clause after a predicate that takes
# one: "is it safe to swim there", "was it clear whether ...", "how long did it take to ...".
_CLAUSE_IT = re.compile(
    rf"^(?:(?:who|what|when|where|why|how|which)\s+(?:long\s+|much\s+)?)?{_AUX}\s+it\s+"
    r"(?:(?:(?:be|been|become|seem|remain)\s+)?(?:(?:not|still|now|yet|the|too|so)\s+)*"
    r"(?:true|false|possible|impossible|likely|unlikely|clear|unclear|known|certain|safe|legal|"
    r"illegal|necessary|important|hard|difficult|easy|worth|early|late|first\s+time|time)\s+"
    r"(?:for\s+\S+(?:\s+\S+)?\s+to|that|whether|if|to|why|how|who|what|when|where)"
    # an amount before the "to", never an object ("did it take the case to court")
    r"|(?:take|cost)\s+(?:(?!(?:the|a|an|this|its|his|her|their)\s)\S+\s+){0,3}?"
    r"(?:for\s+.+\s+)?to"
    r"|(?:matter|emerge|seem|appear)\s+(?:that|whether|if|why|how)"
    r"|make\s+(?:any\s+|much\s+|a\s+|no\s+)?(?:sense|difference))\b"
)
# A time noun where the subject goes: "what did morning the state emergency service count".
_TIME_AS_SUBJECT = re.compile(
    rf"\b{_AUX}\s+(?:morning|evening|night|afternoon|week|year|day|month)\s+(?:the|a|an)\b"
)
# "there" pointing at a place the question never names ("when was the ceremony held there");
# "is there", "were there" are fine.
_DEICTIC_THERE = re.compile(r"(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbe)\s+there\b")
# "this time" (as against an earlier time the question does not name).
_THIS_TIME = re.compile(r"\bthis time\b")


def question_problem(question: str) -> str | None:
    """Why a moderator would rewrite ``question``, or None."""
    q = question.strip().rstrip("?").strip()
    words = q.split()
    lower = q.lower()
    if not 2 <= len(words) <= 18:
        return "length"
    if not _QUESTION_START.match(lower):
        return "no question word"
    if q.count('"') % 2:
        return "open quote"
    if len(words) > 1 and words[1].lower() in ("although", "though", "while", "whereas", "but"):
        return "conjunction"
    if words[-1].lower().strip(",") in _DANGLING or re.search(r"['’]s$", words[-1]):
        return "breaks off"
    if re.search(r"[.!;]\s", q) or " - " in q:
        return "two sentences"
    if _INTRANSITIVE_PAST.search(lower):
        return "doubled auxiliary"
    if any(a == b for a, b in itertools.pairwise(words)):
        return "doubled word"
    asked = _OBJECT_ASKED.match(lower)
    if asked and asked["verb"] in _NO_OBJECT:
        return "object of a verb that takes none"
    if asked and asked["verb"] in _NEEDS_COMPLEMENT:
        return "verb without its complement"
    if _BARE_HAPPENING.match(lower):
        return "asks only whether it happened"
    if _THING_PREDICATE.match(lower):
        return "who of a thing"
    if _PRONOUN_SUBJECT.match(lower) and not _CLAUSE_IT.match(lower):
        return "pronoun for a subject"
    if _TIME_AS_SUBJECT.search(lower):
        return "time word for a subject"
    if _DEICTIC_THERE.search(lower) or _THIS_TIME.search(lower):
        return "points at a place or time it does not name"
    return None


# --------------------------------------------------------------------------- answers
_PRONOUN_START = re.compile(
    r"^(?:He|She|It|They|This|These|Those|That|Such|His|Her|Its|Their|Both|The same|"
    r"The two men|The pair|The men|The ministry|The court|The official|The agency|The law|"
    r"The bill|The talks|The deal|The agreement|The incident|The attack|The raid|The disaster|"
    r"The flood|The floods|The flooding|The move|The decision|The government|The president|"
    r"The committee|The body|The group|The company|The city|The country|The region)\b"
    # ... unless a name follows at once: "The government of Prime Minister Irakli Kobakhidze";
    # nor a day the drafter has written out: "That evening (24 June 2023) ...".
    r"(?!\s+(?:of\s+)?(?:the\s+)?[A-Z])"
    r"(?!\s+(?:day|night|evening|morning|afternoon)\s+\(\d)"
)
_CALENDAR = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
# "The short text says ...", "The warnings began ...": a described thing, not a named one.
_DESCRIPTION_START = re.compile(r"^(?:The|A|An)\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*\b")
_TITLE_STOPWORDS = frozenset(
    "The A An In On At Of For To And Or But As With By From After Over Says Said".split()
)


def names_in(text: str, known: Collection[str] = ()) -> set[str]:
    """Capitalised words of ``text`` that are names: not a month or a weekday, nor a sentence's
    first word unless it is possessive ("Zelmar's port") or one of the ``known`` names."""
    out = set()
    for match in _CAPITALISED.finditer(text):
        word = re.sub(r"['’]s$", "", match.group())
        before = text[: match.start()].rstrip()
        opens = not before or before[-1] in '.!?:"“'
        if opens and word == match.group() and word not in known:
            continue
        if word not in _CALENDAR:
            out.add(word)
    return out


def headline_names(title: str) -> set[str]:
    """The headline's names (its first word too: headlines open on names), as written."""
    words = {re.sub(r"['’]s$", "", m.group()) for m in _CAPITALISED.finditer(title)}
    return {w for w in words if w not in _TITLE_STOPWORDS and w not in _CALENDAR}


def _says_one_of(text: str, names: Collection[str]) -> bool:
    """Does ``text`` name one of ``names``, or a word sharing its first five letters (Kazakh for
    Kazakhstan, Armenian for Armenia)?"""
    words = {re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’-]+", text)}
    for name in names:
        for word in words:
            if word == name or (len(name) >= 5 and len(word) >= 5 and word[:5] == name[:5]):
                return True
    return False


def self_contained(answer: str, title: str) -> bool:
    """Whether ``answer`` can be read on its own: it opens on no pronoun or anaphor, names
    something, and where it opens on a description, names something of the headline ``title``
    (a reader shown the fact alone must tell which story it is from)."""
    answer = answer.strip().lstrip('"“')
    headline = headline_names(title)
    if _PRONOUN_START.match(answer) or not names_in(answer, headline):
        return False
    described = _DESCRIPTION_START.match(answer)
    return not (described and not _says_one_of(answer, headline))


# ------------------------------------------------------------------------------- dates
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH = "|".join(_MONTHS)
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\b")
_MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})\b")
_RELATIVE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"last week|this week|last night|tonight)\b"
)
# The same, when the answer already says the day: "on Monday 27 January 2025".
_WEEK = dt.timedelta(days=8)
_ANAPHORIC_DAY = re.compile(
    r"\b(?:the same day|that (?:day|night|evening|morning)|the (?:next|following) day|"
    r"the day before)\b"
)
_RESOLVED = re.compile(
    rf"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^.;]{{0,20}}?"
    rf"\b\d{{1,2}}\s+(?:{_MONTH})\b"
)


def written_days(text: str) -> set[tuple[int, int]]:
    """(month, day) of every day ``text`` writes out ("October 13", "13 October")."""
    out = set()
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for match in pattern.finditer(text):
            day = int(match["day"])
            if 1 <= day <= 31:
                out.add((_MONTHS[match["month"]], day))
    return out


def date_problem(
    date: dt.date | None,
    answer: str,
    source: str,
    published: dt.date | None,
    hand_dates: Collection[str],
    context: str = "",
    article: str = "",
) -> bool:
    """Is the fact's ``date:`` wrong, or missing where only it could place the answer?
    ``context`` is what a day in the source may be counted from: the sentence before it ("the
    same day") and the lede (the event's day, which a fact set in the event carries); a day
    told as "that day" or "the next day" may be any the ``article`` writes out."""
    relative = _RELATIVE.search(source) is not None
    if date is None:
        # Left relative in the answer ("on Monday" with no day after it): a reader cannot
        # place it.
        return relative and _RELATIVE.search(_RESOLVED.sub("", answer)) is not None
    if (date.month, date.day) in written_days(f"{source} {context}"):
        return False
    if _ANAPHORIC_DAY.search(source) and (date.month, date.day) in written_days(article):
        return False
    if date.isoformat() in hand_dates:
        return False
    # A weekday, "yesterday" or "last week" counted back from publication is read right.
    counted_back = published is not None and dt.timedelta(0) <= published - date <= _WEEK
    return not ((relative or _RELATIVE.search(context)) and counted_back)


def flags(
    fact: Fact,
    *,
    restates: Collection[str],
    sources: Sequence[str],
    context: str,
    article: str,
    title: str,
    published: dt.date | None,
    hand_dates: Collection[str],
) -> list[str]:
    """The rubric's flags for one drafted fact (empty: approved as it is)."""
    out = []
    if not restates:
        out.append("set-up")
    if not self_contained(fact.answer, title):
        out.append("not self-contained")
    if any(question_problem(q) for q in fact.questions):
        out.append("not English")
    source = " ".join(sources)
    if date_problem(fact.date, fact.answer, source, published, hand_dates, context, article):
        out.append("wrong date")
    return out
