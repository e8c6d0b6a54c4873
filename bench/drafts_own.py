"""Drafts of our own reader articles, approved unchanged, asked their readers' questions.

A check on the drafter beside ``bench.drafts``: the articles and questions in
``tests/ingest/data/reader/`` were written for this (the questions before any draft of them was
read), so a drafter change that only suits the benchmark's tune stories shows up here. A
question is answered right when the fact given outright contains the question's ``key``
phrase (from the one sentence that answers it); ``near``/``off`` questions should be held back.

    python -m bench.drafts_own                   # the dev stories' figures
    python -m bench.drafts_own --show            # ... with their drafts and each miss
    python -m bench.drafts_own --split held      # the held-out stories: figures only
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path
from typing import Any

import yaml

from bench.drafts import scratch_knowledge_base
from bench.report import write
from bot.core.actors import Actor
from bot.core.models import Decision
from bot.ingest.pipeline import ingest

READER = Path(__file__).resolve().parents[1] / "tests" / "ingest" / "data" / "reader"


async def run(split: str, show: bool) -> None:
    questions: dict[str, Any] = yaml.safe_load((READER / "questions.yaml").read_text("utf-8"))
    held_out = set(questions.pop("held_out"))
    questions = {s: q for s, q in questions.items() if (s in held_out) == (split == "held")}
    show = show and split == "dev"  # the held-out stories' drafts and misses are never shown
    right = answerable = held = unanswerable = top1 = 0
    for slug, items in questions.items():
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "knowledge").mkdir()
            kb = await scratch_knowledge_base(Path(tmp))
            try:
                result = await ingest(kb, str(READER / f"{slug}.txt"), local_files=True)
                (drafted,) = result.drafted
                if show:
                    print(drafted.path.read_text("utf-8"))
                await kb.review(drafted.path.name, Actor.operator(), approve=True)
                for item in items:
                    asked = kb.matcher.ask(item["q"])
                    best = asked.best
                    outright = asked.decision is Decision.ANSWER
                    if "key" in item:
                        answerable += 1
                        ok = (
                            best is not None
                            and str(item["key"]).lower() in best.fact.answer.lower()
                        )
                        top1 += ok
                        right += ok and outright
                        if show and not (ok and outright):
                            got = best.fact.id if best else None
                            print(f"  X {item['q']!r} -> {got} {asked.decision.value}"
                                  f" {best.score if best else 0:.2f} right={ok}")  # fmt: skip
                    else:
                        unanswerable += 1
                        held += not outright
                        if show and outright and best is not None:
                            print(f"  LEAK {item['q']!r} -> {best.fact.id} {best.score:.2f}")
            finally:
                await kb.close()
    text = (
        f"own articles ({split}: {', '.join(questions)}): "
        f"right outright {right}/{answerable} ({right / answerable:.0%}), "
        f"top-1 {top1}/{answerable}, held back {held}/{unanswerable}"
    )
    print(text)
    write(f"drafts-own-{split}", f"Drafts of our own reader articles, approved unchanged "
          f"(`python -m bench.drafts_own --split {split}`):\n\n{text}\n")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", choices=("dev", "held"), default="dev")
    parser.add_argument("--show", action="store_true", help="dev only: drafts and misses")
    args = parser.parse_args()
    asyncio.run(run(args.split, args.show))


if __name__ == "__main__":
    main()
