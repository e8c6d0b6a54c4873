"""`kb unteach`: a moderator takes back a question taught to the wrong fact.

On a real database (an SQLite file, and a PostgreSQL database: the ``backend`` fixture of
tests/conftest.py): the question is no longer answered with that fact, the removal is audited
and kept through reloads and restarts, `kb export` no longer lists it, `kb stats` shows the
question as waiting to be taught again, refusals are one sentence, and only moderators take a
teaching back: the shared knowledge files' only from the home server, a member's fact's only in
its own server.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.composition import DatabaseName as Database
from bot.composition import open_knowledge_base_at, open_store
from bot.core.actors import Actor
from bot.core.errors import InvalidInput, NotFound, PermissionDenied
from bot.core.service import FactInput, KnowledgeBase
from tests.storage.asking import answer_of

FACTS_YAML = """\
source:
  title: A made-up harbour report
  published: 2025-03-04
facts:
  - id: ferry-cancelled
    answer: The evening ferry to the island was cancelled because of a storm warning.
    questions:
      - why was the ferry cancelled
      - is the island ferry running tonight
  - id: harbour-dredging
    answer: The harbour authority started dredging the main channel on Monday.
    questions:
      - when did the dredging start
      - what is happening in the harbour channel
"""
# Nothing in either fact says "boat" or "stuck": taught, it is answered; untaught, it is not.
SLANG = "why r we stuck w/o a boat"
HOME = 11
OTHER = 12
OPERATOR = Actor.operator()
HOME_MODERATOR = Actor.discord_user(
    31, HOME, is_moderator=True, name="home mod", home_guilds=(HOME,), guild_count=2
)
OTHER_MODERATOR = Actor.discord_user(
    41, OTHER, is_moderator=True, name="other mod", home_guilds=(HOME,), guild_count=2
)
HOME_MEMBER = Actor.discord_user(
    51, HOME, is_moderator=False, name="member", home_guilds=(HOME,), guild_count=2
)


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"harbour.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


async def test_a_taken_back_question_is_no_longer_answered_with_that_fact(
    kb: KnowledgeBase,
) -> None:
    """Taught to the wrong fact, the question is answered with it; taken back, it is not,
    the fact keeps its own questions, and the history shows both steps with the question."""
    await kb.teach(SLANG, "harbour-dredging", OPERATOR)
    assert await answer_of(kb, SLANG) == "harbour-dredging"
    taken = await kb.unteach(SLANG.upper(), None, OPERATOR)
    assert (taken.fact_id, taken.question) == ("harbour-dredging", SLANG)
    assert await answer_of(kb, SLANG) is None
    assert kb.taught_questions("harbour-dredging") == ()
    assert await answer_of(kb, "when did the dredging start") == "harbour-dredging"
    history = await kb.history("harbour-dredging")
    assert [(e.action, e.detail) for e in history[-2:]] == [
        ("teach", {"question": SLANG}),
        ("unteach", {"question": SLANG}),
    ]
    assert history[-1].actor == "console"
    # Then it can be taught to the right fact.
    await kb.teach(SLANG, "ferry-cancelled", OPERATOR)
    assert await answer_of(kb, SLANG) == "ferry-cancelled"


async def test_taking_back_survives_reloads_and_restarts_and_leaves_the_export(
    kb: KnowledgeBase, database: Database, knowledge_dir: Path
) -> None:
    """After `kb reload`, a restart from the snapshot and one with the index built afresh, the
    question stays taken back; `kb export` lists only what is still taught."""
    await kb.teach(SLANG, "harbour-dredging", OPERATOR)
    await kb.teach("is the boat gone", "ferry-cancelled", OPERATOR)
    await kb.unteach(SLANG, "harbour-dredging", OPERATOR)
    exported = await kb.export_user_facts(guild_id=None)
    assert "is the boat gone" in exported and SLANG not in exported
    await kb.reload(OPERATOR)
    assert await answer_of(kb, SLANG) is None
    await kb.close()

    again = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await answer_of(again, SLANG) is None
        assert again.taught_questions("ferry-cancelled") == ("is the boat gone",)
        await again.teach(SLANG, "ferry-cancelled", OPERATOR)
        await again.unteach(SLANG, None, OPERATOR)
    finally:
        await again.close()
    if isinstance(database, Path):
        for snapshot in database.parent.glob("*.index"):
            snapshot.unlink()
    rebuilt = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await answer_of(rebuilt, SLANG) is None
        assert await rebuilt.store.taught_questions() == {"ferry-cancelled": ("is the boat gone",)}
    finally:
        await rebuilt.close()


async def test_the_question_waits_to_be_taught_again_in_stats(kb: KnowledgeBase) -> None:
    """An unanswered question, once taught, is marked taught in `kb stats` and no longer
    offered for teaching; taken back, it is unmarked and offered again."""
    await kb.ask("ferry timetable for sunday", guild_id=HOME)
    await kb.flush()
    await kb.teach("ferry timetable for sunday", "ferry-cancelled", HOME_MODERATOR)
    stats = await kb.stats(guild_id=HOME)
    assert stats.taught_to == {"ferry timetable for sunday": "ferry-cancelled"}
    assert not stats.left_to_teach
    assert await kb.questions_to_teach(guild_id=HOME) == []

    await kb.unteach("ferry timetable for sunday", None, HOME_MODERATOR)
    stats = await kb.stats(guild_id=HOME)
    assert stats.top_unanswered == (("ferry timetable for sunday", 1),)
    assert stats.taught_to == {} and stats.left_to_teach
    assert await kb.questions_to_teach(guild_id=HOME) == ["ferry timetable for sunday"]


async def test_refusals_are_one_sentence(kb: KnowledgeBase) -> None:
    """Not taught, an unknown fact (with the ids it resembles), a question taught to two
    facts (naming both), and a question the named fact was never taught: each refused in
    one sentence, and nothing is taken back."""
    with pytest.raises(InvalidInput, match="was not taught to any fact"):
        await kb.unteach(SLANG, None, OPERATOR)
    with pytest.raises(NotFound, match=r"no fact with id 'ferry-canceled'.*ferry-cancelled"):
        await kb.unteach(SLANG, "ferry-canceled", OPERATOR)
    await kb.teach(SLANG, "harbour-dredging", OPERATOR)
    await kb.teach(SLANG, "ferry-cancelled", OPERATOR)
    with pytest.raises(InvalidInput) as several:
        await kb.unteach(SLANG, None, OPERATOR)
    message = str(several.value)
    assert "2 facts (ferry-cancelled, harbour-dredging)" in message
    assert message.count(".") <= 1
    await kb.unteach(SLANG, "harbour-dredging", OPERATOR)
    with pytest.raises(InvalidInput, match="was not taught to 'harbour-dredging'"):
        await kb.unteach(SLANG, "harbour-dredging", OPERATOR)
    with pytest.raises(InvalidInput, match="empty"):
        await kb.unteach("   ", None, OPERATOR)
    assert kb.taught_questions("ferry-cancelled") == (SLANG,)


async def test_only_moderators_and_the_home_server_take_back_file_teachings(
    kb: KnowledgeBase,
) -> None:
    """A member may not take a teaching back, nor may another server's moderator for the
    shared knowledge files; the home server's moderators may."""
    await kb.teach(SLANG, "ferry-cancelled", HOME_MODERATOR)
    with pytest.raises(PermissionDenied, match="moderators"):
        await kb.unteach(SLANG, None, HOME_MEMBER)
    with pytest.raises(PermissionDenied, match="home server"):
        await kb.unteach(SLANG, None, OTHER_MODERATOR)
    assert kb.taught_questions("ferry-cancelled") == (SLANG,)
    await kb.unteach(SLANG, None, HOME_MODERATOR)
    assert kb.taught_questions("ferry-cancelled") == ()


async def test_a_server_cannot_take_back_another_servers_teaching(kb: KnowledgeBase) -> None:
    """What one server taught its member's fact is not even seen from another server: not
    listed to take back there, and refused as not taught; its own moderator takes it back."""
    author = Actor.discord_user(61, OTHER, is_moderator=False, home_guilds=(HOME,), guild_count=2)
    fact = await kb.add_fact(FactInput("Our sailing club races on Saturday mornings."), author)
    question = "when do the boats go out"
    await kb.teach(question, fact.id, OTHER_MODERATOR)
    assert kb.taught_to_take_back(actor=HOME_MODERATOR) == []
    assert kb.taught_to_take_back("boats", actor=OTHER_MODERATOR) == [(question, fact.id)]
    with pytest.raises(InvalidInput, match="not taught to any fact"):
        await kb.unteach(question, None, HOME_MODERATOR)
    with pytest.raises(NotFound):
        await kb.unteach(question, fact.id, HOME_MODERATOR)
    assert kb.taught_questions(fact.id) == (question,)
    await kb.unteach(question, None, OTHER_MODERATOR)
    assert await answer_of(kb, question, OTHER) is None
    entry = (await kb.history(fact.id, guild_id=OTHER))[-1]
    assert (entry.action, entry.guild_id) == ("unteach", OTHER)


async def test_the_store_removes_and_audits_in_one_step(
    kb: KnowledgeBase, database: Database, backend: Any
) -> None:
    """The row goes with its audit entry; taking back what is not taught writes nothing; the
    change reaches other processes like a teaching does."""
    store = kb.store
    assert await store.add_taught_question("ferry-cancelled", SLANG, "t", None, member_fact=False)
    generation, seq = await store.generation(), await store.latest_change()
    assert not await store.remove_taught_question("ferry-cancelled", "never taught", "t", None)
    assert (await store.generation(), await store.latest_change()) == (generation, seq)
    assert await store.remove_taught_question("ferry-cancelled", SLANG, "t", None)
    assert await store.generation() != generation
    changes = await store.changes_since(seq, limit=10)
    assert changes is not None and changes.fact_ids == ("ferry-cancelled",)
    assert await backend.query("SELECT fact_id FROM taught_questions") == []
    actions = await backend.query(
        "SELECT action FROM audit WHERE fact_id = 'ferry-cancelled' "
        "AND action LIKE '%teach' ORDER BY 1"
    )
    assert [row[0] for row in actions] == ["teach", "unteach"]
    other = await open_store(database)
    try:
        assert await other.taught_questions() == {}
    finally:
        await other.close()


async def test_another_process_stops_answering_it_after_catching_up(
    kb: KnowledgeBase, database: Database, knowledge_dir: Path
) -> None:
    """A second bot sharing the database answers the taught question, and no longer once it
    has followed the change log past the taking back."""
    await kb.teach(SLANG, "ferry-cancelled", OPERATOR)
    second = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await answer_of(second, SLANG) == "ferry-cancelled"
        await kb.unteach(SLANG, None, OPERATOR)
        await second.catch_up()
        assert await answer_of(second, SLANG) is None
    finally:
        await second.close()
