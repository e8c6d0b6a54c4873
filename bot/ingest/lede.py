"""The opening sentence's main clause, carried to the later fact that leans on it.

A news lede packs the story into one sentence: "More than 100,000 people have been evacuated
... as rivers swollen by melting snow overflowed ..., while floodwater ... has swamped towns in
Russia." As one fact, its answer holds every topic, so it takes the specific questions ("how
many were evacuated") from the facts written for them. A later sentence often picks up the
lede's main clause by its participle ("Many of those evacuated are staying in schools"); that
fact is where a reader asking about the evacuation should land, and as drafted it has no
number. So the lede's main clause goes in front of it, its sources show the lede too, and the
lede keeps the questions about the event as a whole, handing the clause's questions over.

Whatever else the lede says, it only previews: "Sandu has won a second term after Moldovans
abroad turned out in record numbers ..., a result the Kremlin refused to call fair" names the
diaspora and the Kremlin, which later sentences state in full. So the lede is tagged with what
its main clause names (``main_clause_part``), and a question of its own that a later sentence
answers in the same words (``previewed``) is left to the fact made of that sentence.
"""

from __future__ import annotations

import re

from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold
from bot.ingest.lexicon import base_form
from bot.ingest.models import Statement

# Where a lede's main clause ends: a subordinate or reported clause joins it here.
_CLAUSE_END = re.compile(
    r",?\s+(?:as|while|after|when|because|since\s+(?:the|a|an)\s|amid|but|and\s+(?:the|a|an)\s)"
    r"\b|,\s+(?:[a-z]+\s+){0,3}(?:said|says|reported|announced)\b"
)
# "those evacuated", "the injured", "people evacuated": a later sentence picking the clause up.
_PICKED_UP = re.compile(r"\b(?:those|the|people|residents)\s+([a-z]+(?:ed|en))\b")
# A main clause of this many words or fewer is carried; longer is no longer a core.
MAX_CLAUSE_WORDS = 24


def main_clause(lede: str) -> str | None:
    """``lede`` up to its first subordinate clause, as a sentence; None if it has none (the
    lede is its own core) or the clause is too short to state anything."""
    end = _CLAUSE_END.search(lede)
    if end is None:
        return None
    clause = lede[: end.start()].strip().rstrip(",;:")
    words = clause.split()
    if not 5 <= len(words) <= MAX_CLAUSE_WORDS:
        return None
    return f"{clause}."


def main_clause_part(lede: str) -> str:
    """What ``lede`` says happened, before any subordinate or reported clause joins it (all
    of it when it has none): what the opening fact is about, and tagged with."""
    ends = [m.start() for m in (_CLAUSE_END.search(lede), _ASIDE_END.search(lede)) if m]
    return lede[: min(ends)] if ends else lede


# Where a lede's main clause ends besides: an attribution naming its source ("..., Russia's
# defence ministry said") or a participle's aside (", closing the most dramatic chapter ...").
_ASIDE_END = re.compile(
    r",\s+(?:[A-Z][\w'’-]*\s+)?(?:[a-z]+\s+){0,3}(?:said|says|reported|announced)\b"
    r"|,\s+(?:a|an)\s+[a-z]+\s+(?:that|which|the)\b|,\s+[a-z]+ing\s"
)


_WH = frozenset(
    "what when where who whom whose why how which many much did does do is was say said says "
    "tell told".split()
)


def _content(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", fold(text))
    return {base_form(w) or w for w in words if w not in STOPWORDS and w not in _WH}


def previewed(question: str, later: list[str], keep: set[str]) -> bool:
    """Is ``question`` (one of the lede's) one a later sentence answers in the same words?
    Most of its content words (beyond ``keep``, the event's own words, which every question
    has) are in one later sentence: the lede merely previews what that sentence states."""
    own = _content(question) - {base_form(w) or w for w in keep}
    if len(own) < 2:
        return False
    return any(len(own & _content(text)) >= 0.6 * len(own) for text in later)


def _aside_stated(aside: str, later: list[str], keep: set[str]) -> bool:
    """Does one later sentence name whom ``aside`` names ("the Kremlin") and say a good part
    of what it says ("fair")? An aside names its news in passing, in fewer words than the
    sentence that tells it."""
    names = {fold(w) for w in re.findall(r"\b[A-Z][\w'’-]+", aside)} - keep
    names = {re.sub(r"'s$", "", n) for n in names}
    own = _content(aside) - {base_form(w) or w for w in keep}
    if not names or len(own) < 2:
        return False
    for text in later:
        words = set(re.findall(r"[a-z0-9]+", fold(text)))
        if names <= words and len(own & _content(text)) >= 0.4 * len(own):
            return True
    return False


def without_previews(text: str, later: list[str], keep: set[str]) -> str:
    """``text`` (the lede's answer) without the asides at its end that later sentences state
    in full (", a result the Kremlin refused to call fair" when the Kremlin's spokesman is
    quoted later): they only draw the detail's questions to the overview. Its main clause
    and what no later sentence says stay."""
    core = len(main_clause_part(text))
    cut = len(text)
    for comma in reversed([m.start() for m in re.finditer(r",\s", text)]):
        if comma < core:
            break
        tail = text[comma + 1 : cut]
        if len(tail.split()) < 4 or tail.count('"') % 2 or not _aside_stated(tail, later, keep):
            break
        cut = comma
    if cut == len(text):
        return text
    return text[:cut].rstrip(" ,;:") + "."


def _participles(clause: str) -> set[str]:
    """The verbs the clause says happened, as base forms ("evacuated" -> evacuate)."""
    out = set()
    for word in re.findall(r"[a-z]+", clause.lower()):
        if word.endswith(("ed", "en")) and word not in STOPWORDS:
            out.add(base_form(word) or word)
    return out


def picks_up(sentence: str, clause: str) -> bool:
    """Does ``sentence`` refer back to what ``clause`` says happened ("those evacuated")?"""
    verbs = _participles(clause)
    return any(
        (base_form(m.group(1)) or m.group(1)) in verbs for m in _PICKED_UP.finditer(fold(sentence))
    )


def carry_lede(kept: list[Statement]) -> tuple[Statement, str] | None:
    """Put the lede's main clause in front of the first later statement that picks it up.

    Returns the statement that now carries it and the clause, or None when nothing did."""
    lede = next((s for s in kept if s.position == 0), None)
    if lede is None:
        return None
    clause = main_clause(lede.text)
    if clause is None:
        return None
    for statement in kept:
        if statement is lede or not picks_up(statement.text, clause):
            continue
        parts = statement.parts or [statement.text]
        statement.parts = [clause, *parts]
        statement.text = f"{clause} {statement.text}"
        statement.sources = [*(statement.sources or [statement.original]), lede.original]
        return statement, clause
    return None


def handed_over(question: str, clause: str, keep: set[str]) -> bool:
    """Is ``question`` (one of the lede's) about the carried clause alone? Its content words
    are all in the clause or in ``keep`` (the event's own words, which every question has)."""
    words = {w for w in re.findall(r"[a-z0-9]+", fold(question)) if w not in STOPWORDS}
    words -= {"many", "much", "when", "where", "who", "why", "what", "how"}
    own = set(re.findall(r"[a-z0-9]+", fold(clause))) | keep
    return bool(words) and words <= own
