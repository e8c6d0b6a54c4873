"""The change log as both backends read it: how far back it is kept, and what a read of it says.

Each backend numbers the changes to facts (``seq``, in commit order) in a ``fact_changes`` table
of its own making; what a process makes of the rows it reads is the same for both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.core.storage import FactChanges

# Entries of the change log kept (a process further behind than this reads everything again).
CHANGES_KEPT = 200_000
LATEST_CHANGE = "SELECT COALESCE(MAX(seq), 0) FROM fact_changes"


def changes_read(rows: Sequence[Sequence[Any]], seq: int, limit: int) -> FactChanges | None:
    """The changes after ``seq`` in (seq, fact id) rows read in order, ``limit + 1`` at most;
    None when there are more than ``limit``."""
    if len(rows) > limit:
        return None  # more than is worth reading one by one
    last = int(rows[-1][0]) if rows else seq
    return FactChanges(last, tuple(dict.fromkeys(str(r[1]) for r in rows)))
