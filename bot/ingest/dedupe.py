"""Merging the statements an article repeats, so that one fact stated twice is one fact.

News pieces restate themselves: a summary paragraph or bullet list at the end says again, in
other combinations, what the body said. A statement is a near-duplicate when its content terms
(the matcher's own: stemmed, synonym-mapped, weighted by how topical each word is) are covered
by one or two statements already kept, or when rapidfuzz's ``token_sort_ratio`` finds it nearly
the same words as one. It is merged into the statement covering most of it; when instead a new
statement covers an earlier, shorter one, the new one replaces it (at the earlier position).
"""

from __future__ import annotations

from collections.abc import Sequence

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


def _best_cover(terms: Terms, kept: Sequence[Terms]) -> tuple[float, int]:
    """How much of ``terms`` up to ``MAX_COVERING`` kept statements cover, greedily chosen,
    and the index of the one covering most."""
    if not kept:
        return 0.0, -1
    singles = [coverage(terms, set(k)) for k in kept]
    main = max(range(len(kept)), key=lambda i: singles[i])
    covered = set(kept[main])
    best = singles[main]
    for _ in range(MAX_COVERING - 1):
        gains = [coverage(terms, covered | set(k)) for k in kept]
        pick = max(range(len(kept)), key=lambda i: gains[i])
        if gains[pick] <= best:
            break
        best = gains[pick]
        covered |= set(kept[pick])
    return best, main


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
        covered, main = _best_cover(terms, kept_terms)
        if same or covered >= COVERED:
            target = kept[same[0] if same else main]
            target.merged.append(statement.text)
            continue
        absorbed = [i for i, k in enumerate(kept_terms) if coverage(k, set(terms)) >= COVERED]
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
