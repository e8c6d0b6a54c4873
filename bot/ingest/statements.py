"""Which sentences state a fact, and how to make each one stand on its own.

A statement must be a declarative sentence of some length with a verb and something specific in
it (a name, a number, or topical words); questions, bylines, "Read more" links and one-word
headings are dropped. Referents the text makes clear are written out: "the incident" becomes
the named event the article introduced ("the Yekaterinburg raid incident"), "the two
countries"/"both sides" the two parties the article names most ("Russia and Azerbaijan").
Linking words that only tie a sentence to the one before ("However,", "In response,") are
dropped; when they carry the reason ("In response", "Despite this") the fact is linked to the
previous one, which holds it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.core.english_stems import specificity, stem
from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold
from bot.core.number_words import number_pattern
from bot.ingest import dates
from bot.ingest.article_context import ArticleContext
from bot.ingest.entities import EntityIndex, raw_entities
from bot.ingest.event_phrase import Event
from bot.ingest.lexicon import is_topic_noun, simple_past
from bot.ingest.models import Statement
from bot.ingest.referents import Referents
from bot.ingest.sentences import strip_dateline

MIN_WORDS = 6
MAX_CHARS = 1_200

_BOILERPLATE = re.compile(
    r"\b(?:click here|read more|subscribe|sign up|newsletter|all rights reserved|cookies?|"
    r"advertisement|follow us|share this|related articles?|copyright|terms of (?:use|service)|"
    r"privacy policy|log ?in|javascript)\b",
    re.IGNORECASE,
)
# Linking words that tie a sentence to the one before. Those in the second group carry the
# reason ("In response" to what was said before): the fact is linked to the previous one.
_CONNECTIVE = re.compile(
    r"^(?:(?P<plain>However|Meanwhile|Moreover|Furthermore|Additionally|In addition|Also|Still|"
    r"Nevertheless|Nonetheless|Indeed|Instead|Now|Yet|But|And)|"
    r"(?P<linked>In response|Despite this|Despite that|As a result|Consequently|Therefore|"
    r"Because of this|In turn|After that|Following this|Thus|Hence)),\s+",
    re.IGNORECASE,
)
_VERB_HINT = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|may|might|can|could|shall|"
    r"should|must|did|does|do)\b|\b[a-z]{2,}(?:ed|es|s)\b|\b(?:said|says|led|lost|made|took|"
    r"became|began|went|came|held|met|won|told|found|gave|left|sent|set|put|ran|saw|fell|rose|"
    r"paid|kept|brought|fought|struck|spoke|wrote|chose|broke|drove|grew|knew|threw|bought|"
    r"caught|meant|felt|stood|built|spent|shot|hit|cut|seeks?|says?|continues?)\b"
)
_EVENT_NOUNS = (
    "raid|incident|attack|bombing|explosion|blast|crash|shooting|strike|strikes|protest|"
    "protests|riot|riots|earthquake|flood|floods|fire|collapse|summit|election|referendum|"
    "deal|agreement|talks|scandal|operation|war|ceasefire|massacre|coup|standoff|clash|clashes"
)
# "the Yekaterinburg raid incident": a capitalised name then event nouns.
_NAMED_EVENT = re.compile(
    rf"\b(?:[A-Z][\w'-]*\s+){{1,3}}(?:[a-z]+\s+){{0,1}}(?:{_EVENT_NOUNS})(?:\s+(?:{_EVENT_NOUNS}))?\b"
)
# Anaphoric mentions of that event: "the incident", "the tragic event", "this attack".
_EVENT_ANAPHOR = re.compile(
    rf"\b(?P<det>[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:tragic|deadly|fatal|latest|recent|violent)\s+)?"
    rf"(?P<noun>event|{_EVENT_NOUNS})\b"
)
_LEADING = frozenset(
    "The A An This That These Those In On At After Before Despite Following During".split()
)
_PAIR_ANAPHOR = re.compile(
    r"\b(?P<both>[Bb]oth sides|[Bb]oth countries|[Bb]oth nations|[Bb]oth governments)\b|"
    r"\b(?P<the>[Tt]he two (?:countries|nations|sides|states|neighbou?rs|governments))\b"
)


# A count written in words ("nine years", "three people"): wire style spells out numbers
# under ten, which state a fact as much as digits do.
_WORD_COUNT = re.compile(
    rf"\b(?:{number_pattern()})\s+(?:[a-z]+\s+)?(?:years?|months?|weeks?|days?|hours?|"
    r"people|persons|men|women|children|times|votes|seats|members|soldiers|troops|deaths?|"
    r"dead|injured|killed|percent|per cent)\b",
    re.IGNORECASE,
)


def is_statement(sentence: str) -> bool:
    """True if ``sentence`` states a fact worth answering (not a question, heading or link)."""
    text = sentence.strip()
    if not text or text.endswith("?") or len(text) > MAX_CHARS:
        return False
    words = text.split()
    if len(words) < MIN_WORDS or _BOILERPLATE.search(text):
        return False
    if not _VERB_HINT.search(text):
        return False
    if text[-1] not in ".!\"')" and not text[-1].isalnum():
        return False
    content = [w for w in fold(text).split() if w not in STOPWORDS]
    has_name = bool(raw_entities(text[1:]))  # the first word is capitalised anyway
    has_number = bool(re.search(r"\d", text)) or _WORD_COUNT.search(text) is not None
    topical = sum(1 for w in content if specificity(w) >= 0.5)
    return has_name or has_number or topical >= 3


def interrogatives(sentences: list[str]) -> list[str]:
    """The questions the article asks itself ("Could Russia forfeit ...?"), as plain questions."""
    out = []
    for sentence in sentences:
        for part in re.split(r"(?<=[:;])\s+", sentence):
            if part.endswith("?") and len(part.split()) >= 3:
                out.append(part.rstrip("?").strip())
    return out


class ReferentResolver:
    """Writes out "the incident" and "the two countries" where the article makes them clear."""

    def __init__(self, entities: EntityIndex) -> None:
        pair = entities.main_pair()
        # Only two countries (both named by a demonym too) are "the two countries": a city
        # and its country ("Baku", "Azerbaijan") are no pair of neighbours.
        self._pair = pair if pair and all(entities.has_demonym(p) for p in pair) else None
        # Named events seen so far, with how often the article has named them.
        self._events: dict[str, int] = {}

    def _note_events(self, sentence: str) -> None:
        for match in _NAMED_EVENT.finditer(sentence):
            words = match.group().split()
            while words and words[0] in _LEADING:
                words.pop(0)
            if len(words) < 2 or not words[0][:1].isupper():
                continue
            event = " ".join(words)
            # Re-inserted so that among equally frequent events the latest comes last.
            self._events[event] = self._events.pop(event, 0) + 1

    def _event_for(self, noun: str) -> str | None:
        """The event "the <noun>" refers to: the article's most named event with that noun."""
        fitting = [
            (noun in event.split(), count, order, event)
            for order, (event, count) in enumerate(self._events.items())
            if noun in ("event", "incident") or noun in event.split()
        ]
        return max(fitting)[3] if fitting else None

    def resolve(self, sentence: str) -> str:
        """``sentence`` with its referents written out (the first mention of each only)."""
        text = sentence
        match = _EVENT_ANAPHOR.search(text)
        # "the raid" after "the Yekaterinburg raid incident" is that raid; "the talks" is not.
        event = self._event_for(match["noun"]) if match else None
        if match and event:
            article = "The" if match["det"][0].isupper() else "the"
            text = f"{text[: match.start()]}{article} {event}{text[match.end() :]}"
        if self._pair is not None:
            first, second = self._pair
            match = _PAIR_ANAPHOR.search(text)
            if match:
                if match["both"]:
                    word = "Both" if match["both"][0] == "B" else "both"
                    replacement = f"{word} {first} and {second}"
                else:
                    replacement = f"{first} and {second}"
                text = f"{text[: match.start()]}{replacement}{text[match.end() :]}"
        self._note_events(sentence)
        return text


def strip_connective(sentence: str) -> tuple[str, bool]:
    """``sentence`` without a leading linking word, and whether its context is the one before."""
    match = _CONNECTIVE.match(sentence)
    if not match:
        return sentence, False
    rest = sentence[match.end() :]
    return rest[:1].upper() + rest[1:], match["linked"] is not None


# Sentences that only announce what follows: they state nothing a reader would ask about.
_SETUP = re.compile(
    r"\bcame on (?:two|three|several|many|multiple) fronts\b"
    r"|^There (?:were|are|was|is) (?:several|many|two|three|four|a few|a number of|mixed) "
    r"(?:reasons|factors|explanations|questions|ways|reactions|signs|problems)\b"
    r"|^Here(?:'s| is| are) (?:what|how|why|the)\b|\bwhat we know\b|\bas follows\b|:$"
    r"|\b(?:does|did|do) not (?:stop|end) (?:at|there)\b|\bstepped up (?:the )?pressure\b"
    r"|\bdrew (?:\w+ )?(?:reactions|responses|criticism|condemnation)\b"
    r"|^(?:The )?(?:reactions?|responses?) (?:was|were|came) (?:swift|mixed|quick|immediate)\b"
    r"|^(?:The|That) (?:was|is) not (?:all|the end|the only)\b"
    r"|^(?:But )?(?:the|this) (?:story|picture|situation) (?:is|was) (?:more )?"
    r"(?:complicated|complex|different)\b",
    re.IGNORECASE,
)
SETUP_MAX_WORDS = 12
# A sentence carrying on the one before ("Some in the crowd ...", "Many of them ..."): it
# joins that sentence's fact rather than standing alone.
_CONTINUES = re.compile(
    r"^(?:Some|Many|Most|Several|Others|A few|Few|None|All|Hundreds|Thousands|Dozens)\s+"
    r"(?:of|in|among)\s+(?:the|those|them|these|whom)\b(?!\s+\w+\s+(?:of|in)\b)"
    r"|^(?:Among them|Of those|Of them)\b"
)
# A sentence whose subject is a pronoun ("He also accused ..."): the same person's fact.
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She|They|His|Her|Their)\s+(?=[a-z])")
# "The rules govern ..." after "... completed rules for ...": the same thing, said further.
_DEFINITE_SUBJECT = re.compile(r"^(?:The|These|This|Those|Such)\s+(?P<noun>[a-z]+)\b")
_REPORTED = re.compile(
    r"^[^,]{0,80}?\b(?:said|says|told|described|called|acknowledged|warned|complained)\b"
)
MAX_CARRIED = 3
"""At most this many sentences in one fact."""
# "Almost 40 percent of the fuel had escaped, he said, ...", "Speaking to parliament, he said
# ...": a saying whose speaker is only a pronoun, told after an opening phrase or after what
# was said. It goes on with what the person named just before said (a sentence opening on the
# pronoun, "He also said ...", is ``_PRONOUN_SUBJECT``'s); alone, a reader cannot tell who said it.
_PRONOUN_SPEAKER = re.compile(
    r",\s+(?:he|she|they)\s+(?:also\s+|later\s+)?(?:said|says|added|adds|told|argued|insisted|"
    r"warned|stressed|noted|wrote|complained)\b"
)


# "The move deepens a rift ...": the subject is the action the sentence before told of.
_ACTION_ANAPHOR = re.compile(
    r"^(?:The|This|That|Such a)\s+(?:move|decision|step|announcement|development|change|"
    r"ruling|shift|u-turn|reversal)\b"
)
# "In March 2023 it withdrew ...": "it" or "they" as the subject, after any opening phrase.
_BARE_PRONOUN = re.compile(
    r"^(?:(?:In|On|By|Since|Last|Earlier|Later)\b[^,]{0,30}?,?\s+)?(?:it|they|It|They)\s+[a-z]+"
)
_BARE_PRONOUN_WORD = re.compile(r"\b(?:it|they|It|They)\b")
# ("Yerevan's city council's second attempt": the council's, whose name holds a possessive.)
_POSSESSOR = re.compile(
    r"\b(?P<owner>[A-Z][\w-]*(?: [A-Z][\w-]*)*'s (?:[a-z-]+ ){0,2}[a-z-]+|"
    r"the (?:[a-z-]+ ){0,2}[a-z-]+|[A-Z][\w-]*(?: [A-Z][\w-]*)*)'s\b"
)
# "When temperatures rose ...", "As the water receded ...": the narration goes on.
_NARRATION = re.compile(r"^(?:When|As|Once|Then|Soon after|Within days|By then)\b")
SHORT_WORDS = 12
"""A sentence this short states too little alone: the one narrating on from it joins it."""
MAX_SHARED_DF = 3
"""A word shared with the sentence before ties two sentences only if at most this many of the
article's sentences use it ("rallies" after "rallied"; not "delegates" in a summit report)."""


def content_stems(text: str) -> set[str]:
    """Stems of ``text``'s content words (what two sentences may share)."""
    return {stem(w) for w in fold(text).split() if w not in STOPWORDS and len(w) > 2}


# "the rallies", "these markets": a definite mention, in the opening words, of something.
_DEFINITE_MENTION = re.compile(
    r"\b(?:the|these|those)\s+(?P<noun>[a-z]+)\b(?:\s+(?P<second>[a-z]+)\b)?"
)
OPENING_WORDS = 8


def shares_topic(sentence: str, previous: str, rare: set[str]) -> bool:
    """Does ``sentence`` open on a definite mention of a thing ``previous`` named, that few
    other sentences of the article name ("Police broke up several of the rallies" after
    "... rallied on Rustaveli Avenue"; "After the president declined to sign" after the
    president's veto)? Words the whole article uses (its event, its country) tie nothing."""
    opening = " ".join(sentence.split()[:OPENING_WORDS])
    before = content_stems(previous) & rare
    # The noun is the word after the determiner, or the one after that ("the new target").
    nouns = [w for m in _DEFINITE_MENTION.finditer(opening) for w in (m["noun"], m["second"]) if w]
    # "the incident", "the talks": the event itself, which many sentences go back to.
    events = set(_EVENT_NOUNS.split("|")) | {"event", "incident", "conference", "disaster"}
    return any(
        stem(w) in before and w not in STOPWORDS and w not in events and is_topic_noun(w)
        for w in nouns
    )


def carries_on(sentence: str, previous: str, context: ArticleContext | None) -> bool:
    """Does ``sentence`` say more about what ``previous`` (the sentence before) is about, so
    that a reader wants both in one answer? "He also accused ..." after what President Aliyev
    said; "The rules govern ..." after the rules were agreed; one reaction after another
    ("Nigeria's representative described the figure as an insult." after India's)."""
    if _PRONOUN_SUBJECT.match(sentence):
        return True
    definite = _DEFINITE_SUBJECT.match(sentence)
    if definite:
        noun = definite["noun"]
        event = context.event if context is not None else None
        if event is None or not event.refers_back(noun):
            earlier = {stem(w) for w in fold(previous).split()}
            if stem(noun) in earlier and noun not in STOPWORDS:
                return True
    return bool(
        _REPORTED.match(sentence) and _REPORTED.match(previous) and is_brief_reaction(sentence)
    )


# "... the only business holding such a concession": a kind of thing named just before.
_SUCH_A = re.compile(r"\bsuch an? (?P<noun>[a-z]+)\b")


def _refers_to_previous(sentence: str, previous: str) -> bool:
    """Does ``sentence`` lean on ``previous`` for what it names, so that it cannot stand
    alone ("Only one company held such a concession." after the law on concessions)? A reader
    asking about either wants both sentences. (A count's remainder, "the other 12", also leans
    on the one before, but joined it was measured to cost more than it gave: a party's own
    result joined to the runner-up's is no longer asked of alone.)"""
    such = _SUCH_A.search(sentence)
    if such is None or such["noun"] in STOPWORDS:
        return False
    return stem(such["noun"]) in {stem(w) for w in fold(previous).split()}


def _speaker_told_before(sentence: str, previous: str, context: ArticleContext | None) -> bool:
    """Is ``sentence`` more of what someone ``previous`` names said, told with only a pronoun
    for the speaker ("A letter he had sent ... had gone unheeded, he said." after the UN chief's
    regret)? ``previous`` must report a saying or name one of the article's people for the
    pronoun to stand for (a place it names is no speaker); a sentence naming its own speaker
    ("..., the governor said") is a statement of its own."""
    if _PRONOUN_SPEAKER.search(sentence) is None:
        return False
    if _REPORTED.match(previous) is not None:
        return True
    people = context.people if context is not None else {}
    return any(re.search(rf"\b{re.escape(name)}\b", previous) for name in people)


REACTION_MAX_WORDS = 15
"""A reported sentence this short, with no number, is a reaction to what the one before said."""


def is_brief_reaction(sentence: str) -> bool:
    """Is ``sentence`` (reported speech) only a reaction ("Nigeria's representative described
    the figure as an insult.")? One that brings its own figures or runs long is a statement of
    its own ("Residents said the same slope had slid twice in the past decade, ..."), and a
    reader asks about it apart from the one before: it gets its own fact."""
    return len(sentence.split()) <= REACTION_MAX_WORDS and not re.search(r"\d", sentence)


# Small words left over once a sentence stands alone: "Russia then declared" -> "declared".
_LEFTOVER = re.compile(r"(?<=[a-z]) then (?=[a-z]+(?:ed|t)\b)")


def is_quote(sentence: str) -> bool:
    """Mostly a direct quotation ("'The coming days will be hard,' the official said."):
    colour, not a fact to answer with."""
    text = sentence.strip()
    if not text.startswith('"'):
        return False
    quoted = sum(len(q) for q in re.findall(r'"[^"]*"', text))
    return quoted >= 0.4 * len(text)


def is_setup(sentence: str) -> bool:
    """A short sentence that only announces what follows ("Russia's response came on two
    fronts.", "There were several reasons.", "Here is what we know.")."""
    if len(sentence.split()) > SETUP_MAX_WORDS or re.search(r"\d", sentence):
        return False
    return _SETUP.search(sentence.strip().rstrip(".")) is not None or sentence.rstrip().endswith(
        ":"
    )


def _date_note(mention: dates.DateMention, published: dt.date | None) -> str | None:
    if not mention.relative:
        return None
    if mention.text.lower().endswith(("later", "earlier")) or dates.counted_from_day_before(
        mention.text
    ):
        return f'"{mention.text}": counted from the day named before it'
    if published is None:
        return None
    if mention.date is not None and (published - mention.date).days > dates.FLASHBACK_DAYS:
        return f'"{mention.text}": in the week of the day named before it'
    if mention.precision == "week":
        return f'"{mention.text}": about, a week before publication ({dates.spell(published)})'
    return f'"{mention.text}": counted from the publication date ({dates.spell(published)})'


# A main clause after another: ", and a closing ceremony was held ...", "; the road ...".
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while)\s|;\s")


def _told_after(sentence: str, said: dates.DateMention, own: dates.DateMention) -> bool:
    """Is ``own`` the day of an event told in a main clause after the one saying on ``said``
    that something would happen? Then the fact is about that event, not about the saying."""
    return (
        own.precision == "day"
        and own.start > said.start
        and _NEXT_CLAUSE.search(sentence, said.end, own.start) is not None
    )


def _owner(sentence: str) -> re.Match[str] | None:
    """Whose doing a following "it" is, by the possessive ``sentence`` names: the one its
    predicate names first ("Georgia's law is Georgian Dream's second attempt. In March it
    withdrew ..." is the party's doing, not Georgia's), else its first."""
    copula = re.search(r"\s(?:is|was|are|were)\s", sentence)
    in_predicate = _POSSESSOR.search(sentence, copula.end()) if copula else None
    return in_predicate or _POSSESSOR.search(sentence)


def statements(
    sentences: list[str],
    entities: EntityIndex,
    context: ArticleContext | None = None,
) -> list[Statement]:
    """The fact-stating sentences, cleaned and made to stand alone, in article order.

    Quotations, set-up sentences and what is no statement are left out; a sentence carrying
    on the one before joins its fact. With ``context`` (the article's event, people and
    publication date), people, the event and relative days are written out and each
    statement carries the day its event happened, if the article gives it.
    """
    resolver = ReferentResolver(entities)
    referents = Referents(context) if context is not None else None
    published = context.published if context is not None else None
    rare = _rare_stems(sentences, context)
    out: list[Statement] = []
    dropped: tuple[int, str] | None = None
    """The last sentence left out, with its position (it may hold what "it" refers to)."""
    last_position = -1
    """The last sentence that went into a statement (what a sentence carrying on joins)."""
    for position, raw in enumerate(sentences):
        sentence = strip_dateline(raw) if position == 0 else raw
        previous = out[-1] if out else None
        next_to = (
            previous is not None
            and last_position == position - 1
            and previous.position > 0  # the lede is the overview: kept to itself
        )
        # A comment on the action before ("The move deepens a rift") that cannot join it
        # names nothing a reader could place: left out like a set-up sentence.
        orphan = _ACTION_ANAPHOR.match(sentence) is not None and not next_to
        if not is_statement(sentence) or is_quote(sentence) or is_setup(sentence) or orphan:
            resolved = _learn_from(sentence, resolver, referents)
            dropped = (position, resolved) if not is_quote(sentence) and not orphan else None
            continue
        text, linked = strip_connective(sentence)
        lead = _thin_lead(dropped, position, text)
        dropped = None
        read = _read(sentence, text, resolver, referents, published)
        if (
            previous is not None
            and next_to
            and _carries_on_previous(sentence, read.text, previous, context, rare)
            and len(previous.text) + len(read.text) < MAX_CHARS
        ):
            _join(previous, sentence, raw, read.text, referents, published)
        else:
            follows = linked and bool(out)
            out.append(
                _statement(sentences, position, sentence, read, lead, published, follows=follows)
            )
        last_position = position
    return out


def _learn_from(sentence: str, resolver: ReferentResolver, referents: Referents | None) -> str:
    """A sentence left out, read all the same for the events and people it names, which
    later sentences may refer to; returns it with those written out."""
    resolved = resolver.resolve(sentence)
    if referents is not None:
        resolved = referents.resolve(resolved)
        referents.note(sentence)
    return resolved


def _thin_lead(dropped: tuple[int, str] | None, position: int, text: str) -> str | None:
    """ "The law is the ruling party's second attempt. In March 2023 it withdrew ...": a
    short sentence left out just before (``dropped``) as too thin holds what "it" is; it
    leads the fact instead."""
    if (
        dropped is not None
        and dropped[0] == position - 1
        and (_BARE_PRONOUN.match(text) or _NARRATION.match(text))
        and len(dropped[1].split()) <= SHORT_WORDS
        and dropped[1].rstrip().endswith(".")
    ):
        return dropped[1].strip()
    return None


@dataclass(frozen=True, slots=True)
class _Read:
    """A kept sentence as the referents read it."""

    text: str
    """Its words, with the names, the event and the days it refers to written out."""
    told: Event | None
    """The event it tells of, when another than the article's main one."""
    background: bool
    """It tells of another time than the story's (``Statement.background``)."""
    mention: dates.DateMention | None
    """The day it gives, reported or not."""
    own: dates.DateMention | None
    """The day of what it tells happened (not of a saying)."""


def _read(
    sentence: str,
    text: str,
    resolver: ReferentResolver,
    referents: Referents | None,
    published: dt.date | None,
) -> _Read:
    """``text`` (``sentence`` without its connective) with what it refers to written out, and
    the event and days it tells of; the referents then note ``sentence``."""
    text = resolver.resolve(text)
    mention = own = None
    told = None
    background = False
    if referents is not None:
        text = referents.resolve(text)
        told = referents.current
        background = referents.background
        mention = dates.event_date(sentence, published, **referents.anchored())
        own = dates.event_date(sentence, published, spoken=False, **referents.anchored())
        referents.note(sentence)
    return _Read(_LEFTOVER.sub(" ", text), told, background, mention, own)


def _carries_on_previous(
    sentence: str,
    text: str,
    previous: Statement,
    context: ArticleContext | None,
    rare: set[str],
) -> bool:
    """Whether ``sentence`` (``text`` as read) carries on ``previous``, the statement right
    before it, and joins its fact: it says so ("It also ..."), or, while the fact holds few
    sentences, it goes on with what the one before told, its action, or its topic."""
    return _CONTINUES.match(text) is not None or (
        len(previous.sources) < MAX_CARRIED
        and (
            carries_on(sentence, previous.sources[-1], context)
            or _speaker_told_before(sentence, previous.sources[-1], context)
            or _refers_to_previous(sentence, previous.sources[-1])
            or _ACTION_ANAPHOR.match(sentence) is not None
            or _BARE_PRONOUN.match(text) is not None
            or shares_topic(sentence, " ".join(previous.sources), rare)
            or (
                _NARRATION.match(sentence) is not None
                and len(previous.sources[-1].split()) <= SHORT_WORDS
            )
        )
    )


def _join(
    previous: Statement,
    sentence: str,
    raw: str,
    text: str,
    referents: Referents | None,
    published: dt.date | None,
) -> None:
    """``sentence`` (``raw`` as the article wrote it, ``text`` as read) joined to the fact of
    ``previous``, as one more part its questions are asked of."""
    if _PRONOUN_SUBJECT.match(sentence):
        # "He also accused ...": right after the person's name, the pronoun reads.
        text, _ = strip_connective(sentence)
        anchored: dates.Anchored = (
            referents.anchored() if referents else {"anchor": None, "anchor_weekday": False}
        )
        text = dates.absolute(text, published, **anchored)
    previous.text = f"{previous.text} {text}"
    owner = _owner(previous.parts[-1]) if previous.parts else None
    if owner is not None and _BARE_PRONOUN.match(text):
        # Asked of with "it" written out: "when did the council drop a similar plan".
        previous.parts.append(_BARE_PRONOUN_WORD.sub(owner["owner"], text, count=1))
    else:
        previous.parts.append(text)
    previous.sources.append(raw)


def _statement(
    sentences: list[str],
    position: int,
    sentence: str,
    read: _Read,
    lead: str | None,
    published: dt.date | None,
    *,
    follows: bool,
) -> Statement:
    """The statement of the sentence at ``position`` (``sentence``, its dateline stripped, as
    ``read``), led by ``lead``, the thin sentence before it, if any, and dated as of
    ``published``; ``follows``: it opens on a connective after an earlier statement."""
    raw = sentences[position]
    text = read.text
    sources = [raw]
    parts = [uninverted(text)]
    if lead is not None:
        sources.insert(0, sentences[position - 1])
        # Questions are asked of the sentence itself, "it" written out as the one the lead
        # names by a possessive ("the ruling party's second attempt").
        owner = _owner(lead)
        if owner is not None:
            parts = [_BARE_PRONOUN_WORD.sub(owner["owner"], text, count=1)]
        text = f"{lead} {text}"
    statement = Statement(
        text, raw, position, follows_previous=follows, sources=sources, parts=parts
    )
    statement.event = read.told
    statement.background = read.background
    mention, own = read.mention, read.own
    if mention is not None and own is not None and _told_after(sentence, mention, own):
        # "The ministry announced on 18 April that the centre would close, and a closing
        # ceremony was held there on 26 April": the fact is dated by what happened.
        mention = own
    if mention is not None:
        statement.date = mention.date
        statement.date_note = _date_note(mention, published)
    if own is not None and own.precision == "day":
        statement.own_day = own.date
    return statement


# "Only last year did Pavel Renko admit taking loans": a subject after an inverted "did".
_ONLY_INVERTED = re.compile(
    r"^(?P<lead>Only\b[^,]{0,40}?)\s+(?P<aux>did|had|has|was|were|would|could)\s+"
    r"(?P<subject>(?:[A-Z][\w'’.-]*\s+){1,5})(?P<verb>[a-z]+)\b(?P<rest>.*?)[.!]?$"
)


def uninverted(text: str) -> str:
    """ "Only last year did Pavel Renko admit taking loans." -> "Pavel Renko admitted taking
    loans last year.": the order questions are asked of ("what did pavel renko admit")."""
    match = _ONLY_INVERTED.match(text)
    if match is None:
        return text
    # "only" stays out: "when did ... admit owning the mine only" is no question.
    when = re.sub(r"^Only\s+", "", match["lead"])
    aux = match["aux"]
    verb = simple_past(match["verb"]) if aux == "did" else f"{aux} {match['verb']}"
    rest = match["rest"]
    joint = "," if "," in rest else ""
    return f"{match['subject'].strip()} {verb}{rest}{joint} {when}."


def _rare_stems(sentences: list[str], context: ArticleContext | None) -> set[str]:
    """Stems used by at most ``MAX_SHARED_DF`` of the article's sentences, leaving out the
    main event's own words (every sentence is about it)."""
    df: dict[str, int] = {}
    for sentence in sentences:
        for word in content_stems(sentence):
            df[word] = df.get(word, 0) + 1
    event = context.event if context is not None else None
    common = content_stems(event.phrase()) if event is not None else set()
    if context is not None and context.country:
        common |= content_stems(context.country)
    return {w for w, n in df.items() if n <= MAX_SHARED_DF and w not in common}
