"""Scaling out: one bot process against two (two shards each), and how fast a change made
through one process is answered through the other (not a test).

python -m bench.scale_out [--db LOCATION] [--users 200] [--questions 2000] [--changes 50]

Starts ``tests/e2e/fake_discord.FakeDiscordServer`` in this process with four guilds, one on
each of four shards, and ``--users`` members spread over them, and real bot processes
(``python -m bot run`` through ``tests/e2e/bot_process.py``, each its own process and event
loop) on one database:

1. **one process**, unsharded: every member asks its share of ``--questions`` seed questions
   with ``/ask``, one after another, all members at once;
2. **two processes**, ``--shards 0-1`` and ``--shards 2-3`` of 4: the same load, each guild's
   questions reaching the process that runs its shard;
3. **change to answer**, with the two processes: ``--changes`` times, a moderator of the home
   guild (shard 0, the first process) puts a new fact in a knowledge file and runs
   ``/kb reload``; from the moment the reload is confirmed, a member of a guild on shard 3
   (the second process) asks for it every 20 ms until the answer is that fact. A random pause
   (0-1 s) between changes spreads them over the second process's one-second reading rhythm.

A reply time runs from just before the fake dispatches the interaction to the moment it has
recorded the bot's callback; throughput is answers over the wall time of the run. The fake
Discord has its own process (this one), so on a 2-core machine one bot process has a core to
itself and two share one; the CPU seconds each side used are reported with the figures. The
two set-ups alternate ``--rounds`` times (the machine may be shared: the median round is
reported, with the range). ``--db`` (default: a new SQLite file per run; or ``NEWSDESK_DB``) is
where every process of a run keeps the facts: give a PostgreSQL URL once that store exists.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import platform
import random
import string
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.e2e_latency import percentile, seed_questions
from tests.e2e.bot_process import BotProcess, bot_processes, start_bot_process, write_settings
from tests.e2e.fake_discord import FakeDiscordServer, FakeGuild, FakeUser, RecordedRequest
from tests.e2e.harness import make_settings

RESULTS = Path(__file__).resolve().parent / "results"
SHARDS = 4
CHANGE_FILE = "bench-change.yaml"


@dataclass
class World:
    server: FakeDiscordServer
    guilds: list[FakeGuild]
    """guilds[n] is on shard n (of 4)."""
    mod: FakeUser
    members: list[FakeUser]


def build_world(server: FakeDiscordServer, users: int) -> World:
    guilds = [server.add_guild(f"Newsroom {n}", shard=(n, SHARDS)) for n in range(SHARDS)]
    mod = server.add_user("mod")
    server.add_member(guilds[0], mod, roles=[guilds[0].moderator_role])
    members = []
    for n in range(users):
        member = server.add_user(f"member{n}")
        server.add_member(guilds[n % SHARDS], member)
        members.append(member)
    return World(server, guilds, mod, members)


@dataclass
class Load:
    seconds: float = 0.0
    replies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    bot_cpu: float = 0.0
    fake_cpu: float = 0.0

    def figures(self) -> dict[str, float]:
        ms = sorted(s * 1000 for s in self.replies) or [0.0]
        return {
            "answers": len(self.replies),
            "seconds": self.seconds,
            "questions_per_second": len(self.replies) / self.seconds if self.seconds else 0.0,
            "p50_ms": percentile(ms, 50),
            "p99_ms": percentile(ms, 99),
            "max_ms": ms[-1],
            "errors": len(self.errors),
            "bot_cpu_s": self.bot_cpu,
            "fake_cpu_s": self.fake_cpu,
        }


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def answered(callback: RecordedRequest) -> str | None:
    embeds = (callback.json.get("data") or {}).get("embeds") or [{}]
    footer = str((embeds[0].get("footer") or {}).get("text", ""))
    return (
        footer.removeprefix("fact id: ").split(" ")[0] if footer.startswith("fact id: ") else None
    )


async def ask(
    server: FakeDiscordServer, user: FakeUser, guild: FakeGuild, question: str
) -> RecordedRequest:
    interaction = await server.send_slash_command(
        "ask", {"question": question}, user, guild_id=guild
    )
    return await server.wait_for_callback(interaction, timeout=120)


async def member_asks(
    world: World, user: FakeUser, guild: FakeGuild, questions: list[str], load: Load
) -> None:
    for question in questions:
        started = time.perf_counter()
        try:
            callback = await ask(world.server, user, guild, question)
        except TimeoutError:
            load.errors.append(f"{user.username}: no answer to {question!r}")
            continue
        load.replies.append(time.perf_counter() - started)
        data = callback.json.get("data") or {}
        if callback.json.get("type") != 4 or not data.get("embeds"):
            load.errors.append(f"{user.username}: {callback.json}"[:300])


async def run_load(world: World, questions: int, pids: list[int]) -> Load:
    seed = seed_questions()
    users = len(world.members)
    shares = [
        [seed[(m * 7 + k) % len(seed)] for k in range(questions // users)] for m in range(users)
    ]
    guild_of = {member.id: world.guilds[n % SHARDS] for n, member in enumerate(world.members)}
    # A warm-up question per guild: first answers load what a process loads lazily.
    for guild, member in zip(world.guilds, world.members, strict=False):
        await ask(world.server, member, guild, seed[0])
    load = Load()
    bots_before, fake_before = sum(map(cpu_seconds, pids)), time.process_time()
    started = time.perf_counter()
    await asyncio.gather(
        *(
            member_asks(world, member, guild_of[member.id], share, load)
            for member, share in zip(world.members, shares, strict=True)
        )
    )
    load.seconds = time.perf_counter() - started
    load.bot_cpu = sum(map(cpu_seconds, pids)) - bots_before
    load.fake_cpu = time.process_time() - fake_before
    return load


def marker(n: int) -> str:
    """A made-up word per change (answered only once the change is in the index)."""
    letters = string.ascii_lowercase
    return f"zorb{letters[n // 26 % 26]}{letters[n % 26]}"


def change_text(n: int) -> str:
    word = marker(n)
    return (
        "facts:\n"
        f"  - id: bench-change-{n}\n"
        f"    answer: The bench marker {word} was announced by change number {n}.\n"
        "    questions:\n"
        f"      - what is the bench marker {word}\n"
    )


async def change_to_answer(world: World, knowledge: Path, changes: int) -> dict[str, Any]:
    """Seconds from a confirmed /kb reload through the first process to the second's answer."""
    server, home, far = world.server, world.guilds[0], world.guilds[3]
    asker = next(m for n, m in enumerate(world.members) if n % SHARDS == 3)
    delays: list[float] = []
    reloads: list[float] = []
    errors: list[str] = []
    for n in range(changes):
        await asyncio.sleep(random.uniform(0, 1))
        (knowledge / CHANGE_FILE).write_text(change_text(n), encoding="utf-8")
        sent = time.perf_counter()
        reload = await server.send_slash_command("kb reload", None, world.mod, guild_id=home)
        await server.wait_for_callback(reload, timeout=60)
        followup = await server.wait_for_request(
            method="POST", path=r"/webhooks/\d+/[^/]+", timeout=60
        )
        confirmed = time.perf_counter()
        reloads.append(confirmed - sent)
        if followup.json["embeds"][0]["title"] != "Knowledge reloaded":
            errors.append(f"reload {n}: {followup.json}"[:300])
            continue
        wanted = f"bench-change-{n}"
        while True:
            callback = await ask(server, asker, far, f"what is the bench marker {marker(n)}")
            if answered(callback) == wanted:
                delays.append(time.perf_counter() - confirmed)
                break
            if time.perf_counter() - confirmed > 30:
                errors.append(f"change {n} never answered by the other process")
                break
            await asyncio.sleep(0.02)
    ms = sorted(d * 1000 for d in delays) or [0.0]
    reload_ms = sorted(r * 1000 for r in reloads) or [0.0]
    return {
        "changes": len(delays),
        "p50_ms": percentile(ms, 50),
        "p99_ms": percentile(ms, 99),
        "max_ms": ms[-1],
        "reload_p50_ms": percentile(reload_ms, 50),
        "errors": errors,
    }


@contextlib.asynccontextmanager
async def processes(
    server: FakeDiscordServer,
    world: World,
    directory: Path,
    database: str,
    shard_ranges: list[str | None],
) -> AsyncIterator[list[tuple[BotProcess, Path]]]:
    """Bot processes on ``database`` (None: unsharded; else a range of the 4 shards), ready."""
    started: list[tuple[BotProcess, Path]] = []
    guild_ids = tuple(g.id for g in world.guilds)
    for n, shards in enumerate(shard_ranges):
        home = directory / f"process-{n}"
        home.mkdir()
        settings = make_settings(
            home,
            guild_ids,
            {
                "database": database,
                "discord": {"home_guilds": [guild_ids[0]]},
                "logging": {"level": "WARNING"},
            },
        )
        config = write_settings(settings, home / "bot.yaml")
        args = ["run", "--config", str(config)]
        if shards is not None:
            args += ["--shards", shards, "--shard-count", str(SHARDS)]
        process = await start_bot_process(
            f"process-{n}", server.api_base, str(server.gateway_url), args
        )
        started.append((process, settings.knowledge_dir))
    async with bot_processes(*(p for p, _ in started)):
        await asyncio.gather(
            *(
                wait_ready(server, p, shards)
                for (p, _), shards in zip(started, shard_ranges, strict=True)
            )
        )
        yield started


async def wait_ready(server: FakeDiscordServer, process: BotProcess, shards: str | None) -> None:
    """Every shard of ``process`` has a live session (its log is at WARNING: no ready line)."""
    wanted = [0] if shards is None else list(range(int(shards[0]), int(shards[-1]) + 1))
    for shard in wanted:
        await server.wait_for_session(timeout=120, shard=shard)
    await asyncio.sleep(0.5)  # the ready events (0.1 s without new servers) and first reads


async def one_run(
    label: str, shard_ranges: list[str | None], args: argparse.Namespace, changes: int
) -> dict[str, Any]:
    server = FakeDiscordServer(bot_name="newsdesk", shard_count=SHARDS, max_concurrency=16)
    world = build_world(server, args.users)
    await server.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            database = args.db or str(Path(tmp) / "newsdesk.db")
            async with processes(server, world, Path(tmp), database, shard_ranges) as running:
                load = await run_load(world, args.questions, [p.pid for p, _ in running])
                result: dict[str, Any] = {"label": label, **load.figures()}
                result["load_errors"] = load.errors[:10]
                if changes:
                    result["change"] = await change_to_answer(world, running[0][1], changes)
            result["log_errors"] = [line for p, _ in running for line in p.errors()][:10]
    finally:
        await server.stop()
    result["fake_errors"] = [str(r) for r in server.unknown_requests + server.fake_errors][:10]
    return result


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return sorted(runs, key=lambda r: r["questions_per_second"])[len(runs) // 2]


def report(rounds: dict[str, list[dict[str, Any]]], args: argparse.Namespace) -> str:
    backend = "SQLite" if not args.db or "://" not in args.db else args.db.split("://")[0]
    lines = [
        "# Scaling out: bot processes and shards",
        "",
        f"`python -m bench.scale_out --users {args.users} --questions {args.questions} "
        f"--changes {args.changes} --rounds {args.rounds}` on {os.cpu_count()} cores "
        f"({platform.machine()}, Python {platform.python_version()}), database: {backend}. "
        "The fake Discord runs in the bench's own process; each bot is a `python -m bot run` "
        f"process of its own. Load average of the machine at the start: {args.load_before:.1f} "
        "(the machine is shared with other work). Each row is the median of its rounds by "
        "throughput; the range is over all rounds.",
        "",
        "| bot processes | shards | answers | questions/s (range) | p50 ms | p99 ms | "
        "bot CPU ms per answer | bot CPU s | fake CPU s | wall s | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, runs in rounds.items():
        run = median_run(runs)
        rates = [r["questions_per_second"] for r in runs]
        lines.append(
            f"| {label} | {run['shards']} | {run['answers']:,} | "
            f"{run['questions_per_second']:.0f} ({min(rates):.0f}-{max(rates):.0f}) | "
            f"{run['p50_ms']:.0f} | {run['p99_ms']:.0f} | "
            f"{1000 * run['bot_cpu_s'] / max(1, run['answers']):.2f} | {run['bot_cpu_s']:.1f} | "
            f"{run['fake_cpu_s']:.1f} | {run['seconds']:.1f} | {sum(r['errors'] for r in runs)} |"
        )
    for label, runs in rounds.items():
        for run in runs:
            change = run.get("change")
            if change:
                lines += [
                    "",
                    f"Change to answer ({label} processes): {change['changes']} reloads through "
                    "the first process (a moderator of the home server, shard 0), each answered "
                    "through the second (a member of a server on shard 3): p50 "
                    f"{change['p50_ms']:.0f} ms, p99 {change['p99_ms']:.0f} ms, max "
                    f"{change['max_ms']:.0f} ms after the reload was confirmed (the reload "
                    f"itself: p50 {change['reload_p50_ms']:.0f} ms).",
                ]
    return "\n".join(lines) + "\n"


async def main_async(args: argparse.Namespace) -> dict[str, list[dict[str, Any]]]:
    rounds: dict[str, list[dict[str, Any]]] = {"1": [], "2": []}
    for n in range(args.rounds):
        one = await one_run("1", [None], args, 0)
        one["shards"] = "unsharded"
        rounds["1"].append(one)
        last = n == args.rounds - 1
        two = await one_run("2", ["0-1", "2-3"], args, args.changes if last else 0)
        two["shards"] = "0-1 and 2-3 of 4"
        rounds["2"].append(two)
        print(
            f"round {n + 1}: {one['questions_per_second']:.0f} and "
            f"{two['questions_per_second']:.0f} questions/s",
            flush=True,
        )
    return rounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=os.environ.get("NEWSDESK_DB"), help="database location")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS / "scale_out.md")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("discord").setLevel(logging.ERROR)
    args.load_before = os.getloadavg()[0]
    rounds = asyncio.run(main_async(args))
    runs = [run for label in rounds for run in rounds[label]]
    text = report(rounds, args)
    print(text)
    problems = [
        p
        for run in runs
        for p in (
            run["load_errors"]
            + run["log_errors"]
            + run["fake_errors"]
            + (run.get("change") or {}).get("errors", [])
        )
    ]
    for problem in problems:
        print("  ", problem)
    args.out.write_text(text, encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(rounds, indent=2) + "\n", encoding="utf-8")
    if problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
