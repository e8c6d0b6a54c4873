"""Merging the statements an article repeats, so that one fact stated twice is one fact.

News pieces restate themselves: a summary paragraph or bullet list at the end says again, in
other combinations, what the body said. A statement is a near-duplicate when its content terms
(the matcher's own: stemmed, synonym-mapped, weighted by how topical each word is) are covered
by one or two statements already kept, or when rapidfuzz's ``token_sort_ratio`` finds it nearly
the same words as one. It is merged into the statement covering most of it; when instead a new
statement covers an earlier, shorter one, the new one replaces it (at the earlier position).

A figure is never merged away: a statement giving a number that the statements covering it do
not ("declared him elected with 72.97 percent" beside "put turnout at 97.12 percent") states
something they do not, however many of its words they share. Numbers weigh little among the
terms, yet they are what a reader asks after.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from bot.core.folding import fold
from bot.core.text import Analyzer
from bot.ingest.models import Statement

# Share of a statement's term weight that kept statements must cover for it to be a repeat.
COVERED = 0.75
# A repeat may recombine up to this many earlier statements (summary sentences do).
MAX_COVERING = 3
# rapidfuzz token_sort_ratio (0-100) at which two statements are the same words, reworded
# slightly. (token_set_ratio would call any subset "the same" and drop the fuller statement.)
SAME_WORDS = 90.0

Terms = dict[str, float]

# A figure as written with digits: "72.97", "3,362,052", "2024", "7.5bn" (its digits).
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def figures(text: str) -> set[str]:
    """The numbers ``text`` gives in digits, with thousands separators dropped ("3,362,052" and
    "3362052" are one figure) and a trailing sentence full stop not taken for a decimal point."""
    return {m.group().replace(",", "") for m in _FIGURE.finditer(text)}


def gives_more_figures(text: str, others: Iterable[str]) -> bool:
    """Does ``text`` give a figure that none of ``others`` does?"""
    given: set[str] = set()
    for other in others:
        given |= figures(other)
    return not figures(text) <= given


def terms_of(text: str, analyzer: Analyzer) -> Terms:
    """Content terms of ``text`` with their weight (the most topical use of each)."""
    out: Terms = {}
    for item in analyzer.analyze(text):
        term, weight = item[0], item[1]
        out[term] = max(weight, out.get(term, 0.0))
    return out


def coverage(terms: Terms, by: set[str]) -> float:
    """The share of ``terms``' weight found in ``by`` (0-1)."""
    total = sum(terms.values())
    if total <= 0:
        return 1.0
    return sum(w for t, w in terms.items() if t in by) / total


def _best_cover(terms: Terms, kept: Sequence[Terms]) -> tuple[float, list[int]]:
    """How much of ``terms`` up to ``MAX_COVERING`` kept statements cover, greedily chosen,
    and the indexes of those chosen, the one covering most first."""
    if not kept:
        return 0.0, []
    singles = [coverage(terms, set(k)) for k in kept]
    main = max(range(len(kept)), key=lambda i: singles[i])
    chosen = [main]
    covered = set(kept[main])
    best = singles[main]
    for _ in range(MAX_COVERING - 1):
        gains = [coverage(terms, covered | set(k)) for k in kept]
        pick = max(range(len(kept)), key=lambda i: gains[i])
        if gains[pick] <= best:
            break
        best = gains[pick]
        chosen.append(pick)
        covered |= set(kept[pick])
    return best, chosen


def merge_near_duplicates(
    statements: Sequence[Statement], analyzer: Analyzer | None = None
) -> list[Statement]:
    """``statements`` with repeats merged (``merged`` lists what each absorbed), in order."""
    analyzer = analyzer or Analyzer()
    kept: list[Statement] = []
    kept_terms: list[Terms] = []
    for statement in statements:
        terms = terms_of(statement.text, analyzer)
        folded = fold(statement.text)
        same = [
            i
            for i, k in enumerate(kept)
            if fuzz.token_sort_ratio(folded, fold(k.text)) >= SAME_WORDS
        ]
        covered, chosen = _best_cover(terms, kept_terms)
        if same and gives_more_figures(statement.text, [kept[same[0]].text]):
            same = []
        if covered >= COVERED and gives_more_figures(
            statement.text, [kept[i].text for i in chosen]
        ):
            covered = 0.0
        if same or covered >= COVERED:
            target = kept[same[0] if same else chosen[0]]
            target.merged.append(statement.text)
            continue
        absorbed = [
            i
            for i, k in enumerate(kept_terms)
            if coverage(k, set(terms)) >= COVERED
            and not gives_more_figures(kept[i].text, [statement.text])
        ]
        if absorbed:
            first = absorbed[0]
            statement.position = kept[first].position
            for index in absorbed:
                statement.merged.extend([kept[index].text, *kept[index].merged])
                if kept[index].follows_previous:
                    statement.follows_previous = True
            for index in reversed(absorbed):
                del kept[index]
                del kept_terms[index]
            kept.insert(first, statement)
            kept_terms.insert(first, terms)
            continue
        kept.append(statement)
        kept_terms.append(terms)
    return kept
