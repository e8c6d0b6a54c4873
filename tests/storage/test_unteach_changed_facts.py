"""`kb unteach` of a question whose fact changed since it was taught.

The fact left the knowledge (a reload removed it), took the question among its own
questions, was replaced by a newer fact, or (a member's) was removed: the moderator is told
what happened in one sentence, and what is left behind is cleaned up. On SQLite and
PostgreSQL (the ``backend`` fixture).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.actors import Actor
from bot.core.errors import InvalidInput, NotFound
from bot.core.service import FactInput, KnowledgeBase
from tests.storage.asking import answer_of

FACTS_YAML = """\
source:
  title: A made-up county weather notice
  published: 2025-02-17
facts:
  - id: snow-schools-closed
    answer: All county schools stayed closed on Tuesday after half a metre of snow fell overnight.
    questions:
      - are the schools closed
      - why are schools shut
  - id: snow-roads-gritted
    answer: Road crews spread grit on the mountain road through the night so buses could run.
    questions:
      - are the roads gritted
      - can buses get up the mountain road
"""
ASKED = "no skool 2day or wat"
HOME = 21
OPERATOR = Actor.operator()
HOME_MODERATOR = Actor.discord_user(
    61, HOME, is_moderator=True, name="home mod", home_guilds=(HOME,), guild_count=2
)
OTHER_MODERATOR = Actor.discord_user(
    71, 22, is_moderator=True, name="other mod", home_guilds=(HOME,), guild_count=2
)


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"weather.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


def _without_schools() -> str:
    head, rest = FACTS_YAML.split("  - id: snow-schools-closed")
    return head + "  - id: snow-roads-gritted" + rest.split("  - id: snow-roads-gritted")[1]


async def test_a_fact_a_reload_removed_gives_its_taught_question_up(
    kb: KnowledgeBase, knowledge_dir: Path
) -> None:
    """The file fact is gone; its taught question is still stored (it would come back with
    the fact), and offered for teaching again. `kb unteach` finds it, with or without the id,
    forgets it for good and says the fact has left the knowledge; a server that does not
    manage the shared knowledge does not see it."""
    await kb.ask(ASKED)
    await kb.flush()
    await kb.teach(ASKED, "snow-schools-closed", OPERATOR)
    assert await kb.questions_to_teach(guild_id=None) == []
    (knowledge_dir / "weather.yaml").write_text(_without_schools(), "utf-8")
    assert (await kb.reload(OPERATOR)).removed == ("snow-schools-closed",)
    # Asked and unanswered before it was taught, it is again worth teaching, to another fact.
    assert await kb.questions_to_teach(guild_id=None) == [ASKED]
    assert kb.taught_to_take_back(actor=OPERATOR) == [(ASKED, "snow-schools-closed")]
    assert kb.taught_to_take_back(actor=OTHER_MODERATOR) == []
    with pytest.raises(NotFound, match="There is no fact with id 'snow-schools-closed'"):
        await kb.unteach(ASKED, "snow-schools-closed", OTHER_MODERATOR)
    with pytest.raises(InvalidInput, match="was not taught to any fact"):
        await kb.unteach(ASKED, None, OTHER_MODERATOR)

    taken = await kb.unteach(ASKED.upper(), "Snow-Schools-Closed", HOME_MODERATOR)
    assert taken.sentence() == (
        f"Taken back: {ASKED!r} is no longer kept for snow-schools-closed, a fact that has "
        "left the knowledge since it was taught."
    )
    assert await kb.store.taught_questions() == {}
    entry = (await kb.history("snow-schools-closed"))[-1]
    assert (entry.action, entry.detail) == ("unteach", {"question": ASKED})
    # Back in the folder, the fact comes back without it.
    (knowledge_dir / "weather.yaml").write_text(FACTS_YAML, "utf-8")
    await kb.reload(OPERATOR)
    assert kb.taught_questions("snow-schools-closed") == ()


async def test_a_question_now_among_the_facts_own_is_still_answered(
    kb: KnowledgeBase, knowledge_dir: Path
) -> None:
    """The moderator copied the taught question into the file, as `kb export` asks: taking
    it back says the fact still answers it (it does), and the export stops asking for it."""
    await kb.teach(ASKED, "snow-schools-closed", OPERATOR)
    assert ASKED in await kb.export_user_facts(guild_id=None)
    copied = FACTS_YAML.replace(
        "      - why are schools shut\n", f"      - why are schools shut\n      - {ASKED}\n"
    )
    (knowledge_dir / "weather.yaml").write_text(copied, "utf-8")
    await kb.reload(OPERATOR)
    assert ASKED not in await kb.export_user_facts(guild_id=None)
    assert not kb.has_export(None)
    taken = await kb.unteach(ASKED, None, OPERATOR)
    assert taken.sentence() == (
        f"Taken back: {ASKED!r} is no longer taught to snow-schools-closed, which still "
        "answers it: it is one of the fact's own questions now."
    )
    assert await answer_of(kb, ASKED) == "snow-schools-closed"


async def test_a_replaced_member_fact_names_what_replaced_it(kb: KnowledgeBase) -> None:
    """Taught to a member's fact that a newer one has replaced: the teaching and the taking
    back each name the newer fact, which is what answers the question."""
    old = await kb.add_fact(
        FactInput(
            "The county bus depot reopened on Wednesday morning.",
            questions=("is the bus depot open",),
        ),
        HOME_MODERATOR,
    )
    new = await kb.add_fact(
        FactInput(
            "The county bus depot reopened and every route runs again.",
            questions=("do all bus routes run",),
            supersedes=(old.id,),
        ),
        HOME_MODERATOR,
    )
    # Taught to the older fact, the question is answered with the newer: the teaching says so.
    taught = await kb.teach("r buses back", old.id, HOME_MODERATOR)
    assert taught.sentence() == (
        f"Taught {old.id}: 'r buses back' is answered from now on with {new.id}, which has "
        "replaced it."
    )
    assert await answer_of(kb, "r buses back", HOME) == new.id
    taken = await kb.unteach("r buses back", None, HOME_MODERATOR)
    assert (taken.fact_since, taken.replaced_by) == ("replaced", new.id)
    assert taken.sentence().endswith(f"(which {new.id} has replaced since).")


async def test_a_removed_member_facts_question_is_no_longer_taught(kb: KnowledgeBase) -> None:
    """A member's fact takes its taught questions with it when it is removed: taking one back
    is refused in one sentence, and it can be taught to another fact."""
    fact = await kb.add_fact(
        FactInput("The county ski lift stays shut all week.", questions=("is the lift open",)),
        HOME_MODERATOR,
    )
    await kb.teach("can i ski", fact.id, HOME_MODERATOR)
    await kb.remove_fact(fact.id, HOME_MODERATOR)
    with pytest.raises(InvalidInput, match=r"^'can i ski' was not taught to any fact\.$"):
        await kb.unteach("can i ski", None, HOME_MODERATOR)
    with pytest.raises(NotFound, match=f"There is no fact with id '{fact.id}'"):
        await kb.unteach("can i ski", fact.id, HOME_MODERATOR)
