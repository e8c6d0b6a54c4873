"""A Russian word written with "ё" is as common as the same word written with "е", which most
text uses: its weight in a question must not make it a rare, topical word."""

from __future__ import annotations

from bot.core.other_stems import frequency_in
from bot.core.text import Analyzer


def test_a_word_with_yo_is_as_common_as_both_its_spellings() -> None:
    assert frequency_in("привёл", "ru") > frequency_in("привел", "ru")
    assert frequency_in("привёл", "ru") >= 1e-5


def test_a_word_with_yo_weighs_as_the_word_with_ye() -> None:
    analyzer = Analyzer()
    (_, with_yo, _), *_ = analyzer.analyze("привёл", language="ru")
    (_, with_ye, _), *_ = analyzer.analyze("привел", language="ru")
    assert with_yo <= with_ye
