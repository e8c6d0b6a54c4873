""" "The ruling party" written out as the party the article named as ruling (issue 12, point
1: each fact says who it is about), on an article of our own.

A reader shown "The bill is the ruling party's third attempt" alone cannot tell which party,
and one asking about the party by name does not reach it.
"""

from __future__ import annotations

from bot.ingest.ruling_party import ruling_party, written_out
from tests.ingest.drafting import draft_of, fact_with

ARTICLE = """Kyrgyz parliament passes media bill despite protests
Published: 2025-04-03

BISHKEK, April 3 - Kyrgyzstan's parliament on Wednesday passed a bill giving the government
powers to shut news sites, after the governing Ata-Jurt Unity party pushed it through a third
reading by 61 votes to 12.

The bill is the ruling party's third attempt. In 2023 it withdrew two earlier drafts after
street protests in Bishkek.

Journalists' unions said they would ask the constitutional court to strike the law down.
"""


def test_the_ruling_party_is_written_as_the_party_the_article_named() -> None:
    fact = fact_with(draft_of(ARTICLE), "third attempt")
    assert "Ata-Jurt Unity's third attempt" in fact.answer, fact.answer
    assert "ruling party" not in fact.answer, fact.answer
    assert any("ata-jurt" in tag for tag in fact.tags), fact.tags
    # "it" of the sentence after is the party the attempt is the doing of, not Kyrgyzstan.
    assert "when did ata-jurt unity withdraw two earlier drafts" in fact.questions, fact.questions


def test_a_party_is_named_as_ruling_only_by_its_capitalised_name() -> None:
    assert ruling_party("the ruling Party of Action and Solidarity said") == (
        "the Party of Action and Solidarity"
    )
    assert ruling_party("with the ruling Civil Contract party voting in favour") == (
        "Civil Contract"
    )
    assert ruling_party("The ruling party won again.") is None
    assert ruling_party("the ruling elite in Bishkek") is None


def test_a_sentence_naming_the_party_already_is_left_alone() -> None:
    text = "Ata-Jurt Unity, the ruling party, denied it."
    assert written_out(text, "Ata-Jurt Unity") == text


def test_governing_as_a_verb_names_no_ruling_party() -> None:
    """ "Rules governing" a union make it no party in power: a later "the ruling party" of the
    same article stays as written rather than becoming the union."""
    assert ruling_party("New rules governing Eurasian Economic Union imports took effect.") is None
    text = "The ruling party backed the rules."
    party = ruling_party("New rules governing Eurasian Economic Union imports took effect.")
    assert written_out(text, party) == text


def test_a_party_named_as_ruling_after_a_possessive_or_with_party_inside_its_name() -> None:
    assert ruling_party("Armenia's ruling Civil Contract party won the vote.") == "Civil Contract"
    assert ruling_party("Ruling Georgian Dream party lawmakers voted for it.") == "Georgian Dream"
    assert ruling_party("the ruling People's Democratic Party of Tajikistan took every seat") == (
        "People's Democratic Party of Tajikistan"
    )
    assert written_out(
        "The ruling party's candidate won.", "People's Democratic Party of Tajikistan"
    ) == ("People's Democratic Party of Tajikistan's candidate won.")
