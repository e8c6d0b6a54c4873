"""The main event read from the article as a whole, when neither headline nor lede names it.

A report that leads on a later turn ("Ice on wings likely brought down ... jet", "Court rules
Russia failed ... hostages") names its event by no noun up front, yet keeps coming back to it
as "the crash" or "the siege": a definite event noun the article writes again and again is what
it is about. The event is then named after the headline's own name for what befell ("the Lorvan
Air crash"), else after the story's place; it is not dated by the headline or lede, which tell
of the later turn, but by the sentence that tells when it began (``day_begun``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from bot.ingest import dates
from bot.ingest.event_nouns import (
    ACTOR_NOUNS,
    ANY_EVENT,
    MODIFIER_COMPOUNDS,
    PREPOSITION,
    same_kind,
)
from bot.ingest.event_phrase import Event
from bot.ingest.lexicon import FUNCTION_WORDS, base_form, is_topic_noun

RETURNED_TO = 2
"""How many times the article must write "the <noun>" for that noun to be its event: once may
be a passing mention ("the war in the region")."""

# "the crash", "the deadly crash", "the Tarsk dam collapse": a happening noun up to two words
# after the determiner (not "the hostage-takers"), and the word after it.
_HAPPENINGS = sorted((n for n, p in PREPOSITION.items() if p == "In"), key=len, reverse=True)
_DEFINITE = re.compile(
    r"\b[Tt]he\s+((?:[\w'’-]+\s+){0,2}?)(" + "|".join(_HAPPENINGS) + r")(?![\w-])(?:\s+([a-z]+))?"
)
# Where a headline's name only says where a thing lies, not what it is: "fouls Tarsk coast" is
# no "Tarsk coast spill".
_SETTING_NOUNS = frozenset(
    "coast coastline shore region area city town village border district province".split()
)


def _returned_to(sentences: list[str]) -> list[str]:
    """The happening nouns (``event_nouns``: "In" nouns) the sentences write with "the", once
    per mention, in order; never a general one ("the incident") nor one standing as another
    noun's modifier ("the crash site", "the protest leader")."""
    found: list[str] = []
    for sentence in sentences:
        for match in _DEFINITE.finditer(sentence):
            between, noun, following = match.group(1).split(), match.group(2), match.group(3)
            if noun in ANY_EVENT:
                continue
            if any(w.islower() and w in PREPOSITION for w in between):
                continue  # "the war crimes court": the noun is not the head
            if following and (
                f"{noun} {following}" in MODIFIER_COMPOUNDS or following in ACTOR_NOUNS
            ):
                continue
            found.append(noun)
    return found


def _main_noun(mentions: list[str], text: str) -> str | None:
    """The event noun the article keeps returning to: its kind ("the crash", "the accident")
    written at least ``RETURNED_TO`` times and more than any other kind, and within the kind
    the noun written most (the first of those tied)."""
    if not mentions:
        return None
    kinds: list[list[str]] = []
    for noun in mentions:
        for kind in kinds:
            if same_kind(noun, kind[0]):
                kind.append(noun)
                break
        else:
            kinds.append([noun])
    kinds.sort(key=len, reverse=True)
    if len(kinds[0]) < RETURNED_TO or (len(kinds) > 1 and len(kinds[1]) == len(kinds[0])):
        return None
    counts = Counter(kinds[0])
    # Tied, the noun the article writes most with or without "the" ("unrest" over "protest").
    written = {n: len(re.findall(rf"\b{n}\b", text, re.IGNORECASE)) for n in counts}
    top = max((counts[n], written[n]) for n in counts)
    return next(n for n in kinds[0] if (counts[n], written[n]) == top)


def _headline_name(title: str, body: str, names: set[str], people: set[str]) -> str | None:
    """What the headline names the event's thing or place by: the first run of names the body
    writes too that stands before a noun it says which of ("Lorvan Air jet", "Tarsk theatre
    hostages"), not a person's nor a subject before its verb ("Court rules Tarsk failed ...");
    with that noun when the body writes the two together ("Tarsk theatre"), not a noun of mere
    setting ("Tarsk coast")."""
    words = re.findall(r"[\w'’-]+", title)
    index = 0
    while index < len(words):
        run: list[str] = []
        while index < len(words):
            bare = re.sub(r"['’]s$", "", words[index])
            if not bare[:1].isupper() or bare not in names or bare.lower() in FUNCTION_WORDS:
                break
            if index == 0 and not re.search(rf"\b[a-z]+,?\s+{re.escape(bare)}\b", body):
                break  # a headline's first word is capitalised anyway
            run.append(bare)
            index += 1
            if bare != words[index - 1]:
                break  # a possessive ends the name
        index += not run
        if not run or " ".join(run) in people or any(w in people for w in run):
            continue
        following = words[index] if index < len(words) else ""
        if not following.islower() or not is_topic_noun(following) or following in PREPOSITION:
            continue
        if following.endswith("s") and base_form(following) is not None:
            continue  # "Tarsk buries its dead": a subject and its verb
        name = " ".join(run)
        if following not in _SETTING_NOUNS and re.search(
            rf"\b{re.escape(name)}\s+{re.escape(following)}\b", body
        ):
            return f"{name} {following}"
        return name
    return None


# "shot dead in Tarsk's Velm", "at Orsa": where the headline's news happened, a place's own
# name after its country's.
_WHERE = re.compile(
    r"\b(?:in|at|near)\s+(?:[A-Z][\w-]*['’]s\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)


def _headline_where(title: str, names: set[str], people: set[str]) -> str | None:
    """The place the headline says its news happened in, if the body names it too."""
    for found in _WHERE.finditer(title):
        name = found["name"]
        if all(w in names for w in name.split()) and name not in people:
            return name
    return None


def body_event(
    title: str,
    sentences: list[str],
    names: set[str],
    people: set[str],
    place: str | None,
    town: str | None,
) -> Event | None:
    """The event the article keeps returning to as "the <noun>", named after ``town`` (the
    story's place, when the article writes it as a town, not a country or region) if the
    headline names it, else after where the headline says its news happened, else after the
    headline's name for what it befell, else after ``place``; None when no event noun stands
    out. Not a one-day event: what the article tells may lie within it."""
    body = " ".join(sentences)
    noun = _main_noun(_returned_to(sentences), body)
    if noun is None:
        return None
    # A town the headline names says which event it is ("the Tarsk siege"); a country or
    # region says less than what the headline calls the thing it befell.
    if town is not None and town in title:
        name: str | None = town
    else:
        name = (
            _headline_where(title, names, people)
            or _headline_name(title, body, names, people)
            or place
        )
    if name is None:
        return None
    # Its day, once found, is when it began, not the whole event's (``Event.one_day``).
    return Event(noun, name, one_day=False)


# "The siege began on the evening of Wednesday, 23 October 2002": the event as a sentence's
# subject, with a verb of its starting or taking place.
_BEGAN = re.compile(
    r"^The\s+(?:[A-Za-z-]+\s+){0,2}?(?P<noun>[a-z-]+)\s+"
    r"(?:began|started|came|happened|occurred|struck|broke\s+out|took\s+place)\b"
)


def day_begun(event: Event, sentences: list[str], published: dt.date | None) -> dt.date | None:
    """The day the first sentence telling the event's start gives ("The siege began on ...
    23 October 2002"), not after the publication: what dates an event the headline does not."""
    for sentence in sentences:
        found = _BEGAN.match(sentence)
        if found is None or not event.refers_back(found["noun"]):
            continue
        for mention in dates.mentions(sentence, published):
            if mention.date is None or mention.precision != "day" or mention.deadline:
                continue
            if published is None or mention.date <= published:
                return mention.date
        return None
    return None
