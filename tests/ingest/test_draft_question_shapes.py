"""Reader questions for every fact, in English (issue 12, point 3).

Short articles written here, in our own words: a vote with its shares ("won about 61 percent"),
a plane crash whose passengers are listed, and a court story with the sentence shapes the
question parser used to misread (a lead-in without its comma, "officials note that ...", a
subject with a relative clause, "called X a lie", a participle after a lead-in).
"""

from __future__ import annotations

from bot.ingest.article_draft import ArticleDraft
from bot.ingest.question_check import problem
from bot.ingest.questions import generate
from tests.ingest.drafting import draft_of

VOTE = """Velmar mayor re-elected in Ostrava Bay runoff
Published: 2025-05-12

OSTRAVA BAY, May 12 - Mayor Lena Korvath won a second term in the Ostrava Bay runoff on
Sunday, the city's election commission said.

Lena Korvath, who has led the city since 2021, won about 61 percent in the northern districts
and most of the ballots cast by students.

In the first round, held two weeks earlier, Lena Korvath won about 44 percent to Piet Anselm's
31 percent, short of the majority needed to win outright.

Turnout was about 48 percent, with nearly 210,000 people voting.

Piet Anselm conceded defeat on Sunday night and congratulated the mayor.
"""

CRASH = """Cargo plane crash near Tarsk kills six
Published: 2025-03-03

TARSK, March 3 - A cargo plane crashed near Tarsk on Sunday, killing all six people on board,
the aviation agency said.

The passengers also included Oskar Vennholm, a founder of the airline.

Agency spokesman Ivo Petrak called reports that the plane had been overloaded "pure
speculation".
"""


def _questions(draft: ArticleDraft, starting: str) -> list[str]:
    for fact in draft.facts:
        if starting in fact.answer:
            return fact.questions
    answers = "\n".join(f.answer for f in draft.facts)
    raise AssertionError(f"no fact with {starting!r} in:\n{answers}")


def test_a_share_of_the_vote_is_asked_with_what_percentage() -> None:
    draft = draft_of(VOTE)
    districts = _questions(draft, "61 percent")
    assert any(q.startswith("what percentage did lena korvath win") for q in districts), districts
    first_round = _questions(draft, "44 percent")
    assert any(q.startswith("what percentage did lena korvath win") for q in first_round), (
        first_round
    )
    assert not any("held two weeks earlier" in q for q in first_round), first_round
    turnout = _questions(draft, "turnout was")
    assert any(q.startswith("what was turnout") for q in turnout), turnout


def test_every_fact_of_a_vote_story_gets_two_questions() -> None:
    draft = draft_of(VOTE)
    few = {f.answer: f.questions for f in draft.facts if len(f.questions) < 2}
    assert not few, few


def test_people_a_list_includes_are_asked_with_who() -> None:
    questions = _questions(draft_of(CRASH), "passengers also included")
    assert any(q.startswith("who were the passengers") for q in questions), questions
    assert not any(q.startswith(("what were the passengers", "what included")) for q in questions)


def test_a_reply_called_a_lie_is_asked_as_something_said() -> None:
    questions = generate(
        'Agency spokesman Ivo Petrak called reports that the plane had been overloaded "pure '
        'speculation".',
        names={"Agency", "Ivo", "Petrak"},
        topic="the Tarsk crash",
    )
    assert "what did agency spokesman ivo petrak say about the tarsk crash" in questions
    assert not any(q.startswith("had the plane") for q in questions), questions


def test_a_lead_in_without_its_comma_is_no_part_of_the_subject() -> None:
    session = generate(
        "In the same session President Arvo Kell declared the mission accomplished.",
        names={"President", "Arvo", "Kell"},
    )
    assert "who declared the mission accomplished" in session, session
    way = generate("On the way the convoy shot down two military drones.", names=set())
    assert not any("on the way the convoy" in q for q in way), way
    assert any(q.startswith("did the convoy shoot down") for q in way), way


def test_what_officials_note_is_what_they_say() -> None:
    questions = generate(
        "Officials note that the inquiry began before the election and say it will report in June.",
        names=set(),
    )
    assert "what did officials say" in questions, questions
    assert not any(q.startswith("did officials note that") for q in questions), questions


def test_a_relative_clause_in_the_subject_is_read_past() -> None:
    questions = generate(
        "The choice of a venue whose owner faces fraud charges was criticised by rights groups.",
        names=set(),
    )
    assert any(q.startswith("who criticised the choice of a venue") for q in questions), questions
    assert not any(q.startswith("does the choice") for q in questions), questions


def test_won_is_a_verb_and_a_pronoun_ends_a_lead_in() -> None:
    assert generate("The ruling party won 84 seats in the new parliament.", names=set())
    pensioner = generate(
        "In a video address he said he had been a pensioner since 2019.", names=set()
    )
    assert not any(q.startswith("had in") for q in pensioner), pensioner


def test_a_yes_no_question_needs_its_subject_after_the_auxiliary() -> None:
    assert problem("had in a video address he been a pensioner") is not None
    assert problem("did only last he admit founding the firm") is not None
    assert problem("did the convoy shoot down two drones") is None


def test_a_purpose_opening_the_predicate_is_asked_why() -> None:
    """ "The date was chosen to avoid a repeat of the protests": a reader asks why."""
    questions = generate(
        "Analysts said the earlier date was chosen to avoid a repeat of the 2021 strikes, "
        "when crowds blocked the port of Velmar for weeks.",
        names={"Velmar"},
    )
    assert "why was the earlier date chosen" in questions, questions


def test_a_year_naming_which_thing_is_not_when_it_happened() -> None:
    """ "rules under the 2015 charter" says which charter, not when the rules were made."""
    questions = generate(
        "Delegates completed rules for shared fishing quotas under the 2015 Caspian charter."
    )
    assert not any(q.startswith("when") for q in questions), questions
    # A year that says when is still asked about.
    assert any(
        q.startswith("when")
        for q in generate("Delegates completed rules for shared fishing quotas in 2015.")
    )


def test_a_question_cut_short_does_not_end_waiting_for_its_noun() -> None:
    """Cut to a readable length, a predicate ends on a whole phrase: not "in its second", "from
    both", "in march last", "a series of unfriendly", "between tarsk"."""
    sentences = [
        "Lawmakers adopted the bill in its second and final reading by 64 votes to 7.",
        "The court issued a warrant for Mayor Lena Korvath in March last year over the contract.",
        "The ministry summoned Velmar's ambassador to protest a series of unfriendly steps "
        "taken by its government.",
        "The centre had opened in 2021 under a memorandum between Tarsk and Velmar to watch "
        "over the ceasefire line.",
    ]
    for sentence in sentences:
        for question in generate(sentence, names={"Velmar", "Tarsk", "Lena", "Korvath"}):
            last = question.split()[-1]
            assert last not in ("second", "both", "last", "unfriendly", "tarsk"), question
            assert problem(question) is None, question


def test_a_denial_is_asked_as_readers_ask_it_without_the_not() -> None:
    """ "Velmar does not recognise the tribunal's authority": readers ask "does velmar
    recognise ...", which the fact answers (no)."""
    questions = generate(
        "Velmar does not recognise the tribunal's authority over the port.", names={"Velmar"}
    )
    assert "does velmar recognise the tribunal's authority over the port" in questions, questions
    assert all(problem(q) is None for q in questions)


def test_a_reply_or_a_signal_is_asked_as_something_said() -> None:
    questions = generate(
        "An opposition deputy countered that the vote was a gesture that cost nothing.",
    )
    assert "what did the opposition deputy say" in questions, questions
    questions = generate(
        "Tarsk had signalled that it would block any candidate from the northern group.",
        names={"Tarsk"},
    )
    assert "what did tarsk say" in questions, questions


def test_an_opening_time_phrase_is_no_part_of_who_acted() -> None:
    """ "Later that day the mayor's spokesman confirmed ...": the spokesman confirmed it, not
    "later the mayor's spokesman"."""
    questions = generate("Later that day the mayor's spokesman confirmed the reports.")
    assert "what did the mayor's spokesman say" in questions, questions
    questions = generate("Earlier this month the ministry closed the crossing at Tarsk.")
    assert all("earlier" not in q for q in questions), questions
    assert "what did the ministry close" in questions, questions


def test_bodies_and_crowds_are_asked_who() -> None:
    """A cabinet, crowds, mercenaries, the opposition act as people do: "who endorsed the
    draft", not "what endorsed the draft"."""
    for sentence, question in (
        ("The cabinet endorsed the draft budget on 9 January.", "who endorsed the draft budget"),
        ("Crowds stormed the city hall in Tarsk on Friday.", "who stormed the city hall in tarsk"),
        ("The mercenaries shot down two helicopters over the pass.", "who shot down two"),
    ):
        questions = generate(sentence, names={"Tarsk"})
        assert any(q.startswith(question) for q in questions), questions
        assert not any(q.startswith("what " + question.split()[1]) for q in questions)


def test_no_question_asks_who_did_what_a_pronoun_stood_for() -> None:
    """ "The diaspora reversed that": "who reversed" asks nothing."""
    questions = generate("In the runoff the diaspora reversed that, voting 83 percent for Velk.")
    assert not any(q.startswith("who reversed") for q in questions), questions
