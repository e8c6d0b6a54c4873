"""Shared fixtures for the core, storage, CLI and shipped-knowledge tests, and the store backends.

Tests read knowledge from ``tests/data/knowledge/`` (``SEED_KNOWLEDGE_DIR``), a frozen copy of
the knowledge the bot first shipped with, never from the live ``knowledge/``: moderators add and
approve files there every day, and that must not change what the tests see. Only
``tests/shipped/test_shipped_knowledge.py`` reads the live folder, to validate every file in it.

Store tests take the ``backend`` fixture: each runs on SQLite and on PostgreSQL, the latter on
the server ``NEWSDESK_TEST_POSTGRES`` names (skipped, and said once, without it).
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import itertools
import os
import re
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit, urlunsplit

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_KNOWLEDGE_DIR = Path(__file__).resolve().parent / "data" / "knowledge"

KnowledgeDirFactory = Callable[..., Path]
T = TypeVar("T")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root directory (where bot.yaml and knowledge/ live)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def seed_knowledge_dir() -> Path:
    """The frozen seed knowledge (tests/data/knowledge/): read it, copy it before writing."""
    return SEED_KNOWLEDGE_DIR


@pytest.fixture
def make_knowledge_dir(tmp_path: Path) -> KnowledgeDirFactory:
    """A factory writing ``{file name: YAML text or bytes}`` into a fresh directory."""
    counter = 0

    def make(files: dict[str, str | bytes], name: str | None = None) -> Path:
        nonlocal counter
        counter += 1
        directory = tmp_path / (name or f"knowledge{counter}")
        directory.mkdir()
        for file_name, content in files.items():
            path = directory / file_name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return directory

    return make


# --------------------------------------------------------------------- store backends
# Every store test runs on SQLite and on PostgreSQL: the ``backend`` fixture is parametrized,
# and gives each test a fresh database of its own (an SQLite file in the test's folder, or a
# PostgreSQL database created for the test from a migrated template and dropped after it).
# The PostgreSQL server is the one NEWSDESK_TEST_POSTGRES names (a URL of a role that may
# create databases); without it those tests are skipped, and the session says so in one line.
POSTGRES_ENV = "NEWSDESK_TEST_POSTGRES"
POSTGRES_SKIPPED = (
    f"PostgreSQL tests skipped: {POSTGRES_ENV} is not set "
    "(`make test-postgres` runs them on a throwaway cluster)"
)
BACKENDS = ("sqlite", "postgresql")


def postgres_url() -> str | None:
    """The test server's URL (with its password), or None when the tests run without one."""
    return os.environ.get(POSTGRES_ENV, "").strip() or None


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto``: one worker more than the cores this process may use. About a third of the
    suite's time goes to waiting, not computing (leases and claims running out, child
    processes of the bot, PostgreSQL copying databases): the extra worker computes meanwhile.
    PYTEST_XDIST_AUTO_NUM_WORKERS, when set, still decides (xdist reads it)."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return cores + 1


def pytest_report_header(config: pytest.Config) -> str:
    url = postgres_url()
    if url is None:
        return POSTGRES_SKIPPED
    from bot.core.storage import redact_url

    return f"PostgreSQL tests: on {redact_url(url)}"


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if postgres_url() is None:
        terminalreporter.write_line(POSTGRES_SKIPPED)


def _needs_postgres(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    on_postgres = callspec is not None and callspec.params.get("backend") == "postgresql"
    return on_postgres or "postgres_server" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Without a server, the PostgreSQL tests are skipped before any fixture is set up.
    if postgres_url() is None:
        for item in items:
            if _needs_postgres(item):
                item.add_marker(pytest.mark.skip(reason=f"{POSTGRES_ENV} is not set"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.skipped and postgres_url() is None and _needs_postgres(item):
        # One line for all of them in the short summary (`-ra`), not one per test.
        report.longrepr = (__file__, None, f"{POSTGRES_ENV} is not set")
    return report


def database_url(server: str, name: str) -> str:
    """``server``'s URL with another database name."""
    parts = urlsplit(server)
    return urlunsplit(parts._replace(path=f"/{name}"))


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` on an event loop of its own, in a thread of its own: from sync code
    and fixtures, without touching the loop pytest-asyncio keeps for the tests."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class PostgresServer:
    """The test server: a fresh database per test, copied from a migrated template.

    Copying a database takes PostgreSQL a few tenths of a second, so a thread of its own (with
    its own event loop and one admin connection) keeps the next databases made before the
    tests ask, and drops the used ones after them, while the tests run.
    """

    AHEAD = 2

    def __init__(self, url: str) -> None:
        self.url = url
        self.template = f"newsdesk_test_template_{os.getpid()}"
        self._made = itertools.count()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="test databases", daemon=True
        )
        self._admin: Any = None
        self._one_at_a_time = asyncio.Lock()
        self._ahead: collections.deque[concurrent.futures.Future[str]] = collections.deque()
        self._pending: list[concurrent.futures.Future[Any]] = []

    def _submit(self, coroutine: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    async def _execute(self, sql: str) -> None:
        import asyncpg

        async with self._one_at_a_time:  # one connection: one statement at a time
            if self._admin is None or self._admin.is_closed():
                self._admin = await asyncpg.connect(self.url)
            await self._admin.execute(sql)

    async def _make_template(self) -> None:
        from bot.store.postgres import PostgresStore

        await self._execute(f"DROP DATABASE IF EXISTS {self.template} WITH (FORCE)")
        await self._execute(f"CREATE DATABASE {self.template} TEMPLATE template0")
        store = await PostgresStore.open(database_url(self.url, self.template))
        await store.close()

    async def _create(self, template: str) -> str:
        name = f"newsdesk_test_{os.getpid()}_{next(self._made)}"
        await self._execute(f"CREATE DATABASE {name} TEMPLATE {template}")
        return database_url(self.url, name)

    def start(self) -> None:
        self._thread.start()
        try:
            self._submit(self._make_template()).result()
        except Exception as exc:
            from bot.core.storage import redact_url

            self._loop.call_soon_threadsafe(self._loop.stop)
            raise pytest.UsageError(
                f"{POSTGRES_ENV}={redact_url(self.url)} cannot be used: {redact_url(str(exc))}"
            ) from None

    def stop(self) -> None:
        for made in self._ahead:
            self._pending.append(self._submit(self._drop(made.result())))
        concurrent.futures.wait(self._pending)

        async def finish() -> None:
            await self._execute(f"DROP DATABASE IF EXISTS {self.template} WITH (FORCE)")
            await self._admin.close()

        try:
            self._submit(finish()).result()
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    def take(self) -> concurrent.futures.Future[str]:
        """The next fresh database with the current schema (its URL, when it is made)."""
        while len(self._ahead) <= self.AHEAD:
            self._ahead.append(self._submit(self._create(self.template)))
        return self._ahead.popleft()

    async def new_database(self, *, migrated: bool = True) -> str:
        """A new database (with the current schema, or empty); its URL."""
        made = self.take() if migrated else self._submit(self._create("template0"))
        return await asyncio.wrap_future(made)

    async def _drop(self, url: str) -> None:
        await self._execute(
            f"DROP DATABASE IF EXISTS {urlsplit(url).path.lstrip('/')} WITH (FORCE)"
        )

    def drop_database(self, url: str) -> None:
        """Drop the database after the test, while the next ones run."""
        self._pending.append(self._submit(self._drop(url)))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The PostgreSQL server of NEWSDESK_TEST_POSTGRES, or the test is skipped."""
    url = postgres_url()
    if url is None:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    server = PostgresServer(url)
    server.start()
    yield server
    server.stop()


class Backend:
    """One test's database on one backend, and what the test needs to look inside it."""

    def __init__(self, name: str, folder: Path, server: PostgresServer | None) -> None:
        self.name = name
        self._folder = folder
        self._server = server
        self._made: list[str] = []
        self._connections: dict[str, Any] = {}
        self.database: Path | str = Path()

    @property
    def is_postgres(self) -> bool:
        return self.name == "postgresql"

    @property
    def server_url(self) -> str | None:
        """The PostgreSQL server's own URL (its maintenance database), for statements about
        the test's database (ALTER DATABASE); None on SQLite."""
        return None if self._server is None else self._server.url

    async def new_database(self, name: str = "newsdesk", *, migrated: bool = True) -> Path | str:
        """Another fresh database: a file path (SQLite, not created yet) or a URL."""
        if self._server is None:
            return self._folder / "data" / f"{name}.db"
        url = await self._server.new_database(migrated=migrated)
        self._made.append(url)
        return url

    async def query(
        self, sql: str, *params: Any, database: Path | str | None = None
    ) -> list[tuple[Any, ...]]:
        """Run one statement (``?`` placeholders) on a connection of its own, as another
        process would; its rows."""
        where = self.database if database is None else database
        if isinstance(where, Path):
            connection = sqlite3.connect(where, isolation_level=None, timeout=10)
            try:
                return [tuple(row) for row in connection.execute(sql, params).fetchall()]
            finally:
                connection.close()
        if where not in self._connections:
            import asyncpg

            self._connections[where] = await asyncpg.connect(where)
        numbered = iter(itertools.count(1))
        text = re.sub(r"\?", lambda _: f"${next(numbered)}", sql)
        return [tuple(row) for row in await self._connections[where].fetch(text, *params)]

    async def tables(self) -> set[str]:
        if self.is_postgres:
            sql = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        else:
            sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
        return {str(row[0]) for row in await self.query(sql)}

    def fault(self, message: str) -> Exception:
        """A driver's own I/O error, to make a store method fail the way a disk would."""
        if self.is_postgres:
            import asyncpg

            return cast(Exception, asyncpg.exceptions.PostgresIOError(message))
        return sqlite3.OperationalError(message)

    async def close(self) -> None:
        for connection in self._connections.values():
            await connection.close()
        self._connections.clear()
        if self._server is not None:
            for url in self._made:
                self._server.drop_database(url)


@pytest.fixture
def postgres_database(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh PostgreSQL database with the current schema, for tests that are not async (the
    command line in this process); its URL. Dropped after the test."""
    url = postgres_server.take().result()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture(scope="session")
def run_sync() -> Callable[[Coroutine[Any, Any, T]], T]:
    """``run_sync(coroutine)``: run it to the end from a test that is not async."""
    return run_async


@pytest.fixture(autouse=True)
def _no_database_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # A developer's NEWSDESK_DB must not point the tests' commands at their database.
    monkeypatch.delenv("NEWSDESK_DB", raising=False)


@pytest.fixture(params=BACKENDS)
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    """The test's database, on SQLite and (with NEWSDESK_TEST_POSTGRES) on PostgreSQL:
    ``backend.database`` is what ``open_knowledge_base_at``, ``open_store`` and ``--db`` take."""
    server = request.getfixturevalue("postgres_server") if request.param == "postgresql" else None
    made = Backend(request.param, tmp_path, server)
    made.database = await made.new_database()
    try:
        yield made
    finally:
        await made.close()
