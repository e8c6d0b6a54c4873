"""A knowledge directory -> its facts and synonym groups, or every problem found in it.

Loading never half-succeeds: ``load_knowledge`` returns the whole directory or raises
``KnowledgeError`` carrying all problems found, each with its file, line and fact id.

This module is the directory's part: which files are read, the files re-parsed only when their
bytes changed, large reads spread over worker processes, and the files' results put together
and checked across facts. One file's reading is elsewhere: its text and node tree
(``knowledge_yaml``), its facts (``fact_file``) or synonym groups (``synonyms_file``).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.fact_file import MAX_ERRORS, FileReader, load_file
from bot.core.fact_references import check_cross_references
from bot.core.knowledge_errors import KnowledgeError, LocatedError
from bot.core.knowledge_signature import RACY_NS, FileStamp, KnowledgeSignature
from bot.core.knowledge_yaml import MAX_FILE_BYTES, SYNONYMS_FILE, compose, read_text
from bot.core.models import Fact, Origin
from bot.core.synonyms_file import parse_synonyms

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class KnowledgeSet:
    facts: tuple[Fact, ...]
    synonyms: tuple[tuple[str, ...], ...] = ()
    files: tuple[str, ...] = ()
    # How the directory's files stood when read (None when not read from one); not content.
    signature: KnowledgeSignature | None = field(default=None, compare=False)


def _fact_files(directory: Path, errors: list[LocatedError]) -> Iterator[tuple[Path, str]]:
    root = directory.resolve()
    for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
        name = f"{directory.name}/{path.name}"
        resolved = path.resolve()
        if resolved.parent != root and root not in resolved.parents:
            errors.append(LocatedError(name, None, "is a link to a file outside the directory"))
            continue
        if not resolved.is_file():
            errors.append(LocatedError(name, None, "is not a regular file"))
            continue
        yield path, name


@dataclass(frozen=True, slots=True)
class _ParsedFile:
    facts: tuple[Fact, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()
    errors: tuple[LocatedError, ...] = ()


def _parse_file(path: Path, name: str) -> _ParsedFile:
    """One file's facts (or synonym groups) and problems; runs in worker processes too."""
    if path.name != SYNONYMS_FILE:
        facts, errors = load_file(path, name)
        return _ParsedFile(tuple(facts), (), tuple(errors))
    errors = []
    synonyms: list[tuple[str, ...]] = []
    text = read_text(path, name, errors)
    node = compose(text, name, errors) if text is not None else None
    if node is not None:
        synonyms = parse_synonyms(node, FileReader(name, errors))
    return _ParsedFile((), tuple(synonyms), tuple(errors))


class KnowledgeReader:
    """Reads knowledge directories, re-parsing only the files whose bytes changed.

    A moderator who edits one file of a large knowledge base waits for that file only. Large
    cold reads are spread over worker processes (YAML parsing is CPU-bound and the GIL would
    serialise threads).
    """

    PARALLEL_BYTES = 4 * 1024 * 1024

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, _ParsedFile]] = {}

    def load(
        self, directory: Path, *, in_service: Callable[[str], Fact | None] | None = None
    ) -> KnowledgeSet:
        """Every fact and synonym group in ``directory`` (not sub-directories), all or nothing.

        ``in_service`` looks up the fact now serving under an id: a parsed fact equal to it is
        replaced by it as each file comes in, so a large reload never holds two copies of the
        unchanged facts. Raises ``KnowledgeError`` with every located problem if anything is
        wrong.
        """
        errors: list[LocatedError] = []
        if not directory.is_dir():
            raise KnowledgeError([LocatedError(str(directory), None, "is not a directory")])
        found = list(_fact_files(directory, errors))
        if not any(path.name != SYNONYMS_FILE for path, _ in found) and not errors:
            # An empty directory is far likelier a wrong path than a wish to delete everything.
            raise KnowledgeError(
                [LocatedError(str(directory), None, "has no knowledge files (*.yaml)")]
            )
        taken_ns = time.time_ns()
        digests: dict[str, str] = {}
        stamps: list[FileStamp] = []
        parsed: dict[str, _ParsedFile] = {}
        todo: list[tuple[Path, str]] = []
        for path, name in found:
            # Stamped before it is read: a change made meanwhile shows at the next check.
            size, mtime_ns = _stat(path)
            digest = _digest(path)
            digests[name] = digest
            stamps.append(FileStamp(name, size, mtime_ns, digest))
            cached = self._cache.get(name)
            if cached is not None and cached[0] == digest:
                parsed[name] = cached[1]
            else:
                todo.append((path, name))
        for name, result in self._parse_all(todo):
            parsed[name] = _reuse(result, in_service) if in_service else result
        self._cache = {
            name: (digests[name], parsed[name]) for name in parsed if not parsed[name].errors
        }
        facts: list[Fact] = []
        synonyms: list[tuple[str, ...]] = []
        for _, name in found:
            result = parsed[name]
            facts.extend(result.facts)
            synonyms.extend(result.synonyms)
            errors.extend(result.errors)
        errors.extend(check_cross_references(facts))
        if errors:
            raise KnowledgeError(errors[:MAX_ERRORS])
        signature = KnowledgeSignature(str(directory.resolve()), tuple(stamps), taken_ns)
        return KnowledgeSet(
            tuple(facts), tuple(synonyms), tuple(name for _, name in found), signature
        )

    def unchanged(self, directory: Path, since: KnowledgeSignature) -> bool:
        """Whether ``directory`` holds the files ``since`` describes, unchanged.

        Cheap: a ``stat`` per file; only a file modified within moments of being stamped is
        read again, for its content hash. Anything unreadable counts as changed.
        """
        if not directory.is_dir() or str(directory.resolve()) != since.directory:
            return False
        found = [path for path, _ in _fact_files(directory, [])]
        if [f"{directory.name}/{path.name}" for path in found] != [f.name for f in since.files]:
            return False
        for path, stamp in zip(found, since.files, strict=True):
            size, mtime_ns = _stat(path)
            if (size, mtime_ns) != (stamp.size, stamp.mtime_ns):
                return False
            if mtime_ns >= since.taken_ns - RACY_NS and _digest(path) != stamp.digest:
                return False
        return True

    def adopt(
        self,
        signature: KnowledgeSignature,
        facts: Iterable[Fact],
        synonyms: tuple[tuple[str, ...], ...],
    ) -> None:
        """Take ``facts`` and ``synonyms`` (stored from the files ``signature`` describes) as
        those files' parsed content, so that the next ``load`` parses only files changed
        since: a start that skipped parsing keeps reloads as quick as after a full read."""
        by_file: dict[str, list[Fact]] = {stamp.name: [] for stamp in signature.files}
        for fact in facts:
            if fact.origin is Origin.FILE and fact.file in by_file:
                by_file[fact.file].append(fact)
        for stamp in signature.files:
            if stamp.name in self._cache or stamp.digest in ("too-large", "unreadable"):
                continue
            if stamp.name.endswith(f"/{SYNONYMS_FILE}"):
                result = _ParsedFile((), synonyms)
            else:
                result = _ParsedFile(tuple(sorted(by_file[stamp.name], key=_line)))
            self._cache[stamp.name] = (stamp.digest, result)

    def _parse_all(self, todo: list[tuple[Path, str]]) -> Iterator[tuple[str, _ParsedFile]]:
        """Parsed files as they come in (so each can be slimmed before the next arrives).

        Large reads go to worker processes, even a single file: besides using every core, the
        parser's node tree (several times the size of the facts) then never lives in the bot.
        """
        sizes = sum(_size(path) for path, _ in todo)
        workers = min(len(todo), os.cpu_count() or 1)
        if sizes < self.PARALLEL_BYTES:
            for path, name in todo:
                yield name, _parse_file(path, name)
            return
        # "spawn", not "fork": the bot process has threads (aiosqlite, asyncio.to_thread).
        context = multiprocessing.get_context("spawn")
        done: set[str] = set()
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                results = pool.map(_parse_file, [p for p, _ in todo], [n for _, n in todo])
                for (_, name), result in zip(todo, results, strict=True):
                    done.add(name)
                    yield name, result
        except (OSError, RuntimeError, BrokenProcessPool) as exc:
            log.warning("parallel knowledge parsing unavailable (%s); parsing serially", exc)
            for path, name in todo:
                if name not in done:
                    yield name, _parse_file(path, name)


def _reuse(result: _ParsedFile, in_service: Callable[[str], Fact | None]) -> _ParsedFile:
    """``result`` with each unchanged fact replaced by the equal one already in service."""
    facts = []
    for fact in result.facts:
        serving = in_service(fact.id)
        same = (
            serving is not None
            and serving.line == fact.line
            and serving.content_key() == fact.content_key()
        )
        facts.append(serving if same and serving is not None else fact)
    return _ParsedFile(tuple(facts), result.synonyms, result.errors)


def _line(fact: Fact) -> int:
    return fact.line or 0


def _stat(path: Path) -> tuple[int, int]:
    """Size and modification time (ns) of a file; (-1, -1) if it cannot be read."""
    try:
        status = path.stat()
    except OSError:
        return -1, -1
    return status.st_size, status.st_mtime_ns


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _digest(path: Path) -> str:
    """Content hash of a file (or a marker for an unreadable one, which is never cached)."""
    try:
        if _size(path) > MAX_FILE_BYTES:
            return "too-large"
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return "unreadable"


def load_knowledge(directory: Path) -> KnowledgeSet:
    """Every fact and synonym group in ``directory``, all or nothing (no caching)."""
    return KnowledgeReader().load(directory)
