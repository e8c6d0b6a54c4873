"""/latest and questions naming only a time read the facts of their days, kept by date as
facts change, and get what reading every fact gave: the same facts, in the same order, for
any server and time, through adds, removes, replacements and facts whose date moved.

The facts are this file's own (invented ferry crossings).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import types
from typing import cast

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import timeline
from bot.core.matcher import Matcher
from bot.core.models import Fact
from bot.core.served_index import ServedIndex
from bot.core.timeline_answers import TimelineAnswers

IDS = [f"ferry-{n}" for n in range(10)]
SERVERS = [None, 1, 2]
FIRST = dt.date(2024, 3, 1)
TAGS = ["harbour", "tide"]
DAYS = st.one_of(st.none(), st.integers(0, 6).map(lambda n: FIRST + dt.timedelta(days=n)))


def _timeline(matcher: Matcher) -> TimelineAnswers:
    served = types.SimpleNamespace(matcher=matcher, settings=matcher.settings)
    return TimelineAnswers(cast(ServedIndex, served))


def _current(matcher: Matcher, guild_id: int | None) -> list[Fact]:
    """Every fact read, as before: answered in the server and replaced by none there."""
    return [
        f
        for f in matcher.facts()
        if f.visible_in(guild_id) and not matcher.superseded_in(f.id, guild_id)
    ]


def _scanned_newest(
    matcher: Matcher, guild_id: int | None, when: timeline.TimeQuestion, count: int
) -> list[str]:
    span = when.has_span
    facts = (
        [f for f in matcher.facts() if f.visible_in(guild_id)]
        if span
        else _current(matcher, guild_id)
    )
    newest = heapq.nlargest(
        count, (f for f in facts if when.covers(f.day())), key=lambda f: f.day() or dt.date.min
    )
    return [f.id for f in newest]


def _scanned_latest(
    matcher: Matcher, guild_id: int | None, since: dt.date | None, count: int
) -> list[str]:
    facts = _current(matcher, guild_id)
    if since is not None:
        facts = [f for f in facts if (f.day() or dt.date.min) >= since]
    latest = heapq.nlargest(count, facts, key=lambda f: (f.day() or dt.date.min, f.id))
    return [f.id for f in latest]


facts_strategy = st.builds(
    lambda n, guild, day, tags, replaced: Fact(
        IDS[n],
        f"The ferry crossed to Wendlecove on crossing {n}.",
        tags=tuple(tags),
        guild_id=guild,
        date=day,
        supersedes=tuple(IDS[i] for i in replaced if i != n),
    ),
    st.integers(0, len(IDS) - 1),
    st.sampled_from(SERVERS),
    DAYS,
    st.lists(st.sampled_from(TAGS), max_size=1),
    st.lists(st.integers(0, len(IDS) - 1), max_size=2),
)
windows = st.builds(
    lambda start, end, recent: timeline.TimeQuestion("", start, end, recent),
    DAYS,
    DAYS,
    st.booleans(),
)
changes = st.lists(
    st.one_of(
        st.tuples(st.just("add"), facts_strategy),
        st.tuples(st.just("remove"), st.sampled_from(IDS)),
        st.tuples(st.just("redate"), st.tuples(st.sampled_from(IDS), DAYS)),
        st.tuples(st.just("look"), st.sampled_from([*SERVERS, 3])),
    ),
    max_size=30,
)


def _check(matcher: Matcher, guild_id: int | None, when: timeline.TimeQuestion, count: int) -> None:
    dated = matcher.dated_facts()
    kept = [
        f.id
        for f in dated.newest(
            guild_id, count=count, start=when.start, end=when.end, current=not when.has_span
        )
    ]
    assert kept == _scanned_newest(matcher, guild_id, when, count)
    for since in (None, when.start, dt.date.min):
        kept = [f.id for f in dated.latest(guild_id, count=count, since=since)]
        assert kept == _scanned_latest(matcher, guild_id, since, count)
    found = _timeline(matcher).current_facts(guild_id)
    assert sorted(f.id for f in found) == sorted(f.id for f in _current(matcher, guild_id))
    for tag in TAGS:
        tagged = [f.id for f in _current(matcher, guild_id) if tag in f.tags]
        assert sorted(dated.tagged(guild_id, tag)) == sorted(tagged)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes, windows, st.integers(1, 6))
def test_kept_by_date_equals_reading_every_fact_through_any_changes(
    steps: list[tuple[str, object]], when: timeline.TimeQuestion, count: int
) -> None:
    matcher = Matcher()
    for kind, what in steps:
        if kind == "add":
            assert isinstance(what, Fact)
            matcher.add(what)
        elif kind == "remove":
            assert isinstance(what, str)
            matcher.remove(what)
        elif kind == "redate":
            # A fact whose line moved in its file is served anew, perhaps dated otherwise.
            assert isinstance(what, tuple)
            fact = matcher.get(what[0])
            if fact is not None:
                matcher.refresh(dataclasses.replace(fact, date=what[1]))
        else:
            # Asked in the middle: kept from then on.
            assert what is None or isinstance(what, int)
            _check(matcher, what, when, count)
    for guild_id in [*SERVERS, 3]:
        _check(matcher, guild_id, when, count)


def test_a_week_newest_first_and_a_members_correction_in_its_server_only() -> None:
    def day(n: int) -> dt.date:
        return FIRST + dt.timedelta(days=n)

    matcher = Matcher(
        [
            Fact("early", "The ferry to Wendlecove sailed at dawn.", date=day(0)),
            Fact("late", "The ferry to Wendlecove was cancelled by fog.", date=day(3)),
            Fact("later", "The Wendlecove pier reopened.", date=day(20)),
        ]
    )
    timeline_answers = _timeline(matcher)
    week = timeline.TimeQuestion("", day(0), day(6))
    asked = timeline_answers.ask("what happened that week", week, limit=5, guild_id=1)
    assert [m.fact.id for m in asked.matches] == ["late", "early"]
    matcher.add(
        Fact(
            "fixed",
            "The ferry to Wendlecove sailed after the fog lifted.",
            date=day(4),
            guild_id=1,
            supersedes=("late",),
        )
    )
    latest = timeline_answers.latest("", since=None, guild_id=1, limit=2)
    assert [f.id for f in latest] == ["later", "fixed"]
    elsewhere = timeline_answers.latest("", since=None, guild_id=2, limit=2)
    assert [f.id for f in elsewhere] == ["later", "late"]


def test_a_fact_served_anew_with_another_date_moves_to_that_day() -> None:
    matcher = Matcher(
        [
            Fact("moved", "The ferry to Wendlecove sailed.", date=FIRST),
            Fact("stays", "The Wendlecove pier reopened.", date=FIRST + dt.timedelta(days=2)),
        ]
    )
    timeline_answers = _timeline(matcher)
    assert [f.id for f in timeline_answers.latest("", since=None, guild_id=None, limit=1)] == [
        "stays"
    ]
    fact = matcher.get("moved")
    assert fact is not None
    matcher.refresh(dataclasses.replace(fact, date=FIRST + dt.timedelta(days=5)))
    assert [f.id for f in timeline_answers.latest("", since=None, guild_id=None, limit=1)] == [
        "moved"
    ]
