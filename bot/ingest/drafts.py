"""Draft files in ``knowledge/drafts/``: list, approve (into the live knowledge) and reject.

Drafts are never answered: the loader reads only the top of ``knowledge/``. Approving a draft
file moves its facts into ``knowledge/<same name>`` (merged into it if some of its facts were
approved one by one before) and reloads the knowledge the usual way, validated; approving one
draft fact id moves that fact alone. If the reload refuses the result, every file is put back as
it was. Rejecting deletes the draft (or the one fact) and leaves an entry in the audit trail.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.core.actors import Actor
from bot.core.errors import NotFound, PermissionDenied
from bot.core.loader import KnowledgeError, LocatedError, load_file
from bot.core.models import Fact, ReloadReport
from bot.core.service import KnowledgeBase

DRAFTS_DIR = "drafts"
_APPROVED = "# Approved from "
_locks: dict[int, asyncio.Lock] = {}


def draft_lock() -> asyncio.Lock:
    """One lock per event loop: drafting, draft moves and reloads never interleave."""
    loop = asyncio.get_running_loop()
    return _locks.setdefault(id(loop), asyncio.Lock())


@dataclass(frozen=True, slots=True)
class DraftFile:
    path: Path
    facts: tuple[Fact, ...]
    errors: tuple[LocatedError, ...] = ()

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def title(self) -> str:
        for fact in self.facts:
            if fact.source and fact.source.title:
                return fact.source.title
        return self.path.stem


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """What an approval or rejection did, in one sentence for the moderator."""

    message: str
    fact_ids: tuple[str, ...]
    report: ReloadReport | None = None


def drafts_dir(knowledge_dir: Path) -> Path:
    return knowledge_dir / DRAFTS_DIR


def _read(path: Path) -> DraftFile:
    facts, errors = load_file(path, f"{DRAFTS_DIR}/{path.name}")
    return DraftFile(path, tuple(facts), tuple(errors))


def list_drafts(knowledge_dir: Path) -> list[DraftFile]:
    """Every draft file, oldest name first, with its facts (or its problems)."""
    directory = drafts_dir(knowledge_dir)
    if not directory.is_dir():
        return []
    paths = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
    return [_read(p) for p in paths if p.is_file() and not p.is_symlink()]


def draft_ids(knowledge_dir: Path) -> set[str]:
    return {f.id for d in list_drafts(knowledge_dir) for f in d.facts}


def find(knowledge_dir: Path, name: str) -> tuple[DraftFile, str | None] | None:
    """The draft ``name`` refers to: (file, None) for a draft file, (file, id) for a draft fact.

    A file may be named with or without ``.yaml`` or with a path ending in ``drafts/NAME``.
    """
    wanted = name.strip()
    base = Path(wanted).name
    stem = base[:-5] if base.endswith(".yaml") else base
    for draft in list_drafts(knowledge_dir):
        if draft.path.stem == stem or draft.name == base:
            return draft, None
    lowered = wanted.lower()
    for draft in list_drafts(knowledge_dir):
        if any(f.id == lowered for f in draft.facts):
            return draft, lowered
    return None


def _unique_path(directory: Path, stem: str) -> Path:
    path = directory / f"{stem}.yaml"
    number = 2
    while path.exists():
        path = directory / f"{stem}-{number}.yaml"
        number += 1
    return path


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        Path(temp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise


def write_draft(knowledge_dir: Path, stem: str, text: str) -> Path:
    """Save a new draft file as ``knowledge/drafts/<stem>[-N].yaml``."""
    directory = drafts_dir(knowledge_dir)
    directory.mkdir(parents=True, exist_ok=True)
    path = _unique_path(directory, re.sub(r"[^a-z0-9._-]", "", stem.lower())[:70] or "draft")
    _atomic_write(path, text)
    return path


async def taken_ids(kb: KnowledgeBase) -> set[str]:
    """Ids a new draft fact must not use: live, pending and stored facts, and other drafts."""
    # The database holds every live and pending fact, file facts included.
    return await kb.store.fact_ids() | draft_ids(kb.knowledge_dir)


def _load_yaml(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _dump(data: dict[str, Any], header: str) -> str:
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _require_valid(draft: DraftFile) -> None:
    if draft.errors:
        raise KnowledgeError(list(draft.errors))


def _require_moderator(actor: Actor) -> None:
    if not actor.is_moderator:
        raise PermissionDenied("Only moderators can approve or reject drafts.")


async def approve(
    kb: KnowledgeBase, draft: DraftFile, fact_id: str | None, actor: Actor
) -> ReviewOutcome:
    """Move the draft (or its fact ``fact_id``) into the live knowledge and reload.

    Raises ``KnowledgeError`` (located problems; nothing moved) or the reload's errors.
    """
    _require_moderator(actor)
    async with draft_lock():
        if not draft.path.exists():
            raise NotFound(f"There is no draft '{draft.name}' any more (already reviewed?).")
        draft = _read(draft.path)
        _require_valid(draft)
        wanted = [f.id for f in draft.facts] if fact_id is None else [fact_id]
        if fact_id is not None and fact_id not in {f.id for f in draft.facts}:
            raise NotFound(f"There is no draft fact with id '{fact_id}'.")
        data = _load_yaml(draft.path)
        entries = [e for e in data.get("facts", []) if isinstance(e, dict)]
        moving = [e for e in entries if e.get("id") in wanted]
        staying = [e for e in entries if e.get("id") not in wanted]
        target = kb.knowledge_dir / draft.name
        if target.exists() and not target.read_text(encoding="utf-8").startswith(_APPROVED):
            # Never rewrite a hand-curated file (its comments would be lost): a new name.
            target = _unique_path(kb.knowledge_dir, draft.path.stem)
        before_target = target.read_text(encoding="utf-8") if target.exists() else None
        before_draft = draft.path.read_text(encoding="utf-8")
        live = _load_yaml(target) if before_target is not None else {}
        if "source" in data and "source" not in live:
            live["source"] = data["source"]
        live_entries = [e for e in live.get("facts", []) if isinstance(e, dict)]
        known = {e.get("id") for e in live_entries} | {e.get("id") for e in moving}
        known |= {f.id for f in kb.matcher.facts()}
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
            f"{_APPROVED}{DRAFTS_DIR}/{draft.name} by {actor.display_name or actor.key} "
            f"({when}).\n# The answers are the article's sentences: reword them in our own "
            "words when you edit this file.\n"
        )
        _atomic_write(target, _dump(live, header))
        if staying:
            data["facts"] = staying
            _atomic_write(draft.path, _dump(data, "# DRAFT (partly approved): not answered.\n"))
        else:
            draft.path.unlink()
        try:
            report = await kb.reload(actor)
        except BaseException:
            # Put everything back: the knowledge in service did not change.
            _atomic_write(draft.path, before_draft)
            if before_target is None:
                with contextlib.suppress(OSError):
                    target.unlink()
            else:
                _atomic_write(target, before_target)
            raise
        await kb.store.record_audit(
            actor.key, "approve-draft", fact_id or draft.name, {"file": draft.name, "ids": wanted}
        )
    what = f"fact `{fact_id}`" if fact_id else f"draft `{draft.name}` ({len(wanted)} facts)"
    return ReviewOutcome(
        f"Approved {what}: now in knowledge/{target.name} and answered.", tuple(wanted), report
    )


async def reject(
    kb: KnowledgeBase, draft: DraftFile, fact_id: str | None, actor: Actor
) -> ReviewOutcome:
    """Delete the draft (or its fact ``fact_id``), with an audit entry."""
    _require_moderator(actor)
    async with draft_lock():
        if not draft.path.exists():
            raise NotFound(f"There is no draft '{draft.name}' any more.")
        if fact_id is None:
            ids = tuple(f.id for f in _read(draft.path).facts)
            draft.path.unlink()
            what = f"draft `{draft.name}`"
        else:
            data = _load_yaml(draft.path)
            entries = [e for e in data.get("facts", []) if isinstance(e, dict)]
            staying = [e for e in entries if e.get("id") != fact_id]
            if len(staying) == len(entries):
                raise NotFound(f"There is no draft fact with id '{fact_id}'.")
            if staying:
                data["facts"] = staying
                _atomic_write(draft.path, _dump(data, "# DRAFT (partly reviewed): not answered.\n"))
            else:
                draft.path.unlink()
            ids = (fact_id,)
            what = f"draft fact `{fact_id}`"
        await kb.store.record_audit(
            actor.key, "reject-draft", fact_id or draft.name, {"file": draft.name, "ids": ids}
        )
    return ReviewOutcome(f"Rejected {what}: deleted, nothing was added.", ids)


async def review(
    kb: KnowledgeBase, name: str, actor: Actor, *, approve_it: bool
) -> ReviewOutcome | None:
    """Approve or reject the draft file or draft fact ``name`` names; None if it names none."""
    found = find(kb.knowledge_dir, name)
    if found is None:
        return None
    return await review_found(kb, found, actor, approve_it=approve_it)


async def review_found(
    kb: KnowledgeBase, found: tuple[DraftFile, str | None], actor: Actor, *, approve_it: bool
) -> ReviewOutcome:
    """Approve or reject what ``find`` found (a draft file, or one fact of it)."""
    draft, fact_id = found
    if approve_it:
        return await approve(kb, draft, fact_id, actor)
    return await reject(kb, draft, fact_id, actor)


def describe(draft: DraftFile, *, limit: int = 200) -> str:
    """A draft as plain text for the console: file, source, then each fact id and answer."""
    lines = [f"{DRAFTS_DIR}/{draft.name}: {len(draft.facts)} facts from '{draft.title}'"]
    if draft.errors:
        lines += [f"  problem: {e}" for e in draft.errors]
    for fact in draft.facts:
        answer = fact.answer if len(fact.answer) <= limit else fact.answer[: limit - 1] + "…"
        lines.append(f"  {fact.id}: {answer}")
    return "\n".join(lines)
