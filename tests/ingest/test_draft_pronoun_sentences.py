"""A fact's later sentence that opens on a pronoun is asked about too (issue 12, point 3).

An article of our own about a Caspian ferry line (``data/corpus/aktau-ferry-line.txt``) joins
sentences such as "The new vessel, the Turan, carries ... It cost about $45 million ...": a
reader asking what the ferry cost, or who promised the rail link, should find the fact that
says so by a question of its own, not by whichever sibling shares the story's words.
"""

from __future__ import annotations

from bot.ingest.pronoun_subjects import resolved
from bot.ingest.questions import generate
from tests.ingest.drafting import corpus_draft, fact_with


def test_what_a_later_sentence_says_is_asked_of_its_fact() -> None:
    draft = corpus_draft("aktau-ferry-line")
    vessel = fact_with(draft, "It cost about $45 million")
    assert "how much did the new vessel cost" in vessel.questions, vessel.questions
    harbour = fact_with(draft, "It expects to handle four million tonnes")
    assert any("four million tonnes" in q for q in harbour.questions), harbour.questions
    minister = fact_with(draft, "He also promised a new rail link")
    assert any(q.startswith("who promised a new rail link") for q in minister.questions), (
        minister.questions
    )


def test_the_answer_keeps_the_articles_own_sentences() -> None:
    """Only the questions are told with the pronoun resolved: the answer is the article's."""
    draft = corpus_draft("aktau-ferry-line")
    vessel = fact_with(draft, "It cost about $45 million")
    assert "It cost about $45 million and was built at a shipyard in Turkey." in vessel.answer


def test_a_pronoun_stands_only_for_what_agrees_with_it() -> None:
    people = ["Mariam Beridze"]
    # "it" is no count of people: the body the sentence closes on said it.
    assert resolved(
        "It put the turnout at 48%.",
        "In the vote on Sunday, 61% of voters backed the plan, the commission said.",
        people,
    ) == ("The commission put the turnout at 48%.")
    # "he"/"she" stand for a person the article names, never for a thing.
    assert resolved(
        "She also promised new buses.", "Mayor Mariam Beridze opened the depot.", people
    ) == ("Mayor Mariam Beridze also promised new buses.")
    assert resolved("He also promised new buses.", "The depot opened in May.", people) is None
    # "they" a plural; an indefinite subject told again is definite.
    assert resolved("They blocked the road.", "Farmers gathered at dawn.", people) == (
        "Farmers blocked the road."
    )
    assert resolved("It was dropped in May.", "A first plan was published in March.", people) == (
        "The first plan was dropped in May."
    )
    # No pronoun at its start, or nothing before it that agrees: left as it is.
    assert resolved("The road reopened.", "Farmers gathered at dawn.", people) is None
    assert resolved("It reopened.", "Farmers gathered at dawn.", people) is None


def test_a_pronoun_two_things_could_stand_for_is_left_as_it_is() -> None:
    """Both the subject and the body that said it agree with "it": no guess between them."""
    before = "The ministry raised the ferry fee, the regulator said."
    assert resolved("It also cut the rail fare.", before, []) is None
    # With one of them no thing ("the drivers" are many), the other is meant.
    assert resolved(
        "It also cut the rail fare.", "The ministry raised the ferry fee, the drivers said.", []
    ) == ("The ministry also cut the rail fare.")


def test_a_changed_object_is_not_asked_as_the_subject_changing() -> None:
    """ "The reform halves the fine from ..." says the fine fell, not the reform."""
    changed_object = generate("The reform halves the fine from 200 manat to 100 manat.")
    assert not any(q.startswith("how much did the reform") for q in changed_object)
    fell = generate("Fines halved from 200 manat to 100 manat last year.")
    assert "how much did fines fall" in fell, fell
