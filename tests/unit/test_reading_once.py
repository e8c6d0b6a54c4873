"""A question's folding and a word's Russian reading, worked out once and shared (a speed
change): what is shared is what each reader worked out for itself before.

The questions and words are this file's own.
"""

from __future__ import annotations

import pytest

from bot.core import latin_russian
from bot.core.chat_expansion import chat_folded, expand_chat
from bot.core.folding import fold
from bot.core.text import Analyzer


@pytest.mark.parametrize(
    "question",
    [
        "wat did the pm say abt the Tovrin ferry??",
        "when's the new bridge in Halmo opening, ppl",
        "Why did the council of Vessa close the port after the storm on 3 May",
        "how much did the €300 million loan cost",
        "",
    ],
)
def test_a_question_is_folded_as_each_stage_folded_it(question: str) -> None:
    assert chat_folded(question) == expand_chat(fold(question))
    # Asked again, the same reading.
    assert chat_folded(question) == expand_chat(fold(question))


def test_a_remembered_question_reads_as_one_read_afresh() -> None:
    question = "wat did the pm say abt the Tovrin ferry"
    analyzer = Analyzer()
    remembered = analyzer.analyze(question)
    assert remembered == analyzer.analyze(question, remember=False)
    assert analyzer.focus(question, "en") == Analyzer().focus(question, "en")


@pytest.mark.parametrize("word", ["pochemu", "posla", "vessa", "halmoport", "xyzzq", "", "ферри"])
def test_a_words_russian_frequency_is_its_readings(word: str) -> None:
    """Weighing a word's language reads its Russian frequency without spelling out a word
    that is no Russian; the frequency is the one its full reading gives."""
    assert latin_russian.russian_frequency(word) == latin_russian.reading(word)[1]
