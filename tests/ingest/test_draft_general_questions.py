"""Every drafted fact gets two to four questions, and "what did X say" says about what (issue
12, point 3).

Short articles written for these tests, in our own words (``data/corpus/``: a ferry aground off
Lankaran, a bazaar fire in Shymkent, the Narikala cable car, a school in Osh), and sentences
made up here.
"""

from __future__ import annotations

import re

import pytest

from bot.ingest.general_questions import general_questions, rewrite_bare_say, said_about
from bot.ingest.question_check import problem
from tests.ingest.drafting import corpus_draft, fact_with

OWN_CORPUS = ("lankaran-ferry", "shymkent-market", "tbilisi-cable-car", "osh-school")
BARE_SAY = re.compile(r"^what (?:did|do|does) .+ say$")


@pytest.mark.parametrize("name", OWN_CORPUS)
def test_every_fact_has_well_formed_questions_and_none_asks_only_what_was_said(
    name: str,
) -> None:
    draft = corpus_draft(name)
    for fact in draft.facts:
        assert 1 <= len(fact.questions) <= 4, (fact.answer, fact.questions)
        assert all(problem(q) is None for q in fact.questions), fact.questions
        assert not any(BARE_SAY.match(q) for q in fact.questions), fact.questions


def test_nearly_every_fact_has_two_questions_or_more() -> None:
    # A fact whose one question is typed and whose names a sibling fact shares stays at one
    # (``general_questions``: a shared name drew the sibling's readers away); no fact has none.
    facts = [f for name in OWN_CORPUS for f in corpus_draft(name).facts]
    short = [f.answer for f in facts if len(f.questions) < 2]
    assert len(facts) >= 20
    assert len(short) <= len(facts) // 5, short


def test_a_speaker_is_asked_about_the_subject_of_what_they_said() -> None:
    fact = fact_with(corpus_draft("lankaran-ferry"), "Harbour master Rauf Aliyev said")
    assert "what did harbour master rauf aliyev say about the captain" in fact.questions


def test_a_speaker_who_confirmed_it_is_asked_about_the_story() -> None:
    # "confirmed it" says nothing a reader names: the story's place stands in.
    fact = fact_with(corpus_draft("lankaran-ferry"), "confirmed it")
    assert "what did the caspian shipping company say about lankaran" in fact.questions


def test_a_fact_the_clauses_give_nothing_is_asked_about_what_it_names() -> None:
    # "wound up" is no verb group the clause reader knows: the fact is asked about its place.
    fact = fact_with(corpus_draft("lankaran-ferry"), "wound up its winter timetable")
    assert fact.questions
    assert all(q.startswith("what is known about") for q in fact.questions)


def test_topic_words_of_what_was_said() -> None:
    assert said_about("Officials said the dam would hold.", "officials") == "the dam"
    assert said_about("The ministry reported clashes near the border.", "the ministry") == (
        "clashes"
    )
    assert said_about("The ministry confirmed it on Friday.", "the ministry") is None
    assert (
        said_about("Nothing was left of the pier, the harbour master said.", "the harbour master")
        == "the pier"
    )


def test_a_bare_say_question_is_given_its_topic_or_dropped() -> None:
    parts = ["Mayor Anar Huseynov said the bridge would stay shut."]
    assert rewrite_bare_say(
        ["what did mayor anar huseynov say"], parts, topic=None, check=problem
    ) == ["what did mayor anar huseynov say about the bridge"]
    nothing = ["Mayor Anar Huseynov confirmed it."]
    assert rewrite_bare_say(
        ["what did mayor anar huseynov say"], nothing, topic="the quba flood", check=problem
    ) == ["what did mayor anar huseynov say about the quba flood"]
    assert rewrite_bare_say(["what did mayor anar huseynov say"], nothing, topic=None,
                            check=problem) == []  # fmt: skip


def test_general_questions_name_what_only_this_fact_names() -> None:
    part = "The Zangilan power station was shut down for repairs."
    got = general_questions(
        [part], names={"Zangilan"}, people=[], spread={"zangilan": 1}, known=[], check=problem
    )
    assert "what happened to the zangilan power station" in got
    shared = general_questions(
        ["Rashad Karimov praised the Zangilan power station."],
        names={"Zangilan", "Rashad", "Karimov"},
        people=["Rashad Karimov"],
        spread={"rashad": 6, "karimov": 6, "zangilan": 1},
        known=["who praised the zangilan power station"],
        check=problem,
    )
    # Karimov is in six facts: a question naming him would draw their readers.
    assert not any("karimov" in q.split("about")[-1] for q in shared if "known" in q)
    assert all(problem(q) is None for q in shared)


def test_what_was_said_is_named_by_its_whole_noun_phrase() -> None:
    """ "what did the mayor say about the prime" cut a name in two; the thing said is "the
    prime minister's resignation", and "the evacuation zone", not "the evacuation"."""
    assert said_about(
        "The mayor said she had come to discuss the prime minister's resignation and a handover.",
        "The mayor",
    ) == ("the prime minister's resignation")
    assert said_about("The governor said he had visited the evacuation zone.", "The governor") == (
        "the evacuation zone"
    )


def test_a_noun_leaning_on_an_of_phrase_is_not_what_was_said_about() -> None:
    """ "the autumn" of "in the autumn of 2022" is when, and "the head" of "the head of the
    office" is whose: asked about alone, neither says anything."""
    said = said_about(
        "Prosecutors said that in the autumn of 2022 she had paid people to join protests.",
        "Prosecutors",
    )
    assert said != "the autumn", said
    assert said_about("Officials said the head of the office had resigned.", "Officials") != (
        "the head"
    )
