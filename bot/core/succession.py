"""Supersession as a reader sees it: which fact replaced which, as seen from one server.

A fact names the facts it replaces (``supersedes``); the index keeps the reverse, the ids of
the facts that name each id (its successors). These views follow that record through chains
(A -> B -> C) and let only facts visible in the asking server count: a member's correction in
one server does not hide the original in another.

They read the index through two things only, the successors by id and a lookup of a fact by
id, so that the matcher keeps its own state and these rules sit apart from its scoring.
(``supersession`` is a different job: it proposes supersessions for a person to confirm.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet

from bot.core.models import Fact, Match

# The ids of the facts that name each id in their ``supersedes``.
Successors = Mapping[str, AbstractSet[str]]
# A fact by id, or None when the index holds none by that id.
Lookup = Callable[[str], Fact | None]


def superseded_in(fact_id: str, guild_id: int | None, successors: Successors, get: Lookup) -> bool:
    """Whether a fact visible in ``guild_id`` replaces ``fact_id`` there."""
    return any(
        (newer := get(other)) is not None and newer.visible_in(guild_id)
        for other in successors.get(fact_id, ())
    )


def replaced_where(fact: Fact, successors: Successors, get: Lookup) -> tuple[int | None, ...]:
    """Where ``fact`` is not current, as the servers it is hidden in (None: everywhere, the
    shared facts): a file fact replaced by a file fact, everywhere; by members' facts only, in
    their servers; a member's fact replaced by a file fact or a fact of its own server, in its
    server. The one rule the views kept as facts change (topic counts, facts by day) read."""
    newer = {
        successor.guild_id
        for other in successors.get(fact.id, ())
        if (successor := get(other)) is not None
    }
    if not newer:
        return ()  # most facts
    if fact.guild_id is None:
        if None in newer:
            return (None,)
        return tuple(sorted(g for g in newer if g is not None))
    if None in newer or fact.guild_id in newer:
        return (fact.guild_id,)
    return ()


def newest(fact: Fact, guild_id: int | None, successors: Successors, get: Lookup) -> Fact:
    """The newest fact visible in ``guild_id`` that replaces ``fact`` (following chains:
    A -> B -> C gives C), or ``fact`` itself when none does there."""
    current = fact
    seen = {fact.id}
    while True:
        newer = [
            other
            for other_id in successors.get(current.id, ())
            if other_id not in seen
            and (other := get(other_id)) is not None
            and other.visible_in(guild_id)
        ]
        if not newer:
            return current
        current = max(newer, key=lambda f: (f.day() or dt.date.min, f.id))
        seen.add(current.id)


def earlier(fact: Fact, guild_id: int | None, get: Lookup, *, limit: int = 10) -> tuple[Fact, ...]:
    """The facts ``fact`` replaced, directly or down a chain, visible in ``guild_id``,
    newest first."""
    found: list[Fact] = []
    seen = {fact.id}
    frontier = [fact]
    while frontier and len(found) < limit:
        following: list[Fact] = []
        for newer in frontier:
            for old_id in newer.supersedes:
                old = get(old_id)
                if old_id in seen or old is None or not old.visible_in(guild_id):
                    continue
                seen.add(old_id)
                following.append(old)
        found.extend(following)
        frontier = following
    found.sort(key=lambda f: f.day() or dt.date.min, reverse=True)
    return tuple(found[:limit])


def current_only(
    ranked: list[Match], guild_id: int | None, successors: Successors, get: Lookup
) -> list[Match]:
    """``ranked`` with each superseded fact replaced by its newest visible successor,
    keeping its score, each fact once (at its best place), and with the facts each one
    replaced attached."""
    if not successors:
        return ranked
    direct = {m.fact.id: m for m in ranked}
    out: list[Match] = []
    placed: set[str] = set()
    for match in ranked:
        fact = newest(match.fact, guild_id, successors, get)
        if fact.id in placed:
            continue
        placed.add(fact.id)
        own = direct.get(fact.id)
        question = own.matched_question if own is not None else None
        replaced = earlier(fact, guild_id, get) if fact.supersedes else ()
        out.append(Match(fact, match.score, question, replaced))
    return out
