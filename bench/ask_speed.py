"""How fast one question is answered as the fact base grows (index build, p50/p99 per ask).

python -m bench.ask_speed --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.synthetic import facts, questions
from bot.core.matcher import Matcher


def measure(size: int, n_questions: int) -> dict[str, float]:
    fact_list = list(facts(size))
    started = time.perf_counter()
    matcher = Matcher(fact_list)
    build = time.perf_counter() - started
    asked = questions(fact_list, n_questions)
    for question, _ in asked[:50]:  # warm-up: caches, vocabulary buckets
        matcher.ask(question)
    timings = []
    hits = 0
    for question, expected in asked:
        t0 = time.perf_counter()
        result = matcher.ask(question)
        timings.append(time.perf_counter() - t0)
        hits += bool(result.best and result.best.fact.id == expected)
    timings.sort()
    return {
        "facts": size,
        "build_s": build,
        "p50_ms": statistics.median(timings) * 1000,
        "p99_ms": timings[int(len(timings) * 0.99) - 1] * 1000,
        "top1": hits / len(asked),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--questions", type=int, default=1_000)
    args = parser.parse_args()
    print(f"{'facts':>9} {'build s':>8} {'p50 ms':>8} {'p99 ms':>8} {'top-1':>6}")
    for size in args.sizes:
        row = measure(size, args.questions)
        print(
            f"{row['facts']:>9,.0f} {row['build_s']:>8.2f} {row['p50_ms']:>8.3f} "
            f"{row['p99_ms']:>8.3f} {row['top1']:>6.1%}",
            flush=True,
        )


if __name__ == "__main__":
    main()
