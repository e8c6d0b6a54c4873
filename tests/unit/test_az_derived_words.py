"""An Azerbaijani word is not a misspelling of a word made from it: "təhlükə" (danger) is no
"təhlükəsizlik" (security) cut short, nor "yaxınları" (their close ones, relatives) a form of
"yaxınlaşmaq" (to draw near). Read as such, a question about a danger met a fact about a
security pact.

The facts are this file's own, never the live knowledge nor the bench's questions.
"""

from __future__ import annotations

from bot.core.az_nouns import az_derived
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

SECURITY_PACT = Fact(
    "georgia-security-pact",
    "Georgia and Turkey are moving closer and are weighing a security pact.",
    ("georgia turkey security pact",),
    translations=(
        Translation(
            "az",
            "Gürcüstan Türkiyə ilə yaxınlaşır və təhlükəsizlik paktını nəzərdən keçirir.",
            ("gürcüstan türkiyə ilə yaxınlaşır", "gürcüstan türkiyə təhlükəsizlik paktı"),
        ),
    ),
)
FLOOD = Fact(
    "batumi-flood",
    "A flood closed the port of Batumi for three days.",
    ("why was batumi port closed",),
    translations=(
        Translation(
            "az",
            "Daşqın Batumi limanını üç günlük bağladı.",
            ("batumi limanı niyə bağlandı",),
        ),
    ),
)


def test_a_derived_word_is_another_word() -> None:
    assert az_derived("tehluk", "tehlukesizlik")
    assert az_derived("yaxin", "yaxinlas")
    assert az_derived("qohum", "qohumluq")
    assert not az_derived("yekaterinburq", "yekaterinburg")
    assert not az_derived("limani", "liman")
    assert not az_derived("gurcu", "gurcustan")  # "-stan" makes a place, and is no derivation


def test_danger_is_not_read_as_security() -> None:
    matcher = Matcher([SECURITY_PACT, FLOOD], analyzer=Analyzer())
    _, asked = matcher.explain("Gürcüstan üçün təhlükə nədir?")
    assert "tehlukesizlik" not in {qt.term for qt in asked.query}
    assert matcher.ask("Gürcüstan üçün təhlükə nədir?").decision is not Decision.ANSWER
    result = matcher.ask("Gürcüstan Türkiyə ilə təhlükəsizlik paktı bağlayır?")
    assert result.best is not None and result.best.fact.id == "georgia-security-pact"


def test_relatives_are_not_read_as_drawing_near() -> None:
    matcher = Matcher([SECURITY_PACT, FLOOD], analyzer=Analyzer())
    _, asked = matcher.explain("dənizçilərin yaxınları nə deyir")
    assert not any(qt.term.startswith("yaxinlas") for qt in asked.query)
