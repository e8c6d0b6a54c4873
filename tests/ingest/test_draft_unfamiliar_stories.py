"""Drafts of stories unlike the ones the drafter was first tuned on (issue 12).

Short articles written here, in our own words, each showing one thing a moderator or a reader
would notice: a city taken for a person, an uprising not recognised as the story's event, a
war-crimes court taken for a war, a time phrase read as part of who acted, a weekday counted
back from publication although the article gives the date beside it.
"""

from __future__ import annotations

import datetime as dt

from bot.ingest import dates
from bot.ingest.article_draft import ArticleDraft
from bot.ingest.questions import generate
from tests.ingest.drafting import draft_of

RUNOFF = """Okonkwo wins runoff as rival cries foul over count
Published: 2025-03-04

PORT LOMAR, March 4 - Opposition leader Grace Okonkwo has won the presidency of Vallaria after
a runoff on Sunday, the electoral board said, ending twelve years of rule by the Unity Front.

Okonkwo took 53 percent of the vote against Tomas Reyes, a former central bank governor backed
by the Moscow-friendly Unity Front, who won 47 percent.

In Moscow, a foreign ministry spokeswoman said on Monday that the vote had been marred by
irregularities and that Moscow would study the result.

Late on Sunday Reyes conceded defeat and called on his supporters to stay calm.
"""

UNREST = """Lomar counts the cost of January unrest as curfew lifts
Published: 2024-01-24

PORT LOMAR, January 24 - Vallaria lifted its night curfew on Wednesday, three weeks after
the worst unrest the country has seen since independence.

Prosecutors said 41 people were killed in the violence, among them six police officers.

The protests began on January 2 in the mining town of Ketti after the government doubled the
price of bus fares.

Crowds set fire to the town hall in Port Lomar and blocked the main port road for two days.
"""

COURT = """Vallaria joins war crimes court despite warnings from Moscow
Published: 2025-02-10

THE HAGUE, Feb 10 - Vallaria became the newest member of the International Criminal Court on
Monday, a month after its parliament ratified the court's founding treaty.

Foreign Minister Anna Petrova received the court's flag at a ceremony in The Hague.

Moscow had warned Vallaria that joining the court would harm relations between the two
countries.
"""


def _answers(draft: ArticleDraft) -> str:
    return "\n".join(f.answer for f in draft.facts)


def test_a_city_opening_a_sentence_is_nobody() -> None:
    """ "In Moscow, a spokeswoman said ..." once made "In Moscow" a person, and every later
    "Moscow" was written out as "In Moscow": "the In Moscow-friendly Unity Front"."""
    text = _answers(draft_of(RUNOFF))
    assert "In Moscow-friendly" not in text and "in In Moscow" not in text, text
    assert "Moscow-friendly Unity Front" in text


def test_a_weekday_before_a_surname_is_no_first_name() -> None:
    """ "Late on Sunday Reyes conceded" names Tomas Reyes, not a "Sunday Reyes"."""
    text = _answers(draft_of(RUNOFF))
    assert "Sunday Reyes" not in text.replace("Sunday 2 March 2025 Tomas Reyes", ""), text
    assert "Tomas Reyes conceded defeat" in text, text


def test_unrest_is_the_story_and_dated_by_its_month() -> None:
    """An uprising, unrest or mutiny is an event like a flood: the facts that lean on it are set
    in it, and by its month, not by the day of the lede's news (the curfew lifting)."""
    draft = draft_of(UNREST)
    killed = next(f.answer for f in draft.facts if "41 people" in f.answer)
    assert killed.startswith("In the ") and " unrest of January 2024, " in killed, killed
    assert "unrest of 24 January 2024" not in _answers(draft)


def test_a_war_crimes_court_is_no_war() -> None:
    """ "joins war crimes court" has no war in it: no fact is set "In the ... war"."""
    text = _answers(draft_of(COURT))
    assert " war," not in text and " war of " not in text, text


def test_a_time_phrase_is_not_who_acted() -> None:
    """Questions ask about the person, not about "that evening belarusian president ..."."""
    for sentence, who in (
        ("That evening President Ana Lopes said she had talked the rebels into stopping.", "lopes"),
        ("The same day Prime Minister Ian Moro accepted the resignation of his cabinet.", "moro"),
        ("Hours after the vote, Lopes said there was evidence of vote buying.", "lopes"),
    ):
        questions = generate(sentence, names={"Ana", "Lopes", "Ian", "Moro", "President"})
        assert questions, sentence
        for question in questions:
            assert not question.startswith(("what did that", "what did the same", "what did hours"))
            assert not any(w in question.split()[:4] for w in ("evening", "same", "hours")), (
                question
            )
        assert any(who in q for q in questions), questions


def test_a_weekday_beside_its_date_is_that_date() -> None:
    """ "on the evening of Friday, June 23" is 23 June, not the Friday before publication."""
    published = dt.date(2023, 8, 28)
    for sentence in (
        "The revolt began on the evening of Friday, June 23, when the rebels marched.",
        "The revolt began on Friday 23 June.",
    ):
        found = dates.event_date(sentence, published)
        assert found is not None and found.date == dt.date(2023, 6, 23), (sentence, found)
    alone = dates.event_date("The revolt began on Friday.", published)
    assert alone is not None and alone.date == dt.date(2023, 8, 25)
