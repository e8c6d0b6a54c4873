"""Proposed supersessions: a new fact that seems to update an older one, for a person to confirm.

A fact supersedes another only when someone says so (``supersedes:`` in a knowledge file, or the
option of ``/fact add`` / ``/fact edit``). What this module does is notice the likely cases and
say so: a new fact (a draft's, or one a member just added) that answers the same question as a
live fact, yet differs from it in a number ("two died" -> "three died"), a date, or a status
that turned over (recalled -> returned, arrested -> released, postponed -> held...).

"Answers the same question" is the matcher's own judgement: the new fact's questions (and its
answer) are asked against the live facts, and a live fact that would be the answer is a
candidate. The differences are read from the two answers' text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from bot.core.english_stems import stem
from bot.core.folding import fold
from bot.core.matcher import Matcher
from bot.core.models import Fact, date_label
from bot.core.number_words import NUMBER_VALUES

K = TypeVar("K")

# At most this many of a new fact's questions are asked (with its answer).
QUESTIONS_ASKED = 6
PROPOSALS_PER_FACT = 2

_NUMBER = re.compile(r"(?<![\w.,-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w-])")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_DATE = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTHS) + r")"
    r"|(" + "|".join(_MONTHS) + r")\s+(\d{1,2})(?:st|nd|rd|th)?\b"
    r"|((?:19|20)\d\d-[01]\d-[0-3]\d))",
    re.IGNORECASE,
)
# Status words that turn over, as stems: each pair's two sides (a turn either way counts).
STATUS_PAIRS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(stem(w) for w in before.split()), frozenset(stem(w) for w in after.split()))
    for before, after in (
        ("recalled withdrew withdrawn expelled", "returned reinstated"),
        ("closed shut", "open opened reopened"),
        ("arrested detained jailed imprisoned", "released freed acquitted"),
        ("postponed delayed cancelled canceled", "held resumed rescheduled"),
        ("suspended halted", "resumed restored"),
        ("banned", "lifted allowed unbanned"),
        ("denied", "confirmed admitted"),
        ("missing", "found"),
        ("alive survived", "died dead killed"),
        ("charged accused", "acquitted cleared dropped"),
        ("rising rose increased", "fell dropped decreased"),
    )
)


@dataclass(frozen=True, slots=True)
class Proposal:
    """A live fact that a new fact seems to update, and why it seems so."""

    old: Fact
    reason: str

    def text(self) -> str:
        """ "this seems to update ambassador-recalled (2025-06-29): recalled -> returned"."""
        return f"this seems to update {self.old.id} ({date_label(self.old)}): {self.reason}"


def _numbers(text: str) -> dict[float, str]:
    """The numbers ``text`` states (not years, nor the days of dates), each as written."""
    text = _DATE.sub(" ", text)
    found: dict[float, str] = {}
    for match in _NUMBER.finditer(text):
        written = match.group(1)
        value = float(written.replace(",", ""))
        if len(written) == 4 and written[:2] in ("19", "20"):
            continue  # a year: dates are compared on their own
        found.setdefault(value, written)
    for word in fold(text).split():
        if word in NUMBER_VALUES:
            found.setdefault(float(NUMBER_VALUES[word]), word)
    return found


def _dates(text: str) -> dict[tuple[int, int], str]:
    """The (month, day) dates ``text`` names, each as written."""
    found: dict[tuple[int, int], str] = {}
    for match in _DATE.finditer(text):
        day_first, month_after, month_first, day_after, iso = match.groups()
        if iso:
            try:
                named = dt.date.fromisoformat(iso)
            except ValueError:
                continue
            key = (named.month, named.day)
        elif day_first:
            key = (_MONTHS.index(month_after.lower()) + 1, int(day_first))
        else:
            key = (_MONTHS.index(month_first.lower()) + 1, int(day_after))
        found.setdefault(key, match.group(0))
    return found


_NEGATIONS = frozenset({"not", "no", "never", "t", "nor", "without", "yet"})


def _stems(text: str) -> dict[str, str]:
    """The stems of ``text``'s words, as written, leaving out negated ones ("has not
    returned" states no return)."""
    found: dict[str, str] = {}
    tokens = fold(text).split()
    for i, word in enumerate(tokens):
        if not _NEGATIONS.intersection(tokens[max(0, i - 2) : i]):
            found.setdefault(stem(word), word)
    return found


def _changed(old: Mapping[K, str], new: Mapping[K, str]) -> str | None:
    if not old or not new or old.keys() == new.keys():
        return None
    before = [old[k] for k in old if k not in new] or list(old.values())
    after = [new[k] for k in new if k not in old] or list(new.values())
    return f"{', '.join(before[:3])} -> {', '.join(after[:3])}"


def difference(old_answer: str, new_answer: str) -> str | None:
    """How ``new_answer`` contradicts ``old_answer`` (a number, a date, a status word pair),
    or None when it does not seem to."""
    old_words, new_words = _stems(old_answer), _stems(new_answer)
    for one, other in STATUS_PAIRS:
        for before, after in ((one, other), (other, one)):
            was = [old_words[s] for s in sorted(before) if s in old_words]
            now = [new_words[s] for s in sorted(after) if s in new_words]
            if was and now and not any(s in old_words for s in after):
                return f"{was[0]} -> {now[0]}"
    numbers = _changed(_numbers(old_answer), _numbers(new_answer))
    if numbers:
        return f"the number changed ({numbers})"
    dates = _changed(_dates(old_answer), _dates(new_answer))
    if dates:
        return f"the date changed ({dates})"
    return None


def _candidates(matcher: Matcher, fact: Fact, guild_id: int | None) -> dict[str, float]:
    """Live facts that would answer ``fact``'s questions (or its answer), with the best score.

    The bar is the "did you mean" one, not the outright answer's: a proposal is a suggestion a
    moderator confirms, and a revised fact differs from the one it replaces by the very words
    (the new number) that lower its confidence."""
    threshold = matcher.settings.suggest_threshold
    found: dict[str, float] = {}
    for text in (*fact.questions[:QUESTIONS_ASKED], fact.answer):
        for match in matcher.ask(text, limit=2, guild_id=guild_id).matches:
            other = match.fact
            if other.id == fact.id or other.id in fact.supersedes or match.score < threshold:
                continue
            found[other.id] = max(found.get(other.id, 0.0), match.score)
    return found


def propose_supersessions(
    new_facts: Iterable[Fact], matcher: Matcher, *, guild_id: int | None = None
) -> dict[str, list[Proposal]]:
    """For each new fact, the live facts (as seen from ``guild_id``) it seems to update.

    ``matcher`` holds the live facts (and their analyser); it is only read. A live fact dated
    after the new one is never proposed: the new fact would be the older news.
    """
    proposals: dict[str, list[Proposal]] = {}
    for fact in new_facts:
        day = fact.day()
        found: list[Proposal] = []
        ranked = sorted(_candidates(matcher, fact, guild_id).items(), key=lambda i: -i[1])
        for old_id, _ in ranked:
            old = matcher.get(old_id)
            if old is None:
                continue
            old_day = old.day()
            if day is not None and old_day is not None and old_day > day:
                continue
            if _same_article(old, fact):
                continue
            reason = difference(old.answer, fact.answer)
            if reason is not None:
                found.append(Proposal(old, reason))
            if len(found) >= PROPOSALS_PER_FACT:
                break
        if found:
            proposals[fact.id] = found
    return proposals


def _same_article(one: Fact, other: Fact) -> bool:
    """Whether two facts were written from one article: siblings told side by side ("two days
    of rain", "2,500 residents evacuated"), never one the update of the other. A draft's facts
    approved one by one would otherwise each be proposed as updating those approved before."""
    first, second = one.source, other.source
    if first is None or second is None:
        return False
    if first.url and second.url:
        return first.url == second.url
    return bool(first.title) and (first.title, first.published) == (
        second.title,
        second.published,
    )


def suggestion_comment(proposals: Sequence[Proposal]) -> str:
    """The draft's commented suggestion, one line for all of a fact's proposals (so that
    uncommenting it, dropping the first "# ", gives one valid ``supersedes`` field)."""
    ids = ", ".join(p.old.id for p in proposals)
    why = "; ".join(
        f"{p.old.id} ({date_label(p.old)}): {' '.join(p.reason.split())[:200]}" for p in proposals
    )
    return f"# supersedes: [{ids}]  # seems to update {why}"


def annotate_draft(text: str, proposals: Mapping[str, Sequence[Proposal]]) -> str:
    """``text`` (a draft's YAML) with a commented ``supersedes`` suggestion under the id of
    each fact that has proposals. Text it cannot place a suggestion in is left as it is."""
    if not proposals:
        return text
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    for line in lines:
        out.append(line)
        found = re.match(r"^(\s*)(- )?id:\s*['\"]?([a-z0-9._-]+)['\"]?\s*$", line)
        if found is None or found[3] not in proposals:
            continue
        indent = found[1] + ("  " if found[2] else "")
        ending = "" if line.endswith("\n") else "\n"
        if ending:
            out[-1] = line + "\n"
        out.append(f"{indent}{suggestion_comment(proposals[found[3]])}\n")
    return "".join(out)
