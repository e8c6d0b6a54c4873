"""The seam for an optional sentence-embedding signal: what the matcher asks of an embedder.

Nothing here imports a model. An ``Embedder`` turns texts into unit vectors; the re-ranker only
ever takes dot products of them (cosines, ``bot.core.semantic``). The real backends
(``bot.core.semantic_backends``: e5 and static) load their packages when an embedder is made;
tests give a small deterministic fake.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

Vector = tuple[float, ...]


class Embedder(Protocol):
    """Texts to unit-length vectors, all of one dimension.

    ``query`` says how a text is used: a question or a phrasing of one (True), or an answer
    that states a fact (False). Models trained for retrieval encode the two differently."""

    def encode(self, texts: Sequence[str], *, query: bool) -> list[Vector]: ...
