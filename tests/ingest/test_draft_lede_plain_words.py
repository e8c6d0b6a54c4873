"""The lede's main clause goes to the fact that picks it up, plain words readers use become
tags, and no fact is left without questions (issue 12); on our own short article
(``data/corpus/naryn-mudslide.txt``, on mudslides in Kyrgyzstan's Naryn region).

A reader asking "how many people were moved out" should land on the fact about the evacuees,
not on the lede, whose answer touches every topic of the story."""

from __future__ import annotations

from bot.ingest.article_draft import ProposedFact, _last_resort_questions
from bot.ingest.lede import main_clause, picks_up
from bot.ingest.lexicon import plain_words
from bot.ingest.question_check import problem
from tests.ingest.drafting import corpus_draft


def _fact(words: str) -> ProposedFact:
    (found,) = [f for f in corpus_draft("naryn-mudslide").facts if words in f.answer]
    return found


def test_the_fact_about_the_evacuees_states_how_many_and_is_asked_how_many() -> None:
    tents = _fact("sleeping in tents")
    assert "about 6,000 people have been moved out of villages" in tents.answer.lower()
    assert any(q.startswith("how many") for q in tents.questions), tents.questions
    # The reviewer sees both sentences the answer was made from.
    assert len(tents.sources) == 2
    assert any(s.startswith("NARYN, May 20") for s in tents.sources)


def test_the_lede_keeps_the_questions_about_the_story_as_a_whole() -> None:
    (lede,) = [f for f in corpus_draft("naryn-mudslide").facts if "second wave" in f.answer]
    assert not any(q.startswith("how many") for q in lede.questions), lede.questions
    assert len(lede.questions) >= 2
    assert any(q.startswith("what happened") for q in lede.questions), lede.questions


def test_every_fact_has_two_to_four_english_questions() -> None:
    for fact in corpus_draft("naryn-mudslide").facts:
        assert 2 <= len(fact.questions) <= 4, (fact.id, fact.questions)
        assert all(problem(q) is None for q in fact.questions), fact.questions


def test_a_sum_in_a_document_gets_asked_about() -> None:
    budget = _fact("$4.5 million")
    assert any(q.startswith("what is the $4.5 million a year") for q in budget.questions)
    # A document speaking in the present is asked what it says.
    text = "The climate text also calls on lenders to act."
    assert _last_resort_questions([text], None) == ["what does the climate text say"]


def test_a_phrasal_verb_gets_the_plain_nouns_readers_type() -> None:
    wall = _fact("gave way")
    assert {"breach", "collapse"} <= set(wall.tags), wall.tags
    assert len(wall.tags) <= 10


def test_a_compound_topic_word_gets_its_plain_head() -> None:
    snow = _fact("record snowfall")
    assert "snow" in snow.tags, snow.tags


def test_plain_words_are_nouns_readers_use_not_splits_of_any_long_word() -> None:
    assert plain_words("The talks ran 30 hours over schedule.", []) == ["overtime", "delay"]
    assert plain_words("Delegates walked out of the meeting.", []) == ["walkout"]
    assert plain_words("x", ["shelters", "earthen", "coordination", "negligence"]) == []
    assert plain_words("x", ["meltwater", "riverside"]) == ["melt", "river"]


def test_a_lede_without_a_secondary_clause_is_not_cut() -> None:
    assert main_clause("The council voted on Thursday to double the metro fare.") is None
    clause = "About 6,000 people have been moved out of villages since early May."
    assert main_clause(clause[:-1] + " as mudslides blocked roads.") == clause
    assert picks_up("Most of those moved are in tents.", clause)
    assert not picks_up("Most of the roads are closed.", clause)
