"""Load: the real bot under many concurrent members, through the fake Discord (not a test).

python -m bench.load [--users 200] [--questions 2000] [--adders 10] [--adds 50]

Starts ``tests/e2e/fake_discord.FakeDiscordServer`` and the real ``NewsdeskBot`` as the e2e
fixtures do (``tests/e2e/harness.py``), adds ``--users`` members to the server, and lets them
all ask at once: each member asks its share of ``--questions`` seed questions one after another,
alternating ``/ask`` and ``!ask``, while ``--adders`` members add ``--adds`` facts with
``/fact add`` and a moderator runs one ``/kb reload`` (of an edited knowledge file) half-way.

A reply time runs from just before the fake dispatches the event to the moment the waiting
member sees the bot's reply recorded (so it includes queueing behind everybody else). Errors
are replies that are not an answer embed (or an "added" confirmation), time-outs, requests the
fake could not route, and ERROR log records; the run exits 1 if there is any. Memory is the
process's resident set (bot and fake share the process).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import resource
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.e2e_latency import percentile, seed_questions
from tests.e2e.fake_discord import FakeDiscordServer, FakeUser
from tests.e2e.harness import (
    MESSAGES_PATH,
    World,
    build_world,
    is_reply_to,
    make_settings,
    point_discord_at,
    running_bot,
)

APOLOGY_START = "Sorry, something went wrong"
RELOAD_FACT = """
  - id: load-test-reload
    answer: >-
      The load test added this fact to the knowledge file and reloaded it while members were
      asking questions.
    questions:
      - what did the load test reload
"""


@dataclass
class Results:
    replies: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=lambda: {"/ask": [], "!ask": []})
    errors: list[str] = field(default_factory=list)
    adds: int = 0
    reload_seconds: float = 0.0


class ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def member_asks(
    server: FakeDiscordServer,
    world: World,
    user: FakeUser,
    questions: list[str],
    offset: int,
    results: Results,
) -> None:
    for n, question in enumerate(questions):
        started = time.perf_counter()
        try:
            if (n + offset) % 2 == 0:
                kind = "/ask"
                interaction = await server.send_slash_command(
                    "ask", {"question": question}, user, guild_id=world.guild
                )
                callback = await server.wait_for_callback(interaction, timeout=60)
                payload = callback.json.get("data") or {}
                ok = callback.json.get("type") == 4 and bool(payload.get("embeds"))
            else:
                kind = "!ask"
                sent = await server.send_message(world.general, user, f"!ask {question}")
                reply = await server.wait_for_request(
                    is_reply_to(sent["id"]), method="POST", path=MESSAGES_PATH, timeout=60
                )
                payload = reply.json
                ok = reply.status == 200 and bool(payload.get("embeds"))
        except TimeoutError as exc:
            results.errors.append(f"{user.username}: no reply to {question!r}: {exc}"[:300])
            continue
        seconds = time.perf_counter() - started
        if not ok or APOLOGY_START in str(payload):
            results.errors.append(f"{user.username}: bad reply to {question!r}: {payload}"[:300])
        results.replies.append(seconds)
        results.by_kind[kind].append(seconds)


async def member_adds(
    server: FakeDiscordServer, world: World, user: FakeUser, count: int, results: Results
) -> None:
    for n in range(count):
        answer = (
            f"Loadfact{user.id}x{n}: the Baku ring road closes lane {n} at night for repairs "
            "during the load test."
        )
        interaction = await server.send_slash_command(
            "fact add", {"answer": answer}, user, guild_id=world.guild
        )
        try:
            callback = await server.wait_for_callback(interaction, timeout=60)
        except TimeoutError:
            results.errors.append(f"{user.username}: /fact add never answered")
            continue
        content = str((callback.json.get("data") or {}).get("content") or "")
        if not content.startswith("Added fact"):
            results.errors.append(f"{user.username}: /fact add refused: {callback.json}"[:300])
        else:
            results.adds += 1
        await asyncio.sleep(0.05)


def edit_knowledge(knowledge: Path) -> None:
    path = next(p for p in sorted(knowledge.glob("*.yaml")) if p.name != "synonyms.yaml")
    path.write_text(path.read_text(encoding="utf-8") + RELOAD_FACT, encoding="utf-8")


async def moderator_reloads(
    server: FakeDiscordServer, world: World, knowledge: Path, delay: float, results: Results
) -> None:
    await asyncio.sleep(delay)
    edit_knowledge(knowledge)
    started = time.perf_counter()
    interaction = await server.send_slash_command(
        "kb reload", None, world.mod, guild_id=world.guild
    )
    await server.wait_for_callback(interaction, timeout=60)
    followup = await server.wait_for_request(method="POST", path=r"/webhooks/\d+/[^/]+", timeout=60)
    results.reload_seconds = time.perf_counter() - started
    title = (followup.json.get("embeds") or [{}])[0].get("title")
    if title != "Knowledge reloaded":
        results.errors.append(f"reload failed: {followup.json}"[:300])


async def run(
    users: int, questions: int, adders: int, adds: int
) -> tuple[Results, dict[str, float]]:
    seed = seed_questions()
    server = FakeDiscordServer(bot_name="newsdesk")
    world = build_world(server)
    members = []
    for n in range(users):
        user = server.add_user(f"member{n}")
        server.add_member(world.guild, user)
        members.append(user)
    await server.start()
    counter = ErrorCounter()
    logging.getLogger().addHandler(counter)
    results = Results()
    figures: dict[str, float] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp, point_discord_at(server):
            settings = make_settings(Path(tmp), (world.guild.id, world.other_guild.id))
            async with running_bot(settings) as running:
                figures["rss_before_mb"] = rss_mb()
                per_member = [
                    [seed[(m * 7 + k) % len(seed)] for k in range(questions // users)]
                    for m in range(users)
                ]
                for k in range(questions - users * (questions // users)):
                    per_member[k].append(seed[k % len(seed)])
                started = time.perf_counter()
                await asyncio.gather(
                    *(
                        member_asks(server, world, user, qs, m, results)
                        for m, (user, qs) in enumerate(zip(members, per_member, strict=True))
                    ),
                    *(
                        member_adds(server, world, members[m], adds // adders, results)
                        for m in range(adders)
                    ),
                    moderator_reloads(server, world, running.knowledge_dir, 1.0, results),
                )
                figures["seconds"] = time.perf_counter() - started
                figures["rss_after_mb"] = rss_mb()
                figures["facts"] = len(running.kb.matcher)
                if running.kb.matcher.get("load-test-reload") is None:
                    results.errors.append("the reloaded fact is not in service")
    finally:
        await server.stop()
        logging.getLogger().removeHandler(counter)
    figures["rss_peak_mb"] = peak_rss_mb()
    results.errors += [f"log: {m}" for m in counter.messages]
    results.errors += [f"fake: {r}" for r in server.unknown_requests + server.fake_errors]
    return results, figures


def report(results: Results, figures: dict[str, float], users: int) -> str:
    lines = [
        f"{users} members, {len(results.replies)} questions answered in "
        f"{figures['seconds']:.1f} s, {results.adds} facts added, one reload "
        f"({results.reload_seconds * 1000:.0f} ms under load), {int(figures['facts'])} facts "
        "in service at the end",
        "",
        "| kind | replies | throughput (q/s) | p50 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind, samples in [*results.by_kind.items(), ("all", results.replies)]:
        ms = sorted(s * 1000 for s in samples) or [0.0]
        lines.append(
            f"| {kind} | {len(samples)} | {len(samples) / figures['seconds']:.0f} | "
            f"{percentile(ms, 50):.0f} | {percentile(ms, 99):.0f} | {ms[-1]:.0f} |"
        )
    lines += [
        "",
        f"errors: {len(results.errors)}",
        f"memory (bot + fake, one process): RSS {figures['rss_before_mb']:.0f} MB before, "
        f"{figures['rss_after_mb']:.0f} MB after, peak {figures['rss_peak_mb']:.0f} MB",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--adders", type=int, default=10)
    parser.add_argument("--adds", type=int, default=50)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("discord").setLevel(logging.ERROR)
    results, figures = asyncio.run(
        run(max(1, args.users), max(args.users, args.questions), max(1, args.adders), args.adds)
    )
    print(report(results, figures, args.users))
    for error in results.errors[:10]:
        print("  ", error)
    if results.errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
