"""Answer quality on StackFAQ (Karan & Šnajder 2018), beside rapidfuzz and BM25, in one run.

The QA pairs become facts (question -> ``questions``, answer -> ``answer``) written as a
knowledge directory in a temporary folder and read back through the project's own loader; the
paraphrased queries are asked through the project's matcher. The data is read from its folder
by path and never copied into the project.

    python -m bench.stackfaq --data ../shared/benchmarks/stackfaq
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import yaml

from bench import rankers as rankers_
from bench.metrics import summarise
from bench.rankers import K, Ranker
from bench.report import RESULTS, bar_chart, markdown_table, write
from bot.core.loader import load_knowledge
from bot.core.matcher import Matcher
from bot.core.models import Decision
from bot.core.text import Analyzer

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "stackfaq"


def read_jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_knowledge(pairs: list[dict[str, object]], directory: Path) -> None:
    facts = [
        {"id": str(p["id"]), "answer": str(p["answer"])[:3800], "questions": [str(p["question"])]}
        for p in pairs
    ]
    (directory / "stackfaq.yaml").write_text(
        yaml.safe_dump({"facts": facts}, allow_unicode=True, width=1000), encoding="utf-8"
    )


def evaluate(rank: Ranker, queries: Sequence[dict[str, object]]) -> dict[str, float]:
    rankings = []
    started = time.perf_counter()
    for query in queries:
        rankings.append((rank(str(query["query"])), set(query["relevant"])))  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    scores = summarise(rankings)
    scores["ms/query"] = elapsed / max(1, len(queries)) * 1000
    return scores


def calibration(
    pairs: list[dict[str, object]], queries: list[dict[str, object]], directory: Path
) -> dict[str, float]:
    """Half the threads removed: do queries about them come back unsure/unknown?"""
    threads = sorted({str(p["thread_id"]) for p in pairs})
    kept = set(threads[::2])
    write_knowledge([p for p in pairs if p["thread_id"] in kept], directory)
    knowledge = load_knowledge(directory)
    matcher = Matcher(knowledge.facts, analyzer=Analyzer(knowledge.synonyms))
    removed_declined = removed_total = answered = answered_right = 0
    for query in queries:
        result = matcher.ask(str(query["query"]), limit=K)
        if query["thread_id"] in kept:
            if result.decision is Decision.ANSWER:
                answered += 1
                answered_right += bool(
                    result.best and result.best.fact.id in set(query["relevant"])
                )  # type: ignore[arg-type]
        else:
            removed_total += 1
            removed_declined += result.decision is not Decision.ANSWER
    return {
        "removed threads declined": removed_declined / max(1, removed_total),
        "answered ones right": answered_right / max(1, answered),
        "kept queries answered": answered / max(1, len(queries) - removed_total),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    pairs = read_jsonl(args.data / "faq.jsonl")
    queries = read_jsonl(args.data / "queries.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "knowledge"
        directory.mkdir()
        write_knowledge(pairs, directory)
        knowledge = load_knowledge(directory)
        matcher = Matcher(knowledge.facts, analyzer=Analyzer(knowledge.synonyms))
        facts = list(knowledge.facts)
        rankers: dict[str, Ranker] = {
            "newsdesk matcher": rankers_.newsdesk(matcher),
            "rapidfuzz token_set_ratio (question)": rankers_.token_set(facts),
            "BM25 bm25s (question)": rankers_.bm25(facts),
            "BM25 bm25s (question+answer)": rankers_.bm25(facts, with_answer=True),
        }
        results: dict[str, dict[str, float | str]] = {}
        for name, rank in rankers.items():
            results[name] = dict(evaluate(rank, queries))
            print(f"{name}: done", file=sys.stderr, flush=True)
        cal_dir = Path(tmp) / "half"
        cal_dir.mkdir()
        calibrated = calibration(pairs, queries, cal_dir)
    columns = ["P@1", "MRR@10", "R@5", "MAP", "ms/query"]
    text = (
        f"StackFAQ: {len(pairs)} QA pairs, {len(queries)} queries, top {K} per query.\n\n"
        + markdown_table(results, columns)
        + "\n\nCalibration (newsdesk, half of the threads removed from the fact base):\n\n"
        + "\n".join(f"- {name}: {value:.1%}" for name, value in calibrated.items())
    )
    print(text)
    write("stackfaq", text)
    bar_chart(results, ["P@1", "MRR@10", "R@5", "MAP"], "StackFAQ (question field)", "stackfaq")
    print(f"\nwrote {RESULTS}/stackfaq.md and stackfaq.png")


if __name__ == "__main__":
    main()
