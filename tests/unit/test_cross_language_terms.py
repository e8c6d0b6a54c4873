"""Issue 15: Russian and Azerbaijani words are transliterated into one alphabet, where unrelated
stems meet by chance: the Azerbaijani "bal" (honey) and the Russian "бал" (a ball) are both
"bal". A question's own word does not meet a stem only the other language's text holds; a word
the other language uses more (a loanword or a typed transliteration, "most" for "мост") still
does, and so do names.

The facts and questions are this file's own, never the live knowledge nor the bench's questions.
"""

from __future__ import annotations

import pytest

from bot.core.index_snapshot import _decode, _payload
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

BALL = Fact(
    "ball-cancelled",
    "The city's New Year ball in Ganja was cancelled because the hall's roof leaked.",
    ("why was the new year ball in ganja cancelled", "is the ganja ball still on"),
    translations=(
        Translation(
            "ru",
            "Новогодний городской бал в Гяндже отменили: протекла крыша зала.",
            ("почему отменили бал в гяндже", "бал в гяндже будет"),
        ),
        Translation(
            "az",
            "Gəncədə Yeni il rəqs gecəsi zalın damı axdığı üçün ləğv edildi.",
            ("gəncədə rəqs gecəsi niyə ləğv edildi", "gəncə rəqs gecəsi olacaq"),
        ),
    ),
)
BRIDGE = Fact(
    "bridge-shut",
    "The footbridge over the Qudyalchay in Quba was shut after a flood damaged its supports.",
    ("why was the quba footbridge shut",),
    translations=(
        Translation(
            "ru",
            "Пешеходный мост через Гудиалчай в Губе закрыли: паводок повредил опоры.",
            ("почему закрыли мост в губе",),
        ),
        Translation(
            "az",
            "Qubada Qudyalçay üzərindəki piyada körpüsü sel dayaqlarını zədələdiyi üçün bağlanıb.",
            ("qubada piyada körpüsü niyə bağlanıb",),
        ),
    ),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher([BALL, BRIDGE], analyzer=Analyzer())


def test_an_own_word_does_not_meet_the_other_language_s_stem(matcher: Matcher) -> None:
    # "bal" (honey) is no "бал" (a ball): the question shares no word with the facts.
    result = matcher.ask("bal niyə bu qədər bahalaşıb")
    assert result.decision is not Decision.ANSWER
    ranked, _ = matcher.explain("bal niyə bu qədər bahalaşıb")
    assert all("bal" not in candidate.matched for candidate in ranked)


def test_the_same_stem_meets_its_own_language(matcher: Matcher) -> None:
    result = matcher.ask("почему отменили бал")
    assert result.best is not None and result.best.fact.id == "ball-cancelled"
    assert result.decision is Decision.ANSWER


def test_a_loanword_of_the_other_language_still_meets_its_text(matcher: Matcher) -> None:
    # "most" is Russian's "мост" (bridge) typed in an Azerbaijani question, which writes
    # "körpü": Russian uses the word far more than Turkish (the Azerbaijani word list's stand-in).
    ranked, _ = matcher.explain("qubada most niyə bağlanıb")
    assert ranked[0].entry.fact.id == "bridge-shut"
    assert "most" in ranked[0].matched


def test_the_index_snapshot_keeps_each_term_s_languages(matcher: Matcher) -> None:
    state = matcher.export_state()
    restored, _ = _decode(_payload((), state), None)
    assert restored.ask("bal niyə bu qədər bahalaşıb").decision is not Decision.ANSWER
    assert restored.export_state().term_languages == state.term_languages


FESTIVAL = Fact(
    "bal-festival",
    "The Bal honey festival in Qabala opened on Friday with two hundred beekeepers.",
    ("when did the bal festival open", "bal festival qabala"),
)


@pytest.mark.parametrize("facts", [[FESTIVAL, BALL], [BALL, FESTIVAL]])
def test_a_stem_english_text_holds_too_meets_either_language(facts: list[Fact]) -> None:
    # English text holds "bal" as well as the Russian "бал": whichever was indexed first, the
    # Azerbaijani question's "bal" meets it.
    matcher = Matcher(facts, analyzer=Analyzer())
    ranked, _ = matcher.explain("qəbələdə bal festivalı nə vaxt açıldı")
    assert ranked[0].entry.fact.id == "bal-festival"
    assert "bal" in ranked[0].matched
