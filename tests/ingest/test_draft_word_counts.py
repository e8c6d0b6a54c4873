"""A count written in words states a fact as digits do (issue 12: drafts that answer readers).

Wire style spells out numbers under ten ("nine years", "three people"); a short sentence whose
only figure is such a count ("Prosecutors had asked for nine years.") was dropped as stating
nothing, and "how long did prosecutors want" found no fact. Sentences of our own.
"""

from __future__ import annotations

from bot.ingest.fact_sentences import is_statement
from tests.ingest.drafting import draft_of, fact_with

TRIAL = """Court in Velna jails former mayor Oren Tadić
Published: 2025-04-03

VELNA, April 3 - A Velna court sentenced former mayor Oren Tadić to six years in prison on
Wednesday for taking bribes from building firms.

The judge ordered him held at once. Prosecutors had asked for nine years.

Oren Tadić's lawyer said the defence would appeal within a month.
"""


def test_a_count_in_words_makes_a_statement() -> None:
    assert is_statement("Prosecutors had asked for nine years.")
    assert is_statement("Gunfire was heard in the streets for the next two days.")
    assert is_statement("Three people were hurt in the crush.")
    # A number word that counts nothing is no figure ("one of the ...", "no one").
    assert not is_statement("The one thing that mattered was left out.")
    assert not is_statement("No one was there to see it.")


def test_the_asked_sentence_is_drafted() -> None:
    draft = draft_of(TRIAL)
    asked = fact_with(draft, "nine years")
    assert asked.questions, asked
