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

from bot.ingest.context import ArticleContext
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
