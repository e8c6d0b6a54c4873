"""The fact-stating sentences of an article, each made to stand on its own: kept by
``fact_sentences``, referents written out by ``referent_resolver`` and ``referents``, joined to
the sentence before by ``sentence_joins``, dated by ``statement_dates``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.ingest import dates
from bot.ingest.article_context import ArticleContext
from bot.ingest.entities import EntityIndex
from bot.ingest.event_phrase import Event
from bot.ingest.fact_sentences import MAX_CHARS, is_quote, is_setup, is_statement
from bot.ingest.lexicon import simple_past
from bot.ingest.models import Statement
from bot.ingest.referent_resolver import ReferentResolver
from bot.ingest.referents import Referents
from bot.ingest.sentence_joins import (
    ACTION_ANAPHOR,
    BARE_PRONOUN_WORD,
    carries_on_previous,
    join_to,
    pronoun_owner,
    rare_stems,
    strip_connective,
    thin_lead,
)
from bot.ingest.sentences import strip_dateline
from bot.ingest.statement_dates import date_note, told_after

# Small words left over once a sentence stands alone: "Russia then declared" -> "declared".
_LEFTOVER = re.compile(r"(?<=[a-z]) then (?=[a-z]+(?:ed|t)\b)")


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
    rare = rare_stems(sentences, context)
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
        orphan = ACTION_ANAPHOR.match(sentence) is not None and not next_to
        if not is_statement(sentence) or is_quote(sentence) or is_setup(sentence) or orphan:
            resolved = _learn_from(sentence, resolver, referents)
            dropped = (position, resolved) if not is_quote(sentence) and not orphan else None
            continue
        text, linked = strip_connective(sentence)
        lead = thin_lead(dropped, position, text)
        dropped = None
        read = _read(sentence, text, resolver, referents, published)
        if (
            previous is not None
            and next_to
            and carries_on_previous(sentence, read.text, previous, context, rare)
            and len(previous.text) + len(read.text) < MAX_CHARS
        ):
            join_to(previous, sentence, raw, read.text, referents, published)
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
        owner = pronoun_owner(lead)
        if owner is not None:
            parts = [BARE_PRONOUN_WORD.sub(owner["owner"], text, count=1)]
        text = f"{lead} {text}"
    statement = Statement(
        text, raw, position, follows_previous=follows, sources=sources, parts=parts
    )
    statement.event = read.told
    statement.background = read.background
    mention, own = read.mention, read.own
    if mention is not None and own is not None and told_after(sentence, mention, own):
        # "The ministry announced on 18 April that the centre would close, and a closing
        # ceremony was held there on 26 April": the fact is dated by what happened.
        mention = own
    if mention is not None:
        statement.date = mention.date
        statement.date_note = date_note(mention, published)
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
