"""Learn the order of the matcher's best candidates from the tune questions, and say honestly
whether it beats the matcher's own order.

The matcher ranks candidates by a hand-weighted relevance, then reorders near ties by hand rules
(``stating_first``, ``kind_first``, ``worded_first``, ``bound_first``, ``named_first`` in
``bot/core/sibling_order.py``). This script fits a linear scorer over evidence about each of the
first ``DEPTH`` candidates by relevance (``FEATURES``: the relevance and its parts, coverage by
the answer and the best phrasing, the gap to the best, whether a phrasing asks the question's
kind or opens as it does, whether the fact lacks what is asked, the question's words that few of
the contenders hold, ...) with a listwise (softmax over the candidates, the right ones its
target) or pairwise (each right candidate against each other) logistic loss with L2, on every
tune knowledge base ``bench/calibrate.py`` gathers (hand-written and drafts). The confidence
model is then refitted on the new order.

The estimate is leave one knowledge base out (a story's draft with its hand-written knowledge,
as in ``bench/calibrate.py``): each knowledge base's questions are put in order by a scorer
fitted on the others and given confidences by a model fitted on the others' questions in that
scorer's order; the matcher's own gates (``Matcher.decide``) then answer outright or not. The
matcher's order and relevance alone (no hand rules) get the same treatment, so all are
compared on equal terms. On tune data the matcher's order is flattered: its hand rules were
written from these very questions' misses; ``--exclude`` keeps data it never saw apart.

    python -m bench.rerank                        # the table at the answer threshold (0.7)
    python -m bench.rerank --exclude NAME ...     # not fitted on these question files or
                                                  # stories (fresh tune data), shown apart
    python -m bench.rerank --thresholds 0.6 0.7 0.8   # outright against precision, per bar
    python -m bench.rerank --margin 1.5           # also: a learned lead of 1.5 (log odds)
                                                  # stands clear, as a relevance lead does

It prints the scorer fitted on all the data (less ``--exclude``). Needs numpy.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any
from unittest import mock

import bot.core.answer_decision as answer_decision
from bench.calibrate import ANSWERABLE, DRAFT, Example, Right, drafts_gathered, fit, gathered
from bench.heldout import Question
from bot.core.candidates import AskedQuestion, Candidate
from bot.core.confidence import EXACT, calibration_features, clear_lead
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.matcher_settings import CALIBRATION
from bot.core.models import Decision
from bot.core.sibling_order import (
    KIND_PHRASINGS,
    keyword_named,
    opens_as,
    phrased_for,
    question_opening,
    states_bound,
)

# How many of the best candidates by relevance are put in order.
DEPTH = 6
FEATURES = (
    "relevance",
    "gap",  # to the best relevance
    "phrasing",  # best phrasing's F2 coverage of the question
    "whole",  # share of the question's weight anywhere in the fact
    "answer",  # ... in its answer text
    "bm25",  # the BM25 part of its relevance
    "blocked",
    "soft_miss",
    "count_miss",
    "phrased_for",  # a phrasing sharing a word with the question asks its kind
    "unphrased",  # a kind is asked, the fact is phrased often enough, and none asks it
    "opens_as",  # a phrasing opens as the question does ("when did")
    "states_bound",  # "until when" asked, and its answer says until when
    "named",  # a keyword question, and the one fact named after it
    "terms_found",  # share of the question's terms it holds
    "sparse",  # one over its number of phrasings (at most a third)
    "exact",  # the question is one of its phrasings word for word
    "answer_lead",  # its answer coverage less the best's
    "phrasing_lead",  # its phrasing coverage less the best's
    "rank",  # its place by relevance, over DEPTH
    "first",  # first by relevance
    "distinct",  # weight of the question's terms it holds that at most half the others do
    "foreign_relevance",  # relevance, for a Russian or Azerbaijani question
    "answer_distinct",  # as distinct, of the terms its answer states
)


def features(
    matcher: Matcher, ranked: Sequence[Candidate], asked: AskedQuestion, question: str
) -> list[tuple[float, ...]]:
    """``FEATURES`` of the first ``DEPTH`` of ``ranked`` (in order of relevance)."""
    shown = list(ranked[:DEPTH])
    if not shown:
        return []
    top = shown[0]
    wants = int(asked.focus.wants)
    terms = frozenset(qt.term for qt in asked.query if qt.confidence > 0.0)
    opening = question_opening(question)
    keyword = asked.bare and asked.terms <= matcher.settings.keyword_terms
    named = keyword_named(shown, asked, matcher.analyzer) if keyword else []
    weight = {qt.term: qt.weight * qt.confidence for qt in asked.query}
    held: dict[str, int] = {}
    stated: dict[str, int] = {}
    for candidate in shown:
        for term in candidate.matched:
            held[term] = held.get(term, 0) + 1
        for term in set(candidate.entry.answer_terms) & weight.keys():
            stated[term] = stated.get(term, 0) + 1
    rare = {term for term, count in held.items() if 2 * count <= len(shown)}
    rarely_stated = {term for term, count in stated.items() if 2 * count <= len(shown)}
    out = []
    for index, candidate in enumerate(shown):
        entry = candidate.entry
        phrased = bool(wants) and phrased_for(matcher.analyzer, entry, wants, terms)
        dense = len(entry.fact.questions) >= KIND_PHRASINGS
        answer_terms = set(entry.answer_terms)
        out.append(
            (
                candidate.relevance,
                candidate.relevance - top.relevance,
                candidate.phrasing,
                candidate.whole,
                candidate.answer,
                candidate.bm25,
                float(candidate.blocked),
                float(candidate.soft_miss),
                float(candidate.count_miss),
                float(phrased),
                float(bool(wants) and dense and not phrased),
                float(bool(opening) and opens_as(entry, opening, terms)),
                float(asked.focus.until and states_bound(candidate)),
                float(len(named) == 1 and candidate is named[0]),
                len(candidate.matched) / asked.terms if asked.terms else 0.0,
                1.0 / max(3, len(entry.fact.questions)),
                float(candidate.phrasing >= EXACT),
                candidate.answer - top.answer,
                candidate.phrasing - top.phrasing,
                index / DEPTH,
                float(index == 0),
                sum(weight.get(term, 0.0) for term in candidate.matched if term in rare)
                / asked.total,
                candidate.relevance if asked.language != "en" else 0.0,
                sum(weight[term] for term in rarely_stated if term in answer_terms) / asked.total,
            )
        )
    return out


@dataclass(slots=True)
class Asked:
    """One tune question as the matcher read it: its candidates in the matcher's order and in
    order of relevance alone, and which of them are right."""

    kb: str
    question: Question
    matcher: Matcher
    asked: AskedQuestion
    current: list[Candidate]
    by_relevance: list[Candidate]
    features: list[tuple[float, ...]]  # of the first DEPTH by relevance
    right: dict[int, bool] = field(default_factory=dict)  # id() of a candidate: right
    scores: dict[int, float] = field(default_factory=dict)  # id(): the last learned score

    @property
    def draft(self) -> bool:
        return self.kb.endswith(DRAFT)

    @property
    def fold(self) -> str:
        """What is left out together: a story's draft goes with its hand-written knowledge."""
        return self.kb.removesuffix(DRAFT)

    @property
    def answerable(self) -> bool:
        return self.question.kind in ANSWERABLE

    def is_right(self, candidate: Candidate) -> bool:
        return self.right.get(id(candidate), False)


def asked_all(
    name: str, matcher: Matcher, questions: Sequence[Question], right: Right
) -> list[Asked]:
    """Every question of one knowledge base, read (a ``bench.calibrate.Collect``)."""
    out = []
    for question in questions:
        ranked, asked = matcher.explain(question.text)
        # The order before any hand rule: the one the matcher sorts by first.
        by_relevance = sorted(ranked, key=lambda c: (-c.relevance, -c.answer, c.entry.fact.id))
        item = Asked(
            name,
            question,
            matcher,
            asked,
            ranked,
            by_relevance,
            features(matcher, by_relevance, asked, question.text),
        )
        label = question.fact
        if label is not None:
            item.right = {id(c): right(c.entry.fact, label) for c in ranked}
        out.append(item)
    return out


# ------------------------------------------------------------------------------ fitting
def _arrays(rows: Sequence[Asked]) -> tuple[Any, Any, Any]:
    """Features [questions, DEPTH, features], which slots hold a candidate, which are right."""
    import numpy as np

    x = np.zeros((len(rows), DEPTH, len(FEATURES)))
    held = np.zeros((len(rows), DEPTH), dtype=bool)
    right = np.zeros((len(rows), DEPTH), dtype=bool)
    for i, row in enumerate(rows):
        for j, values in enumerate(row.features):
            x[i, j] = values
            held[i, j] = True
            right[i, j] = row.is_right(row.by_relevance[j])
    return x, held, right


def fit_order(rows: Sequence[Asked], l2: float = 10.0, loss: str = "listwise") -> tuple[float, ...]:
    """Weights of a linear scorer of ``FEATURES`` (raw; no intercept: only differences between
    candidates count), fitted on the questions with a right and a wrong candidate among the
    first ``DEPTH``; L2 on standardised features."""
    import numpy as np

    x, held, right = _arrays(rows)
    useful = (right & held).any(axis=1) & (~right & held).any(axis=1)
    x, held, right = x[useful], held[useful], right[useful]
    flat = x[held]
    mean = flat.mean(axis=0)
    scale = flat.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    z[~held] = 0.0
    w = np.zeros(z.shape[2])
    if loss == "pairwise":
        questions, slots = np.nonzero(right)
        diffs = [
            z[q, r] - z[q, np.nonzero(held[q] & ~right[q])[0]]
            for q, r in zip(questions, slots, strict=True)
        ]
        d = np.vstack(diffs)
        for _ in range(3_000):
            p = 1.0 / (1.0 + np.exp(-(d @ w)))
            w -= 0.5 * (-d.T @ (1.0 - p) + l2 * w) / len(d)
    else:
        for _ in range(3_000):
            s = z @ w
            s[~held] = -np.inf
            p = np.exp(s - s.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            target = p * right
            target /= target.sum(axis=1, keepdims=True)
            w -= 0.5 * (np.einsum("nk,nkf->f", p - target, z) + l2 * w) / len(z)
    return tuple(round(float(v), 4) for v in w / scale)


def learned_order(row: Asked, weights: Sequence[float]) -> list[Candidate]:
    """The first ``DEPTH`` candidates by relevance put in order by ``weights``, then the rest
    as they were; each one's score is kept in ``row.scores``."""
    scores = [sum(w * f for w, f in zip(weights, values, strict=True)) for values in row.features]
    row.scores = {id(c): s for c, s in zip(row.by_relevance, scores, strict=False)}
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    return [row.by_relevance[i] for i in order] + row.by_relevance[len(scores) :]


# ------------------------------------------------------------------------------ judging
Order = Callable[[Asked], list[Candidate]]


@dataclass(frozen=True, slots=True)
class Judged:
    row: Asked
    right_first: bool
    outright: bool


def _confidence(weights: Sequence[float], values: Sequence[float]) -> float:
    z = weights[0] + sum(w * f for w, f in zip(weights[1:], values, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@contextmanager
def _learned_lead_clear(row: Asked, margin: float) -> Iterator[None]:
    """While it lasts, the matcher takes a learned score lead of ``margin`` (log odds) over
    the runner-up as standing clear of it, as it does a lead in relevance."""

    def clear(ranked: Sequence[Candidate], settings: MatcherSettings) -> bool:
        if clear_lead(ranked, settings) or len(ranked) < 2:
            return True
        lead = row.scores.get(id(ranked[0]), 0.0) - row.scores.get(id(ranked[1]), math.inf)
        return lead >= margin

    with mock.patch.object(answer_decision, "clear_lead", clear):
        yield


def judged(
    row: Asked,
    ranked: list[Candidate],
    calibration: Sequence[float],
    threshold: float = 0.7,
    margin: float = math.inf,
) -> Judged:
    """What the matcher decides on ``ranked`` with confidences from ``calibration`` at the
    answer ``threshold`` (and a learned lead of ``margin`` standing clear)."""
    if not ranked:
        return Judged(row, False, False)
    ceiling = 1.0
    for index, candidate in enumerate(ranked[:2]):
        confidence = _confidence(calibration, calibration_features(ranked, row.asked, index))
        ceiling = candidate.confidence = min(ceiling, confidence)
    matcher = row.matcher
    settings = matcher.settings
    matcher.settings = replace(settings, answer_threshold=threshold)
    try:
        if math.isfinite(margin):
            with _learned_lead_clear(row, margin):
                decision = matcher.decide(ranked, row.asked)
        else:
            decision = matcher.decide(ranked, row.asked)
    finally:
        matcher.settings = settings
    return Judged(row, row.is_right(ranked[0]), decision is Decision.ANSWER)


def refit_calibration(rows: Sequence[Asked], order: Order) -> tuple[float, ...]:
    """The confidence model fitted on ``rows`` in ``order`` (``bench.calibrate.fit``)."""
    examples = []
    for row in rows:
        ranked = order(row)
        if ranked:
            values = calibration_features(ranked, row.asked, 0)
            right = row.is_right(ranked[0])
            examples.append(Example(row.kb, row.question.kind, "", values, right, False, True))
    return fit(examples)


@dataclass(frozen=True, slots=True)
class Method:
    name: str
    # Given the rows fitted on, the order of a question (None: the matcher's own).
    order: Callable[[Sequence[Asked]], Order] | None
    refit: bool  # the confidence refitted leave-one-out (else the shipped CALIBRATION)
    margin: float = math.inf  # a learned lead standing clear (``_learned_lead_clear``)


# Per question: its order and confidence model, both fitted without its knowledge base.
Plan = dict[int, tuple[Order, Sequence[float]]]


def leave_one_out(
    rows: Sequence[Asked],
    method: Method,
    fitted_on: Callable[[Asked], bool],
    calibrated_on: Callable[[Asked], bool],
) -> Plan:
    """Each row's order and confidence model by ``method``, fitted on the other knowledge
    bases' rows (``Asked.fold``) that ``fitted_on`` accepts, the confidence on those of them
    ``calibrated_on`` accepts."""
    plan: Plan = {}
    for fold in sorted({r.fold for r in rows}):
        train = [r for r in rows if r.fold != fold and fitted_on(r)]
        order: Order = method.order(train) if method.order else (lambda r: r.current)
        calibration: Sequence[float] = CALIBRATION
        if method.refit:
            calibration = refit_calibration([r for r in train if calibrated_on(r)], order)
        plan.update({id(r): (order, calibration) for r in rows if r.fold == fold})
    return plan


def decided(rows: Sequence[Asked], plan: Plan, method: Method, threshold: float) -> list[Judged]:
    out = []
    for row in rows:
        order, calibration = plan[id(row)]
        out.append(judged(row, order(row), calibration, threshold, method.margin))
    return out


def figures(items: Sequence[Judged]) -> tuple[int, float, float, float, float]:
    """Questions, right first and right outright (of the answerable), held back (of near and
    off), precision (of those answered outright)."""
    answerable = [j for j in items if j.row.answerable]
    others = [j for j in items if not j.row.answerable]
    answered = [j for j in items if j.outright]

    def share(part: Sequence[Judged], test: Callable[[Judged], bool]) -> float:
        return sum(map(test, part)) / len(part) if part else float("nan")

    return (
        len(items),
        share(answerable, lambda j: j.right_first),
        share(answerable, lambda j: j.right_first and j.outright),
        share(others, lambda j: not j.outright),
        share(answered, lambda j: j.right_first),
    )


Group = tuple[str, Callable[[Asked], bool]]


def groups(fresh: set[str]) -> list[Group]:
    def fitted(row: Asked) -> bool:
        return row.question.source not in fresh

    out: list[Group] = [
        ("seed en", lambda r: r.kb == "seed" and fitted(r)),
        ("stories", lambda r: not r.draft and not r.kb.startswith("seed") and fitted(r)),
        ("seed ru", lambda r: r.kb == "seed ru" and fitted(r)),
        ("seed az", lambda r: r.kb == "seed az" and fitted(r)),
        ("hand-written, all", lambda r: not r.draft and fitted(r)),
        ("drafts", lambda r: r.draft and fitted(r)),
    ]
    if fresh:
        out += [
            ("fresh hand-written (not fitted on)", lambda r: not r.draft and not fitted(r)),
            ("fresh drafts (not fitted on)", lambda r: r.draft and not fitted(r)),
        ]
    return out


def table(results: dict[str, list[Judged]], chosen: Sequence[Group]) -> str:
    lines = [
        "| questions | order | n | right first | right outright | held back | precision |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for label, test in chosen:
        for name, items in results.items():
            n, first, outright, held, precision = figures([j for j in items if test(j.row)])
            lines.append(
                f"| {label} | {name} | {n} | {first:.3f} | {outright:.3f} | {held:.3f} "
                f"| {precision:.3f} |"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--l2", type=float, default=10.0, help="regularisation strength")
    parser.add_argument("--loss", choices=("listwise", "pairwise"), default="listwise")
    parser.add_argument(
        "--exclude",
        nargs="*",
        default=[],
        metavar="NAME",
        help="question files (stem) or stories (folder) not fitted on: the fresh tune data",
    )
    parser.add_argument("--thresholds", nargs="*", type=float, default=[0.7])
    parser.add_argument(
        "--margin", type=float, help="also: a learned lead of this much stands clear"
    )
    parser.add_argument(
        "--calibrate-drafts", action="store_true", help="fit the confidence on drafts too"
    )
    args = parser.parse_args(argv)
    rows = gathered(asked_all) + drafts_gathered(asked_all)
    fresh = set(args.exclude)

    def fitted_on(row: Asked) -> bool:
        return row.question.source not in fresh

    def calibrated_on(row: Asked) -> bool:
        return args.calibrate_drafts or not row.draft

    def relevance(_: Sequence[Asked]) -> Order:
        return lambda r: r.by_relevance

    def learned(train: Sequence[Asked]) -> Order:
        weights = fit_order(train, args.l2, args.loss)
        return lambda r: learned_order(r, weights)

    methods = [
        Method("matcher's, shipped confidence", None, False),
        Method("matcher's", None, True),
        Method("relevance alone", relevance, True),
        Method("learned", learned, True),
    ]
    if args.margin is not None:
        methods.append(Method(f"learned, lead {args.margin} clear", learned, True, args.margin))
    plans = {m.name: leave_one_out(rows, m, fitted_on, calibrated_on) for m in methods}
    drafts = sum(r.draft for r in rows)
    print(f"{len(rows)} tune questions ({drafts} of drafts), leave one knowledge base out.")
    for threshold in args.thresholds:
        results = {m.name: decided(rows, plans[m.name], m, threshold) for m in methods}
        print(f"\nAnswer threshold {threshold}, the matcher's gates:\n")
        print(table(results, groups(fresh)))
    weights = fit_order([r for r in rows if fitted_on(r)], args.l2, args.loss)
    named = ", ".join(f"{n}={w}" for n, w in zip(FEATURES, weights, strict=True))
    print(f"\nscorer fitted on all of them: {named}")


if __name__ == "__main__":
    main()
