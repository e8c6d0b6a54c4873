"""Fit and time the optional semantic re-ranker (``MatcherSettings.semantic``).

Needs the ``semantic`` extra (the multilingual-e5-small package) and numpy (the bench extra).

- ``--fit``: on the older tune sets only (the tune split less this round's fresh tune sets,
  ``bench/fresh.py``, which judge the result as totals), the blend (``SEMANTIC_BLEND``) that
  puts the right fact first most often, then the confidence correction
  (``SEMANTIC_CALIBRATION``: intercept and weights of the lexical model's log-odds, the first
  fact's similarity and its lead over the best other candidate's), a logistic fit of whether
  the first fact is the right one (near and off questions: never), as ``bench.calibrate`` fits
  the lexical model.
- ``--latency``: per-question time with the re-ranker off and on, over the synthetic fact base
  of ``bench.synthetic`` at 1,000 facts (encoding its facts timed apart).

    python -m bench.semantic --fit
    python -m bench.semantic --latency
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bench import synthetic
from bench.calibrate import fit
from bench.fresh import FRESH_TUNE
from bench.heldout import KnowledgeBase, knowledge_bases, matcher_for, semantic_settings
from bot.core.e5_embedder import E5Embedder
from bot.core.matcher import Matcher, MatcherSettings, semantic_lead
from bot.core.semantic import SemanticIndex

BLENDS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0)


@dataclass(frozen=True, slots=True)
class Row:
    group: str
    features: tuple[float, ...]  # lexical log-odds, similarity, similarity's lead
    right: bool  # the first fact is the labelled one
    answerable: bool


def older_tune(kbs: Sequence[KnowledgeBase]) -> list[KnowledgeBase]:
    """The knowledge bases with only their older tune questions (no fresh tune set)."""
    kept = []
    for kb in kbs:
        asked = [q for q in kb.questions if q.split == "tune" and q.source not in FRESH_TUNE]
        if asked:
            kept.append(dataclasses.replace(kb, questions=asked))
    return kept


def rows(kbs: Sequence[KnowledgeBase], settings: MatcherSettings) -> list[Row]:
    out = []
    for kb in kbs:
        matcher = matcher_for(kb, settings)
        for question in kb.questions:
            ranked, _ = matcher.explain(question.text)
            if not ranked:
                out.append(Row(kb.group, (-30.0, 0.0, 0.0), False, question.fact is not None))
                continue
            first = ranked[0]
            confidence = min(max(first.confidence, 1e-12), 1 - 1e-12)
            lead = semantic_lead(ranked, 0)
            out.append(
                Row(
                    kb.group,
                    (math.log(confidence / (1 - confidence)), first.semantic, lead),
                    question.fact is not None and first.entry.fact.id == question.fact,
                    question.fact is not None,
                )
            )
    return out


def right_first(found: Sequence[Row]) -> dict[str, float]:
    groups = sorted({r.group for r in found})
    shares = {}
    for group in [*groups, "all"]:
        chosen = [r for r in found if r.answerable and group in (r.group, "all")]
        shares[group] = sum(r.right for r in chosen) / len(chosen)
    return shares


def fit_semantic() -> None:
    index = SemanticIndex(E5Embedder(), questions=100_000)
    kbs = older_tune(knowledge_bases())
    print(f"older tune sets: {sum(len(kb.questions) for kb in kbs)} questions")
    best: tuple[float, float] | None = None
    for blend in BLENDS:
        found = rows(kbs, MatcherSettings(semantic=index, semantic_blend=blend))
        shares = right_first(found)
        print(f"blend {blend}: right first " + ", ".join(f"{g} {v:.1%}" for g, v in shares.items()))
        if best is None or shares["all"] > best[1] + 1e-9:
            best = (blend, shares["all"])
    assert best is not None
    blend = best[0]
    found = rows(kbs, MatcherSettings(semantic=index, semantic_blend=blend))
    weights = fit(found)  # type: ignore[arg-type]  # Row has what fit reads: features, right
    print(f"\nSEMANTIC_BLEND = {blend}\nSEMANTIC_CALIBRATION = {weights}")


def _percentiles(timings: list[float]) -> str:
    timings = sorted(timings)
    p99 = timings[min(len(timings) - 1, round(0.99 * len(timings)))]
    return f"p50 {statistics.median(timings) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms"


def latency(size: int = 1_000, count: int = 300) -> None:
    facts = list(synthetic.facts(size))
    asked = [q for q, _ in synthetic.questions(facts, count)]
    for name, settings in (
        ("off", MatcherSettings()),
        ("on", semantic_settings()),
    ):
        started = time.perf_counter()
        matcher = Matcher(facts, settings=settings)
        built = time.perf_counter() - started
        timings = []
        for question in asked:
            started = time.perf_counter()
            matcher.ask(question)
            timings.append(time.perf_counter() - started)
        print(
            f"{size} facts, semantic {name}: index built in {built:.1f} s; {_percentiles(timings)}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--latency", action="store_true")
    args = parser.parse_args(argv)
    if args.fit:
        fit_semantic()
    if args.latency:
        latency()


if __name__ == "__main__":
    main()
