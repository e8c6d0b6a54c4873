"""Draft files in ``knowledge/drafts/``: reading them, and moving their facts into the knowledge.

Drafts are never answered: the loader reads only the top of ``knowledge/``. This module only
handles the files; the knowledge service (``KnowledgeBase.review_draft``) decides who may review,
holds the lock shared with reloads, reloads after a move and puts the files back if the reload
refuses them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.core.fact_file import load_file
from bot.core.knowledge_errors import KnowledgeError, LocatedError
from bot.core.models import Fact, ReloadReport

DRAFTS_DIR = "drafts"
# Above each drafted fact, the article sentence it was made from, for the reviewer.
SOURCE_NOTE = "# from the article: "


def _read_umask() -> int:
    # Read once at import, before worker threads write files: umask can only be read by
    # setting it.
    current = os.umask(0o022)
    os.umask(current)
    return current


_UMASK = _read_umask()
APPROVED_HEADER = "# Approved from "


@dataclass(frozen=True, slots=True)
class DraftFile:
    """One file of draft facts waiting for review, with its problems if it does not validate."""

    path: Path
    facts: tuple[Fact, ...]
    errors: tuple[LocatedError, ...] = ()
    sources: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """The article sentence(s) each fact was made from (its ``# from the article:`` notes)."""

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def title(self) -> str:
        for fact in self.facts:
            if fact.source and fact.source.title:
                return fact.source.title
        return self.path.stem

    def require_valid(self) -> None:
        if self.errors:
            raise KnowledgeError(list(self.errors))


@dataclass(frozen=True, slots=True)
class DraftChoice:
    """What a name given by a moderator points at: a whole draft file, or one fact of it."""

    draft: DraftFile
    fact_id: str | None = None

    @property
    def fact_ids(self) -> tuple[str, ...]:
        return (self.fact_id,) if self.fact_id else tuple(f.id for f in self.draft.facts)

    def describe(self) -> str:
        if self.fact_id:
            return f"fact `{self.fact_id}`"
        return f"draft `{self.draft.name}` ({len(self.draft.facts)} facts)"


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """What an approval or rejection did, in one sentence for the moderator."""

    message: str
    fact_ids: tuple[str, ...]
    report: ReloadReport | None = None


@dataclass(frozen=True, slots=True)
class FileSnapshot:
    """A file's text before a change (None: it did not exist), to put it back."""

    path: Path
    text: str | None

    @classmethod
    def of(cls, path: Path) -> FileSnapshot:
        return cls(path, path.read_text(encoding="utf-8") if path.exists() else None)

    def restore(self) -> None:
        if self.text is None:
            with contextlib.suppress(OSError):
                self.path.unlink()
        else:
            write_atomically(self.path, self.text)


def drafts_dir(knowledge_dir: Path) -> Path:
    return knowledge_dir / DRAFTS_DIR


def read_draft(path: Path) -> DraftFile:
    facts, errors = load_file(path, f"{DRAFTS_DIR}/{path.name}")
    notes: dict[str, list[str]] = {}
    if not errors:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            notes = source_notes(path.read_text(encoding="utf-8"))
    return DraftFile(path, tuple(facts), tuple(errors), notes)


def source_notes(text: str) -> dict[str, list[str]]:
    """The article's sentences each fact of a draft file's ``text`` was made from, by fact id
    (the ``# from the article:`` comments above each ``- id:``), for review."""
    notes: dict[str, list[str]] = {}
    pending: list[str] = []
    for line in text.splitlines():
        if line.startswith(SOURCE_NOTE):
            quoted = line[len(SOURCE_NOTE) :].strip()
            if len(quoted) >= 2 and quoted[0] == quoted[-1] == '"':
                quoted = quoted[1:-1]
            pending.append(quoted)
        elif line.startswith("- id:"):
            fact = line[len("- id:") :].split("#", 1)[0].strip().strip("'\"")
            if pending:
                notes[fact] = pending
            pending = []
        elif not line.startswith("#"):
            pending = []
    return notes


def _draft_paths(knowledge_dir: Path) -> list[Path]:
    directory = drafts_dir(knowledge_dir)
    if not directory.is_dir():
        return []
    paths = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
    return [p for p in paths if p.is_file() and not p.is_symlink()]


def list_drafts(knowledge_dir: Path) -> list[DraftFile]:
    """Every draft file, oldest name first, with its facts (or its problems)."""
    return [read_draft(p) for p in _draft_paths(knowledge_dir)]


def waiting_drafts(knowledge_dir: Path) -> tuple[int, dt.datetime | None]:
    """How many draft files wait for review, and when the oldest of them was written (its
    file's time, in UTC; None when none waits). Not read: the statistics only count them."""
    paths = _draft_paths(knowledge_dir)
    times = []
    for path in paths:
        with contextlib.suppress(OSError):  # reviewed (moved) meanwhile
            times.append(path.stat().st_mtime)
    oldest = dt.datetime.fromtimestamp(min(times), dt.UTC) if times else None
    return len(paths), oldest


def draft_fact_ids(knowledge_dir: Path) -> set[str]:
    return {f.id for d in list_drafts(knowledge_dir) for f in d.facts}


def find_draft(knowledge_dir: Path, name: str) -> DraftChoice | None:
    """The draft ``name`` refers to: a draft file (named with or without ``.yaml``, or by a path
    ending in ``drafts/NAME``) or a draft fact id; None if it names neither."""
    wanted = name.strip()
    base = Path(wanted).name
    stem = base[:-5] if base.endswith(".yaml") else base
    found = list_drafts(knowledge_dir)
    for draft in found:
        if draft.path.stem == stem or draft.name == base:
            return DraftChoice(draft)
    lowered = wanted.lower()
    for draft in found:
        if any(f.id == lowered for f in draft.facts):
            return DraftChoice(draft, lowered)
    return None


def unique_path(directory: Path, stem: str) -> Path:
    path = directory / f"{stem}.yaml"
    number = 2
    while path.exists():
        path = directory / f"{stem}-{number}.yaml"
        number += 1
    return path


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file: readers see the old or the new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); a knowledge file is read by whoever curates
        # the folder (a host user on a Docker bind mount), so give it the usual mode.
        os.fchmod(handle, 0o666 & ~_UMASK)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        Path(temp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise


def new_draft_path(knowledge_dir: Path, stem: str) -> Path:
    """A free name for a new draft file: ``knowledge/drafts/<stem>[-N].yaml``."""
    directory = drafts_dir(knowledge_dir)
    directory.mkdir(parents=True, exist_ok=True)
    return unique_path(directory, re.sub(r"[^a-z0-9._-]", "", stem.lower())[:70] or "draft")


def _load_yaml(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _dump(data: dict[str, Any], header: str) -> str:
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in data.get("facts", []) if isinstance(e, dict)]


def move_into_knowledge(
    knowledge_dir: Path, choice: DraftChoice, *, live_ids: Collection[str], approver: str
) -> tuple[Path, list[FileSnapshot]]:
    """Move the chosen draft facts into ``knowledge/<draft name>`` (merged into it when earlier
    facts of the same draft were approved one by one); return the file and what to put back.

    A hand-curated file of the same name is never rewritten (its comments would be lost): the
    facts go to a new name instead.
    """
    draft = choice.draft
    wanted = set(choice.fact_ids)
    data = _load_yaml(draft.path)
    moving = [e for e in _entries(data) if e.get("id") in wanted]
    staying = [e for e in _entries(data) if e.get("id") not in wanted]
    target = knowledge_dir / draft.name
    if target.exists() and not target.read_text(encoding="utf-8").startswith(APPROVED_HEADER):
        target = unique_path(knowledge_dir, draft.path.stem)
    snapshots = [FileSnapshot.of(target), FileSnapshot.of(draft.path)]
    live = _load_yaml(target) if target.exists() else {}
    if "source" in data and "source" not in live:
        live["source"] = data["source"]
    live_entries = _entries(live)
    known = {e.get("id") for e in (*live_entries, *moving)} | set(live_ids)
    for entry in moving:
        # A related fact still in review cannot be named by a live one.
        related = [r for r in entry.get("related", []) or [] if r in known]
        if related:
            entry["related"] = related
        else:
            entry.pop("related", None)
    live["facts"] = live_entries + moving
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = (
        f"{APPROVED_HEADER}{DRAFTS_DIR}/{draft.name} by {approver} ({when}).\n"
        "# The answers are the article's sentences: reword them in our own words when you "
        "edit this file.\n"
    )
    try:
        write_atomically(target, _dump(live, header))
        _keep_only(draft.path, data, staying, "# DRAFT (partly approved): not answered.\n")
    except BaseException:
        for snapshot in snapshots:
            with contextlib.suppress(OSError):
                snapshot.restore()
        raise
    return target, snapshots


def drop_from_draft(choice: DraftChoice) -> None:
    """Delete the draft file, or only its chosen fact."""
    path = choice.draft.path
    if choice.fact_id is None:
        path.unlink()
        return
    data = _load_yaml(path)
    staying = [e for e in _entries(data) if e.get("id") != choice.fact_id]
    _keep_only(path, data, staying, "# DRAFT (partly reviewed): not answered.\n")


def _keep_only(
    path: Path, data: dict[str, Any], staying: Sequence[dict[str, Any]], header: str
) -> None:
    if staying:
        data["facts"] = list(staying)
        write_atomically(path, _dump(data, header))
    else:
        path.unlink()


def describe(
    draft: DraftFile, *, limit: int = 200, notes: Mapping[str, Sequence[str]] | None = None
) -> str:
    """A draft as plain text for the console: file, source, then each fact id and answer, the
    article's sentence(s) under an answer that is not them as written (what the Discord card
    shows, for checking one against the other), and ``notes`` (by fact id) under their facts."""

    def clipped(text: str) -> str:
        return text if len(text) <= limit else text[: limit - 1] + "…"

    lines = [f"{DRAFTS_DIR}/{draft.name}: {len(draft.facts)} facts from '{draft.title}'"]
    if draft.errors:
        lines += [f"  problem: {e}" for e in draft.errors]
    for fact in draft.facts:
        lines.append(f"  {fact.id}: {clipped(fact.answer)}")
        said = " ".join(" ".join(draft.sources.get(fact.id, ())).split())
        if said and said != " ".join(fact.answer.split()):
            lines.append(f"    from the article: {clipped(said)}")
        lines += [f"    {note}" for note in (notes or {}).get(fact.id, ())]
    return "\n".join(lines)
