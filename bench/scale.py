"""Speed and scale: newsdesk's matcher beside a rapidfuzz full scan and BM25, 1k to 1M facts.

Each (method, size) runs in its own process so that peak memory is that method's alone.
Per-question latency is measured on one core after a warm-up, over typo'd questions from the
synthetic generator. For newsdesk, also: index build, adding one fact (database + index), a
cold start and reloads of the knowledge directory (up to 100k facts; writing 1M facts as YAML
for a reload is left out). And the command line's start as an operator meets it, through real
`python -m bot` processes: the first answer of `ask` with the facts stored and nothing changed.

    python -m bench.scale                       # 1k 10k 100k 1M, all methods
    python -m bench.scale --sizes 1000 10000 --methods newsdesk
    python -m bench.scale --sizes 100000 --methods newsdesk-cli --merge   # the CLI's start only
    python -m bench.scale --sizes 100000 --methods newsdesk --semantic static   # re-ranker on
    python -m bench.scale --sizes 100000 --methods newsdesk-cli --merge \
        --code ../older-checkout --label before                # the same, timed on other code
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bench.synthetic import facts, questions

RESULTS = Path(__file__).parent / "results"
METHODS = ("newsdesk", "rapidfuzz", "bm25")
CLI = "newsdesk-cli"
CLI_QUESTION = "why did the president recall the gas pipeline"
CLI_RUNS = 3
SEMANTIC = "newsdesk-semantic"
QUESTIONS = {1_000: 2_000, 10_000: 2_000, 100_000: 1_000, 1_000_000: 300}
SLOW_QUESTIONS = {1_000: 500, 10_000: 300, 100_000: 100, 1_000_000: 20}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _percentiles(timings: list[float]) -> dict[str, float]:
    timings = sorted(timings)
    return {
        "p50_ms": statistics.median(timings) * 1000,
        "p99_ms": timings[max(0, int(len(timings) * 0.99) - 1)] * 1000,
    }


def _time_questions(ask: Any, asked: list[tuple[str, str]]) -> dict[str, float]:
    for question, _ in asked[:20]:
        ask(question)
    timings = []
    hits = 0
    for question, expected in asked:
        started = time.perf_counter()
        best = ask(question)
        timings.append(time.perf_counter() - started)
        hits += best == expected
    return {**_percentiles(timings), "top1": hits / len(asked)}


def run_newsdesk(size: int, semantic: str = "") -> dict[str, Any]:
    from bot.core import country_names, index_snapshot
    from bot.core.matcher import Matcher, MatcherSettings

    settings = MatcherSettings()
    if semantic:  # the re-ranker on through this backend (its package loaded before timing)
        from bot.core.semantic_backends import BACKENDS, with_semantic

        settings = with_semantic(settings, next(b for b in BACKENDS if b == semantic))
    fact_list = list(facts(size))
    started = time.perf_counter()
    # As the bot makes the index it serves at start (``ServedIndex``): with the collector
    # paused, and from 10k facts on frozen out of its sight.
    freeze = len(fact_list) >= index_snapshot.FREEZE_FROM_FACTS
    with index_snapshot.long_lived_objects(freeze=freeze):
        matcher = Matcher(fact_list)
    row: dict[str, Any] = {"build_s": time.perf_counter() - started}
    if semantic:
        # The facts' texts encoded apart from the words' index, as a start from the index's
        # copy does (``Matcher.from_state`` encodes every fact's texts).
        started = time.perf_counter()
        with index_snapshot.long_lived_objects(freeze=freeze):
            matcher = Matcher.from_state(matcher.export_state(), settings=settings)
        encoded = time.perf_counter() - started
        row |= {"encode_s": encoded, "encode_s_per_1k_facts": encoded / size * 1000}

    def ask(question: str) -> str | None:
        best = matcher.ask(question, limit=10).best
        return best.fact.id if best else None

    # What a running bot's warm-up makes before members ask (``bot.core.timeline_warmer``),
    # besides the timeline, which no question here reads.
    country_names.prepare(matcher.written_languages())
    matcher.prepare_place_names()
    row |= _time_questions(ask, questions(fact_list, QUESTIONS[size]))
    from bot.core.models import Fact

    adds = []
    for n in range(50):
        fact = Fact(id=f"new-{n}", answer=f"Extra statement {n} about the zorblat pipeline talks")
        started = time.perf_counter()
        matcher.add(fact)
        adds.append(time.perf_counter() - started)
    row["index_add_ms"] = statistics.median(adds) * 1000
    row["peak_mb"] = _peak_mb()
    return row


def write_knowledge(size: int, directory: Path, files: int = 4) -> None:
    """The synthetic facts of ``size`` as ``files`` knowledge YAML files in ``directory``."""
    fact_list = list(facts(size))
    for index in range(files):
        chunk = fact_list[index::files]
        data = {
            "facts": [
                {
                    "id": f.id,
                    "answer": f.answer,
                    "questions": list(f.questions),
                    "tags": list(f.tags),
                }
                for f in chunk
            ]
        }
        text = yaml.dump(data, Dumper=yaml.CSafeDumper, width=1000, allow_unicode=True)
        (directory / f"part{index}.yaml").write_text(text, encoding="utf-8")


def _add_a_comment_to_every_file(directory: Path) -> None:
    for path in directory.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8") + "# read again\n", encoding="utf-8")


def run_newsdesk_service(size: int, directory: Path) -> dict[str, Any]:
    """Cold start, reloads and adds through KnowledgeBase: YAML, SQLite and index together.

    Runs in a process that does nothing else, so its peak memory is the bot's own.
    """
    from bot.composition import open_knowledge_base_at
    from bot.core.actors import Actor
    from bot.core.service import FactInput

    async def measure() -> dict[str, Any]:
        row: dict[str, Any] = {}
        started = time.perf_counter()
        kb = await open_knowledge_base_at(directory.parent / "bench.db", directory)
        row["cold_start_s"] = time.perf_counter() - started
        row["facts_served"] = len(kb.matcher)
        operator = Actor.operator()
        # A moderator edits one fact in one file and reloads.
        first = directory / "part0.yaml"
        text = first.read_text(encoding="utf-8")
        first.write_text(text.replace("officials said", "officials confirmed", 1), encoding="utf-8")
        started = time.perf_counter()
        report = await kb.reload(operator)
        row["reload_one_file_s"] = time.perf_counter() - started
        assert len(report.changed) == 1, report
        # Every file changed (a comment added to each): every file parsed again.
        _add_a_comment_to_every_file(directory)
        started = time.perf_counter()
        await kb.reload(operator)
        row["reload_all_files_s"] = time.perf_counter() - started
        adds = []
        for n in range(30):
            draft = FactInput(f"Extra statement {n} about the zorblat pipeline talks")
            started = time.perf_counter()
            await kb.add_fact(draft, operator)
            adds.append(time.perf_counter() - started)
        row["add_fact_ms"] = statistics.median(adds) * 1000
        row["add_fact_max_ms"] = max(adds) * 1000
        await kb.close()
        return row

    row = asyncio.run(measure())
    row["service_peak_mb"] = _peak_mb()
    return row


def _bot(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "bot", "--config", str(config), *args]


def _cli_env(code: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    return {**env, "PYTHONPATH": str(code)}


def _first_line_s(command: list[str], code: Path, stdin: str = "") -> tuple[float, float]:
    """Seconds from starting ``command`` to its first line of output, and to its exit."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=code,
        env=_cli_env(code),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(stdin)
    process.stdin.close()
    first = process.stdout.readline()
    answered = time.perf_counter() - started
    process.stdout.read()
    if process.wait() != 0 or not first:
        raise RuntimeError(f"{' '.join(command)} failed")
    return answered, time.perf_counter() - started


def run_cli_start(directory: Path, code: Path) -> dict[str, Any]:
    """`python -m bot ask` as an operator runs it, on facts stored by `kb reload` beforehand.

    "first answer": nothing changed since (the median of a few runs, after one that warms the
    file cache); "no index snapshot": the same once more with the saved index removed, as
    after a change to the facts; "run, nothing changed": the console chat `make run` starts,
    from start to its exit when told to quit at once.
    """
    config = directory.parent / "bench-cli.yaml"
    config.write_text(f"knowledge_dir: {directory}\ndatabase: cli.db\n", encoding="utf-8")
    ask = _bot(config, "ask", CLI_QUESTION)
    done = subprocess.run(
        _bot(config, "kb", "reload"), cwd=code, env=_cli_env(code), capture_output=True
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode()[-500:])
    _first_line_s(ask, code)
    runs = [_first_line_s(ask, code) for _ in range(CLI_RUNS)]
    row: dict[str, Any] = {
        "first_answer_s": statistics.median(r[0] for r in runs),
        "exit_s": statistics.median(r[1] for r in runs),
    }
    for snapshot in directory.parent.glob("cli.db.index"):
        snapshot.unlink()
    row["no_snapshot_first_answer_s"] = _first_line_s(ask, code)[0]
    run_times = [_first_line_s(_bot(config, "run"), code, "quit\n")[1] for _ in range(2)]
    row["run_unchanged_s"] = min(run_times)
    return row


def run_rapidfuzz(size: int) -> dict[str, Any]:
    from rapidfuzz import fuzz, process

    from bot.core.folding import fold

    fact_list = list(facts(size))
    started = time.perf_counter()
    choices = [fold(f.questions[0]) for f in fact_list]
    ids = [f.id for f in fact_list]
    row: dict[str, Any] = {"build_s": time.perf_counter() - started}

    def ask(question: str) -> str | None:
        found = process.extractOne(fold(question), choices, scorer=fuzz.token_set_ratio)
        return ids[found[2]] if found else None

    row |= _time_questions(ask, questions(fact_list, SLOW_QUESTIONS[size]))
    row["peak_mb"] = _peak_mb()
    return row


def run_bm25(size: int) -> dict[str, Any]:
    import bm25s

    fact_list = list(facts(size))
    started = time.perf_counter()
    texts = [" ".join(f.questions) + " " + f.answer for f in fact_list]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    row: dict[str, Any] = {"build_s": time.perf_counter() - started}
    ids = [f.id for f in fact_list]

    def ask(question: str) -> str | None:
        tokens = bm25s.tokenize([question], stopwords="en", show_progress=False)
        if not tokens.vocab:
            return None
        results, _ = retriever.retrieve(tokens, k=1, show_progress=False, n_threads=1)
        return ids[results[0][0]]

    row |= _time_questions(ask, questions(fact_list, SLOW_QUESTIONS[size] * 2))
    row["peak_mb"] = _peak_mb()
    return row


CHILDREN = {
    "newsdesk": run_newsdesk,
    "rapidfuzz": run_rapidfuzz,
    "bm25": run_bm25,
}


def child(method: str, size: int, *extra: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    command = [sys.executable, "-m", "bench.scale", "--child", method, str(size), *extra]
    # Question latency on one core, as the targets are stated; the service figures (reloads
    # parse files in worker processes) on the whole machine.
    if method not in ("newsdesk-service", CLI) and _has_taskset():
        command = ["taskset", "-c", "0", *command]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _has_taskset() -> bool:
    from shutil import which

    return which("taskset") is not None


def table(rows: dict[tuple[str, int], dict[str, Any]], sizes: list[int]) -> str:
    lines = [
        "| method | facts | build s | p50 ms | p99 ms | top-1 | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for method in METHODS:
        for size in sizes:
            row = rows.get((method, size))
            if row is None:
                continue
            if "error" in row:
                lines.append(f"| {method} | {size:,} | error: {row['error'][:60]} |||||")
                continue
            lines.append(
                f"| {method} | {size:,} | {row['build_s']:.2f} | {row['p50_ms']:.3f} | "
                f"{row['p99_ms']:.3f} | {row['top1']:.1%} | {row['peak_mb']:.0f} |"
            )
    lines += _cli_table(rows, sizes)
    lines += _semantic_table(rows, sizes)
    service = [(s, rows[("newsdesk-service", s)]) for s in sizes if ("newsdesk-service", s) in rows]
    if service:
        lines += [
            "",
            "| newsdesk service | facts | cold start s | reload, 1 file edited s | "
            "reload, all files re-read s | add one fact ms (p50 / max) | peak MB |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for size, row in service:
            if "error" in row:
                lines.append(f"| | {size:,} | error: {row['error'][:60]} |||||")
                continue
            lines.append(
                f"| | {size:,} | {row['cold_start_s']:.2f} | {row['reload_one_file_s']:.2f} | "
                f"{row['reload_all_files_s']:.2f} | {row['add_fact_ms']:.2f} / "
                f"{row['add_fact_max_ms']:.2f} | {row['service_peak_mb']:.0f} |"
            )
    return "\n".join(lines)


def _rows_under(
    rows: dict[tuple[str, int], dict[str, Any]], prefix: str, sizes: list[int]
) -> list[tuple[tuple[str, int], dict[str, Any]]]:
    """The rows of methods named ``prefix/LABEL`` at these sizes, by label and size."""
    return sorted(
        ((method.partition("/")[2], size), row)
        for (method, size), row in rows.items()
        if method.startswith(f"{prefix}/") and size in sizes
    )


def _labelled_table(
    found: list[tuple[tuple[str, int], dict[str, Any]]],
    header: list[str],
    cells: Callable[[dict[str, Any]], str],
) -> list[str]:
    """A table of ``_rows_under``'s rows under its two ``header`` lines: label, size, then the
    row's ``cells`` (or its error in the first of them, the rest left empty)."""
    if not found:
        return []
    empty = "|" * (header[1].count("|") - 3)
    lines = ["", *header]
    for (label, size), row in found:
        if "error" in row:
            lines.append(f"| {label} | {size:,} | error: {row['error'][:60]} {empty}")
        else:
            lines.append(f"| {label} | {size:,} | {cells(row)} |")
    return lines


def _semantic_table(rows: dict[tuple[str, int], dict[str, Any]], sizes: list[int]) -> list[str]:
    return _labelled_table(
        _rows_under(rows, SEMANTIC, sizes),
        [
            "| newsdesk, semantic re-ranker | facts | index build s | encoding s (per 1k facts) | "
            "p50 ms | p99 ms | top-1 | peak MB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ],
        lambda row: (
            f"{row['build_s']:.2f} | {row['encode_s']:.1f} "
            f"({row['encode_s_per_1k_facts']:.2f}) | {row['p50_ms']:.3f} | {row['p99_ms']:.3f} | "
            f"{row['top1']:.1%} | {row['peak_mb']:.0f}"
        ),
    )


def _cli_table(rows: dict[tuple[str, int], dict[str, Any]], sizes: list[int]) -> list[str]:
    lines = _labelled_table(
        _rows_under(rows, CLI, sizes),
        [
            "| `python -m bot`, facts stored | facts | first answer of `ask`, nothing changed s | "
            "exit s | first answer, no index snapshot s | `run` (console) start to exit, "
            "nothing changed s |",
            "|---|---:|---:|---:|---:|---:|",
        ],
        lambda row: (
            f"{row['first_answer_s']:.2f} | {row['exit_s']:.2f} | "
            f"{row['no_snapshot_first_answer_s']:.2f} | {row['run_unchanged_s']:.2f}"
        ),
    )
    if not lines:
        return []
    lines += [
        "",
        "Real `python -m bot` processes on facts stored by `kb reload`; a row per checkout "
        "timed (`--code`, named by `--label`). `ask`: the median of 3 runs after one that "
        "warms the file cache.",
    ]
    return lines


def plot(rows: dict[tuple[str, int], dict[str, Any]], sizes: list[int], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(7, 4.5))
    for method, colour in zip(METHODS, ("tab:blue", "tab:orange", "tab:green"), strict=True):
        points = [(s, rows[(method, s)]) for s in sizes if "p50_ms" in rows.get((method, s), {})]
        if not points:
            continue
        xs = [s for s, _ in points]
        axis.plot(xs, [r["p50_ms"] for _, r in points], "o-", color=colour, label=f"{method} p50")
        axis.plot(xs, [r["p99_ms"] for _, r in points], "s--", color=colour, label=f"{method} p99")
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_xlabel("facts")
    axis.set_ylabel("ms per question (one core)")
    axis.set_title("Latency per question against fact base size")
    axis.grid(True, which="both", alpha=0.3)
    axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--methods",
        nargs="+",
        default=[*METHODS, CLI],
        choices=(*METHODS, CLI),
        help=f"{CLI}: the start of `python -m bot ask` and `run` (sizes up to 100k)",
    )
    parser.add_argument(
        "--code",
        type=Path,
        default=Path(__file__).resolve().parents[1],
        help=f"the checkout whose `python -m bot` {CLI} times (default: this one)",
    )
    parser.add_argument(
        "--label", default="this version", help=f"what {CLI} rows are called in the table"
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="keep the other rows of the last run (bench/results/scale.json), replace these",
    )
    parser.add_argument(
        "--semantic",
        # bot.core.semantic_backends.BACKENDS, written out: importing bot here would load it
        # into every child process too (this script is each one's entry point), the baselines'
        # included, and count in the peak memory they report.
        choices=("e5", "static"),
        help="time newsdesk with the semantic re-ranker on through this backend too (its "
        "extra installed): index build, encoding of the facts' texts, per-question latency",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        method, size = args.child[0], int(args.child[1])
        if method == "newsdesk-service":
            print(json.dumps(run_newsdesk_service(size, Path(args.child[2]))))
        elif method == CLI:
            print(json.dumps(run_cli_start(Path(args.child[2]), Path(args.child[3]))))
        elif method == SEMANTIC:
            print(json.dumps(run_newsdesk(size, args.child[2])))
        else:
            print(json.dumps(CHILDREN[method](size)))
        return
    rows: dict[tuple[str, int], dict[str, Any]] = {}
    for size in args.sizes:
        for method in args.methods:
            if method == CLI:
                continue
            print(f"{method} at {size:,} facts...", file=sys.stderr, flush=True)
            rows[(method, size)] = child(method, size)
            if method == "newsdesk" and args.semantic:
                print(f"newsdesk, semantic {args.semantic}, at {size:,} facts...", file=sys.stderr)
                rows[(f"{SEMANTIC}/{args.semantic}", size)] = child(SEMANTIC, size, args.semantic)
        service = "newsdesk" in args.methods
        cli = CLI in args.methods
        if (service or cli) and size <= 100_000:
            with tempfile.TemporaryDirectory() as tmp:
                directory = Path(tmp) / "knowledge"
                directory.mkdir()
                write_knowledge(size, directory)
                if cli:
                    # First, while the directory is as written: the service run edits it.
                    print(f"{CLI} ({args.label}) at {size:,} facts...", file=sys.stderr)
                    rows[(f"{CLI}/{args.label}", size)] = child(
                        CLI, size, str(directory), str(args.code.resolve())
                    )
                if service:
                    print(f"newsdesk service at {size:,} facts...", file=sys.stderr, flush=True)
                    rows[("newsdesk-service", size)] = child(
                        "newsdesk-service", size, str(directory)
                    )
    RESULTS.mkdir(exist_ok=True)
    saved = RESULTS / "scale.json"
    sizes = list(args.sizes)
    if args.merge and saved.exists():
        earlier = {(m, int(n)): row for m, n, row in json.loads(saved.read_text("utf-8"))}
        rows = {**earlier, **rows}
        sizes = sorted({n for _, n in rows})
    saved.write_text(json.dumps([[m, n, row] for (m, n), row in rows.items()]), "utf-8")
    args.sizes = sizes
    text = table(rows, args.sizes)
    print(text)
    (RESULTS / "scale.md").write_text(text + "\n", encoding="utf-8")
    try:
        plot(rows, args.sizes, RESULTS / "scale_latency.png")
    except ImportError:
        print(f"\nwrote {RESULTS / 'scale.md'}; no plot (install the bench extra)")
    else:
        print(f"\nwrote {RESULTS / 'scale.md'} and {RESULTS / 'scale_latency.png'}")


if __name__ == "__main__":
    main()
