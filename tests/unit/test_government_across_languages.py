""" "Правительство" and "hökumət" are the government of an English fact, as a name in any
script meets it: a Russian or Azerbaijani question about what a government did meets the
fact that says so in English, and not a sibling about a city council.

The facts and questions are written for these tests; none comes from the benchmark questions.
"""

from __future__ import annotations

from bot.core.matcher import Matcher
from bot.core.models import Fact
from bot.core.text import Analyzer

BUDGET = Fact(
    "flood-emergency-budget",
    "After the spring flood the government asked parliament for an emergency budget of "
    "90 million manat to rebuild bridges and roads.",
    ("what did the government ask parliament for after the flood",),
)
SCHOOLS = Fact(
    "flood-schools-closed",
    "After the spring flood the city council closed three schools in the lower town.",
    ("which schools did the council close",),
)


def test_government_is_one_word_in_three_languages() -> None:
    analyzer = Analyzer()
    government = analyzer.terms("government")
    assert analyzer.terms("правительства") == government
    assert analyzer.terms("Azərbaycan hökuməti") == analyzer.terms("Azərbaycan government")


def test_a_russian_or_azerbaijani_question_meets_the_english_government() -> None:
    matcher = Matcher([BUDGET, SCHOOLS], analyzer=Analyzer())
    for question in ("о чём правительство попросило парламент?", "Hökumət parlamentdən nə istədi?"):
        result = matcher.ask(question)
        assert result.best is not None, question
        assert result.best.fact.id == "flood-emergency-budget", question
