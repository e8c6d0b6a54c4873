"""An expression of several words ("picked up", "going on") is read as the one word it stands
for ("arrested", "happened"): a question asked so is answered by the fact that says it in one
word, which the single-word thesaurus never related to it (the analyzer drops "up" and "on")."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.multiword_paraphrases import expressions_in, key, parse, table
from bot.wordnet_tables.multiword_paraphrases import build, merge

ARRESTS = Fact(
    "organisers-arrested",
    "Police in Darkhan arrested twelve organisers of the miners' union on Tuesday, the union said.",
    ("were union organisers arrested", "how many organisers did police detain"),
)
LEADER = Fact(
    "union-leader",
    "At its congress the miners' union picked Batbold, a former driller, as its new leader.",
    ("who did the union choose as leader", "who leads the miners union"),
)
STRIKE = Fact(
    "pit-strike",
    "The miners' union called a strike at the Oyu pit over three months of unpaid wages.",
    ("why did the miners strike", "who called the strike at the oyu pit"),
)
FLOOD = Fact(
    "pit-flood",
    "Rising groundwater flooded the lower galleries of the Oyu pit, halting work for a week.",
    ("what happened at the oyu pit", "why did work stop at the pit"),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher([ARRESTS, LEADER, STRIKE, FLOOD])


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # "picked up" is "arrested", not "picked" as the union picked its leader.
        ("how many organisers got picked up", "organisers-arrested"),
        # "went on" / "going on" is "happened"; "go" alone says nothing.
        ("what went on down in the pit", "pit-flood"),
        ("wat is going on at the oyu pit", "pit-flood"),
    ],
)
def test_a_question_asked_with_an_expression_is_answered(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    result = matcher.ask(question)
    assert result.decision is Decision.ANSWER
    assert result.best is not None and result.best.fact.id == fact_id


@pytest.mark.parametrize(
    "question",
    [
        # The expression's word is in a fact, but what was picked up is in none.
        "did the police pick up the stolen car",
        # No fact says anyone resigned.
        "did batbold step down",
    ],
)
def test_an_expression_does_not_answer_what_no_fact_says(matcher: Matcher, question: str) -> None:
    assert matcher.ask(question).decision is not Decision.ANSWER


def test_the_words_of_an_expression_are_found_in_any_form() -> None:
    known = {key(["pick", "up"]): ("arrest",), key(["take", "into", "custody"]): ("arrest",)}
    assert expressions_in("They were PICKED UP at dawn", known) == [(("picked", "up"), ("arrest",))]
    # The longest expression wins, and its words are not read again.
    assert expressions_in("he was taken into custody", known) == [
        (("taken", "into", "custody"), ("arrest",))
    ]
    assert expressions_in("pick a card", known) == []


def test_the_shipped_table_relates_everyday_expressions() -> None:
    shipped = table()
    assert "arrest" in shipped[key(["pick", "up"])]
    assert "happen" in shipped[key(["go", "on"])]
    assert "resign" in shipped[key(["step", "down"])]
    assert parse("pick up\tarrest nab\n") == {"pick up": ("arrest", "nab")}


# A miniature WordNet: "pick up" is in a synset with "arrest" (arrest's first sense) and in one
# with "lift" (lift's fourth sense only); "arrest" has one sense, "lift" four.
_INDEX = [
    "  1 licence text\n",
    "arrest v 1 0 1 1 00000001  \n",
    "lift v 4 0 4 4 00000010 00000011 00000012 00000002  \n",
    "pick_up v 2 0 2 2 00000001 00000002  \n",
]
_DATA = [
    "  1 licence text\n",
    "00000001 35 v 02 arrest 0 pick_up 0 000 | take into custody  \n",
    "00000002 38 v 02 lift 0 pick_up 0 000 | raise from a lower position  \n",
    "00000010 38 v 01 lift 0 000 | take hold of and raise  \n",
    "00000011 38 v 01 lift 0 000 | remove  \n",
    "00000012 38 v 01 lift 0 000 | rise upward  \n",
]


def test_an_expression_keeps_only_words_it_is_the_main_sense_of() -> None:
    built = build(_INDEX, _DATA)
    assert built == {key(["pick", "up"]): ("arrest",)}
    assert merge(built, {key(["pick", "up"]): ("nab", "arrest")}) == {
        key(["pick", "up"]): ("arrest", "nab")
    }
