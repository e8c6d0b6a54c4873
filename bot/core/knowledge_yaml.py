"""One knowledge file's text, read safely and composed into PyYAML's node tree.

Apart from the reading of facts and synonyms because it is the one step both share, and the
one that meets a hostile file first: every guard that keeps a file from costing the bot its
memory or stack (size, encoding, nesting depth) runs here, before the parser does.

The node tree, not the plain objects ``safe_load`` returns: nodes keep their line numbers (so
every error is located), duplicate keys can be caught (PyYAML silently keeps the last one), and
anchors/aliases can be refused before an alias bomb expands.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.core.knowledge_errors import LocatedError

SYNONYMS_FILE = "synonyms.yaml"
TAB_PROBLEM = "tabs are not allowed for indentation; use spaces"
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_NESTING = 32

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
                return TEXT_TAG
        result: str = super().resolve(kind, value, implicit)
        return result


TEXT_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
DATE_TAG = "tag:yaml.org,2002:timestamp"
_TYPE_NAMES = {
    TEXT_TAG: "text",
    NULL_TAG: "empty",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true/false",
    DATE_TAG: "a date",
}


def describe(node: Node) -> str:
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


def read_text(path: Path, name: str, errors: list[LocatedError]) -> str | None:
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


def compose(text: str, name: str, errors: list[LocatedError]) -> Node | None:
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
