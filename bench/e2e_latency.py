"""End-to-end reply latency of the real bot against the fake Discord server (not a test).

python -m bench.e2e_latency [--questions 1000] [--warmup 20]

Starts ``tests/e2e/fake_discord.FakeDiscordServer`` and the real ``NewsdeskBot`` exactly as the
e2e fixtures do (``tests/e2e/harness.py``: temporary database, a copy of ``knowledge/``, no
question budget to speak of), then asks the questions of ``tests/data/seed_questions.yaml`` in
turn, alternating ``/ask`` interactions and ``!ask`` messages, one at a time.

Each latency runs from just before the fake server sends the INTERACTION_CREATE or
MESSAGE_CREATE event to the moment the bot's reply (the interaction callback, or the
POST /channels/{id}/messages) has been received and recorded by the fake server. Bot and fake
share one process and one event loop, so the figures include both sides' work, the gateway
and HTTP round trips over 127.0.0.1, and the SQLite write recording each question.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import math
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tests.e2e.fake_discord import FakeDiscordServer, RecordedRequest
from tests.e2e.harness import (
    CALLBACK_PATH,
    REPO_ROOT,
    build_world,
    channel_messages_path,
    make_settings,
    point_discord_at,
    running_bot,
)

SEED_QUESTIONS = REPO_ROOT / "tests" / "data" / "seed_questions.yaml"


@dataclass
class Timings:
    samples: list[float] = field(default_factory=list)
    """Seconds, one per question."""
    wrong: int = 0
    """Replies that were not the expected answer message (should stay 0)."""


def seed_questions() -> list[str]:
    seed = yaml.safe_load(SEED_QUESTIONS.read_text(encoding="utf-8"))
    return [item["q"] for item in seed["answerable"]] + list(seed["off_topic"])


async def timed_reply(
    server: FakeDiscordServer, path: str, send: Callable[[], Awaitable[Any]]
) -> tuple[float, RecordedRequest, Any]:
    """Seconds from ``send()`` to the fake recording the bot's POST to ``path``.

    The waiter is registered before the clock starts and its predicate stamps the time as the
    request is recorded, so neither the log scan nor the waiter's wake-up is measured.
    """
    arrived: list[float] = []

    def stamp(request: RecordedRequest) -> bool:
        arrived.append(time.perf_counter())
        return True

    waiter = asyncio.create_task(
        server.wait_for_request(stamp, method="POST", path=path, timeout=10)
    )
    await asyncio.sleep(0)  # the waiter scans the log and registers itself
    if waiter.done():
        raise RuntimeError(f"an earlier reply to {path} was never consumed: {waiter.result()}")
    started = time.perf_counter()
    sent = await send()
    request = await waiter
    return arrived[-1] - started, request, sent


def percentile(sorted_samples: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    rank = max(1, math.ceil(p / 100 * len(sorted_samples)))
    return sorted_samples[rank - 1]


def table(results: dict[str, Timings]) -> str:
    lines = [f"{'kind':<12} {'count':>6} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}"]
    everything = Timings()
    for timings in results.values():
        everything.samples += timings.samples
    for kind, timings in [*results.items(), ("all", everything)]:
        ms = sorted(s * 1000 for s in timings.samples)
        lines.append(
            f"{kind:<12} {len(ms):>6} {percentile(ms, 50):>8.2f} {percentile(ms, 90):>8.2f} "
            f"{percentile(ms, 99):>8.2f} {ms[-1]:>8.2f}"
        )
    return "\n".join(lines)


async def run(n_questions: int, warmup: int) -> dict[str, Timings]:
    questions = seed_questions()
    server = FakeDiscordServer(bot_name="newsdesk")
    world = build_world(server)
    await server.start()
    channel = world.general
    results = {"/ask": Timings(), "!ask": Timings()}
    try:
        with tempfile.TemporaryDirectory() as tmp, point_discord_at(server):
            settings = make_settings(Path(tmp), (world.guild.id, world.other_guild.id))
            async with running_bot(settings) as running:
                print(
                    f"bot ready: {len(running.kb.matcher)} facts; asking {n_questions} questions "
                    f"(+{warmup} warm-up), alternating /ask and !ask",
                    flush=True,
                )
                for n in range(warmup + n_questions):
                    question = questions[n % len(questions)]
                    if n % 2 == 0:
                        kind = "/ask"
                        seconds, reply, interaction = await timed_reply(
                            server,
                            CALLBACK_PATH,
                            functools.partial(
                                server.send_slash_command,
                                "ask",
                                {"question": question},
                                world.alice,
                                guild_id=world.guild,
                            ),
                        )
                        ok = reply.path == interaction.callback_path and bool(
                            reply.json["data"]["embeds"]
                        )
                    else:
                        kind = "!ask"
                        seconds, reply, sent = await timed_reply(
                            server,
                            channel_messages_path(channel.id),
                            functools.partial(
                                server.send_message, channel, world.alice, f"!ask {question}"
                            ),
                        )
                        reference = reply.json.get("message_reference") or {}
                        ok = str(reference.get("message_id")) == sent["id"] and bool(
                            reply.json.get("embeds")
                        )
                    if n < warmup:
                        continue
                    results[kind].samples.append(seconds)
                    results[kind].wrong += not ok
    finally:
        await server.stop()
    problems = server.unknown_requests + server.fake_errors
    if problems:
        raise RuntimeError(f"the fake saw bad requests: {[str(r) for r in problems]}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=int, default=1_000, help="measured questions")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured questions first")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("discord").setLevel(logging.ERROR)
    started = time.perf_counter()
    results = asyncio.run(run(max(2, args.questions), max(0, args.warmup)))
    print(table(results))
    wrong = sum(t.wrong for t in results.values())
    print(f"wrong replies: {wrong}; total run {time.perf_counter() - started:.1f} s")
    if wrong:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
