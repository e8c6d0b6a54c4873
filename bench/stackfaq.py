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
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

from bench.metrics import summarise
from bot.core.loader import load_knowledge
from bot.core.matcher import Matcher
from bot.core.models import Decision
from bot.core.text import Analyzer, fold

Ranker = Callable[[str], list[str]]
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "stackfaq"
K = 10


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


def newsdesk_ranker(matcher: Matcher) -> Ranker:
    def rank(query: str) -> list[str]:
        return [m.fact.id for m in matcher.ask(query, limit=K).matches]

    return rank


def token_set_ranker(pairs: list[dict[str, object]]) -> Ranker:
    from rapidfuzz import fuzz, process

    choices = {str(p["id"]): fold(str(p["question"])) for p in pairs}

    def rank(query: str) -> list[str]:
        found = process.extract(fold(query), choices, scorer=fuzz.token_set_ratio, limit=K)
        return [key for _, _, key in found]

    return rank


def bm25_ranker(pairs: list[dict[str, object]], *, with_answer: bool = False) -> Ranker:
    import bm25s

    ids = [str(p["id"]) for p in pairs]
    texts = [str(p["question"]) + (" " + str(p["answer"]) if with_answer else "") for p in pairs]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)

    def rank(query: str) -> list[str]:
        tokens = bm25s.tokenize([query], stopwords="en", show_progress=False)
        if not tokens.vocab:
            return []
        results, _ = retriever.retrieve(tokens, k=K, show_progress=False)
        return [ids[i] for i in results[0]]

    return rank


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
        rankers: dict[str, Ranker] = {
            "newsdesk matcher": newsdesk_ranker(matcher),
            "rapidfuzz token_set_ratio (question)": token_set_ranker(pairs),
            "BM25 bm25s (question)": bm25_ranker(pairs),
            "BM25 bm25s (question+answer)": bm25_ranker(pairs, with_answer=True),
        }
        print(f"StackFAQ: {len(pairs)} QA pairs, {len(queries)} queries\n")
        print(f"{'method':<38} {'P@1':>6} {'MRR@10':>7} {'R@5':>6} {'MAP':>6} {'ms/q':>6}")
        for name, rank in rankers.items():
            s = evaluate(rank, queries)
            print(
                f"{name:<38} {s['P@1']:>6.3f} {s['MRR@10']:>7.3f} {s['R@5']:>6.3f} "
                f"{s['MAP']:>6.3f} {s['ms/query']:>6.2f}",
                flush=True,
            )
        cal_dir = Path(tmp) / "half"
        cal_dir.mkdir()
        print()
        for name, value in calibration(pairs, queries, cal_dir).items():
            print(f"calibration: {name}: {value:.1%}")


if __name__ == "__main__":
    main()
