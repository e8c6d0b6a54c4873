"""`question_key`: what makes two phrasings the same question."""

from __future__ import annotations

import pytest

from bot.core.same_question import question_key, same_question


@pytest.mark.parametrize(
    "other",
    [
        "Y R they mad?",
        "y r  they\tmad",
        "y r they mad!!!",
        "Y, R THEY MAD",
        "ｙ ｒ they mad",  # full-width letters, as some keyboards type them
    ],
)
def test_case_punctuation_and_spaces_do_not_make_another_question(other: str) -> None:
    assert same_question("y r they mad", other)


def test_an_apostrophe_joins_its_word() -> None:
    assert question_key("Who's in charge?") == question_key("whos in charge")


@pytest.mark.parametrize(
    "other",
    ["y r they sad", "y r they mad at us", "why are they mad", "у р зей мэд"],
)
def test_other_words_or_another_script_are_another_question(other: str) -> None:
    assert not same_question("y r they mad", other)


def test_russian_case_is_folded_but_its_letters_kept() -> None:
    assert same_question("Почему отозвали посла?", "почему отозвали посла")
    assert not same_question("почему отозвали посла", "pochemu otozvali posla")
