"""The layering the README promises, checked on the code itself (read as text, not imported).

The core knows nothing of Discord, databases or the programs around it; the knowledge service is
the only door to the store and the matcher; one composition root builds the store; and no two
modules import each other in a circle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[2] / "bot"
CORE = BOT / "core"
COMPOSITION_ROOT = BOT / "composition.py"
# The knowledge service's facade: it composes the core's modules, none of which imports it.
SERVICE_FACADE = "bot.core.service"
# The derivations of the tables the core ships, run only to derive a table again.
TABLE_DERIVATIONS = "bot.wordnet_tables"
# What the core may never import: drivers, Discord, and every layer built on top of it.
ABOVE_THE_CORE = (
    "discord",
    "sqlite3",
    "aiosqlite",
    "asyncpg",
    "bot.store",
    "bot.ingest",
    "bot.exts",
    "bot.ui",
    "bot.cli",
    "bot.app",
    "bot.config",
    "bot.composition",
)


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(BOT.rglob("*.py")):
        parts = path.relative_to(BOT.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def imported_names(name: str, path: Path) -> set[str]:
    """Every module ``path`` imports (relative imports resolved), TYPE_CHECKING ones too."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def graph() -> dict[str, set[str]]:
    known = dict(modules())
    return {
        name: {other for other in imported_names(name, path) if other in known and other != name}
        for name, path in known.items()
    }


def test_the_core_imports_nothing_above_it() -> None:
    """bot/core runs without Discord, a database driver, the store or the programs on top."""
    offences = [
        f"{name} imports {imported}"
        for name, path in modules()
        if path.is_relative_to(CORE)
        for imported in sorted(imported_names(name, path))
        if imported.startswith(ABOVE_THE_CORE)
    ]
    assert offences == []


def test_the_bot_never_imports_the_table_derivations() -> None:
    """The bot reads the small tables derived from WordNet (place kinds, expressions' one-word
    paraphrases), never WordNet's files or the code deriving them: a bot installed without
    WordNet answers alike, and a derivation may change without touching how a table is read."""
    offences = [
        f"{name} imports {imported}"
        for name, path in modules()
        if not name.startswith(TABLE_DERIVATIONS)
        for imported in sorted(imported_names(name, path))
        if imported.startswith(TABLE_DERIVATIONS)
    ]
    assert offences == []


def test_the_services_parts_never_import_its_facade() -> None:
    """bot/core/service.py composes its parts (input, index, writing, drafts...); a part that
    imported the facade back would tie every part to every other."""
    offences = [
        name
        for name, path in modules()
        if path.is_relative_to(CORE)
        and name != SERVICE_FACADE
        and SERVICE_FACADE in imported_names(name, path)
    ]
    assert offences == []


def _reaches_inside_the_service(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Attribute) and node.attr in ("store", "matcher")):
        return False
    owner = node.value
    return (isinstance(owner, ast.Name) and owner.id == "kb") or (
        isinstance(owner, ast.Attribute) and owner.attr == "kb"
    )


def test_nothing_outside_the_core_reaches_the_store_or_the_matcher() -> None:
    """Cogs, the CLI and ingestion go through the knowledge service's own methods."""
    offences = [
        f"{path.relative_to(BOT.parent)}:{node.lineno}"
        for _, path in modules()
        if not path.is_relative_to(CORE)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if _reaches_inside_the_service(node)
    ]
    assert offences == []


def test_only_the_composition_root_builds_a_store() -> None:
    """Settings -> store -> service -> bot or CLI is put together in one module."""
    builders = [
        str(path.relative_to(BOT.parent))
        for name, path in modules()
        if not name.startswith("bot.store")
        and "SqliteStore" in path.read_text(encoding="utf-8")
        and path != COMPOSITION_ROOT
    ]
    assert builders == []


def _circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in edges[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in edges:
        if module not in index:
            visit(module)
    return found


def test_no_modules_import_each_other_in_a_circle() -> None:
    """Every import points one way, so any layer can be read (and replaced) from the bottom up."""
    edges = graph()
    # A package's __init__ re-exporting its own modules is not a circle between layers.
    for name in edges:
        edges[name] = {o for o in edges[name] if not name.startswith(f"{o}.")}
    assert _circles(edges) == []


@pytest.mark.parametrize("forbidden", ["sqlite3", "aiosqlite"])
def test_the_service_speaks_the_stores_language_not_the_drivers(forbidden: str) -> None:
    """Store failures reach the service as typed StoreErrors, never as driver exceptions."""
    service = CORE / "service.py"
    assert forbidden not in imported_names(SERVICE_FACADE, service)
