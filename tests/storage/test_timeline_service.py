"""The news timeline through the knowledge service on a real database: a timeline of five dated
facts over two stories with two supersessions, members' supersessions and their rules, questions
about time (with a fixed clock), what is new, and claims that only one process wins. On both
backends (the ``backend`` fixture of tests/conftest.py), but for SQLite's own migration."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import shutil
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.composition import DatabaseName as Database
from bot.composition import open_knowledge_base_at, open_store
from bot.core.actors import Actor
from bot.core.errors import InvalidInput
from bot.core.models import Decision, Status
from bot.core.service import FactInput, KnowledgeBase, Policy, StartMode
from bot.store import SqliteStore
from bot.store.sqlite import schema as sqlite_schema

TIMELINE = Path(__file__).resolve().parents[1] / "data" / "timeline"
GUILD = 1
OTHER_GUILD = 2
MEMBER = Actor.discord_user(100, GUILD, is_moderator=False, name="member")
MODERATOR = Actor.discord_user(300, GUILD, is_moderator=True, name="mod")
FOREIGN = Actor.discord_user(400, OTHER_GUILD, is_moderator=False, name="elsewhere")


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2025, 9, 12, 10, 0, tzinfo=dt.UTC))


@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    shutil.copytree(TIMELINE, directory)
    return directory


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    """An SQLite file, for the test of SQLite's own migration."""
    return tmp_path / "newsdesk.db"


@pytest.fixture
async def kb(database: Database, knowledge_dir: Path, clock: Clock) -> AsyncIterator[KnowledgeBase]:
    opened = await open_knowledge_base_at(database, knowledge_dir, clock=clock)
    yield opened
    await opened.close()


async def best_id(kb: KnowledgeBase, question: str, guild_id: int | None = None) -> str:
    result = await kb.ask(question, guild_id=guild_id, record=False)
    assert result.decision is Decision.ANSWER, (question, result)
    assert result.best is not None
    return result.best.fact.id


# ------------------------------------------------------------------ the timeline itself
@pytest.mark.parametrize(
    ("question", "answer", "earlier"),
    [
        # The revised toll, asked the way the first report was asked, and its own way.
        ("how many died", "yekaterinburg-deaths-revised", ["yekaterinburg-deaths"]),
        ("how many azerbaijanis died in custody", "yekaterinburg-deaths-revised", None),
        ("did a third man die after the yekaterinburg raid", "yekaterinburg-deaths-revised", None),
        # The ambassador: back in Moscow, whichever way it is asked.
        ("is the ambassador back", "ambassador-returned", ["ambassador-recalled"]),
        ("why did azerbaijan recall its ambassador", "ambassador-returned", None),
        ("did the ambassador return to moscow", "ambassador-returned", None),
        # A story nothing replaced answers as it is.
        ("were sputnik journalists arrested", "sputnik-arrests", []),
    ],
)
async def test_the_newest_fact_answers_with_the_earlier_under_it(
    kb: KnowledgeBase, question: str, answer: str, earlier: list[str] | None
) -> None:
    result = await kb.ask(question, record=False)
    assert result.decision is Decision.ANSWER
    best = result.best
    assert best is not None and best.fact.id == answer
    superseded = {
        "yekaterinburg-deaths-revised": ["yekaterinburg-deaths"],
        "ambassador-returned": ["ambassador-recalled"],
        "sputnik-arrests": [],
    }[answer]
    assert [f.id for f in best.superseded] == (earlier if earlier is not None else superseded)
    # The superseded fact is never among the results while its successor is answered.
    assert not {m.fact.id for m in result.matches} & set(superseded)


async def test_json_of_an_answer_carries_its_date_and_what_it_superseded(
    kb: KnowledgeBase,
) -> None:
    payload = (await kb.ask("how many died", record=False)).to_json()
    (first, *_) = payload["results"]  # type: ignore[misc]
    assert (first["id"], first["date"], first["date_kind"]) == (
        "yekaterinburg-deaths-revised",
        "2025-06-30",
        "event",
    )
    assert [(s["id"], s["date"]) for s in first["superseded"]] == [
        ("yekaterinburg-deaths", "2025-06-27")
    ]


async def test_questions_about_a_time_rank_by_date(kb: KnowledgeBase, clock: Clock) -> None:
    """ "what happened on 30 june", "any news this week", "the latest on X", read against a
    clock fixed on 12 September 2025."""
    on_the_day = await kb.ask("what happened on 30 june", record=False)
    assert on_the_day.decision is Decision.ANSWER
    assert {m.fact.id for m in on_the_day.matches} == {
        "yekaterinburg-deaths-revised",
        "sputnik-arrests",
    }
    week = await kb.ask("any news this week", record=False)
    assert [m.fact.id for m in week.matches] == ["ambassador-returned"]
    latest = await kb.ask("what's the latest on the ambassador", record=False)
    assert latest.best is not None and latest.best.fact.id == "ambassador-returned"
    assert await best_id(kb, "what's the latest on the sputnik case") == "sputnik-arrests"
    # A day a replaced fact is about: the newer fact answers, the day's fact under "Earlier".
    recall_day = await kb.ask("what happened on 29 june", record=False)
    assert recall_day.best is not None and recall_day.best.fact.id == "ambassador-returned"
    assert [f.id for f in recall_day.best.superseded] == ["ambassador-recalled"]
    # Nothing that day (or on that topic that day): "I don't know", not an old answer.
    assert (await kb.ask("what happened on 1 august", record=False)).decision is Decision.UNKNOWN
    assert (await kb.ask("bitcoin price today", record=False)).decision is Decision.UNKNOWN
    # "This week" moves with the clock.
    clock.now = dt.datetime(2025, 7, 2, 12, tzinfo=dt.UTC)
    week = await kb.ask("any news this week", record=False)
    assert {m.fact.id for m in week.matches} == {
        "sputnik-arrests",
        "yekaterinburg-deaths-revised",
    }


async def test_latest_lists_the_newest_first_without_superseded_facts(kb: KnowledgeBase) -> None:
    assert [f.id for f in kb.latest()] == [
        "ambassador-returned",
        "yekaterinburg-deaths-revised",
        "sputnik-arrests",
    ]
    assert [f.id for f in kb.latest("ambassador")] == ["ambassador-returned"]
    assert [f.id for f in kb.latest("deaths")] == ["yekaterinburg-deaths-revised"]
    assert [f.id for f in kb.latest(since=dt.date(2025, 7, 1))] == ["ambassador-returned"]
    assert kb.topics("amb") == ["ambassador"]
    assert {"ambassador", "deaths", "sputnik", "yekaterinburg"} <= set(kb.topics())


# --------------------------------------------------------------- members' supersessions
async def test_a_member_fact_supersedes_a_file_fact_only_in_its_own_server(
    kb: KnowledgeBase,
) -> None:
    released = FactInput(
        "The two Sputnik Azerbaijan employees were released on bail.",
        ("were the sputnik staff released",),
        date=dt.date(2025, 7, 8),
        supersedes=("sputnik-arrests",),
    )
    fact = await kb.add_fact(released, MEMBER)
    assert fact.supersedes == ("sputnik-arrests",) and fact.date == dt.date(2025, 7, 8)
    assert await best_id(kb, "were sputnik journalists arrested", GUILD) == fact.id
    assert await best_id(kb, "were sputnik journalists arrested", OTHER_GUILD) == "sputnik-arrests"
    assert await best_id(kb, "were sputnik journalists arrested") == "sputnik-arrests"
    assert "sputnik-arrests" in [f.id for f in kb.latest(guild_id=OTHER_GUILD)]
    assert "sputnik-arrests" not in [f.id for f in kb.latest(guild_id=GUILD)]
    # Removing the newer fact brings the older one back.
    await kb.remove_fact(fact.id, MEMBER)
    assert await best_id(kb, "were sputnik journalists arrested", GUILD) == "sputnik-arrests"


async def test_unknown_ids_and_cycles_are_refused_in_one_sentence(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidInput, match=r"^There is no fact with id 'nowhere' here"):
        await kb.add_fact(FactInput("A new fact.", supersedes=("nowhere",)), MEMBER)
    mine = await kb.add_fact(FactInput("A fact of this server about Baku."), MEMBER)
    # Another server's fact is not there to supersede.
    with pytest.raises(InvalidInput, match="There is no fact with id"):
        await kb.add_fact(FactInput("A fact elsewhere.", supersedes=(mine.id,)), FOREIGN)
    newer = await kb.add_fact(FactInput("A newer fact about Baku.", supersedes=(mine.id,)), MEMBER)
    with pytest.raises(InvalidInput) as caught:
        await kb.edit_fact(mine.id, FactInput(mine.answer, supersedes=(newer.id,)), MEMBER)
    assert str(caught.value) == (
        f"'{mine.id}' cannot supersede '{newer.id}': that would make a circle "
        f"({mine.id} supersedes {newer.id} supersedes {mine.id})."
    )
    with pytest.raises(InvalidInput, match="cannot supersede itself"):
        await kb.edit_fact(mine.id, FactInput(mine.answer, supersedes=(mine.id,)), MEMBER)
    # An edit that leaves date and supersedes out keeps them.
    edited = await kb.edit_fact(newer.id, FactInput("A newer fact about Baku, edited."), MEMBER)
    assert edited.supersedes == (mine.id,) and edited.date == newer.date


async def test_a_member_fact_is_dated_today_unless_given_a_date(
    kb: KnowledgeBase, clock: Clock
) -> None:
    plain = await kb.add_fact(FactInput("Something happened in Baku."), MEMBER)
    assert plain.date == dt.date(2025, 9, 12)
    dated = await kb.add_fact(
        FactInput("Something else happened in Baku.", date=dt.date(2025, 9, 1)), MEMBER
    )
    assert dated.date == dt.date(2025, 9, 1)
    stored = await kb.get_fact(dated.id, guild_id=GUILD)
    # Stored with when it became answerable, on the store's own clock.
    assert stored.date == dt.date(2025, 9, 1) and stored.added_at is not None


async def test_an_added_fact_that_updates_an_older_one_is_proposed_not_applied(
    kb: KnowledgeBase,
) -> None:
    four = await kb.add_fact(
        FactInput(
            "Four Azerbaijani men have now died after the Yekaterinburg raid.",
            ("how many people died in yekaterinburg",),
        ),
        MEMBER,
    )
    proposals = kb.proposed_updates([four], guild_id=GUILD)[four.id]
    assert [p.old.id for p in proposals] == ["yekaterinburg-deaths-revised"]
    # The revised toll says "from two to three": both numbers went.
    assert proposals[0].reason == "the number changed (three, two -> four)"
    # Nothing changed until a person says yes.
    assert (await kb.ask("how many died", guild_id=GUILD, record=False)).best.fact.id in {  # type: ignore[union-attr]
        "yekaterinburg-deaths-revised",
        four.id,
    }
    assert four.supersedes == ()
    confirmed = await kb.edit_fact(
        four.id, FactInput(four.answer, four.questions, supersedes=(proposals[0].old.id,)), MEMBER
    )
    best = (await kb.ask("how many died", guild_id=GUILD, record=False)).best
    assert best is not None and best.fact.id == confirmed.id
    assert [f.id for f in best.superseded] == [
        "yekaterinburg-deaths-revised",
        "yekaterinburg-deaths",
    ]


# -------------------------------------------------------- file facts, reloads, processes
async def test_file_supersession_survives_reloads_restarts_and_the_snapshot(
    database: Database, knowledge_dir: Path, clock: Clock
) -> None:
    async with await open_knowledge_base_at(database, knowledge_dir, clock=clock) as kb:
        assert await best_id(kb, "is the ambassador back") == "ambassador-returned"
    # A start from the saved index, and one from the database alone.
    for remove_snapshot in (False, True):
        if remove_snapshot and isinstance(database, Path):  # the snapshot beside SQLite's file
            database.with_name(database.name + ".index").unlink(missing_ok=True)
        async with await open_knowledge_base_at(
            database, knowledge_dir, clock=clock, start=StartMode.SERVE_STORED
        ) as kb:
            assert await best_id(kb, "is the ambassador back") == "ambassador-returned"
            stored = await kb.get_fact("ambassador-returned")
            assert stored.supersedes == ("ambassador-recalled",)
    # The file drops the supersession: a reload brings the recall back.
    news = knowledge_dir / "news.yaml"
    news.write_text(
        news.read_text(encoding="utf-8").replace("    supersedes: [ambassador-recalled]\n", ""),
        encoding="utf-8",
    )
    async with await open_knowledge_base_at(database, knowledge_dir, clock=clock) as kb:
        report = await kb.reload(Actor.operator())
        assert report.changed == () or "ambassador-returned" in report.changed
        result = await kb.ask("why did azerbaijan recall its ambassador", record=False)
        assert result.best is not None and result.best.fact.id == "ambassador-recalled"


async def test_another_process_adding_a_newer_fact_supersedes_here_within_a_catch_up(
    database: Database, knowledge_dir: Path, clock: Clock
) -> None:
    async with await open_knowledge_base_at(database, knowledge_dir, clock=clock) as bot:
        async with await open_knowledge_base_at(
            database, knowledge_dir, clock=clock, start=StartMode.STORED_ONLY
        ) as cli:
            newer = await cli.add_fact(
                FactInput(
                    "The Sputnik staff were released.",
                    supersedes=("sputnik-arrests",),
                ),
                Actor.operator(),
            )
        await bot.catch_up()
        assert await best_id(bot, "were sputnik journalists arrested") == newer.id


async def test_added_since_lists_what_became_answerable_in_the_window(
    database: Database, knowledge_dir: Path
) -> None:
    """File facts from the reload that brought them in, members' facts from their addition or
    their approval (a pending fact counts from its approval). The store keeps these times on
    its own clock (to the second), as it does every other time it records."""

    def now() -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    before = now() - dt.timedelta(seconds=1)
    strict = Policy(require_approval=True)
    async with await open_knowledge_base_at(database, knowledge_dir, policy=strict) as kb:
        everything = await kb.added_since(before, guild_id=GUILD)
        assert {f.id for f in everything} == {
            "yekaterinburg-deaths",
            "yekaterinburg-deaths-revised",
            "ambassador-recalled",
            "ambassador-returned",
            "sputnik-arrests",
        }
        await asyncio.sleep(1.1)
        after_reload = now()
        assert await kb.added_since(after_reload, guild_id=GUILD) == []
        live = await kb.add_fact(FactInput("Live at once: a moderator's fact."), MODERATOR)
        pending = await kb.add_fact(FactInput("Waits for approval: a member's fact."), MEMBER)
        assert pending.status is Status.PENDING
        assert [f.id for f in await kb.added_since(after_reload, guild_id=GUILD)] == [live.id]
        await asyncio.sleep(1.1)
        before_approval = now()
        await kb.approve(pending.id, MODERATOR)
        approved = await kb.added_since(before_approval, guild_id=GUILD)
        assert [f.id for f in approved] == [pending.id]
        # An edit does not make a fact new again.
        await kb.edit_fact(
            live.id, FactInput("Live at once: a moderator's fact, edited."), MODERATOR
        )
        assert [f.id for f in await kb.added_since(before_approval, guild_id=GUILD)] == [pending.id]
        # Another server's members' facts are not its news.
        assert await kb.added_since(before_approval, guild_id=OTHER_GUILD) == []


async def test_a_key_is_claimed_once_by_concurrent_processes(database: Database) -> None:
    """Two stores on one database (two bot processes) claim the same day at once: one wins."""
    first = await open_store(database)
    second = await open_store(database)
    try:
        results = await asyncio.gather(
            *(store.claim_once("digest:2025-09-12") for store in (first, second) for _ in range(5))
        )
        assert sorted(results) == [False] * 9 + [True]
        assert await first.claim_once("digest:2025-09-13") is True
        assert await second.claim_once("digest:2025-09-13") is False
    finally:
        await first.close()
        await second.close()


async def test_an_older_database_is_migrated_with_its_facts_undated_and_replacing_nothing(
    sqlite_path: Path, knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    with monkeypatch.context() as old_version:
        old_version.setattr(sqlite_schema, "SCHEMA_VERSION", 7)
        old = await SqliteStore.open(sqlite_path)
        await old.close()
    with sqlite3.connect(sqlite_path) as connection:
        connection.execute(
            "INSERT INTO facts (id, origin, status, guild_id, answer, created_at, updated_at) "
            "VALUES ('member-old', 'user', 'live', 1, 'An old member fact.', "
            "'2025-06-01T10:00:00+00:00', '2025-06-01T10:00:00+00:00')"
        )
    async with await open_knowledge_base_at(sqlite_path, knowledge_dir, clock=clock) as kb:
        old_fact = await kb.get_fact("member-old", guild_id=GUILD)
        assert old_fact.supersedes == ()
        assert old_fact.added_at == dt.datetime(2025, 6, 1, 10, tzinfo=dt.UTC)
        assert dataclasses.replace(old_fact, added_at=None) == old_fact
