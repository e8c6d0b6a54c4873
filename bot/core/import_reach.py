"""Which modules of a package some of its modules reach through their imports, read from source.

Read from the files, not from what the running process happens to have imported, so the answer
is the same in every process whatever ran before. Read with a pattern rather than by parsing:
the saved index's version is worked out as a bot starts, and parsing the fifty-odd modules the
index reaches takes about a tenth of a second where the pattern takes a few milliseconds. The
pattern relies on one import to a statement, each at the start of its line, which ruff's E401
and E70x rules keep so; a test holds it against the parsed imports of the real modules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

# A comment may hold a ")" that would end a parenthesised list of names early.
_COMMENT = re.compile(r"#[^\n]*")
# "x as y" imports x: the alias is no module name.
_ALIAS = re.compile(r"\bas\s+\w+")
_WORD = re.compile(r"\w+")


def reached(directory: Path, package: str, roots: Iterable[str]) -> tuple[str, ...]:
    """``roots`` and every module of ``package`` they import, directly or through each other,
    in name order. ``directory`` holds the package's modules, a file each; a name imported from
    the package that is no module there (a function, a constant) is not one."""
    pattern = _import_pattern(package)
    found: set[str] = set()
    waiting = list(roots)
    while waiting:
        name = waiting.pop()
        if name in found:
            continue
        found.add(name)
        source = (directory / f"{name}.py").read_text(encoding="utf-8")
        waiting.extend(
            module
            for module in _imported(source, pattern)
            if (directory / f"{module}.py").is_file()
        )
    return tuple(sorted(found))


def _import_pattern(package: str) -> re.Pattern[str]:
    """``from package.m import ...`` (group 1), the names of ``from package import ...``
    (group 2, in parentheses or on a line continued by backslashes) and ``import package.m``
    (group 3), indented or not: an import inside a function counts as much as one at the top."""
    dotted = re.escape(package)
    return re.compile(
        rf"^[ \t]*(?:from[ \t]+{dotted}(?:\.(\w+))?[ \t]+import[ \t]+"
        r"(\([^)]*\)|(?:[^\n\\]|\\\n)*)"
        rf"|import[ \t]+{dotted}\.(\w+))",
        re.MULTILINE,
    )


def _imported(source: str, pattern: re.Pattern[str]) -> set[str]:
    """The names a module's source imports from the package, or imports the modules of."""
    names: set[str] = set()
    for submodule, listed, imported in pattern.findall(_COMMENT.sub("", source)):
        if submodule or imported:
            names.add(submodule or imported)
        else:
            names.update(_WORD.findall(_ALIAS.sub("", listed)))
    return names
