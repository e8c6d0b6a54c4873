"""A Russian question word no fact holds is read as another member of a fact's word's verb
family (``bot.core.russian_families``): another form of the same verb ("хотят" of "хочет"), its
other aspect ("закрывают" of "закрыли") or its noun of action ("проверка" of "проверили", and
the reverse). Snowball stems these apart, so a careful question that names the event by its
noun, where the fact tells it with a verb, met nothing in it and was held back or answered with
a sibling.

Every example is this file's own (a port, its ferries and customs), never the knowledge's nor
the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.russian_families import family, relatives
from bot.core.text import Analyzer


@pytest.mark.parametrize(
    ("words", "key"),
    [
        (("закрыли", "закрывают", "закрытие", "закрытия"), "закрыть"),  # aspects, noun
        (("проверили", "проверяют", "проверка", "проверку"), "проверить"),  # a noun in "-ка"
        (("задержали", "задерживают", "задержанных", "задержание"), "задержать"),
        (("освободили", "освобождают", "освобождения"), "освободить"),  # д / жд
        (("отозвали", "отзывают", "отзыв"), "отозвать"),  # a noun with no suffix
        (("хотят", "хочет", "хотел"), "хотеть"),  # one verb, forms Snowball splits
    ],
)
def test_a_verb_its_other_aspect_and_its_noun_share_a_family(
    words: tuple[str, ...], key: str
) -> None:
    assert {family(word) for word in words} == {key}


@pytest.mark.parametrize(
    "word",
    [
        "порт",  # a port: no "портить" (to spoil), a short noun is left alone
        "паром",  # a ferry: no verb made it
        "новый",  # an adjective
        "стрельцов",  # a surname
        "паромщикх",  # no word pymorphy's dictionary holds
    ],
)
def test_a_word_that_is_no_verb_nor_its_noun_has_no_family(word: str) -> None:
    assert family(word) is None
    assert relatives(word) == frozenset()


def test_the_relatives_hold_both_aspects_and_the_noun() -> None:
    forms = relatives("закрытие")
    assert {"закрыли", "закрывают", "закрытия", "закроют"} <= forms


PORT_CLOSED = Fact(
    "port-closed",
    "Alat port was closed to ferries for two days because of the storm.",
    ("why was alat port closed",),
    translations=(
        Translation(
            "ru",
            "Порт Алят закрыли для паромов на два дня из-за шторма.",
            ("почему закрыли порт алят",),
        ),
    ),
)
CARGO_CHECKED = Fact(
    "cargo-checked",
    "Customs officers checked the cargo of every ferry at Alat port.",
    ("what did customs check at alat",),
    translations=(
        Translation(
            "ru",
            "Таможенники проверили груз каждого парома в порту Алят.",
            ("что проверили таможенники в порту алят",),
        ),
    ),
)
CARGO_SEIZED = Fact(
    "cargo-seized",
    "Customs officers seized a cargo of cigarettes from a ferry at Alat port.",
    ("what did customs seize at alat",),
    translations=(
        Translation(
            "ru",
            "Таможенники изъяли груз сигарет с парома в порту Алят.",
            ("что изъяли таможенники в порту алят",),
        ),
    ),
)


@pytest.fixture(scope="module")
def port() -> Matcher:
    return Matcher([PORT_CLOSED, CARGO_CHECKED, CARGO_SEIZED], analyzer=Analyzer())


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # The other aspect: the fact says "закрыли", closed; was "I don't know".
        ("Почему порт Алят закрывают?", "port-closed"),
        # The noun of action, of a fact saying "проверили", checked: the seizure's fact,
        # sharing the cargo, the ferries and the port, tied with it, and it was only offered.
        ("Была ли проверка грузов на паромах в порту Алят?", "cargo-checked"),
        ("Проводилась ли проверка грузов на паромах в Аляте?", "cargo-checked"),
        # The other aspect in the present.
        ("Кто проверяет грузы паромов в порту Алят?", "cargo-checked"),
    ],
)
def test_a_question_naming_the_event_in_another_form_is_answered(
    port: Matcher, question: str, fact_id: str
) -> None:
    result = port.ask(question)
    assert result.best is not None and result.best.fact.id == fact_id
    assert result.decision is Decision.ANSWER


def test_the_verb_is_read_a_little_less_surely_than_a_word_the_facts_hold(port: Matcher) -> None:
    """The score shown beside the answer is a little lower when the question's verb is
    another form of the fact's ("закрывают" of "закрыли") than when it is the fact's own."""
    own = port.ask("Почему порт Алят закрыли?").best
    other = port.ask("Почему порт Алят закрывают?").best
    assert own is not None and other is not None
    assert other.fact.id == own.fact.id == "port-closed"
    assert 0.0 < other.score < own.score


def test_a_verb_no_fact_has_in_any_form_stays_unknown(port: Matcher) -> None:
    question = "Когда отменят рейсы из Алята?"  # cancel: no fact tells of a cancelling
    _, asked = port.explain(question)
    assert [qt.term for qt in asked.query if qt.confidence == 0.0]
    assert port.ask(question).decision is not Decision.ANSWER
