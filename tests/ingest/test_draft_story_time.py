"""Facts about another time than the story's are not set in its event (issue 12, point 1).

A draft approved unchanged must not say what is false: "In the Lestria runoff of 1 June 2025,
the yes side won 50.4 percent" (of a referendum three weeks before), "In the Kelmar helicopter
crash, Vaida was known as the iron miner". Short articles written here, in our own words: a
runoff that goes back to an earlier referendum and to the loser's past; a helicopter crash
whose victim's life the story retells; a vote that goes back to the one before it. A fact
that cannot be placed in the event is left as the article wrote it, with its people written
out; one that can says so, with the event's day.
"""

from __future__ import annotations

import datetime as dt

from bot.ingest import dates
from bot.ingest.story_time import Standing, StoryDays, standing, told_before
from tests.ingest.drafting import draft_of, fact_with

RUNOFF = """Okafor wins Lestria runoff as rivals cry foul
Published: 2025-06-03

MARVEN, June 3 - Lestria's opposition leader Daria Okafor has won the presidency after a record
turnout in Sunday's runoff, the election commission said on Tuesday.

Okafor took 53 percent of the vote against the incumbent, Pavel Renko, according to a count
completed on Monday.

Turnout was about 61 percent, with some 900,000 people voting.

The runoff came three weeks after a referendum in which Lestrian voters narrowly approved a
new mining code.

The yes side won 50.4 percent.

Renko, a former army officer, first won the presidency in 2015.

He had promised to keep the mines in state hands.

Only last year did he admit taking loans from a foreign bank.

The loans, worth some $40 million, were never repaid to the bank.

Renko conceded late on Monday and congratulated Okafor.
"""

CRASH = """Tests confirm mine owner died in Kelmar helicopter crash
Published: 2025-03-17

KELMAR, March 17 - Investigators said on Sunday that tests had confirmed that the mine owner
Sorin Vaida was among seven people killed when a helicopter crashed near Kelmar last week.

The helicopter came down on Wednesday afternoon in fog near the village of Dresk, killing
everyone aboard.

Rescuers recovered the flight recorder the next day.

On Thursday the governor, Ilona Brandt, declared a day of mourning.

On Monday last week Vaida had met union leaders in the capital.

Vaida, a former boxer who served two years in prison in Soviet times, was known as "the iron
miner".

Only in 2019 did he admit owning the Dresk mine.

The mine, the largest in the region, employed 3,000 people until it closed.
"""

SIXTH_TERM = """Dovria's president wins sixth term in vote rivals call a sham
Published: 2025-09-23

TALMO, Sept 23 - President Arkady Veles has won a sixth term with 84 percent of the vote, the
election commission said on Monday.

Turnout in Sunday's vote was 79 percent, the commission said.

Two other candidates were on the ballot, and neither won more than 9 percent.

The last presidential election, in August 2020, gave Veles 76 percent of the vote.

The opposition said the result was rigged, and months of street protests followed.

The police crushed them, detaining thousands of people.

This time the vote was held in September.

Analysts said the date was chosen to avoid a repeat of the 2020 protests, when crowds filled
the streets in the weeks after the vote.
"""


def test_a_result_is_set_in_the_vote_and_dated_by_it_not_by_the_count() -> None:
    """ "according to a count completed on Monday": Monday is when the count was done; the
    share is the runoff's, on Sunday."""
    fact = fact_with(draft_of(RUNOFF), "took 53 percent")
    assert fact.answer.startswith("In the Lestria runoff of 1 June 2025, Daria Okafor took"), (
        fact.answer
    )
    assert "completed on Monday 2 June 2025" in fact.answer
    assert fact.date == dt.date(2025, 6, 1)


def test_a_fact_naming_nothing_says_which_vote_and_when() -> None:
    fact = fact_with(draft_of(RUNOFF), "61 percent")
    assert fact.answer.startswith("In the Lestria runoff of 1 June 2025, turnout was about 61"), (
        fact.answer
    )
    assert fact.date == dt.date(2025, 6, 1)


def test_what_is_said_of_an_earlier_referendum_is_not_set_in_the_runoff() -> None:
    """The sentence before names the runoff, but brings in the referendum to tell of it."""
    fact = fact_with(draft_of(RUNOFF), "50.4 percent")
    assert "runoff" not in fact.answer, fact.answer
    assert "1 June" not in fact.answer and fact.date is None, fact.answer
    assert fact.answer.startswith("In the Lestria referendum, the yes side won"), fact.answer


def test_the_loser_s_past_is_not_set_in_the_runoff() -> None:
    draft = draft_of(RUNOFF)
    for words in ("in 2015", "had promised", "taking loans", "never repaid"):
        fact = fact_with(draft, words)
        assert "runoff" not in fact.answer, fact.answer
        assert fact.date is None, (fact.answer, fact.date)
    assert fact_with(draft, "had promised").answer.startswith("Pavel Renko, a former army")


def test_an_inverted_sentence_names_its_subject_and_is_asked_about() -> None:
    """ "Only last year did he admit ...": who admitted it, and what a reader asks."""
    fact = fact_with(draft_of(RUNOFF), "taking loans")
    assert fact.answer.startswith("Only last year did Pavel Renko admit taking loans"), fact.answer
    assert "what did pavel renko admit" in fact.questions, fact.questions


def test_what_followed_a_one_off_event_says_so() -> None:
    """Conceding on Monday, the day after Sunday's runoff: "After the Lestria runoff", never
    "In the runoff" or "during" it."""
    fact = fact_with(draft_of(RUNOFF), "conceded")
    assert fact.answer.startswith("After the Lestria runoff, Pavel Renko conceded late on Monday")
    assert fact.date == dt.date(2025, 6, 2)


def test_the_crash_victim_s_past_is_not_set_in_the_crash() -> None:
    draft = draft_of(CRASH)
    for words in ("union leaders", "iron miner", "owning the Dresk mine", "employed 3,000"):
        fact = fact_with(draft, words)
        assert "crash" not in fact.answer, fact.answer
    met = fact_with(draft, "union leaders")
    assert met.answer.startswith("On Monday 10 March 2025 Sorin Vaida had met union leaders")
    assert met.date == dt.date(2025, 3, 10)


def test_a_dated_sentence_naming_its_people_is_not_set_in_a_crash_of_unknown_day() -> None:
    """The article never says on which day "last week" the crash was: a Thursday that names
    the governor may be before it or after; "during the crash" would be false either way."""
    fact = fact_with(draft_of(CRASH), "day of mourning")
    assert "crash" not in fact.answer, fact.answer
    assert fact.answer.startswith("On Thursday 13 March 2025 the governor, Ilona Brandt")


def test_the_next_day_is_counted_from_the_day_named_before() -> None:
    fact = fact_with(draft_of(CRASH), "flight recorder")
    assert fact.date == dt.date(2025, 3, 13)
    assert "the next day (13 March 2025)" in fact.answer, fact.answer


def test_the_event_s_day_is_learned_from_a_later_sentence() -> None:
    """The lede gives no day; "Sunday's vote" does, and facts set in the vote say it."""
    fact = fact_with(draft_of(SIXTH_TERM), "two other candidates")
    assert fact.answer.startswith("In the Dovria vote of 21 September 2025, two other"), fact.answer


def test_the_vote_before_is_not_written_as_the_main_one() -> None:
    draft = draft_of(SIXTH_TERM)
    last = fact_with(draft, "76 percent")
    assert last.answer.startswith("The last presidential election, in August 2020"), last.answer
    assert "Dovria vote" not in last.answer, last.answer
    for words in ("result was rigged", "crushed them"):
        answer = fact_with(draft, words).answer
        assert "Dovria vote" not in answer, answer
    analysts = fact_with(draft, "analysts said")
    assert "after the Dovria vote" not in analysts.answer, analysts.answer


def test_a_story_s_days_run_from_before_a_one_off_event_to_publication() -> None:
    days = StoryDays.of(dt.date(2025, 6, 1), dt.date(2025, 6, 3), one_off=True, law=False)
    assert days == StoryDays(dt.date(2025, 5, 31), dt.date(2025, 6, 3))
    spell = StoryDays.of(None, dt.date(2024, 4, 15), one_off=False, law=False)
    assert spell == StoryDays(dt.date(2024, 3, 1), dt.date(2024, 4, 15))


def test_where_a_sentence_stands_in_time() -> None:
    published = dt.date(2024, 11, 5)
    days = StoryDays(dt.date(2024, 11, 2), published)

    def where(text: str) -> Standing:
        return standing(text, days, published)

    assert where("Sandu first won the presidency in 2020.") is Standing.OTHER
    assert where("In April he launched a new bloc.") is Standing.OTHER
    assert where("Shor was sentenced in absentia last year.") is Standing.OTHER
    assert where("Late on Sunday the challenger thanked his voters.") is Standing.STORY
    # What qualifies a noun, what someone said, and an aside are not the sentence's time.
    assert where("She dismissed the disputed 2020 election as a farce.") is Standing.NONE
    assert where("The minister said he had been a pensioner since 2019.") is Standing.NONE
    assert where("Vaida, who served two years in prison in Soviet times, died.") is (Standing.ASIDE)
    assert where("In the first round, held two weeks earlier, she won 44 percent.") is (
        Standing.ASIDE
    )
    # A span that began just before the story runs into it; one long before does not.
    assert where("Stations had been open from 28 October.") is Standing.NONE
    assert where("Belarus has hosted the weapons since 2023.") is Standing.ASIDE


def test_a_past_perfect_with_no_day_tells_of_before_the_story() -> None:
    published = dt.date(2024, 11, 24)
    assert told_before("Russia had signalled that it would block any candidate.", published)
    assert not told_before("By Friday 40 people had died.", published)
    assert not told_before("Police said 12 people had died.", published)


def test_relative_days_count_from_the_day_the_sentence_names() -> None:
    published = dt.date(2024, 9, 30)
    text = "The army launched an offensive on 19 September, and the rebels gave up the next day."
    assert dates.absolute(text, published).endswith("the next day (20 September 2024).")
    earlier = dates.event_date("Two weeks earlier, the council voted.", published,
                               anchor=dt.date(2024, 9, 19))  # fmt: skip
    assert earlier is not None and earlier.date == dt.date(2024, 9, 5)
    counted = "She took 53 percent, according to a count completed on Monday."
    assert dates.event_date(counted, published) is None


def test_a_counted_day_opening_the_sentence_keeps_its_capital() -> None:
    # "A day later the governor resigned." was drafted as "on 5 March 2031 the governor
    # resigned.", a fact opening in lower case that a moderator has to mend.
    published, anchor = dt.date(2031, 3, 14), dt.date(2031, 3, 4)
    opened = dates.absolute("A day later the governor resigned.", published, anchor=anchor)
    assert opened == "On 5 March 2031 the governor resigned."
    inside = dates.absolute("Rescuers said two days later that the road was open.", published,
                            anchor=anchor)  # fmt: skip
    assert inside == "Rescuers said on 6 March 2031 that the road was open."
