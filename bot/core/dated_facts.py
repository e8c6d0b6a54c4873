"""The facts answered in each server by date, and which of them are current there, kept as
facts change.

``/latest`` and a question naming only a time ("what happened this week") want the newest
facts, or those of a few days, that a server sees. Reading every fact for it (is it answered
there, does a fact answered there replace it) took about 110 ms at 100,000 facts, on the event
loop, for each such question. Here the facts are kept sorted by date, so a question reads only
the facts of its days (or the newest few), and the facts that are not current are marked as
facts change: each change looks again only at the facts it can touch, the fact itself and
those it replaces (as ``TopicCounts`` does for the topics).

Like the topic counts, it keeps layers: the file facts (answered in every server and outside
any) and each server's own facts; with, per layer, the facts not current there: in the shared
layer the file facts a file fact replaces, in a server's layer its own facts that are replaced
and the file facts its own facts replace there.

Placing every fact the first time takes about 0.5 s at 100,000 facts. A running bot does it in
the background as soon as the knowledge is loaded (``bot.core.timeline_warmer``), a step of a
few milliseconds at a time (``place_some``), so that no member's first time-only question
waits for it; a read before it is done places the rest at once.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
from collections.abc import Callable, Iterable, Iterator

from bot.core.models import Fact
from bot.core.succession import Lookup, Successors, replaced_where

# The layer of the file facts.
_SHARED: int | None = None
# A fact's place in a layer: its day (undated facts as the first day, where ordering newest
# first puts them) and its id, which breaks ties as answers order facts of one day.
Place = tuple[int, str]
_UNDATED = dt.date.min.toordinal()
# A step of the first placing (``place_some``): facts placed, or places merged, per step.
# About a millisecond each at 100,000 facts.
_PLACE_STEP = 250
_MERGE_STEP = 500


def _place(fact: Fact) -> Place:
    day = fact.day()
    return (day.toordinal() if day is not None else _UNDATED, fact.id)


class DatedFacts:
    """Per-server dated views of an index's facts, brought up to date by ``recount``.

    ``order`` gives a fact's position in the index: facts of one day come out in that order,
    as they did when every fact was read in the index's order."""

    def __init__(
        self,
        successors: Successors,
        get: Lookup,
        order: Callable[[str], int],
        unplaced: Iterable[str] = (),
    ) -> None:
        """Views of the facts ``unplaced``, placed by ``place_some`` or at the first read."""
        self._successors = successors
        self._get = get
        self._order = order
        # Each layer's facts, sorted by place.
        self._dated: dict[int | None, list[Place]] = {_SHARED: []}
        # Each layer's facts that are not current (see the module's text).
        self._hidden: dict[int | None, set[str]] = {_SHARED: set()}
        # Each layer's facts by tag, for /latest on a tag.
        self._tagged: dict[int | None, dict[str, set[str]]] = {_SHARED: {}}
        # Where each fact was put: its place, its layer, the layers hiding it, its tags.
        self._placed: dict[
            str, tuple[Place, int | None, tuple[int | None, ...], tuple[str, ...]]
        ] = {}
        # The first placing, step by step (None: done), and the facts that changed meanwhile:
        # placed again once it is done, when each layer is in order.
        ids = list(unplaced)
        self._placing: Iterator[None] | None = self._place_in_steps(ids) if ids else None
        self._changed: dict[str, None] = {}

    def recount(self, fact_ids: Iterable[str]) -> None:
        """Place the facts ``fact_ids`` again as the index now holds them (a fact gone from it
        is nowhere). Call it after a fact is added, removed or refreshed, with its id and the
        ids it replaces: no other fact's standing changes."""
        if self._placing is not None:
            self._changed.update(dict.fromkeys(fact_ids))
            return
        self._recount(fact_ids, in_order=True)

    @property
    def made(self) -> bool:
        """Whether every fact is placed (no read has any left to place)."""
        return self._placing is None

    def place_some(self) -> bool:
        """One step of the first placing (about a millisecond); whether it is done."""
        placing = self._placing
        if placing is None:
            return True
        if next(placing, _DONE) is not _DONE:
            return False
        self._placing = None
        changed, self._changed = list(self._changed), {}
        self._recount(changed, in_order=True)
        return True

    def _ready(self) -> None:
        """Done placing: what is left of the first placing is done at once."""
        while not self.place_some():
            pass

    def _place_in_steps(self, fact_ids: list[str]) -> Iterator[None]:
        """Place ``fact_ids``, none placed yet, yielding between steps. Each step's places
        are sorted apart (a run), and each layer's runs merged at the end, a step at a time:
        sorting a whole layer at once would hold the event loop for tens of milliseconds.
        Nothing is placed again meanwhile (``recount`` waits), so runs only grow."""
        runs: dict[int | None, list[int]] = {}
        for at in range(0, len(fact_ids), _PLACE_STEP):
            sizes = {layer: len(dated) for layer, dated in self._dated.items()}
            self._recount(fact_ids[at : at + _PLACE_STEP], in_order=False)
            for layer, dated in self._dated.items():
                start = sizes.get(layer, 0)
                if len(dated) > start:
                    dated[start:] = sorted(dated[start:])
                    runs.setdefault(layer, []).append(start)
            yield
        for layer, starts in runs.items():
            dated = self._dated[layer]
            ends = [*starts[1:], len(dated)]
            places = heapq.merge(*(dated[s:e] for s, e in zip(starts, ends, strict=True)))
            merged: list[Place] = []
            while len(merged) < len(dated):
                merged.extend(itertools.islice(places, _MERGE_STEP))
                yield
            self._dated[layer] = merged

    def _recount(self, fact_ids: Iterable[str], *, in_order: bool) -> None:
        for fact_id in fact_ids:
            before = self._placed.pop(fact_id, None)
            if before is not None:
                place, layer, hidden, tags = before
                dated = self._dated[layer]
                del dated[bisect.bisect_left(dated, place)]
                tagged = self._tagged[layer]
                for tag in tags:
                    ids = tagged[tag]
                    ids.discard(fact_id)
                    if not ids:
                        del tagged[tag]
                for where in hidden:
                    self._hidden[where].discard(fact_id)
            fact = self._get(fact_id)
            if fact is None:
                continue
            place = _place(fact)
            layer = fact.guild_id
            dated = self._dated.setdefault(layer, [])
            if in_order:
                bisect.insort(dated, place)
            else:
                dated.append(place)
            hidden = replaced_where(fact, self._successors, self._get)
            for where in hidden:
                self._hidden.setdefault(where, set()).add(fact_id)
            tagged = self._tagged.setdefault(layer, {})
            for tag in fact.tags:
                tagged.setdefault(tag, set()).add(fact_id)
            self._placed[fact_id] = (place, layer, hidden, fact.tags)

    def newest(
        self,
        guild_id: int | None,
        *,
        count: int,
        start: dt.date | None = None,
        end: dt.date | None = None,
        current: bool = True,
    ) -> list[Fact]:
        """The ``count`` newest facts answered in ``guild_id`` dated from ``start`` to ``end``
        (both within; None: no bound), newest first, and of one day in the index's order:
        what sorting every such fact by day would give. ``current``: only those nothing
        answered there replaces. Undated facts count as the oldest, and only without bounds
        (as ``TimeQuestion.covers`` has it)."""
        self._ready()
        if count <= 0:
            return []
        bounded = start is not None or end is not None
        low = start.toordinal() if start is not None else (_UNDATED + 1 if bounded else _UNDATED)
        high = end.toordinal() if end is not None else dt.date.max.toordinal()
        taken: list[Place] = []
        for place in self._descending(guild_id, low, high, current):
            # A whole day is taken, as its facts are put in the index's order afterwards.
            if len(taken) >= count and place[0] < taken[count - 1][0]:
                break
            taken.append(place)
        taken.sort(key=lambda p: (-p[0], self._order(p[1])))
        return [fact for _, fact_id in taken[:count] if (fact := self._get(fact_id)) is not None]

    def latest(self, guild_id: int | None, *, count: int, since: dt.date | None) -> list[Fact]:
        """The ``count`` current facts of ``guild_id`` latest by (day, id), dated ``since`` or
        later (undated facts count as dated on the first day), latest first."""
        self._ready()
        low = since.toordinal() if since is not None else _UNDATED
        found: list[Fact] = []
        for _, fact_id in self._descending(guild_id, low, dt.date.max.toordinal(), True):
            if len(found) >= count:
                break
            if (fact := self._get(fact_id)) is not None:
                found.append(fact)
        return found

    def current_ids(self, guild_id: int | None) -> list[str]:
        """The ids of every fact current in ``guild_id`` (in no particular order)."""
        self._ready()
        hidden = self._hidden_in(guild_id)
        return [
            fact_id
            for layer in self._layers(guild_id)
            for _, fact_id in self._dated.get(layer, ())
            if fact_id not in hidden
        ]

    def tagged(self, guild_id: int | None, tag: str) -> list[str]:
        """The ids of the facts current in ``guild_id`` tagged ``tag`` (in no order)."""
        self._ready()
        hidden = self._hidden_in(guild_id)
        return [
            fact_id
            for layer in self._layers(guild_id)
            for fact_id in self._tagged.get(layer, {}).get(tag, ())
            if fact_id not in hidden
        ]

    def _layers(self, guild_id: int | None) -> list[int | None]:
        return [_SHARED] if guild_id is None else [_SHARED, guild_id]

    def _hidden_in(self, guild_id: int | None) -> set[str]:
        shared = self._hidden[_SHARED]
        own = self._hidden.get(guild_id) if guild_id is not None else None
        return shared | own if own else shared

    def _descending(
        self, guild_id: int | None, low: int, high: int, current: bool
    ) -> Iterator[Place]:
        """The places from day ``low`` to day ``high`` of the facts answered in ``guild_id``
        (current ones only if ``current``), newest first."""
        layers = self._layers(guild_id)
        hidden: list[set[str]] = []
        if current:
            hidden = [h for g in layers if (h := self._hidden.get(g))]
        runs = [_run(dated, low, high) for g in layers if (dated := self._dated.get(g)) is not None]
        for place in heapq.merge(*runs, reverse=True):
            if not any(place[1] in h for h in hidden):
                yield place


_DONE = object()


def _run(dated: list[Place], low: int, high: int) -> Iterator[Place]:
    """The places of ``dated`` from day ``low`` to day ``high``, newest first."""
    first = bisect.bisect_left(dated, (low, ""))
    at = bisect.bisect_left(dated, (high + 1, ""))
    while at > first:
        at -= 1
        yield dated[at]
