"""What only the PostgreSQL store has: a server shared by processes, URLs with passwords, its
own migrations, concurrent writers, and `kb migrate` from SQLite.

The store's behaviour shared with SQLite is tested on both backends in the other storage and
reliability tests; here are the server's own promises. Tests that need a server take it from
NEWSDESK_TEST_POSTGRES (skipped without it); those about the URL and the command line's choice
of database run everywhere.
"""

from __future__ import annotations

import asyncio
import dataclasses
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from bot.cli import main
from bot.composition import open_knowledge_base_at, open_store
from bot.config import DatabaseUrl, Settings, parse_database
from bot.core.actors import Actor
from bot.core.models import Decision, Fact, Origin, Status
from bot.core.service import FactInput, StartMode
from bot.core.storage import (
    AskRecord,
    QueuedTeaching,
    StoreConflict,
    StoreError,
    StoreFull,
    StoreReadOnly,
    StoreUnavailable,
    redact_url,
)
from bot.store.postgres.errors import store_error
from bot.store.postgres.migrations import SCHEMA_VERSION

on_postgres = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)

FACTS_YAML = """\
facts:
  - id: ambassador-recalled
    answer: Azerbaijan called its ambassador in Moscow home for consultations.
    questions: [why did azerbaijan recall its ambassador]
  - id: yekaterinburg-raid
    answer: Russian police raided a building in Yekaterinburg at night.
    questions: [what happened in yekaterinburg]
"""
SYNONYMS_YAML = "groups:\n  - [ambassador, envoy]\n"
OPERATOR = Actor.operator()
AUTHOR = Actor.discord_user(100, 1, is_moderator=False, name="author")


def with_password(url: str, password: str) -> str:
    parts = urlsplit(url)
    user = parts.username or "postgres"
    host = parts.hostname or "127.0.0.1"
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}:{password}@{host}{port}"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclasses.dataclass
class Ran:
    code: int
    out: str
    err: str

    def everything(self) -> str:
        return self.out + self.err


@pytest.fixture
def knowledge(make_knowledge_dir: Callable[..., Path]) -> Path:
    return make_knowledge_dir(
        {"facts.yaml": FACTS_YAML, "synonyms.yaml": SYNONYMS_YAML}, name="knowledge"
    )


@pytest.fixture
def run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Callable[..., Ran]]:
    """``python -m bot ARGS`` in this process, from ``tmp_path``, with no settings file."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)

    def command(*args: str | Path) -> Ran:
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    yield command


# ---------------------------------------------------------------------------- the URL
@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://newsdesk:s3cret@db.example:5432/newsdesk", "postgresql://newsdesk:***@"),
        ("postgres://newsdesk:s3cr@t@db.example/newsdesk", "postgres://newsdesk:***@db.example"),
        ("postgresql://:s3cret@/newsdesk?host=/run/postgresql", "postgresql://:***@/newsdesk"),
        ("postgresql://db.example/newsdesk?user=bot&password=s3cret", "password=***"),
    ],
    ids=["user-password", "at-in-password", "no-user", "query-parameter"],
)
def test_a_database_url_never_shows_its_password(url: str, shown: str) -> None:
    """The redacted form is what `location`, settings, describe() and errors show."""
    database = parse_database(url)
    assert isinstance(database, DatabaseUrl)
    for text in (str(database), repr(database), redact_url(url), repr(Settings(database=url))):
        assert "s3cr" not in text and shown in text
    assert database.secret == url.strip()
    assert parse_database("postgresql://db.example/newsdesk").secret.endswith("/newsdesk")


def test_other_schemes_and_paths(tmp_path: Path) -> None:
    """postgres:// is PostgreSQL too; a path is SQLite; any other URL is refused."""
    assert isinstance(parse_database("POSTGRES://h/db"), DatabaseUrl)
    assert parse_database(str(tmp_path / "x.db")) == tmp_path / "x.db"
    with pytest.raises(ValueError, match="SQLite or PostgreSQL only"):
        parse_database("mysql://u:pw@h/db")


def test_an_unreachable_server_is_one_line_without_the_password(
    run: Callable[..., Ran], knowledge: Path
) -> None:
    """A server that is not there: one line naming it (password hidden), exit code 2."""
    url = f"postgresql://newsdesk:s3cret-pw@127.0.0.1:{free_port()}/newsdesk"
    done = run("kb", "stats", "-v", "--db", url, "--knowledge", knowledge)
    assert done.code == 2
    assert "s3cret-pw" not in done.everything()
    lines = done.err.splitlines()
    assert lines[0].endswith(f"database: postgresql://newsdesk:***@127.0.0.1:{url.split(':')[3]}")
    assert len(lines) == 2
    assert lines[1].startswith("error: cannot reach the database postgresql://newsdesk:***@")


def test_the_database_is_chosen_by_db_then_the_environment_then_the_settings(
    run: Callable[..., Ran], knowledge: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--db wins over $NEWSDESK_DB, which wins over the settings file's `database`."""
    (tmp_path / "bot.yaml").write_text(
        f"database: from-settings.db\nknowledge_dir: {knowledge}\n", encoding="utf-8"
    )

    def used(*args: str) -> str:
        done = run("kb", "stats", "-v", *args)
        assert done.code == 0, done.err
        return done.err.splitlines()[0].rsplit("database: ", 1)[1]

    assert used() == "from-settings.db"  # beside bot.yaml, here the current folder
    monkeypatch.setenv("NEWSDESK_DB", str(tmp_path / "from-env.db"))
    assert used() == str(tmp_path / "from-env.db")
    assert used("--db", str(tmp_path / "from-flag.db")) == str(tmp_path / "from-flag.db")
    monkeypatch.setenv("NEWSDESK_DB", "mysql://bot:s3cret@h/db")
    done = run("kb", "stats")
    assert done.code == 2 and "s3cret" not in done.err
    assert done.err.splitlines() == [
        "error: NEWSDESK_DB mysql://bot:***@h/db: this build stores facts in SQLite or "
        "PostgreSQL only: give a file path or a postgresql:// URL"
    ]


def test_driver_errors_become_the_store_errors_without_a_password() -> None:
    """Each failure PostgreSQL (or the socket) gives maps to the error the service handles."""
    where = "postgresql://bot:***@h/db"
    cases: list[tuple[BaseException, type[StoreError]]] = [
        (asyncpg.exceptions.UniqueViolationError("duplicate key"), StoreConflict),
        (asyncpg.exceptions.DiskFullError("could not extend file"), StoreFull),
        (asyncpg.exceptions.ReadOnlySQLTransactionError("read-only transaction"), StoreReadOnly),
        (asyncpg.exceptions.InsufficientPrivilegeError("permission denied"), StoreReadOnly),
        (asyncpg.exceptions.TooManyConnectionsError("too many connections"), StoreUnavailable),
        (asyncpg.exceptions.AdminShutdownError("terminating connection"), StoreUnavailable),
        (ConnectionRefusedError(111, "Connect call failed"), StoreUnavailable),
        (asyncpg.exceptions.InterfaceError("connection is closed"), StoreUnavailable),
        (TimeoutError(), StoreUnavailable),
    ]
    for exc, kind in cases:
        error = store_error(exc, where)
        assert type(error) is kind, (exc, error)
    leaked = store_error(
        asyncpg.exceptions.InvalidPasswordError("bad postgresql://bot:s3cret@h/db"), where
    )
    assert "s3cret" not in str(leaked)


# --------------------------------------------------------------------------- the schema
@on_postgres
async def test_a_new_database_is_migrated_once_however_many_processes_start(backend: Any) -> None:
    """Three processes opening an empty database at once: one migrates, all work."""
    empty = await backend.new_database(migrated=False)
    stores: list[Any] = list(await asyncio.gather(*(open_store(empty) for _ in range(3))))
    try:
        for store in stores:
            assert await store.schema_version() == SCHEMA_VERSION
            assert store.local_file is None
            assert "***" in store.location or "@" not in store.location
        assert await backend.query(
            "SELECT version FROM schema_version ORDER BY version", database=empty
        ) == [(number,) for number in range(1, SCHEMA_VERSION + 1)]
        await stores[0].insert_fact(Fact("member-a", "A fact.", origin=Origin.USER), "t")
        assert await stores[2].fact_ids() == {"member-a"}
    finally:
        for store in stores:
            await store.close()
    tables = {
        row[0]
        for row in await backend.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", database=empty
        )
    }
    assert {"facts", "audit", "asks", "feedback", "meta", "seen_articles", "fact_changes"} <= tables


@on_postgres
async def test_a_database_from_a_newer_program_is_refused(backend: Any, tmp_path: Path) -> None:
    """A database migrated by a newer version is not opened (nor 'migrated' backwards)."""
    await backend.query("INSERT INTO schema_version (version) VALUES (?)", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="newer"):
        await open_store(backend.database)
    with pytest.raises(StoreError, match="newer"):
        await open_knowledge_base_at(backend.database, tmp_path)


# ------------------------------------------------------------- refusals by the server
@on_postgres
async def test_a_role_that_may_only_read_gets_read_only_errors(backend: Any) -> None:
    """Connected as a role with SELECT only: reads work, writes are StoreReadOnly."""
    store: Any = await open_store(backend.database)
    await store.insert_fact(Fact("member-kept", "Kept.", origin=Origin.USER), "t")
    await store.close()
    role = f"newsdesk_reader_{id(backend)}"
    database = urlsplit(backend.database).path.lstrip("/")
    await backend.query(f"CREATE ROLE {role} LOGIN PASSWORD 'r3ader-pw'")
    try:
        await backend.query(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
        reader: Any = await open_store(
            with_password(backend.database, "r3ader-pw").replace(
                f"{urlsplit(backend.database).username}:", f"{role}:", 1
            )
        )
        try:
            assert await reader.fact_ids() == {"member-kept"}
            with pytest.raises(StoreReadOnly) as refused:
                await reader.insert_fact(Fact("member-new", "New.", origin=Origin.USER), "t")
            assert "permission denied" in str(refused.value) and "r3ader-pw" not in str(
                refused.value
            )
        finally:
            await reader.close()
    finally:
        await backend.query(f"DROP OWNED BY {role}")
        await backend.query(f"DROP ROLE {role}")
    assert database


@on_postgres
async def test_no_connection_to_spare_is_unavailable(backend: Any) -> None:
    """A role at its connection limit: the next process is told, in one sentence."""
    role = f"newsdesk_limited_{id(backend)}"
    await backend.query(f"CREATE ROLE {role} LOGIN PASSWORD 'l1mited-pw' CONNECTION LIMIT 1")
    url = with_password(backend.database, "l1mited-pw").replace(
        f"{urlsplit(backend.database).username}:", f"{role}:", 1
    )
    try:
        await backend.query(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
        first: Any = await open_store(url)
        try:
            with pytest.raises(StoreUnavailable) as refused:
                await open_store(url)
            assert "too many connections" in str(refused.value)
            assert "l1mited-pw" not in str(refused.value)
        finally:
            await first.close()
    finally:
        await backend.query(f"DROP OWNED BY {role}")
        await backend.query(f"DROP ROLE {role}")


# ------------------------------------------------------------------ concurrent writers
@on_postgres
async def test_the_change_log_never_skips_a_commit(backend: Any) -> None:
    """Eight processes writing at once while a ninth reads the change log as it goes: every
    change is read. (Log entries are numbered when written, not when committed; the lock the
    triggers take makes the two orders the same.)"""
    writers: list[Any] = [await open_store(backend.database) for _ in range(8)]
    reader: Any = await open_store(backend.database)
    seen: set[str] = set()
    done = asyncio.Event()

    async def write(n: int, store: Any) -> set[str]:
        ids = set()
        for k in range(25):
            fact = Fact(f"member-{n}-{k}", f"Fact {k} of writer {n}.", origin=Origin.USER)
            await store.insert_fact(fact, f"writer{n}")
            if k % 5 == 0:
                await store.update_fact(
                    dataclasses.replace(fact, answer="Edited."), "t", "edit", if_status=Status.LIVE
                )
            ids.add(fact.id)
        return ids

    start = await reader.latest_change()  # before anyone writes

    async def read() -> None:
        last = start
        while True:
            finished = done.is_set()
            changes = await reader.changes_since(last, limit=1_000_000)
            assert changes is not None
            seen.update(changes.fact_ids)
            last = changes.last
            if finished:
                return
            await asyncio.sleep(0.001)

    reading = asyncio.create_task(read())
    try:
        written = await asyncio.gather(*(write(n, s) for n, s in enumerate(writers)))
        done.set()
        await reading
    finally:
        for store in (*writers, reader):
            await store.close()
    expected = set().union(*written)
    assert len(expected) == 200
    assert expected <= seen


@on_postgres
async def test_an_approval_and_a_rejection_racing_from_two_processes(backend: Any) -> None:
    """A moderator approves in one process while another rejects the same pending fact: one
    wins, the other is told it changed meanwhile; nothing half-done."""
    first: Any = await open_store(backend.database)
    second: Any = await open_store(backend.database)
    try:
        for n in range(10):
            pending = Fact(
                f"member-race-{n}", "Pending.", origin=Origin.USER, status=Status.PENDING
            )
            await first.insert_fact(pending, "author")
            live = dataclasses.replace(pending, status=Status.LIVE)
            results = await asyncio.gather(
                first.update_fact(live, "mod1", "approve", if_status=Status.PENDING),
                second.delete_fact(pending, "mod2", reason="rejected", if_status=Status.PENDING),
                return_exceptions=True,
            )
            conflicts = [r for r in results if isinstance(r, StoreConflict)]
            assert len(conflicts) == 1 and results.count(None) == 1, results
            stored = await first.get_fact(pending.id)
            actions = [e.action for e in await first.history(pending.id)]
            if results[0] is None:
                assert stored is not None and stored.status is Status.LIVE
                assert actions == ["add", "approve"]
            else:
                assert stored is None and actions == ["add", "remove"]
    finally:
        await first.close()
        await second.close()


@on_postgres
async def test_two_processes_reloading_at_once_leave_one_whole_version(backend: Any) -> None:
    """Reloads of two versions from two processes at once: each runs whole, one after the
    other; the file facts are exactly the last one's, and every report adds up."""
    first: Any = await open_store(backend.database)
    second: Any = await open_store(backend.database)
    versions = {
        v: [Fact(f"{v}-{n}", f"Fact {n} of version {v}.", file="k/a.yaml") for n in range(300)]
        for v in ("a", "b")
    }
    try:
        for _ in range(3):
            reports = await asyncio.gather(
                first.replace_file_facts(versions["a"], "one"),
                second.replace_file_facts(versions["b"], "two"),
            )
            assert all(report.total == 300 for report in reports)
            stored = {f.id for f in await first.all_facts(origin=Origin.FILE)}
            assert stored in ({f.id for f in versions["a"]}, {f.id for f in versions["b"]})
    finally:
        await first.close()
        await second.close()


@on_postgres
async def test_a_first_vote_is_counted_once_across_processes(backend: Any) -> None:
    """The same member's vote arriving through two processes at once is a first vote once."""
    stores: list[Any] = [await open_store(backend.database) for _ in range(2)]
    try:
        firsts = await asyncio.gather(
            *(s.record_feedback(f"msg-{n}", "fact", 7, 1, 1) for n in range(20) for s in stores)
        )
        assert firsts.count(True) == 20
    finally:
        for store in stores:
            await store.close()


# ------------------------------------------------------------------------- the CLI
def test_the_command_line_on_postgresql(
    run: Callable[..., Ran], postgres_database: str, knowledge: Path, tmp_path: Path
) -> None:
    """Reload, add, ask and stats through `--db postgresql://...`; the password is never
    shown; `kb backup` says plainly that pg_dump does that."""
    password = urlsplit(postgres_database).password or "no-password-in-the-url"
    common = ("--db", postgres_database, "--knowledge", knowledge)
    reloaded = run("kb", "reload", "-v", *common)
    assert reloaded.code == 0, reloaded.err
    assert "database: postgresql://" in reloaded.err
    added = run(
        "fact", "add", "The Baku marathon moved to October.", "-q", "baku marathon", *common
    )
    assert added.code == 0 and added.out.startswith("Added member-")
    asked = run("ask", "why did baku recall its envoy", *common)
    assert asked.code == 0 and "ambassador-recalled" in asked.out
    stats = run("kb", "stats", *common)
    assert stats.code == 0
    assert stats.out.startswith("facts: 2 from knowledge files, 1 added by users, 0 pending")
    backup = run("kb", "backup", tmp_path / "copy.dump", *common)
    assert backup.code == 2 and backup.out == ""
    assert backup.err.splitlines() == [
        "error: kb backup copies an SQLite database file; a PostgreSQL database is backed up "
        "with pg_dump (pg_dump --format=custom --file=FILE DATABASE_URL) and restored with "
        "pg_restore."
    ]
    assert not (tmp_path / "copy.dump").exists()
    for done in (reloaded, added, asked, stats, backup):
        assert password not in done.everything()


def test_a_database_url_in_the_settings_file_and_the_environment(
    run: Callable[..., Ran],
    postgres_database: str,
    knowledge: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`database: postgresql://...` in bot.yaml, and $NEWSDESK_DB, choose PostgreSQL; neither
    is taken for a path relative to the settings file, and the password is never shown."""
    password = urlsplit(postgres_database).password or "no-password-in-the-url"
    (tmp_path / "bot.yaml").write_text(
        f"database: {postgres_database}\nknowledge_dir: {knowledge}\n", encoding="utf-8"
    )
    reloaded = run("kb", "reload", "-v")
    assert reloaded.code == 0, reloaded.err
    assert reloaded.err.splitlines()[0].endswith(f"database: {redact_url(postgres_database)}")
    (tmp_path / "bot.yaml").write_text(f"knowledge_dir: {knowledge}\n", encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_DB", postgres_database)
    stats = run("kb", "stats", "-v")
    assert stats.code == 0, stats.err
    assert stats.out.startswith("facts: 2 from knowledge files")
    assert stats.err.splitlines()[0].endswith(f"database: {redact_url(postgres_database)}")
    for done in (reloaded, stats):
        assert password not in done.everything()
    assert not (tmp_path / "postgresql:").exists()


def test_a_wrong_password_is_one_line_without_it(
    run: Callable[..., Ran], postgres_database: str, knowledge: Path
) -> None:
    """A password the server refuses: one line, exit code 2, the password not in it."""
    url = with_password(postgres_database, "wr0ng-s3cret")
    done = run("kb", "stats", "--db", url, "--knowledge", knowledge)
    assert done.code == 2
    assert "wr0ng-s3cret" not in done.everything()
    assert len(done.err.splitlines()) == 1 and "password authentication failed" in done.err


# ------------------------------------------------------------------------ kb migrate
async def _an_sqlite_fact_base(database: Path, knowledge: Path) -> None:
    """A fact base with something in every table: file facts, members' facts (one pending,
    one edited, one removed, one replacing another), votes, questions, a drafted article, a
    review note, a taught question, a claimed key and a lease."""
    kb = await open_knowledge_base_at(database, knowledge)
    try:
        added = await kb.add_fact(FactInput("The Baku marathon moved to October."), AUTHOR)
        await kb.edit_fact(added.id, FactInput("The Baku marathon moved to November."), AUTHOR)
        gone = await kb.add_fact(FactInput("A fact removed again."), AUTHOR)
        await kb.remove_fact(gone.id, AUTHOR)
        await kb.store.insert_fact(
            Fact("member-pending", "Waiting.", origin=Origin.USER, status=Status.PENDING), "x"
        )
        await kb.record_feedback("msg-1", "ambassador-recalled", 7, 1, 1)
        await kb.record_feedback("msg-2", "ambassador-recalled", 8, None, -1)
        await kb.store.record_asks(
            [
                AskRecord("why was the ambassador recalled", Decision.ANSWER, "x", 0.9, 1),
                AskRecord("bitcoin price", Decision.UNKNOWN, None, 0.0, None),
            ]
        )
        await kb.store.remember_article(
            "guid-1", url="https://example.org/a", title="A", feed=None, draft="a.yaml"
        )
        await kb.store.record_audit("operator", "approve-draft", "a.yaml", {"ids": ["x"]})
        await kb.store.insert_fact(
            Fact("member-newer", "Later.", origin=Origin.USER, supersedes=(added.id,)), "x"
        )
        await kb.teach("y r they mad at each other", "ambassador-recalled", Actor.operator())
        # A teaching a bot queued behind a reload and was stopped before it made it: the copy
        # keeps it for the next start there to make.
        await kb.store.queue_teaching(
            QueuedTeaching("teach", "yekaterinburg-raid", "wat happened", "console", None, False),
            "a reload",
        )
        assert await kb.store.claim_once("digest:2025-07-01")
        assert await kb.store.hold_lease("feeds", "a-bot-on-sqlite", 3600)
    finally:
        await kb.close()


def test_kb_migrate_copies_a_fact_base_and_checks_the_counts(
    run: Callable[..., Ran],
    run_sync: Callable[..., Any],
    postgres_database: str,
    knowledge: Path,
    tmp_path: Path,
) -> None:
    """Everything an SQLite fact base holds arrives, counted; the copy serves the same answers,
    history and statistics, and knows the knowledge folder it was stored from."""
    source = tmp_path / "data" / "newsdesk.db"
    run_sync(_an_sqlite_fact_base(source, knowledge))
    password = urlsplit(postgres_database).password or "no-password-in-the-url"

    done = run("kb", "migrate", "--from", source, "--to", postgres_database)
    assert done.code == 0, done.err
    assert password not in done.everything()
    counts = {
        line.split()[0]: int(line.split()[1].replace(",", ""))
        for line in done.out.splitlines()[1:-1]
    }
    assert counts == {
        "asks": 2,
        "audit": 11,
        "claims": 1,
        "facts": 5,
        "feedback": 2,
        "meta": 2,
        "seen_articles": 1,
        "taught_questions": 1,
        "queued_teachings": 1,
    }
    assert done.out.splitlines()[-1] == "Every table holds as many rows as the source."

    async def compare() -> None:
        old = await open_knowledge_base_at(source, knowledge, start=StartMode.SERVE_STORED)
        new = await open_knowledge_base_at(
            postgres_database, knowledge, start=StartMode.SERVE_STORED
        )
        try:
            assert new.start_notice is None  # the knowledge signature came along
            facts = await old.store.all_facts()
            assert await new.store.all_facts() == facts
            # When each became answerable, and what replaces what, came along too.
            assert [f.added_at for f in await new.store.all_facts()] == [f.added_at for f in facts]
            assert any(f.supersedes for f in facts) and all(
                f.added_at is not None for f in facts if f.status is Status.LIVE
            )
            assert await new.store.taught_questions() == await old.store.taught_questions()
            assert await new.store.taught_questions() != {}
            assert not await new.store.claim_once("digest:2025-07-01")
            # Leases are not copied: they belong to the processes running on each database.
            assert await new.store.hold_lease("feeds", "a-bot-on-postgresql", 30)
            for fact in await old.store.all_facts():
                assert await new.store.history(fact.id) == await old.store.history(fact.id)
            assert await new.store.history("a.yaml") == await old.store.history("a.yaml")
            assert await new.stats(all_guilds=True) == await old.stats(all_guilds=True)
            assert await new.stats(guild_id=1) == await old.stats(guild_id=1)
            assert await new.store.synonyms() == await old.store.synonyms()
            assert await new.store.article_seen("x", "https://example.org/a") == "a.yaml"
            answer = await new.ask("why did baku recall its envoy", record=False)
            assert answer.best is not None and answer.best.fact.id == "ambassador-recalled"
            # Writes go on where the source's numbering stopped.
            await new.add_fact(FactInput("A fact added after the move."), AUTHOR)
        finally:
            await new.close()
            await old.close()

    run_sync(compare())

    again = run("kb", "migrate", "--from", source, "--to", postgres_database)
    assert again.code == 2 and again.out == ""
    assert len(again.err.splitlines()) == 1 and "not empty" in again.err
    assert "--force" in again.err and password not in again.err
    forced = run("kb", "migrate", "--from", source, "--to", postgres_database, "--force")
    assert forced.code == 0, forced.err
    assert forced.out == done.out


def test_kb_migrate_refuses_what_it_cannot_copy(
    run: Callable[..., Ran], tmp_path: Path, knowledge: Path
) -> None:
    """No source file, or a target that is no PostgreSQL URL: one line, exit code 2."""
    missing = run("kb", "migrate", "--from", tmp_path / "none.db", "--to", "postgresql://h/db")
    assert missing.code == 2
    assert missing.err.splitlines() == [
        f"error: --from {tmp_path / 'none.db'}: no SQLite database there"
    ]
    (tmp_path / "some.db").write_bytes(b"")
    for target in (str(tmp_path / "other.db"), "mysql://bot:s3cret@h/db"):
        done = run("kb", "migrate", "--from", tmp_path / "some.db", "--to", target)
        assert done.code == 2 and len(done.err.splitlines()) == 1
        assert "give the PostgreSQL database to copy into" in done.err
        assert "s3cret" not in done.err
