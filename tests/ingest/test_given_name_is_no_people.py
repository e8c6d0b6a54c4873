"""A man's first name is no people (issue 11, a review leftover).

The entity index files a people under its land when the land is its name plus "-ia" ("Zelvan"
under "Zelvania"). A first name can look the same: "Orlen" of "Orlen Vasko" plus "-ia" is
"Orlenia", so an article about a man of that name in Orlenia counted him as the country and
its tags and setting leaned on the wrong entity. A word the article writes before a surname is
read as a first name and keeps its own entry. The land, the people and the man are invented.
"""

from __future__ import annotations

from bot.ingest.entities import EntityIndex

SENTENCES = [
    "Orlen Vasko, a trader from the capital, lost his stall in the Orlenia market fire.",
    "Orlen said the stallholders of Orlenia had no insurance.",
    "Zelvan traders in Zelvania sent help.",
    "The Zelvan People's Assembly in Zelvania voted money for the market.",
]


def test_a_first_name_is_not_filed_under_the_land_it_resembles() -> None:
    index = EntityIndex(SENTENCES)
    assert index.root("Orlen") == "Orlen"
    assert index.counts["Orlenia"] == 2


def test_a_people_is_still_filed_under_its_land() -> None:
    # "Zelvan People" ends in an everyday word: a body's name, not a man's.
    index = EntityIndex(SENTENCES)
    assert index.root("Zelvan") == "Zelvania"
