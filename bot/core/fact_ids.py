"""Fact ids: what one looks like, and the one way a new one is made from words.

Ids are readable ("kremlin-summons-envoy") because moderators type them in commands; the words
are chosen by the caller (a member's first content words, or an article's most telling ones).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

FACT_ID_PATTERN = r"[a-z0-9][a-z0-9._-]{0,79}"
FACT_ID = re.compile(rf"^{FACT_ID_PATTERN}$")
MAX_BASE_CHARS = 60


def fact_id_candidates(words: Iterable[str]) -> Iterator[str]:
    """Ids made of ``words``: ``base``, then ``base-2``, ``base-3``... (only valid ids).

    The caller takes the first one that is free.
    """
    base = "-".join(w for w in words if w)[:MAX_BASE_CHARS].strip("-._")
    if not FACT_ID.match(base):
        base = "fact"
    yield base
    number = 2
    while True:
        yield f"{base}-{number}"
        number += 1


def free_fact_id(words: Iterable[str], taken: set[str]) -> str:
    """The first id made of ``words`` that is not in ``taken`` (which it is then added to)."""
    for candidate in fact_id_candidates(words):
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    raise AssertionError("unreachable: the candidates never end")
