"""The saved index and the knowledge signature, which let a start skip parsing and indexing."""

from __future__ import annotations

import ast
import datetime as dt
import io
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.core import import_reach, index_snapshot
from bot.core.knowledge_signature import KnowledgeSignature
from bot.core.loader import KnowledgeReader
from bot.core.matcher import Matcher
from bot.core.models import Fact, Origin, Source
from bot.core.text import Analyzer

SYNONYMS = (("ambassador", "envoy"), ("recall", "withdraw", "call home"))
FACTS = (
    Fact(
        "ambassador-recalled",
        "Azerbaijan called its ambassador in Moscow home after two men died in custody.",
        ("why did azerbaijan recall its ambassador", "ambassador recall"),
        tags=("diplomacy",),
        related=("yekaterinburg-raid",),
        source=Source("The seed article", "https://example.org/a", dt.date(2025, 7, 1)),
        date=dt.date(2025, 6, 30),
        file="knowledge/facts.yaml",
        line=4,
    ),
    Fact(
        "yekaterinburg-raid",
        "Russian police raided a building in Yekaterinburg at night.",
        ("what happened in yekaterinburg",),
        source=Source(None, "https://example.org/b", None),
        file="knowledge/facts.yaml",
        line=12,
    ),
    Fact("tolbachik", "The volcano Tolbachik erupted on the Kamchatka peninsula."),
    Fact(
        "grand-prix",
        "Baku hosts a Formula One grand prix on a street circuit.",
        ("when is the baku grand prix",),
        origin=Origin.USER,
        guild_id=7,
        author_id=42,
    ),
)
QUESTIONS = (
    "why did baku recall its envoy",
    "ambasador recall",
    "what happened in ekaterinburg",
    "did the volcano erupt",
    "when is the grand prix",
    "what time is it in moscow",
)
EXTRA = Fact("karabakh-war", "In 2020 Azerbaijan defeated Armenia.", ("who won the karabakh war",))
GENERATION = 1234
# Called by a planted snapshot if it were ever unpickled without restriction.
CALLS: list[str] = []


def planted_call(text: str) -> str:
    CALLS.append(text)
    return text


class _Planted:
    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return planted_call, ("code ran",)


def built_matcher() -> Matcher:
    """A matcher with synonyms, member facts and some removals behind it (dead postings)."""
    matcher = Matcher(FACTS, analyzer=Analyzer(SYNONYMS))
    matcher.add(EXTRA)
    matcher.remove(EXTRA.id)
    matcher.add(FACTS[2])  # re-added: a new key
    return matcher


def answers(matcher: Matcher) -> list[Any]:
    out: list[Any] = []
    for question in QUESTIONS:
        out.append(matcher.ask(question, limit=5))
        out.append(matcher.ask(question, limit=5, guild_id=7))
        out.append(matcher.complete(question[:12], guild_id=7))
    return out


def saved_and_read(matcher: Matcher, database: Path) -> Matcher:
    index_snapshot.save(database, matcher, SYNONYMS, GENERATION)
    loaded = index_snapshot.read(database, GENERATION)
    assert loaded is not None
    restored, synonyms = loaded
    assert synonyms == SYNONYMS
    return restored


def test_a_snapshot_answers_exactly_as_the_index_it_was_saved_from(tmp_path: Path) -> None:
    """An index read back from its snapshot gives the same answers, suggestions and facts
    (every field), in every server."""
    original = built_matcher()
    restored = saved_and_read(original, tmp_path / "newsdesk.db")
    assert answers(restored) == answers(original)
    assert len(restored) == len(original)
    assert restored.facts() == original.facts()
    assert list(restored.ids()) == list(original.ids())


def test_a_read_snapshot_keeps_changing_like_the_index(tmp_path: Path) -> None:
    """Facts added to and removed from an index read from a snapshot are answered as in the
    original after the same changes; and it can be saved and read again."""
    original = built_matcher()
    restored = saved_and_read(original, tmp_path / "newsdesk.db")
    for matcher in (original, restored):
        matcher.add(EXTRA)
        matcher.remove("yekaterinburg-raid")
    assert answers(restored) == answers(original)
    assert restored.ask("who won the karabakh war").best is not None
    again = saved_and_read(restored, tmp_path / "again.db")
    assert answers(again) == answers(original)


def test_a_snapshot_of_another_generation_or_none_is_not_used(tmp_path: Path) -> None:
    """Only a snapshot of the database's current generation is read."""
    database = tmp_path / "newsdesk.db"
    assert index_snapshot.read(database, GENERATION) is None
    index_snapshot.save(database, built_matcher(), SYNONYMS, GENERATION)
    assert index_snapshot.read(database, GENERATION + 1) is None
    assert index_snapshot.read(database, GENERATION) is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newsdesk.db.index"]


def test_a_planted_snapshot_cannot_run_code(tmp_path: Path) -> None:
    """A snapshot naming a function (as a planted file could) is refused without calling it."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dump(
        {
            "format": index_snapshot.FORMAT,
            "program": index_snapshot.program_version(),
            "generation": GENERATION,
        }
    )
    pickler.dump(_Planted())
    database = tmp_path / "newsdesk.db"
    path = index_snapshot.snapshot_path(database)
    assert path is not None
    path.write_bytes(out.getvalue())
    assert index_snapshot.read(database, GENERATION) is None
    assert CALLS == []


def test_an_in_memory_database_has_no_snapshot() -> None:
    """A database that lives in memory gets no file beside it."""
    assert index_snapshot.snapshot_path(Path(":memory:")) is None


def test_knowledge_signature_round_trips_and_tells_changes(
    make_knowledge_dir: Any,
) -> None:
    """The signature stored with a reload reads back equal; the directory is unchanged until
    a file is added, edited or removed."""
    directory: Path = make_knowledge_dir(
        {
            "a.yaml": "facts:\n  - id: a\n    answer: A.\n",
            "b.yaml": "facts:\n  - id: b\n    answer: B.\n",
        }
    )
    reader = KnowledgeReader()
    signature = reader.load(directory).signature
    assert signature is not None
    assert KnowledgeSignature.from_json(signature.to_json()) == signature
    assert reader.unchanged(directory, signature)
    (directory / "c.yaml").write_text("facts:\n  - id: c\n    answer: C.\n", encoding="utf-8")
    assert not reader.unchanged(directory, signature)
    (directory / "c.yaml").unlink()
    assert reader.unchanged(directory, signature)
    (directory / "b.yaml").write_text("facts:\n  - id: b\n    answer: Bee.\n", encoding="utf-8")
    assert not reader.unchanged(directory, signature)
    assert not reader.unchanged(directory.parent, signature)
    assert KnowledgeSignature.from_json("{not json") is None
    assert KnowledgeSignature.from_json('{"files": 3}') is None


@pytest.mark.parametrize("synonyms", [(), SYNONYMS])
def test_analyzer_from_the_saved_synonyms_matches(tmp_path: Path, synonyms: Any) -> None:
    """The synonyms saved with an index are the ones it is read back with."""
    original = Matcher(FACTS, analyzer=Analyzer(synonyms))
    index_snapshot.save(tmp_path / "x.db", original, synonyms, GENERATION)
    loaded = index_snapshot.read(tmp_path / "x.db", GENERATION)
    assert loaded is not None
    assert loaded[1] == synonyms
    assert answers(loaded[0]) == answers(original)


def _core_imports(module: str) -> set[str]:
    """The ``bot.core`` modules a ``bot.core`` module imports, parsed from its source."""
    source = Path(index_snapshot.__file__).with_name(f"{module}.py")
    found: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "bot.core":
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bot.core."):
            found.add(str(node.module).split(".")[2])
        elif isinstance(node, ast.Import):
            found.update(
                alias.name.split(".")[2]
                for alias in node.names
                if alias.name.startswith("bot.core.")
            )
    return {name for name in found if source.with_name(f"{name}.py").exists()}


def test_the_version_covers_every_module_the_index_s_code_imports() -> None:
    """A saved index is reused while the program version is the same, so every module the
    index's code reaches must be in that version: otherwise an upgrade that changes how facts
    are read keeps serving an index read the old way (stale answers until a fact changes). The
    version finds them by a quick reading of the imports; here they are parsed."""
    reached: set[str] = set()
    waiting = list(index_snapshot._INDEX_ROOTS)
    while waiting:
        module = waiting.pop()
        if module not in reached:
            reached.add(module)
            waiting.extend(_core_imports(module))
    core = Path(index_snapshot.__file__).parent
    versioned = import_reach.reached(core, "bot.core", index_snapshot._INDEX_ROOTS)
    assert set(versioned) == reached
    assert {"fact_index", "index_entries", "text", "language", "vocabulary"} <= reached


def _write_modules(directory: Path, modules: dict[str, str]) -> None:
    for name, source in modules.items():
        (directory / f"{name}.py").write_text(source, encoding="utf-8")


def test_a_module_brought_into_the_index_s_imports_changes_the_version(tmp_path: Path) -> None:
    """A module the index's code starts to import is part of the version from then on, without
    anyone listing it: changing it rebuilds a saved index; a module nothing imports does not."""
    _write_modules(
        tmp_path,
        {
            "fact_index": "from bot.core import text\n",
            "index_entries": "WIDTH = 3\n",
            "text": "from bot.core.index_entries import WIDTH\n",
        },
    )
    before = index_snapshot.code_version(tmp_path)
    _write_modules(tmp_path, {"spelling_rules": "RULES = ('u', 'you')\n"})
    assert index_snapshot.code_version(tmp_path) == before  # nothing imports it yet
    _write_modules(
        tmp_path,
        {"text": "from bot.core.index_entries import WIDTH\nfrom bot.core import spelling_rules\n"},
    )
    imported = index_snapshot.code_version(tmp_path)
    assert imported != before
    _write_modules(tmp_path, {"spelling_rules": "RULES = ('u', 'you', 'every1', 'everyone')\n"})
    assert index_snapshot.code_version(tmp_path) not in {before, imported}


def test_the_version_is_the_same_in_every_process() -> None:
    """Two starts of the same program agree on its version (whatever their hash seeds), so a
    restart reads the index its last run saved instead of rebuilding it."""
    program = "from bot.core import index_snapshot; print(index_snapshot.program_version())"
    root = Path(index_snapshot.__file__).parents[2]
    seen = set()
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        result = subprocess.run(
            [sys.executable, "-c", program],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
            cwd=root,
            timeout=120,
        )
        seen.add(result.stdout.strip())
    assert seen == {index_snapshot.program_version()}
