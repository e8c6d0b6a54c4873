"""Reading a question's shortlist from key bitmaps changes no answer: the same candidates in the
same order as gathering them one by one, in any server, as facts come and go."""

from __future__ import annotations

import random
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.key_bitmaps import _Bitmap, best_of_window, keys_of
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.models import AskResult, Fact, Origin

HARBOURS = "quellmouth dravnik osterbay".split()
OFFICIALS = "warden abbess reeve bailiff chancellor".split()
DEEDS = "seized blockaded ransomed audited".split()
CARGO = "saffron timber copper wool amber".split()
WORDS = [*HARBOURS, *OFFICIALS, *DEEDS, *CARGO, "crews", "reported", "why", "what"]


def _harbour_news(count: int, seed: int) -> list[Fact]:
    """Facts sharing a few words widely: one harbour is in most of them, every one says
    "crews reported", and a third are one server's own."""
    rng = random.Random(seed)
    facts = []
    for n in range(count):
        harbour = "quellmouth" if rng.random() < 0.6 else rng.choice(HARBOURS)
        official, deed, cargo = rng.choice(OFFICIALS), rng.choice(DEEDS), rng.choice(CARGO)
        guild = rng.choice([None, None, 7, 8])
        facts.append(
            Fact(
                f"harbour-{n}",
                f"The {official} of {harbour.title()} {deed} the {cargo}, crews reported.",
                (f"why did the {official} {deed.removesuffix('ed')} the {cargo}",),
                origin=Origin.FILE if guild is None else Origin.USER,
                guild_id=guild,
            )
        )
    return facts


def _shown(result: AskResult) -> tuple[object, ...]:
    return result.decision, tuple((m.fact.id, m.score, m.matched_question) for m in result.matches)


# A small budget and shortlist make a few hundred facts behave as a large base does: the rarest
# word of a question is common enough to bring in all its candidates alone.
TIGHT = MatcherSettings(posting_budget=50, candidates=3)
NEWS = _harbour_news(700, seed=11)
MATCHER = Matcher(NEWS, settings=TIGHT)
for _fact in NEWS[::9]:
    MATCHER.remove(_fact.id)
for _fact in NEWS[::13]:
    MATCHER.add(_fact)  # back under a new key: keys are never reused
SNAPSHOT = Matcher.from_state(MATCHER.export_state(), settings=TIGHT)


def _one_by_one(matcher: Matcher, question: str, guild_id: int | None) -> AskResult:
    with mock.patch.object(Matcher, "_one_term_shortlist", return_value=None):
        return matcher.ask(question, guild_id=guild_id, limit=10)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=7),
    guild_id=st.sampled_from([None, 7, 8, 9]),
    snapshot=st.booleans(),
)
def test_the_shortlist_read_from_bitmaps_changes_no_answer(
    words: list[str], guild_id: int | None, snapshot: bool
) -> None:
    """Whatever is asked, in any server, of an index with facts removed and added again (or
    of its snapshot): the same answers and scores as when candidates are gathered one by
    one."""
    matcher = SNAPSHOT if snapshot else MATCHER
    question = " ".join(words)
    read = matcher.ask(question, guild_id=guild_id, limit=10)
    assert _shown(read) == _shown(_one_by_one(matcher, question, guild_id))


@pytest.mark.parametrize("snapshot", [False, True])
def test_questions_of_common_words_are_read_from_bitmaps(snapshot: bool) -> None:
    """The questions above do take the bitmaps' way (the comparison is not of one path with
    itself), from the first question on after a start from a snapshot too, and no other
    server's fact is ever among the answers."""
    matcher = Matcher.from_state(MATCHER.export_state(), settings=TIGHT) if snapshot else MATCHER
    taken = 0
    real = Matcher._one_term_shortlist

    def counting(self: Matcher, *args: object) -> dict[int, float] | None:
        nonlocal taken
        shortlist = real(self, *args)  # type: ignore[arg-type]
        taken += shortlist is not None
        return shortlist

    with mock.patch.object(Matcher, "_one_term_shortlist", counting):
        for official in OFFICIALS:
            result = matcher.ask(f"why did the {official} seize the copper", guild_id=7)
            assert all(m.fact.guild_id in (None, 7) for m in result.matches)
    assert taken == len(OFFICIALS)


@settings(max_examples=300, deadline=None)
@given(
    data=st.data(),
    keep=st.integers(min_value=1, max_value=12),
    base=st.integers(min_value=0, max_value=5000),
)
def test_best_of_window_is_the_stable_sort_of_summed_scores(
    data: st.DataObject, keep: int, base: int
) -> None:
    """Each candidate scored by adding the weights of the bitmaps holding it in turn, then
    sorted best first (equal scores lowest key first) and cut at ``keep``: ties included,
    as few distinct weights make many."""
    size = data.draw(st.integers(min_value=1, max_value=200))
    window = data.draw(st.integers(min_value=0, max_value=2**size - 1))
    weight = st.sampled_from([0.0, 0.1, 0.2, 0.3, 1.0, 2.5])
    later = data.draw(
        st.lists(st.tuples(st.integers(min_value=0, max_value=2**size - 1), weight), max_size=5)
    )
    first = data.draw(weight)
    scored = {}
    for bit in range(size):
        if window >> bit & 1:
            score = first
            for bitmap, added in later:
                if bitmap >> bit & 1:
                    score += added
            scored[base + bit] = score
    expected = sorted(scored, key=scored.__getitem__, reverse=True)[:keep]
    best = best_of_window(window, base, first, later, keep)
    assert list(best) == expected
    assert all(best[key] == scored[key] for key in expected)


def test_keys_are_read_lowest_first_up_to_the_limit() -> None:
    bitmap = sum(1 << bit for bit in (3, 8, 9, 700, 4095))
    assert keys_of(bitmap, 10) == [3, 8, 9, 700, 4095]
    assert keys_of(bitmap, 3, base=100) == [103, 108, 109]
    assert keys_of(0, 5) == []


def test_postings_list_keys_in_the_order_facts_were_added() -> None:
    """What reading a run of postings as a range of keys rests on: however facts are removed,
    added again or restored from a snapshot, each term's postings ascend."""
    matcher = Matcher(NEWS[:300])
    for fact in NEWS[:300:4]:
        matcher.remove(fact.id)
    for fact in NEWS[:300:6]:
        matcher.add(fact)
    for fact in NEWS[300:]:
        matcher.add(fact)
    restored = Matcher.from_state(matcher.export_state())
    for index in (matcher, restored):
        assert all(p == sorted(set(p)) for p in index._postings.values())


@settings(max_examples=200, deadline=None)
@given(
    keys=st.sets(st.integers(min_value=0, max_value=5000), max_size=300),
    later=st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=6000)), max_size=20),
)
def test_a_bitmap_made_at_once_is_the_one_made_key_by_key(
    keys: set[int], later: list[tuple[bool, int]]
) -> None:
    """A common term's key set made into a bitmap in one pass holds what setting each key in
    turn does, and keeps doing so as facts are added and removed after."""
    at_once = _Bitmap.of(keys)
    one_by_one = _Bitmap()
    for key in keys:
        one_by_one.set(key)
    assert at_once.value() == one_by_one.value() == sum(1 << key for key in keys)
    for added, key in later:
        for bitmap in (at_once, one_by_one):
            if added:
                bitmap.set(key)
            else:
                bitmap.clear(key)
        assert at_once.value() == one_by_one.value()
