"""Answer quality on the project's own seed question set, beside rapidfuzz and BM25.

The shipped knowledge (with its synonyms) is the fact base; ``tests/data/seed_questions.yaml``
gives the questions with the fact each must return, and off-topic questions that should not
be answered. The quality gate in ``tests/shipped`` asserts the newsdesk figures; this prints
them beside the alternatives in the same table format as the StackFAQ benchmark.

    python -m bench.seed_quality
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from bench import rankers
from bench.metrics import summarise
from bench.report import RESULTS, bar_chart, markdown_table, write
from bot.core.loader import load_knowledge
from bot.core.matcher import Matcher
from bot.core.models import Decision
from bot.core.text import Analyzer

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    knowledge = load_knowledge(ROOT / "tests" / "data" / "knowledge")
    questions = yaml.safe_load((ROOT / "tests/data/seed_questions.yaml").read_text("utf-8"))
    answerable = [(item["q"], {item["id"]}) for item in questions["answerable"]]
    off_topic: list[str] = questions["off_topic"]
    matcher = Matcher(knowledge.facts, analyzer=Analyzer(knowledge.synonyms))
    facts = list(knowledge.facts)
    methods = {
        "newsdesk matcher": rankers.newsdesk(matcher),
        "rapidfuzz token_set_ratio (questions)": rankers.token_set(facts),
        "BM25 bm25s (questions)": rankers.bm25(facts),
        "BM25 bm25s (questions+answer)": rankers.bm25(facts, with_answer=True),
    }
    results: dict[str, dict[str, float | str]] = {}
    for name, rank in methods.items():
        started = time.perf_counter()
        rankings = [(rank(question), relevant) for question, relevant in answerable]
        elapsed = time.perf_counter() - started
        results[name] = {**summarise(rankings), "ms/query": elapsed / len(answerable) * 1000}
    answered_right = sum(
        1
        for question, relevant in answerable
        if (r := matcher.ask(question)).decision is Decision.ANSWER
        and r.best is not None
        and r.best.fact.id in relevant
    )
    rejected = sum(matcher.ask(q).decision is Decision.UNKNOWN for q in off_topic)
    results["newsdesk matcher"]["answered right"] = answered_right / len(answerable)
    results["newsdesk matcher"]["off-topic unknown"] = rejected / len(off_topic)
    columns = ["P@1", "MRR@10", "R@5", "MAP", "answered right", "off-topic unknown", "ms/query"]
    text = (
        f"Seed question set: {len(answerable)} questions about the seed article, "
        f"{len(off_topic)} off-topic, {len(facts)} facts.\n\n"
        + markdown_table(results, columns)
        + "\n\n'answered right': answered outright (not 'not sure') with the right fact. "
        "'off-topic unknown': off-topic questions the bot says it does not know; the other "
        "methods always return a fact."
    )
    print(text)
    write("seed", text)
    bar_chart(results, ["P@1", "MRR@10", "MAP"], "Seed question set", "seed")
    print(f"\nwrote {RESULTS}/seed.md and seed.png")


if __name__ == "__main__":
    main()
