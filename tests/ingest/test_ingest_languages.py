"""Russian and Azerbaijani articles: split per language, drafted in it, tagged with it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.core import draft_files
from bot.core.actors import Actor
from bot.core.fact_file import load_file
from bot.core.models import Decision
from bot.core.service import KnowledgeBase
from bot.ingest.article_draft import ArticleDraft, build_draft
from bot.ingest.extract import from_text
from bot.ingest.other_languages import day_mentions, event_day
from bot.ingest.pipeline import ingest
from bot.ingest.sentences import split_az, split_sentences

DATA = Path(__file__).resolve().parent / "data" / "languages"
RU = DATA / "ganja-bridge.ru.txt"
AZ = DATA / "lankaran-tea.az.txt"
OPERATOR = Actor.operator()


def _draft(path: Path) -> ArticleDraft:
    return build_draft(from_text(path.read_text("utf-8"), None, str(path)), taken_ids=set())


def test_russian_sentences_keep_abbreviations_and_initials() -> None:
    text = "В г. Баку прошло заседание. Т. е. всё хорошо! Было 3,5 млн. человек. А.С. Пушкин тут."
    assert split_sentences(text, "ru") == [
        "В г. Баку прошло заседание.",
        "Т. е. всё хорошо!",
        "Было 3,5 млн. человек.",
        "А.С. Пушкин тут.",
    ]


def test_azerbaijani_sentences_split_by_rule() -> None:
    text = (
        "Prof. Əliyev bunu dedi. Bakıda və s. yerlərdə yağış yağdı! H. Əliyev adına park "
        'açıldı. "Biz hazırıq", dedi nazir. Nə oldu? Qiymət 3.5 manat oldu… İş bitdi.'
    )
    assert split_az(text) == [
        "Prof. Əliyev bunu dedi.",
        "Bakıda və s. yerlərdə yağış yağdı!",
        "H. Əliyev adına park açıldı.",
        '"Biz hazırıq", dedi nazir.',
        "Nə oldu?",
        "Qiymət 3.5 manat oldu…",
        "İş bitdi.",
    ]
    # A lower-case word after a full stop does not start a sentence.
    assert split_az("Gəlir 2 mln. manat oldu. Bu yaxşıdır.") == [
        "Gəlir 2 mln. manat oldu.",
        "Bu yaxşıdır.",
    ]


def test_dates_in_russian_and_azerbaijani() -> None:
    published = dt.date(2025, 3, 14)
    assert event_day("Мост открыли 12 марта 2025 года.", "ru", published) == dt.date(2025, 3, 12)
    assert event_day("Мост открыли 12 марта.", "ru", published) == dt.date(2025, 3, 12)
    assert event_day("Мост закроют до 1 июня.", "ru", published) is None  # a deadline
    assert event_day("Mövsüm 5 may 2025-ci ildə başlayıb.", "az", dt.date(2025, 5, 20)) == (
        dt.date(2025, 5, 5)
    )
    assert event_day("İş 1 iyunadək bitəcək.", "az", dt.date(2025, 5, 20)) is None
    assert [m.date for m in day_mentions("12 mart 2024", "az", None)] == [dt.date(2024, 3, 12)]


@pytest.mark.parametrize(
    ("path", "language", "published", "sentences"),
    [(RU, "ru", dt.date(2025, 3, 14), 7), (AZ, "az", dt.date(2025, 5, 20), 7)],
)
def test_article_drafts_facts_in_its_language(
    path: Path, language: str, published: dt.date, sentences: int
) -> None:
    draft = _draft(path)
    assert draft.language == language
    assert draft.article.published == published  # "Опубликовано:" / "Dərc olunub:" in words
    assert draft.sentences == sentences
    assert draft.dropped == 1  # the closing question
    assert len(draft.facts) == sentences - 1
    assert all(f.language == language for f in draft.facts)
    assert all(not f.answer.endswith("?") for f in draft.facts)
    assert all(len(f.questions) <= 2 for f in draft.facts)
    assert any(f.date is not None for f in draft.facts)


def test_russian_draft_content() -> None:
    facts = _draft(RU).facts
    opened = facts[0]
    assert opened.answer.startswith("Новый автомобильный мост")
    assert opened.date == dt.date(2025, 3, 12)
    # No name-only template question ("Что известно о Гяндже?"): it would draw every question
    # about Ganja to this fact.
    assert all(not f.questions for f in facts)
    assert "gyandzhachay" in opened.tags
    # "3,5 млн." and "1968 г." do not end sentences; "до 1 июня" is no event date.
    assert any("18 млн. манатов" in f.answer for f in facts)
    closing = next(f for f in facts if "1968 г." in f.answer)
    assert closing.date is None


def test_azerbaijani_draft_content() -> None:
    facts = _draft(AZ).facts
    assert "lenkeran" in facts[0].tags  # "Lənkəran" begins its sentences; "Lənkəranda" too
    exports = next(f for f in facts if "ixrac" in f.answer)
    # "Lənkəran" is proved bare by "Lənkəranda"; "Bakıya" is not (no "Bakı" in the article).
    assert exports.tags == ["lenkeran", "bakiya", "rusiyaya"]
    season = next(f for f in facts if "mövsümü" in f.answer)
    assert season.date == dt.date(2025, 5, 5)
    professor = next(f for f in facts if "Məmmədov" in f.answer)
    assert professor.tags == ["memmedov"]  # not "prof", not the initial


def test_a_question_headline_is_asked_of_the_fact_answering_it() -> None:
    article = from_text(
        "Когда открыли новый мост в Гяндже?\n\n" + RU.read_text("utf-8").split("\n", 3)[3],
        None,
        "t",
    )
    draft = build_draft(article, taken_ids=set())
    asked = [f for f in draft.facts if f.questions]
    assert [f.questions for f in asked] == [["Когда открыли новый мост в Гяндже?"]]
    assert "12 марта 2025 года" in asked[0].answer


@pytest.mark.parametrize("path", [RU, AZ])
async def test_draft_files_validate(kb: KnowledgeBase, path: Path) -> None:
    result = await ingest(kb, str(path), local_files=True)
    [drafted] = result.drafted
    facts, errors = load_file(drafted.path, drafted.path.name)
    assert not errors
    language = drafted.draft.language
    assert facts and all(f.language == language for f in facts)
    assert f"language: {language}" in drafted.path.read_text("utf-8")


async def test_approved_russian_draft_answers_a_russian_question(kb: KnowledgeBase) -> None:
    await ingest(kb, str(RU), local_files=True)
    [draft] = draft_files.list_drafts(kb.knowledge_dir)
    assert not draft.errors
    await kb.review(draft.path.stem, OPERATOR, approve=True)
    result = kb.matcher.ask("Когда открыли мост в Гяндже?")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and "12 марта 2025 года" in result.best.fact.answer
    assert result.best.fact.language == "ru"
