"""A saved copy of the matcher's index beside the database, so a start need not rebuild it.

Building the index of 100,000 facts means analysing every phrasing of every fact again (seconds);
reading it back from a snapshot is a fraction of that. A snapshot is tagged with the database's
generation (which every change to the facts or synonyms advances, by any process) and with this
program's version: one that is missing, stale, from another version or unreadable is ignored,
and the index is rebuilt from the database, which stays the only truth.

The file lives beside the database and only there: it is trusted as the database is. It holds
plain values only (tuples, lists, dicts, text and numbers, no classes) and is read with an
unpickler that refuses every global, so even a planted file cannot run code; the worst it can
do is answer wrongly, as a planted database could.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from bot.core import import_reach, russian_chat_spellings
from bot.core.index_entries import IndexState
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.text import Analyzer

log = logging.getLogger(__name__)

FORMAT = 1
SUFFIX = ".index"
# What shapes an index besides the facts: the code that analyses and stores it (these modules
# and every module of this package they reach through their imports, see ``code_version``),
# and the stemmer, word frequencies and transliteration it uses.
_PACKAGE = __name__.rpartition(".")[0]
_INDEX_ROOTS = (
    "fact_index",
    "index_entries",  # how a fact and its index entry are stored
    "text",  # how the analyser reads a text into terms
)
_SHAPING_PACKAGES = (
    "wordfreq",
    "snowballstemmer",
    "PyStemmer",
    "anyascii",
    "pymorphy3",
    "pymorphy3-dicts-ru",
    "nltkaz",  # its Azerbaijani lexicon (``az_nouns.lexicon_stem``)
    "babel",  # CLDR's names of countries and peoples (``country_words``)
)

Synonyms = tuple[tuple[str, ...], ...]


# From this many facts (or this large a snapshot, about as many), an index made at start is
# frozen out of the collector's sight.
FREEZE_FROM_FACTS = 10_000
FREEZE_FROM_BYTES = 6_000_000


@contextlib.contextmanager
def long_lived_objects(*, freeze: bool) -> Iterator[None]:
    """Make an index's millions of objects without the cyclic garbage collector scanning them.

    None of them is garbage or part of a cycle (refcounting frees them when the index is
    replaced), yet collections while they are made would scan them all again and again: the
    collector is paused meanwhile. With ``freeze``, what exists then is also frozen out of its
    sight for good (``gc.freeze``), which spares the collections after it scanning them again:
    for a large index made at start, when little else lives. (Cyclic garbage that exists at
    that moment is never freed: at start that is a few objects left over from imports.) The
    collector is process-wide: use this only while nothing else runs.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if freeze:  # only once made: a half-made index dropped on an error must be freed
            gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


def snapshot_path(database: Path) -> Path | None:
    """Where the snapshot of ``database``'s index lives (None for an in-memory database).

    Beside the database and nowhere else: a snapshot is read only from where the database it
    belongs to lives, never from a path a user or a setting names.
    """
    if str(database) == ":memory:":
        return None
    return database.with_name(database.name + SUFFIX)


@functools.cache
def program_version() -> str:
    """A tag that changes whenever this program could build a different index."""
    return code_version(Path(__file__).parent)


def code_version(directory: Path) -> str:
    """The version tag of the index code in ``directory`` (for the running program, this
    module's own folder): the same in every process and run while that code is the same.

    It covers every module the index's code reaches through its imports, found afresh from the
    source each time rather than listed by hand: a module shapes an index in ways its name does
    not tell (``language``'s stopwords decide which Russian and Azerbaijani words are indexed,
    ``chat_spellings`` rules read a fact's own chat spellings, ``since_words`` which facts tell
    how things stand since, and the settings and word tables of what is stored, typo vocabulary,
    key bitmaps, dated facts and topic counts, are built in), and a hand-kept list of them once
    left thirteen out, so an upgrade would have kept serving indexes read the old way.
    """
    tag = hashlib.blake2b(digest_size=16)
    tag.update(f"{FORMAT} {sys.version}".encode())
    for name in import_reach.reached(directory, _PACKAGE, _INDEX_ROOTS):
        # The name too: the same code under another name is another program.
        tag.update(f"\0{name}\0".encode())
        tag.update((directory / f"{name}.py").read_bytes())
    tag.update(Path(__file__).read_bytes())
    # Derived tables that read a fact's words: derived again, they may read them otherwise.
    tag.update(russian_chat_spellings.table_text().encode())
    for package in _SHAPING_PACKAGES:
        try:
            tag.update(f"{package} {metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            tag.update(f"{package} absent".encode())
    return tag.hexdigest()


class _PlainValues(pickle.Unpickler):
    """Reads pickles of plain values only: any class or function named in one is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in an index snapshot")


def save(database: Path, matcher: Matcher, synonyms: Synonyms, generation: int) -> None:
    """Save ``matcher`` (indexed with ``synonyms``) as the snapshot of ``database`` at
    ``generation``, atomically. Blocking, and on the thread that owns the matcher: it must not
    change while it is written.

    Readers see the old snapshot or the new one, never a part: it is written to a temporary
    file (straight from the index, never whole in memory), flushed to disk and renamed over
    the old one.
    """
    path = snapshot_path(database)
    if path is None:
        return
    header = {"format": FORMAT, "program": program_version(), "generation": generation}
    payload = _payload(synonyms, matcher.export_state())
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as file:
            # One pickler for both, as one unpickler reads both: they share the memo of values.
            pickler = pickle.Pickler(file, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dump(header)
            pickler.dump(payload)
            file.flush()
            os.fsync(file.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read(
    database: Path,
    generation: int,
    *,
    settings: MatcherSettings | None = None,
    at_start: bool = False,
) -> tuple[Matcher, Synonyms] | None:
    """The index saved for ``database`` at ``generation``, with its synonyms; None when there
    is no usable snapshot (missing, stale, from another version, or unreadable).

    ``at_start``: the index is read as the process starts (see ``long_lived_objects``).
    """
    path = snapshot_path(database)
    if path is None:
        return None
    try:
        with path.open("rb") as file:
            unpickler = _PlainValues(file)
            header = unpickler.load()
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                log.info("index snapshot %s has another format; rebuilding the index", path)
                return None
            if header.get("program") != program_version():
                log.info("index snapshot %s is from another program version; rebuilding", path)
                return None
            if header.get("generation") != generation:
                log.info("index snapshot %s is out of date; rebuilding the index", path)
                return None
            large = os.fstat(file.fileno()).st_size >= FREEZE_FROM_BYTES
            with long_lived_objects(freeze=at_start and large):
                return _decode(unpickler.load(), settings)
    except FileNotFoundError:
        return None
    except Exception as exc:  # whatever is wrong with the file, the index is rebuilt
        log.warning("index snapshot %s is unreadable (%s); rebuilding the index", path, exc)
        return None


def _payload(synonyms: Synonyms, state: IndexState) -> tuple[Any, ...]:
    """What a snapshot holds after its header, in the order ``_decode`` reads it back."""
    return (
        synonyms,
        state.keys,
        state.facts,
        state.entries,
        state.next_key,
        state.postings,
        state.specificity,
        state.surface,
        state.vocabulary,
        state.names,
        state.other_words,
        state.term_languages,
    )


def _decode(payload: Sequence[Any], settings: MatcherSettings | None) -> tuple[Matcher, Synonyms]:
    (
        synonyms,
        keys,
        fact_rows,
        entries,
        next_key,
        postings,
        specificity,
        surface,
        vocabulary,
        names,
        other_words,
        term_languages,
    ) = payload
    state = IndexState(
        keys=keys,
        facts=fact_rows,
        entries=entries,
        next_key=next_key,
        postings=postings,
        specificity=specificity,
        surface=surface,
        vocabulary=vocabulary,
        names=names,
        other_words=other_words,
        term_languages=term_languages,
    )
    matcher = Matcher.from_state(state, analyzer=Analyzer(synonyms), settings=settings)
    return matcher, synonyms
