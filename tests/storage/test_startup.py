"""How a start treats knowledge/ and the saved index, on a real database file.

Only the bot's start (``RELOAD``) stores the knowledge directory; commands that read serve what
is stored (``SERVE_STORED``) or look at another directory in memory (``PREVIEW``). A start with
nothing changed reads no knowledge file and, on SQLite, indexes no fact: the index comes from a
snapshot beside the database, used only while the database's generation says it is current (a
PostgreSQL database has no file to keep one beside). Tests that are not about the snapshot run
on both backends.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.composition import DatabaseName as Database
from bot.composition import open_knowledge_base_at, open_store
from bot.core import index_snapshot, loader
from bot.core.actors import Actor
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Origin
from bot.core.service import FactInput, KnowledgeBase, StartMode
from bot.store import AskRecord

FACTS_YAML = """\
facts:
  - id: ambassador-recalled
    answer: Azerbaijan called its ambassador in Moscow home for consultations.
    questions: [why did azerbaijan recall its ambassador]
  - id: yekaterinburg-raid
    answer: Russian police raided a building in Yekaterinburg at night.
    questions: [what happened in yekaterinburg]
"""
MORE_YAML = """\
facts:
  - id: turkey-ties
    answer: Azerbaijan is building closer security ties with Turkey.
    questions: [is azerbaijan turning to turkey]
"""
SYNONYMS_YAML = "groups:\n  - [ambassador, envoy]\n"
OPERATOR = Actor.operator()


@pytest.fixture
def knowledge(make_knowledge_dir: Any) -> Path:
    """Two fact files and a synonym file."""
    directory: Path = make_knowledge_dir(
        {"facts.yaml": FACTS_YAML, "more.yaml": MORE_YAML, "synonyms.yaml": SYNONYMS_YAML},
        name="knowledge",
    )
    return directory


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Path:
    """An SQLite database file, for the tests of the snapshot kept beside it."""
    return tmp_path / "data" / "newsdesk.db"


async def stored_file_facts(backend: Any) -> set[tuple[str, str]]:
    return {
        (row[0], row[1])
        for row in await backend.query("SELECT id, answer FROM facts WHERE origin = 'file'")
    }


async def audit_trail(backend: Any) -> list[tuple[Any, ...]]:
    return await backend.query("SELECT * FROM audit ORDER BY pk")


async def open_kb(database: Database, knowledge: Path, start: StartMode) -> KnowledgeBase:
    return await open_knowledge_base_at(database, knowledge, start=start)


async def store_knowledge(database: Database, knowledge: Path) -> None:
    """Start once as the bot does, which stores the directory and saves the index."""
    kb = await open_kb(database, knowledge, StartMode.RELOAD)
    await kb.close()


def edit_raid_answer(knowledge: Path) -> None:
    text = FACTS_YAML.replace("Russian police raided", "Russian security services raided")
    (knowledge / "facts.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def nothing_parsed_or_indexed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every knowledge file parsed and every fact indexed one by one from now on."""
    seen: list[str] = []
    parse = loader._parse_file
    add = Matcher.add

    def parse_file(path: Path, name: str) -> Any:
        seen.append(f"parsed {name}")
        return parse(path, name)

    def add_fact(self: Matcher, fact: Fact) -> None:
        seen.append(f"indexed {fact.id}")
        add(self, fact)

    monkeypatch.setattr(loader, "_parse_file", parse_file)
    monkeypatch.setattr(Matcher, "add", add_fact)
    return seen


# ----------------------------------------------------------------------- the generation
async def test_generation_changes_with_every_change_to_what_is_answered(
    database: Database, backend: Any
) -> None:
    """Any write to the facts, synonyms or taught questions, by this connection or another,
    moves the generation to a new value; statistics do not."""
    store: Any = await open_store(database)
    try:
        seen = [await store.generation()]
        fact = Fact("member-fact", "A member's fact.", origin=Origin.USER, guild_id=1)
        await store.insert_fact(fact, "t")
        seen.append(await store.generation())
        await store.record_asks([AskRecord("q", Decision.UNKNOWN, None, 0.0, None)])
        await store.record_feedback("m1", "member-fact", 5, 1, 1)
        assert await store.generation() == seen[-1]
        edited = Fact("member-fact", "Edited.", origin=Origin.USER, guild_id=1)
        await store.update_fact(edited, "t", "edit", if_status=fact.status)
        seen.append(await store.generation())
        await store.replace_file_facts([Fact("f", "A file fact.")], "t")
        seen.append(await store.generation())
        await store.replace_file_facts([Fact("f", "A file fact.")], "t", synonyms=[("a", "b")])
        seen.append(await store.generation())
        await store.add_taught_question("f", "a taught question", "t", None, member_fact=False)
        seen.append(await store.generation())
        await store.delete_fact(edited, "t", if_status=edited.status)
        seen.append(await store.generation())
        await backend.query("UPDATE facts SET line = 7 WHERE id = 'f'")  # another connection
        seen.append(await store.generation())
    finally:
        await store.close()
    assert len(set(seen)) == len(seen), seen


# --------------------------------------------------------------------- reading, writing
async def test_serving_stored_facts_never_writes_them(
    database: Database, backend: Any, knowledge: Path
) -> None:
    """A reading start answers what is stored although the files changed, says so, and leaves
    the stored facts, the audit trail and the generation as they were."""
    await store_knowledge(database, knowledge)
    before = (await stored_file_facts(backend), await audit_trail(backend))
    edit_raid_answer(knowledge)
    (knowledge / "more.yaml").unlink()
    kb = await open_kb(database, knowledge, StartMode.SERVE_STORED)
    try:
        generation = await kb.store.generation()
        raid = await kb.ask("what happened in yekaterinburg", record=False)
        assert raid.best is not None and "Russian police" in raid.best.fact.answer
        assert "turkey-ties" in kb.matcher
        assert kb.start_notice == (
            "knowledge/ changed since it was last loaded; `kb reload` brings the changes in"
        )
        assert await kb.store.generation() == generation
    finally:
        await kb.close()
    assert (await stored_file_facts(backend), await audit_trail(backend)) == before


async def test_reload_reports_the_difference_from_what_is_stored(
    database: Database, backend: Any, knowledge: Path
) -> None:
    """`kb reload` after the files changed reports that change, not 'no changes'."""
    await store_knowledge(database, knowledge)
    edit_raid_answer(knowledge)
    kb = await open_kb(database, knowledge, StartMode.SERVE_STORED)
    try:
        report = await kb.reload(OPERATOR)
        assert (report.added, report.changed, report.removed) == ((), ("yekaterinburg-raid",), ())
        raid = await kb.ask("what happened in yekaterinburg", record=False)
        assert raid.best is not None and "security services" in raid.best.fact.answer
    finally:
        await kb.close()
    assert (
        "yekaterinburg-raid",
        "Russian security services raided a building in Yekaterinburg at night.",
    ) in await stored_file_facts(backend)


async def test_preview_answers_from_another_folder_without_storing_it(
    database: Database, backend: Any, knowledge: Path, make_knowledge_dir: Any
) -> None:
    """Looking at another directory answers its facts and the members' facts, and stores
    nothing: the stored file facts and their history stay as they were."""
    await store_knowledge(database, knowledge)
    kb = await open_kb(database, knowledge, StartMode.SERVE_STORED)
    member = await kb.add_fact(FactInput("Baku hosts a Formula One grand prix."), OPERATOR)
    await kb.close()
    before = (await stored_file_facts(backend), await audit_trail(backend))
    other = make_knowledge_dir(
        {"volcano.yaml": "facts:\n  - id: tolbachik\n    answer: The volcano Tolbachik erupted.\n"}
    )
    kb = await open_kb(database, other, StartMode.PREVIEW)
    try:
        volcano = await kb.ask("did tolbachik erupt", record=False)
        assert volcano.best is not None and volcano.best.fact.id == "tolbachik"
        assert member.id in kb.matcher
        assert "ambassador-recalled" not in kb.matcher
    finally:
        await kb.close()
    assert (await stored_file_facts(backend), await audit_trail(backend)) == before


async def test_fresh_database_answers_from_the_folder_in_memory(
    database: Database, backend: Any, knowledge: Path
) -> None:
    """A database that never had knowledge stored still answers a reading command, from the
    files, says how to store them, and stores nothing; a reload then reports every fact."""
    kb = await open_kb(database, knowledge, StartMode.SERVE_STORED)
    try:
        result = await kb.ask("why did baku recall its envoy", record=False)
        assert result.decision is Decision.ANSWER
        assert kb.start_notice is not None and "`kb reload` (or `run`) stores it" in (
            kb.start_notice
        )
        assert (await kb.stats()).facts_by_origin["file"] == 3
        assert await stored_file_facts(backend) == set()
        report = await kb.reload(OPERATOR)
        assert report.added == ("ambassador-recalled", "turkey-ties", "yekaterinburg-raid")
    finally:
        await kb.close()


async def test_the_bot_start_stores_the_changed_folder(
    database: Database, backend: Any, knowledge: Path
) -> None:
    """The bot's start (`run`) brings changed files into the database, as documented."""
    await store_knowledge(database, knowledge)
    edit_raid_answer(knowledge)
    kb = await open_kb(database, knowledge, StartMode.RELOAD)
    await kb.close()
    assert (
        "yekaterinburg-raid",
        "Russian security services raided a building in Yekaterinburg at night.",
    ) in await stored_file_facts(backend)


# -------------------------------------------------------------------------- start speed
@pytest.mark.parametrize("mode", [StartMode.RELOAD, StartMode.SERVE_STORED, StartMode.PREVIEW])
async def test_start_with_nothing_changed_parses_and_indexes_nothing(
    database: Database,
    backend: Any,
    knowledge: Path,
    nothing_parsed_or_indexed: list[str],
    mode: StartMode,
) -> None:
    """With nothing changed since the last start, a start (the bot's included) reads no
    knowledge file and (on SQLite, from the snapshot) indexes no fact one by one, and answers
    as before (synonyms too). On PostgreSQL the index is built from the database."""
    await store_knowledge(database, knowledge)
    nothing_parsed_or_indexed.clear()
    kb = await open_kb(database, knowledge, mode)
    try:
        result = await kb.ask("why did baku recall its envoy", record=False)
        assert result.decision is Decision.ANSWER
        assert result.best is not None and result.best.fact.id == "ambassador-recalled"
        assert kb.start_notice is None
        assert len(kb.matcher) == 3
    finally:
        await kb.close()
    if backend.is_postgres:
        assert [seen for seen in nothing_parsed_or_indexed if seen.startswith("parsed")] == []
    else:
        assert nothing_parsed_or_indexed == []


async def test_a_write_by_another_process_makes_the_snapshot_stale(
    database: Database, knowledge: Path
) -> None:
    """A fact another process added since the index was saved is answered at the next start:
    a stale snapshot is never used."""
    await store_knowledge(database, knowledge)
    other = await open_store(database)
    try:
        volcano = Fact(
            "volcano",
            "The volcano Tolbachik erupted.",
            ("did tolbachik erupt",),
            origin=Origin.USER,
        )
        await other.insert_fact(volcano, "other process")
    finally:
        await other.close()
    kb = await open_kb(database, knowledge, StartMode.SERVE_STORED)
    try:
        result = await kb.ask("did tolbachik erupt", record=False)
        assert result.best is not None and result.best.fact.id == "volcano"
    finally:
        await kb.close()


@pytest.mark.parametrize(
    "damage",
    ["truncated", "garbage", "empty", "other program"],
)
async def test_a_damaged_or_foreign_snapshot_is_ignored(
    sqlite_database: Path, knowledge: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """A snapshot cut short, overwritten, empty or written by another program version never
    breaks a start: the index is rebuilt from the database and answers."""
    database = sqlite_database
    await store_knowledge(database, knowledge)
    snapshot = index_snapshot.snapshot_path(database)
    assert snapshot is not None and snapshot.exists()
    data = snapshot.read_bytes()
    if damage == "truncated":
        snapshot.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        snapshot.write_bytes(b"\x80\x05not a snapshot" * 100)
    elif damage == "empty":
        snapshot.write_bytes(b"")
    else:
        monkeypatch.setattr(index_snapshot, "program_version", lambda: "another version")
    kb = await open_kb(database, knowledge, StartMode.SERVE_STORED)
    try:
        result = await kb.ask("why did baku recall its envoy", record=False)
        assert result.best is not None and result.best.fact.id == "ambassador-recalled"
    finally:
        await kb.close()


async def test_reload_after_a_fast_start_parses_only_the_changed_file(
    database: Database, knowledge: Path, nothing_parsed_or_indexed: list[str]
) -> None:
    """After a start that parsed nothing, a reload parses only the file that changed."""
    await store_knowledge(database, knowledge)
    kb = await open_kb(database, knowledge, StartMode.RELOAD)
    try:
        edit_raid_answer(knowledge)
        nothing_parsed_or_indexed.clear()
        report = await kb.reload(OPERATOR)
        assert report.changed == ("yekaterinburg-raid",)
    finally:
        await kb.close()
    parsed = [seen for seen in nothing_parsed_or_indexed if seen.startswith("parsed")]
    assert parsed == ["parsed knowledge/facts.yaml"]


async def test_same_size_rewrite_within_the_clock_tick_is_seen(
    database: Database, knowledge: Path
) -> None:
    """A file rewritten with the same size and modification time is still seen as changed
    while its stamp is recent (its content is compared)."""
    await store_knowledge(database, knowledge)
    path = knowledge / "facts.yaml"
    stamp = path.stat()
    path.write_text(FACTS_YAML.replace("police", "forces"), encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert path.stat().st_size == stamp.st_size
    kb = await open_kb(database, knowledge, StartMode.SERVE_STORED)
    try:
        assert kb.start_notice is not None and "changed since it was last loaded" in (
            kb.start_notice
        )
    finally:
        await kb.close()


async def test_a_fact_moved_in_its_file_shows_its_new_line_after_reload_and_restart(
    database: Database, knowledge: Path
) -> None:
    """After lines are added above a fact, the fact answered (and the one served after a
    restart from the saved index) names its new line, as the database does."""
    kb = await open_kb(database, knowledge, StartMode.RELOAD)
    try:
        (knowledge / "facts.yaml").write_text("# notes\n# more notes\n" + FACTS_YAML, "utf-8")
        report = await kb.reload(OPERATOR)
        assert report.unchanged
        raid = kb.fact("yekaterinburg-raid")
        assert raid is not None and raid.line == (await kb.get_fact("yekaterinburg-raid")).line
    finally:
        await kb.close()
    kb = await open_kb(database, knowledge, StartMode.SERVE_STORED)
    try:
        raid = kb.fact("yekaterinburg-raid")
        assert raid is not None and raid.line == (await kb.get_fact("yekaterinburg-raid")).line
    finally:
        await kb.close()


async def test_a_running_process_follows_changes_made_by_another(
    database: Database, knowledge: Path
) -> None:
    """A fact added, edited or removed through another process's store is answered (or gone)
    in a running one within about a second, and a reload elsewhere reaches it too."""
    running = await open_knowledge_base_at(database, knowledge)
    other = await open_knowledge_base_at(database, knowledge, start=StartMode.STORED_ONLY)
    try:
        running.follow_changes(every=0.05)
        added = await other.add_fact(
            FactInput("The Baku marathon moved to October this year."), Actor.operator()
        )
        await _eventually(lambda: running.fact(added.id) is not None)
        await other.edit_fact(
            added.id, FactInput("The Baku marathon moved to November."), Actor.operator()
        )
        await _eventually(
            lambda: (fact := running.fact(added.id)) is not None and "November" in fact.answer
        )
        await other.remove_fact(added.id, Actor.operator())
        await _eventually(lambda: running.fact(added.id) is None)
        (knowledge / "more.yaml").write_text(
            "facts:\n  - id: tolbachik\n    answer: The volcano Tolbachik erupted.\n",
            encoding="utf-8",
        )
        await other.reload(Actor.operator())
        await _eventually(lambda: running.fact("tolbachik") is not None)
        await other.teach("kamchatka eruption news", "tolbachik", Actor.operator())
        await _eventually(lambda: "kamchatka eruption news" in running.matcher.taught("tolbachik"))
    finally:
        await other.close()
        await running.close()


async def _eventually(condition: Callable[[], bool], *, within: float = 20.0) -> None:
    # A ceiling, not the latency (a second on a quiet machine): a busy 2-core machine delays
    # the follower's look, and far less than the minute a missed NOTIFY would wait.
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "not seen within the time"
        await asyncio.sleep(0.02)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_a_running_process_is_told_of_a_commit_at_once(
    database: Database, knowledge: Path
) -> None:
    """PostgreSQL tells a running process of another's commit (the change log's trigger
    NOTIFYs, the store LISTENs): with the periodic look set to a minute, a fact added, edited,
    taught or removed elsewhere is answered (or gone) within a second all the same (checked
    against a ceiling far under the minute, which a busy machine's delays stay within)."""
    running = await open_knowledge_base_at(database, knowledge)
    other = await open_knowledge_base_at(database, knowledge, start=StartMode.STORED_ONLY)
    try:
        running.follow_changes(every=60.0)
        # Listening or not yet, the first change is read: a new listener reads what came
        # before it; the next ones can only come through NOTIFY.
        added = await other.add_fact(
            FactInput("The Baku marathon moved to October this year."), Actor.operator()
        )
        await _eventually(lambda: running.fact(added.id) is not None)
        await other.edit_fact(
            added.id, FactInput("The Baku marathon moved to November."), Actor.operator()
        )
        await _eventually(
            lambda: (fact := running.fact(added.id)) is not None and "November" in fact.answer
        )
        await other.teach("when is the baku race", added.id, Actor.operator())
        await _eventually(lambda: "when is the baku race" in running.matcher.taught(added.id))
        await other.remove_fact(added.id, Actor.operator())
        await _eventually(lambda: running.fact(added.id) is None)
    finally:
        await other.close()
        await running.close()
