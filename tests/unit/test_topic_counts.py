"""/latest's topic suggestions stay right and cheap while facts change: the counts kept as
facts are added, removed, replaced and answered in one server or all equal a count made afresh
from the facts, a member's new fact is offered at once in their server (and only there), and a
change costs reading the facts it touches, not every fact.

The facts are this file's own (invented lighthouses and their keepers).
"""

from __future__ import annotations

import types
from typing import cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import topic_counts
from bot.core.filler_words import STOPWORDS
from bot.core.matcher import Matcher
from bot.core.models import Fact
from bot.core.served_index import ServedIndex
from bot.core.timeline_answers import TOPIC_MIN_FACTS, TimelineAnswers

IDS = [f"lamp-{n}" for n in range(8)]
SERVERS = [None, 1, 2]
KEEPERS = ["Orrinvale", "Quistmoor", "Tandrebay"]
TAGS = ["fog-horn", "lens", "storm"]


def _fresh(matcher: Matcher, guild_id: int | None) -> list[str]:
    """The topics as counted afresh from every current fact, the way /latest read them before
    the counts were kept."""
    counts: dict[str, int] = {}
    names: dict[str, int] = {}
    for fact in matcher.facts():
        if not fact.visible_in(guild_id) or matcher.superseded_in(fact.id, guild_id):
            continue
        for tag in fact.tags:
            counts[tag] = counts.get(tag, 0) + 1
        for name in topic_counts.names_in(fact.answer):
            names[name] = names.get(name, 0) + 1
    for name, count in names.items():
        if count >= TOPIC_MIN_FACTS and name not in STOPWORDS:
            counts[name] = max(counts.get(name, 0), count)
    return sorted(counts, key=lambda t: (-counts[t], t))


def _timeline(matcher: Matcher) -> TimelineAnswers:
    served = types.SimpleNamespace(matcher=matcher, settings=matcher.settings)
    return TimelineAnswers(cast(ServedIndex, served))


facts_strategy = st.builds(
    lambda n, guild, keepers, tags, replaced: Fact(
        IDS[n],
        f"The lamp was relit. {' and '.join(keepers)} kept it lit through the night.",
        tags=tuple(tags),
        guild_id=guild,
        supersedes=tuple(IDS[i] for i in replaced if i != n),
    ),
    st.integers(0, len(IDS) - 1),
    st.sampled_from(SERVERS),
    st.lists(st.sampled_from(KEEPERS), max_size=2),
    st.lists(st.sampled_from(TAGS), max_size=2),
    st.lists(st.integers(0, len(IDS) - 1), max_size=2),
)
changes = st.lists(
    st.one_of(
        st.tuples(st.just("add"), facts_strategy),
        st.tuples(st.just("remove"), st.sampled_from(IDS)),
        st.tuples(st.just("look"), st.sampled_from([*SERVERS, 3])),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes)
def test_kept_topics_equal_a_fresh_count_through_any_changes(
    steps: list[tuple[str, object]],
) -> None:
    matcher = Matcher()
    timeline = _timeline(matcher)
    for kind, what in steps:
        if kind == "add":
            assert isinstance(what, Fact)
            matcher.add(what)
        elif kind == "remove":
            assert isinstance(what, str)
            matcher.remove(what)
        else:
            # Asked in the middle: the counts are made then and kept from there on.
            assert what is None or isinstance(what, int)
            assert timeline.topics("", guild_id=what, limit=50) == _fresh(matcher, what)
    for guild_id in [*SERVERS, 3]:
        fresh = _fresh(matcher, guild_id)
        assert timeline.topics("", guild_id=guild_id, limit=50) == fresh
        # Typed: the topics starting with it first, then those holding it, each most used
        # first, as many as asked for.
        offered = [t for t in fresh if t.startswith("o")] + [
            t for t in fresh if "o" in t[1:] and not t.startswith("o")
        ]
        assert timeline.topics(" O", guild_id=guild_id, limit=3) == offered[:3]


def test_a_members_fact_is_offered_at_once_in_their_server_only() -> None:
    matcher = Matcher(
        [
            Fact("old", "The lamp at Orrinvale was relit.", tags=("lens",)),
            Fact("other", "Keepers at Orrinvale met.", tags=("storm",)),
        ]
    )
    timeline = _timeline(matcher)
    assert timeline.topics("", guild_id=1, limit=10) == ["orrinvale", "lens", "storm"]
    matcher.add(
        Fact(
            "new",
            "The lamp at Quistmoor was relit.",
            tags=("fog-horn",),
            guild_id=1,
            supersedes=("old",),
        )
    )
    # Not a minute later: the next key typed sees it.
    assert timeline.topics("fog", guild_id=1, limit=10) == ["fog-horn"]
    # The fact it replaced is no longer news there, nor its name, now written only once.
    assert timeline.topics("", guild_id=1, limit=10) == ["fog-horn", "storm"]
    assert timeline.topics("", guild_id=2, limit=10) == ["orrinvale", "lens", "storm"]
    matcher.remove("new")
    assert timeline.topics("", guild_id=1, limit=10) == ["orrinvale", "lens", "storm"]


def test_a_change_reads_the_facts_it_touches_not_every_fact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    matcher = Matcher(
        [
            Fact(f"lamp-{n}", f"The lamp at Tandrebay shone {n} nights.", tags=("lens",))
            for n in range(300)
        ]
    )
    timeline = _timeline(matcher)
    assert timeline.topics("tan", guild_id=None, limit=5) == ["tandrebay"]
    read: list[str] = []
    names_in = topic_counts.names_in

    def reading(answer: str) -> frozenset[str]:
        read.append(answer)
        return names_in(answer)

    monkeypatch.setattr(topic_counts, "names_in", reading)
    matcher.add(Fact("lamp-new", "The lamp at Quistmoor shone.", supersedes=("lamp-0",)))
    assert timeline.topics("", guild_id=None, limit=5) == ["lens", "tandrebay"]
    # The new fact and the one it replaced: not the 300 others.
    assert len(read) == 2
