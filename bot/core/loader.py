"""``knowledge/*.yaml`` -> facts, or every problem with its file, line and fact id.

The loader walks PyYAML's node tree rather than the plain objects ``safe_load`` returns: nodes
keep their line numbers (so every error is located), duplicate keys can be caught (PyYAML
silently keeps the last one), and anchors/aliases can be refused before an alias bomb expands.

Loading never half-succeeds: ``load_knowledge`` returns the whole directory or raises
``KnowledgeError`` carrying all problems found.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import multiprocessing
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.core.fact_ids import FACT_ID, MEMBER_PREFIX, is_member_id
from bot.core.fact_references import check_cross_references
from bot.core.knowledge_errors import KnowledgeError, LocatedError
from bot.core.knowledge_signature import RACY_NS, FileStamp, KnowledgeSignature
from bot.core.language import LANGUAGES
from bot.core.links import NotAWebLink, web_link
from bot.core.models import Fact, Origin, Source, Translation

log = logging.getLogger(__name__)

SYNONYMS_FILE = "synonyms.yaml"
TAB_PROBLEM = "tabs are not allowed for indentation; use spaces"
MAX_FILE_BYTES = 20 * 1024 * 1024
# Discord caps an embed description at 4,096 characters; leave room for the embed's furniture.
MAX_ANSWER_CHARS = 3_800
MAX_QUESTION_CHARS = 300
# Caps on a fact's lists: more is never a real fact, and each question is indexed. A curator
# may phrase a fact up to 20 ways per language (each phrasing is one more way members' own
# words meet it); a member's fact takes fewer (``fact_input.MAX_MEMBER_QUESTIONS``).
MAX_QUESTIONS_PER_FACT = 20
MAX_TAGS_PER_FACT = 10
MAX_RELATED_PER_FACT = 20
MAX_SUPERSEDES_PER_FACT = 20
MAX_NESTING = 32
MAX_ERRORS = 50
# A fact id, as a fragment for other patterns (button custom ids embed it) and whole.

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """The C parser with a faster implicit-tag resolver for plain text.

    PyYAML's resolver runs a list of regular expressions in Python for every plain scalar; in a
    knowledge file nearly every scalar is prose starting with a letter that no implicit type
    (bool, null, number, date) can start with, and skipping the regexes for those halves the
    time to read a large file.
    """

    _typed_starts = frozenset(
        key for key in _BaseLoader.yaml_implicit_resolvers if key is not None
    ) | frozenset("~")

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode and implicit[0] and value:
            first = value[0]
            # Implicit types start with a digit, sign, dot or "~", or are words of at most
            # five letters (yes, no, true, false, on, off, null).
            if first not in self._typed_starts or (first.isalpha() and len(value) > 5):
                return _STR
        result: str = super().resolve(kind, value, implicit)
        return result


_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_TYPE_NAMES = {
    _STR: "text",
    _NULL: "empty",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true/false",
    _TIMESTAMP: "a date",
}
FACT_FIELDS = (
    "id",
    "answer",
    "questions",
    "tags",
    "related",
    "supersedes",
    "date",
    "source",
    "language",
    "translations",
)
TRANSLATION_FIELDS = ("answer", "questions")
SOURCE_FIELDS = ("title", "url", "published")


@dataclass(frozen=True, slots=True)
class KnowledgeSet:
    facts: tuple[Fact, ...]
    synonyms: tuple[tuple[str, ...], ...] = ()
    files: tuple[str, ...] = ()
    # How the directory's files stood when read (None when not read from one); not content.
    signature: KnowledgeSignature | None = field(default=None, compare=False)


class _FactLists(NamedTuple):
    """A fact's list fields as read, empty where absent or refused."""

    questions: tuple[str, ...]
    tags: tuple[str, ...]
    related: tuple[str, ...]
    supersedes: tuple[str, ...]


@dataclass(slots=True)
class _FileReader:
    """Validates one file's node tree, collecting located errors."""

    name: str
    errors: list[LocatedError] = field(default_factory=list)
    _seen_nodes: set[int] = field(default_factory=set)

    def error(self, node: Node | None, message: str, fact_id: str | None = None) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.errors.append(LocatedError(self.name, line, message, fact_id))

    def mapping(
        self, node: Node, what: str, allowed: tuple[str, ...], fact_id: str | None = None
    ) -> dict[str, tuple[Node, Node]] | None:
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping of fields, not {_describe(node)}", fact_id)
            return None
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not self._first_visit(value_node):
                self.error(value_node, "YAML anchors and aliases are not allowed", fact_id)
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
                self.error(key_node, f"{what} has a field name that is not text", fact_id)
                continue
            key = key_node.value
            if key in out:
                self.error(key_node, f"field '{key}' appears twice in {what}", fact_id)
                continue
            if key not in allowed:
                self.error(
                    key_node,
                    f"unknown field '{key}' in {what} (allowed: {', '.join(allowed)})",
                    fact_id,
                )
                continue
            out[key] = (key_node, value_node)
        return out

    def _first_visit(self, node: Node) -> bool:
        if id(node) in self._seen_nodes:
            return False
        self._seen_nodes.add(id(node))
        return True

    def text(
        self, node: Node, what: str, fact_id: str | None, *, limit: int, nullable: bool = False
    ) -> str | None:
        if nullable and isinstance(node, ScalarNode) and node.tag == _NULL:
            return None
        if not isinstance(node, ScalarNode) or node.tag != _STR:
            self.error(node, f"'{what}' must be text, not {_describe(node)}", fact_id)
            return None
        value = str(node.value).strip()
        if not value:
            self.error(node, f"'{what}' is empty", fact_id)
            return None
        if len(value) > limit:
            self.error(node, f"'{what}' is {len(value)} characters long (limit {limit})", fact_id)
            return None
        return value

    def text_list(self, node: Node, what: str, fact_id: str | None, *, limit: int) -> list[str]:
        if isinstance(node, ScalarNode) and node.tag == _NULL:
            return []
        if not isinstance(node, SequenceNode):
            self.error(node, f"'{what}' must be a list, not {_describe(node)}", fact_id)
            return []
        # A dict keeps the order and finds repeats in constant time (a list would make a long
        # list quadratic: 40,000 items took 15 s).
        out: dict[str, None] = {}
        for item in node.value:
            if not self._first_visit(item):
                self.error(item, "YAML anchors and aliases are not allowed", fact_id)
                continue
            value = self.text(item, f"{what} item", fact_id, limit=limit)
            if value is not None:
                out.setdefault(value, None)
        return list(out)

    def at_most(self, field: tuple[Node, Node], most: int, what: str, fact_id: str | None) -> bool:
        """Whether the list in ``field`` has at most ``most`` items; else a located error.

        Counted before any item is read, so an absurd list costs nothing more to refuse.
        """
        key_node, value_node = field
        if isinstance(value_node, SequenceNode) and len(value_node.value) > most:
            found = len(value_node.value)
            self.error(key_node, f"at most {most} {what} (found {found})", fact_id)
            return False
        return True

    def date(self, node: Node, what: str, fact_id: str | None) -> dt.date | None:
        if isinstance(node, ScalarNode) and node.tag == _NULL:
            return None
        if isinstance(node, ScalarNode) and node.tag in (_TIMESTAMP, _STR):
            try:
                return dt.date.fromisoformat(node.value.strip()[:10])
            except ValueError:
                pass
        self.error(node, f"'{what}' must be a date like 2025-07-01", fact_id)
        return None

    def source(self, node: Node, fact_id: str | None) -> Source | None:
        if isinstance(node, ScalarNode) and node.tag == _NULL:
            return None
        fields = self.mapping(node, "'source'", SOURCE_FIELDS, fact_id)
        if fields is None:
            return None
        title = url = None
        published = None
        if "title" in fields:
            title = self.text(fields["title"][1], "title", fact_id, limit=300, nullable=True)
        if "url" in fields:
            url = self.text(fields["url"][1], "url", fact_id, limit=2000, nullable=True)
            if url is not None:
                try:
                    web_link(url)
                except NotAWebLink as exc:
                    self.error(fields["url"][1], f"'url' is not usable: {exc}", fact_id)
        if "published" in fields:
            published = self.date(fields["published"][1], "published", fact_id)
        return Source(title, url, published)

    def fact(self, node: Node, file_source: Source | None) -> Fact | None:
        fields = self.mapping(node, "a fact", FACT_FIELDS)
        if fields is None:
            return None
        fact_id = self.fact_id(node, fields)
        # Any error in the fact's other fields leaves the fact out (a bad id already has).
        before = len(self.errors)
        answer = None
        if "answer" not in fields:
            self.error(node, "missing required field 'answer'", fact_id)
        else:
            answer = self.text(fields["answer"][1], "answer", fact_id, limit=MAX_ANSWER_CHARS)
        lists = self.fact_lists(fields, fact_id)
        date = None
        source = file_source
        if "date" in fields:
            date = self.date(fields["date"][1], "date", fact_id)
        if "source" in fields:
            source = self.source(fields["source"][1], fact_id) or file_source
        language = "en"
        if "language" in fields:
            language = self.language(fields["language"][1], fact_id) or "en"
        translations: list[Translation] = []
        if "translations" in fields:
            translations = self.translations(fields["translations"][1], language, fact_id)
        if fact_id is None or answer is None or len(self.errors) > before:
            return None
        return Fact(
            id=fact_id,
            answer=answer,
            questions=lists.questions,
            tags=lists.tags,
            related=lists.related,
            source=source,
            date=date,
            origin=Origin.FILE,
            supersedes=lists.supersedes,
            file=self.name,
            line=node.start_mark.line + 1,
            translations=tuple(translations),
            language=language,
        )

    def fact_id(self, node: Node, fields: dict[str, tuple[Node, Node]]) -> str | None:
        """The fact's id, or None (with the error said) when it has none or one that is not
        allowed: not lower-case letters, digits and '-', '_', '.', or one of the ids kept
        for the facts members add."""
        if "id" not in fields:
            self.error(node, "fact has no 'id'")
            return None
        fact_id = self.text(fields["id"][1], "id", None, limit=80)
        if fact_id is not None and not FACT_ID.match(fact_id):
            self.error(
                fields["id"][1],
                f"id '{fact_id}' must be lower-case letters, digits, '-', '_' or '.'",
            )
            return None
        if fact_id is not None and is_member_id(fact_id):
            self.error(
                fields["id"][1],
                f"id '{fact_id}': ids starting with '{MEMBER_PREFIX}' are kept for the "
                "facts members add; choose another id",
            )
            return None
        return fact_id

    def fact_lists(self, fields: dict[str, tuple[Node, Node]], fact_id: str | None) -> _FactLists:
        """The fact's questions, tags, related and superseded ids, each list checked against
        its most items and each item against its length (tags lower-cased)."""
        questions: list[str] = []
        tags: list[str] = []
        related: list[str] = []
        supersedes: list[str] = []
        if "questions" in fields and self.at_most(
            fields["questions"], MAX_QUESTIONS_PER_FACT, "questions", fact_id
        ):
            questions = self.text_list(
                fields["questions"][1], "questions", fact_id, limit=MAX_QUESTION_CHARS
            )
        if "tags" in fields and self.at_most(fields["tags"], MAX_TAGS_PER_FACT, "tags", fact_id):
            tags = [t.lower() for t in self.text_list(fields["tags"][1], "tags", fact_id, limit=50)]
        if "related" in fields and self.at_most(
            fields["related"], MAX_RELATED_PER_FACT, "related ids", fact_id
        ):
            related = self.text_list(fields["related"][1], "related", fact_id, limit=80)
        if "supersedes" in fields and self.at_most(
            fields["supersedes"], MAX_SUPERSEDES_PER_FACT, "superseded ids", fact_id
        ):
            supersedes = self.text_list(fields["supersedes"][1], "supersedes", fact_id, limit=80)
        return _FactLists(tuple(questions), tuple(tags), tuple(related), tuple(supersedes))

    def language(self, node: Node, fact_id: str | None) -> str | None:
        code = self.text(node, "language", fact_id, limit=10)
        if code is not None and code not in LANGUAGES:
            self.error(node, f"unknown language '{code}' (known: {', '.join(LANGUAGES)})", fact_id)
            return None
        return code

    def translations(self, node: Node, own: str, fact_id: str | None) -> list[Translation]:
        """``translations:``: a mapping of language code -> {answer, questions}, each checked
        like the fact's own fields (text, caps), errors at the line of the offending value."""
        if not isinstance(node, MappingNode):
            self.error(
                node,
                f"'translations' must be a mapping of language codes, not {_describe(node)}",
                fact_id,
            )
            return []
        others = tuple(code for code in LANGUAGES if code != own)
        out: list[Translation] = []
        for code, (key_node, value_node) in (
            self.mapping(node, "'translations' (language codes)", others, fact_id) or {}
        ).items():
            fields = self.mapping(
                value_node, f"the '{code}' translation", TRANSLATION_FIELDS, fact_id
            )
            if fields is None:
                continue
            if "answer" not in fields:
                self.error(key_node, f"the '{code}' translation has no 'answer'", fact_id)
                continue
            answer = self.text(
                fields["answer"][1], f"translations.{code}.answer", fact_id, limit=MAX_ANSWER_CHARS
            )
            questions: list[str] = []
            if "questions" in fields and self.at_most(
                fields["questions"], MAX_QUESTIONS_PER_FACT, f"{code} questions", fact_id
            ):
                questions = self.text_list(
                    fields["questions"][1],
                    f"translations.{code}.questions",
                    fact_id,
                    limit=MAX_QUESTION_CHARS,
                )
            if answer is not None:
                out.append(Translation(code, answer, tuple(questions)))
        return out


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return _TYPE_NAMES.get(node.tag, "a value of another type")


_BRACKET = re.compile(r"[\[\]{}]")


def _nesting_too_deep(text: str) -> int | None:
    """Line of the first place nested deeper than MAX_NESTING flow brackets, if any.

    The YAML parser recurses per nesting level; refusing absurd depth first keeps a hostile
    file from exhausting the stack. (Brackets inside quoted text count too: harmless, since
    no real fact nests 32 deep.)
    """
    depth = 0
    for match in _BRACKET.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return text.count("\n", 0, match.start()) + 1
        else:
            depth = max(0, depth - 1)
    return None


def _read_text(path: Path, name: str, errors: list[LocatedError]) -> str | None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        errors.append(LocatedError(name, None, f"cannot be read: {exc.strerror}"))
        return None
    if size > MAX_FILE_BYTES:
        errors.append(
            LocatedError(
                name, None, f"is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit per file"
            )
        )
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        errors.append(LocatedError(name, line, "is not valid UTF-8 text"))
        return None
    deep = _nesting_too_deep(text)
    if deep is not None:
        errors.append(LocatedError(name, deep, f"nests more than {MAX_NESTING} levels deep"))
        return None
    return text


def tab_at(text: str, line: int, column: int) -> bool:
    """Whether the character at 0-based ``line`` and ``column`` of ``text`` is a tab."""
    lines = text.splitlines()
    return 0 <= line < len(lines) and 0 <= column < len(lines[line]) and lines[line][column] == "\t"


def _compose(text: str, name: str, errors: list[LocatedError]) -> Node | None:
    try:
        node: Node | None = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        if mark is not None and tab_at(text, mark.line, mark.column):
            # The parser's own words ("cannot start any token") do not say what to change.
            problem = TAB_PROBLEM
        errors.append(LocatedError(name, line, f"YAML syntax error: {problem}"))
        return None
    except yaml.YAMLError as exc:
        errors.append(LocatedError(name, None, f"YAML error: {exc}"))
        return None
    if node is None:
        expected = "a 'groups:' list" if name.endswith(SYNONYMS_FILE) else "a 'facts:' list"
        errors.append(LocatedError(name, None, f"file is empty (expected {expected})"))
    return node


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


def parse_synonyms(node: Node, reader: _FileReader) -> list[tuple[str, ...]]:
    fields = reader.mapping(node, "the synonyms file", ("groups",))
    if fields is None:
        return []
    if "groups" not in fields:
        reader.error(node, "synonyms file has no 'groups' list")
        return []
    groups_node = fields["groups"][1]
    if not isinstance(groups_node, SequenceNode):
        reader.error(groups_node, f"'groups' must be a list, not {_describe(groups_node)}")
        return []
    # Only synonym files need the stemmer.
    from bot.core.english_stems import stem
    from bot.core.folding import fold

    groups: list[tuple[str, ...]] = []
    owner: dict[str, int] = {}
    for group_node in groups_node.value:
        group = reader.text_list(group_node, "groups", None, limit=80)
        lowered = tuple(w.lower() for w in group)
        if len(lowered) < 2:
            reader.error(group_node, "a synonym group needs at least two words")
            continue
        line = group_node.start_mark.line + 1
        for word in lowered:
            # Compared as the matcher sees them: "recall" and "recalled" are one term.
            key = " ".join(stem(w) for w in fold(word).split())
            if owner.setdefault(key, line) != line:
                reader.error(
                    group_node,
                    f"'{word}' is already in the group on line {owner[key]} "
                    "(as the same word or one with the same stem)",
                )
        groups.append(lowered)
    return groups


def load_file(path: Path, name: str) -> tuple[list[Fact], list[LocatedError]]:
    """Facts of one knowledge file, and the problems found in it."""
    errors: list[LocatedError] = []
    text = _read_text(path, name, errors)
    node = _compose(text, name, errors) if text is not None else None
    if node is None:
        return [], errors
    reader = _FileReader(name, errors)
    fields = reader.mapping(node, "the file", ("source", "facts"))
    if fields is None:
        return [], errors
    file_source = reader.source(fields["source"][1], None) if "source" in fields else None
    if "facts" not in fields:
        reader.error(node, "file has no 'facts' list")
        return [], errors
    facts_node = fields["facts"][1]
    if not isinstance(facts_node, SequenceNode):
        reader.error(facts_node, f"'facts' must be a list, not {_describe(facts_node)}")
        return [], errors
    if not facts_node.value:
        reader.error(facts_node, "'facts' is an empty list")
    facts = []
    for fact_node in facts_node.value:
        fact = reader.fact(fact_node, file_source)
        if fact is not None:
            facts.append(fact)
        if len(errors) >= MAX_ERRORS:
            break
    return facts, errors


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
    text = _read_text(path, name, errors)
    node = _compose(text, name, errors) if text is not None else None
    if node is not None:
        synonyms = parse_synonyms(node, _FileReader(name, errors))
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
