"""What a sentence says besides its main clause is asked about too (issue 12): a second
clause, a denial, a plan, what a speaker said they would do. Sentences written for these tests.
"""

from __future__ import annotations

from bot.ingest import clause_parts
from bot.ingest.questions import generate


def test_a_second_clause_after_but_is_asked_about() -> None:
    questions = generate(
        "No one was killed in the fire, but four firefighters were treated for burns."
    )
    assert "was anyone killed in the fire" in questions
    assert "how many firefighters were treated for burns" in questions


def test_a_plan_is_asked_what_and_when() -> None:
    """ "plans to raise ... in March": what the government plans to do, and when."""
    questions = generate("The government plans to raise water prices by a fifth in March.")
    assert "what does the government plan to do" in questions
    assert "when will the government raise water prices by a fifth" in questions
    agreed = generate("Negotiators agreed to draw up a timetable for the handover of the dam.")
    assert "what did negotiators agree to do" in agreed


def test_a_pronoun_in_reported_speech_is_the_speaker() -> None:
    """ "The party said it would ask the court ...": "would the party ask the court ..."."""
    questions = generate(
        "The Civic Party said it would ask the Supreme Court to review the sale.",
        names={"Civic", "Party", "Supreme", "Court"},
    )
    assert "would the civic party ask the supreme court to review the sale" in questions
    assert "what did the civic party say" in questions


def test_what_people_say_is_asked_in_the_present_when_said_in_it() -> None:
    assert "what do officials say" in generate("Officials say the rules protect buyers.")


def test_a_long_question_loses_its_last_phrase_not_its_subject() -> None:
    """Two full names in the subject: "... by a baku court" is dropped, not the question."""
    questions = generate(
        "Ilgar Mammadov and Rauf Mirkadyrov were ordered held in pre-trial custody for at least "
        "three months by a Baku district court on Monday.",
        names={"Ilgar", "Mammadov", "Rauf", "Mirkadyrov", "Baku"},
    )
    long = [q for q in questions if q.startswith("how long were ilgar mammadov and rauf")]
    assert long and all(len(q.split()) <= 16 for q in long)
    assert not any(q.endswith(("for", "by a baku")) for q in questions)


def test_clause_parts_leave_pronoun_clauses_and_plain_sentences_alone() -> None:
    assert clause_parts.second_clause("Roads were closed, but it rained again.") is None
    assert clause_parts.nobody_question("Three people were killed.") is None
    assert clause_parts.intent("plans", "a new road") is None


def test_a_relative_clause_about_a_name_is_asked_about_that_name() -> None:
    """ "..., the next forum, WUF14, which will be held in Nairobi in 2027": where and when
    the named event will be held, not set in the story's own event."""
    questions = generate(
        "Delegates agreed on a housing charter before the next forum, WUF14, which will be "
        "held in Nairobi in 2027.",
        names={"WUF14", "Nairobi"},
        setting="at the Baku urban forum",
    )
    assert "where will wuf14 be held" in questions
    assert "when will wuf14 be held in nairobi" in questions
    assert clause_parts.relative_clauses("The road, which is closed, is long.") == []
