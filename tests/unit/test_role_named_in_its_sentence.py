"""A role holder's name is asked for ("who is the environment minister"): the name
must stand beside the role in the same sentence (issue 11, point 2). A place ending the sentence
before ("... near Poti. Georgia's environment minister said ...") names no minister, so that
fact is not answered outright, while one that writes the minister's name beside the role is."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.role_names import named_roles

SPILL = Fact(
    "poti-fuel-spill",
    "A tanker ran aground on 2 February outside the harbour near Poti. Georgia's environment "
    "minister said the fuel spill would take at least a month to clear.",
    (
        "where did the tanker run aground",
        "how long will the poti spill take to clear",
        "what did georgia's environment minister say about the spill",
    ),
)
CLEAN_UP = Fact(
    "batumi-clean-up-crews",
    "Georgia's environment minister, Nino Dzidziguri, sent clean-up crews from Batumi to the "
    "Poti spill on 3 February.",
    ("who sent the clean-up crews to poti", "where did the clean-up crews come from"),
)


@pytest.mark.parametrize(
    "answer",
    [
        "The ship sank near Poti. Georgia's environment minister said little.",
        "Talks ended in Baku! The foreign minister left early.",
    ],
)
def test_a_name_ending_the_sentence_before_names_no_role(answer: str) -> None:
    assert named_roles(answer) == ()


def test_a_name_beside_its_role_still_counts() -> None:
    roles = named_roles("Crews came from Batumi. Environment Minister Nino Dzidziguri sent them.")
    assert "environment minister" in roles
    roles = named_roles("Nino Dzidziguri, the environment minister, sent them.")
    assert "environment minister" in roles


def test_a_fact_naming_no_minister_does_not_answer_who_the_minister_is() -> None:
    result = Matcher([SPILL]).ask("who is georgia's environment minister")
    assert result.decision is not Decision.ANSWER


def test_a_fact_naming_the_minister_answers() -> None:
    result = Matcher([CLEAN_UP]).ask("who is georgia's environment minister")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "batumi-clean-up-crews"
