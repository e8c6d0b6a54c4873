"""Drafting an article once among several processes: a claim per article, and a draft that is
written and recorded together.

Two processes may reach the same article: the feeds lease changed hands mid-poll (its holder
stalled past the lease), or a moderator ingests a link the feed poller is drafting elsewhere.
The per-process reload lock cannot order them, so each article is first *claimed* in the
database: a lease named after the article (``hold_lease``: one compare-and-set, so exactly one
process gets it), held for ``CLAIM_SECONDS``. A claim left by a killed process expires, and
the article is drafted by the next poll that reaches it. A process stalled past its claim
renews it before writing (``DraftReview``), and writes only when nobody took the article
meanwhile and it is still undrafted.

The draft file and the record of the drafted article cannot change in one transaction, so
the claimant first leaves a hidden *marker* naming the draft file it is about to write
(``marker_path``: not a ``*.yaml``, so no reader takes it for a draft), writes the draft,
records the article, and removes the marker. A crash between the writing and the record leaves
the marker, and the next claimant of the article settles it (``DraftReview.file_draft``): the
draft it names is there, so it is recorded (adopted, not written twice); it is not, so the
article is drafted again. The record comes after the file, so an article is never recorded
with no draft written.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from bot.core.draft_files import drafts_dir, write_atomically
from bot.core.storage import KnowledgeStore, StoreError

log = logging.getLogger(__name__)

# How long a claim holds an article: long past a draft's composition on a loaded machine, and
# short beside the minutes between a feed's polls, so that an article abandoned by a killed
# process is drafted a poll or two later. (Read at each call: tests shorten it.)
CLAIM_SECONDS = 300.0

_MARKER_SUFFIX = ".drafting"


def _article_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def claim_names(key: str, url: str | None) -> list[str]:
    """The claims an article takes: its key, and its link when that differs (a feed entry's
    GUID and a moderator's ingest of its link are the same article)."""
    names = [f"article:{_article_hash(key)}"]
    if url and url != key:
        names.append(f"article:{_article_hash(url)}")
    return names


def marker_path(knowledge_dir: Path, key: str) -> Path:
    """The marker naming the draft file of the article ``key`` while it is written."""
    return drafts_dir(knowledge_dir) / f".{_article_hash(key)}{_MARKER_SUFFIX}"


def write_marker(knowledge_dir: Path, key: str, draft_name: str) -> None:
    write_atomically(marker_path(knowledge_dir, key), draft_name)


def read_marker(knowledge_dir: Path, key: str) -> str | None:
    """The draft file a marker names, or None when there is no marker."""
    try:
        return marker_path(knowledge_dir, key).read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def drop_marker(knowledge_dir: Path, key: str) -> None:
    """Remove the marker once its draft is recorded (or was never written). A marker that
    cannot be removed is harmless: its next reader finds the draft recorded, or absent, and
    does what this one did; the draft stays drafted, so no error is raised for it."""
    try:
        marker_path(knowledge_dir, key).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("drafting marker of %s not removed: %s", key, exc)


class ArticleClaims:
    """The article claims of one holder (one knowledge base, so one bot process)."""

    def __init__(self, store: KnowledgeStore, holder: str) -> None:
        self._store = store
        self._holder = holder

    async def take(self, key: str, url: str | None) -> bool:
        """Claim the article, or renew this holder's claim; False (nothing held) when another
        process holds any of its claims."""
        taken: list[str] = []
        for name in claim_names(key, url):
            if not await self._store.hold_lease(name, self._holder, CLAIM_SECONDS):
                await self._drop(taken)
                return False
            taken.append(name)
        return True

    async def release(self, key: str, url: str | None) -> None:
        """Give the claims up: the article is recorded, or left for another try. A claim that
        cannot be given up (the database is away) only waits for its expiry."""
        try:
            await self._drop(claim_names(key, url))
        except StoreError as exc:
            log.warning(
                "article claims of %s not given up (%s): they expire by themselves", key, exc
            )

    async def _drop(self, names: list[str]) -> None:
        for name in names:
            await self._store.drop_lease(name, self._holder)
