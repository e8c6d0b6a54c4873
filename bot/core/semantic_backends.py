"""The semantic re-ranker's backends by name, as ``matcher.semantic`` names them in bot.yaml.

- ``e5``: multilingual-e5-small (``bot.core.e5_embedder``, the ``semantic`` extra): a neural
  sentence encoder, about 20 ms a question.
- ``static``: a static token-vector table (``bot.core.static_embedder``, the ``static``
  extra): looked up and averaged, well under a millisecond a question.

Each backend has its own blend and confidence correction (``SEMANTIC_FITS``), fitted on the
older tune sets by ``python -m bench.semantic --fit --backend NAME``. A backend's package is
imported only when its embedder is made, so a missing one stops the start with one sentence
(``SemanticUnavailable``).
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from bot.core.embedding import Embedder
from bot.core.matcher_settings import SEMANTIC_FITS, MatcherSettings
from bot.core.semantic import SemanticIndex

Backend = Literal["e5", "static"]
BACKENDS: tuple[Backend, ...] = ("e5", "static")


def embedder(backend: Backend) -> Embedder:
    """The backend's embedder, its package loaded now (``SemanticUnavailable`` when missing)."""
    if backend == "e5":
        from bot.core.e5_embedder import E5Embedder

        return E5Embedder()
    from bot.core.static_embedder import StaticEmbedder

    return StaticEmbedder()


def with_semantic(
    settings: MatcherSettings, backend: Backend, made: Embedder | None = None
) -> MatcherSettings:
    """``settings`` with the re-ranker on through ``backend`` (``made``: its embedder, when
    the caller has one already), with that backend's fitted blend and correction."""
    blend, calibration = SEMANTIC_FITS[backend]
    return dataclasses.replace(
        settings,
        semantic=SemanticIndex(made if made is not None else embedder(backend)),
        semantic_blend=blend,
        semantic_calibration=calibration,
    )
