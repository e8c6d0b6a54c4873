"""An Azerbaijani question word no fact holds is read as a form of a fact's word by the chain of
endings after it (``bot.core.az_chains``): "qalmasının" (of its staying) of a fact saying
"qalır" (stays), "aparan" (carrying) of one saying "aparır". Left a word of its own, the verb
the question turns on met nothing, and the question was only offered.

Every example is this file's own (ferries and a harbour), never the knowledge's nor the bench's
questions.
"""

from __future__ import annotations

import pytest

from bot.core.az_chains import chain_start
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact, Translation
from bot.core.text import Analyzer

HELD = frozenset({"qal", "apar", "deyis", "gel", "2021", "olke", "men", "xeber", "pis"})


@pytest.mark.parametrize(
    ("word", "start"),
    [
        ("qalmasinin", "qal"),  # the verbal noun, its possessive and case
        ("aparan", "apar"),  # the participle
        ("deyismekdedir", "deyis"),  # the infinitive, its locative and the copula
        ("gelende", "gel"),  # the converb of time
        ("gelmeyecekmi", "gel"),  # the negative future with the question particle
        ("2021den", "2021"),  # a year with its case ending, typed without the hyphen
    ],
)
def test_a_verb_form_is_read_as_its_root(word: str, start: str) -> None:
    assert chain_start(word, HELD.__contains__) == start


@pytest.mark.parametrize(
    "word",
    [
        "xebersiz",  # uninformed: "-siz" makes another word
        "mena",  # meaning, no "mən" with an ending
        "olkeyik",  # a noun's own chain is left to the stemmers
        "pisikler",  # cats, no "pis" (bad)
        "dovlet",  # nothing held starts it
    ],
)
def test_a_word_that_is_no_form_of_a_held_word_stays_unread(word: str) -> None:
    assert chain_start(word, HELD.__contains__) is None


FERRIES_STAY = Fact(
    "ferries-in-port",
    "The ferries stay in port at Alat because of the storm.",
    ("why are the ferries in port",),
    translations=(
        Translation(
            "az",
            "Fırtına səbəbindən bərələr Ələt limanında qalır.",
            ("bərələr niyə limanda qalır",),
        ),
    ),
)
FERRIES_CARRY = Fact(
    "ferries-carry-grain",
    "The ferries carry grain from Alat to Turkmenbashi on a new route.",
    ("what do the ferries carry",),
    translations=(
        Translation(
            "az",
            "Bərələr yeni marşrutla Ələtdən Türkmənbaşıya taxıl aparır.",
            ("bərələr nə aparır",),
        ),
    ),
)


def test_a_question_turning_on_a_verb_form_is_answered() -> None:
    matcher = Matcher([FERRIES_STAY, FERRIES_CARRY], analyzer=Analyzer())
    result = matcher.ask("bərələrin qalmasının səbəbi nədir")
    assert result.best is not None and result.best.fact.id == "ferries-in-port"
    assert result.decision is Decision.ANSWER
