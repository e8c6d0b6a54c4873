"""Questions readers would ask, from a statement's structure, and a check that they are English.

A light, rule-based reading of an English news sentence: a leading clause ("In the Russian city
of Orsk, ...") and asides between commas or dashes are set apart, the subject is what comes
before the first verb group, the verb group is an auxiliary chain ("has been evacuated") or a
finite verb ("gave", "says"), and what follows is split into the object and the adjuncts that
say when (a date), where (a named place), why ("because", "over", "after", "to demand") and how
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
verb takes do-support with its base form ("did X give way", from ``lexicon``). Every question
goes through ``problem`` (a small grammar check) and is written only if it passes.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.core.text import STOPWORDS, fold
from bot.ingest import clause_parts, dates
from bot.ingest.clock_times import clock_spans
from bot.ingest.entities import NOT_PERSON_WORDS, is_place_name
from bot.ingest.lexicon import (
    AUXILIARIES,
    BARE_VERB_AUXILIARIES,
    CLAUSE_OPENERS,
    FUNCTION_WORDS,
    INTRANSITIVE,
    IRREGULAR_PAST,
    QUESTION_AUXILIARIES,
    base_form,
    could_be_verb,
    ing_base,
    is_past,
    is_topic_noun,
    past_participle,
    present_participle,
    regular_past,
)
from bot.ingest.question_grammar import grammar_problem
from bot.ingest.vote_questions import vote_questions

MONTHS_AND_DAYS = f"{dates.MONTHS}|{dates.WEEKDAYS}"
MAX_QUESTION_WORDS = 16
MIN_QUESTION_WORDS = 4
MAX_CORE_WORDS = 9
MAX_QUESTIONS = 4

_AUX_CHAIN = re.compile(
    r"^(?P<aux>is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|"
    r"shall|does|do|did)\b(?P<neg> not)?(?P<adverbs>(?: (?:also|still|already|now|since|then|"
    r"just|reportedly|previously|recently|finally|effectively|largely|repeatedly|further|"
    r"initially|later|again|even|never|only|formally|officially|[a-z]+ly))*)"
    r"(?P<more>(?: (?:been|be|being|have|had)\b)*)(?: (?P<main>[a-z][a-z-]*))?"
)
_OBJECT_FIRST = frozenset("called calls accused described describes urged denied".split())
_SAY_VERBS = frozenset(
    """say said says note notes noted told tells announced warned acknowledged confirmed reported
    stated claimed added insisted argued described describes called calls accused urged
    denied concluded concludes countered counters stressed signalled signaled indicated
    suggested""".split()
)
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
_QUANTITY = (
    r"(?:(?:more than|over|nearly|almost|about|around|at least|up to|some|roughly|"
    r"an estimated|fewer than|less than)\s+)?"
    r"(?:\d[\d,.]*(?:\s+(?:million|billion|thousand))?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions|tens of thousands|"
    r"hundreds of thousands)"
)
_COUNT_SUBJECT = re.compile(
    rf"^{_QUANTITY}\s+(?:of\s+)?(?:(?:the|their|its)\s+)?(?P<noun>(?:[a-z-]+\s+){{0,2}}?"
    r"[a-z-]+?s|people|police|staff|personnel|children)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"(?:(?:more than|over|nearly|almost|about|around|at least|up to|some|roughly)\s+)?"
    r"(?:[$€£]\s?\d[\d,.]*(?:\s+(?:million|billion|trillion|bn|m))?"
    r"|\d[\d,.]*(?:\s+(?:million|billion|trillion))?\s+(?:euros?|dollars?|pounds|roubles|"
    r"rubles|manats?|lari|tenge|drams?|lira|liras|hryvnias?))",
    re.IGNORECASE,
)
_COUNT_OBJECT = re.compile(
    rf"^{_QUANTITY}\s+(?:of\s+)?(?:(?:the|their|its)\s+)?(?P<noun>[a-z-]+s|people)\b",
    re.IGNORECASE,
)
_CAUSE = re.compile(
    r",?\s+\b(?:because(?: of)?|due to|after|following|amid|as a result of|"
    r"in protest (?:at|against)|in response to|in retaliation for|"
    r"(?:over|for) (?=(?:the|a|an|its|their|his|her|alleged|suspected|poor|what)\b))"
    r"\s*(?P<cause>.+)$"
    r"|(?:^|\s+)\b(?:to|in order to)\s+(?P<purpose>(?:demand|protest|press|push|seek|call|"
    r"support|oppose|stop|prevent|avoid|help|force|mark|show|honour|honor|pressure|express|"
    r"keep|cover|pay|protect|save|ensure|boost|fund|punish|ease|curb|limit|secure|defend|"
    r"reduce|speed|restore|replace|counter|deter)\b.+)$",
    re.IGNORECASE,
)
# Verbs saying an amount changed, by the plain word readers ask with.
_CHANGE = {
    **dict.fromkeys(
        "rose increased grew climbed jumped soared surged doubled tripled trebled quadrupled "
        "rises increases grows climbs jumps soars surges doubles triples".split(),
        "rise",
    ),
    **dict.fromkeys(
        "fell dropped declined decreased plunged slumped halved shrank tumbled "
        "falls drops declines decreases plunges slumps halves shrinks tumbles".split(),
        "fall",
    ),
}
# A figure the change went by, from or to: "from about 60 tenge to 120 tenge", "by 12 percent".
_AMOUNT_AFTER = re.compile(r"\b(?:from|to|by)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?[$€£]?\d")
_PERCENT = r"\d[\d.,]*\s*(?:percent|per cent|%)"
_SHARE = re.compile(
    r"^(?:(?:about|around|nearly|almost|just over|just under|more than|less than|some|roughly|"
    rf"only|barely|over|under)\s+)?{_PERCENT}(?!\s+of\b)"
)
_DURATION = re.compile(
    r"\bfor\s+(?:at least\s+|about\s+|up to\s+|nearly\s+|more than\s+|another\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+"
    r"(?:hours?|days?|weeks?|months?|years?|decades?)\b"
    # "for five days of early voting": the span's own noun goes with it.
    r"(?:\s+of\s+(?:[a-z-]+\s+)?(?!(?:the|a|an)\b)[a-z-]+ing\b)?"
)
# How a clause that "said" introduces without "that" opens: a determiner, a name or a number
# ("said the bridge would ...", "said about 1,200 people work ..."), not "said on Monday".
# The verbs whose clause may follow without "that" ("described the floods as" has none).
_SAID = frozenset("say says said added adds warned warns insisted argued claimed".split())
_REPORTED_START = re.compile(
    r"(?:the|a|an|its|their|his|her|it|they|he|she|all|some|most|about|more than|nearly|"
    r"[A-Z][\w'-]+|\d)\s"
)
# A cause after a comma, later in the sentence than the first part of the predicate.
_LATE_CAUSE = re.compile(
    r",\s+(?:because(?: of)?|due to|after (?:days|weeks|months|hours|a|an|the|heavy|"
    r"torrential|\w+ (?:days|weeks|months|hours))|as a result of|triggered by|caused by)\s",
    re.IGNORECASE,
)
# A purpose later in the predicate: "cut gas to factories and filling stations for ten days
# to keep homes heated".
_LATE_PURPOSE = re.compile(
    r"\s(?:to|in order to)\s+(?:keep|protect|save|ensure|pay|cover|"
    r"prevent|avoid|stop|help|ease|curb|limit|secure|restore)\s"
)
_PLACE = re.compile(
    r"(?:^|\s+)\b(?i:in|at|near|outside|inside)\s+(?:the\s+)?"
    r"(?:(?:[a-z-]+|[A-Z][a-z]+(?:an|ian|ish|i))\s+){0,3}?(?:(?:city|town|village|region|province|"
    r"district|republic) of\s+)?(?!(?:"
    + MONTHS_AND_DAYS
    + r")\b)(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
    r"(?:\s+(?:region|regions|province|district|city|area|oblast|republic|valley|river|county|"
    r"border|capital|square|avenue|street|airport|port))?\b"
)
_EFFECT = re.compile(
    rf",\s+(?P<verb>[a-z]+ing)\s+{_QUANTITY}\s+(?:of\s+)?(?:[a-z-]+\s+)?(?P<noun>[a-z]+s|people)\b"
)
# ", the emergencies ministry said on Thursday" at the end: who said it, not what happened.
_ATTRIBUTION = re.compile(
    r",\s+(?:[^,]{1,60}?\s+)?(?:said|says|told reporters|reported|added|according to [^,]+)"
    r"(?:\s+on\s+[^,]+)?$"
)
# "..., the interior ministry said, after a storm ...": who said it, between two commas in the
# middle, which an aside's removal would otherwise leave inside the predicate.
_MID_ATTRIBUTION = re.compile(
    r",\s+(?:the\s+)?(?:[A-Za-z][\w'-]*\s+){0,4}?(?:said|says|reported|added)(?:\s+on\s+\w+)?,(?=\s)"
)
# ("Shortly after the spillway failed, ...": an adverb may come before the subordinator.)
_LEAD_ADVERBS = frozenset("Shortly Soon Just Immediately Long Right Even Only".split())
_LEADING_CLAUSE = re.compile(
    rf"^(?:(?:{'|'.join(sorted(_LEAD_ADVERBS))})\s+(?=[A-Z]))?"
    r"(?:Despite|After|Before|Following|During|Since|Amid|While|Although|Though|As|When|In|"
    r"On|At|By|For|Under|Over|With|Without|From|Earlier|Later|Last|This|Early|Late|Further|"
    r"Once|Until|Within|Along|Across|Near|Outside|Inside|Throughout|Between|According)\b"
    r"(?P<body>[^,]*?),\s+"
)
# "Two days before the verdict,", "A week later,", "Hours after the blast,": how long before or
# after something, a time phrase opening the sentence.
_LEADING_SPAN = re.compile(
    r"^(?:(?:\d+|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|"
    r"[Nn]ine|[Tt]en|[Aa] few|[Ss]everal|[Ss]ome)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)"
    r"|Minutes|Hours|Days|Weeks|Months|Years)"
    r"\s+(?:before|after|earlier|later|on)\b[^,]{0,60},\s+(?=[A-Za-z])"
)
_LEADING_PARTICIPLE = re.compile(r"^(?P<verb>[a-z]+)\b[^,]{0,50},\s+(?=[A-Za-z])")
# -ing words that open a phrase as prepositions do, which ``_LEADING_CLAUSE`` reads.
_ING_PREPOSITIONS = frozenset(
    "during according following including regarding concerning notwithstanding".split()
)


def _participle_clause(text: str) -> bool:
    """Does ``text`` open with an -ing participle's clause set off by a comma ("Speaking to
    reporters on Monday, ...", "Citing security concerns, ..."), before the subject?"""
    match = _LEADING_PARTICIPLE.match(text[:1].lower() + text[1:])
    if match is None or match["verb"] in _ING_PREPOSITIONS:
        return False
    base = ing_base(match["verb"])
    if base is None or not could_be_verb(base):
        return False
    words = match.group().strip(" ,").split()
    if any(w in QUESTION_AUXILIARIES or _finite_at(words, i) for i, w in enumerate(words) if i):
        return False  # "Voting ended at 8 pm, officials said": a gerund subject and its verb
    return not re.match(r"(?:which|who|whose|where|when|and|or|but)\b", text[match.end() :])


_SUBORDINATORS = frozenset(
    "After Before Following Since While Although Though As When Once Until".split()
)
_LEADING_DATE = re.compile(
    rf"^(?:(?:early|late)\s+)?(?:on|in|by|last)\s+(?:the\s+)?(?:(?:{dates.WEEKDAYS})\s+)?"
    rf"(?:\d{{1,2}}\s+(?:{dates.MONTHS})(?:\s+\d{{4}})?|(?:{dates.MONTHS})(?:\s+\d{{1,2}})?"
    rf"(?:,?\s+\d{{4}})?|\d{{4}}|(?:{dates.WEEKDAYS}))\s+(?=[A-Za-z])",
    re.IGNORECASE,
)
# A time phrase opening the sentence without a comma ("That evening Lukashenko said ...", "The
# same day Tokayev accepted ...") or with one after a span ("Hours after the vote, Sandu ..."):
# not part of the subject, which questions are asked about.
_LEADING_TIME = re.compile(
    r"^(?:(?:early|late)\s+)?(?:that|the same|the next|the following)\s+"
    r"(?:day|evening|night|morning|afternoon|week|month)\s+(?=[A-Za-z])"
    r"|^(?:the\s+|a\s+)?(?:hours|days|weeks|months|minutes|day|week|month|year)\s+"
    r"(?:after|before|later|earlier)\b[^,]{0,60},\s+"
    # "Later that day the Kremlin's spokesman confirmed ...", "Earlier this month the ministry
    # closed ...": the time, not who did it.
    # "Last year the ministry ordered ...", "This week the court heard ...": no comma either.
    r"|^(?:last|this|next)\s+(?:year|week|month|weekend|spring|summer|autumn|winter)\b,?\s+"
    r"(?=[A-Za-z])"
    r"|^(?:later|earlier|afterwards|soon afterwards|shortly afterwards|meanwhile)"
    r"(?:\s+(?:that|this|the same|the next|last|next)\s+"
    r"(?:day|evening|night|morning|afternoon|week|month|year))?,?\s+(?=[A-Za-z])",
    re.IGNORECASE,
)
_ASIDE = re.compile(
    r"\s*,\s*(?:which|who|whose|where|a|an|the|known|founded|led|chaired|once|now|then|"
    r"along|together|including|many|some|most|all|both|none|several|mostly|among|"
    r"[a-z]+ed|[a-z]+ing)\b(?:[^,]|,(?=\d))*,(?!\d)\s*"
)
# (A comma inside a number, "200,000", neither ends an aside nor closes one.)
# ", including the United States, China, India, France and Germany,": a list as an aside.
_LIST_ASIDE = re.compile(
    r"\s*,\s*(?:including|such as|among them)\b[^,]*(?:,[^,]*?)*\band\b[^,]*,\s*"
)
_DASHES = re.compile(r"\s*\u2014[^\u2014]*(?:\u2014|$)\s*")
_PARENS = re.compile(r"\s*\([^)]*\)")
# (A colon between digits is a time of day's, "6:07 a.m.", and breaks no clause.)
_CLAUSE_BREAK = re.compile(
    r",\s|;|(?<!\d):(?!\d)|\s(?:and|but|while|whereas|which|who|that|as|when|where|although|though|so|"
    r"before|after|until|because|since|whose|if)\s"
)
_WH = frozenset("who whom whose what when where why how which".split())
_DANGLING = frozenset(
    """a an the of in on at to for from with by and or but as than that which who whose
    although though while because if its their his her our your this these those into onto
    under about between against during without within per via is are was were be been
    has have had do does did will would can could should may might must not no
    he she they we""".split()
)
_ADVERB_AFTER_AUX = frozenset(
    "then also still just already now not in on at after before during for since by".split()
)
_DETERMINERS = frozenset("the a an its their his her these those this that".split())
_CONJUNCTIONS = frozenset("although though while whereas because and but or if so yet".split())
_PLURAL_AUX = {"were": "was", "are": "is", "have": "has", "do": "does"}
_PAST_ONLY = IRREGULAR_PAST - {"put", "set", "cut", "hit", "let", "read", "quit", "shut",
                               "cost", "burst", "hurt", "spread", "split", "beat", "come",
                               "run", "become"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Clause:
    subject: str
    aux: str | None
    """The auxiliary chain before the main verb ("has been", "will"), None for "gave"."""
    verb: str | None
    """The main verb ("evacuated", "gave"); None after a copula ("was the largest")."""
    rest: str
    """What follows the verb group."""
    lead: str = ""
    """A leading clause set apart ("In the Russian city of Orsk")."""

    @property
    def predicate(self) -> str:
        return " ".join(p for p in (self.aux, self.verb, self.rest) if p)


def _plain(text: str) -> str:
    text = re.sub(r"[.!;:]+$", "", text.strip())
    text = text.replace('"', "").replace("\u201c", "").replace("\u201d", "")
    return " ".join(text.split())


# Verbs in the plain present that follow a plural subject ("regions include", "critics say").
_PLAIN_PRESENT = frozenset(
    """include say remain face have need want hope fear believe expect continue stay live work
    call argue claim accuse blame plan seek insist warn reject oppose support agree disagree
    demand deny hold keep run flow lie stand serve govern set make take give""".split()
)


def _plural_noun(word: str, following: str) -> bool:
    """A word ending in -s that is a plural noun, not a verb, by what follows it."""
    if word.endswith("ed") or not word.endswith("s"):
        return False
    following = following.strip(",")
    return (
        following in QUESTION_AUXILIARIES
        or following in _PLAIN_PRESENT
        or following in ("from", "of", "in", "at", "on", "with", "for", "by", "under", "over")
        or following in IRREGULAR_PAST
        or (following.endswith("ed") and len(following) > 4)
    )


# Words after which a verb form is no finite verb: determiners, and degree words that make it an
# adjective ("the least developed countries", "a newly elected mayor").
_NOT_AFTER = frozenset(
    """the a an of its their his her our this that these those to least most less more newly
    fully highly well""".split()
)


def _finite_at(words: list[str], index: int) -> bool:
    """Is ``words[index]`` a finite lexical verb (a past or present-tense form)?"""
    word = words[index]
    bare = word.lower().strip(",")
    # ("won" is a stopword, for "won't", but as a word of its own the past of "win".)
    if not word.islower() or (bare in STOPWORDS and bare not in ("did", "does", "won")):
        return False
    before = words[index - 1].lower().strip(",") if index else ""
    if before in _NOT_AFTER or before in ("by", "for", "with", "from", "in", "on", "at"):
        return False
    if bare in IRREGULAR_PAST:
        return True
    if re.fullmatch(r"[a-z]{2,}ed", bare) and base_form(bare) is not None:
        return True
    head = words[0].lower()
    if bare in _PLAIN_PRESENT and (
        (before.endswith("s") and not before.endswith("ss"))
        or (head.endswith("s") and not head.endswith("ss"))
        or before in ("they", "we", "you", "i")
    ):
        return True  # "the worst-hit regions include", "groups that fail to register face"
    following = words[index + 1].lower().strip(",") if index + 1 < len(words) else ""
    base = base_form(bare)
    return (
        re.fullmatch(r"[a-z]{2,}(?:[^siu]s|ies|ches|shes|sses|xes)", bare) is not None
        and not _plural_noun(bare, following)
        and following not in ("and", "or", "of", "who", "that", "which", "")
        and base is not None
        and could_be_verb(base)
    )


def verbs_in(text: str) -> set[str]:
    """Folded words of ``text`` used as verbs there: finite forms ("replaces", "depends",
    "rejects") and base forms after "to" or a modal ("help to unlock", "could channel"). Such a
    word names no subject, so it goes into no id or tag, though "targets" or "votes" may be a
    noun elsewhere."""
    words = _plain(text).split()
    out: set[str] = set()
    for index, word in enumerate(words):
        bare = word.lower().strip(",;:()'\"")
        if not bare.isalpha():
            continue
        before = words[index - 1].lower().strip(",") if index else ""
        if before[:1].isdigit():
            continue  # "84 votes": a number's noun
        if (index and _finite_at(words, index)) or (
            before in ("to", *BARE_VERB_AUXILIARIES)
            and could_be_verb(bare)
            and bare not in STOPWORDS
        ):
            out.add(fold(bare))
    return out


# ", followed by X, Y and Z, each with ...": who came after, a list that runs to the end.
_RANKING = re.compile(r",\s+(?:followed by|trailed by|ahead of)\s")


def _ranking_tail(text: str) -> str:
    """``text`` without a list of who came next at its end ("came second with 3%, followed by
    X, businesswoman Y and Z"): taken for an aside, its first comma would close it and its
    tail ("businesswoman Y and Z") would be glued to the predicate."""
    match = _RANKING.search(text)
    if match is None:
        return text
    words = text[match.end() :].split()
    if any(w in QUESTION_AUXILIARIES or _finite_at(words, i) for i, w in enumerate(words) if i):
        return text  # "The storm, followed by heavy rain, flooded ...": the clause goes on
    return text[: match.start()]


def parse(statement: str) -> Clause | None:
    """Subject, verb group and rest of ``statement``'s main clause, if they can be found."""
    text = _PARENS.sub("", _DASHES.sub(", ", _plain(statement)))
    leads = []
    while True:
        date = _LEADING_DATE.match(text) or _LEADING_TIME.match(text)
        if date:
            leads.append(date.group().strip(" ,"))
            text = text[date.end() :]
            continue
        participle = _LEADING_PARTICIPLE.match(text) if leads else None
        if participle and is_past(participle["verb"]):
            # "In the first round, held the same day, Sandu won ...": what the lead-in is.
            leads.append(participle.group().strip(" ,"))
            text = text[participle.end() :]
            continue
        if _participle_clause(text):
            # "Speaking to reporters in the capital, the mayor said ...": who speaks is the
            # subject after the comma; the clause is no subject (a gerund subject has no
            # comma after it: "Voting ended at 8 pm").
            participle = _LEADING_PARTICIPLE.match(text[:1].lower() + text[1:])
            assert participle is not None
            leads.append(text[: participle.end()].strip(" ,"))
            text = text[participle.end() :]
            continue
        capitalised = text[:1].upper() + text[1:]
        first_and_rest = capitalised.split(maxsplit=1)
        after_adverb = len(first_and_rest) == 2 and first_and_rest[0] in _LEAD_ADVERBS
        if after_adverb:
            adverb, rest = first_and_rest
            capitalised = f"{adverb} {rest[:1].upper()}{rest[1:]}"
        span = _LEADING_SPAN.match(capitalised)
        if span is not None:
            # "Two days before the verdict, thousands rallied": the count is of days, the
            # phrase says when, and the subject comes after it.
            leads.append(text[: span.end()].rstrip(", "))
            text = text[span.end() :]
            continue
        match = _LEADING_CLAUSE.match(capitalised)
        longest = 17 if after_adverb else 16  # (the adverb is one word more)
        if not match or len(match.group().split()) > longest:
            break
        starter = match.group().split()[0].capitalize()
        if starter in _LEAD_ADVERBS:
            starter = match.group().split()[1].capitalize()
        body = match["body"].split()
        if starter not in _SUBORDINATORS and any(_finite_at(body, i) for i in range(1, len(body))):
            break  # "On May 23 Blinken announced ...,": a whole clause, not a lead-in
        leads.append(text[: match.end()].rstrip(", "))
        text = text[match.end() :]
    leads_text = ", ".join(leads)
    text = _ATTRIBUTION.sub("", text)
    text = _MID_ATTRIBUTION.sub(",", text)
    text = _ranking_tail(text)
    text = _LIST_ASIDE.sub(" ", text)
    text = _ASIDE.sub(" ", text)
    text = re.sub(r"\s+,", ",", text)
    text = re.split(r":\s", text, maxsplit=1)[0]
    words = text.split()
    if len(words) < 3:
        return None
    relative = False
    for index in range(1, min(len(words), 16)):
        if index >= 12 and not relative:
            break  # (a subject runs longer only with a relative clause in it)
        lowered = " ".join(words[index:]).lower()
        chain = _AUX_CHAIN.match(lowered)
        subject = " ".join(words[:index]).strip(" ,")
        if not subject or subject.split()[-1].lower() in _DANGLING:
            continue
        lead = leads_text
        if len(subject.split()) > 1 and subject.split()[-1] in ("he", "she", "they", "it", "we"):
            # "In a video address he said ...", "for months he had accused ...": a lead-in
            # without its comma, and the subject is the pronoun (asked about by no question).
            lead = ", ".join(p for p in (lead, " ".join(subject.split()[:-1])) if p)
            subject = subject.split()[-1]
        said = _SAID_THAT.match(subject)
        if said and (said["verb"] in _SAY_VERBS or said["verb"] in _THAT_SAY):
            # "Officials note that the process began ...": the subject is who notes it.
            rest = " ".join(words[len(said["who"].split()) + 1 :]).strip(" ,")
            return Clause(_undated(said["who"]), None, said["verb"], rest, lead)
        if set(w.lower() for w in subject.split()[-3:]) & {"whose", "which", "who"}:
            relative = True
            continue  # "the choice of a host whose economy depends ...": the relative's verb
        opening = _lead_in_subject(subject)
        if opening:
            # "In the same session President Tokayev declared ...", "On the way the mercenaries
            # shot down ...": a lead-in without its comma.
            lead = ", ".join(p for p in (lead, opening) if p)
            subject = subject[len(opening) :].strip()
        if chain and words[index].islower():
            main = chain["main"]
            used = len(chain.group().split())
            aux = " ".join(chain.group().split()[: used - (1 if main else 0)])
            if main and (main in STOPWORDS or main in QUESTION_AUXILIARIES) and main != "not":
                # "was the largest", "is a": a copula with its complement
                aux = " ".join(chain.group().split()[: used - 1])
                main = None
                used -= 1
            elif main and not (is_past(main) or main.endswith("ing") or aux.endswith(" not")):
                if aux in ("is", "are", "was", "were") or aux.endswith("been"):
                    main, used = None, used - 1  # a copula: "was largely ceremonial"
                elif (
                    base_form(main) is None
                    and main not in _BARE_VERBS_OK
                    and aux not in BARE_VERB_AUXILIARIES
                ):
                    main, used = None, used - 1
            rest = " ".join(words[index + used :]).strip(" ,")
            return Clause(_undated(_named_in_apposition(subject)), aux, main, rest, lead)
        if _finite_at(words, index) and _reduced_relative(words, index):
            relative = True
            continue  # "the bodies of three people killed in the flood had been brought"
        if _finite_at(words, index):
            rest = " ".join(words[index + 1 :]).strip(" ,")
            subject = _named_in_apposition(subject)
            return Clause(_undated(subject), None, words[index].strip(","), rest, lead)
    return None


# Words a clause may open with that name no thing of their own.
PRONOUNS = frozenset("it they he she we i you this that these those there".split())
# A pronoun opening a new clause, where a participle's phrase inside the subject cannot reach;
# not a demonstrative, which may be a determiner inside that phrase ("killed in those floods").
_NEW_SUBJECT = PRONOUNS - {"this", "that", "these", "those"}


def _reduced_relative(words: list[str], index: int) -> bool:
    """Is the past form ``words[index]`` a participle inside the subject ("people killed in
    the flood had been brought ...", "troops sent to the capital flew home"), not the main
    verb? It is when a finite verb follows it before any comma, clause word or new subject;
    not for a verb of saying or finding, whose object may be a clause without "that" ("the
    court found the men had lied")."""
    bare = words[index].lower().strip(",")
    if words[index].endswith(",") or bare in _SAY_VERBS or bare in _THAT_VERBS or bare in _SAID:
        return False
    base = base_form(bare) if is_past(bare) else None
    if base is None or past_participle(base) != bare:
        return False  # "flew", "went": a simple past is no participle
    following = words[index + 1].lower() if index + 1 < len(words) else ""
    if following in _DETERMINERS or following in _POSSESSIVES:
        return False  # "Gutsul won the election ...": a verb with its object
    for later in range(index + 1, min(len(words), index + 10)):
        word = words[later]
        bare_later = word.lower().strip(",")
        if bare_later in CLAUSE_OPENERS or bare_later in _NEW_SUBJECT:
            return False
        if word.islower() and (
            bare_later in QUESTION_AUXILIARIES - {"do"} or _simple_past_only(bare_later)
        ):
            return True  # (not "May", the month)
        if word.endswith(","):
            return False
    return False


def _named_in_apposition(subject: str) -> str:
    """ "Renato Usatii, leader of Our Party" and "the city's mayor, Ana Velk" -> the name: a
    subject with an aside whose closing comma the sentence lost to the verb after it. Else
    ``subject``."""
    parts = subject.split(", ")
    if len(parts) != 2:
        return subject
    for part in parts:
        words = part.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return part
    return subject


# "... reached the site on Wednesday and freed 58 people": a second verb in the past, after
# "and", with the same subject.
_SECOND_PREDICATE = re.compile(r"(?:,\s+|\s+)and\s+(?P<verb>[a-z]+)\s+(?P<rest>\S.*)$")


_TYPED = ("how many", "how much", "why", "where", "when", "how long")


def _other_parts(
    statement: str, clause: Clause | None, names: set[str], setting: str | None
) -> list[str]:
    """Questions about what ``statement`` says besides its main clause (``clause_parts``): a
    denial ("was anyone killed"), a second main clause's typed questions ("how many
    firefighters were treated"), and what its subject plans to do ("what does the government
    plan to do", "when will the government raise household gas prices")."""
    out: list[str] = []
    nobody = clause_parts.nobody_question(_plain(statement))
    if nobody is not None:
        out.append(nobody)
    second = clause_parts.coordinated_clause(
        _plain(statement), clause.subject if clause is not None else None
    )
    parsed = parse(second) if second is not None else None
    if parsed is not None and parsed.subject.split()[0].lower() not in _NO_SUBJECT:
        asked = [q for q in _from_clause(parsed, names, setting, depth=1) if q.startswith(_TYPED)]
        if (parsed.verb or "").lower() in _SAY_VERBS and parsed.aux is None:
            # "..., and in September Pashinyan said relying on Russia had been a mistake": who
            # said it is another subject, asked what it said as the first clause's would be.
            speaker = _subject_for_question(parsed.subject, names)
            asked.insert(0, f"what did {speaker} say")
        out += asked[:2]
    for relative in clause_parts.relative_clauses(_plain(statement))[:1]:
        said = parse(relative)
        if said is not None:
            # Not set in the story's event: the question is about the name ("where will
            # cop30 be held", not "... at cop29 in baku").
            out += [
                Unset(q)
                for q in _from_clause(said, names, None, depth=1)
                if q.startswith(("where", "when", "how many", "how much"))
            ][:2]
    if clause is None:
        # "The government plans to raise ...": "plans" read as a noun by ``parse``.
        clause = clause_parts.intent_clause(_plain(statement), Clause)
    if clause is None or clause.verb is None or clause.aux not in (None, "has", "have", "had"):
        return out
    planned = clause_parts.intent(clause.verb, clause.rest)
    if planned is None:
        return out
    verb, rest = planned
    subject = _subject_for_question(clause.subject, names)
    plural = clause.verb.lower() in clause_parts.INTENT_VERBS and not clause.verb.endswith(
        ("s", "ed")
    )
    do = "did" if is_past(clause.verb.lower()) or clause.aux else ("do" if plural else "does")
    base = base_form(clause.verb.lower()) or clause.verb.lower()
    out.append(f"what {do} {subject} {base} to do")
    future = Clause(clause.subject, "will", verb, rest, clause.lead)
    out += [q for q in _from_clause(future, names, setting, depth=1) if q.startswith(_TYPED)][:2]
    return out


def second_predicate(clause: Clause) -> Clause | None:
    """The second of two coordinated past-tense predicates of ``clause``, as a clause of its
    own with the same subject: news sentences pack two events into one ("reached the site
    ... and freed 58 people"), and readers ask about the second as often as the first."""
    if clause.aux is not None or clause.verb is None or not is_past(clause.verb.lower()):
        return None
    match = _SECOND_PREDICATE.search(clause.rest)
    if match is None:
        return None
    verb = match["verb"]
    if not is_past(verb) or verb in AUXILIARIES or base_form(verb) is None:
        return None
    return Clause(clause.subject, None, verb, match["rest"].strip(" ,"), clause.lead)


_SUBJUNCTIVE = re.compile(
    r"^(?P<subject>(?:\S+\s+){0,5}?\S+)\s+be\s+(?P<verb>[a-z]+)\s+(?P<rest>.+)$"
)


def _subjunctive(text: str) -> Clause | None:
    """ "(ordered that) blogger Narek Samsonyan be held in custody for two months" as the
    clause readers ask about: "will blogger narek samsonyan be held ..." ("how long")."""
    match = _SUBJUNCTIVE.match(text)
    if match is None or not is_past(match["verb"]):
        return None
    return Clause(match["subject"], "will be", match["verb"], match["rest"])


_CHARGE_PREPOSITION = {"accuse": "of", "suspect": "of", "charge": "with", "convict": "of"}
_CHARGED = re.compile(
    r"^(?P<whom>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}|(?:the|two|three|both)\s+\w+)\s+"
    r"(?P<prep>of|with)\s+(?P<what>\S+)"
)


def _charge_question(clause: Clause, subject: str, names: set[str]) -> str | None:
    """What someone is accused of, charged with or suspected of, asked as readers do, never
    ending on its preposition: "what is samsonyan accused of doing" (an act) or "what are
    the charges against the two officials"."""
    verb = (clause.verb or "").lower()
    base = base_form(verb) or verb
    if base not in _CHARGE_PREPOSITION:
        return None
    prep = _CHARGE_PREPOSITION[base]
    if clause.aux in ("was", "were", "is", "are", "has been", "have been"):
        passive = re.match(rf"^{prep}\s+(?P<what>\S+)", clause.rest)
        if passive is None or _who(clause.subject, names) != "who":
            return None
        whom, what = subject, passive["what"]
        be = clause.aux.split()[0]
    elif clause.aux is None:
        active = _CHARGED.match(clause.rest)
        if active is None or active["prep"] != prep:
            return None
        whom = active["whom"] if active["whom"][:1].isupper() else active["whom"].lower()
        what = active["what"]
        be = "was" if verb.endswith("ed") else "is"
    else:
        return None
    if what.endswith("ing") and base in ("accuse", "suspect"):
        return f"what {be} {whom} {past_participle(base)} of doing"
    return f"what are the charges against {whom}"


_SAID_THAT = re.compile(
    r"^(?P<who>[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,5}?)\s+(?P<verb>[a-z]+)\s+that\s"
)
_THAT_SAY = frozenset("note notes noted reply replies replied argue argues".split())
_LEAD_PREPOSITIONS = frozenset(
    "In On By At During After Before For From With Until Since Throughout Within".split()
)


def _lead_in_subject(subject: str) -> str | None:
    """The lead-in a subject opens with when no comma sets it apart ("In the same session",
    "On the way", "By early on Saturday"): a subject never opens with a preposition. It ends
    before a determiner or a capitalised word (not a month or weekday) after its noun."""
    words = subject.split()
    # (Lower-case after a lead-in the drafter set before it: "In the flood, on the day ...".)
    if len(words) < 3 or words[0].capitalize() not in _LEAD_PREPOSITIONS:
        return None
    for index in range(2, len(words)):
        word, before = words[index], words[index - 1]
        if re.fullmatch(MONTHS_AND_DAYS, word, re.IGNORECASE) or before.lower() in _DETERMINERS:
            continue
        if before.lower() in _NOT_AFTER_LEAD:
            continue  # "on the day of | the breach": the lead-in's own noun phrase goes on
        # ("Within hours about 200,000 residents ...", "By then 3,000 people ...": a count
        # opens the subject too.)
        counted = word[:1].isdigit() or (
            word.lower() in _ABOUT and index + 1 < len(words) and words[index + 1][:1].isdigit()
        )
        opens = (
            word.lower() in _DETERMINERS | _POSSESSIVES
            or counted
            or (word[:1].isupper() and before.islower() and before not in _NOT_AFTER_LEAD)
        )
        if opens:
            return " ".join(words[:index])
    return None


_NOT_AFTER_LEAD = frozenset("of in on at to for from with by and".split())
_ABOUT = frozenset("about nearly almost around some over more than at least roughly".split())


def _undated(subject: str) -> str:
    """ "Kyrgyzstan's parliament on Tuesday 18 March 2025" -> "Kyrgyzstan's parliament";
    "The passengers also" -> "The passengers" (an adverb before the verb is no part of who
    acted: "what did the passengers also include" reads badly)."""
    spans = _time_spans(subject)
    subject = _without(subject, spans).strip(" ,") if spans else subject
    words = subject.split()
    while len(words) > 1 and words[-1].lower() in _SUBJECT_ADVERBS:
        words.pop()
    return " ".join(words)


_SUBJECT_ADVERBS = frozenset(
    "also too still already then now first later meanwhile reportedly allegedly initially "
    "eventually finally subsequently previously recently formally officially roughly "
    "almost nearly quickly swiftly sharply briefly largely partly mostly suddenly quietly "
    "immediately effectively narrowly unanimously".split()
)


# Base-form verbs that follow a modal ("should provide") without any ending to show it.
_BARE_VERBS_OK = frozenset("provide give take make pay help block face".split())


def _cut(text: str, limit: int = MAX_CORE_WORDS) -> str:
    """``text`` up to its first clause break and at most ``limit`` words, never ending on a
    function word."""
    whole = text.split()
    appositive = re.match(
        r"^([^,]*?),\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)(?=$|[,.;]|\s+[a-z])", text
    )
    if (
        appositive
        # (", Uzbek and Russian": a list's tail, with nothing before its comma.)
        and 0 < len(appositive.group(1).split()) <= limit
        and appositive.group(1).split()[-1].islower()
    ):
        text = f"{appositive.group(1)} {appositive.group(2)}"
    else:
        match = _CLAUSE_BREAK.search(" " + text + " ")
        if match:
            text = (" " + text)[: match.start()].strip()
    every = text.split()
    words = every[:limit]
    # Never stop inside a name ("from the United | Arab Emirates") or between a modifier and
    # its noun ("to help developing | countries"): the name is finished, the noun added.
    while len(words) < min(len(every), limit + 4) and _runs_on(every, len(words)):
        words.append(every[len(words)])
    while words and (words[-1].lower().strip(",") in _DANGLING or words[-1] in ("-",)):
        words.pop()
    if len(words) < len(whole):
        words = _closed(words)  # cut short: not left open at its end
    return " ".join(words).strip(" ,")


# Words that leave a phrase open when it ends on them: they wait for a noun ("in its second |
# reading", "from both | sides", "unless one | of the parties", "in march last | year").
_OPEN_ENDS = frozenset(
    """first second third fourth fifth final last next both one each every other another
    several many some such unless whose over then""".split()
)


_PREPOSITIONS = frozenset(
    "of in on at for from with by into onto over under about against during without within".split()
)


def _closed(words: list[str]) -> list[str]:
    """``words`` (a cut predicate) without what leaves it open at its end: a word waiting for
    its noun, an adjective after a determiner or preposition ("a series of unfriendly"), an
    -ing form after a preposition ("a roadmap for reaching"), or "between" with one side only
    ("a memorandum between ankara"); for a predicate cut short."""
    words = list(words)
    lower = [w.lower().strip(",") for w in words]
    if "between" in lower[1:]:
        at = len(lower) - 1 - lower[::-1].index("between")
        if "and" not in lower[at:]:
            words, lower = words[:at], lower[:at]
    while len(words) > 1:
        last, before = lower[-1], lower[-2]
        adjective = (
            last.isalpha()
            and words[-1][:1].islower()  # not a name ("the EU")
            and last not in FUNCTION_WORDS  # "a year", "a week"
            and not is_topic_noun(last)
            and not is_past(last)
            and not last.endswith("ing")
            # after a preposition ("of unfriendly"), not a determiner ("the total") nor "to"
            # ("due to close": a verb)
            and before in _PREPOSITIONS
        )
        gerund = last.endswith("ing") and before in _NOT_OBJECT - {"and", "or", "but"}
        year = last.isdigit() and before in _DETERMINERS  # "the 2022 | Nobel Peace Prize"
        if last in _OPEN_ENDS or last in _DANGLING or adjective or gerund or year:
            words.pop()
            lower.pop()
            continue
        break
    return words


_PLACE_NOUNS = frozenset(
    """region regions province district city area oblast republic valley river county border
    capital square avenue street airport port sea lake corridor""".split()
)


def _runs_on(words: list[str], cut: int) -> bool:
    """Does the phrase go on across a cut of ``words`` before ``cut`` (a cut there leaves half a
    name, "the Islamic Republic | of Iran", or a modifier without its noun)?"""
    last, following = words[cut - 1], words[cut]
    if last.endswith((",", ";", ":")):
        return False
    if last[:1].isupper() and following[:1].isupper():
        return True
    if last[:1].isupper() and following.strip(",.;:") in _PLACE_NOUNS:
        return True  # "the Tver | region": the place's noun goes with its name
    after = words[cut + 1] if cut + 1 < len(words) else ""
    if last[:1].isupper() and following == "of" and after[:1].isupper():
        return True
    if last == "of" and cut >= 2 and words[cut - 2][:1].isupper() and following[:1].isupper():
        return True
    bare = following.strip(",.;:")
    return (
        last.endswith("ing")
        and last.islower()
        and bare.islower()
        and bare not in _DANGLING
        and bare.isalpha()
        and is_topic_noun(bare)
    )


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(text[last:start])
        last = end
    out.append(text[last:])
    return " ".join("".join(out).split())


# ("last Saturday", "next Monday": the word that places the weekday goes with it.)
_TIME_WORDS = re.compile(
    r"\s*\b(?:(?:early|late)\s+)?(?:on|in|since|during|at|by|last|next|this)?\s*(?:the\s+)?"
    r"(?:(?:evening|morning|night|afternoon|end|start|beginning|middle)\s+of\s+)?$"
)


# A year standing as a noun's modifier ("the 2020 protests", "Armenia's 2015 constitution").
_YEAR_MODIFIER = re.compile(r"(?:\b(?:the|a|an|its|their|his|her)|['’]s)\s+$", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(rf"\b(?:{dates.WEEKDAYS}),?\s+$")


def _time_spans(text: str, *, days_only: bool = False) -> list[tuple[int, int]]:
    """Where ``text`` gives dates (with "on the evening of" before them); with ``days_only``
    only days, weekdays and weeks, not months or years ("postponed to October" stays)."""
    spans = []
    for mention in dates.mentions(text, None):
        if days_only and mention.precision in ("month", "year"):
            continue
        if mention.precision == "year" and _YEAR_MODIFIER.search(text[: mention.start]):
            continue  # "a repeat of the 2020 protests": which protests, not when
        start = mention.start
        weekday = _WEEKDAY_BEFORE.search(text[:start])
        if weekday:
            start = weekday.start()  # "on Tuesday 11 February 2025": the weekday goes too
        lead = _TIME_WORDS.search(text[:start])
        if lead:
            start = lead.start()
        end = mention.end
        part = re.match(r"^\s+(?:morning|evening|night|afternoon)\b", text[end:])
        if part:
            end += part.end()
        spans.append((start, end))
    if not days_only:
        # A time of day is asked by "when" as a day is ("when did the blast come", not "...
        # come at about 6:07 a.m.").
        spans += clock_spans(text)
    return sorted(spans)


@dataclass(frozen=True, slots=True)
class _Place:
    start: int
    end: int
    name: str


# The head nouns of a body's name: "the Collective Security Treaty Organization", "the
# Eurasian Economic Union", "the Shor Party" are bodies, not places, though capitalised.
_BODY_HEADS = frozenset(
    """organization organisation union alliance treaty pact bloc party parties council
    committee commission assembly parliament ministry court agency bank fund company
    corporation group coalition movement front service office forum federation""".split()
)
# A verb whose "at" names a target, not a place: "aimed at Russia", "fired at Kyiv".
_TARGET_VERB = re.compile(
    r"\b(?:aim|aimed|aiming|directed|targeted|pointed|fired|shot|angry|looked|laughed|"
    r"lashed out|hit back|jabbed|swiped)\s*$",
    re.IGNORECASE,
)


def _place_in(text: str) -> _Place | None:
    """The first named place ``text`` puts something in ("in the Orenburg region", "in the
    Russian city of Orsk" -> Orsk)."""
    match = _PLACE.search(text)
    if match is None:
        return None
    name, end = match["name"], match.end()
    more = re.match(
        r"^\s+(?:(?:city|town|village|region|province|district|republic|capital)\s+)?of\s+"
        r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)",
        text[end:],
    )
    if more:
        name, end = more["name"], end + more.end()
    if name.split()[-1].lower() in _BODY_HEADS or _TARGET_VERB.search(text[: match.start()]):
        # "participation in the Collective Security Treaty Organization", "aimed at Russia":
        # a body one takes part in and a target are no place where something happened.
        return None
    following = text[end:]
    if following and not re.match(
        r"^(?:[,.;:]|\s+(?:in|on|at|to|for|and|but|as|after|before|when|with|by|from|near|"
        r"over|during|since|while|where|which|who|until|than|or)\b)",
        following,
    ):
        return None  # "at the COP29 United Nations climate conference": a modifier
    return _Place(match.start(), end, name)


def _who(subject: str, names: set[str]) -> str:
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


# What "it" is said of when it stands for a clause after it ("it made no difference whether
# ...", "it was not clear if ..."): never an actor's deed.
_DUMMY_IT = re.compile(
    r"^(?:is|was|would be|will be|could be|may be|remains|remained|seems|seemed|made|makes|"
    r"would make|has been|had been)\s+(?:not\s+|still\s+|now\s+)?(?:no\s+|little\s+|any\s+|"
    r"a\s+)?(?:difference|sense|clear|unclear|important|possible|impossible|necessary|"
    r"time|too early|too late|hard|difficult|easy|true|false|obvious|known|unknown)\b"
)
# Heads of a subject that name a person, not a body ("it" may stand for a ministry).
_ONE_PERSON = frozenset(
    """president minister spokesman spokeswoman spokesperson ambassador mayor governor leader
    chief secretary judge prosecutor speaker editor director delegate representative official
    lawyer activist analyst expert man woman""".split()
)


def _a_person(subject: str, names: set[str]) -> bool:
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


def _names_people(text: str, names: set[str]) -> bool:
    """Does ``text`` open with a person's name ("Dmitry Utkin, a co-founder of Wagner")?
    Two or more capitalised words the article writes as a name and no place among them."""
    run = re.match(r"^(?:[A-Z][\w'-]+\s+)+[A-Z][\w'-]+", text)
    if run is None:
        return False
    words = run.group().split()
    return all(w in names and not is_place_name(w) for w in words)


def _subject_for_question(subject: str, names: set[str]) -> str:
    first, _, rest = subject.partition(" ")
    if first in ("A", "An", "a", "an") and rest:
        return f"the {rest}"
    if first in names:
        return subject
    return f"{first.lower()} {rest}".strip()


def _inverted(clause: Clause, subject: str, tail: str) -> str | None:
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
    if not words or words[0] in _PREPOSITIONS or words[0] in _NOT_POSSESSED:
        return False
    return not any(is_past(w) or w in ("come", "become", "run") for w in words)


def _agreeing(wh: str, predicate: str) -> str:
    """ "who were ordered" -> "who was ordered": who and what take a singular verb."""
    first, _, rest = predicate.partition(" ")
    if first in _PLURAL_AUX:
        return f"{_PLURAL_AUX[first]} {rest}".strip()
    if first.endswith("s") or is_past(first) or first in QUESTION_AUXILIARIES:
        return predicate
    # a plural present verb ("include"): its -s form
    return f"{first}s {rest}".strip() if first.isalpha() else predicate


class Unset(str):
    """A question not to be set in the story's event: it asks about another name."""

    __slots__ = ()


def _finish(question: str, setting: str | None) -> str:
    question = question.strip(" ,")
    named = _event_named(question, setting) if setting else None
    if named is not None:
        # "what was turnout in the vote" -> "... in the lestria vote", not "what was turnout
        # in the vote in the lestria vote": the question names the event once.
        return " ".join(named.lower().replace(" ,", ",").split()).strip(" ,")
    set_in = f"{question} {setting}" if setting else question
    if (
        setting
        and not _setting_names(setting) & set(fold(question).split())
        and len(set_in.split()) <= MAX_QUESTION_WORDS
    ):
        # Too long with the setting, the question is still asked without it: the answer
        # names the event, and a question the check refuses would be lost altogether.
        question = set_in
    return " ".join(question.lower().replace(" ,", ",").split()).strip(" ,")


_SETTING_EVENT = re.compile(
    r"^(?:in|at|after|before|during|over|under)\s+(?P<event>the\s+.*\s(?P<noun>[\w-]+))$",
    re.IGNORECASE,
)


def _event_named(question: str, setting: str) -> str | None:
    """``question`` with its "the <noun>" of the setting's event ("the vote") written as the
    setting names it ("the Lestria vote"), or None if it has none."""
    event = _SETTING_EVENT.match(setting)
    if event is None:
        return None
    found = re.search(rf"\bthe\s+{re.escape(event['noun'])}\b(?!['’-])", question, re.IGNORECASE)
    if found is None:
        return None
    return f"{question[: found.start()]}{event['event']}{question[found.end() :]}"


def _setting_names(setting: str) -> set[str]:
    """The folded name words of a setting ("in the Kazakhstan floods" -> {"kazakhstan"})."""
    return {
        w
        for token in re.findall(r"[A-Z][\w'-]*", setting)
        for w in fold(re.sub(r"'s$", "", token)).split()
    } or set(fold(setting).split()[-1:])


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
    timing = _TIMING_ONLY.match(f"{clause.verb or ''} {clause.rest}") if clause else None
    if clause is not None and timing is not None:
        # "X came two weeks after Y": asked as it stands, it gives "what came two weeks"; what
        # it tells is when Y was and what went before X.
        out += _timing_questions(clause.subject, timing)
        clause = None
    if (
        clause is not None
        and clause.subject.lower() not in PRONOUNS
        and clause.subject.split()[0].lower() not in ("no", "nobody", "none", "nothing")
    ):
        out += _from_clause(clause, names, setting, depth=0, topic=topic)
        second = second_predicate(clause)
        if second is not None:
            # Its typed questions only ("how many people did rescue teams free"): the plain
            # ones would repeat the first predicate's "who ..." in other words.
            typed = [q for q in out if q.startswith(_TYPED)]
            at = out.index(typed[-1]) + 1 if typed else 0
            out[at:at] = [
                q for q in _from_clause(second, names, setting, depth=1) if q.startswith(_TYPED)
            ][:2]
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
        cleaned = _finish(_shortened(question), own_setting)
        if problem(cleaned) is None:
            seen.setdefault(cleaned, None)
    return list(seen)[:MAX_QUESTIONS]


_PHRASE_STARTS = frozenset("by in for on at from with over after during".split())
# "came two weeks after a referendum", "comes a day before the vote": the sentence only times
# one thing against another; its questions would ask "how many weeks did X come".
_TIMING_ONLY = re.compile(
    r"^(?:came|comes|come)\s+(?P<span>(?:just\s+|only\s+|about\s+|nearly\s+|exactly\s+)?"
    r"(?:\S+\s+)?(?:hours?|days?|weeks?|months?|years?|decades?))\s+(?P<order>after|before)\s+"
    r"(?:an?|the)\s+(?P<other>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
)


def _timing_questions(subject: str, timing: re.Match[str]) -> list[str]:
    """ "The runoff came two weeks after a referendum ..." -> "when was the referendum", "what
    happened two weeks before the runoff"."""
    # The other event by its one noun, when a preposition or a relative clause follows it ("a
    # strike by track workers", "a referendum in which ..."): a longer phrase may run into its
    # own verb ("the summit opens"), which a question must not ask of.
    other = timing["other"].split()
    opposite = "before" if timing["order"] == "after" else "after"
    span = timing["span"].strip()
    what = subject[:1].lower() + subject[1:] if subject.split()[0] in _DETERMINERS_CAP else subject
    out = [f"what happened {span} {opposite} {what}"]
    noun = other[0].lower().strip(",")
    alone = len(other) == 1 or other[1].strip(",") in _NOT_OBJECT or other[0].endswith(",")
    if alone and noun not in STOPWORDS:
        plural = noun.endswith("s") and not noun.endswith("ss")
        out.insert(0, f"when {'were' if plural else 'was'} the {noun}")
    return out


_DETERMINERS_CAP = frozenset("The A An This That These Those Its Their".split())


def _shortened(question: str) -> str:
    """``question`` without its last prepositional phrases while it is too long ("how long
    were X and Y ordered held in pre-trial detention | by a baku court"): a long name in the
    subject should not cost the question, and a cut mid-phrase ("by a baku") reads badly."""
    words = question.split()
    while len(words) > MAX_QUESTION_WORDS:
        cuts = [
            i
            for i, w in enumerate(words)
            if w in _PHRASE_STARTS and i > MIN_QUESTION_WORDS and words[i + 1 : i + 2] != ["least"]
        ]
        if not cuts:
            break
        words = words[: cuts[-1]]
        while words and words[-1] in _DANGLING:
            words.pop()
    return " ".join(words)


# What starts a predicate's adjunct or clause, not its object.
_NOT_OBJECT = frozenset(
    """in on at to that for by from with as over after before during into out up down away
    off back through since until about across against among around behind near under
    if whether when where while because although than and or but not never also still
    more less most further""".split()
)
_POSSESSIVES = frozenset("her his its their our my your".split())
_NO_SUBJECT = frozenset("it they he she we i you her his its their our my your no".split())
_THAT_VERBS = frozenset(
    """agreed decided concluded ruled found promised pledged insisted warned announced
    confirmed ordered argued replied reply replies""".split()
)


def _from_clause(
    clause: Clause, names: set[str], setting: str | None, depth: int, topic: str | None = None
) -> list[str]:
    typed: list[str] = []
    plain: list[str] = []
    subject = _subject_for_question(clause.subject, names)
    rest = clause.rest
    verb = (clause.verb or "").lower()

    # Reported speech: ask what was said, then about what was said.
    reported = verb in _SAY_VERBS or verb in ("reply", "replied", "replies")
    if (
        (reported or verb in _THAT_VERBS)
        and depth == 0
        # ("had already concluded": an adverb after the auxiliary changes nothing.)
        and (clause.aux or "").split()[:1] in ([], ["has"], ["have"], ["had"])
    ):
        speaker = subject
        if verb in ("described", "describes"):
            target = _cut(re.split(r"\s+as\s+", rest)[0], 6)
            typed.append(f"how did {speaker} describe {target}")
            typed.append(f"what did {speaker} say about {target}")
        elif reported and verb not in ("called", "calls", "accused", "urged", "denied"):
            # "Officials say ...": asked in the present, as it is said.
            do = {"say": "do", "says": "does", "concludes": "does"}.get(verb, "did")
            about = f" about {topic}" if topic else ""
            # A finding is asked as one: "what did eu leaders conclude".
            word = "conclude" if verb.startswith("conclude") else "say"
            typed.append(f"what {do} {speaker} {word}{about}")
        elif verb in ("called", "accused", "denied") and topic:
            # "Peskov called Western suggestions ... an absolute lie": a reply readers ask
            # about as something said ("what did peskov say about the moscow crash"), after
            # what the sentence itself asks.
            plain.append(f"what did {speaker} say about {topic}")
        said = re.split(r"(?:^|\s)that\s+", rest, maxsplit=1)
        # After "called", "accused" or "described" an object comes first, and a "that" in it
        # opens a relative clause ("called Western suggestions that the state was behind the
        # crash a lie"), not what was said.
        told = len(said) == 2 and (
            len(said[0].split()) <= 16 if verb not in _OBJECT_FIRST else not said[0].strip()
        )
        inner = parse(said[1]) if told else None
        if inner is None and told:
            inner = _subjunctive(said[1])
        if inner is None and verb in _SAID and _REPORTED_START.match(rest):
            # "said the bridge would stay shut ...": reported without "that".
            inner = parse(rest)
        if (
            inner is not None
            and inner.subject.lower() == "it"
            and (_a_person(clause.subject, names) or _DUMMY_IT.match(inner.predicate))
        ):
            # "The mayor said it made no difference whether ...": "it" is never a person, and
            # here it stands for the clause after it, which no "who" question asks of.
            inner = None
        if inner is not None and inner.subject.lower() in ("it", "they", "he", "she"):
            # "The movement said it would ask the court ...": in reported speech the pronoun
            # is, nearly always, the speaker.
            inner = Clause(clause.subject, inner.aux, inner.verb, inner.rest, inner.lead)
        owner = inner.subject.split() if inner is not None else []
        if inner is not None and len(owner) > 1 and owner[0].lower() in _POSSESSIVES:
            # "Prigozhin said his men had come within 200 km ...": the speaker's men.
            whose = f"{clause.subject}'s {' '.join(owner[1:])}"
            inner = Clause(whose, inner.aux, inner.verb, inner.rest, inner.lead)
        if inner is not None and inner.subject.split()[0].lower() not in _NO_SUBJECT:
            asked = _from_clause(inner, names, setting, depth + 1)[:2]
            typed += asked
            reported = reported and bool(asked)  # nothing asked of what was said: go on
        if typed and reported:
            return typed

    if depth == 0:
        # "adopted the bill by 64 votes to 7": the count, asked of the thing voted on.
        typed[:0] = vote_questions(clause)

    # Charges: "Prosecutors accuse Samsonyan of calling for violence" and "Two officials were
    # charged with negligence" -> "what is samsonyan accused of doing", "what are the charges
    # against two officials".
    charge = _charge_question(clause, subject, names)
    if charge is not None and depth == 0:
        typed.append(charge)

    # "The ministry blamed the shortage on higher demand": ask what caused the shortage.
    blamed = re.match(r"^(?P<thing>(?:the|a|an)\s+[\w-]+(?:\s+[\w-]+)?)\s+on\s+\S", rest)
    if blamed and base_form(verb) == "blame" and clause.aux is None:
        typed.append(f"what caused {blamed['thing'].lower()}")

    # "The flooding followed a winter of heavy snow": ask what caused it.
    if verb in ("followed", "follows") or (
        verb in ("caused", "triggered", "sparked", "prompted") and rest.startswith("by ")
    ):
        typed.append(f"what caused {subject}")
    elif verb in ("caused", "triggered", "sparked", "prompted") and clause.aux is None:
        typed.append(f"what caused {_cut(rest, 6)}")

    # "The worst-hit regions include ...", "The largest donor was ...": ask what they are.
    listing = verb in ("include", "includes", "included") or (
        clause.aux in ("is", "are", "was", "were") and clause.verb is None
    )
    definite = clause.subject.split()[0] in ("The", "the") or "'s " in clause.subject
    if listing and definite and depth == 0:
        be = "were" if clause.aux in ("was", "were") or verb == "included" else "are"
        if not clause.subject.split()[-1].endswith("s"):
            be = {"were": "was", "are": "is"}[be]
        # "The passengers included Dmitry Utkin": people listed are asked with "who", and
        # so ("who were the passengers", not "what were the passengers").
        people = verb.startswith("include") and (
            _who(clause.subject, names) == "who" or _names_people(rest, names)
        )
        typed.append(f"{'who' if people else 'what'} {be} {subject}")

    # How many: a number in the subject.
    count = _COUNT_SUBJECT.match(clause.subject)
    predicate = " ".join(p for p in (clause.aux, clause.verb) if p)
    if count and predicate:
        noun = count["noun"].lower()
        core = _cut(_without(rest, _time_spans(rest)))
        typed.append(f"how many {noun} {predicate} {core}")

    time_spans = _time_spans(rest)
    lead_time = dates.mentions(clause.lead, None) if clause.lead else []
    first_part = re.split(
        r",\s|\s(?:that|which|who|whose|where|but|and|as|while|whereas|although)\s",
        rest,
        maxsplit=1,
    )[0]
    main_time = _time_spans(first_part)
    cause = _CAUSE.search(first_part)
    money = _MONEY.search(" ".join(rest.split()[:8]))
    objects = _COUNT_OBJECT.match(rest)
    place = _place_in(first_part)
    lead_place = _place_in(clause.lead) if clause.lead else None
    effect = _EFFECT.search(rest)

    # How much: an amount right after the verb.
    if money and predicate:
        before = re.sub(
            r"\s*\b(?:of|up to|at least|more than|about|nearly|worth|some|around)\s*$",
            "",
            rest[: money.start()],
        ).strip(" ,")
        after = _cut(_without(rest[money.end() :], _time_spans(rest[money.end() :])), 5)
        tail = after if not before else f"in {before}"
        body = _inverted(clause, subject, tail)
        bare_noun = not before or (
            len(before.split()) == 1 and before.endswith("s") and before.islower()
        )
        if body and bare_noun:
            typed.append(f"how much {body}")
    elif objects and predicate and not count:
        after = _cut(rest[objects.end() :], 5)
        body = _inverted(clause, subject, after)
        if body:
            typed.append(f"how many {objects['noun'].lower()} {body}")

    # A share: "Stoianoglo won about 97 percent in Gagauzia" -> "what percentage did alexandr
    # stoianoglo win in gagauzia"; "Turnout was about 54 percent" -> "what was turnout".
    share = _SHARE.match(rest)
    if share and predicate and not count:
        after = re.sub(rf"^\s*to\s+[^,]*?{_PERCENT}", "", rest[share.end() :])
        after = _cut(_without(after, _time_spans(after)), 6).strip(" ,")
        if clause.verb is not None:
            body = _inverted(clause, subject, after if after.startswith(("in ", "at ")) else "")
            if body:
                typed.append(f"what percentage {body}")
        elif clause.aux in ("was", "is", "were", "are") and len(subject.split()) <= 6:
            typed.append(f"what {clause.aux} {subject}")

    # "The price roughly doubled, from 60 to 120 tenge", "Inflation fell to 9 percent": a
    # change in an amount, which readers ask "how much did it rise" (the verb's own word is
    # rarely theirs: "doubled", "surged").
    change = _CHANGE.get(verb) if clause.aux is None and not count else None
    asked_much = any(q.startswith("how much") for q in typed)
    if change is not None and _AMOUNT_AFTER.search(rest) and not asked_much and not share:
        changed_in = _place_in(rest)
        tail = (
            f" in {changed_in.name}"
            if changed_in is not None and changed_in.name not in subject
            else ""
        )
        typed.append(f"how much did {subject} {change}{tail}")

    # "..., flooding thousands of homes": how many homes were flooded (there): a count, asked
    # before the day and place, is what readers of a disaster ask first.
    if effect:
        base = ing_base(effect["verb"])
        if base:
            where = f" in {lead_place.name}" if lead_place else ""
            typed.append(f"how many {effect['noun']} were {past_participle(base)}{where}")

    # How long: a duration in the predicate ("would stay shut for at least two months"); what
    # was said of the future is asked in the future ("how long will the bridge stay shut").
    duration = _DURATION.search(rest)
    if duration and clause.aux is not None and not count:
        aux = {"would": "will", "would be": "will be"}.get(clause.aux, clause.aux)
        body = _inverted(
            Clause(clause.subject, aux, clause.verb, rest, clause.lead),
            subject,
            _cut(_without(rest, [(duration.start(), duration.end()), *_time_spans(rest)])),
        )
        if body:
            typed.append(f"how long {body}")

    # When: a date in the predicate or the leading clause.
    if main_time or lead_time:
        core = _cut(_without(rest, time_spans))
        body = _inverted(clause, subject, core)
        if body:
            typed.append(f"when {body}")

    # Why: a cause or purpose.
    if cause:
        core = _cut(_without(rest[: cause.start()], _time_spans(rest[: cause.start()])))
        body = _inverted(clause, subject, core)
        if body:
            typed.append(f"why {body}")
    elif _LATE_CAUSE.search(rest) or _LATE_PURPOSE.search(rest):
        # "came down near Rushan, in the ... region, after three days of heavy snow": the
        # cause set off by a comma after the place; the question keeps the first part.
        body = _inverted(clause, subject, _cut(_without(first_part, _time_spans(first_part))))
        if body:
            typed.append(f"why {body}")

    # Where: a named place in the predicate (not the subject itself) or the leading clause.
    if place and place.name not in clause.subject:
        core = _cut(_without(rest, [(place.start, place.end), *time_spans]))
        body = _inverted(clause, subject, core)
        if body:
            typed.append(f"where {body}")
    elif lead_place and lead_place.name not in clause.subject:
        body = _inverted(clause, subject, _cut(_without(rest, time_spans)))
        if body:
            typed.append(f"where {body}")

    # "X was chaired by Y": who chaired X.
    agent = re.match(r"^by\s+(?P<agent>[^,\d][^,]*)", _without(rest, time_spans))
    if agent and clause.aux and clause.aux.split()[-1] in ("was", "were", "is", "are", "been"):
        base = base_form(verb) if verb else None
        if base and depth == 0:
            active = regular_past(base)
            typed.append(f"{_who(agent['agent'], names)} {active} {subject}")
    elif agent and clause.aux in ("is being", "are being", "was being", "were being"):
        # "The inquiry is being led by the committee": who is leading the inquiry.
        base = base_form(verb) if verb else None
        if base and depth == 0:
            now = "is" if clause.aux.split()[0] in ("is", "are") else "was"
            doing = present_participle(base)
            typed.append(f"{_who(agent['agent'], names)} {now} {doing} {subject}")

    # Who / what: the subject asked for.
    if predicate and not count and clause.verb is not None:
        wh = _who(clause.subject, names)
        core = _cut(_without(rest, _time_spans(rest, days_only=True)))
        # ("what began", with nothing after it, asks nothing; "what was held" does; nor does
        # "who reversed" of "... reversed that": its object was only a pronoun.)
        pronoun_object = rest.split()[:1] in (["that"], ["this"], ["it"], ["them"])
        asks = (wh == "who" and not pronoun_object) or bool(core) or bool(clause.aux)
        if (wh == "who" or clause.aux or is_past(verb)) and not verb.startswith("include") and asks:
            # (Not "what included dmitry utkin": what a list includes is asked from the list.)
            plain.append(f"{wh} {_agreeing(wh, predicate)} {core}")

    # "..., when hundreds of residents gathered ... to demand ...": ask about that clause too.
    if depth == 0:
        embedded = re.search(r",\s+(?:when|as|after)\s+(?P<clause>[a-z][^,]+(?:,[^,]+)?)$", rest)
        if embedded:
            inner = parse(embedded["clause"])
            if inner is not None and inner.subject.split()[0].lower() not in ("it", "they"):
                typed += [q for q in _from_clause(inner, names, setting, depth + 1) if
                          q.startswith(("why", "how many", "how much", "where"))][:2]  # fmt: skip

    # What was done: "delegates completed rules for carbon markets" -> "what did delegates
    # complete"; the object is the answer (never for a verb without one: "gave way").
    opener = rest.split(" ", 1)[0].lower().strip(",;:") if rest else ""
    relative = set(clause.subject.lower().split()) & {"that", "who", "whose", "which"}
    if (
        depth == 0
        and not relative
        and len(clause.subject.split()) <= 8
        and opener not in ("away", "way", "aside", "")  # "gave way", "stood aside": no object
        and clause.verb is not None
        and not count
        and opener
        and opener not in _NOT_OBJECT
        and base_form(verb) not in INTRANSITIVE
        and len(typed) + len(plain) < 3
    ):
        body = _inverted(clause, subject, "")
        if body:
            plain.append(f"what {body}")

    # "Russia does not recognise the court's authority": readers ask "does russia recognise
    # the court's authority", which the fact answers (no), not "what does russia not recognise".
    aux_words = (clause.aux or "").split()
    if depth == 0 and clause.verb is not None and aux_words[1:] == ["not"]:
        positive = Clause(clause.subject, aux_words[0], clause.verb, rest, clause.lead)
        core = _cut(_without(rest, time_spans))
        body = _inverted(positive, subject, core) if core else None
        if body:
            plain.insert(0, body)
    # A yes/no question when there is little else.
    if len(typed) + len(plain) < 2:
        core = _cut(_without(rest, time_spans))
        body = _inverted(clause, subject, core)
        # Not when the cut left the verb alone ("did the court order"): that asks nothing.
        # Nor when the cut took the pronoun object ("reversed that" -> "did the diaspora
        # reverse").
        # Nor when the predicate held only its time ("The mutiny began on the evening of
        # June 23" -> "did the mutiny begin"): the "when" question asks it.
        bare = not core and (
            rest.startswith("that ")
            or rest.split()[:1] in (["that"], ["this"], ["it"], ["them"])
            or bool(time_spans)
        )
        if body and not bare:
            plain.append(body)
    if lead_place and depth == 0:
        # The place a leading clause gives ("In the Russian city of Orsk, ...") is what
        # readers name: "when did the earthen dam give way in orsk".
        here = f"in {lead_place.name}"
        typed = [
            q if q.startswith("where") or lead_place.name.lower() in q.lower() else f"{q} {here}"
            for q in typed
        ]
    return typed + plain


# ------------------------------------------------------------------------- the check
def problem(question: str) -> str | None:
    """Why ``question`` is not a well-formed English question, or None if it is.

    Checked: length; it opens with a question word or an auxiliary; after "when", "where",
    "why" and "how" comes an auxiliary, after "who"/"what" a verb; who and what take a
    singular verb; no conjunction left at the start of its body ("was although ..."); no
    auxiliary doubled with a past tense ("were three people died", "did X gave"); no two
    finite verbs in a row ("what held were"); balanced quotes and brackets; one sentence; it
    does not break off at a function word; and the word-order checks of ``question_grammar``
    (no adverb or preposition where the subject goes, no second finite verb left behind, no
    two noun phrases in a row).
    """
    text = question.strip().rstrip("?").strip()
    words = [w.strip(",") for w in text.lower().split()]
    if not MIN_QUESTION_WORDS <= len(words) <= MAX_QUESTION_WORDS:
        return "too short" if len(words) < MIN_QUESTION_WORDS else "too long"
    if text.count('"') % 2 or text.count("(") != text.count(")"):
        return "unbalanced quotes or brackets"
    if re.search(r"[.!?;:]\s|\s-\s|\s\u2014\s", text):
        return "more than one sentence"
    first = words[0]
    if first not in _WH and first not in QUESTION_AUXILIARIES:
        return "does not open with a question word or auxiliary"
    if words[-1] in _DANGLING and words[-2:] != ["to", "do"]:  # "what do they plan to do"
        return f"breaks off at '{words[-1]}'"
    if words[-1].endswith(("'s", "’s")):
        return f"breaks off at the possessive '{words[-1]}'"  # "... recognise the court's"
    if words[1] in _CONJUNCTIONS or (len(words) > 2 and words[1] in QUESTION_AUXILIARIES
                                     and words[2] in _CONJUNCTIONS):  # fmt: skip
        return "a conjunction left at the start"
    if any(a == b for a, b in itertools.pairwise(words)):
        return "a word doubled"
    if len(words) > 2 and words[1] in QUESTION_AUXILIARIES and words[2] in _ADVERB_AFTER_AUX:
        return f"no subject after '{words[1]}'"
    if first in QUESTION_AUXILIARIES and words[1] in (_ADVERB_AFTER_AUX | {"only"}) - {"not"}:
        # "had in a video address he been ...", "did only last he admit ...": a yes/no
        # question's subject comes right after its auxiliary.
        return f"no subject after '{first}'"
    for comma in re.finditer(r",\s", text):
        # A comma in a question is a list's ("delegates, observers and journalists"); any
        # other is a clause or an aside left open ("did x, leader of the party come").
        if not re.match(r"(?:[\w'-]+\s+){0,3}?(?:and|or)\s", text[comma.end() :].lower()):
            return "a comma that opens no list"
    if (
        first in ("who", "what")
        and _DUMMY_IT.match(" ".join(words[1:]))
        and {"whether", "if", "that", "to"} & set(words[3:])
    ):
        return "a dummy 'it' asked as an actor"
    if _participle_subject(words, text):
        return "a participle's clause as the subject"
    if first == "how" and words[1] == "long":
        words = [first, *words[2:]]  # "how long will ...": the auxiliary after "how long"
    asks_how = first in ("when", "where", "why") or (
        first == "how" and words[1] not in ("many", "much")
    )
    if asks_how and words[1] not in QUESTION_AUXILIARIES:
        return f"no auxiliary after '{first}'"
    singular = ("is", "was", "has", "does")
    if first == "how" and words[1] == "many" and (words[2] in singular or words[3] in singular):
        return "'how many' takes a plural verb"
    if any(w.rstrip(",").isdigit() and w.endswith(",") for w in words[1:3]):
        return "a number left at the start"
    if first == "how" and words[1] in ("many", "much"):
        window = words[2:7]
        if not any(w in QUESTION_AUXILIARIES or _looks_finite(w) for w in window):
            return f"no verb after 'how {words[1]}'"
    if first in ("who", "what"):
        second = words[1]
        # ("what do officials say" and "what do they plan to do" are object questions.)
        say_or_do = "say" in words[3:] or words[-2:] == ["to", "do"]
        plural = second in ("were", "are", "have") or (second == "do" and not say_or_do)
        if plural and words[2] not in _DETERMINERS:
            return f"'{first} {second}': who and what take a singular verb"
        if not (second in QUESTION_AUXILIARIES or _looks_finite(second)) and first == "who":
            return "no verb after 'who'"
        verb_second = second in QUESTION_AUXILIARIES or _looks_finite(second)
        # "what regions include ...": a noun, then the verb
        verb_third = words[2] in QUESTION_AUXILIARIES or _looks_finite(words[2])
        if first == "what" and not verb_second and not verb_third:
            return "no verb after 'what'"
    for index, word in enumerate(words[:-1]):
        following = words[index + 1]
        if (
            _looks_finite(word)
            and not word.endswith("s")
            and following in QUESTION_AUXILIARIES
            and word not in AUXILIARIES
            and index > 0
        ):
            return f"two verbs in a row ('{word} {following}')"
    if first in ("who", "what") and len(words) > 3 and words[2] in _PARTICIPLE_PHRASE:
        # "who sent to the capital by the alliance flew home": the participle of a subject's
        # phrase taken for the verb, and the sentence's own past tense left in.
        for word in words[3:]:
            if word in QUESTION_AUXILIARIES or word in CLAUSE_OPENERS:
                break
            if _simple_past_only(word):
                return f"two verbs ('{words[1]}' ... '{word}')"
    aux_at = [i for i, w in enumerate(words) if w in QUESTION_AUXILIARIES]
    for index in aux_at:
        tail = words[index + 1 : index + 9]
        for word in tail:
            if word in QUESTION_AUXILIARIES:
                break
            base = base_form(word) if is_past(word) else None
            if word == base and words[index] in ("did", "does", "do"):
                continue  # "did the slide come down": a participle that is also the base form
            if base in INTRANSITIVE and words[index] not in ("has", "have", "had"):
                return f"'{words[index]} ... {word}': doubled auxiliary"
            if words[index] in ("did", "does", "do") and word in _PAST_ONLY:
                return f"'{words[index]} ... {word}': past tense after do-support"
        if words[index] in ("did", "does", "do"):
            # Past its first eight words too: a subject holding a participle's phrase ("did the
            # soldiers send to the capital by the alliance flew home") puts the sentence's own
            # verb further on. A clause of its own ("... the men who fled") may have one.
            for word in words[index + 9 :]:
                if word in QUESTION_AUXILIARIES or word in CLAUSE_OPENERS:
                    break
                if _simple_past_only(word):
                    return f"'{words[index]} ... {word}': past tense after do-support"
    return grammar_problem(text)


def _participle_subject(words: list[str], text: str) -> bool:
    """Does the question's subject open with an -ing participle's clause that a comma closes
    ("what did speaking to reporters on monday, the mayor say")? A gerund subject has no
    comma after it ("did voting end at 8 pm")."""
    at = 1 if words[0] in QUESTION_AUXILIARIES else 2 if words[1] in QUESTION_AUXILIARIES else None
    if at is None or at >= len(words) or not words[at].endswith("ing"):
        return False
    base = ing_base(words[at])
    return base is not None and could_be_verb(base) and "," in text.split(maxsplit=at + 1)[-1]


def _simple_past_only(word: str) -> bool:
    """Is ``word`` a past tense that is no participle ("flew", "went"; not "shot", "held",
    which may end a phrase such as "a video apparently shot in africa")?"""
    base = base_form(word) if word in _PAST_ONLY else None
    return base is not None and past_participle(base) != word


# What opens a participle's phrase inside a subject ("sent to", "detained in", "led by").
_PARTICIPLE_PHRASE = frozenset("to by in into from at near under during".split())


def _looks_finite(word: str) -> bool:
    return (
        word in IRREGULAR_PAST
        or (word.endswith("ed") and len(word) > 3)
        or (
            word.endswith("s")
            and not word.endswith("ss")
            and base_form(word) is not None
            and len(word) > 3
        )
    )
