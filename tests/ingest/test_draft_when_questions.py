"""A drafted fact that gives a day is asked "when" (issue 12): readers ask when a thing
happened, and a fact with a date but no "when" question is found only by its other words.

The sentences are our own. Each shape below used to give no "when" question: the day between
the subject and its verb, a relative day ("that night") read as a relative clause, "announced"
with a thing for its object read as reported speech, a participle after a verb's pronoun
object ("ordered him held") refused as a second past tense, and a date that is the verb's
object ("set 2 June as the start of ...", once asked "how many june as ..."). Last, a figure
put on a thing ("put the toll at six") is asked as the figure, not as who put it.
"""

from __future__ import annotations

import pytest

from bot.ingest.question_check import problem
from bot.ingest.questions import generate


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("The town council on Tuesday approved a new bus route to the airport.",
         "when did the town council approve a new bus route"),
        ("The next day, farmers in Sisian blocked the main road to protest at water cuts.",
         "when did farmers in sisian block the main road"),
        ("The border service closed the crossing at Lars that night.",
         "when did the border service close the crossing"),
        ("The minister announced the new tariffs on Monday at a meeting with exporters.",
         "when did the minister announce the new tariffs"),
        ("On Friday a court in Rustavi ordered him held in custody for two months.",
         "when did the court in rustavi order him held in custody"),
        ("On Wednesday the election board set 2 June as the start of the campaign.",
         "when was the start of the campaign"),
    ],
)  # fmt: skip
def test_a_sentence_giving_its_day_is_asked_when(sentence: str, asked: str) -> None:
    questions = generate(sentence)
    assert any(q.startswith(asked) for q in questions), questions
    assert len(questions) <= 4


def test_an_announced_thing_is_asked_what_was_announced_not_what_was_said() -> None:
    questions = generate("The minister announced the new tariffs on Monday.")
    assert "what did the minister announce" in questions, questions
    assert "what did the minister say" not in questions


def test_an_announced_statement_is_still_reported_speech() -> None:
    """ "announced that ..." and "announced plans to ..." report what was said."""
    for sentence in ("The minister announced that the tariffs would rise.",
                     "The minister announced plans to raise the tariffs."):  # fmt: skip
        assert "what did the minister say" in generate(sentence), generate(sentence)


def test_a_day_owning_a_noun_is_no_time_of_the_verb() -> None:
    """ "Sunday's vote" says which vote: "when was turnout in sunday's vote ..." asks
    nothing the sentence tells."""
    assert not any(q.startswith("when") for q in generate("Turnout in Sunday's vote was 61%."))


def test_no_when_question_ends_on_a_verb_whose_clause_was_cut() -> None:
    questions = generate("A court in Vanadzor on Thursday ordered that the blogger be released.")
    assert not any(q.startswith("when") and q.endswith(" order") for q in questions), questions


def test_a_month_is_no_counted_thing() -> None:
    questions = generate("On Wednesday the election board set 2 June as the start of the campaign.")
    assert not any(q.startswith("how many") for q in questions), questions


def test_a_participle_after_a_pronoun_object_is_english_and_a_second_past_is_not() -> None:
    assert problem("when did the court order him held in custody") is None
    assert problem("when did the council have it removed") is None
    assert problem("when did the court order him went home") is not None


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("Police estimated the crowd outside the mayor's office at 3,000.",
         "how big was the crowd"),
        ("Local officials had put the toll in the valley at six.",
         "what was the toll in the valley"),
        ("The board put turnout at 47 percent.", "what was the turnout"),
    ],
)  # fmt: skip
def test_a_figure_put_on_a_thing_is_asked_as_readers_ask_it(sentence: str, asked: str) -> None:
    """ "put the toll at six": readers ask what the toll was, or how big a crowd was, not
    "who put turnout at 47 percent"."""
    assert any(q.startswith(asked) for q in generate(sentence)), generate(sentence)


def test_putting_a_thing_somewhere_is_no_figure() -> None:
    questions = generate("The museum put the old bell on display in the square.")
    assert not any(q.startswith(("what was", "how big")) for q in questions), questions
