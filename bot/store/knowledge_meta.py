"""What a reload keeps in the meta table beside the file facts, as both backends write and read
it: the synonym groups, and whether knowledge was stored and from which folder (its signature).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bot.core.storage import StoredKnowledge

# The stored signature (JSON, or NULL), and whether any knowledge was ever stored.
STORED_KNOWLEDGE = (
    "SELECT (SELECT value FROM meta WHERE key = 'knowledge_signature'), "
    "EXISTS (SELECT 1 FROM meta WHERE key = 'synonyms') "
    "OR EXISTS (SELECT 1 FROM facts WHERE origin = 'file')"
)


def synonyms_text(synonyms: Sequence[Sequence[str]]) -> str:
    return json.dumps([list(group) for group in synonyms])


def knowledge_kept(row: Sequence[Any] | None) -> StoredKnowledge | None:
    """The row read with ``STORED_KNOWLEDGE`` as the signature the last reload stored, or None
    if no knowledge was ever stored."""
    if row is None or not row[1]:
        return None
    try:
        kept = json.loads(row[0])
        return StoredKnowledge(str(kept["signature"]), int(kept["generation"]))
    except (TypeError, ValueError, KeyError):
        # None: stored by a version that kept no signature. Loaded, from what is unknown.
        return StoredKnowledge(None, None)
