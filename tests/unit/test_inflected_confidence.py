"""The confidence model is fitted on Russian and Azerbaijani tune questions too
(``bench/calibrate.py``): a question in either language, its words inflected, that matches one
fact well is answered outright, and one about something the knowledge does not hold is not.

The facts are this file's own, never the live knowledge nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

BRIDGE = Fact(
    "bridge-closed",
    "The old bridge over the Kura in Mingachevir was closed after cracks were found in a pillar.",
    (
        "why was the bridge in mingachevir closed",
        "what happened to the kura bridge",
        "is the mingachevir bridge open",
    ),
    translations=(
        Translation(
            "ru",
            "Старый мост через Куру в Мингечевире закрыли после того, как в опоре нашли трещины.",
            (
                "почему закрыли мост в мингечевире",
                "что случилось с мостом через куру",
                "открыт ли мост в мингечевире",
            ),
        ),
        Translation(
            "az",
            "Mingəçevirdə Kür üzərindəki köhnə körpü dayağında çatlar tapıldıqdan sonra bağlandı.",
            (
                "mingəçevirdə körpü niyə bağlandı",
                "kür üzərindəki körpüyə nə oldu",
                "mingəçevir körpüsü açıqdır",
            ),
        ),
    ),
)
FERRY = Fact(
    "ferry-added",
    "A ferry now carries cars across the Kura while the bridge is shut.",
    (
        "how do cars cross the kura now",
        "is there a ferry in mingachevir",
        "what replaced the bridge",
    ),
    translations=(
        Translation(
            "ru",
            "Пока мост закрыт, машины через Куру перевозит паром.",
            (
                "как машины переправляются через куру",
                "есть ли паром в мингечевире",
                "что заменило мост",
            ),
        ),
        Translation(
            "az",
            "Körpü bağlı olduğu müddətdə maşınları Kürün o tayına bərə daşıyır.",
            (
                "maşınlar kürü necə keçir",
                "mingəçevirdə bərə varmı",
                "körpünün yerinə nə var",
            ),
        ),
    ),
)
REPAIR = Fact(
    "repair-cost",
    "Repairing the pillar will cost 12 million manats and take eight months.",
    (
        "how much will the bridge repair cost",
        "how long will the repairs take",
        "when will the bridge reopen",
    ),
    translations=(
        Translation(
            "ru",
            "Ремонт опоры обойдётся в 12 миллионов манатов и займёт восемь месяцев.",
            (
                "сколько стоит ремонт моста",
                "сколько продлится ремонт",
                "когда откроют мост",
            ),
        ),
        Translation(
            "az",
            "Dayağın təmiri 12 milyon manata başa gələcək və səkkiz ay çəkəcək.",
            (
                "körpünün təmiri neçəyə başa gələcək",
                "təmir nə qədər çəkəcək",
                "körpü nə vaxt açılacaq",
            ),
        ),
    ),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher([BRIDGE, FERRY, REPAIR], analyzer=Analyzer())


@pytest.mark.parametrize(
    "question",
    [
        "Из-за чего закрыли старый мост в Мингечевире?",
        "Mingəçevirdəki köhnə körpünü nəyə görə bağladılar?",
    ],
)
def test_a_well_matched_inflected_question_is_answered_outright(
    matcher: Matcher, question: str
) -> None:
    result = matcher.ask(question)
    assert result.best is not None and result.best.fact.id == "bridge-closed"
    assert result.decision is Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        # Sharing only the town's name with the facts: about something they do not hold.
        "Кто мэр Мингечевира?",
        "Mingəçevirin meri kimdir?",
        "Когда в Мингечевире построили новую школу?",
        "Mingəçevirdə yeni məktəbi nə vaxt tikdilər?",
        # Sharing nothing.
        "Кто выиграл чемпионат мира по футболу в прошлом году?",
        "Keçən il futbol üzrə dünya çempionatını kim qazandı?",
    ],
)
def test_an_off_topic_inflected_question_is_not_answered(matcher: Matcher, question: str) -> None:
    assert matcher.ask(question).decision is not Decision.ANSWER
