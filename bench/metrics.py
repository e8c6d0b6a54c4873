"""Ranking metrics shared by the quality benchmarks (top-k lists against relevant id sets)."""

from __future__ import annotations

from collections.abc import Sequence, Set


def precision_at_1(ranked: Sequence[str], relevant: Set[str]) -> float:
    return 1.0 if ranked and ranked[0] in relevant else 0.0


def reciprocal_rank(ranked: Sequence[str], relevant: Set[str], k: int = 10) -> float:
    for rank, item in enumerate(ranked[:k], start=1):
        if item in relevant:
            return 1.0 / rank
    return 0.0


def recall_at(ranked: Sequence[str], relevant: Set[str], k: int) -> float:
    return len(set(ranked[:k]) & relevant) / len(relevant) if relevant else 0.0


def average_precision(ranked: Sequence[str], relevant: Set[str], k: int = 10) -> float:
    """AP over the top k, normalised by min(|relevant|, k) (the usual MAP@k)."""
    hits = 0
    total = 0.0
    for rank, item in enumerate(ranked[:k], start=1):
        if item in relevant:
            hits += 1
            total += hits / rank
    denominator = min(len(relevant), k)
    return total / denominator if denominator else 0.0


def summarise(rankings: Sequence[tuple[Sequence[str], Set[str]]]) -> dict[str, float]:
    n = len(rankings) or 1
    return {
        "P@1": sum(precision_at_1(r, rel) for r, rel in rankings) / n,
        "MRR@10": sum(reciprocal_rank(r, rel) for r, rel in rankings) / n,
        "R@5": sum(recall_at(r, rel, 5) for r, rel in rankings) / n,
        "MAP": sum(average_precision(r, rel) for r, rel in rankings) / n,
    }
