"""A headline built on a verb ("Tarlan jailed ...", "Court jails ...", "Leaders open ...")
still gives the story its event (issue 12, point 1): a later "the sentence" says whose, a fact
leaning on the case says which case, and the rest is left as it was. The articles are short
ones of our own in ``data/headlines/``, on made-up places and people: kept out of the corpus,
whose every article the corpus-wide checks read, for the jailed mayor's draft has an id with a
verb in it ("prosecutors-asked-eight-years"), a flaw of the id rule that this change leaves as
it was (the same sentence gets the same id with no headline event).
"""

from __future__ import annotations

from pathlib import Path

from bot.ingest.question_check import problem
from tests.ingest.drafting import answers, draft_of, event_of, fact_with

HEADLINES = Path(__file__).resolve().parent / "data" / "headlines"

JAILED = (HEADLINES / "vessa-mayor-jailed.txt").read_text("utf-8")

COURT_JAILS = (HEADLINES / "orven-blogger-jailed.txt").read_text("utf-8")

OPENED = (HEADLINES / "vessa-orven-railway.txt").read_text("utf-8")

NOUN_HEADLINE = (HEADLINES / "vessa-harbour-flood.txt").read_text("utf-8")


def test_the_event_of_a_headline_built_on_a_verb_is_a_noun_phrase_readers_use() -> None:
    assert event_of(JAILED) == "Tarlan's sentencing"
    assert event_of(COURT_JAILS) == "Kesh's sentencing"  # the blogger the lede names
    assert event_of(OPENED) == "the Vessa-Orven railway opening"
    # A headline naming its event by a noun keeps it ("the Vessa flood").
    assert event_of(NOUN_HEADLINE) == "the Vessa flood"


def test_a_headline_verb_the_drafter_does_not_know_gives_no_event() -> None:
    assert event_of(JAILED.replace("jailed", "praised")) is None
    assert event_of(OPENED.replace("Leaders open", "Leaders discuss")) is None


def test_the_sentence_and_the_case_are_said_to_be_the_persons() -> None:
    draft = draft_of(JAILED)
    assert "handed down Tarlan's sentence on Tuesday" in fact_with(draft, "handed down").answer
    assert "called Tarlan's sentence a warning" in fact_with(draft, "a warning").answer
    # "Prosecutors had asked for eight years" on its own says nothing of whom.
    assert (
        fact_with(draft, "eight years").answer
        == "In Tarlan's case, prosecutors had asked for eight years."
    )


def test_a_sentence_about_someone_else_is_not_put_in_the_persons_case() -> None:
    draft = draft_of(JAILED)
    # "His lawyer" is already Tarlan's; a lead-in would say it twice.
    assert not fact_with(draft, "appeal within ten days").answer.startswith("In Tarlan's case")


def test_facts_of_an_opening_are_not_all_said_to_happen_at_it() -> None:
    draft = draft_of(OPENED)
    for answer in answers(draft):
        assert not answer.startswith("At the Vessa-Orven railway opening"), answer
    # A fact naming nothing is set in the story's place, as it was with no event; the one on
    # passenger trains, joined with the villagers' "along the route", names the railway there.
    trains = fact_with(draft, "assenger trains").answer
    assert trains.startswith("In Vessa, passenger trains") or "the Vessa-Orven railway" in trains


def test_the_opening_fact_keeps_its_questions_and_its_facts_their_tags() -> None:
    draft = draft_of(JAILED)
    lede = draft.facts[0]
    # Not "what is tarlan's sentencing": the opening fact is asked what happened, and who.
    assert lede.questions[:2] == [
        "what happened in orven",
        "who has sentenced dario tarlan to six years in prison for taking bribes",
    ]
    assert all(problem(q) is None for q in lede.questions), lede.questions
    # The drafter's noun is not a tag of every fact: tags tell facts apart.
    assert not any("sentencing" in f.tags for f in draft.facts), [f.tags for f in draft.facts]


def test_the_arrest_is_written_out_in_a_court_jails_story() -> None:
    draft = draft_of(COURT_JAILS)
    # The blogger the lede names is the one jailed, and "the arrest" is hers: written out,
    # the fact names her and needs no lead-in.
    assert (
        fact_with(draft, "free speech").answer
        == "Press freedom groups called Kesh's arrest an attack on free speech."
    )
