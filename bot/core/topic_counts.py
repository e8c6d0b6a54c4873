"""How many current facts carry each /latest topic, as seen from each server, kept as facts
change.

A topic is a fact's tag or a name its answer writes (a capitalised word not starting a
sentence). A fact counts in a server when it is answered there (a file fact everywhere, a
member's fact in its own server) and no fact answered there replaces it. Counting them afresh
read every fact: about a second at 100,000 facts, on the event loop, after any change. Here
each change recounts only the facts it can touch: the fact itself and those it replaces.

The counts are kept in two layers: those of the file facts that no file fact replaces (what a
server with no facts of its own sees), and per server, what its own facts add and what the
file facts they replace take away.

The first count of every fact still takes 1-2 s at 100,000 facts. A running bot makes it in
the background as soon as the knowledge is loaded (``bot.core.timeline_warmer``), a few facts
at a time (``count_some``), so that no member's first `/latest` waits for it; a read before it
is done counts the rest at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.core.models import Fact
from bot.core.succession import Lookup, Successors, replaced_where

# Entity words: capitalised, not starting a sentence.
_ENTITY = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")

# The layers a fact counts in (+1) or out of (-1), by server (None: the shared layer).
Standing = tuple[tuple[int | None, int], ...]

# The layer of the file facts (answered in every server, and outside any).
_SHARED: int | None = None
_IN_SHARED: Standing = ((_SHARED, 1),)


def names_in(answer: str) -> frozenset[str]:
    """The names ``answer`` writes, lower-cased: each counts once per fact."""
    return frozenset(name.lower() for name in _ENTITY.findall(answer))


class _Layer:
    """Tag and name counts of one layer; a server's layer may hold negative counts (file
    facts its own facts replace there)."""

    __slots__ = ("names", "tags")

    def __init__(self) -> None:
        self.tags: dict[str, int] = {}
        self.names: dict[str, int] = {}

    def count(self, tags: Iterable[str], names: Iterable[str], change: int) -> None:
        _move(self.tags, tags, change)
        _move(self.names, names, change)


def _move(counts: dict[str, int], topics: Iterable[str], change: int) -> None:
    for topic in topics:
        count = counts.get(topic, 0) + change
        if count:
            counts[topic] = count
        else:
            # Gone, not zero: a topic no fact carries any more is not offered.
            del counts[topic]


class TopicCounts:
    """Per-server topic counts of an index's facts, brought up to date by ``recount``."""

    def __init__(self, successors: Successors, get: Lookup, uncounted: Iterable[str] = ()) -> None:
        """Counts of the facts ``uncounted``, made by ``count_some`` or at the first read."""
        self._successors = successors
        self._get = get
        self._uncounted = list(uncounted)
        self._layers: dict[int | None, _Layer] = {_SHARED: _Layer()}
        # What each fact was counted as, to take back exactly that when it changes: the fact
        # as it was counted (its tags and names are read from it again), and the layers it
        # counted in (+1) or out of (-1). The fact itself is the index's own object, so this
        # holds no copy of its topics.
        self._counted: dict[str, tuple[Fact, Standing]] = {}

    @property
    def made(self) -> bool:
        """Whether every fact is counted (no read has any left to count)."""
        return not self._uncounted

    def count_some(self, how_many: int) -> bool:
        """Count up to ``how_many`` facts not counted yet; whether all are counted now. Facts
        may change in between: a count is made as the index holds the fact when it is made,
        and ``recount`` then keeps it, whichever comes first."""
        take = max(how_many, 1)
        chunk = self._uncounted[-take:]
        del self._uncounted[-take:]
        self.recount(chunk)
        return not self._uncounted

    def recount(self, fact_ids: Iterable[str]) -> None:
        """Count the facts ``fact_ids`` again as the index now holds them (a fact gone from it
        counts nowhere). Call it after a fact is added or removed, with its id and the ids it
        replaces: no other fact's standing changes."""
        for fact_id in fact_ids:
            before = self._counted.pop(fact_id, None)
            if before is not None:
                self._count(*before, -1)
            fact = self._get(fact_id)
            if fact is None:
                continue
            layers = self._standing(fact)
            if layers:
                self._count(fact, layers, 1)
                self._counted[fact_id] = (fact, layers)

    def _count(self, fact: Fact, layers: Standing, sign: int) -> None:
        tags, names = fact.tags, names_in(fact.answer)
        for guild_id, change in layers:
            self._layer(guild_id).count(tags, names, change * sign)

    def counts(self, guild_id: int | None) -> tuple[dict[str, int], dict[str, int]]:
        """The tag counts and the name counts of the facts current in ``guild_id``."""
        if self._uncounted:
            self.count_some(len(self._uncounted))
        shared = self._layers[_SHARED]
        own = self._layers.get(guild_id) if guild_id is not None else None
        if own is None:
            return dict(shared.tags), dict(shared.names)
        return _sum(shared.tags, own.tags), _sum(shared.names, own.names)

    def _layer(self, guild_id: int | None) -> _Layer:
        layer = self._layers.get(guild_id)
        if layer is None:
            layer = self._layers[guild_id] = _Layer()
        return layer

    def _standing(self, fact: Fact) -> Standing:
        """The layers ``fact`` counts in (+1) or out of (-1): a file fact counts in the shared
        layer unless a file fact replaces it, and out of each server where only that server's
        facts replace it; a member's fact counts in its server unless a fact answered there
        replaces it."""
        hidden = replaced_where(fact, self._successors, self._get)
        if fact.guild_id is None:
            if _SHARED in hidden:
                return ()
            if not hidden:
                return _IN_SHARED  # most facts: one tuple for them all
            return ((_SHARED, 1), *((g, -1) for g in hidden))
        return () if hidden else ((fact.guild_id, 1),)


def _sum(shared: dict[str, int], own: dict[str, int]) -> dict[str, int]:
    total = dict(shared)
    for topic, change in own.items():
        count = total.get(topic, 0) + change
        if count > 0:
            total[topic] = count
        else:
            total.pop(topic, None)
    return total
