"""Referents the text makes clear, written out: "the incident" becomes the named event the
article introduced ("the Yekaterinburg raid incident"), "the two countries"/"both sides" the two
parties the article names most ("Russia and Azerbaijan").
"""

from __future__ import annotations

import re

from bot.ingest.article_context import GENERIC_STARTS
from bot.ingest.entities import EntityIndex

EVENT_NOUNS = (
    "raid|incident|attack|bombing|explosion|blast|crash|shooting|strike|strikes|protest|"
    "protests|riot|riots|earthquake|flood|floods|fire|collapse|summit|election|referendum|"
    "deal|agreement|talks|scandal|operation|war|ceasefire|massacre|coup|standoff|clash|clashes"
)
# "the Yekaterinburg raid incident": a capitalised name then event nouns.
_NAMED_EVENT = re.compile(
    rf"\b(?:[A-Z][\w'-]*\s+){{1,3}}(?:[a-z]+\s+){{0,1}}(?:{EVENT_NOUNS})(?:\s+(?:{EVENT_NOUNS}))?\b"
)
# Anaphoric mentions of that event: "the incident", "the tragic event", "this attack".
_EVENT_ANAPHOR = re.compile(
    rf"\b(?P<det>[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:tragic|deadly|fatal|latest|recent|violent)\s+)?"
    rf"(?P<noun>event|{EVENT_NOUNS})\b"
)
_LEADING = frozenset(
    "The A An This That These Those In On At After Before Despite Following During".split()
)
_PAIR_ANAPHOR = re.compile(
    r"\b(?P<both>[Bb]oth sides|[Bb]oth countries|[Bb]oth nations|[Bb]oth governments)\b|"
    r"\b(?P<the>[Tt]he two (?:countries|nations|sides|states|neighbou?rs|governments))\b"
)


def _sentence_start(sentence: str) -> int:
    """Where the sentence's first word begins (after quotes or spaces)."""
    return len(sentence) - len(sentence.lstrip(" \"“‘'"))


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
            if words and match.start() == _sentence_start(sentence) and words[0] in GENERIC_STARTS:
                # "Three fire officers were jailed": a sentence's first word, capitalised only
                # for opening it, names no event ("the Three fire").
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
