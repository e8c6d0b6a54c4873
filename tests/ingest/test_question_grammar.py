"""The grammar gate on generated questions (issue 12, point 3): word orders that read as no
English are never written, whatever rule made them, and the parser reads the sentence shapes
that made them.

Every example is our own: questions written to show each broken shape beside well-formed ones
close to it, and ``data/corpus/martuni-spillway.txt``, a short article of our own whose
sentences open with an adverb before the subordinator ("Shortly after ..."), a time phrase
without a comma ("Last year ..."), a subject holding a participle's phrase ("The bodies of three
people killed in the flood had been brought ..."), an aside between subject and verb, and a
conditional clause without its comma.
"""

from __future__ import annotations

import pytest

from bot.ingest.main_clause import parse
from bot.ingest.question_check import problem
from bot.ingest.question_grammar import grammar_problem
from bot.ingest.questions import generate
from tests.ingest.drafting import corpus_draft, draft_of, fact_with

BROKEN = [
    # an adverb or a preposition where the subject goes
    "when did shortly after the storm the mayor visit the harbour",
    "did once the river rises the town close its schools",
    "what did with its permit lapsed the operator renew",
    "why did last month the council cancel the parade",
    # a second finite verb left behind the moved one
    "did the crates of fruit seized at the border had been destroyed",
    "who seized at the border had been destroyed by customs",
    "what dropped below freezing the pipes could no longer carry water",
    "is the dam not the first time the valley has flooded",
    # two noun phrases in a row where one subject goes
    "what did the outage the grid operator say about the heatwave",
    "when did the province's governor the assembly meet in a closed session",
    # a verb that needs an object ends the question
    "when did the election board set",
    "did the inspectors find",
]

WELL_FORMED = [
    "was the ruling a surprise to the defence",
    "is the ferry the only link to the island",
    "who insists the new tariff is fair",
    "who said the bridge could reopen by friday",
    "who won the mayoral race in may 2021",
    "what would the new rule have changed for farmers",
    "did the council have a quorum on tuesday",
    "who has opened an inquiry into how the bridge was built",
    "how many homes were under water after the storm",
    "who led the rescue last year",
    "did early voting end on saturday",
    "what did the harbour master say about the storm",
    "when did the court find the men had lied",
    "how many people have died in the flood",
    "what did the election board set",
    "when did the hearing take place",
]


@pytest.mark.parametrize("question", BROKEN)
def test_broken_word_orders_are_caught(question: str) -> None:
    assert grammar_problem(question) is not None
    assert problem(question) is not None


@pytest.mark.parametrize("question", WELL_FORMED)
def test_well_formed_questions_pass(question: str) -> None:
    assert grammar_problem(question) is None, grammar_problem(question)
    assert problem(question) is None, problem(question)


def test_an_adverb_before_the_subordinator_is_part_of_the_lead_in() -> None:
    clause = parse("Shortly after the levee broke, Mayor Ilse Varga drove to the harbour.")
    assert clause is not None
    assert clause.subject == "Mayor Ilse Varga"
    assert clause.lead == "Shortly after the levee broke"


@pytest.mark.parametrize("sentence", ["", "  ", "...", "Shortly"])
def test_a_sentence_with_no_words_to_read_asks_nothing(sentence: str) -> None:
    assert parse(sentence) is None
    assert generate(sentence, names=set()) == []


def test_a_time_phrase_without_a_comma_is_no_subject() -> None:
    clause = parse("Last year the port authority ordered a survey of the breakwater.")
    assert clause is not None
    assert clause.subject == "the port authority"
    assert clause.lead == "Last year"


def test_a_participle_in_the_subject_is_not_its_verb() -> None:
    clause = parse("The crates of fruit seized at the border had been destroyed by Friday.")
    assert clause is not None
    assert clause.subject == "The crates of fruit seized at the border"
    assert (clause.aux, clause.verb) == ("had been", "destroyed")
    moved = parse("The climbers stranded on the ridge flew home on Sunday.")
    assert moved is not None and moved.verb == "flew", moved


def test_a_verb_with_its_object_or_a_month_after_it_stays_the_verb() -> None:
    clause = parse("Ana Velk, who had never run for office, won the mayoral race in May 2021.")
    assert clause is not None and clause.verb == "won", clause
    vetoed = parse("The governor vetoed the budget on 3 May 2024, but the assembly overrode it.")
    assert vetoed is not None and vetoed.verb == "vetoed", vetoed


def test_no_drafted_question_is_broken() -> None:
    draft = corpus_draft("martuni-spillway")
    questions = [q for fact in draft.facts for q in fact.questions]
    assert questions
    for question in questions:
        assert problem(question) in (None, "too short"), (question, problem(question))
    assert any(q.startswith("who came to martuni") for q in questions), questions
    assert any(q.startswith("what did the water ministry order") for q in questions), questions


def test_a_lead_in_without_its_comma_after_the_drafters_own() -> None:
    clause = parse(
        "In the Saryk floods of May 2025, on the day of the breach the water agency warned "
        "that the canal would overflow."
    )
    assert clause is not None
    assert clause.subject == "the water agency", clause
    assert clause.lead.endswith("on the day of the breach"), clause


def test_a_long_lead_in_after_an_adverb_is_still_a_lead_in() -> None:
    clause = parse(
        "On Friday, shortly after Governor Ilse Varga came to Saryk to chair a meeting on the "
        "relief effort there, boats began taking residents from the lower streets."
    )
    assert clause is not None and clause.subject == "boats", clause


def test_have_of_having_takes_do_support() -> None:
    questions = generate("The rescue service had no reliable maps of the valley.", names=set())
    assert any(q.startswith("did the rescue service have no reliable maps") for q in questions), (
        questions
    )
    assert not any(q.startswith("had the rescue service") for q in questions), questions
    perfect = generate("The mayor had long accused the utility of neglect.", names=set())
    assert not any(" have long accused" in q for q in perfect), perfect


@pytest.mark.parametrize(
    "question",
    [
        "when did that is twice the sum pledged by the mayor promise",
        "did this is the third closure this year happen",
        "was it is the last ferry of the season",
    ],
)
def test_a_pointing_subject_with_its_own_verb_after_an_auxiliary_is_caught(
    question: str,
) -> None:
    assert problem(question) is not None


def test_a_pointing_word_before_a_noun_after_an_auxiliary_passes() -> None:
    assert problem("did that decision surprise the fishermen") is None
    assert problem("is that the only road into the valley") is None


PROMISE = """Ministry gives builder until March to rebuild Orvan grain silo after blast
Published: 2025-11-14

ASTANA, Nov 14 - Kazakhstan's agriculture ministry has given one builder until 1 March 2026 to
rebuild the Orvan grain silo, under a decree published on Friday, almost a week after an
explosion tore open its main tower.

That is far longer than the three weeks promised on Monday by Aidos Temirov, the regional
governor.

The explosion came at about 5 a.m. last Saturday, 8 November.
"""


def test_a_copula_sentence_about_a_promise_asks_no_broken_question() -> None:
    # "That is far longer than the three weeks promised ... by Aidos Temirov": its participle
    # is no verb to ask "when" of ("when did that is far longer ... promise").
    draft = draft_of(PROMISE)
    governor = fact_with(draft, "three weeks")
    assert governor.questions, governor
    assert not any(q.startswith("when did that is") for q in governor.questions), governor.questions
