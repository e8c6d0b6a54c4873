"""An Azerbaijani verbal noun in "-ma" / "-mə" that the lexicon lists as a noun is indexed whole
("gecikməsi", its delay, as "gecikmə"), so no fact holds its verb's root alone, and a question
asking with another form of the verb ("gecikir", is late; "gecikirdi", was late) met nothing:
the ferries' other fact, sharing their place and their name, came first. Such a word is read
as the verbal noun of its root (``QueryTerms._az_verbal_noun_of``) by the chain of endings
after the root (``az_chains``).

Every example is this file's own (ferries at Alat), never the knowledge's nor the bench's
questions.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

DELAYS = Fact(
    "ferry-delays",
    "Ferries from Alat are delayed because of strong wind.",
    ("why are the ferries delayed",),
    translations=(
        Translation(
            "az",
            "Güclü külək səbəbindən Ələtdən bərələrin gecikməsi davam edir.",
            ("bərələrin gecikməsinin səbəbi nədir",),
        ),
    ),
)
GRAIN = Fact(
    "ferry-grain",
    "Ferries from Alat carry grain on a new route.",
    ("what do the ferries from alat carry",),
    translations=(
        Translation(
            "az",
            "Ələtdən bərələr yeni marşrutla taxıl daşıyır.",
            ("ələtdən bərələr nə daşıyır",),
        ),
    ),
)


@pytest.fixture(scope="module")
def ferries() -> Matcher:
    return Matcher([DELAYS, GRAIN], analyzer=Analyzer())


@pytest.mark.parametrize(
    "question",
    [
        "Ələtdən bərələr niyə gecikir?",  # the present
        "Ələtdən bərələr niyə gecikirdi?",  # the past continuous
        "eletden bereler niye gecikir",  # typed without its letters
    ],
)
def test_a_question_asking_with_the_verb_gets_the_fact_with_its_noun(
    ferries: Matcher, question: str
) -> None:
    result = ferries.ask(question)
    assert result.best is not None and result.best.fact.id == "ferry-delays"
    assert result.decision is Decision.ANSWER


def test_a_word_that_is_no_form_of_the_verb_stays_unknown(ferries: Matcher) -> None:
    _, asked = ferries.explain("Ələtdən bərələr niyə gecə işləmir?")
    assert "gecikme" not in {qt.term for qt in asked.query}
