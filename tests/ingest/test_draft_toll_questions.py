"""A toll is asked as readers ask it (issue 12, point 3: numbers -> "how many").

An article of our own about a mine collapse (``data/corpus/tkibuli-mine.txt``) gives its toll
in the shapes the sentence's own questions missed: inside reported speech without "that", as
bare counts, as a participle after its noun. A reader asks "how many people died" and "how
many were injured"; the fact that says so should carry those questions, set in the story's
event, and no other fact should.
"""

from __future__ import annotations

from bot.ingest.toll_questions import asks_toll, toll_questions
from tests.ingest.drafting import corpus_draft, fact_with


def test_the_fact_giving_the_toll_is_asked_how_many_died_in_the_event() -> None:
    draft = corpus_draft("tkibuli-mine")
    killed = fact_with(draft, "four miners were killed")
    asked = [q for q in killed.questions if q.startswith("how many")]
    assert any("miners were killed" in q for q in asked), killed.questions
    assert any("were injured" in q for q in asked), killed.questions
    # Set in the story's event, as a reader names it, not bare.
    assert all("mine" in q.split()[-2:] or "collapse" in q for q in asked), asked


def test_a_bare_count_of_the_dead_and_missing_is_asked_as_a_toll() -> None:
    """ "counted 6 dead and 3 missing": not "who counted 6 dead" alone."""
    draft = corpus_draft("tkibuli-mine")
    counted = fact_with(draft, "6 dead and 3 missing")
    assert any(q.startswith("how many people died") for q in counted.questions), counted.questions
    assert any(q.startswith("how many people are missing") for q in counted.questions)


def test_facts_without_a_toll_are_not_asked_one() -> None:
    draft = corpus_draft("tkibuli-mine")
    for words in ("suspended all work", "found safe"):
        fact = fact_with(draft, words)
        assert not any(asks_toll(q) for q in fact.questions), fact.questions


def test_toll_shapes_and_what_is_no_toll() -> None:
    cases = {
        "The interior ministry said two people were killed, both of them drivers.": [
            "how many people were killed in the storm"
        ],
        "Officials said the bodies of 31 people killed in the fighting had been recovered.": [
            "how many people were killed in the storm"
        ],
        "The shelling killed at least 12 civilians overnight.": [
            "how many civilians were killed in the storm"
        ],
        "Nine villagers have died and 20 are missing.": [
            "how many villagers died in the storm",
            "how many people are missing in the storm",
        ],
        # A share of a toll already given, and a toll with no count, ask nothing.
        "Three of the dead were children.": [],
        "Several soldiers were wounded in the exchange.": [],
        "The council has 40 members and meets twice a year.": [],
    }
    for sentence, expected in cases.items():
        assert toll_questions(sentence, "in the storm") == expected, sentence


def test_a_year_or_a_day_of_the_month_is_no_count_of_the_dead() -> None:
    """A reader shown "how many people died" of a fact about dead fish in 2023 would see the
    draft count the year as a toll: a date before an outcome asks nothing, while a real count
    beside a date is still asked."""
    no_toll = (
        "In 2023 dead fish covered the shore.",
        "Since 2019 dead seals have washed up on the spit every spring.",
        "By the end of 2022 dead trees lined the whole valley.",
        "On March 3 dead birds were found along the dam.",
        "On May 4, 2023 dead cattle blocked the mountain road.",
        "The 1986 dead are remembered at the memorial each spring.",
    )
    for sentence in no_toll:
        assert toll_questions(sentence, "in the flood") == [], sentence
    tolls = {
        "In 2024 twelve people were killed on the coast road.": [
            "how many people were killed in the flood"
        ],
        "The lake has been dry since 1998, and 14 people have died crossing it.": [
            "how many people died in the flood"
        ],
        "On June 9 the landslide killed 7 workers.": ["how many workers were killed in the flood"],
        # A toll of thousands keeps its comma, or has "about" or its people.
        "About 2000 villagers are missing.": ["how many villagers are missing in the flood"],
        "Rescuers said 2,000 were missing.": ["how many people are missing in the flood"],
        "By noon 1500 people had died.": ["how many people died in the flood"],
    }
    for sentence, expected in tolls.items():
        assert toll_questions(sentence, "in the flood") == expected, sentence


def test_a_toll_already_asked_is_recognised() -> None:
    assert asks_toll("how many people have died in the flood")
    assert not asks_toll("how many homes were flooded")
    assert not asks_toll("who died of hypothermia")


def test_a_count_of_animals_or_things_is_no_toll_of_people() -> None:
    """ "how many people died" of a fact about dead fish would tell a reader of deaths that
    never happened; a count before a word that is no noun is still a toll."""
    for sentence in (
        "After the spill 200 dead fish washed ashore near the port.",
        "Vets found 40 injured cattle in the flooded pens.",
    ):
        assert toll_questions(sentence, "in the spill") == [], sentence
    tolls = {
        "Rescuers counted 9 dead overnight.": ["how many people died in the spill"],
        "The crash left 12 dead, including two drivers.": ["how many people died in the spill"],
    }
    for sentence, expected in tolls.items():
        assert toll_questions(sentence, "in the spill") == expected, sentence


def test_people_named_by_what_they_do_are_counted_as_people() -> None:
    """A toll of herders or journalists is asked as one, not left unasked because the noun
    is not on a hand list; plurals that name things or point back ("others") are not."""
    tolls = {
        "At least 14 herders have died in the blizzard.": ["how many herders died in the storm"],
        "The shelling killed three journalists.": ["how many journalists were killed in the storm"],
        "Two fishermen are missing.": ["how many fishermen are missing in the storm"],
        "Five Ukrainians were injured.": ["how many ukrainians were injured in the storm"],
        "Ten others were injured.": [],
    }
    for sentence, expected in tolls.items():
        assert toll_questions(sentence, "in the storm") == expected, sentence
