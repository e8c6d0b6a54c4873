"""What a reload must write, worked out the same way for both backends from the rows they hold.

Each store reads (id, origin, content digest, line, language, translations) of every stored fact
inside its reload transaction and hands them here; what comes back says which file facts to
insert, replace and delete (and audit), whose line numbers moved, and whose stored language or
translations fell behind their file. The SQL that writes it stays each backend's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.core.models import Fact, Origin
from bot.core.storage import StoreConflict
from bot.store.translations import dump_translations

# What ``plan_reload`` reads of every stored fact, in its order.
STORED_FOR_RELOAD = "SELECT id, origin, content_digest, line, language, translations FROM facts"


@dataclass(frozen=True, slots=True)
class ReloadPlan:
    added: list[str]
    changed: list[str]
    removed: list[str]
    # Unchanged in content but at another line of their file: kept current without an audit.
    moved: list[tuple[str, int | None]]
    # Unchanged file facts whose stored (language, translations JSON) differ from the file's:
    # rows stored before the store kept them (their digests already counted the translations),
    # brought up to date without an audit entry or a new ``live_since``.
    stale: list[tuple[str, tuple[str, str]]]


def digested(facts: Iterable[Fact]) -> tuple[dict[str, Fact], dict[str, str]]:
    """The file facts by id, and their content digests: worked out before a store takes its
    write lock, as they need nothing stored."""
    new = {fact.id: fact for fact in facts}
    return new, {fid: fact.content_digest() for fid, fact in new.items()}


def plan_reload(
    stored: Iterable[Sequence[Any]], new: dict[str, Fact], digests: dict[str, str]
) -> ReloadPlan:
    """The plan for making the stored file facts exactly ``new`` (``digested``);
    ``StoreConflict`` when a file fact's id is already held by a member's fact (the whole
    reload fails)."""
    rows = list(stored)
    old = {row[0]: row[2] for row in rows if row[1] == Origin.FILE.value}
    clash = sorted({row[0] for row in rows if row[1] != Origin.FILE.value} & new.keys())
    if clash:
        raise StoreConflict(
            "knowledge file ids already used by user-added facts: " + ", ".join(clash)
        )
    kept = new.keys() & old.keys()
    by_id = {row[0]: row for row in rows}
    stale = []
    for fid in kept:
        if digests[fid] != old[fid]:
            continue
        wanted = (new[fid].language, dump_translations(new[fid].translations))
        if (by_id[fid][4], by_id[fid][5]) != wanted:
            stale.append((fid, wanted))
    return ReloadPlan(
        added=sorted(new.keys() - old.keys()),
        changed=sorted(fid for fid in kept if digests[fid] != old[fid]),
        removed=sorted(old.keys() - new.keys()),
        moved=[(fid, new[fid].line) for fid in kept if by_id[fid][3] != new[fid].line],
        stale=stale,
    )
