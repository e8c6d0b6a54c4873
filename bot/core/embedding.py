"""The seam for an optional sentence-embedding signal: what the matcher asks of an embedder.

Nothing here imports a model. An ``Embedder`` turns texts into unit vectors; the matcher only
ever takes dot products of them (cosines). The one real backend (``bot.core.e5_embedder``)
loads its package when it is first asked to; tests give a small deterministic fake.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import mul
from typing import Protocol

Vector = tuple[float, ...]


class Embedder(Protocol):
    """Texts to unit-length vectors, all of one dimension.

    ``query`` says how a text is used: a question or a phrasing of one (True), or an answer
    that states a fact (False). Models trained for retrieval encode the two differently."""

    def encode(self, texts: Sequence[str], *, query: bool) -> list[Vector]: ...


def cosine(one: Sequence[float], other: Sequence[float]) -> float:
    """The cosine of two unit vectors (their dot product), however they are kept."""
    return float(sum(map(mul, one, other)))
