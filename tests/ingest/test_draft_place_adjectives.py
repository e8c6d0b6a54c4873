"""A place's adjective is a name when the draft names the article's event (issue 12, point 1).

"Crimean" is written capitalised like any name, but the entity index files it under Crimea, so
"rebuild Crimean bridge after truck blast" named no place before the blast and the event became
"the Russia blast", the country the headline names first. Our own headlines and sentences.
"""

from __future__ import annotations

import datetime as dt

from bot.ingest.article_context import ArticleContext
from bot.ingest.entities import EntityIndex
from bot.ingest.sentences import split_sentences


def _event(title: str, body: str) -> str | None:
    sentences = split_sentences(body)
    context = ArticleContext.build(
        title, sentences, EntityIndex([title, *sentences]), dt.date(2025, 3, 4)
    )
    return context.event.phrase() if context.event is not None else None


def test_a_place_adjective_before_a_thing_names_the_event() -> None:
    title = "Georgia closes road to Ossetian pass after tunnel collapse"
    body = (
        "Georgia closed the road to the Ossetian pass on Monday after part of a tunnel fell in. "
        "Workers from Ossetia and Georgia cleared the rubble. The road stays shut for a week."
    )
    assert _event(title, body) == "the Ossetian pass collapse"


def test_the_main_places_own_adjective_adds_nothing() -> None:
    # "Armenian parliament" is Armenia's: the law is "Armenia's law", not "Armenia's Armenian
    # parliament law".
    title = "Armenian parliament passes water law farmers say will dry their fields"
    body = (
        "Armenia's parliament passed a water law on Tuesday. Armenian farmers in the Ararat "
        "valley protested outside. The law limits wells to one a farm."
    )
    assert _event(title, body) == "Armenia's law"


def test_the_written_names_keep_adjectives_beside_their_places() -> None:
    index = EntityIndex(["Crimean farmers met in Crimea.", "The Crimean harvest fell."])
    assert {"Crimean", "Crimea"} <= index.written_names()
    assert "Crimean" not in index.counts  # still counted under the place
