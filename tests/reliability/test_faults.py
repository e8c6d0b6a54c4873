"""Faults lose nothing: kill -9, concurrent writers, a busy or full or read-only database.

The kill -9 test runs ``crash_child.py`` in a subprocess many times on one database, killing it
at random moments (while adding facts, and while reloading): after every kill the database
passes its integrity check (``PRAGMA integrity_check`` on SQLite), holds every fact whose add
was acknowledged, and its knowledge-file facts are exactly the old or the new version, never a
mix. The tests that are about the store run on SQLite and on PostgreSQL (the ``backend``
fixture); those about SQLite's own machinery (its busy timeout, page limit, commit, file
backup) on SQLite only.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from crash_child import expected_version, write_version
from writers_child import answer as child_answer

import bot.store.sqlite.store as sqlite_store
from bot.composition import open_knowledge_base_at, open_store
from bot.core.actors import Actor
from bot.core.errors import WriteFailed
from bot.core.models import Decision, Origin
from bot.core.service import FactInput, KnowledgeBase, StartMode
from tests.sqlite_lock import sqlite_write_lock_held

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
CHILD = HERE / "crash_child.py"
WRITERS_CHILD = HERE / "writers_child.py"
# Kills per backend: a PostgreSQL client starts slower (it connects), and the server, not the
# killed process, holds the data.
KILLS = {"sqlite": 16, "postgresql": 8}
MODERATOR = Actor.discord_user(1, 10, is_moderator=True, name="mod")
OPERATOR = Actor.operator()


def member(n: int, guild_id: int = 10) -> Actor:
    return Actor.discord_user(1000 + n, guild_id, is_moderator=False, name=f"user{n}")


# ------------------------------------------------------------------------------ kill -9
class Child:
    """The crash child, with its stdout lines collected by a thread as they arrive."""

    def __init__(self, database: Path | str, knowledge: Path, tag: str) -> None:
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), str(database), str(knowledge), tag],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line.strip())
                self.changed.notify_all()

    def wait_for(self, prefix: str, after: int = 0, timeout: float = 60.0) -> int:
        """Index of the first line starting with ``prefix`` at or after ``after``.

        The timeout only bounds a child that is stuck: starting one takes seconds of CPU,
        which a loaded CI machine stretches well past ten seconds of wall clock."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                for index in range(after, len(self.lines)):
                    if self.lines[index].startswith(prefix):
                        return index
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.process.poll() is not None:
                    # A child still running never closes its stderr: reading it to the end
                    # would hang the test (and the suite) while the child adds facts forever.
                    self.process.kill()
                    self.process.wait(5)
                    stderr = self.process.stderr.read() if self.process.stderr else ""
                    raise AssertionError(f"child never printed {prefix!r}: {stderr[-2000:]}")
                self.changed.wait(remaining)

    def kill(self) -> list[str]:
        """SIGKILL, then every line the child printed before it died."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(5)
        self._reader.join(5)
        if self.process.stderr is not None:
            self.process.stderr.close()
        assert self.process.returncode == -signal.SIGKILL
        return list(self.lines)


async def check_database(backend: Any, acked: set[str]) -> str:
    """Assert the promises on a database a killed process left; the knowledge version held."""
    if not backend.is_postgres:
        assert await backend.query("PRAGMA integrity_check") == [("ok",)]
    rows = await backend.query("SELECT id, origin, answer FROM facts")
    user_ids = {fid for fid, origin, _ in rows if origin == Origin.USER.value}
    missing = acked - user_ids
    assert not missing, f"acknowledged adds lost: {sorted(missing)[:5]}"
    # Each fact and its audit entry were written together: no fact without its 'add'.
    orphans = await backend.query(
        "SELECT COUNT(*) FROM facts f WHERE origin = 'user' AND NOT EXISTS "
        "(SELECT 1 FROM audit a WHERE a.fact_id = f.id AND a.action = 'add')"
    )
    assert orphans == [(0,)]
    file_facts = {fid: answer for fid, origin, answer in rows if origin == Origin.FILE.value}
    for version in ("a", "b"):
        if file_facts == expected_version(version):
            return version
    raise AssertionError(
        f"knowledge is a mix of versions: {len(file_facts)} file facts, "
        f"{sum('Version a' in a for a in file_facts.values())} of a, "
        f"{sum('Version b' in a for a in file_facts.values())} of b"
    )


async def test_kill_9_while_adding_and_reloading_loses_nothing(
    tmp_path: Path, backend: Any
) -> None:
    """SIGKILLs at random moments: integrity ok, acked adds kept, old-or-new knowledge."""
    database = backend.database
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    write_version(knowledge, "a")
    kb = await open_knowledge_base_at(database, knowledge)
    await kb.close()
    assert await check_database(backend, set()) == "a"
    kills = KILLS[backend.name]

    rng = random.Random(20250701)
    acked: set[str] = set()
    mid_reload = 0
    versions: set[str] = set()
    started = time.monotonic()
    for n in range(kills):
        child = Child(database, knowledge, tag=str(n))
        ready = child.wait_for("READY")
        if n % 2:
            # Kill inside a reload: just after it starts, at a random point of its transaction.
            at = child.wait_for("RELOADING", after=ready)
            await asyncio.sleep(rng.uniform(0.0, 0.06))
        else:
            at = ready
            await asyncio.sleep(rng.uniform(0.02, 0.25))
        lines = child.kill()
        acked |= {line.split()[1] for line in lines if line.startswith("ACK ")}
        reloading = [i for i, line in enumerate(lines) if line.startswith("RELOADING")]
        if reloading and not any(line.startswith("RELOADED") for line in lines[reloading[-1] :]):
            mid_reload += 1
        assert at >= 0
        versions.add(await check_database(backend, acked))
    elapsed = time.monotonic() - started

    # Restarting the real service on the survivor works and answers the acknowledged facts.
    kb = await open_knowledge_base_at(database, knowledge, start=StartMode.SERVE_STORED)
    try:
        assert await kb.store.integrity_check() == "ok"
        stored = {f.id for f in await kb.store.all_facts()}
        assert acked <= stored
        sample = sorted(acked)[-1]
        fact = await kb.get_fact(sample)
        result = await kb.ask(fact.answer, record=False)
        assert result.best is not None and result.best.fact.id == sample
    finally:
        await kb.close()
    print(
        f"\n{kills} kills ({backend.name}) in {elapsed:.1f} s: {len(acked)} acknowledged adds "
        "kept, "
        f"{mid_reload} kills inside a reload, versions seen {sorted(versions)}"
    )
    assert acked, "the child never acknowledged an add"
    assert mid_reload >= 1, "no kill landed inside a reload"


# -------------------------------------------------------------------- concurrent writers
@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    directory.mkdir()
    write_version(directory, "a")
    return directory


@pytest.fixture
async def kb(backend: Any, knowledge_dir: Path) -> AsyncIterator[KnowledgeBase]:
    """The knowledge base on each backend's database (``backend.database``)."""
    base = await open_knowledge_base_at(backend.database, knowledge_dir)
    try:
        yield base
    finally:
        await base.close()


@pytest.fixture
async def sqlite_kb(tmp_path: Path, knowledge_dir: Path) -> AsyncIterator[KnowledgeBase]:
    """The knowledge base on an SQLite file, ``tmp_path / "kb.db"``."""
    base = await open_knowledge_base_at(tmp_path / "kb.db", knowledge_dir)
    try:
        yield base
    finally:
        await base.close()


async def test_fifty_members_add_while_a_moderator_reloads(
    kb: KnowledgeBase, knowledge_dir: Path
) -> None:
    """50 members x 4 adds racing 6 reloads: every acknowledged add is stored and answered."""
    acked: dict[str, str] = {}

    async def add_facts(n: int) -> None:
        for k in range(4):
            answer = f"Member{n}note{k}: the ferry from Baku to Aktau sails at {n}:{k:02d}."
            fact = await kb.add_fact(FactInput(answer), member(n))
            acked[fact.id] = answer
            await asyncio.sleep(0)

    async def reload_repeatedly() -> list[str]:
        seen = []
        for k in range(6):
            version = "b" if k % 2 == 0 else "a"
            write_version(knowledge_dir, version)
            report = await kb.reload(MODERATOR)
            seen.append(version)
            assert report.total == len(expected_version(version))
            await asyncio.sleep(0)
        return seen

    results = await asyncio.gather(
        *(add_facts(n) for n in range(50)), reload_repeatedly(), return_exceptions=True
    )
    failures = [r for r in results if isinstance(r, BaseException)]
    assert not failures, failures
    assert len(acked) == 200
    assert kb.write_problem is None

    stored = {f.id: f for f in await kb.store.all_facts()}
    assert all(fid in stored and stored[fid].answer == a for fid, a in acked.items())
    file_facts = {f.id: f.answer for f in stored.values() if f.origin is Origin.FILE}
    assert file_facts == expected_version("a")
    assert len(kb.matcher) == len(stored)
    for fact_id, answer in list(acked.items())[::20]:
        result = await kb.ask(answer, guild_id=10, record=False)
        assert result.best is not None and result.best.fact.id == fact_id
    assert await kb.store.integrity_check() == "ok"


def _writers_child(
    database: Path | str, knowledge: Path, *, first: int, count: int
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITERS_CHILD), str(database), str(knowledge), str(first), str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


async def test_fifty_members_in_two_processes_add_while_a_moderator_reloads(
    kb: KnowledgeBase, backend: Any, knowledge_dir: Path
) -> None:
    """50 members x 4 adds, half of them through another process, racing 6 reloads here:
    every acknowledged add (of either process) is stored and answered here, where the other
    process's adds arrive by following the store's changes."""
    child = _writers_child(backend.database, knowledge_dir, first=25, count=25)
    assert child.stdin is not None and child.stdout is not None
    try:
        ready = await asyncio.to_thread(child.stdout.readline)
        assert ready.strip() == "READY", child.stderr.read() if child.stderr else ""
        kb.follow_changes()
        acked: dict[str, str] = {}

        async def add_facts(n: int) -> None:
            for k in range(4):
                fact = await kb.add_fact(FactInput(child_answer(n, k)), member(n))
                acked[fact.id] = child_answer(n, k)
                await asyncio.sleep(0)

        async def reload_repeatedly() -> None:
            for k in range(6):
                write_version(knowledge_dir, "b" if k % 2 == 0 else "a")
                await kb.reload(MODERATOR)
                await asyncio.sleep(0.05)

        child.stdin.write("go\n")
        child.stdin.flush()
        results = await asyncio.gather(
            *(add_facts(n) for n in range(25)), reload_repeatedly(), return_exceptions=True
        )
        out, err = await asyncio.to_thread(child.communicate, timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    failures = [r for r in results if isinstance(r, BaseException)]
    assert not failures, failures
    assert child.returncode == 0, err[-2000:]
    assert out.splitlines()[-1] == "DONE"
    theirs = [line.split()[1] for line in out.splitlines() if line.startswith("ACK ")]
    assert len(acked) == 100 and len(theirs) == 100
    assert kb.write_problem is None

    stored = {f.id: f for f in await kb.store.all_facts()}
    assert all(fid in stored and stored[fid].answer == a for fid, a in acked.items())
    assert all(fid in stored for fid in theirs)
    assert {stored[fid].answer for fid in theirs} == {
        child_answer(n, k) for n in range(25, 50) for k in range(4)
    }
    file_facts = {f.id: f.answer for f in stored.values() if f.origin is Origin.FILE}
    assert file_facts == expected_version("a")
    # The other process's facts reach this one's index by themselves (within the second on a
    # quiet machine; the bound is a ceiling, which a busy machine's delays stay within).
    deadline = asyncio.get_running_loop().time() + 30
    while len(kb.matcher) != len(stored):
        assert asyncio.get_running_loop().time() < deadline, (len(kb.matcher), len(stored))
        await asyncio.sleep(0.05)
    for fact_id in theirs[::20]:
        result = await kb.ask(stored[fact_id].answer, guild_id=10, record=False)
        assert result.best is not None and result.best.fact.id == fact_id
    assert await kb.store.integrity_check() == "ok"


@contextlib.asynccontextmanager
async def write_lock_held(backend: Any, seconds: float) -> AsyncIterator[None]:
    """Another connection (as another process would) holds the write lock for ``seconds``:
    SQLite's one writer lock, or PostgreSQL's lock on the facts table that a reload takes."""
    if backend.is_postgres:
        import asyncpg

        taken = asyncio.Event()

        async def hold() -> None:
            connection = await asyncpg.connect(backend.database)
            try:
                async with connection.transaction():
                    await connection.execute("LOCK TABLE facts IN SHARE ROW EXCLUSIVE MODE")
                    taken.set()
                    await asyncio.sleep(seconds)
            finally:
                await connection.close()

        holder = asyncio.create_task(hold())
        await asyncio.wait_for(taken.wait(), 5)
        try:
            yield
        finally:
            await holder
        return
    with sqlite_write_lock_held(backend.database, seconds):
        yield


async def test_writes_wait_for_another_process_instead_of_failing(
    kb: KnowledgeBase, backend: Any
) -> None:
    """While another connection holds the write lock, asks and adds wait and then succeed."""
    started = time.perf_counter()
    async with write_lock_held(backend, 0.8):
        asked, added = await asyncio.gather(
            kb.ask("who wrote shared fact 3", guild_id=10),
            kb.add_fact(FactInput("Lockwait: the Baku metro closed for a day."), member(1)),
        )
    waited = time.perf_counter() - started
    assert asked.decision is not None
    assert added.id in {f.id for f in await kb.store.all_facts()}
    assert waited >= 0.5  # they really waited for the lock, and did not fail
    assert kb.write_problem is None


async def test_lock_held_past_the_busy_timeout_never_says_locked_to_members(
    tmp_path: Path, knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the busy timeout: answers still come, the member gets a plain sentence, the
    moderators see why, and the next write after the lock works."""
    monkeypatch.setattr(sqlite_store, "BUSY_TIMEOUT_MS", 150)
    kb = await open_knowledge_base_at(tmp_path / "kb.db", knowledge_dir)
    try:
        # Held until the write has failed (a fixed hold could run out first on a loaded
        # machine, and the write would then simply succeed).
        with sqlite_write_lock_held(tmp_path / "kb.db", 30) as release:
            result = await kb.ask("shared fact 3 version", guild_id=10)
            assert result.decision is not Decision.UNKNOWN
            with pytest.raises(WriteFailed) as caught:
                await kb.add_fact(FactInput("Busyfail: the Baku metro closed."), member(2))
            assert "locked" not in str(caught.value)
            assert "could not be saved" in str(caught.value)
            assert kb.write_problem is not None and "locked" in kb.write_problem
            release.set()
        fact = await kb.add_fact(FactInput("Afterlock: the Baku metro reopened."), member(2))
        assert kb.write_problem is None
        assert (await kb.get_fact(fact.id, guild_id=10)).answer.startswith("Afterlock")
    finally:
        await kb.close()


def _cli(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *(str(a) for a in args)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


async def test_cli_and_service_write_the_same_file_without_locked_errors(
    kb: KnowledgeBase, backend: Any, knowledge_dir: Path
) -> None:
    """Three CLI `fact add`s and a CLI `kb reload` run while the service keeps adding facts."""
    database = backend.database
    common = ("--db", database, "--knowledge", knowledge_dir)
    processes = [
        _cli("fact", "add", f"Clinote{n}: the Caspian ferry timetable changed.", *common)
        for n in range(3)
    ]
    processes.append(_cli("kb", "reload", *common))
    service_added: list[str] = []
    while any(p.poll() is None for p in processes) or len(service_added) < 20:
        n = len(service_added)
        fact = await kb.add_fact(FactInput(f"Svcnote{n}: a Baku bus route changed."), member(n))
        service_added.append(fact.id)
        await kb.ask("ferry timetable", guild_id=10)
        await asyncio.sleep(0.01)
    outputs = [p.communicate(timeout=30) for p in processes]
    for process, (out, err) in zip(processes, outputs, strict=True):
        assert "locked" not in (out + err).lower(), err
        assert process.returncode == 0, err
    assert kb.write_problem is None
    stored = await kb.store.all_facts()
    answers = {f.answer for f in stored}
    assert all(f"Clinote{n}: the Caspian ferry timetable changed." in answers for n in range(3))
    assert set(service_added) <= {f.id for f in stored}
    assert await kb.store.integrity_check() == "ok"


# ------------------------------------------------------------- disk full and read-only
async def _assert_degraded_but_answering(
    kb: KnowledgeBase, problem: str, *, every_write_fails: bool = True
) -> None:
    """Writes fail with a plain sentence; answers, reads and the old knowledge stay."""
    before = {f.id: f for f in kb.matcher.facts()}
    result = await kb.ask("what does version a of shared fact 7 say", guild_id=10)
    assert result.best is not None and result.best.fact.id == "shared-7"
    await kb.flush()  # the question is saved in the background; its failure is noted there
    assert kb.write_problem is not None and problem in kb.write_problem
    with pytest.raises(WriteFailed) as caught:
        await kb.add_fact(FactInput("Fullnote: the Baku stadium expanded. " * 100), member(3))
    assert "could not be saved" in str(caught.value)
    if every_write_fails:  # a full file may still fit a tiny row in a half-empty page
        with pytest.raises(WriteFailed):
            await kb.record_feedback("m1", "shared-7", 5, 10, 1)
    write_version(kb.knowledge_dir, "b")
    with pytest.raises(WriteFailed) as reload_failed:
        await kb.reload(MODERATOR)
    assert "old knowledge is still in service" in str(reload_failed.value)
    assert {f.id: f for f in kb.matcher.facts()} == before
    stats = await kb.stats(guild_id=10)
    assert stats.facts_by_origin["file"] == len(expected_version("a"))
    assert kb.write_problem is not None and problem in kb.write_problem


async def test_disk_full_keeps_answering_and_tells_why(
    kb: KnowledgeBase, backend: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store whose writes fail with the driver's own "disk full" (SQLite's "database or disk
    is full", PostgreSQL's 53100): answers go on, writes fail cleanly, and once space is back
    writes work and the warning clears."""
    added = await kb.add_fact(FactInput("Editnote: the Baku port reopened."), member(4))

    @contextlib.asynccontextmanager
    async def full(*_: object) -> AsyncIterator[object]:
        raise sqlite3.OperationalError("database or disk is full")
        yield None  # pragma: no cover

    async def full_server(*_: object) -> None:
        import asyncpg

        raise asyncpg.exceptions.DiskFullError(
            'could not extend file "base/16384/16385": No space left on device'
        )

    with monkeypatch.context() as patch:
        if backend.is_postgres:
            patch.setattr(kb.store, "_write", full_server)
            problem = "No space left on device"
        else:
            patch.setattr(kb.store, "transaction", full)
            problem = "database or disk is full"
        await _assert_degraded_but_answering(kb, problem)
        with pytest.raises(WriteFailed):
            await kb.edit_fact(added.id, FactInput("Editnote: the port closed."), member(4))
        with pytest.raises(WriteFailed):
            await kb.remove_fact(added.id, member(4))
    again = await kb.add_fact(FactInput("Spacenote: the Baku stadium expanded."), member(3))
    assert kb.write_problem is None
    assert again.id in kb.matcher


async def test_really_full_database_file(sqlite_kb: KnowledgeBase) -> None:
    """SQLite's own SQLITE_FULL (max_page_count pinned at the current size)."""
    kb = sqlite_kb
    await kb.store._db.execute("PRAGMA max_page_count = 1")  # clamps to the current page count
    for n in range(5_000):  # fill the free space left in the last pages
        await kb.ask(f"filler question {n} about shared facts " * 4, guild_id=10)
        # Questions are saved in the background: without waiting for each, its failure came
        # too late to stop the loop, and all 5,000 were asked (4 s) where about 20 fill it.
        await kb.flush()
        if kb.write_problem is not None:
            break
    await _assert_degraded_but_answering(kb, "database or disk is full", every_write_fails=False)


async def test_read_only_database(kb: KnowledgeBase, backend: Any) -> None:
    """The database refusing every write: SQLite's "attempt to write a readonly database",
    PostgreSQL's "cannot execute ... in a read-only transaction" (the database set read-only
    for new sessions, and the store's connections replaced)."""
    if backend.is_postgres:
        name = str(backend.database).rsplit("/", 1)[1]
        server = backend.server_url
        await backend.query(
            f"ALTER DATABASE {name} SET default_transaction_read_only = on", database=server
        )
        await kb.store._pool.expire_connections()
        await _assert_degraded_but_answering(kb, "read-only transaction")
        await backend.query(
            f"ALTER DATABASE {name} RESET default_transaction_read_only", database=server
        )
        await kb.store._pool.expire_connections()
    else:
        await kb.store._db.execute("PRAGMA query_only = ON")
        await _assert_degraded_but_answering(kb, "readonly database")
        await kb.store._db.execute("PRAGMA query_only = OFF")
    fact = await kb.add_fact(FactInput("Writable: the Baku port reopened again."), member(6))
    assert kb.write_problem is None and fact.id in kb.matcher


async def test_failed_commit_is_rolled_back_and_the_next_write_works(
    sqlite_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A COMMIT that fails (disk I/O error) leaves no half-open transaction behind: the write
    is not kept, the member is told plainly, and the next write begins and commits."""
    kb = sqlite_kb
    real_execute = kb.store._db.execute
    failures: list[str] = []

    async def fail() -> None:
        raise sqlite3.OperationalError("disk I/O error")

    def execute(sql: str, *args: object) -> object:
        if sql == "COMMIT" and not failures:
            failures.append(sql)
            return fail()
        return real_execute(sql, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(kb.store._db, "execute", execute)
    with pytest.raises(WriteFailed):
        await kb.add_fact(FactInput("Lostcommit: the Baku ferry was cancelled."), member(7))
    assert failures and kb.write_problem == "disk I/O error"
    assert not kb.store._db.in_transaction
    kept = await kb.add_fact(FactInput("Nextcommit: the Baku ferry sails again."), member(7))
    answers = {f.answer for f in await kb.store.all_facts()}
    assert kept.answer in answers
    assert "Lostcommit: the Baku ferry was cancelled." not in answers
    assert kb.write_problem is None


# -------------------------------------------------------------- cancelled while writing
# A task is cancelled in the middle of a write when the bot stops (its feed loop renewing the
# feeds lease, say). aiosqlite runs the statement on its thread all the same: the cancelled
# write must still end as one whole transaction or none, raise the cancellation (a StoreError in
# its place is logged by the lease keeper, and the loop then polled on, so the bot never
# finished stopping), and leave the connection free for the next write.


async def test_a_write_cancelled_while_it_waits_for_the_lock_leaves_the_next_write_working(
    sqlite_kb: KnowledgeBase, tmp_path: Path
) -> None:
    kb = sqlite_kb
    with sqlite_write_lock_held(tmp_path / "kb.db", 30) as release:
        renewal = asyncio.create_task(kb.hold_lease("feeds"))
        await asyncio.sleep(0.3)  # its BEGIN IMMEDIATE waits for the other process's lock
        renewal.cancel()
        release.set()
        with pytest.raises(asyncio.CancelledError):
            await renewal
    fact = await kb.add_fact(FactInput("Aftercancel: the Baku ferry sails at noon."), member(8))
    assert (await kb.get_fact(fact.id, guild_id=10)).answer.startswith("Aftercancel")
    assert kb.write_problem is None
    assert await kb.hold_lease("feeds")


async def _cancelled_while_held(
    connection: Any, statement: str, work: Callable[[], Coroutine[Any, Any, object]]
) -> None:
    """Run ``work`` with ``statement`` queued on the connection's thread behind other work (on
    a loaded machine: while it runs), cancel it there, and check that it ends cancelled."""
    busy = threading.Event()
    await connection.create_function("occupy_thread", 0, lambda: busy.wait(10))
    real_execute = connection.execute
    occupying: list[asyncio.Future[object]] = []

    async def behind_other_work(sql: str, *args: object) -> object:
        occupying.append(asyncio.ensure_future(real_execute("SELECT occupy_thread()")))
        await asyncio.sleep(0.05)  # queued first, it holds the thread
        return await real_execute(sql, *args)

    def execute(sql: str, *args: object) -> object:
        if sql == statement:
            return behind_other_work(sql, *args)
        return real_execute(sql, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connection, "execute", execute)
        task = asyncio.create_task(work())
        await asyncio.sleep(0.3)
        task.cancel()
        await asyncio.sleep(0.05)
        busy.set()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.gather(*occupying)


async def test_a_lease_renewal_cancelled_while_it_commits_stops_and_is_kept(
    sqlite_kb: KnowledgeBase, tmp_path: Path
) -> None:
    """The cancellation arrives while the COMMIT waits on the connection's thread: the task is
    cancelled, not told "not held", and the renewal, committed, holds the lease against
    another process."""
    kb = sqlite_kb
    await _cancelled_while_held(kb.store._db, "COMMIT", lambda: kb.hold_lease("feeds"))
    assert not kb.store._db.in_transaction
    other = await open_store(tmp_path / "kb.db")  # another process
    try:
        assert not await other.hold_lease("feeds", "another-process", 30)
    finally:
        await other.close()
    assert await kb.hold_lease("feeds")


@pytest.mark.parametrize(
    "statement", ["BEGIN IMMEDIATE", "INSERT INTO scratch VALUES (1)", "COMMIT", "ROLLBACK"]
)
async def test_a_transaction_cancelled_at_any_of_its_statements_ends_whole_or_not_at_all(
    statement: str, tmp_path: Path
) -> None:
    """Each statement of a transaction waits on the connection's thread while its task is
    cancelled (the ROLLBACK: the one after a write that failed): the task ends cancelled, the
    transaction is written whole (cancelled at its COMMIT) or not at all, and the connection
    takes the next transaction."""
    store = await sqlite_store.SqliteStore.open(tmp_path / "kb.db")
    try:
        async with store.transaction() as db:
            await db.execute("CREATE TABLE scratch (x INTEGER)")

        async def write() -> None:
            async with store.transaction() as db:
                await db.execute("INSERT INTO scratch VALUES (1)")
                if statement == "ROLLBACK":
                    raise RuntimeError("the write failed")

        await _cancelled_while_held(store._db, statement, write)
        assert not store._db.in_transaction
        async with store.transaction() as db:
            await db.execute("INSERT INTO scratch VALUES (2)")
            async with db.execute("SELECT x FROM scratch ORDER BY x") as cursor:
                kept = [row[0] for row in await cursor.fetchall()]
        assert kept == ([1, 2] if statement == "COMMIT" else [2])
    finally:
        await store.close()


async def test_cli_backup_while_the_service_writes(
    sqlite_kb: KnowledgeBase, tmp_path: Path, knowledge_dir: Path
) -> None:
    """`kb backup FILE` copies a live database consistently and never overwrites a file."""
    kb = sqlite_kb
    database = tmp_path / "kb.db"
    target = tmp_path / "backup.db"
    for n in range(5):
        await kb.add_fact(FactInput(f"Backupnote{n}: the Baku marina opened berth {n}."), member(n))
    common = ("--db", database, "--knowledge", knowledge_dir)
    backup = _cli("kb", "backup", target, *common)
    n = 5
    while backup.poll() is None:
        await kb.add_fact(FactInput(f"Backupnote{n}: the Baku marina opened berth {n}."), member(n))
        n += 1
        await asyncio.sleep(0.01)
    out, err = backup.communicate(timeout=30)
    assert backup.returncode == 0, err
    assert out.strip() == f"Backed up {database} to {target}."
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        kept = {row[0] for row in copy.execute("SELECT answer FROM facts WHERE origin = 'user'")}
    finally:
        copy.close()
    assert {f"Backupnote{k}: the Baku marina opened berth {k}." for k in range(5)} <= kept

    again = _cli("kb", "backup", target, *common)
    out, err = again.communicate(timeout=30)
    assert again.returncode == 2 and out == ""
    assert err.splitlines() == [f"error: {target} already exists; give a new file name."]
