"""A fact carries the context it leans on (issue 12: self-contained answers), over short
articles of our own: the thing named before its noun where the noun stands before a day, a count
or a verb; the one person a role stands for; and the main event's own day when the lede's day
is that of later news.

A reader who sees "Parliament ratified the accord on 4 March" alone cannot tell which accord,
and a question naming it does not reach the fact; "In the Tarvel dam collapse of 9 May ..." on a
fact of 3 May says what is false.
"""

from __future__ import annotations

from tests.ingest.drafting import draft_of, fact_with

ACCORD = """Georgia and Armenia open Sadakhlo rail link
Published: 2025-03-20

TBILISI, March 20 - Georgia and Armenia opened a rebuilt rail link at Sadakhlo on Thursday, the
first trains to run on the Sadakhlo Transit Corridor that both governments agreed in January.

Georgia's parliament approved the corridor on 4 March by 98 votes to 12, with the opposition
abstaining.

The national rail company expects the corridor to double freight across the border within two
years.
"""

COPPER = """Lorimar copper mine reopens after six months
Published: 2025-10-02

YEREVAN, Oct 2 - Armenia's government said on Wednesday that the Lorimar copper mine had
reopened, six months after a walkout over pay shut it down.

President Aram Telvik visited the pit and thanked the miners for returning to work.

Prime Minister Sona Aveyan said the state would take a 10 percent stake.

The president said he expects the mine to produce 40,000 tonnes of concentrate next year.
"""

TWO_PRESIDENTS = """Armenian and Georgian leaders meet at Lorimar mine
Published: 2025-10-04

YEREVAN, Oct 4 - President Aram Telvik of Armenia and President Levan Dadiani of Georgia met at
the Lorimar copper mine on Friday to discuss a rail spur to the border.

The president said the spur would be built within three years.

Both leaders said financing would come from a regional development bank.
"""

DAM = """Inquiry faults builder after Tarvel dam collapse
Published: 2025-05-09

DUSHANBE, May 9 - An official inquiry published on Friday blamed the builder of the Tarvel
irrigation dam for poor concrete work, almost a week after the collapse flooded four villages
in the Vakhsh valley.

The collapse came at about 4 a.m. last Saturday, 3 May, after two days of heavy rain.

Water reached the roofs of about 300 houses in Tarvel and Sangvor.

Rescuers took 1,200 people to schools in the district centre.
"""


def test_a_named_thing_is_written_out_before_a_day_and_a_count() -> None:
    draft = draft_of(ACCORD)
    vote = fact_with(draft, "98 votes to 12")
    assert "approved the Sadakhlo Transit Corridor on 4 March" in vote.answer, vote.answer
    # Its questions name the corridor as readers would.
    assert any("sadakhlo transit corridor" in q for q in vote.questions), vote.questions


def test_a_named_thing_is_written_out_before_the_verb_it_is_the_subject_of() -> None:
    draft = draft_of(ACCORD)
    freight = fact_with(draft, "double freight")
    assert "expects the Sadakhlo Transit Corridor to double freight" in freight.answer


SPECIFIED = """Sadakhlo rail link opens to freight
Published: 2025-03-21

TBILISI, March 21 - Freight trains began running on the rebuilt Sadakhlo rail link on Friday,
on the Sadakhlo Transit Corridor that Georgia and Armenia agreed in January.

Officials said the corridor to Gyumri would open to passengers in the summer.
"""


def test_a_noun_another_word_says_which_it_is_is_left_as_written() -> None:
    # "the corridor to Gyumri" is another stretch, which the words after it name.
    draft = draft_of(SPECIFIED)
    gyumri = fact_with(draft, "to Gyumri")
    assert "the corridor to Gyumri" in gyumri.answer, gyumri.answer


def test_the_one_person_the_article_gave_a_role_is_who_the_role_means() -> None:
    draft = draft_of(COPPER)
    tonnes = fact_with(draft, "40,000 tonnes")
    assert tonnes.answer.startswith(
        "President Aram Telvik said he expects the Lorimar copper mine to produce"
    ), tonnes.answer


def test_a_role_two_people_hold_is_left_as_written() -> None:
    draft = draft_of(TWO_PRESIDENTS)
    spur = fact_with(draft, "within three years")
    assert "Telvik" not in spur.answer and "Dadiani" not in spur.answer, spur.answer


def test_the_ledes_day_of_later_news_is_not_the_events_day() -> None:
    draft = draft_of(DAM)
    answers = [f.answer for f in draft.facts]
    # The inquiry was published on 9 May; the dam gave way on 3 May: no fact says the collapse
    # was on the 9th.
    assert not any("collapse of 9 May" in a for a in answers), answers


def test_the_events_day_is_learned_from_a_sentence_telling_when_it_came() -> None:
    draft = draft_of(DAM)
    roofs = fact_with(draft, "roofs of about 300 houses")
    # Set in the collapse, of its own day: a reader of the fact alone knows which flood and when.
    assert roofs.answer.startswith("In the Tarvel dam collapse of 3 May 2025, water"), roofs.answer
    assert roofs.date is not None and roofs.date.isoformat() == "2025-05-03"


RALLY = """Thousands rally for jailed Gagauz mayor
Published: 2025-09-15

COMRAT, Sept 15 - Supporters of Ivan Topal, the jailed deputy mayor, marched on Sunday through
Ceadir-Lunga, the second town of Gagauzia, for the third weekend running.

The regional assembly met in Comrat, Gagauzia's capital, on Monday to discuss the case.

Two days earlier about 4,000 people had rallied in the city to demand his release; police said
no one was detained.

Officials in the city administration building declined to comment.
"""


def test_the_city_is_the_city_the_article_last_said_is_one() -> None:
    draft = draft_of(RALLY)
    rally = fact_with(draft, "4,000 people")
    assert "rallied in Comrat to demand his release" in rally.answer, rally.answer


def test_a_part_of_the_city_is_left_as_written() -> None:
    draft = draft_of(RALLY)
    officials = fact_with(draft, "declined to comment")
    assert "the city administration building" in officials.answer, officials.answer


HANDOVER = """Tajik senate speaker hands presidency to nephew
Published: 2025-11-03

DUSHANBE, Nov 3 - Rustam Kholov, 74, handed the presidency to his nephew Farrukh Kholov on
Sunday after twenty years in office.

Farrukh Kholov won 88 percent of the vote, and the runner-up, the farmer Nodir Saidov, took
6 percent.

The older man is not leaving public life.

He stays on as speaker of the senate, a post that outranks the prime minister's.
"""


def test_a_pronoun_after_a_person_told_of_by_description_is_not_the_last_one_named() -> None:
    draft = draft_of(HANDOVER)
    speaker = fact_with(draft, "speaker of the senate")
    # "He" is the older man; the farmer named two sentences before is not the speaker.
    assert "Saidov stays on" not in speaker.answer, speaker.answer
    assert "Farrukh Kholov stays on" not in speaker.answer, speaker.answer
