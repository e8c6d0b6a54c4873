"""A Russian or Azerbaijani request for the whole story is read as English's is: "в общих
чертах" (in broad outline), "в двух словах" (in a nutshell), "bir sözlə" (in a word) ask for a
summary, as "outline" and "nutshell" do, where a synonym group lists them beside "summary"; and
in a near tie, such a request ("что произошло", "nə baş verib", "вкратце") favours the fact its
curator phrased as telling what happened, as "catch me up" does.

The facts and questions are written for these tests (a mudslide in Sheki, a ferry at Alat); none
comes from the held-out benchmark questions.
"""

from __future__ import annotations

from bot.core.candidates import AskedQuestion, Candidate
from bot.core.index_entries import IndexEntry
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer
from bot.core.tie_break import asks_overview, favoured

SUMMARY = ("summary", "overview", "в общих чертах", "в двух словах", "bir sözlə")

SHEKI_OVERVIEW = Fact(
    "sheki-mudslide-overview",
    "A mudslide after three days of rain buried part of Sheki's old town on 4 May 2025; the "
    "city closed its schools and asked Baku for help rebuilding.",
    ("give me a summary of the sheki mudslide", "what happened in sheki"),
    tags=("summary", "sheki", "mudslide"),
    translations=(
        Translation(
            "ru",
            "После трёх дней дождей сель засыпал часть старого города Шеки 4 мая 2025 года.",
            ("дайте сводку о селе в шеки", "что случилось в шеки"),
        ),
    ),
)
SHEKI_SCHOOLS = Fact(
    "sheki-schools-closed",
    "Sheki closed all 14 of its schools for a week after the mudslide of 4 May 2025.",
    ("how many schools closed in sheki", "were sheki schools closed after the mudslide"),
    tags=("sheki", "schools"),
    translations=(
        Translation(
            "ru",
            "После селя 4 мая 2025 года Шеки закрыл все 14 школ на неделю.",
            ("сколько школ закрыли в шеки после селя", "закрыты ли школы в шеки"),
        ),
    ),
)
SHEKI = [SHEKI_OVERVIEW, SHEKI_SCHOOLS]


def test_in_broad_outline_asks_for_the_summary_when_a_group_lists_it() -> None:
    """ "In broad outline, what about the mudslide in Sheki?" gets the overview outright with a
    group reading the phrase as a summary; the words of the phrase are not read as topics
    ("черта" is a line) either way."""
    question = "в общих чертах, что там с селем в шеки и школами?"
    grouped = Matcher(SHEKI, analyzer=Analyzer([SUMMARY])).ask(question)
    assert grouped.decision is Decision.ANSWER
    assert grouped.best is not None and grouped.best.fact.id == "sheki-mudslide-overview"
    bare = Analyzer()
    assert bare.terms("в общих чертах, сель в шеки") == bare.terms("сель в шеки")


def test_a_phrase_of_asking_is_read_as_summary_in_either_language() -> None:
    """The Russian "in a nutshell" and the Azerbaijani "in a word" (typed with its letters or
    without) mean what "summary" means where the group lists them, and nothing without it."""
    grouped, bare = Analyzer([SUMMARY]), Analyzer()
    summary = grouped.terms("summary")
    assert grouped.terms("в двух словах") == summary
    assert grouped.terms("bir sözlə Şəki") == summary + grouped.terms("Şəki")
    assert grouped.terms("bir sozle Şəki") == summary + grouped.terms("Şəki")
    assert bare.terms("bir sözlə Şəki") == bare.terms("Şəki")


FERRY_STORY = Fact(
    "alat-ferry-storm",
    "A storm drove the Caspian ferry Shirvan aground near Alat on 9 February 2025; its 40 crew "
    "were taken off safely.",
    ("what happened to the shirvan ferry", "shirvan ferry storm alat"),
)
FERRY_FUEL = Fact(
    "alat-ferry-fuel",
    "The ecology ministry said fuel from the Shirvan had reached 3 km of shore near Alat.",
    ("how far did the shirvan fuel spread", "is the alat shore polluted"),
)


def _scored(fact: Fact, relevance: float) -> Candidate:
    phrasings = tuple(((question,), question) for question in fact.questions)
    return Candidate(IndexEntry(fact, phrasings, ()), relevance, None, 0.5, 0.5, 0.5, 1.0)


def _asked(question: str, language: str) -> AskedQuestion:
    return AskedQuestion(Analyzer().focus(question, language), 1.0, 1.0, 3, [], language=language)


def test_a_russian_or_azerbaijani_request_for_the_whole_story_favours_what_happened() -> None:
    """Of two nearly tied ferry facts, "what happened" asked in Russian or Azerbaijani favours
    the one phrased as telling what happened, as English's "catch me up" does."""
    story, fuel = _scored(FERRY_STORY, 0.50), _scored(FERRY_FUEL, 0.52)
    for question, language in (
        ("что случилось с паромом у алята?", "ru"),
        ("вкратце: паром ширван и алят", "ru"),
        ("Ələtdə bərə ilə nə baş verib?", "az"),
        ("qisaca, ferry elet", "az"),
    ):
        asked = _asked(question, language)
        assert asks_overview(question, asked), question
        assert favoured(question, asked, fuel, story) == -1, question


def test_a_russian_question_asking_a_detail_is_no_request_for_the_whole_story() -> None:
    """ "When did the ferry run aground, briefly" asks for a time, "how many were aboard, what
    happened" for a count: no request for the whole story, whatever words of one they hold; nor
    is a question with none of them."""
    for question in (
        "вкратце, когда паром сел на мель у алята?",
        "сколько человек было на пароме, что случилось?",
        "паром ширван, кто виноват",
    ):
        assert not asks_overview(question, _asked(question, "ru")), question


def test_an_azerbaijani_request_opening_with_a_capital_i_is_read_as_one() -> None:
    """ "İcmal" (an overview) opening a question, its dotted capital lower-cased as
    Azerbaijani does, asks for the whole story as "icmal" inside a sentence does."""
    story, fuel = _scored(FERRY_STORY, 0.50), _scored(FERRY_FUEL, 0.52)
    for question in ("İcmal: Ələtdə bərə", "Ələtdə bərə, icmal"):
        asked = _asked(question, "az")
        assert asks_overview(question, asked), question
        assert favoured(question, asked, fuel, story) == -1, question
