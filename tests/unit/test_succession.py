"""The supersession views on their own: a dict of successors and a lookup, no index."""

from __future__ import annotations

import datetime as dt

from bot.core import succession
from bot.core.models import Fact, Match

# A ferry timetable revised twice (A -> B -> C), C only in server 1.
FIRST = Fact("ferry-timetable", "The ferry leaves at 8.", date=dt.date(2025, 3, 1))
SECOND = Fact(
    "ferry-timetable-spring",
    "The ferry leaves at 9.",
    date=dt.date(2025, 4, 1),
    supersedes=("ferry-timetable",),
)
THIRD = Fact(
    "ferry-timetable-summer",
    "The ferry leaves at 10.",
    date=dt.date(2025, 6, 1),
    supersedes=("ferry-timetable-spring",),
    guild_id=1,
)
OTHER = Fact("bridge-closed", "The bridge is closed for repairs.")
FACTS = {f.id: f for f in (FIRST, SECOND, THIRD, OTHER)}
SUCCESSORS = {
    "ferry-timetable": {"ferry-timetable-spring"},
    "ferry-timetable-spring": {"ferry-timetable-summer"},
}


def test_a_fact_is_superseded_only_where_its_successor_is_seen() -> None:
    assert succession.superseded_in(FIRST.id, None, SUCCESSORS, FACTS.get)
    assert succession.superseded_in(SECOND.id, 1, SUCCESSORS, FACTS.get)
    assert not succession.superseded_in(SECOND.id, 2, SUCCESSORS, FACTS.get)
    assert not succession.superseded_in(OTHER.id, 1, SUCCESSORS, FACTS.get)


def test_newest_follows_the_chain_as_far_as_the_server_sees() -> None:
    assert succession.newest(FIRST, 1, SUCCESSORS, FACTS.get) is THIRD
    assert succession.newest(FIRST, 2, SUCCESSORS, FACTS.get) is SECOND
    assert succession.newest(OTHER, 1, SUCCESSORS, FACTS.get) is OTHER


def test_a_successor_no_longer_held_is_passed_over() -> None:
    held = {k: v for k, v in FACTS.items() if k != SECOND.id}
    assert succession.newest(FIRST, 1, SUCCESSORS, held.get) is FIRST


def test_earlier_lists_the_replaced_facts_newest_first() -> None:
    assert succession.earlier(THIRD, 1, FACTS.get) == (SECOND, FIRST)
    assert succession.earlier(THIRD, 1, FACTS.get, limit=1) == (SECOND,)
    assert succession.earlier(FIRST, 1, FACTS.get) == ()


def test_current_only_shows_each_answer_once_by_its_newest_fact() -> None:
    ranked = [Match(FIRST, 0.9, "when does the ferry leave"), Match(OTHER, 0.5), Match(SECOND, 0.4)]
    shown = succession.current_only(ranked, 2, SUCCESSORS, FACTS.get)
    assert [m.fact for m in shown] == [SECOND, OTHER]
    # The successor keeps the best place's score, and the facts it replaced come with it.
    assert shown[0].score == 0.9
    assert shown[0].superseded == (FIRST,)
    # The phrasing shown is the successor's own (it was ranked, matched by none).
    assert shown[0].matched_question is None


def test_current_only_without_successors_returns_the_ranking_itself() -> None:
    ranked = [Match(OTHER, 0.5)]
    assert succession.current_only(ranked, None, {}, FACTS.get) is ranked
