"""A news sentence's main clause, read by light rules: subject, verb group and what follows.

A leading clause ("In the Russian city of Orsk, ...", "Two days before the verdict, ...") and
asides between commas or dashes are set apart, an attribution ("..., the ministry said") is
dropped, the subject is what comes before the first verb group, and the verb group is an
auxiliary chain ("has been evacuated") or a finite verb ("gave", "says"). ``questions`` asks
about the clause; ``verbs_in`` tells which words of a text are used as verbs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold
from bot.ingest import dates
from bot.ingest.clause_words import (
    DANGLING,
    DETERMINERS,
    MONTHS_AND_DAYS,
    POSSESSIVES,
    SAID,
    SAY_VERBS,
    THAT_VERBS,
    simple_past_only,
)
from bot.ingest.lexicon import (
    AUXILIARIES,
    BARE_VERB_AUXILIARIES,
    CLAUSE_OPENERS,
    IRREGULAR_PAST,
    QUESTION_AUXILIARIES,
    base_form,
    could_be_verb,
    ing_base,
    is_past,
    past_participle,
)
from bot.ingest.time_spans import time_spans_in, without

_AUX_CHAIN = re.compile(
    r"^(?P<aux>is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|"
    r"shall|does|do|did)\b(?P<neg> not)?(?P<adverbs>(?: (?:also|still|already|now|since|then|"
    r"just|reportedly|previously|recently|finally|effectively|largely|repeatedly|further|"
    r"initially|later|again|even|never|only|formally|officially|[a-z]+ly))*)"
    r"(?P<more>(?: (?:been|be|being|have|had)\b)*)(?: (?P<main>[a-z][a-z-]*))?"
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


# ", in a statement,", ", at a news conference,": where or how something was said or done,
# set off between commas (a short phrase on a determiner; "at least 40" is no such phrase).
_PHRASE_ASIDE = re.compile(
    r",\s+(?:in|at|on|during|after|through|via)\s+(?:a|an|the|its|his|her|their)\s+"
    r"(?:[\w'-]+\s+){0,3}[\w'-]+,\s*"
)


# (A comma inside a number, "200,000", neither ends an aside nor closes one.)
# ", including the United States, China, India, France and Germany,": a list as an aside.
_LIST_ASIDE = re.compile(
    r"\s*,\s*(?:including|such as|among them)\b[^,]*(?:,[^,]*?)*\band\b[^,]*,\s*"
)


_DASHES = re.compile(r"\s*\u2014[^\u2014]*(?:\u2014|$)\s*")


_PARENS = re.compile(r"\s*\([^)]*\)")


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


def plain_text(text: str) -> str:
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
    words = plain_text(text).split()
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
    text = _PARENS.sub("", _DASHES.sub(", ", plain_text(statement)))
    leads, text = _lead_ins(text)
    words = _without_asides(text).split()
    if len(words) < 3:
        return None
    return _subject_and_verb(words, ", ".join(leads))


def _lead_ins(text: str) -> tuple[list[str], str]:
    """The lead-ins ``text`` opens with (a date or time, a participle's or a subordinate
    clause, "Two days before the verdict"), each set apart, and the text after them."""
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
    return leads, text


def _without_asides(text: str) -> str:
    """``text`` without what is no part of its main clause: who said it (", the ministry
    said on Thursday"), an aside or a list between commas, a list of who came next ("...,
    followed by X and Y"), and what follows a colon."""
    text = _ATTRIBUTION.sub("", text)
    text = _MID_ATTRIBUTION.sub(",", text)
    text = _ranking_tail(text)
    text = _LIST_ASIDE.sub(" ", text)
    # (The phrase first: its closing comma would open an aside of a verb's -ed form.)
    text = _PHRASE_ASIDE.sub(" ", text)
    text = _ASIDE.sub(" ", text)
    text = re.sub(r"\s+,", ",", text)
    return re.split(r":\s", text, maxsplit=1)[0]


def _subject_and_verb(words: list[str], leads_text: str) -> Clause | None:
    """The main clause of the sentence ``words``: the first verb group a subject can stand
    before (not a relative clause's verb, nor a participle's), with ``leads_text``, the
    lead-ins set apart before it, and any found inside the subject."""
    relative = False
    for index in range(1, min(len(words), 16)):
        if index >= 12 and not relative:
            break  # (a subject runs longer only with a relative clause in it)
        lowered = " ".join(words[index:]).lower()
        chain = _AUX_CHAIN.match(lowered)
        subject = " ".join(words[:index]).strip(" ,")
        if not subject or subject.split()[-1].lower() in DANGLING:
            continue
        lead = leads_text
        if len(subject.split()) > 1 and subject.split()[-1] in ("he", "she", "they", "it", "we"):
            # "In a video address he said ...", "for months he had accused ...": a lead-in
            # without its comma, and the subject is the pronoun (asked about by no question).
            lead = ", ".join(p for p in (lead, " ".join(subject.split()[:-1])) if p)
            subject = subject.split()[-1]
        said = _SAID_THAT.match(subject)
        if said and (said["verb"] in SAY_VERBS or said["verb"] in _THAT_SAY):
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
    if words[index].endswith(",") or bare in SAY_VERBS or bare in THAT_VERBS or bare in SAID:
        return False
    base = base_form(bare) if is_past(bare) else None
    if base is None or past_participle(base) != bare:
        return False  # "flew", "went": a simple past is no participle
    following = words[index + 1].lower() if index + 1 < len(words) else ""
    if following in DETERMINERS or following in POSSESSIVES:
        return False  # "Gutsul won the election ...": a verb with its object
    for later in range(index + 1, min(len(words), index + 10)):
        word = words[later]
        bare_later = word.lower().strip(",")
        if bare_later in CLAUSE_OPENERS or bare_later in _NEW_SUBJECT:
            return False
        if word.islower() and (
            bare_later in QUESTION_AUXILIARIES - {"do"} or simple_past_only(bare_later)
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
        if re.fullmatch(MONTHS_AND_DAYS, word, re.IGNORECASE) or before.lower() in DETERMINERS:
            continue
        if before.lower() in _NOT_AFTER_LEAD:
            continue  # "on the day of | the breach": the lead-in's own noun phrase goes on
        # ("Within hours about 200,000 residents ...", "By then 3,000 people ...": a count
        # opens the subject too.)
        counted = word[:1].isdigit() or (
            word.lower() in _ABOUT and index + 1 < len(words) and words[index + 1][:1].isdigit()
        )
        opens = (
            word.lower() in DETERMINERS | POSSESSIVES
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
    spans = time_spans_in(subject)
    undated = without(subject, spans).strip(" ,") if spans else subject
    # "Monday was declared a day of mourning": the date is the subject itself, not a time
    # said beside it.
    subject = undated or subject
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
