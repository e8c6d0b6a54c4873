"""Child process for the kill -9 test (run by tests/reliability/test_faults.py, not a test).

python tests/reliability/crash_child.py DB KNOWLEDGE_DIR TAG

Opens the knowledge base on DB (an SQLite file or a postgresql:// URL; no reload at start),
prints ``READY``, then forever: adds a member fact and prints ``ACK <id>`` once ``add_fact`` has
returned; every third add it writes the other knowledge version into KNOWLEDGE_DIR (atomically)
and reloads, printing ``RELOADING <v>`` before and ``RELOADED <v>`` after. The parent kills it
with SIGKILL at a random moment.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.composition import open_knowledge_base_at
from bot.core.actors import Actor
from bot.core.service import FactInput, StartMode

SHARED = 400
ONLY = 100


def version_text(version: str) -> str:
    """Knowledge version "a" or "b": the same 400 ids with other answers, plus 100 of its own."""
    lines = ["facts:"]
    for n in range(SHARED):
        lines += [f"  - id: shared-{n}", f"    answer: Version {version} of shared fact {n}."]
    for n in range(ONLY):
        lines += [f"  - id: only-{version}-{n}", f"    answer: Fact {n} of version {version} only."]
    return "\n".join(lines) + "\n"


def expected_version(version: str) -> dict[str, str]:
    """The file facts (id -> answer) a database holding ``version`` must have, exactly."""
    facts = {f"shared-{n}": f"Version {version} of shared fact {n}." for n in range(SHARED)}
    facts.update(
        {f"only-{version}-{n}": f"Fact {n} of version {version} only." for n in range(ONLY)}
    )
    return facts


def write_version(directory: Path, version: str) -> None:
    staging = directory.parent / f".{directory.name}-facts.tmp"
    staging.write_text(version_text(version), encoding="utf-8")
    staging.replace(directory / "facts.yaml")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


async def main(database: str, knowledge: Path, tag: str) -> None:
    kb = await open_knowledge_base_at(database, knowledge, start=StartMode.SERVE_STORED)
    operator = Actor.operator()
    say("READY")
    version = "a"
    n = 0
    while True:
        fact = await kb.add_fact(
            FactInput(f"Crash{tag}x{n} note: the envoy's schedule changed again, number {n}."),
            operator,
        )
        say(f"ACK {fact.id}")
        n += 1
        if n % 3 == 0:
            version = "b" if version == "a" else "a"
            write_version(knowledge, version)
            say(f"RELOADING {version}")
            await kb.reload(operator)
            say(f"RELOADED {version}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), sys.argv[3]))
