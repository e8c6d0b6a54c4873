"""A fact that only mentions what is asked is not an answer (issue 11, point 2): a people's word
or a number beside a role or a thing is no name ("the Georgian leader", "Three border guards"),
"the names of the two sailors" asks for the sailors' own names, "when is the ferry supposed to
sail" asks of something still to come, which a fact dating only what happened does not say, and
"when exactly" asks the day, which a year does not give. Such facts are offered at most; the
facts that do state the name, the plan or the day are answered."""

from __future__ import annotations

import pytest

from bot.core.asked_roles import asked_roles
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.role_names import named_roles, names_beside
from bot.core.text import Analyzer
from bot.core.wants import Want

LEADER_UNNAMED = Fact(
    "lars-talks",
    "Talks on the Lars crossing ended in Vladikavkaz on 4 March, after the Georgian leader "
    "had agreed to reopen it for lorries.",
    ("where did the lars talks end", "did georgia agree to reopen lars"),
)
LEADER_NAMED = Fact(
    "lars-reopening",
    "Georgia's leader, Tamar Beridze, reopened the Lars crossing for lorries on 6 March.",
    ("when did lars reopen", "who reopened the lars crossing", "who is georgia's leader now"),
)
GUARDS = Fact(
    "lars-shooting",
    "Three border guards were the first to reach the Upper Lars checkpoint after shots were "
    "fired on 9 March. One of them returned fire and wounded the gunman.",
    ("who stopped the gunman at lars", "was anyone hurt in the lars shooting"),
)
SAILORS_UNNAMED = Fact(
    "ochakiv-boat",
    "A drone hit a fishing boat off Ochakiv on 3 May, killing two sailors, the Black Sea Fleet "
    "command said.",
    ("what happened to the fishing boat off ochakiv", "how many sailors died off ochakiv"),
)
SAILORS_NAMED = Fact(
    "ochakiv-boat-crew",
    "The fishing boat hit off Ochakiv on 3 May lost its sailors Ivan Kovalenko and Petro "
    "Bondar, the port authority said.",
    ("what were the names of the sailors on the ochakiv boat", "who died on the ochakiv boat"),
)
# Another story's fact whose curator asks for names, so that "names" is a word the facts know.
FERRY_NAMES = Fact(
    "poti-new-ferries",
    "The two new Poti ferries, the Rioni and the Enguri, were launched in Batumi in April.",
    ("what are the names of the new poti ferries", "where were the poti ferries launched"),
)
FERRY_STOPPED = Fact(
    "poti-ferry-stopped",
    "The ferry between Poti and Chornomorsk stopped sailing on 2 February after a storm "
    "damaged the Poti pier.",
    ("why did the poti ferry stop", "when did the poti ferry stop sailing"),
)
FERRY_RESTART = Fact(
    "poti-ferry-restart",
    "The ferry between Poti and Chornomorsk is expected to sail again on 20 February, once "
    "the Poti pier is repaired.",
    ("when will the poti ferry sail again", "is the poti ferry coming back"),
)


@pytest.mark.parametrize(
    "answer",
    [
        "The talks ended after the Georgian leader had agreed.",
        "Officials in Tbilisi said the Kremlin spokesman had called.",
        "One general said the crossing would stay shut.",
    ],
)
def test_a_peoples_word_or_a_number_before_a_role_names_no_one(answer: str) -> None:
    assert named_roles(answer) == ()


def test_a_name_before_a_peoples_word_still_names_the_role() -> None:
    assert "minister" in named_roles("Tamar Beridze, the Georgian minister, spoke on Monday.")


def test_a_thing_is_not_named_by_a_number_or_a_peoples_word() -> None:
    assert not names_beside("Three border guards came first.", "guard")
    assert not names_beside("Two men of Georgian nationality were held.", "men")
    assert names_beside("They were taken to the Rustavi prison.", "prison")


def test_who_is_the_leader_is_not_answered_by_a_fact_naming_no_leader() -> None:
    result = Matcher([LEADER_UNNAMED]).ask("who is the georgian leader")
    assert result.decision is not Decision.ANSWER


def test_who_is_the_leader_is_answered_by_the_fact_naming_her() -> None:
    result = Matcher([LEADER_NAMED]).ask("who is the georgian leader")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "lars-reopening"


def test_the_name_of_a_guard_is_not_given_by_a_fact_counting_guards() -> None:
    result = Matcher([GUARDS]).ask("what is the name of the guard who wounded the lars gunman")
    assert result.decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("what were the names of the two ukrainian sailors", "sailors"),
        ("what were the names of the 2 sailors", "sailors"),
        ("what is the name of the prison", "prison"),
    ],
)
def test_the_names_of_a_thing_ask_for_that_things_names(question: str, thing: str) -> None:
    assert asked_roles(question.split()) == (thing,)


def test_the_sailors_names_are_not_given_by_a_fact_counting_them() -> None:
    matcher = Matcher([SAILORS_UNNAMED, FERRY_NAMES])
    result = matcher.ask("what were the names of the two sailors killed off ochakiv")
    assert result.best is not None and result.best.fact.id == "ochakiv-boat"
    assert result.decision is not Decision.ANSWER


def test_the_sailors_names_are_given_by_the_fact_naming_them() -> None:
    result = Matcher([SAILORS_NAMED, FERRY_NAMES]).ask(
        "what were the names of the two sailors on the ochakiv boat"
    )
    assert result.best is not None and result.best.fact.id == "ochakiv-boat-crew"
    assert result.decision is Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "when is the poti ferry supposed to sail again",
        "when r the repairs due",
        "when are the ferries to poti scheduled to restart",
    ],
)
def test_when_is_something_planned_asks_of_what_is_still_to_come(question: str) -> None:
    assert Analyzer(()).focus(question).wants & Want.FUTURE


@pytest.mark.parametrize("question", ["when is the vote", "when was the ferry supposed to sail"])
def test_when_is_alone_or_in_the_past_asks_a_date(question: str) -> None:
    assert not Analyzer(()).focus(question).wants & Want.FUTURE


def test_a_plan_is_not_answered_by_a_fact_dating_only_what_happened() -> None:
    result = Matcher([FERRY_STOPPED]).ask("when is the poti ferry supposed to sail again")
    assert result.decision is not Decision.ANSWER


def test_a_plan_is_answered_by_the_fact_that_states_it() -> None:
    facts = [FERRY_STOPPED, FERRY_RESTART]
    result = Matcher(facts).ask("when is the poti ferry supposed to sail again")
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == "poti-ferry-restart"


YEAR_ONLY = Fact(
    "lars-closure-2022",
    "Georgia closed the Lars crossing to lorries for the winter of 2022, after queues of "
    "several kilometres built up on the Russian side.",
    ("why was lars closed", "when was the lars crossing closed"),
)
DAY_GIVEN = Fact(
    "lars-closure-day",
    "Georgia closed the Lars crossing to lorries on 14 December 2022, after queues of several "
    "kilometres built up on the Russian side.",
    ("why was lars closed", "when was the lars crossing closed"),
)


@pytest.mark.parametrize(
    "question", ["when exactly was the lars crossing closed", "exactly when did lars close"]
)
def test_when_exactly_asks_for_the_day(question: str) -> None:
    assert Analyzer(()).focus(question).wants & Want.DAY


def test_when_exactly_is_not_answered_by_a_year() -> None:
    result = Matcher([YEAR_ONLY]).ask("when exactly was the lars crossing closed")
    assert result.decision is not Decision.ANSWER


def test_when_exactly_is_answered_by_the_day() -> None:
    result = Matcher([DAY_GIVEN]).ask("when exactly was the lars crossing closed")
    assert result.decision is Decision.ANSWER
