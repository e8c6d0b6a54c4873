"""General word frequencies (wordfreq's lists), read the first time a word is weighed, and
``once``: a table derived from them built on first use, once per process.

wordfreq is imported here, on first use, and nowhere at the top of a module: importing it costs
a process a fifth of a second of CPU before it reads a single list (it brings ftfy, langcodes,
wcwidth and regex along, and walks the call stack to find its data folder). ``--help``,
``kb validate`` and a settings error never weigh a word and should not pay for it.

The small lists, all that a question or a knowledge file's language takes, are read from
wordfreq's data folder directly, in its documented cBpack format (a gzipped msgpack list: a
header, then the words of each centibel of frequency), to the very dictionary
``wordfreq.get_frequency_dict`` gives: every ``python -m bot ask`` and every child process of
the tests paid for that import only to open one file. The large lists still go through wordfreq,
which keeps them for ``zipf`` too: read here as well, they would be held twice.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import math
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_lists: dict[tuple[str, str], dict[str, float]] = {}


def frequencies(language: str, size: str) -> dict[str, float]:
    """wordfreq's ``size`` ("small", "large") list of ``language``: each word's share of all
    words. Read once per process; callers share the one dictionary and never change it."""
    found = _lists.get((language, size))
    if found is None:
        with _lock:
            found = _lists.get((language, size))
            if found is None:
                found = _small_list(language) if size == "small" else None
                if found is None:
                    import wordfreq

                    found = wordfreq.get_frequency_dict(language, size)
                _lists[language, size] = found
    return found


def _small_list(language: str) -> dict[str, float] | None:
    """wordfreq's small list of ``language`` read from its file, as ``get_frequency_dict`` reads
    it; None when wordfreq ships no such file (it then matches the language code itself)."""
    spec = importlib.util.find_spec("wordfreq")  # finds the package without running it
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        return None
    path = Path(next(iter(folders))) / "data" / f"small_{language}.msgpack.gz"
    if not path.is_file():
        return None
    import msgpack

    with gzip.open(path, "rb") as packed:
        header, *buckets = msgpack.load(packed, raw=False)
    if header != {"format": "cB", "version": 1}:
        return None  # a format this reader does not know: wordfreq reads its own
    # The words of bucket ``index`` are -index centibels frequent: 10 ** (-index / 100).
    return {word: 10 ** (-index / 100) for index, words in enumerate(buckets) for word in words}


def zipf(word: str, language: str) -> float:
    """How common ``word`` is in ``language`` on the Zipf scale, as wordfreq reads a word
    (tokenised and normalised first), from its largest list of that language."""
    import wordfreq

    return wordfreq.zipf_frequency(word, language, _largest(language))


@functools.cache
def _largest(language: str) -> str:
    """The name of ``language``'s largest wordfreq list: "large" where it has one.

    wordfreq's default, "best", is that same file, but wordfreq keeps the lists it has read
    by the name asked for: weighing a word by "best" and reading ``frequencies(language,
    "large")`` held the large English list twice (27 MB of a 100,000-fact bot's memory)."""
    import wordfreq

    return "large" if language in wordfreq.available_languages("large") else "best"


def zipf_of(share: float) -> float:
    """A word's share of all words (as ``frequencies`` gives it) on the Zipf scale: powers of
    ten per billion words, 0 for a word the list does not hold."""
    return math.log10(share) + 9.0 if share > 0 else 0.0


def once(build: Callable[[], T]) -> Callable[[], T]:
    """``build``, run by the first call alone; every later call returns what it built.

    The bot builds indexes in worker threads while the event loop answers questions, and both
    may reach a word table first. One lock per table: a second caller waits for the build in
    progress rather than starting another (a few tenths of a second of CPU) or seeing a
    half-built table."""
    lock = threading.Lock()
    built: list[T] = []

    @functools.wraps(build)
    def get() -> T:
        if not built:
            with lock:
                if not built:
                    built.append(build())
        return built[0]

    return get
