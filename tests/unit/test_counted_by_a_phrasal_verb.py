"""A count of people asked with a phrasal verb no fact uses ("how many ppl showed up", "how
many people turned out") is a count of people (issue 11: a count whose verb no fact has).

What a count is of must stand beside a fact's number ("4,000 people rallied"); the asker's
"showed up" is nowhere in the facts, so every fact was read as counting something else and the
rally's count was not answered outright. A plain verb no fact has ("how many people died")
still asks a count the facts do not give. The town and its rally are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.focus import question_focus
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact

RALLY = Fact(
    "dornvik-rally",
    "About 4,000 people rallied in Dornvik's harbour square on 9 March against the closure of "
    "the town's shipyard, the organisers said.",
    ("how big was the dornvik rally", "why did dornvik rally", "where was the rally held"),
    date=dt.date(2026, 3, 9),
)
DETENTIONS = Fact(
    "dornvik-detentions",
    "Police detained 12 protesters in Dornvik after the rally on 9 March, the town's police "
    "chief said.",
    ("were protesters detained in dornvik", "what did the police do after the rally"),
    date=dt.date(2026, 3, 9),
)
FACTS = [RALLY, DETENTIONS]


@pytest.mark.parametrize(
    "question",
    [
        "dornvik rally how many ppl showed up",
        "how many people turned out for the rally in dornvik",
    ],
)
def test_people_counted_by_a_phrasal_verb_get_the_count(question: str) -> None:
    result = Matcher(FACTS).ask(question)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "dornvik-rally"


def test_a_plain_verb_no_fact_has_still_asks_another_count() -> None:
    result = Matcher(FACTS).ask("how many people died at the dornvik rally")
    assert result.decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "people"),
    [
        ("how many ppl showed up", True),
        ("how many folks pulled out of the town", True),
        ("how many people died", False),
        ("how many ships went out", False),
    ],
)
def test_which_questions_count_people_by_a_phrasal_verb(question: str, people: bool) -> None:
    assert question_focus(question.split()).counted_people is people


def test_chat_filler_is_not_what_is_counted() -> None:
    assert question_focus("how many rockets though".split()).counted == ("rockets",)
