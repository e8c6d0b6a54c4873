"""Fit newsdesk's confidence model on the tune questions, and say how well it holds up.

The matcher turns the evidence behind its best candidates (``calibration_features`` in
``bot/core/matcher.py``: relevance, lead over the runner-up, coverage, the share of the question
the index knows, whether the fact lacks what is asked for, ...) into a confidence: the chance
that the fact is the answer, from a logistic model. This script fits that model, on tune data
only:

- the `tune` half of ``bench/data/seed/questions_en*.yaml`` on the seed knowledge,
- the previous team's tuning set ``tests/data/seed_questions.yaml`` (answerable and off-topic),
- the `tune` stories (careful, casual, near and off questions), each its own knowledge base;
- the same stories' questions asked of each one's *draft*: its article ingested and the draft
  approved unchanged (``bench/drafts.py``'s machinery), one more knowledge base per story.
  Drafted facts have fewer phrasings than hand-written ones; without these the model, fitted
  on hand-written knowledge only, is unsure of drafts far more often than it need be.

A question's label is 1 when the matcher's first fact is the labelled one (for a draft: states
what the labelled fact states, judged through the article as ``bench/drafts.py`` judges
"right"); 0 for near and off questions, which no fact answers. Besides the fit, it prints an
honest estimate of how the model does on knowledge it was not fitted on: each knowledge base's
questions scored by a model fitted on the others' (leave one knowledge base out; a story's draft
and its hand-written knowledge share questions, so they are left out together), at several
answer thresholds, for the hand-written knowledge bases and the drafts apart.

    python -m bench.calibrate              # fit, print the estimate and the CALIBRATION tuple
    python -m bench.calibrate --no-drafts  # fit on hand-written knowledge only (as before)

The printed tuple is what ``CALIBRATION`` in ``bot/core/matcher.py`` holds. Needs numpy (comes
with the bench extra).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml

from bench.drafts import STORIES, Judged, Story, approved_draft
from bench.heldout import ROOT, KnowledgeBase, Question, knowledge_bases, matcher_for
from bot.core.matcher import (
    CALIBRATION_FEATURES,
    Matcher,
    MatcherSettings,
    calibration_features,
    clear_lead,
)
from bot.core.models import Fact

OLD_SEED = ROOT / "tests" / "data" / "seed_questions.yaml"
ANSWERABLE = ("careful", "casual", "old")
DRAFT = " (draft)"
PREDICTED: list[tuple[Example, float]] = []
SETTINGS = MatcherSettings()
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Example:
    kb: str
    kind: str
    question: str
    features: tuple[float, ...]
    right: bool
    blocked: bool
    clear: bool  # its first fact stands clear of the runner-up (``clear_lead``)

    @property
    def draft(self) -> bool:
        return self.kb.endswith(DRAFT)

    @property
    def fold(self) -> str:
        """What is left out together: a story's draft goes with its hand-written knowledge."""
        return self.kb.removesuffix(DRAFT)


def tune_sets() -> list[tuple[KnowledgeBase, list[Question]]]:
    """Every knowledge base with its tune questions (the seed one also gets the old set)."""
    old = yaml.safe_load(OLD_SEED.read_text(encoding="utf-8"))
    old_questions = [Question(i["q"], "old", i["id"], "tune") for i in old["answerable"]]
    old_questions += [Question(q, "off", None, "tune") for q in old["off_topic"]]
    out = []
    for kb in knowledge_bases():
        asked = [q for q in kb.questions if q.split == "tune"]
        if kb.name == "seed":
            asked += old_questions
        if asked:
            out.append((kb, asked))
    return out


# Whether a fact is the one a question's label names: on hand-written knowledge, the fact with
# that id; on a draft, a fact that restates it.
Right = Callable[[Fact, str], bool]
# What is gathered from one knowledge base's questions: given its name, its matcher, the
# questions and how a fact is judged right.
Collect = Callable[[str, Matcher, Sequence[Question], Right], list[T]]


def asked_of(
    name: str, matcher: Matcher, questions: Sequence[Question], right: Right
) -> list[Example]:
    out = []
    for question in questions:
        ranked, asked = matcher.explain(question.text)
        if not ranked:
            continue
        top = ranked[0]
        out.append(
            Example(
                name,
                question.kind,
                question.text,
                calibration_features(ranked, asked, 0),
                question.fact is not None and right(top.entry.fact, question.fact),
                top.blocked,
                clear_lead(ranked, SETTINGS),
            )
        )
    return out


def gathered(collect: Collect[T], settings: MatcherSettings | None = None) -> list[T]:
    """What ``collect`` gathers from every hand-written knowledge base's tune questions."""
    out: list[T] = []
    for kb, questions in tune_sets():
        matcher = matcher_for(kb, settings)
        out += collect(kb.name, matcher, questions, lambda fact, label: fact.id == label)
    return out


async def _drafts_gathered(collect: Collect[T], settings: MatcherSettings | None) -> list[T]:
    out: list[T] = []
    for folder in sorted(STORIES.iterdir()):
        if not (folder / "article.txt").is_file():
            continue
        story = Story.load(folder)
        if story.split != "tune":
            continue  # report stories are never read here
        questions = [
            Question(
                item["q"],
                str(item["kind"]).lower() if item["kind"] is not False else "off",
                item["fact"],
                story.split,
                folder.name,
            )
            for item in story.questions
        ]
        with tempfile.TemporaryDirectory() as tmp:
            kb, _, judged = await approved_draft(story, Path(tmp) / "draft")
            try:
                matcher = kb.matcher
                if settings is not None:
                    matcher = Matcher(matcher.facts(), analyzer=matcher.analyzer, settings=settings)

                def right(fact: Fact, label: str, judged: dict[str, Judged] = judged) -> bool:
                    return label in judged[fact.id].restates

                out += collect(story.slug + DRAFT, matcher, questions, right)
            finally:
                await kb.close()
    return out


def drafts_gathered(collect: Collect[T], settings: MatcherSettings | None = None) -> list[T]:
    """What ``collect`` gathers from the tune stories' questions asked of their drafts,
    approved unchanged."""
    return asyncio.run(_drafts_gathered(collect, settings))


def examples(settings: MatcherSettings | None = None) -> list[Example]:
    return gathered(asked_of, settings)


def draft_examples(settings: MatcherSettings | None = None) -> list[Example]:
    """The tune stories' questions asked of their drafts, approved unchanged."""
    return drafts_gathered(asked_of, settings)


def fit(rows: Sequence[Example], l2: float = 1.0) -> tuple[float, ...]:
    """Logistic regression (L2 on standardised features), returned as raw-feature weights:
    (intercept, w1, w2, ...)."""
    import numpy as np

    x = np.array([r.features for r in rows], dtype=float)
    y = np.array([1.0 if r.right else 0.0 for r in rows])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    for _ in range(5_000):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        gradient = z.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0] / len(y)
        w -= 0.5 * gradient
    raw = w[:-1] / scale
    intercept = w[-1] - float((w[:-1] * mean / scale).sum())
    return (round(float(intercept), 3), *(round(float(v), 3) for v in raw))


def confidence(weights: Sequence[float], features: Sequence[float]) -> float:
    import math

    z = weights[0] + sum(w * f for w, f in zip(weights[1:], features, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def estimate(
    rows: Sequence[Example],
    thresholds: Sequence[float],
    l2: float = 1.0,
    fitted_on: Callable[[Example], bool] = lambda row: True,
) -> str:
    """Leave one knowledge base out (a story's draft with its hand-written knowledge):
    precision, right-outright and held-back per threshold, for hand-written knowledge and for
    drafts apart. Only the rows ``fitted_on`` accepts are fitted on."""
    predicted: list[tuple[Example, float]] = []
    for fold in sorted({r.fold for r in rows}):
        weights = fit([r for r in rows if r.fold != fold and fitted_on(r)], l2)
        predicted += [(r, confidence(weights, r.features)) for r in rows if r.fold == fold]
    global PREDICTED
    PREDICTED = predicted
    lines = [
        "| knowledge | answer threshold | precision | right outright | held back |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, draft in (("hand-written", False), ("drafts", True)):
        group = [p for p in predicted if p[0].draft == draft]
        if not group:
            continue
        answerable = [p for p in group if p[0].kind in ANSWERABLE]
        others = [p for p in group if p[0].kind not in ANSWERABLE]
        for threshold in thresholds:

            def outright(pair: tuple[Example, float], t: float = threshold) -> bool:
                return pair[1] >= t and not pair[0].blocked and pair[0].clear

            answered = [p for p in group if outright(p)]
            precision = sum(p[0].right for p in answered) / len(answered) if answered else 1.0
            right = sum(outright(p) and p[0].right for p in answerable) / len(answerable)
            held = sum(not outright(p) for p in others) / len(others)
            lines.append(
                f"| {label} | {threshold:.2f} | {precision:.3f} | {right:.3f} | {held:.3f} |"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--l2", type=float, default=1.0, help="regularisation strength")
    parser.add_argument(
        "--drafts", action="store_true", help="fit on the drafts too (not only scored on them)"
    )
    parser.add_argument("--show", action="store_true", help="list confident mistakes")
    args = parser.parse_args(argv)
    rows = examples() + draft_examples()

    def fitted_on(row: Example) -> bool:
        return args.drafts or not row.draft

    weights = fit([r for r in rows if fitted_on(r)], args.l2)
    for label, draft in (("hand-written", False), ("draft", True)):
        group = [r for r in rows if r.draft == draft]
        print(f"{len(group)} tune questions of {label} knowledge, ", end="")
        print(f"{sum(r.right for r in group)} with the right fact first")
    fitted = "hand-written knowledge and drafts" if args.drafts else "hand-written knowledge"
    print(f"\nFitted on {fitted}. Leave one knowledge base out (each scored by a model ", end="")
    print("fitted on the others):\n")
    print(estimate(rows, (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9), args.l2, fitted_on))
    named = ", ".join(
        f"{name}={w}" for name, w in zip(("intercept", *CALIBRATION_FEATURES), weights, strict=True)
    )
    print(f"\nfitted on all of them: {named}")
    print(f"\nCALIBRATION: tuple[float, ...] = {weights!r}")
    if args.show:
        print("\nConfident and wrong (leave one knowledge base out, >= 0.7, not blocked):")
        for example, p in sorted(PREDICTED, key=lambda pair: -pair[1]):
            if p >= 0.7 and not example.right and not example.blocked and example.clear:
                print(f"  {p:.2f} [{example.kb} {example.kind}] {example.question}")


if __name__ == "__main__":
    main()
