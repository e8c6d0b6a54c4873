"""Facts in several languages, kept by the stores: knowledge-file translations served from the
database, members' facts added in Russian, translations added by an edit, and databases from
before the stores kept languages.

Each test runs on SQLite and on PostgreSQL (the ``backend`` fixture of tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.composition import open_knowledge_base_at
from bot.core import index_snapshot
from bot.core.actors import Actor
from bot.core.errors import InvalidInput, PermissionDenied
from bot.core.loader import load_knowledge
from bot.core.models import Decision, Fact
from bot.core.service import FactInput, KnowledgeBase, StartMode

FACTS_YAML = """\
facts:
  - id: ferry-cancelled
    answer: The Baku to Aktau ferry was cancelled because of a storm.
    questions:
      - why was the ferry to aktau cancelled
    translations:
      ru:
        answer: Паром из Баку в Актау отменили из-за шторма.
        questions:
          - почему отменили паром в актау
      az:
        answer: Bakı-Aktau bərəsi fırtına səbəbindən ləğv edildi.
        questions:
          - aktau bərəsi niyə ləğv edildi
  - id: metro-line
    answer: The Baku metro opened a new green line station in Khatai.
    questions:
      - did the baku metro open a new station
"""
RU_FERRY = "Паром из Баку в Актау отменили из-за шторма."
RU_FERRY_QUESTION = "почему отменили паром в актау"

GUILD = 1
AUTHOR = Actor.discord_user(100, GUILD, is_moderator=False, name="author")
OTHER = Actor.discord_user(200, GUILD, is_moderator=False, name="other")

RU_FAIR = FactInput(
    "Книжная ярмарка в Баку перенесена на осень из-за наводнения.",
    ("когда откроется книжная ярмарка в баку",),
)
EN_FAIR = FactInput(
    "The Baku book fair was moved to the autumn after the flood.",
    ("when does the baku book fair open",),
)


@pytest.fixture
def knowledge_dir(make_knowledge_dir: Callable[..., Path]) -> Path:
    knowledge: Path = make_knowledge_dir({"facts.yaml": FACTS_YAML}, name="knowledge")
    return knowledge


def answered_in(fact: Fact, language: str) -> str:
    """The text a member asking in ``language`` reads (the fact's own answer if untranslated)."""
    return fact.answer_in(language)[0]


async def russian_answer(kb: KnowledgeBase, question: str) -> str | None:
    result = await kb.ask(question, guild_id=GUILD)
    if result.decision is not Decision.ANSWER or result.best is None:
        return None
    return answered_in(result.best.fact, "ru")


def forget_snapshot(database: Path | str) -> None:
    """Make the next start read the index from the database, not from its saved copy."""
    if isinstance(database, Path):
        path = index_snapshot.snapshot_path(database)
        if path is not None:
            path.unlink(missing_ok=True)


# ---------------------------------------------------------------- knowledge-file facts
async def test_file_translations_are_stored(kb: KnowledgeBase) -> None:
    """The database holds a file fact's translations and language, as the file gives them."""
    stored = await kb.store.get_fact("ferry-cancelled")
    assert stored is not None
    assert stored.language == "en"
    assert {t.language: t.answer for t in stored.translations}["ru"] == RU_FERRY
    assert stored == (await kb.store.facts_by_id(["ferry-cancelled"]))[0]


@pytest.mark.parametrize("start", [StartMode.RELOAD, StartMode.SERVE_STORED])
async def test_a_restart_from_the_database_still_answers_in_russian(
    database: Path | str, knowledge_dir: Path, start: StartMode
) -> None:
    """Served from the database (no index snapshot to fall back on), a Russian question about
    a translated file fact is still answered in Russian."""
    first = await open_knowledge_base_at(database, knowledge_dir)
    await first.close()
    forget_snapshot(database)
    again = await open_knowledge_base_at(database, knowledge_dir, start=start)
    try:
        assert await russian_answer(again, RU_FERRY_QUESTION) == RU_FERRY
    finally:
        await again.close()


async def test_another_process_reloading_reaches_the_running_index_with_translations(
    database: Path | str, knowledge_dir: Path
) -> None:
    """A translation added to a file and reloaded by another process (the CLI) is answered
    by a running bot once it catches up."""
    running = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await russian_answer(running, "новая станция метро в хатаи") is None
        (knowledge_dir / "facts.yaml").write_text(
            FACTS_YAML
            + "    translations:\n      ru:\n        answer: В Баку открыли новую станцию"
            " метро в Хатаи.\n        questions: [новая станция метро в хатаи]\n",
            encoding="utf-8",
        )
        cli = await open_knowledge_base_at(database, knowledge_dir, start=StartMode.STORED_ONLY)
        try:
            await cli.reload(Actor.operator())
        finally:
            await cli.close()
        await running.catch_up()
        answer = await russian_answer(running, "новая станция метро в хатаи")
        assert answer == "В Баку открыли новую станцию метро в Хатаи."
    finally:
        await running.close()


# ---------------------------------------------------------------- members' facts
async def test_a_fact_added_in_russian_is_russian_and_answered_in_russian(
    database: Path | str, knowledge_dir: Path
) -> None:
    """Without saying so, a fact written in Russian is stored as Russian, gets a readable id,
    is audited with its language, and a Russian question is answered with it after a restart."""
    kb = await open_knowledge_base_at(database, knowledge_dir)
    try:
        fact = await kb.add_fact(RU_FAIR, AUTHOR)
        assert fact.language == "ru"
        assert fact.id.startswith("member-knizhnaya-yarmarka-baku")
        assert await russian_answer(kb, "когда откроется книжная ярмарка") == RU_FAIR.answer
        (entry,) = await kb.history(fact.id, guild_id=GUILD)
        assert entry.detail["language"] == "ru"
    finally:
        await kb.close()
    forget_snapshot(database)
    again = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert (await again.get_fact(fact.id, guild_id=GUILD)).language == "ru"
        assert await russian_answer(again, "когда откроется книжная ярмарка") == RU_FAIR.answer
    finally:
        await again.close()


async def test_the_language_given_wins_over_the_one_detected(kb: KnowledgeBase) -> None:
    """An Azerbaijani fact written without its special letters is stored as Azerbaijani when
    the member says so."""
    fact = await kb.add_fact(
        FactInput("Baki marafonu sentyabrda kecirilecek.", language="az"), AUTHOR
    )
    assert fact.language == "az"
    stored = await kb.store.get_fact(fact.id)
    assert stored is not None and stored.language == "az"


async def test_an_unknown_language_is_refused_in_one_sentence(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidInput, match="'fr' is not a language newsdesk knows"):
        await kb.add_fact(FactInput("Le ferry est annulé.", language="fr"), AUTHOR)


async def test_editing_in_russian_adds_a_translation_and_keeps_the_english(
    database: Path | str, knowledge_dir: Path
) -> None:
    """An English fact edited in Russian keeps its English answer and gains a Russian one:
    English questions answer in English, Russian ones in Russian, after a restart too."""
    kb = await open_knowledge_base_at(database, knowledge_dir)
    try:
        fact = await kb.add_fact(EN_FAIR, AUTHOR)
        draft = kb.edit_input(
            fact, language="ru", answer=RU_FAIR.answer, questions=RU_FAIR.questions
        )
        edited = await kb.edit_fact(fact.id, draft, AUTHOR)
        assert edited.answer == EN_FAIR.answer and edited.language == "en"
        assert answered_in(edited, "ru") == RU_FAIR.answer
        assert await russian_answer(kb, "когда откроется книжная ярмарка") == RU_FAIR.answer
        english = await kb.ask("when does the baku book fair open", guild_id=GUILD)
        assert english.best is not None and english.best.fact.answer == EN_FAIR.answer
        (_, edit) = await kb.history(fact.id, guild_id=GUILD)
        assert edit.detail == {"before": None, "after": RU_FAIR.answer, "language": "ru"}
    finally:
        await kb.close()
    forget_snapshot(database)
    again = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await russian_answer(again, "когда откроется книжная ярмарка") == RU_FAIR.answer
    finally:
        await again.close()


async def test_editing_a_translation_again_replaces_it_and_keeps_its_questions(
    kb: KnowledgeBase,
) -> None:
    fact = await kb.add_fact(EN_FAIR, AUTHOR)
    first = kb.edit_input(fact, language="ru", answer=RU_FAIR.answer, questions=RU_FAIR.questions)
    fact = await kb.edit_fact(fact.id, first, AUTHOR)
    fixed = "Книжная ярмарка в Баку пройдёт в октябре."
    second = kb.edit_input(fact, language="ru", answer=fixed)
    edited = await kb.edit_fact(fact.id, second, AUTHOR)
    assert [t.language for t in edited.translations] == ["ru"]
    assert edited.translation("ru") is not None
    assert edited.translation("ru").questions == RU_FAIR.questions  # type: ignore[union-attr]
    assert await russian_answer(kb, "когда откроется книжная ярмарка") == fixed
    history = await kb.history(fact.id, guild_id=GUILD)
    assert history[-1].detail["before"] == RU_FAIR.answer


async def test_a_translation_can_be_removed_and_stays_removed(
    database: Path | str, knowledge_dir: Path
) -> None:
    """A wrong Russian translation removed: Russian questions get the English answer again (it
    is the fact's own), the removal is audited, and a restart does not bring it back."""
    kb = await open_knowledge_base_at(database, knowledge_dir)
    try:
        fact = await kb.add_fact(EN_FAIR, AUTHOR)
        draft = kb.edit_input(fact, language="ru", answer=RU_FAIR.answer)
        fact = await kb.edit_fact(fact.id, draft, AUTHOR)
        removed = await kb.remove_translation(fact.id, "ru", AUTHOR)
        assert removed.translations == () and removed.answer == EN_FAIR.answer
        assert answered_in(removed, "ru") == EN_FAIR.answer
        history = await kb.history(fact.id, guild_id=GUILD)
        assert history[-1].detail == {"before": RU_FAIR.answer, "after": None, "language": "ru"}
        with pytest.raises(InvalidInput, match="no 'ru' translation"):
            await kb.remove_translation(fact.id, "ru", AUTHOR)
        with pytest.raises(InvalidInput, match="its answer, not a translation"):
            await kb.remove_translation(fact.id, "en", AUTHOR)
        with pytest.raises(PermissionDenied):
            await kb.remove_translation(fact.id, "az", OTHER)
    finally:
        await kb.close()
    forget_snapshot(database)
    again = await open_knowledge_base_at(database, knowledge_dir)
    try:
        stored = again.fact(fact.id, guild_id=GUILD)
        assert stored is not None and stored.translations == ()
    finally:
        await again.close()


async def test_editing_in_the_facts_own_language_edits_its_answer(kb: KnowledgeBase) -> None:
    fact = await kb.add_fact(RU_FAIR, AUTHOR)
    fixed = "Книжная ярмарка в Баку откроется в октябре."
    edited = await kb.edit_fact(fact.id, kb.edit_input(fact, answer=fixed), AUTHOR)
    assert edited.answer == fixed and edited.translations == ()
    assert edited.language == "ru"


async def test_an_answer_written_in_russian_is_taken_as_the_russian_translation(
    kb: KnowledgeBase,
) -> None:
    """Without the language option, a Russian answer given to an English fact becomes its
    Russian translation; its English questions are not copied into it."""
    fact = await kb.add_fact(EN_FAIR, AUTHOR)
    draft = kb.edit_input(fact, answer=RU_FAIR.answer)
    assert draft.language == "ru" and draft.questions == ()
    edited = await kb.edit_fact(fact.id, draft, AUTHOR)
    assert edited.answer == EN_FAIR.answer
    assert answered_in(edited, "ru") == RU_FAIR.answer


async def test_a_new_translation_needs_an_answer(kb: KnowledgeBase) -> None:
    fact = await kb.add_fact(EN_FAIR, AUTHOR)
    draft = kb.edit_input(fact, language="az", tags=("culture",))
    with pytest.raises(InvalidInput, match="has no 'az' translation yet"):
        await kb.edit_fact(fact.id, draft, AUTHOR)


async def test_export_writes_language_and_translations_the_loader_reads(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    """`kb export` keeps a member fact's language and translations, in the knowledge-file
    format: moving it into knowledge/ keeps it answered in every language."""
    fact = await kb.add_fact(EN_FAIR, AUTHOR)
    draft = kb.edit_input(fact, language="ru", answer=RU_FAIR.answer, questions=RU_FAIR.questions)
    await kb.edit_fact(fact.id, draft, AUTHOR)
    await kb.add_fact(RU_FAIR, OTHER)
    exported = await kb.export_user_facts(guild_id=GUILD)
    folder = tmp_path / "exported"
    folder.mkdir()
    (folder / "members.yaml").write_text(exported, encoding="utf-8")
    loaded = {f.answer: f for f in load_knowledge(folder).facts}
    assert loaded[EN_FAIR.answer].translation("ru") is not None
    assert answered_in(loaded[EN_FAIR.answer], "ru") == RU_FAIR.answer
    assert loaded[RU_FAIR.answer].language == "ru"
    entries = yaml.safe_load(exported)["facts"]
    assert {e.get("language", "en") for e in entries} == {"en", "ru"}


# ---------------------------------------------------------------- databases from before
async def as_before_languages(backend: Any) -> None:
    """Turn the test's database into one of the last schema without languages (SQLite 10,
    PostgreSQL 2), its rows as that version left them."""
    # Nor was anything queued behind a reload kept then (SQLite 12, PostgreSQL 4).
    await backend.query("DROP TABLE queued_teachings")
    # Nor a feed draft's owed announcement (SQLite 15, PostgreSQL 6).
    await backend.query("DROP INDEX seen_articles_owed")
    for column in ("announcement", "announcing_holder", "announcing_since"):
        await backend.query(f"ALTER TABLE seen_articles DROP COLUMN {column}")
    # Nor asks indexed by question_key (SQLite 16, which replaced asks_by_guild).
    if not backend.is_postgres:
        await backend.query("DROP INDEX asks_by_guild_key")
        await backend.query("CREATE INDEX asks_by_guild ON asks (guild_id, decision)")
    # Nor an ask's question_key (SQLite 14, PostgreSQL 5).
    await backend.query("DROP INDEX asks_without_key")
    await backend.query("DROP INDEX asks_by_fact")
    await backend.query("ALTER TABLE asks DROP COLUMN question_key")
    if backend.is_postgres:
        await backend.query("ALTER TABLE facts DROP COLUMN language, DROP COLUMN translations")
        await backend.query("DELETE FROM schema_version WHERE version >= 3")
        return
    await backend.query("ALTER TABLE facts DROP COLUMN language")
    await backend.query("ALTER TABLE facts DROP COLUMN translations")
    await backend.query("PRAGMA user_version = 10")


async def test_an_upgraded_database_answers_file_facts_in_russian_again(
    backend: Any, database: Path | str, knowledge_dir: Path
) -> None:
    """A database written before the stores kept translations: after the upgrade, the first
    start reads the files again and stores their translations, without reporting every fact
    as changed (no audit entries, answerable since when it was first); members' facts read as
    English without translations."""
    kb = await open_knowledge_base_at(database, knowledge_dir)
    try:
        member = await kb.add_fact(EN_FAIR, AUTHOR)
        before = await kb.get_fact("ferry-cancelled")
    finally:
        await kb.close()
    await as_before_languages(backend)
    forget_snapshot(database)
    upgraded = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await russian_answer(upgraded, RU_FERRY_QUESTION) == RU_FERRY
        stored = await upgraded.get_fact(member.id, guild_id=GUILD)
        assert (stored.language, stored.translations) == ("en", ())
        assert stored.answer == EN_FAIR.answer
        assert [e.action for e in await upgraded.history("ferry-cancelled")] == ["add"]
        ferry = await upgraded.get_fact("ferry-cancelled")
        assert ferry.added_at == before.added_at is not None
    finally:
        await upgraded.close()
    # Stored, not only indexed: the start after, which reads no file, still has them.
    forget_snapshot(database)
    later = await open_knowledge_base_at(database, knowledge_dir)
    try:
        assert await russian_answer(later, RU_FERRY_QUESTION) == RU_FERRY
    finally:
        await later.close()


async def test_an_upgraded_database_is_read_as_english_without_translations(
    backend: Any, database: Path | str, knowledge_dir: Path
) -> None:
    """Read without the files (a CLI command on the database alone), the rows stored before
    the upgrade are English facts without translations, and still answered."""
    kb = await open_knowledge_base_at(database, knowledge_dir)
    await kb.close()
    await as_before_languages(backend)
    forget_snapshot(database)
    (knowledge_dir / "facts.yaml").unlink()
    served = await open_knowledge_base_at(database, knowledge_dir, start=StartMode.STORED_ONLY)
    try:
        ferry = await served.get_fact("ferry-cancelled")
        assert (ferry.language, ferry.translations) == ("en", ())
        result = await served.ask("why was the ferry to aktau cancelled")
        assert result.best is not None and result.best.fact.id == "ferry-cancelled"
    finally:
        await served.close()
