"""Questions about the main event itself, for the fact that says where or why it happened.

A news story opens on its event ("An avalanche swept across the Pamir highway ...") and tells
where and why in a later sentence that names it by another word ("The slide came down near
Rushan after three days of heavy snowfall"). Readers ask in the event's own word: "where did
the avalanche happen", "why did the avalanche happen". The later fact's questions say "the
slide", so the opening fact, whose "what happened in the pamir avalanche" shares "happen" and
"avalanche", took such questions though it says neither where nor why. Here the later fact is
asked in the reader's words, with the event's name.
"""

from __future__ import annotations

from bot.core.folding import fold
from bot.ingest.event_nouns import same_kind
from bot.ingest.event_phrase import Event
from bot.ingest.main_clause import parse

# What is asked of the event, by the kind of question the fact's own sentence answers.
_ASKED = {
    "where": ("where did the {noun} happen",),
    "why": ("why did the {noun} happen", "what caused {event}"),
}


def names_event(subject: str, event: Event) -> bool:
    """Is ``subject`` ("The slide", "The deadly avalanche") the main event by another word, a
    definite mention of its kind? Not "An avalanche" (a new one) nor "The rescue teams"."""
    words = fold(subject).split()
    if len(words) < 2 or words[0] not in ("the", "this", "that") or len(words) > 4:
        return False
    noun = words[-1]
    return event.refers_back(noun) or same_kind(noun, event.noun)


def event_questions(statement: str, questions: list[str], event: Event | None) -> list[str]:
    """ "where did the pamir avalanche happen", "why did the pamir avalanche happen", "what
    caused the pamir avalanche": for a statement whose subject is the main event named by
    another word, for each of where and why its own questions ask (so the fact says it)."""
    if event is None or event.preposition != "In":
        return []
    clause = parse(statement)
    if clause is None or not names_event(clause.subject, event):
        return []
    name = fold(event.short().replace('"', ""))
    out: list[str] = []
    for wh, templates in _ASKED.items():
        if any(q.startswith(f"{wh} ") for q in questions):
            out += [t.format(event=name, noun=event.noun) for t in templates]
    return out
