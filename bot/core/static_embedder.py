"""The semantic re-ranker's cheap backend: static embeddings through the ``wordllama`` package.

A static embedding is a table of one vector per token, looked up and averaged: no neural
network runs at question time, so a question costs tens of microseconds, not tens of
milliseconds (multilingual-e5-small, ``bot.core.e5_embedder``). ``wordllama`` (MIT) ships its
256-dimensional ``l2_supercat`` table (16 MB) and its tokenizer inside the package, and needs
numpy, safetensors and tokenizers. The package is an optional extra
(``pip install newsdesk[static]``); it is imported when an embedder is made, never when this
module is.

The two files are read here from the package's own folder, not through ``WordLlama.load``: that
looks for the tokenizer in a ``tokenizer/`` folder while the wheel ships it in ``tokenizers/``,
and on that miss downloads it from Hugging Face. Nothing may be downloaded at run time, so the
files are opened by path and a missing one is the same clear error as a missing package.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.core.embedding import Vector
from bot.core.errors import SemanticUnavailable

MISSING = (
    "matcher.semantic is static in the settings, but its model package is not installed: "
    "install it with `pip install 'newsdesk[static]'` or turn matcher.semantic off."
)
UNREADABLE = (
    "matcher.semantic is static in the settings, but its model package's table or tokenizer "
    "file cannot be read: reinstall it with `pip install --force-reinstall 'newsdesk[static]'` "
    "or turn matcher.semantic off."
)
# Where the wheel keeps them, below its package folder.
WEIGHTS = Path("weights") / "l2_supercat_256.safetensors"
TOKENIZER = Path("tokenizers") / "l2_supercat_tokenizer_config.json"


def _package_folder() -> Path:
    try:
        import wordllama  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError as exc:
        raise SemanticUnavailable(MISSING) from exc
    return Path(wordllama.__file__).parent


class StaticEmbedder:
    """Token vectors of the ``l2_supercat`` table averaged over a text, made unit length.

    ``query`` is not used: a static table has one vector per token whatever the text is for.
    """

    def __init__(self) -> None:
        folder = _package_folder()
        if not (folder / WEIGHTS).is_file() or not (folder / TOKENIZER).is_file():
            raise SemanticUnavailable(MISSING)
        try:  # wordllama's own dependencies, which read the two files
            import numpy
            from safetensors.numpy import load_file  # type: ignore[import-not-found, unused-ignore]
            from tokenizers import Tokenizer  # type: ignore[import-not-found, unused-ignore]
        except ImportError as exc:
            raise SemanticUnavailable(MISSING) from exc

        self._numpy: Any = numpy
        # A truncated or damaged file raises whatever its reader raises (safetensors, the
        # tokenizer's Rust core, a missing key): one sentence at start, not a traceback.
        try:
            table = load_file(str(folder / WEIGHTS))["embedding.weight"]
            self._tokenizer: Any = Tokenizer.from_file(str(folder / TOKENIZER))
        except Exception as exc:
            raise SemanticUnavailable(UNREADABLE) from exc
        self._table: Any = numpy.ascontiguousarray(table, dtype=numpy.float32)
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()

    def encode(self, texts: Sequence[str], *, query: bool) -> list[Vector]:
        numpy = self._numpy
        out: list[Vector] = []
        # One text (a question) alone: ``encode_batch`` hands even one text to its thread
        # pool, whose wake-ups showed in the slowest questions on a busy machine.
        if len(texts) == 1:
            encodings = [self._tokenizer.encode(texts[0], add_special_tokens=False)]
        else:
            encodings = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        for encoding in encodings:
            ids = [i for i in encoding.ids if i < len(self._table)]
            if not ids:  # an empty text: a zero vector is close to nothing
                out.append(tuple([0.0] * self._table.shape[1]))
                continue
            mean = self._table[ids].mean(axis=0)
            norm = float(numpy.linalg.norm(mean))
            out.append(tuple((mean / norm if norm > 0.0 else mean).tolist()))
        return out
