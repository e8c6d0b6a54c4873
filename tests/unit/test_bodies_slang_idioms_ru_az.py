"""Issue 15: a state body told by what it is ("какое ведомство", "hansı qurum"), Russian
street slang for arresting ("винтят", "пакуют"), a conflict "gathering pace"
("набирает обороты") and the Kremlin's master ("хозяин Кремля") meet the English words a
fact uses, as do the idioms and requests a synonym group may list beside its English
("детонатор", "дал старт", "təkan", "перескажите").

The facts, groups and questions are this file's own (a harbour inspection, a ferry strike),
never the live knowledge nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

# Groups as a knowledge base's synonyms.yaml may list them (the seed's list these members).
TRIGGER = ("trigger", "spark", "детонатор", "дал старт", "дать старт", "tətik", "təkan")
SUMMARY = ("summary", "recap", "пересказать", "перескажите", "перескажи")

HARBOUR_INSPECTION = Fact(
    "harbour-inspection",
    "The maritime transport agency is inspecting the cranes of Poti harbour after one of them "
    "collapsed in March.",
    ("which agency is inspecting the poti cranes",),
    translations=(
        Translation(
            "ru",
            "Агентство морского транспорта проверяет краны порта Поти после обрушения одного "
            "из них в марте.",
            ("какое ведомство проверяет краны в поти",),
        ),
        Translation(
            "az",
            "Dəniz nəqliyyatı agentliyi martda kranlardan biri çökəndən sonra Poti limanının "
            "kranlarını yoxlayır.",
            ("poti kranlarını hansı qurum yoxlayır",),
        ),
    ),
)
HARBOUR_CRANE = Fact(
    "harbour-crane-collapse",
    "A crane collapsed at Poti harbour in March; two dockers were hurt and the harbour closed "
    "its eastern quay for a week.",
    ("what happened to the crane at poti harbour",),
    translations=(
        Translation(
            "ru",
            "В марте в порту Поти обрушился кран; двое докеров пострадали, восточный причал "
            "закрыли на неделю.",
            ("что случилось с краном в порту поти",),
        ),
    ),
)
FERRY_ARRESTS = Fact(
    "ferry-strike-arrests",
    "Police detained eleven ferry workers at Alat during the strike over unpaid wages.",
    ("were ferry workers detained at alat",),
    translations=(
        Translation(
            "ru",
            "Полиция задержала одиннадцать работников парома в Алате во время забастовки из-за "
            "невыплаченных зарплат.",
            ("задержали ли работников парома в алате",),
        ),
    ),
)
FERRY_WAGES = Fact(
    "ferry-strike-wages",
    "The Alat ferry workers went on strike because their wages had not been paid for three months.",
    ("why did the alat ferry workers strike",),
    translations=(
        Translation(
            "ru",
            "Работники парома в Алате забастовали, потому что им три месяца не платили зарплату.",
            ("почему бастуют работники парома в алате",),
        ),
    ),
)
FACTS = [HARBOUR_INSPECTION, HARBOUR_CRANE, FERRY_ARRESTS, FERRY_WAGES]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(FACTS, analyzer=Analyzer())


@pytest.mark.parametrize(
    "words",
    [
        # A state body by the kind of thing it is, in any case form.
        ("agency", "ведомство", "ведомства", "структура", "органы", "qurum", "orqanı"),
        # Street slang for arresting, in its forms the stemmer does not bring together.
        ("arrest", "задержали", "винтят", "пакуют"),
        ("worsen", "ухудшились", "набирает обороты", "набирают обороты"),
        ("head of state", "президент", "хозяин кремля", "хозяину Кремля"),
    ],
)
def test_russian_and_azerbaijani_news_words_are_one_term(words: tuple[str, ...]) -> None:
    analyzer = Analyzer()
    first = analyzer.terms(words[0])
    for word in words[1:]:
        assert analyzer.terms(word) == first, word


@pytest.mark.parametrize(
    ("group", "said"),
    [
        # Packing, covering one's tracks, snow drifting and running off are no arrests.
        ("arrest", "волонтёры упаковали гуманитарную помощь"),
        ("arrest", "туристы начали паковать чемоданы"),
        ("arrest", "чиновники заметают следы"),
        ("arrest", "дорогу к посёлку замело снегом"),
        ("arrest", "охранник свинтил с поста"),
        # A court of first instance and a prison or a hospital are no agency asked after.
        ("agency", "что решил суд первой инстанции"),
        ("agency", "в какое исправительное учреждение его отправили"),
        ("agency", "раненых увезли в медицинское учреждение"),
    ],
)
def test_a_word_of_another_everyday_sense_is_not_read_into_the_group(group: str, said: str) -> None:
    analyzer = Analyzer()
    assert not set(analyzer.terms(group)) & set(analyzer.terms(said)), said


def test_a_longer_phrase_keeps_its_own_group() -> None:
    """ "Силовые структуры" are the security services, and "дипведомство" the foreign
    ministry, as before: the longer phrase, and the word of its own stem, are not a body of
    any kind."""
    analyzer = Analyzer()
    assert analyzer.terms("силовые структуры") == analyzer.terms("спецслужбы")
    assert analyzer.terms("силовые структуры") != analyzer.terms("структура")
    assert analyzer.terms("дипведомство") != analyzer.terms("ведомство")


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # Only the body's kind and the harbour tell the inspection from the collapse.
        ("Какая структура следит за кранами порта Поти?", "harbour-inspection"),
        ("Poti limanında kranlara hansı orqan baxır?", "harbour-inspection"),
        # Only the slang says the workers were arrested.
        ("в алате паромщиков винтят?", "ferry-strike-arrests"),
        ("правда что в алате пакуют работников парома", "ferry-strike-arrests"),
    ],
)
def test_the_word_finds_its_fact(matcher: Matcher, question: str, fact: str) -> None:
    result = matcher.ask(question)
    assert result.best is not None
    assert result.best.fact.id == fact
    assert result.decision is not Decision.UNKNOWN


@pytest.mark.parametrize(
    ("group", "member", "said"),
    [
        # "дал старт" in any gender and number, "дать старт" in the infinitive.
        (TRIGGER, "дал старт", "что дало старт забастовке"),
        (TRIGGER, "дать старт", "кто решил дать старт забастовке"),
        (TRIGGER, "детонатор", "что стало детонатором забастовки"),
        # "təkan verdi", gave a push: the push alone is the trigger.
        (TRIGGER, "təkan", "tətilə nə təkan verdi"),
        # "перескажите" shares no stem with "пересказать" (к and ж); typed in Latin letters.
        (SUMMARY, "пересказать", "перескажите, что было в алате"),
        (SUMMARY, "пересказать", "kto mozhet pereskazat chto bylo v alate"),
    ],
)
def test_a_group_reads_its_idiom_in_its_forms(
    group: tuple[str, ...], member: str, said: str
) -> None:
    grouped, bare = Analyzer([group]), Analyzer()
    head = grouped.terms(group[0])
    assert set(head) <= set(grouped.terms(said)), said
    assert not set(bare.terms(group[0])) & set(bare.terms(said)), said
    assert set(grouped.terms(member)) == set(head)
