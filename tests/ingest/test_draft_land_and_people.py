"""A land named for its people ("Gagauzia" of the Gagauz) is a place in its own name (issue 12,
point 1).

The entity index files a demonym under the place it comes from ("Russian" under "Russia") by
cutting its ending; a land whose name is its people's plus "-ia" was cut the same way and filed
under the people, so a headline opening "<Land>'s governor ..." named no place and the story
was set in the next place the headline named (a second clause's "Moscow"). The land, the people
and the articles here are invented.
"""

from __future__ import annotations

import datetime as dt

from bot.ingest.article_context import ArticleContext
from bot.ingest.entities import EntityIndex
from bot.ingest.sentences import split_sentences

TITLE = "Zelvania's governor jailed for six years over party money; Moscow cries foul"
BODY = (
    "A court in the capital sentenced Mira Dostan, the governor of the autonomous region of "
    "Zelvania, to six years in prison on Tuesday. The Zelvan assembly called an emergency "
    "session. Moscow said the verdict was political. Zelvan voters elected Dostan in 2023."
)


def test_the_land_is_filed_under_its_own_name_and_its_people_under_it() -> None:
    index = EntityIndex([TITLE, *split_sentences(BODY)])
    assert index.root("Zelvania") == "Zelvania"
    assert index.root("Zelvan") == "Zelvania"


def test_a_headline_opening_on_the_land_sets_the_story_there() -> None:
    sentences = split_sentences(BODY)
    context = ArticleContext.build(
        TITLE, sentences, EntityIndex([TITLE, *sentences]), dt.date(2025, 3, 5)
    )
    assert context.place == "Zelvania"


def _people_of(title: str, body: str) -> dict[str, str]:
    sentences = split_sentences(body)
    context = ArticleContext.build(
        title, sentences, EntityIndex([title, *sentences]), dt.date(2025, 3, 5)
    )
    return context.people


def test_two_capitalised_words_written_as_a_place_are_no_person() -> None:
    # "Stara Brova" was taken for a person's name, and the draft asked "who is stara brova".
    title = "Brova reservoir dam breaks, flooding villages downstream"
    body = (
        "The Brova dam and its pumping station at Stara Brova, built in the 1960s, gave way "
        "early on Tuesday. Water reached villages 30 km downstream by noon. Brova residents "
        "were moved to schools. Engineers said the Brova dam had been cracked for years."
    )
    assert "Stara Brova" not in _people_of(title, body)


def test_someone_named_after_at_in_an_aside_stays_a_person() -> None:
    # '... - "Old man, go!" - at Dario Velk': chanted at him, not a place.
    title = "Protesters turn on former leader Velk as prices soar"
    body = (
        'Crowds chanted "Go home!" at Dario Velk, the former president, in the capital. '
        "Velk has not spoken since. His allies said Velk would address the nation."
    )
    assert _people_of(title, body).get("Velk") == "Dario Velk"
