"""Child process for the two-process writers test (run by test_faults.py, not a test).

python tests/reliability/writers_child.py DB KNOWLEDGE_DIR FIRST COUNT

Opens the knowledge base on DB (an SQLite file or a postgresql:// URL), prints ``READY``, waits
for a line on stdin, then lets members FIRST .. FIRST+COUNT-1 add four facts each, all at once,
printing ``ACK <id> <answer>`` as each add returns; ``DONE`` at the end.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.composition import open_knowledge_base_at
from bot.core.actors import Actor
from bot.core.service import FactInput, StartMode

ADDS = 4


def answer(member: int, k: int) -> str:
    return f"Member{member}note{k}: the ferry from Baku to Aktau sails at {member}:{k:02d}."


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


async def main(database: str, knowledge: Path, first: int, count: int) -> None:
    kb = await open_knowledge_base_at(database, knowledge, start=StartMode.SERVE_STORED)
    try:
        say("READY")
        await asyncio.to_thread(sys.stdin.readline)

        async def add(member: int) -> None:
            actor = Actor.discord_user(1000 + member, 10, is_moderator=False, name=f"u{member}")
            for k in range(ADDS):
                fact = await kb.add_fact(FactInput(answer(member, k)), actor)
                say(f"ACK {fact.id}")
                await asyncio.sleep(0)

        await asyncio.gather(*(add(n) for n in range(first, first + count)))
        say("DONE")
    finally:
        await kb.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])))
