"""What the analyser remembers of the texts it read (their terms, what they ask for, their
language) stays within its bound however many different questions a bot is asked, and forgetting
changes no answer: a question asked after its reading was forgotten is answered as before.

The facts and questions are this file's own (an invented harbour town).
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from bot.core import language, text
from bot.core.matcher import Matcher
from bot.core.models import AskResult, Fact, Translation

FACTS = [
    Fact(
        "quillhaven-harbour",
        "The Quillhaven harbour was closed because of a fuel spill.",
        ("why was the quillhaven harbour closed",),
        translations=(
            Translation(
                "ru",
                "Гавань Квиллхейвена закрыли из-за разлива топлива.",
                ("почему закрыли гавань квиллхейвена",),
            ),
        ),
    ),
    Fact(
        "morrowick-ferry",
        "The ferry from Quillhaven to Morrowick was suspended for the winter storms.",
        ("why was the morrowick ferry suspended",),
    ),
]
# Different questions, each asked once, as a bot meets them for as long as it runs.
ENGLISH = [f"why was the quillhaven harbour closed on day {n}" for n in range(60)]
RUSSIAN = [f"почему закрыли гавань квиллхейвена {n} марта" for n in range(60)]
BOUND = 25


def _shown(result: AskResult) -> tuple[object, ...]:
    return result.decision, tuple((m.fact.id, m.score, m.matched_question) for m in result.matches)


def _answers(matcher: Matcher, questions: list[str]) -> list[tuple[object, ...]]:
    return [_shown(matcher.ask(question)) for question in questions]


@pytest.mark.parametrize("questions", [ENGLISH, RUSSIAN], ids=["english", "russian"])
def test_many_different_questions_keep_the_remembered_terms_within_bound(
    monkeypatch: pytest.MonkeyPatch, questions: list[str]
) -> None:
    """Russian questions too: they were remembered without a bound until an English question
    made room."""
    expected = _answers(Matcher(FACTS), questions)
    monkeypatch.setattr(text, "REMEMBERED_TEXTS", BOUND)
    matcher = Matcher(FACTS)
    asked = []
    for question in questions:
        asked.append(_shown(matcher.ask(question)))
        assert len(matcher.analyzer._cache) <= BOUND
    assert asked == expected
    # Asked again once forgotten: the same answers.
    assert _answers(matcher, questions) == expected
    first = matcher.ask(questions[0]).best
    assert first is not None and first.fact.id == "quillhaven-harbour"


def test_what_a_question_asks_for_is_remembered_within_bound_and_forgotten_harmlessly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert text._focus_in.cache_info().maxsize == text.REMEMBERED_TEXTS
    assert language.detect.cache_info().maxsize == text.REMEMBERED_TEXTS
    questions = ENGLISH + RUSSIAN
    expected = _answers(Matcher(FACTS), questions)
    small = lru_cache(maxsize=BOUND)(text._focus_in.__wrapped__)
    monkeypatch.setattr(text, "_focus_in", small)
    matcher = Matcher(FACTS)
    assert _answers(matcher, questions) == expected
    assert small.cache_info().currsize <= BOUND
    assert small.cache_info().misses >= len(questions)
    assert _answers(matcher, questions) == expected
