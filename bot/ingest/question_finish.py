"""The last steps every drafted question takes, whatever its template: shortened to the
length the check allows, stripped of words pointing back into the article ("there", a
trailing "since"), and set in the story's event ("... in the kazakhstan floods") unless it is
``Unset``. Apart from the templates (``questions`` and the modules of each kind it names) so
that these rules read, and change, in one place.
"""

from __future__ import annotations

import re

from bot.core.folding import fold
from bot.ingest.clause_words import DANGLING
from bot.ingest.question_check import MAX_QUESTION_WORDS, MIN_QUESTION_WORDS


class Unset(str):
    """A question not to be set in the story's event: it asks about another name."""

    __slots__ = ()


# Verbs after which "there" says that something exists ("was there"), not where.
_EXISTENTIAL = frozenset("is are was were be been being".split())


def without_pointers(question: str) -> str:
    """``question`` without the words that point back into the article at a place or a
    time it does not name: "when was the closing ceremony held there", "when has the mission
    patrolled the border since" (the date it counts from was cut). A reader asks without
    them, and a moderator would strike them."""
    kept: list[str] = []
    words = question.split()
    for at, word in enumerate(words):
        # "there" before a form of "be" says that something exists as well, after a modal or
        # "had": "when will there be a runoff", "why had there been no quorum".
        then = words[at + 1].lower() if at + 1 < len(words) else ""
        existential = then in _EXISTENTIAL or (bool(kept) and kept[-1].lower() in _EXISTENTIAL)
        if word.lower() == "there" and kept and not existential:
            continue
        kept.append(word)
    if len(kept) > 1 and kept[-1].lower() == "since":
        kept.pop()  # (not "since when ...": a question opens on its question word)
    return " ".join(kept)


def finish(question: str, setting: str | None) -> str:
    question = without_pointers(question.strip(" ,"))
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


_PHRASE_STARTS = frozenset("by in for on at from with over after during".split())


def shortened(question: str) -> str:
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
        while words and words[-1] in DANGLING:
            words.pop()
    return " ".join(words)
