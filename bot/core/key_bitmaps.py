"""The keys of common terms' facts as bitmaps, and a question's shortlist read from them.

A question whose rarest known word is itself common ("summon" in a news base of 100,000 facts)
takes its candidates from that word's most recent postings alone; every other word only adds
its weight to the candidates holding it. Gathering them one by one (a dict of two thousand
keys, a set probe per key and word, a sort of two thousand rough scores) was a third of such a
question's time. With one bit per fact key, the facts holding each other word are found for all
candidates at once, in C, over a few kilobytes, and only the shortlisted keys are ever read out.

Fact keys are never reused and each term's postings list them in the order they were added
(ascending), so a run of a term's postings is a range of keys.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

# Each byte with a bit set read as 1, an empty one as 0: where a bitmap's set bits are, found
# by ``bytes.find`` rather than by reading every byte in Python.
_ANY_BIT = bytes([0] + [1] * 255)
# The set bits of each byte value, lowest first.
_BITS_OF = tuple(tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256))

# More words than this after the first: the classes of candidates by the words they hold
# (up to two to this power) are too many to be worth it; the plain gathering is used.
MOST_LATER_TERMS = 6


class _Bitmap:
    """Keys as bits: a bytearray set and cleared in place as facts come and go, and the int
    it reads as (for bitwise work in C), made again on first need after a change."""

    __slots__ = ("_bytes", "_value")

    def __init__(self) -> None:
        self._bytes = bytearray()
        self._value: int | None = 0

    def set(self, key: int) -> None:
        index = key >> 3
        if index >= len(self._bytes):
            self._bytes.extend(bytes(index + 1 - len(self._bytes)))
        self._bytes[index] |= 1 << (key & 7)
        self._value = None

    def clear(self, key: int) -> None:
        index = key >> 3
        if index < len(self._bytes):
            self._bytes[index] &= ~(1 << (key & 7)) & 0xFF
            self._value = None

    @classmethod
    def of(cls, keys: Iterable[int]) -> _Bitmap:
        """A bitmap holding ``keys``, set in one pass: a common term's key set, made when a
        question first needs it, holds up to thousands of keys, and a call of ``set`` for each
        cost that question up to half a millisecond."""
        bitmap = cls()
        keys = tuple(keys)
        if keys:
            data = bitmap._bytes = bytearray((max(keys) >> 3) + 1)
            for key in keys:
                data[key >> 3] |= 1 << (key & 7)
            bitmap._value = None
        return bitmap

    def value(self) -> int:
        if self._value is None:
            self._value = int.from_bytes(self._bytes, "little")
        return self._value


class KeyBitmaps:
    """Bitmaps of fact keys (bit ``key`` set: the fact holds the term, or is that server's):
    kept for the terms whose key set the matcher keeps (``Matcher._key_set``), and for every
    server that has facts of its own."""

    __slots__ = ("_any_server", "_servers", "_terms")

    def __init__(self) -> None:
        self._terms: dict[str, _Bitmap] = {}
        self._servers: dict[int, _Bitmap] = {}
        # The keys of every server's own facts: what a question asked outside them leaves out.
        self._any_server = _Bitmap()

    def track(self, term: str, keys: Iterable[int]) -> None:
        """Keep ``term``'s bitmap from now on, starting with ``keys``."""
        self._terms[term] = _Bitmap.of(keys)

    def add(self, term: str, key: int) -> None:
        """``key``'s fact holds ``term`` (nothing if ``term`` is not kept)."""
        bitmap = self._terms.get(term)
        if bitmap is not None:
            bitmap.set(key)

    def discard(self, term: str, key: int) -> None:
        bitmap = self._terms.get(term)
        if bitmap is not None:
            bitmap.clear(key)

    def drop(self, term: str) -> None:
        """``term`` is held by no fact any more."""
        self._terms.pop(term, None)

    def add_server(self, guild_id: int, key: int) -> None:
        """``key``'s fact is answered in server ``guild_id`` only."""
        self._servers.setdefault(guild_id, _Bitmap()).set(key)
        self._any_server.set(key)

    def discard_server(self, guild_id: int, key: int) -> None:
        bitmap = self._servers.get(guild_id)
        if bitmap is not None:
            bitmap.clear(key)
        self._any_server.clear(key)

    def shortlist(
        self,
        first: tuple[str, float],
        lowest: int,
        later: Sequence[tuple[str, float]],
        guild_id: int | None,
        keep: int,
    ) -> dict[int, float] | None:
        """The ``keep`` best candidates, best first, when they are the live facts holding the
        ``first`` (term, weight) from key ``lowest`` on (its postings read: the most recent
        ones) that server ``guild_id`` may see, each scored by that weight plus the weight of
        each of the ``later`` (term, weight) pairs it holds, added in that order. Of equal
        scores, the lower key (the fact added first) comes first. None when a term's bitmap
        is not kept or a weight is not a number.

        What it gives is what gathering those candidates one by one gives, sorted by score
        (stably, keys ascending) and cut at ``keep``: each candidate's score is a sum of the
        same weights in the same order, so it is the same float (``best_of_window``)."""
        term, weight = first
        if not all(math.isfinite(w) for w in (weight, *(w for _, w in later))):
            return None
        bitmap = self._terms.get(term)
        if bitmap is None:
            return None
        held: list[_Bitmap] = []
        for other, _ in later:
            other_bitmap = self._terms.get(other)
            if other_bitmap is None:
                return None
            held.append(other_bitmap)
        # Bit 0 is key ``lowest`` from here on. Shifted, an int keeps only its bits from there
        # up, the few kilobytes of the most recent keys, however many facts came before.
        window = bitmap.value() >> lowest
        if self._servers:
            foreign = self._any_server.value() >> lowest
            own = self._servers.get(guild_id) if guild_id is not None else None
            if own is not None:
                foreign ^= own.value() >> lowest
            window ^= window & foreign
        return best_of_window(
            window,
            lowest,
            weight,
            [(other.value() >> lowest, w) for other, (_, w) in zip(held, later, strict=True)],
            keep,
        )


def best_of_window(
    window: int, base: int, first: float, later: Sequence[tuple[int, float]], keep: int
) -> dict[int, float]:
    """The ``keep`` best keys of ``window`` (bit ``i`` set: key ``base + i`` is a candidate),
    with their scores, best first and, among equal scores, lowest key first. A candidate's
    score is ``first`` plus the weight of each of ``later`` (bitmap, weight) whose bitmap holds
    it, added in that order.

    Why this is the order of scoring each candidate and sorting them: the candidates fall into
    classes by which of the ``later`` bitmaps hold them. All members of a class get the very
    same additions in the same order, so the same float; and two classes' scores are compared
    as the two floats are. Reading the classes from the best score down, those of equal score
    merged and each read from its lowest key up, lists every candidate after all that score
    more and after the lower keys of its own score: the sorted order, of which the first
    ``keep`` are taken."""
    classes = {0: window} if window else {}
    for index, (bitmap, _) in enumerate(later):
        split: dict[int, int] = {}
        for held, members in classes.items():
            holding = members & bitmap
            if holding:
                split[held | 1 << index] = holding
                members ^= holding
            if members:
                split[held] = members
        classes = split
    by_score: dict[float, int] = {}
    for held, members in classes.items():
        score = first
        for index, (_, weight) in enumerate(later):
            if held >> index & 1:
                score += weight
        by_score[score] = by_score.get(score, 0) | members
    best: dict[int, float] = {}
    for score in sorted(by_score, reverse=True):
        for key in keys_of(by_score[score], keep - len(best), base):
            best[key] = score
        if len(best) >= keep:
            break
    return best


def keys_of(bitmap: int, limit: int, base: int = 0) -> list[int]:
    """The first ``limit`` set bits of ``bitmap``, lowest first, as keys from ``base``."""
    data = bitmap.to_bytes((bitmap.bit_length() + 7) // 8, "little")
    find = data.translate(_ANY_BIT).find
    keys: list[int] = []
    at = find(1)
    while at >= 0 and len(keys) < limit:
        start = base + 8 * at
        for bit in _BITS_OF[data[at]]:
            keys.append(start + bit)
        at = find(1, at + 1)
    return keys[:limit]
