"""A story about news that follows its event ("a court upholds last month's election") sets its
facts in the event's own month, and a possessive names the event with no "the" (issue 12,
points 1 and 5).

The lede's day is the later news's (the ruling's), and was taken for the election's: every
fact set in the election read "In the Morvan's snap election of 9 August 2024", a day the vote
was not held on, in words no one writes. The articles here are invented.
"""

from __future__ import annotations

from tests.ingest.drafting import answers, draft_of

RULING = """Morvania's top court upholds Tessel's snap election win
Published: 2024-08-10

VALMORE, Aug 10 - Morvania's Supreme Court on Friday threw out opposition challenges to \
last month's snap parliamentary election, confirming the win of Prime Minister Anja Tessel's \
Open Road party.

The judges kept in force the electoral commission's final tally.

Under that tally, Open Road took 51.2 percent of the vote and 70 of the 120 seats.

Turnout was 47.5 percent.
"""

TRIAL = """Court upholds Dravik's election result over fraud claims
Published: 2024-03-05

LORESK, March 5 - A court in Loresk on Monday rejected a challenge to last year's \
presidential election, which returned Dravik's ruling party to power.

Turnout was 61 percent, the electoral board said.

The opposition said thousands of ballots were cast twice.
"""


def test_facts_set_in_last_months_election_carry_its_month_not_the_ruling_day() -> None:
    texts = answers(draft_of(RULING))
    set_in = [a for a in texts if "snap election" in a and not a.startswith("Morvania's")]
    assert set_in, texts
    for answer in set_in:
        assert "of July 2024" in answer
        assert "9 August" not in answer and "August 2024" not in answer


def test_a_possessive_event_reads_without_the() -> None:
    texts = answers(draft_of(RULING))
    assert not any("the Tessel's" in a for a in texts), texts
    assert any(a.startswith("In Tessel's snap election") for a in texts), texts


def test_no_fact_set_in_the_election_is_dated_by_the_ruling() -> None:
    draft = draft_of(RULING)
    set_in = [f for f in draft.facts if "snap election of" in f.answer]
    assert set_in, answers(draft)
    for fact in set_in:
        assert fact.date is None or fact.date.month == 7


def test_last_years_election_gives_its_year_alone() -> None:
    texts = answers(draft_of(TRIAL))
    turnout = [a for a in texts if "Turnout was 61 percent" in a or "turnout was 61" in a]
    assert turnout, texts
    assert "4 March" not in turnout[0] and "March 2024" not in turnout[0]


SENTENCING = """Court jails nine over Sarvel port riots as families protest verdict
Published: 2023-05-10

KORVAN, May 10 - A court in Korvan on Tuesday jailed nine dock workers over the riots that \
shook the port of Sarvel last November, ending the second of three trials.

Prosecutors said the riots began when police broke up a strike at the container terminal.

Four people died in the riots and more than 60 were injured.

Defence lawyers said they would appeal.
"""


def test_an_event_a_verdict_is_over_carries_the_month_the_lede_gives_it() -> None:
    # "jails nine over ... riots": Tuesday is the verdict's day; the riots were last November.
    texts = answers(draft_of(SENTENCING))
    set_in = [a for a in texts if "Sarvel riots" in a or "Sarvel port riots" in a]
    assert set_in, texts
    for answer in set_in:
        assert "May 2023" not in answer and "9 May" not in answer, answer
    assert any("November 2022" in a for a in set_in), set_in
