"""When a sentence joins the fact of the one before instead of standing alone: a linking word
("In response,"), a pronoun subject or speaker, "such a <noun>", a definite mention of what the
sentence before named, or a thin sentence whose "it" the next one needs.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.core.english_stems import stem
from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold
from bot.ingest import dates
from bot.ingest.article_context import ArticleContext
from bot.ingest.lexicon import is_topic_noun
from bot.ingest.models import Statement
from bot.ingest.referent_resolver import EVENT_NOUNS
from bot.ingest.referents import Referents

# Linking words that tie a sentence to the one before. Those in the second group carry the
# reason ("In response" to what was said before): the fact is linked to the previous one.
_CONNECTIVE = re.compile(
    r"^(?:(?P<plain>However|Meanwhile|Moreover|Furthermore|Additionally|In addition|Also|Still|"
    r"Nevertheless|Nonetheless|Indeed|Instead|Now|Yet|But|And)|"
    r"(?P<linked>In response|Despite this|Despite that|As a result|Consequently|Therefore|"
    r"Because of this|In turn|After that|Following this|Thus|Hence)),\s+",
    re.IGNORECASE,
)


def strip_connective(sentence: str) -> tuple[str, bool]:
    """``sentence`` without a leading linking word, and whether its context is the one before."""
    match = _CONNECTIVE.match(sentence)
    if not match:
        return sentence, False
    rest = sentence[match.end() :]
    return rest[:1].upper() + rest[1:], match["linked"] is not None


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
ACTION_ANAPHOR = re.compile(
    r"^(?:The|This|That|Such a)\s+(?:move|decision|step|announcement|development|change|"
    r"ruling|shift|u-turn|reversal)\b"
)
# "In March 2023 it withdrew ...": "it" or "they" as the subject, after any opening phrase.
_BARE_PRONOUN = re.compile(
    r"^(?:(?:In|On|By|Since|Last|Earlier|Later)\b[^,]{0,30}?,?\s+)?(?:it|they|It|They)\s+[a-z]+"
)
BARE_PRONOUN_WORD = re.compile(r"\b(?:it|they|It|They)\b")
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
    events = set(EVENT_NOUNS.split("|")) | {"event", "incident", "conference", "disaster"}
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


def pronoun_owner(sentence: str) -> re.Match[str] | None:
    """Whose doing a following "it" is, by the possessive ``sentence`` names: the one its
    predicate names first ("Georgia's law is Georgian Dream's second attempt. In March it
    withdrew ..." is the party's doing, not Georgia's), else its first."""
    copula = re.search(r"\s(?:is|was|are|were)\s", sentence)
    in_predicate = _POSSESSOR.search(sentence, copula.end()) if copula else None
    return in_predicate or _POSSESSOR.search(sentence)


def thin_lead(dropped: tuple[int, str] | None, position: int, text: str) -> str | None:
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


def carries_on_previous(
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
            or ACTION_ANAPHOR.match(sentence) is not None
            or _BARE_PRONOUN.match(text) is not None
            or shares_topic(sentence, " ".join(previous.sources), rare)
            or (
                _NARRATION.match(sentence) is not None
                and len(previous.sources[-1].split()) <= SHORT_WORDS
            )
        )
    )


def join_to(
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
            referents.anchored()
            if referents
            else {"anchor": None, "anchor_weekday": False, "told": None}
        )
        text = dates.absolute(text, published, **anchored)
    previous.text = f"{previous.text} {text}"
    owner = pronoun_owner(previous.parts[-1]) if previous.parts else None
    if owner is not None and _BARE_PRONOUN.match(text):
        # Asked of with "it" written out: "when did the council drop a similar plan".
        previous.parts.append(BARE_PRONOUN_WORD.sub(owner["owner"], text, count=1))
    else:
        previous.parts.append(text)
    previous.sources.append(raw)


def rare_stems(sentences: list[str], context: ArticleContext | None) -> set[str]:
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
