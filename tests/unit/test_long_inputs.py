"""Long and odd inputs a member could paste are answered with bounded work.

The matcher answers in the event loop, so one slow question holds up every server's replies.
These tests count the work that once grew without bound (a pasted "word" hundreds of letters
long, a message of several sentences over a large fact base) rather than time it: a count does
not turn flaky on a busy machine, and it fails at once if the growth comes back.

The facts and questions are written for these tests; none comes from the benchmark's data.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.core import russian_chat_spellings
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.russian_chat_spellings import respelled
from bot.core.text import Analyzer

FERRY = Fact(
    "ferry-cancelled",
    "The harbour authority cancelled the night ferry to the island after a storm damaged the "
    "pier on Friday.",
    ("why was the night ferry cancelled", "what happened to the island ferry"),
)
MUSEUM = Fact(
    "museum-reopened",
    "The city museum reopened its east wing on Saturday after two years of repairs to the roof.",
    ("when did the museum reopen", "why was the museum closed"),
)


class _CountedTries:
    """Stands in for the word-frequency lookup of each reading tried; stops the test once far
    more readings are tried than any word of a real message needs."""

    LIMIT = 2_000

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, word: str) -> float:
        self.count += 1
        if self.count > self.LIMIT:
            raise AssertionError(f"{self.count} readings tried for one word")
        return 0.0


@pytest.fixture
def counted_tries(monkeypatch: pytest.MonkeyPatch) -> Iterator[_CountedTries]:
    counter = _CountedTries()
    monkeypatch.setattr(russian_chat_spellings, "_zipf", counter)
    respelled.cache_clear()
    yield counter
    respelled.cache_clear()


def test_a_pasted_russian_word_of_hundreds_of_letters_is_no_chat_spelling_and_quick(
    counted_tries: _CountedTries,
) -> None:
    # Full of letters chat writes for others ("а" for "о", "ш" for "ч"): read three at a
    # time, its readings run to millions.
    word = "шапкащиталаш" * 40
    assert respelled(word) is None
    assert counted_tries.count == 0


def test_a_stretched_word_is_still_read_however_long_the_stretch(
    counted_tries: _CountedTries,
) -> None:
    # Undone, the stretch leaves a short word: its readings are tried as before.
    respelled("да" + "а" * 300)
    assert 0 < counted_tries.count <= _CountedTries.LIMIT


class _NoWalk(dict[str, int]):
    """A fact base's term counts that refuse to be walked whole: a question reads a few of its
    terms, never all of them."""

    def __iter__(self) -> Iterator[str]:
        raise AssertionError("a question walked every term of the facts")


@pytest.fixture
def matcher() -> Matcher:
    return Matcher([FERRY, MUSEUM], analyzer=Analyzer())


def test_a_message_of_several_sentences_reads_only_its_own_terms(matcher: Matcher) -> None:
    asked = (
        "I was at the harbour this morning. My cousin lives on the island. "
        "Why was the night ferry cancelled?"
    )
    before = matcher.ask(asked)
    matcher._df = _NoWalk(matcher._df)
    after = matcher.ask(asked)
    assert after.best is not None and after.best.fact.id == "ferry-cancelled"
    assert after.decision is before.decision is Decision.ANSWER
    assert [(m.fact.id, m.score) for m in after.matches] == [
        (m.fact.id, m.score) for m in before.matches
    ]


def test_sentences_that_only_tell_are_read_without_walking_the_terms(matcher: Matcher) -> None:
    # No sentence asks anything the facts know: the told sentences are the question's topic.
    told = "The museum reopened. Is that true and why?"
    before = matcher.ask(told)
    matcher._df = _NoWalk(matcher._df)
    after = matcher.ask(told)
    assert [(m.fact.id, m.score) for m in after.matches] == [
        (m.fact.id, m.score) for m in before.matches
    ]
    assert after.best is not None and after.best.fact.id == "museum-reopened"
