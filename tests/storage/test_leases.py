"""Leases: work done once among the processes sharing one database (``hold_lease``).

The store-level tests are the contract of ``KnowledgeStore.hold_lease``: they open stores with
``open_store`` on the location the ``database`` fixture gives: an SQLite file, and a PostgreSQL
database (the ``backend`` fixture of tests/conftest.py).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from subprocess import PIPE

import pytest

from bot.composition import DatabaseName as Database
from bot.composition import open_knowledge_base_at, open_store
from bot.core.leases import Leases, new_holder_id
from bot.core.service import KnowledgeBase, StartMode
from bot.core.storage import KnowledgeStore, StoreUnavailable

REPO_ROOT = Path(__file__).resolve().parents[2]

OpenStore = Callable[[], Awaitable[KnowledgeStore]]


@pytest.fixture
async def stores(database: Database) -> AsyncIterator[OpenStore]:
    """Open another store on ``database``, as another process would; all closed at the end."""
    opened: list[KnowledgeStore] = []

    async def open_another() -> KnowledgeStore:
        store = await open_store(database)
        opened.append(store)
        return store

    yield open_another
    for store in opened:
        await store.close()


async def test_a_free_lease_is_held_by_its_first_taker_and_renewed_by_it_only(
    stores: OpenStore,
) -> None:
    a, b = await stores(), await stores()
    assert await a.hold_lease("feeds", "holder-a", 30)
    assert not await b.hold_lease("feeds", "holder-b", 30)
    assert await a.hold_lease("feeds", "holder-a", 30)  # renewed
    assert not await b.hold_lease("feeds", "holder-b", 30)
    # Another name is another lease.
    assert await b.hold_lease("digest", "holder-b", 30)
    assert not await a.hold_lease("digest", "holder-a", 30)


async def test_holders_racing_for_a_free_lease_one_wins(stores: OpenStore) -> None:
    """Eight processes' stores ask at the same moment, ten times over: one winner each time."""
    contenders = [await stores() for _ in range(8)]
    for round_ in range(10):
        name = f"race-{round_}"
        won = await asyncio.gather(
            *(store.hold_lease(name, f"holder-{n}", 30) for n, store in enumerate(contenders))
        )
        assert sum(won) == 1, won


async def test_an_expired_lease_is_taken_over_and_its_old_holder_told(stores: OpenStore) -> None:
    a, b = await stores(), await stores()
    asked = time.monotonic()
    assert await a.hold_lease("feeds", "holder-a", 0.4)
    # b is refused while a's lease runs; only a stall of this whole process longer than the
    # lease (a loaded machine) lets b in this early, as the monotonic clock shows.
    assert not await b.hold_lease("feeds", "holder-b", 30) or time.monotonic() - asked >= 0.4
    await asyncio.sleep(0.5)  # holder-a stopped renewing
    assert await b.hold_lease("feeds", "holder-b", 30)
    assert not await a.hold_lease("feeds", "holder-a", 30)


async def test_renewing_moves_the_expiry_from_now(stores: OpenStore) -> None:
    """A lease renewed in time never lapses, however much longer than ``seconds`` it is kept."""
    a, b = await stores(), await stores()
    for _ in range(6):
        renewed = time.monotonic()
        assert await a.hold_lease("feeds", "holder-a", 0.5)
        await asyncio.sleep(0.15)
        if await b.hold_lease("feeds", "holder-b", 30):
            # Right only when this process stalled longer than the lease between the two
            # (a loaded machine); b hands it back and a takes it again in the next round.
            assert time.monotonic() - renewed >= 0.5
            await b.hold_lease("feeds", "holder-b", 0)


async def test_zero_seconds_gives_up_a_lease_its_holder_holds_and_nothing_else(
    stores: OpenStore,
) -> None:
    a, b = await stores(), await stores()
    assert await a.hold_lease("feeds", "holder-a", 30)
    assert not await b.hold_lease("feeds", "holder-b", 0)  # not b's to give up
    assert not await b.hold_lease("feeds", "holder-b", 30)
    assert not await a.hold_lease("feeds", "holder-a", 0)  # given up: held no more
    assert await b.hold_lease("feeds", "holder-b", 30)  # at once, no waiting for the expiry


async def test_a_dropped_lease_is_free_and_only_its_holder_drops_it(stores: OpenStore) -> None:
    a, b = await stores(), await stores()
    assert await a.hold_lease("article:1", "holder-a", 30)
    await b.drop_lease("article:1", "holder-b")  # not b's: still a's
    assert not await b.hold_lease("article:1", "holder-b", 30)
    await a.drop_lease("article:1", "holder-a")
    assert await b.hold_lease("article:1", "holder-b", 30)  # at once
    await a.drop_lease("never-taken", "holder-a")  # nothing to drop: no error


async def test_negative_seconds_are_refused(stores: OpenStore) -> None:
    with pytest.raises(ValueError, match="0 seconds or more"):
        await (await stores()).hold_lease("feeds", "holder-a", -1)


# The child says when it asked for the lease (CLOCK_MONOTONIC is one clock for every process on
# the machine): the lease cannot lapse before that moment plus its seconds, however late the
# parent reads the line on a loaded machine.
CHILD = """
import asyncio, sys, time
from bot.composition import open_store

async def main():
    store = await open_store(sys.argv[1])
    asked = time.monotonic()
    held = await store.hold_lease("feeds", "the-child", float(sys.argv[2]))
    print("HELD" if held else "REFUSED", asked, flush=True)
    await asyncio.sleep(3600)

asyncio.run(main())
"""


async def test_a_killed_holder_keeps_its_lease_until_it_expires_then_another_takes_it(
    stores: OpenStore, database: Database
) -> None:
    """kill -9: no clean-up runs, no connection stays; the lease lapses at its expiry."""
    # Long enough that a quiet machine opens the survivor well before the lease lapses (a
    # loaded one may not: the refusal is then checked against the monotonic clock).
    ttl = 2.0
    await (await stores()).close()  # the schema exists before the child starts
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, str(database), str(ttl), cwd=REPO_ROOT, stdout=PIPE
    )
    try:
        assert child.stdout is not None
        line = await asyncio.wait_for(child.stdout.readline(), 30)
        answer, asked = line.split()
        assert answer == b"HELD"
        taken = float(asked)
        os.kill(child.pid, signal.SIGKILL)
        await asyncio.wait_for(child.wait(), 10)
        survivor = await stores()
        held = await survivor.hold_lease("feeds", "survivor", 30)
        # Refused while the lease runs: taken at once only when opening the survivor took
        # longer than the lease itself (a loaded machine), as the monotonic clock shows.
        assert not held or time.monotonic() - taken >= ttl - 0.1
        while not held and not await survivor.hold_lease("feeds", "survivor", 30):
            assert time.monotonic() - taken < ttl + 30, "the dead holder's lease never lapsed"
            await asyncio.sleep(0.05)
        assert time.monotonic() - taken >= ttl - 0.1
    finally:
        if child.returncode is None:
            child.kill()
            await child.wait()


# ------------------------------------------------------------------- the service's helper


@pytest.fixture
async def two_knowledge_bases(
    database: Database, seed_knowledge_dir: Path
) -> AsyncIterator[tuple[KnowledgeBase, KnowledgeBase]]:
    first = await open_knowledge_base_at(database, seed_knowledge_dir)
    second = await open_knowledge_base_at(
        database, seed_knowledge_dir, start=StartMode.SERVE_STORED
    )
    try:
        yield first, second
    finally:
        await first.close()
        await second.close()


async def test_two_knowledge_bases_on_one_database_one_holds_the_lease(
    two_knowledge_bases: tuple[KnowledgeBase, KnowledgeBase],
) -> None:
    first, second = two_knowledge_bases
    assert first.leases.holder != second.leases.holder
    results = await asyncio.gather(first.hold_lease("feeds", 30), second.hold_lease("feeds", 30))
    assert sorted(results) == [False, True]
    winner, loser = (first, second) if results[0] else (second, first)
    assert winner.leases.holds("feeds") and not loser.leases.holds("feeds")
    assert await winner.hold_lease("feeds", 30)
    assert not await loser.hold_lease("feeds", 30)


async def test_closing_a_knowledge_base_hands_its_leases_over_at_once(
    database: Database, seed_knowledge_dir: Path
) -> None:
    """A clean stop (SIGTERM, a deploy) does not leave the work undone for a lease's length."""
    leaving = await open_knowledge_base_at(database, seed_knowledge_dir)
    staying = await open_knowledge_base_at(
        database, seed_knowledge_dir, start=StartMode.SERVE_STORED
    )
    try:
        assert await leaving.hold_lease("feeds", 3600)
        assert await leaving.hold_lease("digest", 3600)
        assert not await staying.hold_lease("feeds", 3600)
        await leaving.close()
        assert await staying.hold_lease("feeds", 3600)
        assert await staying.hold_lease("digest", 3600)
    finally:
        await staying.close()


async def test_a_database_error_means_the_lease_is_not_held(
    two_knowledge_bases: tuple[KnowledgeBase, KnowledgeBase],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Doing the work twice is what a lease prevents: when in doubt, this process waits."""
    kb, _ = two_knowledge_bases
    assert await kb.hold_lease("feeds", 30)

    async def broken(name: str, holder: str, seconds: float) -> bool:
        raise StoreUnavailable("disk I/O error")

    monkeypatch.setattr(kb.store, "hold_lease", broken)
    assert not await kb.hold_lease("feeds", 30)
    assert not kb.leases.holds("feeds")
    assert "lease feeds not renewed (disk I/O error)" in caplog.text


def test_holder_ids_name_the_machine_and_process_and_differ() -> None:
    first, second = new_holder_id(), new_holder_id()
    assert first != second
    assert f":{os.getpid()}:" in first


async def test_leases_remember_only_what_the_store_granted(stores: OpenStore) -> None:
    store = await stores()
    mine, theirs = Leases(store, "mine"), Leases(store, "theirs")
    assert await mine.hold("feeds")
    assert not await theirs.hold("feeds")
    assert mine.holds("feeds") and not theirs.holds("feeds")
    await theirs.release_all()  # holds nothing: gives nothing up
    assert await mine.hold("feeds")


# ------------------------------------------------------- several processes, one new database

OPENER = """
import asyncio, sys
from pathlib import Path
from bot.composition import open_store

async def main():
    store = await open_store(Path(sys.argv[1]))
    print("OPEN", flush=True)
    await store.close()

asyncio.run(main())
"""


async def test_processes_starting_on_a_new_database_at_once_all_open_it(tmp_path: Path) -> None:
    """Bot processes started together (compose starts them together) on a database nobody
    created yet: one runs the migrations, the others find them done."""
    for attempt in range(2):
        database = tmp_path / f"new-{attempt}.db"
        children = [
            await asyncio.create_subprocess_exec(
                sys.executable, "-c", OPENER, str(database), cwd=REPO_ROOT, stdout=PIPE, stderr=PIPE
            )
            for _ in range(4)
        ]
        outputs = [await child.communicate() for child in children]
        for child, (out, err) in zip(children, outputs, strict=True):
            assert child.returncode == 0 and out.strip() == b"OPEN", err.decode()[-500:]
