"""`/latest`'s topic counts and the facts by date are made in the background when knowledge is
loaded, so the first member to ask waits no longer than the next.

Made a step at a time while facts keep changing between steps (and read in the middle), they
give what making them at once from the final facts gives; the background task makes them for
each newly served index without a read, and lets other work run between its steps. It then
makes the country-name tables of the languages the facts are written in, which the first
Russian question meeting the country check used to wait about 0.1 s for.

The facts are this file's own (invented tram depots).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import country_names, dated_facts, fact_index, timeline_warmer
from bot.core.matcher import Matcher
from bot.core.models import Fact, Translation
from bot.core.timeline_warmer import TimelineWarmer

IDS = [f"depot-{n}" for n in range(10)]
SERVERS = [None, 1, 2]
FIRST = dt.date(2024, 9, 2)
TAGS = ["rails", "night-shift"]
DAYS = st.one_of(st.none(), st.integers(0, 5).map(lambda n: FIRST + dt.timedelta(days=n)))

facts_strategy = st.builds(
    lambda n, guild, day, tags, replaced: Fact(
        IDS[n],
        f"The Brindlemoor depot sent out tram {n}; Oskarvale drivers took it.",
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
changes = st.lists(
    st.one_of(
        st.tuples(st.just("add"), facts_strategy),
        st.tuples(st.just("remove"), st.sampled_from(IDS)),
        st.tuples(st.just("redate"), st.tuples(st.sampled_from(IDS), DAYS)),
        st.tuples(st.just("step"), st.integers(1, 8)),
        st.tuples(st.just("look"), st.sampled_from([*SERVERS, 3])),
    ),
    min_size=4,
    max_size=40,
)


@contextlib.contextmanager
def one_fact_a_step() -> Iterator[None]:
    """Steps as small as they go, so that a few facts take many steps."""
    with (
        mock.patch.object(fact_index, "_TOPIC_STEP", 1),
        mock.patch.object(dated_facts, "_PLACE_STEP", 1),
        mock.patch.object(dated_facts, "_MERGE_STEP", 1),
    ):
        yield


def _views(matcher: Matcher, guild_id: int | None) -> tuple[object, ...]:
    """What `/latest` and time-only questions read of ``matcher`` in ``guild_id``."""
    dated = matcher.dated_facts()
    day = FIRST + dt.timedelta(days=2)
    return (
        matcher.topic_counts(guild_id),
        [f.id for f in dated.newest(guild_id, count=4)],
        [f.id for f in dated.newest(guild_id, count=3, start=day, end=day, current=False)],
        [f.id for f in dated.latest(guild_id, count=5, since=FIRST)],
        sorted(dated.current_ids(guild_id)),
        [sorted(dated.tagged(guild_id, tag)) for tag in TAGS],
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(facts_strategy, min_size=1, max_size=10), changes)
def test_made_step_by_step_through_changes_equals_made_at_once(
    first: list[Fact], later: list[tuple[str, object]]
) -> None:
    with one_fact_a_step():
        matcher = Matcher()
        for fact in first:
            matcher.add(fact)
        steps = matcher.timeline_steps()
        for kind, what in later:
            if kind == "add":
                assert isinstance(what, Fact)
                matcher.add(what)
            elif kind == "remove":
                assert isinstance(what, str)
                matcher.remove(what)
            elif kind == "redate":
                assert isinstance(what, tuple)
                served = matcher.get(what[0])
                if served is not None:
                    matcher.refresh(dataclasses.replace(served, date=what[1]))
            elif kind == "step":
                assert isinstance(what, int)
                for _ in zip(range(what), steps, strict=False):
                    pass
            else:
                # A member asks before the background is done: the rest is made then.
                assert what is None or isinstance(what, int)
                _views(matcher, what)
        for _ in steps:
            pass
        assert matcher.timeline_made
        at_once = Matcher()
        for fact in matcher.facts():
            at_once.add(fact)
        for guild_id in [*SERVERS, 3]:
            assert _views(matcher, guild_id) == _views(at_once, guild_id)


def _depots(count: int) -> list[Fact]:
    return [
        Fact(
            f"depot-{n}",
            f"Tram {n} left the Brindlemoor depot for Oskarvale.",
            tags=("rails",),
            date=FIRST + dt.timedelta(days=n % 40),
        )
        for n in range(count)
    ]


async def _made(index: Matcher) -> bool:
    """Whether ``index``'s timeline gets made within 60 s (looked at every 10 ms)."""
    for _ in range(6000):
        if index.timeline_made:
            return True
        await asyncio.sleep(0.01)
    return False


async def test_each_newly_served_index_is_made_without_a_read() -> None:
    """At start and after a reload (another index served), the views are made in the
    background before anyone reads them."""
    served = Matcher(_depots(300))
    warmer = TimelineWarmer(lambda: served)
    warmer.start()
    try:
        assert await _made(served)
        served = Matcher(_depots(200))
        assert not served.timeline_made
        assert await _made(served)
    finally:
        await warmer.stop()
    assert served.topic_counts(None)[0] == {"rails": 200}


async def test_other_work_runs_between_the_steps() -> None:
    """While thousands of facts are made, the event loop gets its turn again and again (a
    question, a heartbeat), not once at the end."""
    index = Matcher(_depots(3000))
    turns = 0

    async def other_work() -> None:
        nonlocal turns
        while True:
            turns += 1
            await asyncio.sleep(0)

    with mock.patch.object(timeline_warmer, "STEP_SECONDS", 0.0):
        warmer = TimelineWarmer(lambda: index)
        beside = asyncio.create_task(other_work())
        warmer.start()
        try:
            assert await _made(index)
        finally:
            await warmer.stop()
            beside.cancel()
    # Steps of at most a hundred facts: 3,000 facts leave the loop at least 30 turns.
    assert turns >= 30


TRAM_RU = Translation("ru", "Трамвай вышел из депо Бриндлмур в Оскарвейл.", ("куда ушёл трамвай",))
TRAM_AZ = Translation("az", "Tramvay Brindlmur deposundan Oskarveylə yola düşüb.")


def test_the_facts_languages_are_those_their_texts_are_indexed_in() -> None:
    english = _depots(3)
    assert Matcher(english).written_languages() == {"en"}
    russian = [dataclasses.replace(english[0], translations=(TRAM_RU,)), *english[1:]]
    assert Matcher(russian).written_languages() == {"en", "ru"}
    both = [dataclasses.replace(english[0], translations=(TRAM_RU, TRAM_AZ))]
    assert Matcher(both).written_languages() == {"en", "ru", "az"}


async def test_the_country_names_of_the_facts_languages_are_made_in_the_warm_up() -> None:
    """A bot whose facts are in Russian has the Russian country names ready before its first
    Russian question; one with English facts alone never loads the Russian dictionary for
    them."""
    depots = _depots(50)
    served = Matcher([dataclasses.replace(depots[0], translations=(TRAM_RU,)), *depots[1:]])
    prepared: list[frozenset[str]] = []
    with mock.patch.object(country_names, "prepare", lambda languages: prepared.append(languages)):
        warmer = TimelineWarmer(lambda: served)
        warmer.start()
        try:
            for _ in range(6000):
                if prepared:
                    break
                await asyncio.sleep(0.01)
        finally:
            await warmer.stop()
    assert prepared == [{"en", "ru"}]


def test_prepared_country_names_are_those_a_question_meets() -> None:
    country_names.prepare(["ru", "az", "en"])
    assert country_names.names_country("франции", "ru")
    assert country_names.names_country("fransanın", "az")
    assert country_names.english_country("georgians") == "georgia"


async def test_the_place_names_are_read_in_the_warm_up_of_each_served_index() -> None:
    """The names of places a question may name by their kind ("the port") are read before the
    first such question, for the index served at start and again for one served after a
    reload."""
    read: list[Matcher] = []

    def prepare(self: Matcher) -> None:
        read.append(self)

    served = Matcher(_depots(40))
    with mock.patch.object(Matcher, "prepare_place_names", prepare):
        warmer = TimelineWarmer(lambda: served)
        warmer.start()
        try:
            first = served
            for _ in range(6000):
                if read:
                    break
                await asyncio.sleep(0.01)
            served = Matcher(_depots(30))
            for _ in range(6000):
                if len(read) > 1:
                    break
                await asyncio.sleep(0.01)
        finally:
            await warmer.stop()
    assert read == [first, served]
