"""Fit, check and time the optional semantic re-ranker (``MatcherSettings.semantic``), per
backend (``--backend e5``, the default, or ``static``).

Needs the backend's extra (``semantic`` for e5, ``static`` for static) and numpy.

- ``--fit``: on the older tune sets only (the tune split less this round's fresh tune sets,
  ``bench/fresh.py``, which judge the result as totals), the blend that puts the right fact
  first most often, then the confidence correction (intercept and weights of the lexical
  model's log-odds, the first fact's similarity and its lead over the best other
  candidate's), a logistic fit of whether the first fact is the right one (near and off
  questions: never), as ``bench.calibrate`` fits the lexical model. The features are read
  with the correction neutral, so a refit does not start from the shipped one. Paste the
  result into ``SEMANTIC_FITS`` (``bot/core/matcher_settings.py``).
- ``--loso``: the older tune sets' figures off, in-sample, as shipped, and leave-one-set-out
  (each question file or story asked with the constants fitted on all the others).
- ``--latency``: per-question time with the re-ranker off and on, over the synthetic fact base
  of ``bench.synthetic`` at 1,000 facts (encoding its facts timed apart).

    python -m bench.semantic --fit --backend static
    python -m bench.semantic --loso --backend static
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
from bench.heldout import (
    KnowledgeBase,
    Outcome,
    ask_newsdesk,
    knowledge_bases,
    matcher_for,
    semantic_settings,
    summarise,
)
from bot.core.confidence import semantic_lead
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.matcher_settings import SEMANTIC_FITS
from bot.core.semantic import SemanticIndex
from bot.core.semantic_backends import BACKENDS, Backend, embedder

Fit = tuple[float, float, float, float]
BLENDS = (0.0, 0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0)
# The correction that leaves the lexical log-odds as they are: the fit's first feature must be
# the lexical model's own, not one already corrected by a backend's shipped constants.
NEUTRAL = (0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Row:
    group: str
    source: str  # the question file or story: leave-one-set-out leaves these out in turn
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
                out.append(
                    Row(
                        kb.group,
                        question.source,
                        (-30.0, 0.0, 0.0),
                        False,
                        question.fact is not None,
                    )
                )
                continue
            first = ranked[0]
            confidence = min(max(first.confidence, 1e-12), 1 - 1e-12)
            lead = semantic_lead(ranked, 0)
            out.append(
                Row(
                    kb.group,
                    question.source,
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


def _searched(index: SemanticIndex, kbs: Sequence[KnowledgeBase]) -> dict[float, list[Row]]:
    """Each blend's rows over ``kbs`` (the correction neutral: the features are the lexical
    model's log-odds and the similarities as they are)."""
    return {
        blend: rows(
            kbs, MatcherSettings(semantic=index, semantic_blend=blend, semantic_calibration=NEUTRAL)
        )
        for blend in BLENDS
    }


def _fitted(searched: dict[float, list[Row]], leave_out: str = "") -> tuple[float, Fit]:
    """The blend putting the right fact first most often (the smallest of equals), then the
    correction fitted at it; on every set but ``leave_out``."""
    best: tuple[float, float] | None = None
    for blend, found in searched.items():
        share = right_first([r for r in found if r.source != leave_out])["all"]
        if best is None or share > best[1] + 1e-9:
            best = (blend, share)
    assert best is not None
    kept = [r for r in searched[best[0]] if r.source != leave_out]
    weights = fit(kept)  # type: ignore[arg-type]  # Row has what fit reads: features, right
    assert len(weights) == 4
    return best[0], (weights[0], weights[1], weights[2], weights[3])


def fit_semantic(backend: Backend) -> None:
    index = SemanticIndex(embedder(backend), questions=100_000)
    kbs = older_tune(knowledge_bases())
    print(f"older tune sets: {sum(len(kb.questions) for kb in kbs)} questions")
    searched = _searched(index, kbs)
    for blend, found in searched.items():
        shares = right_first(found)
        print(f"blend {blend}: right first " + ", ".join(f"{g} {v:.1%}" for g, v in shares.items()))
    blend, weights = _fitted(searched)
    print(f"\n{backend}: blend {blend}, calibration {weights}")


def leave_one_set_out(backend: Backend) -> None:
    """The older tune sets asked several ways, each figure from the same questions: the
    re-ranker off; on with the constants fitted on all of them now (in-sample), and with that
    blend but no correction; on with the backend's shipped constants (``SEMANTIC_FITS``); and
    on with, for each set, the constants fitted on the other sets only (out of sample)."""
    index = SemanticIndex(embedder(backend), questions=100_000)
    kbs = older_tune(knowledge_bases())
    searched = _searched(index, kbs)
    sources = sorted({q.source for kb in kbs for q in kb.questions})
    blend, weights = _fitted(searched)
    ways: dict[str, list[Outcome]] = {
        "off": [],
        "in-sample": [],
        "in-sample blend, no correction": [],
        "as shipped (SEMANTIC_FITS)": [],
        "leave-one-set-out": [],
    }
    fitted = MatcherSettings(semantic=index, semantic_blend=blend, semantic_calibration=weights)
    blended = MatcherSettings(semantic=index, semantic_blend=blend, semantic_calibration=NEUTRAL)
    shipped_blend, shipped_weights = SEMANTIC_FITS[backend]
    as_shipped = MatcherSettings(
        semantic=index, semantic_blend=shipped_blend, semantic_calibration=shipped_weights
    )
    for kb in kbs:
        ways["off"] += ask_newsdesk(kb, kb.questions, MatcherSettings())
        ways["in-sample"] += ask_newsdesk(kb, kb.questions, fitted)
        ways["in-sample blend, no correction"] += ask_newsdesk(kb, kb.questions, blended)
        ways["as shipped (SEMANTIC_FITS)"] += ask_newsdesk(kb, kb.questions, as_shipped)
    blends = []
    corrections = []
    for source in sources:
        held_blend, held_weights = _fitted(searched, leave_out=source)
        blends.append(held_blend)
        corrections.append(held_weights)
        settings = MatcherSettings(
            semantic=index, semantic_blend=held_blend, semantic_calibration=held_weights
        )
        for kb in kbs:
            asked = [q for q in kb.questions if q.source == source]
            if asked:
                ways["leave-one-set-out"] += ask_newsdesk(kb, asked, settings)
    print(
        f"{backend}: {len(sources)} older tune sets, "
        f"{sum(len(kb.questions) for kb in kbs)} questions; in-sample blend {blend}, "
        f"calibration {weights}; blends left one set out: {sorted(set(blends))}; "
        "corrections left one set out, each weight from its least to its most: "
        + ", ".join(f"{min(w):.3f}..{max(w):.3f}" for w in zip(*corrections, strict=True))
    )
    print("| group | way | right outright | right first | held back | precision |")
    print("|---|---|---|---|---|---|")
    for group in ("seed", "stories", "seed ru", "seed az"):
        for way, outcomes in ways.items():
            figures = summarise([o for o in outcomes if _group_of(kbs, o.kb) == group])
            cells = [
                "–" if figures[k] is None else f"{figures[k]:.1%}"
                for k in ("right outright", "right first", "held back", "precision")
            ]
            print(f"| {group} | {way} | " + " | ".join(cells) + " |")


def _group_of(kbs: Sequence[KnowledgeBase], name: str) -> str:
    return next(kb.group for kb in kbs if kb.name == name)


def _percentiles(timings: list[float]) -> str:
    timings = sorted(timings)
    p99 = timings[min(len(timings) - 1, round(0.99 * len(timings)))]
    return f"p50 {statistics.median(timings) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms"


def latency(backend: Backend, size: int = 1_000, count: int = 300) -> None:
    """Per-question time off and on over the same synthetic facts, asked in turn (a question
    off, the same on, the next...), so that a load on the machine weighs on both alike."""
    facts = list(synthetic.facts(size))
    asked = [q for q, _ in synthetic.questions(facts, count)]
    started = time.perf_counter()
    off = Matcher(facts)
    built = time.perf_counter() - started
    started = time.perf_counter()
    on = Matcher.from_state(off.export_state(), settings=semantic_settings(backend))
    encoded = time.perf_counter() - started
    print(f"{size} facts: index built in {built:.1f} s; facts' texts encoded in {encoded:.1f} s")
    timings: dict[str, list[float]] = {"off": [], "on": []}
    for question in asked[:20]:  # warm-up
        off.ask(question, limit=10)
        on.ask(question, limit=10)
    for question in asked:
        for name, matcher in (("off", off), ("on", on)):
            started = time.perf_counter()
            matcher.ask(question, limit=10)
            timings[name].append(time.perf_counter() - started)
    for name, taken in timings.items():
        print(f"{size} facts, semantic {backend} {name}: {_percentiles(taken)}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--latency", action="store_true")
    parser.add_argument("--loso", action="store_true", help="leave-one-set-out figures")
    parser.add_argument("--backend", choices=BACKENDS, default="e5")
    parser.add_argument("--size", type=int, default=1_000, help="facts, for --latency")
    parser.add_argument("--count", type=int, default=300, help="questions, for --latency")
    args = parser.parse_args(argv)
    if args.fit:
        fit_semantic(args.backend)
    if args.loso:
        leave_one_set_out(args.backend)
    if args.latency:
        latency(args.backend, args.size, args.count)


if __name__ == "__main__":
    main()
