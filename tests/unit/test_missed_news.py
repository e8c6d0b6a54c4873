"""An asker saying they missed the news ("я две недели был без интернета", "heç izləməmişəm")
asks for the whole story when nothing in particular is asked, and is only the asker's scene
when something is ("... почему закрыли паромную переправу?").

The facts and questions are written for these tests (a flood in Lankaran); none comes from the
benchmark questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.missed_news import read_missed_news
from bot.core.models import Fact, Translation
from bot.core.text import Analyzer

SUMMARY = ("summary", "overview", "в общих чертах", "ümumi şəkildə")

FLOOD_OVERVIEW = Fact(
    "lankaran-flood-overview",
    "Two days of rain flooded the lower town of Lankaran on 12 March 2025: the river burst its "
    "banks, the ferry crossing closed and about 300 families were moved to schools.",
    ("give me a summary of the lankaran flood", "what happened in lankaran"),
    tags=("summary", "lankaran", "flood"),
    translations=(
        Translation(
            "ru",
            "Два дня дождей затопили нижний город Ленкорани 12 марта 2025 года: река вышла из "
            "берегов, паромную переправу закрыли, около 300 семей переселили в школы.",
            ("что случилось в ленкорани", "наводнение в ленкорани, сводка"),
        ),
        Translation(
            "az",
            "İki günlük yağış 12 mart 2025-ci ildə Lənkəranın aşağı hissəsini su altında qoydu: "
            "çay daşdı, bərə keçidi bağlandı, təxminən 300 ailə məktəblərə köçürüldü.",
            ("lənkəranda nə baş verdi", "lənkəran daşqını haqqında"),
        ),
    ),
)
FLOOD_FERRY = Fact(
    "lankaran-ferry-closed",
    "The Lankaran ferry crossing closed on 12 March 2025 because the flooded river had "
    "washed away its landing stage.",
    ("why did the lankaran ferry close", "is the lankaran ferry running"),
    tags=("lankaran", "ferry"),
    translations=(
        Translation(
            "ru",
            "Паромная переправа в Ленкорани закрыта с 12 марта 2025 года: наводнение смыло её "
            "причал.",
            ("почему закрыли паромную переправу в ленкорани", "работает ли паром в ленкорани"),
        ),
        Translation(
            "az",
            "Lənkəranda bərə keçidi 12 mart 2025-ci ildən bağlıdır: daşqın onun körpüsünü "
            "yuyub apardı.",
            ("lənkəranda bərə keçidi niyə bağlandı", "lənkəran bərəsi işləyirmi"),
        ),
    ),
)
FLOOD = [FLOOD_OVERVIEW, FLOOD_FERRY]


def _first(question: str) -> str | None:
    result = Matcher(FLOOD, analyzer=Analyzer([SUMMARY])).ask(question)
    return None if result.best is None else result.best.fact.id


@pytest.mark.parametrize(
    "question",
    [
        "я две недели был без интернета, что там в ленкорани с паромом и наводнением?",
        "Я всё пропустила: что у вас в Ленкорани с наводнением и переправой?",
        "ребята, я в танке, что там в ленкорани с наводнением?",
        "Lənkəranda daşqın və bərə məsələsini heç izləməmişəm, kim yaza bilər?",
        "lenkeranda daskin ve bere meselesi, tam qacirmisam",
    ],
)
def test_missing_the_news_asks_for_the_whole_story(question: str) -> None:
    """An asker who says they missed it all, asking nothing in particular, gets the overview
    first, not the ferry sibling whose words the question shares as much."""
    assert _first(question) == "lankaran-flood-overview"


@pytest.mark.parametrize(
    "question",
    [
        "я неделю был без связи, почему закрыли паромную переправу в ленкорани?",
        "bir həftə xəbərsiz qaldım, Lənkəranda bərə keçidi niyə bağlandı?",
    ],
)
def test_missing_the_news_before_a_particular_question_is_only_the_scene(question: str) -> None:
    """Asked why the ferry closed, the asker's week offline draws nothing to the overview."""
    assert _first(question) == "lankaran-ferry-closed"


def test_only_the_forms_that_say_the_news_was_missed_are_read() -> None:
    """ "пропустили фуры" (let the lorries through) and "yanından qaçırır" (lets it slip
    away) miss no news; "я всё пропустил" and "qaçırmışam" (I missed it) do."""
    for text, language in (
        ("почему пропустили фуры через границу", "ru"),
        ("moskva bakını yanından qaçırır?", "az"),
    ):
        assert read_missed_news(text, language, particular=False) == text
    assert "в общих чертах" in read_missed_news("Я всё пропустил, что там?", "ru", particular=False)
    assert "ümumi şəkildə" in read_missed_news("tam qaçırmışam", "az", particular=False)
    assert "пропустил" not in read_missed_news("я пропустил, когда?", "ru", particular=True)


def test_without_a_summary_group_the_statement_weighs_nothing() -> None:
    """With no group reading "in broad outline" as a summary, the statement is dropped as a set
    phrase of asking is: it is no topic of the question."""
    bare = Analyzer()
    read = read_missed_news("я был без связи, наводнение в ленкорани", "ru", particular=False)
    assert bare.terms(read) == bare.terms("наводнение в ленкорани")


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Сколько сёл в Ленкорани осталось без связи после наводнения?", "ru"),
        ("Я хочу понять, сколько сёл в Ленкорани осталось без связи?", "ru"),
        ("Почему власти не следили за дамбой в Ленкорани?", "ru"),
        ("Сколько солдат погибли в танке под Ленкоранью?", "ru"),
        ("Neçə nəfər daşqında xəbərsiz itkin düşüb?", "az"),
        ("Müşahidəçilər Lənkəranda seçkini niyə izləmir?", "az"),
    ],
)
def test_the_same_words_telling_of_the_story_are_kept(question: str, language: str) -> None:
    """Villages cut off, authorities not watching a dam, soldiers in a tank, people gone missing,
    observers not monitoring a vote: no asker says they missed the news, and the words are the
    question's topic, kept whether or not it asks for something particular."""
    for particular in (False, True):
        assert read_missed_news(question, language, particular=particular) == question


@pytest.mark.parametrize(
    ("question", "language", "statement"),
    [
        ("для тех, кто в танке: что там в Ленкорани?", "ru", "в танке"),
        ("Я месяц сидел на даче без интернета, почему закрыли переправу?", "ru", "без интернета"),
        ("Объясните человеку, который не следил: что с паромом?", "ru", "следил"),
        ("Qardaşım son hadisələri izləməyib, nə baş verib?", "az", "izləməyib"),
    ],
)
def test_those_words_said_of_a_person_are_still_the_scene(
    question: str, language: str, statement: str
) -> None:
    assert statement not in read_missed_news(question, language, particular=True)


def test_not_following_it_now_is_missing_it() -> None:
    """ "izləmirəm" (I do not follow it) says what "izləməmişəm" (I have not followed) does."""
    read = read_missed_news("Lənkəran xəbərlərini izləmirəm, nə olub?", "az", particular=False)
    assert "ümumi şəkildə" in read
