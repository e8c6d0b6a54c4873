"""Fact ids: what one looks like, and the one way a new one is made from words.

Ids are readable ("kremlin-summons-envoy") because moderators type them in commands; the words
are chosen by the caller (a member's first content words, or an article's most telling ones).

Members' facts have an id space of their own: every id they get starts with ``member-``, which
knowledge files and drafts may not use. Ids of the shared knowledge are predictable (they are in
the repository, or made from public articles), so without it any member of any server could
take one first and block the reload, shadow the file's fact, or make a draft unapprovable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

FACT_ID_PATTERN = r"[a-z0-9][a-z0-9._-]{0,79}"
FACT_ID = re.compile(rf"^{FACT_ID_PATTERN}$")
MAX_BASE_CHARS = 60
MEMBER_PREFIX = "member-"


def is_member_id(fact_id: str) -> bool:
    return fact_id.startswith(MEMBER_PREFIX)


def fact_id_candidates(words: Iterable[str]) -> Iterator[str]:
    """Ids made of ``words``: ``base``, then ``base-2``, ``base-3``... (only valid ids).

    The caller takes the first one that is free.
    """
    base = "-".join(w for w in words if w)[:MAX_BASE_CHARS].strip("-._")
    if not FACT_ID.match(base):
        base = "fact"
    if is_member_id(base):
        base = f"fact-{base}"
    yield base
    number = 2
    while True:
        yield f"{base}-{number}"
        number += 1


def member_fact_id_candidates(words: Iterable[str]) -> Iterator[str]:
    """Ids for a member's fact: ``member-`` and then what ``fact_id_candidates`` would make."""
    for candidate in fact_id_candidates(words):
        yield MEMBER_PREFIX + candidate.removeprefix("fact-member-")


def free_fact_id(words: Iterable[str], taken: set[str]) -> str:
    """The first id made of ``words`` that is not in ``taken`` (which it is then added to)."""
    for candidate in fact_id_candidates(words):
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    raise AssertionError("unreachable: the candidates never end")
