"""Child process of tests/storage/test_queued_teachings_survive.py (not a test).

python tests/storage/queued_teaching_child.py DB KNOWLEDGE_DIR

Opens the knowledge base on DB (an SQLite file or a postgresql:// URL) and KNOWLEDGE_DIR,
teaches "bridge closed lol" to bridge-repairs, then starts a reload that never gets past its
reading of the folder (a large folder, or a hung disk). During it, the operator teaches "y r the
rails dead lol" to tram-strike and takes "bridge closed lol" back: both are queued, and the
child prints ``QUEUED`` with the two sentences the moderator was told. The parent kills it.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.composition import open_knowledge_base_at
from bot.core.actors import Actor
from bot.core.loader import KnowledgeReader

TAUGHT = "y r the rails dead lol"
TAKEN_BACK = "bridge closed lol"


async def main(database: str, knowledge: Path) -> None:
    kb = await open_knowledge_base_at(database, knowledge)
    operator = Actor.operator()
    await kb.teach(TAKEN_BACK, "bridge-repairs", operator)
    reading = threading.Event()

    def hung_load(reader: KnowledgeReader, *args: Any, **kwargs: Any) -> Any:
        reading.set()
        threading.Event().wait()  # forever: the process is killed during it

    KnowledgeReader.load = hung_load  # type: ignore[method-assign]
    reload = asyncio.create_task(kb.reload(operator))
    await asyncio.to_thread(reading.wait)
    taught = await kb.teach(TAUGHT, "tram-strike", operator)
    taken = await kb.unteach(TAKEN_BACK, None, operator)
    print("QUEUED", taught.sentence(), "|", taken.sentence(), flush=True)
    await reload  # never ends


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2])))
