"""Issue 15: Russian questions as new writers type them.

- Words spelled as they are said ("пачему", "што", "хадил", "канешна", "чтооо") are read as the
  words they stand for, by rule; a real word, a rarer form or a name is left alone.
- Indefinite pronouns ("кто-то", "кто-нибудь", chat's "кто-нить") ask nothing: "Кто-то знает,
  почему ...?" asks why, not who.
- A given name beside a surname the facts hold ("Сергей Лавров") is that person, not another
  one; an adjective made of a surname ("лавровские": Lavrov's people) is that surname.
- A clause of time or circumstance ("после того, как ...", "на фоне того, как ...") says when
  or amid what, not what is asked, as an English "... once ..." clause does.
- "когда" with a verb in the future asks "when will", "сколько времени" "how long", "во
  сколько" "what time".

The facts and questions are this file's own (a Caspian ferry halted by a storm), never the live
knowledge nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.other_focus import other_focus
from bot.core.other_tokens import other_tokens
from bot.core.russian_chat_spellings import respelled
from bot.core.text import Analyzer
from bot.core.wants import Want

FACTS = [
    Fact(
        "ferry-halted",
        "The Baku-Aktau ferry did not sail for five days because of a storm on the Caspian.",
        ("why did the baku aktau ferry stop", "what happened to the ferry"),
        translations=(
            Translation(
                "ru",
                "Паром Баку — Актау не ходил пять дней из-за шторма на Каспии.",
                ("почему паром баку актау не ходил", "что случилось с паромом"),
            ),
        ),
    ),
    Fact(
        "ferry-resumed",
        "The ferry sailed again on 12 March, once the port lifted its storm warning.",
        ("when did the ferry sail again", "is the ferry running again"),
        translations=(
            Translation(
                "ru",
                "Паром снова вышел в рейс 12 марта, когда порт снял штормовое предупреждение.",
                ("когда паром снова вышел в рейс", "ходит ли паром снова"),
            ),
        ),
    ),
    Fact(
        "trucks-waiting",
        "About 300 lorries waited in the port of Aktau for the ferry.",
        ("how many lorries waited in aktau", "how many trucks were stuck in the port"),
        translations=(
            Translation(
                "ru",
                "Около 300 фур ждали парома в порту Актау.",
                ("сколько фур ждали в актау", "сколько машин стояло в порту"),
            ),
        ),
    ),
    Fact(
        "minister-comment",
        "Russia's foreign minister Lavrov said the delays would not harm trade.",
        ("what did lavrov say about the ferry", "what does moscow think of the delays"),
        translations=(
            Translation(
                "ru",
                "Министр иностранных дел России Лавров заявил, что задержки не навредят торговле.",
                ("что сказал лавров о задержках парома", "что думает москва о задержках"),
            ),
        ),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer(()))


def _answered(matcher: Matcher, question: str) -> str | None:
    """The fact answered outright, or None when the bot offers or does not know."""
    result = matcher.ask(question)
    if result.decision is not Decision.ANSWER or result.best is None:
        return None
    return result.best.fact.id


# ------------------------------------------------------------------ spelled as said
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("пачему", "почему"),  # an unstressed "о" written "а"
        ("многа", "много"),
        ("што", "что"),  # "ш" said for "ч"
        ("канешна", "конечно"),  # both, three letters in all
        ("типерь", "теперь"),  # "е" written "и"
        ("щитаю", "считаю"),  # "щ" for "сч"
        ("чево", "чего"),  # the genitive's "г" said "в"
        ("кажеца", "кажется"),  # "-ца" for "-тся"
        ("чтооо", "что"),  # stretched
        ("дааа", "да"),  # stretched: not "до"
    ],
)
def test_a_word_spelled_as_said_is_read_as_the_word_it_stands_for(typed: str, meant: str) -> None:
    assert respelled(typed) == meant


@pytest.mark.parametrize(
    "word",
    [
        "штабы",  # staffs, no "чтобы"
        "губернаторам",  # a rarer form of a real word
        "ширака",  # a name (Shirak), no "широко"
        "катаром",  # Qatar, no "котором"
        "пачка",  # a word of its own, no "почка"
        "ооо",  # a company's form, no letter
        "почему",  # spelled right
        "viii",  # not Cyrillic
    ],
)
def test_a_real_word_or_a_name_is_left_alone(word: str) -> None:
    assert respelled(word) is None


def test_a_question_typed_as_said_is_answered_as_when_spelled_right(matcher: Matcher) -> None:
    spelled = _answered(matcher, "почему паром баку актау не ходил?")
    assert spelled == "ferry-halted"
    assert _answered(matcher, "пачему паром баку актау не хадил?") == spelled


# ------------------------------------------------------------------ indefinite pronouns
@pytest.mark.parametrize(
    "question",
    [
        "Кто-то знает, почему паром не ходил?",
        "кто нибудь знает почему паром не ходил",
        "kto-nibud znaet pochemu parom ne hodil?",
        "Кто-нить знает, почему паром не ходил?",
    ],
)
def test_someone_asks_nothing_the_question_asks_why(matcher: Matcher, question: str) -> None:
    assert other_focus(question, "ru").wants == Want.CAUSE
    assert _answered(matcher, question) == "ferry-halted"


def test_an_indefinite_pronoun_leaves_no_word_behind() -> None:
    assert other_tokens("Кто-то что-нибудь слышал про паром?", "ru") == ["слышал", "про", "паром"]


def test_a_question_word_before_a_word_of_its_own_still_asks() -> None:
    # "то соглашение": that agreement, written apart; "когда" asks when.
    assert other_focus("когда то соглашение подписали?", "ru").wants & Want.TIME
    # "нить" apart is a thread.
    assert "нить" in other_tokens("какая нить связывает эти события?", "ru")


# ------------------------------------------------------------------ names
def test_a_given_name_beside_a_known_surname_is_that_person(matcher: Matcher) -> None:
    assert _answered(matcher, "Что заявил Сергей Лавров о задержках парома?") == (
        "minister-comment"
    )


def test_another_person_is_still_someone_the_facts_do_not_name(matcher: Matcher) -> None:
    assert _answered(matcher, "Что заявил Сергей Шойгу о задержках парома?") is None


def test_an_adjective_made_of_a_surname_is_that_surname(matcher: Matcher) -> None:
    assert _answered(matcher, "лавровские что сказали о задержках парома?") == "minister-comment"


# ------------------------------------------------------------------ a clause of circumstance
def test_a_clause_of_circumstance_is_not_what_is_asked(matcher: Matcher) -> None:
    # The clause tells of the halted ferry; the question asks what Moscow thinks.
    question = "что думают в москве после того, как паром не ходил пять дней?"
    assert _answered(matcher, question) == "minister-comment"


def test_a_clause_opening_the_question_is_left_as_it_is(matcher: Matcher) -> None:
    # Nothing asked before it: the whole question is read as written.
    assert _answered(matcher, "После того как паром не ходил пять дней, что случилось?") != (
        "minister-comment"
    )


# ------------------------------------------------------------------ what is asked for
@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("Когда паром снова выйдет в рейс?", Want.TIME | Want.FUTURE),
        ("Когда паром снова вышел в рейс?", Want.TIME),
        ("Сколько времени паром не ходил?", Want.DURATION),
        ("Как долго паром не ходил?", Want.DURATION),
        ("Во сколько паром вышел в рейс?", Want.CLOCK),
        ("Сколько денег потеряли перевозчики?", Want.MONEY),
        ("Какой процент фур уехал?", Want.SHARE),
    ],
)
def test_russian_question_words_ask_what_english_ones_do(question: str, wanted: Want) -> None:
    assert other_focus(question, "ru").wants & wanted == wanted
