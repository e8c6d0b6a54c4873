"""The stores and the KnowledgeBase on a real database: durability, rules, reports.

Each test that is not about SQLite's own file runs on both backends (the ``backend`` fixture of
tests/conftest.py): an SQLite file, and a PostgreSQL database of its own.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot import composition
from bot.composition import DatabaseName as Database
from bot.composition import open_knowledge_base_at, open_store
from bot.core.actors import Actor
from bot.core.errors import InvalidInput, LimitReached, NotFound, PermissionDenied
from bot.core.knowledge_errors import KnowledgeError
from bot.core.loader import load_knowledge
from bot.core.models import Decision, Fact, Origin, Source, Status, Translation
from bot.core.service import FactInput, KnowledgeBase, Policy, StartMode
from bot.core.storage import StoreConflict, StoreError, StoreUnavailable
from bot.store import SqliteStore
from bot.store.postgres.migrations import SCHEMA_VERSION as POSTGRES_SCHEMA_VERSION
from bot.store.sqlite import schema as sqlite_schema
from bot.store.sqlite.migrations import SCHEMA_VERSION

FACTS_YAML = """\
source:
  title: The seed article
  published: 2025-07-01
facts:
  - id: ambassador-recalled
    answer: >-
      Azerbaijan called its ambassador in Moscow home after two men died in Russian custody.
    questions:
      - why did azerbaijan recall its ambassador
      - ambassador recall
      - is the ambassador still in moscow
  - id: yekaterinburg-raid
    answer: Russian police raided a building in Yekaterinburg at night.
    questions:
      - what happened in yekaterinburg
      - yekaterinburg raid
      - who carried out the raid
  - id: turkey-ties
    answer: Azerbaijan is building closer security ties with Turkey.
    questions:
      - is azerbaijan turning to turkey
      - what does turkey have to do with this
      - azerbaijan turkey security ties
"""
SYNONYMS_YAML = "groups:\n  - [ambassador, envoy]\n"
FILE_IDS = {"ambassador-recalled", "yekaterinburg-raid", "turkey-ties"}

GUILD = 1
OTHER_GUILD = 2
AUTHOR = Actor.discord_user(100, GUILD, is_moderator=False, name="author")
MEMBER = Actor.discord_user(200, GUILD, is_moderator=False, name="member")
MODERATOR = Actor.discord_user(300, GUILD, is_moderator=True, name="mod")
FOREIGN_MODERATOR = Actor.discord_user(400, OTHER_GUILD, is_moderator=True, name="other mod")
OPERATOR = Actor.operator()

GRAND_PRIX = FactInput(
    "Baku hosts a Formula One grand prix on a street circuit every year.",
    ("when is the baku grand prix", "formula one in baku"),
    ("Sport", "F1"),
    "https://example.org/f1",
    "F1 calendar",
)


@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    """A small knowledge directory: three facts and one synonym group."""
    directory = tmp_path / "knowledge"
    directory.mkdir()
    (directory / "facts.yaml").write_text(FACTS_YAML, encoding="utf-8")
    (directory / "synonyms.yaml").write_text(SYNONYMS_YAML, encoding="utf-8")
    return directory


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the SQLite test database lives (created on first open), for SQLite's own tests."""
    return tmp_path / "data" / "newsdesk.db"


@pytest.fixture
async def store(database: Database) -> AsyncIterator[Any]:
    """A freshly migrated store on a real database."""
    opened = await open_store(database)
    yield opened
    await opened.close()


@pytest.fixture
async def opened_stores(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[list[Any]]:
    """Every store opened during the test, closed at teardown even if nobody else closes it.

    A leaked aiosqlite connection keeps a non-daemon thread alive and hangs the interpreter at
    exit (an asyncpg pool left open warns), so tests of failing ``KnowledgeBase.open`` paths
    use this as a safety net.
    """
    stores: list[Any] = []
    original = composition.open_store

    async def tracking_open(where: Database) -> Any:
        store = await original(where)
        stores.append(store)
        return store

    monkeypatch.setattr(composition, "open_store", tracking_open)
    yield stores
    for store in stores:
        await store.close()


def inspect_db(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Run a read-only query on the database file with the standard library."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def file_fact(fact_id: str, answer: str = "An answer.", line: int = 1) -> Fact:
    """A knowledge-file fact as the loader would produce it."""
    return Fact(fact_id, answer, (f"question about {fact_id}",), file="k/a.yaml", line=line)


def user_fact(fact_id: str, guild_id: int = GUILD) -> Fact:
    """A fact a Discord member added."""
    return Fact(
        fact_id,
        "A member's fact.",
        ("member question",),
        origin=Origin.USER,
        guild_id=guild_id,
        author_id=AUTHOR.user_id,
    )


# ------------------------------------------------------------------------ schema, files
async def test_migrations_create_the_schema_in_wal_mode(db_path: Path) -> None:
    """A new database file gets the current schema version and write-ahead logging."""
    store = await SqliteStore.open(db_path)
    try:
        assert await store.schema_version() == SCHEMA_VERSION
    finally:
        await store.close()
    assert inspect_db(db_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert inspect_db(db_path, "PRAGMA journal_mode") == [("wal",)]
    tables = {row[0] for row in inspect_db(db_path, "SELECT name FROM sqlite_master")}
    assert {"facts", "audit", "asks", "feedback"} <= tables


def _schema(path: Path) -> set[str]:
    """The indexes of the database file and the columns of its seen_articles."""
    indexes = inspect_db(path, "SELECT name FROM sqlite_master WHERE type = 'index'")
    columns = inspect_db(path, "SELECT name FROM pragma_table_info('seen_articles')")
    return {row[0] for row in indexes + columns}


@pytest.mark.parametrize("number", [15, 16])
async def test_a_migration_that_fails_half_way_leaves_the_schema_before_it(
    db_path: Path, number: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A migration whose last statement fails (the process killed, the disk full) changes
    nothing: the file keeps the schema before it, and the next start migrates it whole."""
    migrations = sqlite_schema.MIGRATIONS
    monkeypatch.setattr(sqlite_schema, "SCHEMA_VERSION", number - 1)
    await (await SqliteStore.open(db_path)).close()
    before = _schema(db_path)
    failing = (*migrations[number - 1], "SELECT * FROM no_such_table")
    monkeypatch.setattr(sqlite_schema, "MIGRATIONS", (*migrations[: number - 1], failing))
    monkeypatch.setattr(sqlite_schema, "SCHEMA_VERSION", number)
    with pytest.raises(StoreError):
        await SqliteStore.open(db_path)
    assert inspect_db(db_path, "PRAGMA user_version") == [(number - 1,)]
    assert _schema(db_path) == before
    monkeypatch.undo()
    store = await SqliteStore.open(db_path)
    try:
        assert await store.schema_version() == SCHEMA_VERSION
    finally:
        await store.close()
    assert _schema(db_path) != before


async def test_reopening_is_idempotent(database: Database) -> None:
    """Opening an up-to-date database again migrates nothing and keeps its data."""
    first = await open_store(database)
    await first.insert_fact(user_fact("kept"), AUTHOR.key)
    await first.close()
    for _ in range(2):
        again: Any = await open_store(database)
        try:
            assert await again.schema_version() == (
                POSTGRES_SCHEMA_VERSION if isinstance(database, str) else SCHEMA_VERSION
            )
            assert await again.fact_ids() == {"kept"}
            assert len(await again.history("kept")) == 1
        finally:
            await again.close()


async def test_database_from_a_newer_program_is_refused(db_path: Path, tmp_path: Path) -> None:
    """A database written by a newer version is not opened (nor 'migrated' backwards)."""
    db_path.parent.mkdir(parents=True)
    connection = sqlite3.connect(db_path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer"):
        await SqliteStore.open(db_path)
    with pytest.raises(StoreError, match="newer"):
        await open_knowledge_base_at(db_path, tmp_path)
    assert inspect_db(db_path, "PRAGMA user_version") == [(SCHEMA_VERSION + 1,)]


# ----------------------------------------------------------------------- store writes
async def test_insert_round_trips_every_field_and_audits(store: Any) -> None:
    """A stored fact reads back identical, and its history shows who added it."""
    fact = Fact(
        "full",
        "Everything set.",
        ("q one", "q two"),
        ("tag",),
        ("other",),
        Source("Title", "https://example.org", dt.date(2025, 7, 1)),
        dt.date(2025, 6, 28),
        Origin.USER,
        None,
        None,
        GUILD,
        AUTHOR.user_id,
        Status.PENDING,
        translations=(
            Translation("en", "Everything is set.", ("is everything set",)),
            Translation("az", "Hər şey hazırdır.", ()),
        ),
        language="ru",
    )
    await store.insert_fact(fact, AUTHOR.key)
    assert await store.get_fact("full") == fact
    (entry,) = await store.history("full")
    assert (entry.action, entry.actor, entry.fact_id, entry.guild_id) == (
        "add",
        AUTHOR.key,
        "full",
        GUILD,
    )
    assert entry.detail == {"status": "pending", "language": "ru"}


async def test_insert_and_audit_are_one_transaction(
    store: Any, backend: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the audit entry cannot be written, the fact is not stored either."""

    async def broken_audit(*args: object, **kwargs: object) -> None:
        raise backend.fault("disk I/O error")

    monkeypatch.setattr(store, "_audit", broken_audit)
    with pytest.raises(StoreUnavailable, match="disk I/O error"):
        await store.insert_fact(user_fact("half"), AUTHOR.key)
    monkeypatch.undo()
    assert await store.get_fact("half") is None
    assert await store.history("half") == []


async def test_duplicate_id_is_refused_and_nothing_written(store: Any) -> None:
    """Inserting an id that exists raises StoreError and adds neither fact nor audit entry."""
    await store.insert_fact(user_fact("same"), AUTHOR.key)
    replacement = dataclasses.replace(user_fact("same"), answer="Different.")
    with pytest.raises(StoreConflict, match="already exists"):
        await store.insert_fact(replacement, MEMBER.key)
    stored = await store.get_fact("same")
    assert stored is not None and stored.answer == "A member's fact."
    assert [e.actor for e in await store.history("same")] == [AUTHOR.key]


async def test_replace_file_facts_reports_exactly_and_spares_user_facts(
    store: Any,
) -> None:
    """A reload reports added, changed and removed ids exactly, and never touches user facts."""
    await store.insert_fact(user_fact("mine"), AUTHOR.key)
    first = await store.replace_file_facts([file_fact("a"), file_fact("b"), file_fact("c")], "t")
    assert (first.added, first.changed, first.removed, first.total) == (("a", "b", "c"), (), (), 3)

    moved = file_fact("c", line=40)  # only the line moved: not a change
    second = await store.replace_file_facts(
        [file_fact("a", "A new answer."), moved, file_fact("d")], "t"
    )
    assert (second.added, second.changed, second.removed, second.total) == (
        ("d",),
        ("a",),
        ("b",),
        3,
    )
    assert await store.fact_ids() == {"a", "c", "d", "mine"}
    stored_a = await store.get_fact("a")
    stored_c = await store.get_fact("c")
    assert stored_a is not None and stored_a.answer == "A new answer."
    assert stored_c is not None and stored_c.line == 40
    assert await store.get_fact("mine") == user_fact("mine")
    assert [e.action for e in await store.history("a")] == ["add", "edit"]
    assert [e.action for e in await store.history("b")] == ["add", "remove"]
    assert [e.action for e in await store.history("c")] == ["add"]

    third = await store.replace_file_facts(
        [file_fact("a", "A new answer."), moved, file_fact("d")], "t"
    )
    assert third.unchanged


async def test_replace_file_facts_refuses_an_id_held_by_a_user_fact(store: Any) -> None:
    """A file fact with a user fact's id fails the whole reload and changes nothing."""
    await store.replace_file_facts([file_fact("a")], "t")
    await store.insert_fact(user_fact("taken"), AUTHOR.key)
    with pytest.raises(StoreConflict, match="taken"):
        await store.replace_file_facts([file_fact("new"), file_fact("taken")], "t")
    assert await store.fact_ids() == {"a", "taken"}
    assert await store.history("new") == []


# ----------------------------------------------------------------- knowledge base: basics
async def test_open_loads_the_knowledge_and_answers(kb: KnowledgeBase) -> None:
    """A knowledge base opened on a knowledge directory answers its facts (synonyms included)."""
    assert {f.id for f in await kb.store.all_facts()} == FILE_IDS
    result = await kb.ask("why did baku recall its envoy")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "ambassador-recalled"


async def test_facts_persist_across_close_and_reopen(
    database: Database, knowledge_dir: Path
) -> None:
    """User facts and file facts are still answered after a restart."""
    kb = await open_knowledge_base_at(database, knowledge_dir)
    added = await kb.add_fact(GRAND_PRIX, AUTHOR)
    await kb.close()
    reopened = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await reopened.get_fact(added.id, guild_id=GUILD) == added
        result = await reopened.ask("when is the baku grand prix", guild_id=GUILD)
        assert result.best is not None and result.best.fact.id == added.id
        assert result.decision is Decision.ANSWER
        assert {f.id for f in await reopened.store.all_facts()} == FILE_IDS | {added.id}
    finally:
        await reopened.close()


async def test_closing_twice_is_no_error(database: Database, knowledge_dir: Path) -> None:
    """A signal handler closes the bot and a ``finally`` closes it again: the second close
    (or one running at the same time) does nothing more, and what was written is kept."""
    kb = await open_knowledge_base_at(database, knowledge_dir)
    added = await kb.add_fact(GRAND_PRIX, AUTHOR)
    # Bounded: two closes that waited for each other would hang the bot's shutdown.
    await asyncio.wait_for(asyncio.gather(kb.close(), kb.close()), 30)
    await asyncio.wait_for(kb.close(), 30)
    reopened = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await reopened.get_fact(added.id, guild_id=GUILD) == added
    finally:
        await reopened.close()


async def test_facts_survive_a_restart_without_reload(
    database: Database, knowledge_dir: Path
) -> None:
    """With start=StartMode.SERVE_STORED the stored facts are served even if the files vanished."""
    kb = await open_knowledge_base_at(database, knowledge_dir)
    await kb.close()
    (knowledge_dir / "facts.yaml").unlink()
    reopened = await open_knowledge_base_at(database, knowledge_dir, start=StartMode.SERVE_STORED)
    try:
        result = await reopened.ask("what happened in yekaterinburg")
        assert result.best is not None and result.best.fact.id == "yekaterinburg-raid"
    finally:
        await reopened.close()


async def test_broken_knowledge_at_start_serves_stored_facts(
    database: Database, knowledge_dir: Path
) -> None:
    """If the files are broken at start, the bot still starts and answers the stored facts."""
    kb = await open_knowledge_base_at(database, knowledge_dir)
    await kb.close()
    (knowledge_dir / "facts.yaml").write_text("facts: [oops\n", encoding="utf-8")
    reopened = await open_knowledge_base_at(database, knowledge_dir)
    try:
        result = await reopened.ask("what happened in yekaterinburg")
        assert result.decision is Decision.ANSWER
        assert {f.id for f in await reopened.store.all_facts()} == FILE_IDS
    finally:
        await reopened.close()


async def test_synonyms_work_after_a_restart_without_reload(
    database: Database, knowledge_dir: Path
) -> None:
    """'envoy' still finds the ambassador fact after a restart that skips the reload."""
    kb = await open_knowledge_base_at(database, knowledge_dir)
    await kb.close()
    reopened = await open_knowledge_base_at(database, knowledge_dir, start=StartMode.SERVE_STORED)
    try:
        result = await reopened.ask("why did baku recall its envoy")
        assert result.decision is Decision.ANSWER
    finally:
        await reopened.close()


async def test_id_clash_at_start_does_not_stop_the_bot(
    database: Database, knowledge_dir: Path, opened_stores: list[Any]
) -> None:
    """A knowledge file reusing a user fact's id is logged at start; the bot still starts."""
    kb = await open_knowledge_base_at(database, knowledge_dir)
    added = await kb.add_fact(GRAND_PRIX, OPERATOR)
    await kb.close()
    (knowledge_dir / "clash.yaml").write_text(
        f"facts:\n  - id: {added.id}\n    answer: A file fact.\n", encoding="utf-8"
    )
    reopened = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert (await reopened.get_fact(added.id)).origin is Origin.USER
    finally:
        await reopened.close()


# ------------------------------------------------------------------------------ reload
async def test_reload_applies_file_changes_and_keeps_user_facts(
    kb: KnowledgeBase, knowledge_dir: Path
) -> None:
    """A reload adds, changes and removes file facts; user-added facts stay answered."""
    added = await kb.add_fact(GRAND_PRIX, AUTHOR)
    text = FACTS_YAML.replace(
        "Russian police raided a building", "Russian security services raided a flat"
    )
    text = text.split("  - id: turkey-ties")[0] + (
        "  - id: karabakh-war\n"
        "    answer: In 2020 Azerbaijan defeated Armenia in the war over Nagorno-Karabakh.\n"
        "    questions: [who won the karabakh war]\n"
    )
    (knowledge_dir / "facts.yaml").write_text(text, encoding="utf-8")
    report = await kb.reload(MODERATOR)
    assert (report.added, report.changed, report.removed) == (
        ("karabakh-war",),
        ("yekaterinburg-raid",),
        ("turkey-ties",),
    )
    assert report.files == 2 and report.total == 3
    assert "turkey-ties" not in kb.matcher
    raid = kb.matcher.get("yekaterinburg-raid")
    assert raid is not None and "security services" in raid.answer
    won = await kb.ask("who won the karabakh war")
    assert won.best is not None and won.best.fact.id == "karabakh-war"
    mine = await kb.ask("when is the baku grand prix", guild_id=GUILD)
    assert mine.best is not None and mine.best.fact.id == added.id
    assert await kb.store.get_fact(added.id) == added


async def test_reload_picks_up_what_another_process_wrote(
    kb: KnowledgeBase, database: Database, knowledge_dir: Path
) -> None:
    """A running bot's reload serves what the CLI changed meanwhile: file facts the CLI already
    stored, and member facts it added or removed."""
    text = FACTS_YAML.split("  - id: turkey-ties")[0] + (
        "  - id: karabakh-war\n"
        "    answer: In 2020 Azerbaijan defeated Armenia in the war over Nagorno-Karabakh.\n"
        "    questions: [who won the karabakh war]\n"
    )
    (knowledge_dir / "facts.yaml").write_text(text, encoding="utf-8")
    cli = await open_knowledge_base_at(database, knowledge_dir)  # stores the new files at start
    try:
        added = await cli.add_fact(GRAND_PRIX, Actor.operator())
    finally:
        await cli.close()
    report = await kb.reload(MODERATOR)
    assert (report.added, report.removed) == (("karabakh-war",), ("turkey-ties",))
    won = await kb.ask("who won the karabakh war")
    assert won.best is not None and won.best.fact.id == "karabakh-war"
    assert "turkey-ties" not in kb.matcher
    assert added.id in kb.matcher


async def test_reload_with_broken_yaml_keeps_the_old_knowledge(
    kb: KnowledgeBase, knowledge_dir: Path
) -> None:
    """A reload of broken files raises located errors; DB and answers stay as they were."""
    before_db = await kb.store.all_facts()
    (knowledge_dir / "facts.yaml").write_text(
        FACTS_YAML.replace("  - id: turkey-ties", "  - id: turkey-ties\n    colour: red"),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as caught:
        await kb.reload(OPERATOR)
    assert [e.message.split(" (")[0] for e in caught.value.errors] == [
        "unknown field 'colour' in a fact"
    ]
    assert await kb.store.all_facts() == before_db
    result = await kb.ask("is azerbaijan turning to turkey")
    assert result.best is not None and result.best.fact.id == "turkey-ties"
    assert result.decision is Decision.ANSWER


async def test_a_member_can_never_hold_an_id_of_the_shared_knowledge(
    kb: KnowledgeBase, knowledge_dir: Path
) -> None:
    """A member adding a fact worded like a file's id gets a member- id; the file's fact with
    that id then loads, is answered everywhere, and the member's fact stays theirs."""
    squat = FactInput("Baku hosts Formula One grand prix every September.")
    added = await kb.add_fact(squat, AUTHOR)
    assert added.id == "member-baku-hosts-formula-one-grand"
    (knowledge_dir / "more.yaml").write_text(
        "facts:\n  - id: baku-hosts-formula-one-grand\n    answer: The Baku race is in "
        "September.\n",
        encoding="utf-8",
    )
    report = await kb.reload(OPERATOR)
    assert report.added == ("baku-hosts-formula-one-grand",)
    shared = await kb.get_fact("baku-hosts-formula-one-grand", guild_id=OTHER_GUILD)
    assert shared.origin is Origin.FILE
    assert (await kb.get_fact(added.id, guild_id=GUILD)).answer == added.answer
    with pytest.raises(PermissionDenied, match="comes from the knowledge file"):
        await kb.remove_fact("baku-hosts-formula-one-grand", MODERATOR)


async def test_knowledge_files_may_not_use_member_ids(
    kb: KnowledgeBase, knowledge_dir: Path
) -> None:
    """A knowledge file with a member- id is a located error; nothing changes anywhere."""
    before_db = await kb.store.all_facts()
    (knowledge_dir / "more.yaml").write_text(
        "facts:\n  - id: member-baku\n    answer: A file fact.\n"
        "  - id: brand-new\n    answer: Tolbachik erupted.\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match="kept for the facts members add"):
        await kb.reload(OPERATOR)
    assert await kb.store.all_facts() == before_db
    assert "brand-new" not in kb.matcher


async def test_reload_picks_up_new_synonyms(kb: KnowledgeBase, knowledge_dir: Path) -> None:
    """A synonym group added to synonyms.yaml works right after the reload."""
    before = await kb.ask("what happened in sverdlovsk")
    assert before.decision is not Decision.ANSWER
    (knowledge_dir / "synonyms.yaml").write_text(
        SYNONYMS_YAML + "  - [yekaterinburg, sverdlovsk]\n", encoding="utf-8"
    )
    report = await kb.reload(OPERATOR)
    assert report.unchanged
    result = await kb.ask("what happened in sverdlovsk")
    assert result.best is not None and result.best.fact.id == "yekaterinburg-raid"
    assert result.decision is Decision.ANSWER


async def test_only_moderators_reload(kb: KnowledgeBase) -> None:
    """A member cannot reload the knowledge base."""
    with pytest.raises(PermissionDenied):
        await kb.reload(MEMBER)


# ------------------------------------------------------------------ adding and changing
async def test_member_adds_a_fact_answered_in_their_guild_only(kb: KnowledgeBase) -> None:
    """A member's fact is live at once in their server, with a readable id and source."""
    fact = await kb.add_fact(GRAND_PRIX, AUTHOR)
    assert fact.id == "member-baku-hosts-formula-one-grand"
    assert (fact.origin, fact.status, fact.guild_id, fact.author_id) == (
        Origin.USER,
        Status.LIVE,
        GUILD,
        AUTHOR.user_id,
    )
    assert fact.tags == ("sport", "f1")
    assert fact.source == Source("F1 calendar", "https://example.org/f1", None)
    here = await kb.ask("when is the baku grand prix", guild_id=GUILD)
    assert here.decision is Decision.ANSWER
    assert here.best is not None and here.best.fact.id == fact.id
    elsewhere = await kb.ask("when is the baku grand prix", guild_id=OTHER_GUILD)
    assert fact.id not in [m.fact.id for m in elsewhere.matches]
    with pytest.raises(NotFound):
        await kb.get_fact(fact.id, guild_id=OTHER_GUILD)
    assert [e.action for e in await kb.history(fact.id, guild_id=GUILD)] == ["add"]


async def test_same_answer_twice_gets_a_fresh_id(kb: KnowledgeBase) -> None:
    """Two facts starting with the same words get distinct ids."""
    first = await kb.add_fact(GRAND_PRIX, AUTHOR)
    second = await kb.add_fact(GRAND_PRIX, MEMBER)
    assert second.id == f"{first.id}-2"


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (FactInput("  ?!  "), "empty"),
        (FactInput("x" * 5000), "limit"),
        (FactInput("An answer.", source_url="ftp://example.org"), "http"),
        (FactInput("An answer.", tuple(f"q{i}" for i in range(11))), "questions"),
    ],
    ids=["empty", "too-long", "bad-url", "too-many-questions"],
)
async def test_invalid_drafts_are_refused(
    kb: KnowledgeBase, draft: FactInput, message: str
) -> None:
    """Empty or over-long answers, non-web sources and too many questions are refused."""
    with pytest.raises(InvalidInput, match=message):
        await kb.add_fact(draft, AUTHOR)
    assert {f.id for f in await kb.store.all_facts()} == FILE_IDS


@pytest.mark.parametrize(
    ("actor", "allowed"),
    [(AUTHOR, True), (MEMBER, False), (MODERATOR, True), (FOREIGN_MODERATOR, False)],
    ids=["author", "other-member", "moderator", "other-guild-moderator"],
)
async def test_who_may_edit_a_user_fact(kb: KnowledgeBase, actor: Actor, allowed: bool) -> None:
    """The author and the server's moderators may edit a fact; other members may not."""
    fact = await kb.add_fact(GRAND_PRIX, AUTHOR)
    draft = FactInput("Baku's grand prix moved to September.", ("when is the baku grand prix",))
    if not allowed:
        with pytest.raises((PermissionDenied, NotFound)):
            await kb.edit_fact(fact.id, draft, actor)
        assert await kb.store.get_fact(fact.id) == fact
        return
    edited = await kb.edit_fact(fact.id, draft, actor)
    assert edited.answer == "Baku's grand prix moved to September."
    assert edited.source == fact.source
    result = await kb.ask("when is the baku grand prix", guild_id=GUILD)
    assert result.best is not None and result.best.fact.answer == edited.answer
    (_, edit) = await kb.history(fact.id, guild_id=GUILD)
    assert (edit.action, edit.actor) == ("edit", actor.key)
    assert edit.detail == {"before": fact.answer, "after": edited.answer, "language": "en"}


@pytest.mark.parametrize(
    ("actor", "allowed"),
    [(AUTHOR, True), (MEMBER, False), (MODERATOR, True), (FOREIGN_MODERATOR, False)],
    ids=["author", "other-member", "moderator", "other-guild-moderator"],
)
async def test_who_may_remove_a_user_fact(kb: KnowledgeBase, actor: Actor, allowed: bool) -> None:
    """The author and the server's moderators may remove a fact; other members may not."""
    fact = await kb.add_fact(GRAND_PRIX, AUTHOR)
    if not allowed:
        with pytest.raises((PermissionDenied, NotFound)):
            await kb.remove_fact(fact.id, actor)
        assert fact.id in kb.matcher
        return
    await kb.remove_fact(fact.id, actor)
    assert await kb.store.get_fact(fact.id) is None
    assert fact.id not in kb.matcher
    result = await kb.ask("when is the baku grand prix", guild_id=GUILD)
    assert fact.id not in [m.fact.id for m in result.matches]
    assert [e.action for e in await kb.store.history(fact.id)] == ["add", "remove"]


async def test_other_member_gets_permission_denied(kb: KnowledgeBase) -> None:
    """Another member of the same server is told only the author or a moderator may change it."""
    fact = await kb.add_fact(GRAND_PRIX, AUTHOR)
    with pytest.raises(PermissionDenied, match="author or a moderator"):
        await kb.remove_fact(fact.id, MEMBER)


@pytest.mark.parametrize("actor", [MODERATOR, OPERATOR], ids=["moderator", "console"])
async def test_file_facts_cannot_be_changed(kb: KnowledgeBase, actor: Actor) -> None:
    """Knowledge-file facts are changed by editing the file, never by command."""
    with pytest.raises(PermissionDenied, match="knowledge file"):
        await kb.edit_fact("ambassador-recalled", FactInput("Rewritten."), actor)
    with pytest.raises(PermissionDenied, match="knowledge file"):
        await kb.remove_fact("ambassador-recalled", actor)
    assert "ambassador-recalled" in kb.matcher


async def test_unknown_fact_id_is_not_found(kb: KnowledgeBase) -> None:
    """Showing, removing or reading the history of a missing id says it does not exist."""
    with pytest.raises(NotFound):
        await kb.get_fact("no-such-fact")
    with pytest.raises(NotFound):
        await kb.remove_fact("no-such-fact", OPERATOR)
    with pytest.raises(NotFound):
        await kb.history("no-such-fact")


async def test_daily_cap_per_member(database: Database, knowledge_dir: Path) -> None:
    """A member may add max_per_user_per_day facts a day; moderators are not limited."""
    kb = await open_knowledge_base_at(
        database, knowledge_dir, policy=Policy(max_per_user_per_day=2)
    )
    try:
        await kb.add_fact(FactInput("First fact about the grand prix."), AUTHOR)
        await kb.add_fact(FactInput("Second fact about the grand prix."), AUTHOR)
        with pytest.raises(LimitReached, match="added or edited 2 facts"):
            await kb.add_fact(FactInput("Third fact about the grand prix."), AUTHOR)
        await kb.add_fact(FactInput("Another member's fact."), MEMBER)
        for i in range(3):
            await kb.add_fact(FactInput(f"Moderator fact number {i}."), MODERATOR)
        users = [f for f in await kb.store.all_facts() if f.origin is Origin.USER]
        assert len(users) == 6
    finally:
        await kb.close()


async def test_edits_spend_the_same_daily_budget_as_additions(
    database: Database, knowledge_dir: Path
) -> None:
    """A member cannot edit one fact without limit: edits count against the daily budget."""
    kb = await open_knowledge_base_at(
        database, knowledge_dir, policy=Policy(max_per_user_per_day=3)
    )
    try:
        fact = await kb.add_fact(FactInput("The grand prix starts on Friday."), AUTHOR)
        await kb.edit_fact(fact.id, FactInput("The grand prix starts on Saturday."), AUTHOR)
        await kb.edit_fact(fact.id, FactInput("The grand prix starts on Sunday."), AUTHOR)
        with pytest.raises(LimitReached, match="added or edited 3 facts"):
            await kb.edit_fact(fact.id, FactInput("The grand prix starts on Monday."), AUTHOR)
        assert (await kb.get_fact(fact.id, guild_id=fact.guild_id)).answer.endswith("Sunday.")
        edits = [e for e in await kb.history(fact.id, guild_id=fact.guild_id) if e.action == "edit"]
        assert len(edits) == 2
        await kb.edit_fact(fact.id, FactInput("The grand prix starts on Monday."), MODERATOR)
    finally:
        await kb.close()


async def test_only_moderators_add_when_configured(database: Database, knowledge_dir: Path) -> None:
    """With who_can_add=moderators, a member's fact is refused and a moderator's accepted."""
    kb = await open_knowledge_base_at(
        database, knowledge_dir, policy=Policy(who_can_add="moderators")
    )
    try:
        with pytest.raises(PermissionDenied):
            await kb.add_fact(GRAND_PRIX, MEMBER)
        assert (await kb.add_fact(GRAND_PRIX, MODERATOR)).status is Status.LIVE
    finally:
        await kb.close()


async def test_approval_queue(database: Database, knowledge_dir: Path) -> None:
    """With require_approval, a member's fact is not answered until a moderator approves it."""
    kb = await open_knowledge_base_at(database, knowledge_dir, policy=Policy(require_approval=True))
    try:
        pending = await kb.add_fact(GRAND_PRIX, AUTHOR)
        assert pending.status is Status.PENDING
        question = "when is the baku grand prix"
        assert pending.id not in [m.fact.id for m in (await kb.ask(question, guild_id=1)).matches]
        assert [f.id for f in await kb.pending(guild_id=GUILD)] == [pending.id]
        assert await kb.pending(guild_id=OTHER_GUILD) == []
        assert (await kb.stats(guild_id=GUILD)).pending == 1

        with pytest.raises(PermissionDenied):
            await kb.approve(pending.id, AUTHOR)
        with pytest.raises(NotFound):
            await kb.approve(pending.id, FOREIGN_MODERATOR)
        live = await kb.approve(pending.id, MODERATOR)
        assert live.status is Status.LIVE
        result = await kb.ask(question, guild_id=GUILD)
        assert result.decision is Decision.ANSWER
        assert result.best is not None and result.best.fact.id == pending.id
        with pytest.raises(InvalidInput, match="not waiting"):
            await kb.approve(pending.id, MODERATOR)
        assert [e.action for e in await kb.history(pending.id, guild_id=GUILD)] == [
            "add",
            "approve",
        ]
        assert (await kb.add_fact(FactInput("A moderator's own fact."), MODERATOR)).status is (
            Status.LIVE
        )
    finally:
        await kb.close()


async def test_rejected_fact_is_gone(database: Database, knowledge_dir: Path) -> None:
    """A rejected pending fact is deleted and never answered."""
    kb = await open_knowledge_base_at(database, knowledge_dir, policy=Policy(require_approval=True))
    try:
        pending = await kb.add_fact(GRAND_PRIX, AUTHOR)
        await kb.reject(pending.id, MODERATOR)
        assert await kb.store.get_fact(pending.id) is None
        assert await kb.pending(guild_id=GUILD) == []
        (_, removal) = await kb.store.history(pending.id)
        assert removal.detail["reason"] == "rejected"
    finally:
        await kb.close()


# -------------------------------------------------------------- feedback and statistics
async def test_one_vote_per_user_per_answer(kb: KnowledgeBase) -> None:
    """A user's second vote on the same answer replaces the first; counts stay at one vote."""
    assert await kb.record_feedback("msg-1", "ambassador-recalled", 100, GUILD, 1) is True
    stats = await kb.stats(guild_id=GUILD)
    assert (stats.feedback_up, stats.feedback_down) == (1, 0)
    assert await kb.record_feedback("msg-1", "ambassador-recalled", 100, GUILD, -1) is False
    stats = await kb.stats(guild_id=GUILD)
    assert (stats.feedback_up, stats.feedback_down) == (0, 1)
    assert await kb.record_feedback("msg-1", "ambassador-recalled", 200, GUILD, 1) is True
    assert await kb.record_feedback("msg-2", "ambassador-recalled", 100, GUILD, 1) is True
    stats = await kb.stats(guild_id=GUILD)
    assert (stats.feedback_up, stats.feedback_down) == (2, 1)
    with pytest.raises(InvalidInput):
        await kb.record_feedback("msg-1", "ambassador-recalled", 100, GUILD, 0)


async def test_stats_count_asks_by_decision_per_guild(kb: KnowledgeBase) -> None:
    """Stats count answered and unknown questions, list the top unanswered, per server."""
    for _ in range(2):
        await kb.ask("why did azerbaijan recall its ambassador", guild_id=GUILD)
    await kb.ask("What is the capital of France", guild_id=GUILD)
    await kb.ask("  what is the capital of france ", guild_id=GUILD)
    await kb.ask("bitcoin price today", guild_id=GUILD)
    await kb.ask("", guild_id=GUILD)  # blank questions are not recorded
    await kb.ask("what is the capital of france", guild_id=OTHER_GUILD)
    await kb.ask("what happened in yekaterinburg", guild_id=GUILD, record=False)
    await kb.add_fact(GRAND_PRIX, AUTHOR)
    await kb.record_feedback("m", "ambassador-recalled", 7, OTHER_GUILD, -1)

    here = await kb.stats(guild_id=GUILD)
    assert (here.questions_asked, here.answered, here.unknown) == (5, 2, 3)
    assert here.suggested == 0
    assert here.top_unanswered == (("what is the capital of france", 2), ("bitcoin price today", 1))
    assert here.unknown_rate == pytest.approx(3 / 5)
    assert here.facts_by_origin == {"file": 3, "user": 1}
    assert (here.feedback_up, here.feedback_down) == (0, 0)

    there = await kb.stats(guild_id=OTHER_GUILD)
    assert (there.questions_asked, there.unknown) == (1, 1)
    assert there.facts_by_origin == {"file": 3, "user": 0}
    assert there.feedback_down == 1

    everywhere = await kb.stats(all_guilds=True)
    assert everywhere.questions_asked == 6
    assert everywhere.top_unanswered[0] == ("what is the capital of france", 3)


# ---------------------------------------------------------------------------- export
async def test_export_round_trips_through_the_loader(kb: KnowledgeBase, tmp_path: Path) -> None:
    """Exported user facts of one server form a knowledge file the loader accepts as is."""
    mine = await kb.add_fact(GRAND_PRIX, AUTHOR)
    tricky = await kb.add_fact(
        FactInput('yes: "Bakı" — it\'s #1 {really}', ("- is it?", "null")), MODERATOR
    )
    other_guild = Actor.discord_user(500, OTHER_GUILD, is_moderator=False)
    theirs = await kb.add_fact(FactInput("Another server's private fact."), other_guild)

    text = await kb.export_user_facts(guild_id=GUILD)
    assert text.startswith("#")
    exported_ids = [entry["id"] for entry in yaml.safe_load(text)["facts"]]
    # Ready for a knowledge file: without the member- prefix files may not use.
    exported = [mine.id.removeprefix("member-"), tricky.id.removeprefix("member-")]
    assert exported_ids == exported
    assert theirs.id.removeprefix("member-") not in text

    directory = tmp_path / "curated"
    directory.mkdir()
    (directory / "exported.yaml").write_text(text, encoding="utf-8")
    loaded = {f.id: f for f in load_knowledge(directory).facts}
    assert set(loaded) == set(exported)
    for original in (mine, tricky):
        back = loaded[original.id.removeprefix("member-")]
        assert (back.answer, back.questions, back.tags) == (
            original.answer,
            original.questions,
            original.tags,
        )
    assert loaded[exported[0]].source == Source("F1 calendar", "https://example.org/f1", None)

    everything = await kb.export_user_facts(guild_id=None)
    assert all(f.id.removeprefix("member-") in everything for f in (theirs, mine))
    assert "ambassador-recalled" not in everything


async def test_a_stale_rejection_cannot_delete_an_approved_fact(store: Any) -> None:
    """Approve and reject racing on one pending fact: the loser is refused, the fact is kept
    (and an edit cannot put an approved fact back to pending)."""
    pending = dataclasses.replace(user_fact("racy"), status=Status.PENDING)
    await store.insert_fact(pending, "discord:1")
    live = dataclasses.replace(pending, status=Status.LIVE)
    await store.update_fact(live, "discord:2", "approve", if_status=Status.PENDING)
    with pytest.raises(StoreConflict, match="changed or removed meanwhile"):
        await store.delete_fact(pending, "discord:3", reason="rejected", if_status=Status.PENDING)
    with pytest.raises(StoreConflict, match="changed or removed meanwhile"):
        await store.update_fact(pending, "discord:1", "edit", if_status=Status.PENDING)
    stored = await store.get_fact("racy")
    assert stored is not None and stored.status is Status.LIVE


async def test_stats_do_not_wait_for_questions_still_arriving(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/kb stats answers promptly while members keep asking: it waits for the questions asked
    before it, not for a writer that never runs dry."""
    save = kb.store.record_asks

    async def slow_save(records: Any) -> None:
        await asyncio.sleep(0.02)  # a busy disk: questions pile up while a batch is written
        await save(records)

    monkeypatch.setattr(kb.store, "record_asks", slow_save)
    stop = asyncio.Event()

    async def members_asking() -> None:
        while not stop.is_set():
            await kb.ask("where was the raid")
            await asyncio.sleep(0.002)

    chatter = asyncio.create_task(members_asking())
    await asyncio.sleep(0.05)
    try:
        # Waiting for the writer to run dry would never end (the members keep asking): the
        # bound is a ceiling for that, not a latency a busy machine could stretch past.
        stats = await asyncio.wait_for(kb.stats(all_guilds=True), timeout=30)
    finally:
        stop.set()
        await chatter
    assert stats.questions_asked > 0


async def test_an_id_squatted_before_the_upgrade_is_handed_back_to_the_knowledge(
    db_path: Path, knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A member fact that took a file's id under the old scheme is renamed member-... on
    upgrade (with its history and votes), and the file's fact can take its id again."""
    with monkeypatch.context() as old_version:
        # A database as the version before migration 6 made it.
        old_version.setattr(sqlite_schema, "SCHEMA_VERSION", 5)
        store = await SqliteStore.open(db_path)
        try:
            # In that version's columns (today's insert_fact writes columns added since).
            async with store.transaction() as db:
                await db.execute(
                    "INSERT INTO facts (id, origin, guild_id, author_id, answer, questions, "
                    "created_at, updated_at) VALUES (?, 'user', ?, ?, ?, ?, ?, ?)",
                    (
                        "baku-international-book-fair",
                        GUILD,
                        AUTHOR.user_id,
                        "A member's fact.",
                        '["member question"]',
                        "2025-07-01T00:00:00+00:00",
                        "2025-07-01T00:00:00+00:00",
                    ),
                )
                await db.execute(
                    "INSERT INTO audit (at, actor, action, fact_id, guild_id) "
                    "VALUES ('2025-07-01T00:00:00+00:00', ?, 'add', ?, ?)",
                    (AUTHOR.key, "baku-international-book-fair", GUILD),
                )
            await store.record_feedback("msg-1", "baku-international-book-fair", 7, GUILD, 1)
        finally:
            await store.close()
    (knowledge_dir / "fair.yaml").write_text(
        "facts:\n  - id: baku-international-book-fair\n    answer: The Baku book fair opens in "
        "June.\n",
        encoding="utf-8",
    )
    kb = await open_knowledge_base_at(db_path, knowledge_dir)
    try:
        shared = await kb.get_fact("baku-international-book-fair", guild_id=OTHER_GUILD)
        assert shared.origin is Origin.FILE
        member = await kb.get_fact("member-baku-international-book-fair", guild_id=GUILD)
        assert member.origin is Origin.USER and member.answer == "A member's fact."
        history = await kb.history("member-baku-international-book-fair", guild_id=GUILD)
        assert [e.action for e in history] == ["add"]
    finally:
        await kb.close()
