"""`kb teach`: a question people asked becomes a phrasing of the fact that answers it.

On a real database (an SQLite file, and a PostgreSQL database: the ``backend`` fixture of
tests/conftest.py): taught questions are answered at once, audited, kept through reloads
and restarts (in their own table, on top of the knowledge-file facts), exported for curation,
and only moderators may teach: the shared knowledge files only from the home server, a member's
fact only in its own server.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.composition import DatabaseName as Database
from bot.composition import open_knowledge_base_at, open_store
from bot.core.actors import Actor
from bot.core.errors import InvalidInput, NotFound, PermissionDenied
from bot.core.loader import load_knowledge
from bot.core.models import Decision
from bot.core.service import FactInput, KnowledgeBase
from bot.core.storage import StoreConflict
from tests.storage.asking import answer_of

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
      - is the ambassador still in moscow
  - id: yekaterinburg-raid
    answer: Russian police raided a building in Yekaterinburg at night.
    questions:
      - what happened in yekaterinburg
      - who carried out the raid
  - id: turkey-ties
    answer: Azerbaijan is building closer security ties with Turkey.
    questions:
      - is azerbaijan turning to turkey
      - what does turkey have to do with this
"""
# Asked the way people do: nothing in the facts says "mad" or "beef".
CASUAL = "y r they mad at each other"
HOME = 1
OTHER = 2
OPERATOR = Actor.operator()
HOME_MODERATOR = Actor.discord_user(
    300, HOME, is_moderator=True, name="home mod", home_guilds=(HOME,), guild_count=2
)
OTHER_MODERATOR = Actor.discord_user(
    400, OTHER, is_moderator=True, name="other mod", home_guilds=(HOME,), guild_count=2
)
HOME_MEMBER = Actor.discord_user(
    500, HOME, is_moderator=False, name="member", home_guilds=(HOME,), guild_count=2
)


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"facts.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


async def test_a_taught_question_is_answered_at_once_and_audited(kb: KnowledgeBase) -> None:
    """Before teaching the casual question is not answered outright; after, it is, with the
    fact it was taught to, and the audit trail says who taught what."""
    assert await answer_of(kb, CASUAL) != "ambassador-recalled"
    taught = await kb.teach(CASUAL, "ambassador-recalled", OPERATOR)
    assert (taught.fact_id, taught.question, taught.waits_for) == (
        "ambassador-recalled",
        CASUAL,
        None,
    )
    assert await answer_of(kb, CASUAL) == "ambassador-recalled"
    assert await answer_of(kb, "y r they so mad at each other") == "ambassador-recalled"
    assert kb.taught_questions("ambassador-recalled") == (CASUAL,)
    # The fact itself is unchanged: a file fact stays as its file says.
    served = kb.fact("ambassador-recalled")
    assert served is not None and CASUAL not in served.questions
    entry = (await kb.history("ambassador-recalled"))[-1]
    assert (entry.action, entry.actor, entry.detail) == ("teach", "console", {"question": CASUAL})
    assert entry.guild_id is None


async def test_taught_questions_survive_reloads_and_restarts(
    kb: KnowledgeBase, database: Database, knowledge_dir: Path
) -> None:
    """A question taught to a knowledge-file fact survives `kb reload` (even one that changes
    that very fact) and a restart, from the snapshot (SQLite) and from a rebuilt index alike."""
    await kb.teach(CASUAL, "ambassador-recalled", OPERATOR)
    report = await kb.reload(OPERATOR)
    assert report.unchanged
    assert await answer_of(kb, CASUAL) == "ambassador-recalled"

    path = knowledge_dir / "facts.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("two men died", "two Azerbaijani men died"),
        encoding="utf-8",
    )
    report = await kb.reload(OPERATOR)
    assert report.changed == ("ambassador-recalled",)
    assert await answer_of(kb, CASUAL) == "ambassador-recalled"
    await kb.close()

    again = await open_knowledge_base_at(database, knowledge_dir)  # from the snapshot
    try:
        assert await answer_of(again, CASUAL) == "ambassador-recalled"
        await again.reload(OPERATOR)
        assert await answer_of(again, CASUAL) == "ambassador-recalled"
    finally:
        await again.close()
    if isinstance(database, Path):
        for snapshot in database.parent.glob("*.index"):
            snapshot.unlink()
    rebuilt = await open_knowledge_base_at(database, knowledge_dir)  # index built afresh
    try:
        assert await answer_of(rebuilt, CASUAL) == "ambassador-recalled"
    finally:
        await rebuilt.close()


async def test_taught_questions_are_in_their_own_table(kb: KnowledgeBase, backend: Any) -> None:
    """The question is kept by fact id apart from the facts, which stay as loaded."""
    await kb.teach(CASUAL, "ambassador-recalled", OPERATOR)
    taught = await backend.query("SELECT fact_id, question FROM taught_questions")
    ((questions,),) = await backend.query(
        "SELECT questions FROM facts WHERE id = 'ambassador-recalled'"
    )
    assert taught == [("ambassador-recalled", CASUAL)]
    assert CASUAL not in questions


async def test_export_lists_taught_questions_for_curation(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    """`kb export` gives a member fact its taught questions, and lists those taught to file
    facts in a commented section to copy into the files; it still loads as a knowledge file."""
    member = await kb.add_fact(FactInput("Baku hosts a Formula One race every year."), OPERATOR)
    await kb.teach("is there an f1 race in baku", member.id, OPERATOR)
    await kb.teach(CASUAL, "ambassador-recalled", OPERATOR)
    text = await kb.export_user_facts(guild_id=None)
    (entry,) = yaml.safe_load(text)["facts"]
    assert entry["questions"] == ["is there an f1 race in baku"]
    section = text[text.index("# Taught questions") :]
    assert "ambassador-recalled" in section and CASUAL in section
    assert all(line.startswith("#") for line in section.strip().splitlines())
    assert kb.has_export(None)
    folder = tmp_path / "curated"
    folder.mkdir()
    (folder / "exported.yaml").write_text(text, encoding="utf-8")
    assert [f.id for f in load_knowledge(folder).facts] == [member.id.removeprefix("member-")]


async def test_only_moderators_teach_and_file_facts_only_from_the_home_server(
    kb: KnowledgeBase,
) -> None:
    """Members may not teach; a moderator of another server may not teach the shared file
    facts; the home server's moderators may."""
    with pytest.raises(PermissionDenied):
        await kb.teach(CASUAL, "ambassador-recalled", HOME_MEMBER)
    with pytest.raises(PermissionDenied, match="home server"):
        await kb.teach(CASUAL, "ambassador-recalled", OTHER_MODERATOR)
    assert kb.taught_questions("ambassador-recalled") == ()
    await kb.teach(CASUAL, "ambassador-recalled", HOME_MODERATOR)
    assert await answer_of(kb, CASUAL, OTHER) == "ambassador-recalled"


async def test_a_member_fact_is_taught_in_its_own_server_only(kb: KnowledgeBase) -> None:
    """A server's moderator teaches its members' facts; another server's moderator cannot even
    see them, and what one server taught never reaches another."""
    author = Actor.discord_user(600, OTHER, is_moderator=False, home_guilds=(HOME,), guild_count=2)
    fact = await kb.add_fact(FactInput("Our club meets every Friday in Ganja."), author)
    question = "when is the weekly get together"
    with pytest.raises(NotFound):
        await kb.teach(question, fact.id, HOME_MODERATOR)
    await kb.teach(question, fact.id, OTHER_MODERATOR)
    assert await answer_of(kb, question, OTHER) == fact.id
    for elsewhere in (HOME, None):
        result = await kb.ask(question, guild_id=elsewhere, record=False)
        assert fact.id not in [m.fact.id for m in result.matches]
    entry = (await kb.history(fact.id, guild_id=OTHER))[-1]
    assert (entry.action, entry.guild_id) == ("teach", OTHER)


async def test_bad_teach_requests_are_refused(kb: KnowledgeBase) -> None:
    """Empty questions, unknown facts and questions a fact already has are refused."""
    with pytest.raises(InvalidInput):
        await kb.teach("  ?! ", "ambassador-recalled", OPERATOR)
    with pytest.raises(NotFound):
        await kb.teach(CASUAL, "no-such-fact", OPERATOR)
    with pytest.raises(InvalidInput, match="already"):
        await kb.teach("Why did Azerbaijan recall its ambassador", "ambassador-recalled", OPERATOR)
    await kb.teach(CASUAL, "ambassador-recalled", OPERATOR)
    with pytest.raises(InvalidInput, match="already"):
        await kb.teach(CASUAL.upper(), "ambassador-recalled", OPERATOR)


async def test_removing_a_member_fact_forgets_what_was_taught_to_it(kb: KnowledgeBase) -> None:
    """A new fact that later gets the same id does not inherit the old one's questions."""
    fact = await kb.add_fact(FactInput("Baku hosts a Formula One race every year."), OPERATOR)
    await kb.teach("is there an f1 race in baku", fact.id, OPERATOR)
    await kb.remove_fact(fact.id, OPERATOR)
    assert kb.taught_questions(fact.id) == ()
    assert await kb.store.taught_questions() == {}


async def test_the_store_keeps_no_teaching_for_a_member_fact_it_no_longer_has(
    kb: KnowledgeBase,
) -> None:
    """Another process may remove a member's fact after the bot checked it: the write itself
    refuses, writing nothing, while a knowledge-file fact a reload removed still takes one."""
    fact = await kb.add_fact(FactInput("Baku hosts a Formula One race every year."), OPERATOR)
    await kb.store.delete_fact(fact, "elsewhere", if_status=fact.status)
    with pytest.raises(StoreConflict):
        await kb.store.add_taught_question(fact.id, CASUAL, "t", None, member_fact=True)
    assert await kb.store.taught_questions() == {}
    assert await kb.store.add_taught_question(
        "gone-file-fact", CASUAL, "t", None, member_fact=False
    )
    with pytest.raises(NotFound, match=f"no fact with id '{fact.id}' any more"):
        # The bot has not caught up with that removal yet: the moderator is told in a sentence.
        await kb.teach(CASUAL, fact.id, OPERATOR)


async def test_questions_worth_teaching_are_unanswered_and_thumbs_down_ones(
    kb: KnowledgeBase,
) -> None:
    """The questions offered for teaching in a server are its most asked unanswered ones, then
    those answered with a fact that got a 👎; taught ones are no longer offered."""
    for _ in range(2):
        await kb.ask("bitcoin price today", guild_id=HOME)
    await kb.ask("what is the capital of france", guild_id=HOME)
    await kb.ask("cooking recipes", guild_id=OTHER)
    result = await kb.ask("why did azerbaijan recall its ambassador", guild_id=HOME)
    assert result.decision is Decision.ANSWER
    await kb.flush()
    await kb.record_feedback("msg-1", "ambassador-recalled", 42, HOME, -1)

    offered = await kb.questions_to_teach(guild_id=HOME)
    assert offered == [
        "bitcoin price today",
        "what is the capital of france",
        "why did azerbaijan recall its ambassador",
    ]
    assert await kb.questions_to_teach("capital", guild_id=HOME) == [
        "what is the capital of france"
    ]
    assert await kb.questions_to_teach(guild_id=OTHER) == ["cooking recipes"]
    stats = await kb.stats(guild_id=HOME)
    assert stats.top_thumbs_down == (
        ("why did azerbaijan recall its ambassador", "ambassador-recalled", 1),
    )
    await kb.teach("bitcoin price today", "turkey-ties", OPERATOR)
    assert "bitcoin price today" not in await kb.questions_to_teach(guild_id=HOME)


async def test_teaching_advances_the_generation_and_logs_the_fact(
    kb: KnowledgeBase, database: Database
) -> None:
    """A taught question reaches other processes as a change of the fact it was taught to;
    teaching it again writes nothing."""
    store = kb.store
    generation, seq = await store.generation(), await store.latest_change()
    assert await store.add_taught_question(
        "ambassador-recalled", CASUAL, "t", None, member_fact=False
    )
    assert await store.generation() != generation
    changes = await store.changes_since(seq, limit=10)
    assert changes is not None and changes.fact_ids == ("ambassador-recalled",)
    generation, seq = await store.generation(), await store.latest_change()
    assert not await store.add_taught_question(
        "ambassador-recalled", CASUAL, "t", None, member_fact=False
    )
    assert (await store.generation(), await store.latest_change()) == (generation, seq)
    other = await open_store(database)
    try:
        assert await other.taught_questions() == {"ambassador-recalled": (CASUAL,)}
    finally:
        await other.close()
