"""Azerbaijani words that say how someone asks, not what about: calling the channel ("ay
uşaqlar", hey guys) and naming the topic ("... mövzusunda", on the topic of). Weighed as
unknown topical words, they kept a long casual question below the share of its weight the
best fact must hold.
"""

from __future__ import annotations

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

PORT_STRIKE = Fact(
    "poti-port-strike",
    "Dockers at the port of Poti went on strike over unpaid wages.",
    ("why did poti dockers strike",),
    translations=(
        Translation(
            "az",
            "Poti limanında yükdaşıyanlar ödənilməmiş maaşlara görə tətil etdi.",
            ("poti limanında tətil", "yükdaşıyanlar niyə tətil edir"),
        ),
    ),
)
FLOOD = Fact(
    "batumi-flood",
    "A flood closed the port of Batumi for three days.",
    ("why was batumi port closed",),
    translations=(
        Translation("az", "Daşqın Batumi limanını üç günlük bağladı.", ("batumi limanı bağlandı",)),
    ),
)


def test_calling_the_channel_and_naming_the_topic_are_not_topics() -> None:
    analyzer = Analyzer()
    assert analyzer.terms("ay uşaqlar, poti tətili mövzusunda") == analyzer.terms("poti tətili")
    assert analyzer.terms("ay dostlar poti tətili") == analyzer.terms("poti tətili")
    # Alone, "uşaqlar" is children, and "ay" a month.
    assert len(analyzer.terms("uşaqlar limanda")) == 2
    assert analyzer.terms("bir ay") != ()


def test_a_casual_question_full_of_asking_words_is_answered() -> None:
    matcher = Matcher([PORT_STRIKE, FLOOD], analyzer=Analyzer())
    result = matcher.ask("ay usaqlar bir hefte poti limaninda tetil movzusunda ne var ne yox?")
    assert result.best is not None and result.best.fact.id == "poti-port-strike"
    assert result.decision is Decision.ANSWER
