"""Drafted questions keep whole phrases and ask with the right word (issue 12, point 3).

Sentences and a short article of our own: a time of day is one phrase ("at about 6:07 a.m.",
not cut at its colon), left out of "when" questions as a day is; a body one takes part in
and a target ("aimed at Russia") are no place to ask "where" of; a person's role ("the
party's founder") is asked with "who"; a time phrase opening the sentence ("Two days before
the verdict,") is no count of the subject; a name longer than four capitalised words is
named whole; a verb starting with "be" ("had begun", "had become") is no auxiliary; and what
"is being done by" someone is asked as who is doing it.
"""

from __future__ import annotations

from bot.ingest.clock_times import clock_spans
from bot.ingest.lexicon import present_participle
from bot.ingest.named_things import named_things
from bot.ingest.question_check import problem
from bot.ingest.questions import generate
from tests.ingest.drafting import draft_of, fact_with

FERRY = """Storm cuts ferry link to Pirallahi island
Published: 2025-02-10

BAKU, Feb 10 - The Pirallahi ferry left the harbour at 9:30 on Sunday with 40 passengers and
turned back an hour later as the wind rose.

Coastguard boats reached the stranded fishing boats at about 6:07 a.m. on Monday.

Sailings resumed from 18:42 that evening, the port authority said.
"""


def _well_formed(questions: list[str]) -> None:
    for question in questions:
        assert problem(question) in (None, "too short"), (question, problem(question))


def test_a_time_of_day_is_one_phrase() -> None:
    text = "The ferry left the harbour at about 9:30 a.m. and came back from 18:42 on."
    spans = [text[a:b] for a, b in clock_spans(text)]
    assert spans == ["at about 9:30 a.m.", "from 18:42"]
    counted = "Turnout was 61.5 percent; the count ended at 2 pm."
    assert [counted[a:b] for a, b in clock_spans(counted)] == ["at 2 pm."]
    # A ratio is no time of day, nor a decimal without "am"/"pm".
    assert clock_spans("The court ruled 5:2 against the ban, by 61.5 percent.") == []


def test_when_questions_leave_the_time_of_day_out() -> None:
    questions = generate("The ferry left the harbour at 9:30 on Sunday.")
    assert "when did the ferry leave the harbour" in questions, questions
    assert not any(q.endswith((" at 9", " 9")) for q in questions), questions
    blast = generate("The blast came at about 6:07 a.m. last Saturday, 8 October.")
    assert blast[0] == "when did the blast come", blast
    trains = generate("Freight trains started crossing again from 18:42 that evening.")
    assert "when did freight trains start crossing again" in trains, trains
    assert not any(q.endswith(" 18") for q in trains), trains


def test_a_drafted_time_of_day_is_never_cut_at_its_colon() -> None:
    draft = draft_of(FERRY)
    for fact in draft.facts:
        _well_formed(fact.questions)
        assert not any(q.split()[-1].isdigit() for q in fact.questions), fact.questions
    coastguard = fact_with(draft, "stranded fishing boats")
    assert any(q.startswith("when did coastguard boats reach") for q in coastguard.questions), (
        coastguard.questions
    )


def test_a_body_or_a_target_is_no_place() -> None:
    frozen = generate(
        "Prime Minister Vardan Aslanyan has frozen his country's participation in the "
        "Caspian Economic Cooperation Organization."
    )
    assert not any(q.startswith("where") for q in frozen), frozen
    aimed = generate("The finance minister insists the new tariff is not aimed at Kazakhstan.")
    assert not any(q.startswith("where") for q in aimed), aimed
    # A place is still one.
    signed = generate("The minister signed the deal in Tbilisi on Monday.")
    assert "where did the minister sign the deal" in signed, signed


def test_a_person_by_role_is_asked_with_who() -> None:
    fled = generate("The party's founder, the banker Ruslan Ivatov, fled Latvia in 2019.")
    assert "who fled latvia in 2019" in fled, fled
    assert not any(q.startswith("what fled") for q in fled), fled
    owner = generate("The bank's owner left the country in March.")
    assert "who left the country in march" in owner, owner


def test_an_opening_time_phrase_is_no_count() -> None:
    rally = generate(
        "Two days before the verdict, several thousand people had rallied in the town square."
    )
    assert not any(q.startswith("how many days") for q in rally), rally
    assert "who had rallied in the town square" in rally, rally
    ferry = generate("Three days after the storm, the ferry company resumed sailings.")
    assert not any("how many days" in q for q in ferry), ferry
    # "An earlier draft, ..." is no span of time: its subject is the draft.
    draft = generate(
        "An earlier draft, published last summer, would have stripped the region of its autonomy."
    )
    assert any("the earlier draft" in q for q in draft), draft
    # A count in the subject is still asked.
    assert "how many people died in the fire" in generate("Two people died in the fire.")


def test_a_long_name_is_named_whole() -> None:
    found = list(
        named_things("He left the Russian-led Collective Security Treaty Organization in May.")
    )
    assert found == [("organization", "the Russian-led Collective Security Treaty Organization")]
    # A part of a name longer still names nothing.
    longer = "He joined the North Caspian Regional Security Treaty Joint Staff."
    assert list(named_things(longer)) == []
    assert list(named_things("Officials signed the Batken Protocol on Friday.")) == [
        ("protocol", "the Batken Protocol")
    ]


def test_a_verb_starting_with_be_is_no_auxiliary() -> None:
    """ "had begun", "had become", "has believed": the verb is read whole, not as "be"."""
    become = generate("The protest had become a riot by nightfall.")
    assert "had the protest become a riot by nightfall" in become, become
    begun = generate("Officials have begun counting the votes in Osh.")
    assert not any(" be " in f" {q} " for q in begun), begun
    assert any("begun counting the votes" in q for q in begun), begun
    assert "when has the bridge been closed" in generate("The bridge has been closed since Monday.")


def test_who_is_doing_what_is_being_done() -> None:
    led = generate("The inquiry into the crash is being led by the transport ministry.")
    assert "who is leading the inquiry into the crash" in led, led
    run = generate("The port is being run by an Emirati operator.")
    assert "who is running the port" in run, run
    for base, ing in (("lead", "leading"), ("raise", "raising"), ("run", "running"),
                      ("hold", "holding"), ("tie", "tying"), ("see", "seeing")):  # fmt: skip
        assert present_participle(base) == ing
