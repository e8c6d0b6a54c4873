"""Each feed draft is announced once among bot processes, and a draft whose announcer was
killed between recording it and announcing it is announced by a later poll.

The store's side of ``bot.exts.feeds``: the poller's drafts are recorded as owed an
announcement, claimed by one process at a time, and marked done once posted (the fake Discord
end to end is in tests/e2e/test_ingest_e2e.py). On SQLite and on PostgreSQL (the ``database``
fixture); the killed announcer is a real child process. The feed and its articles are this
test's own, served from 127.0.0.1 by the fixtures of ``test_article_claims``.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from pathlib import Path
from subprocess import PIPE

import pytest

from bot.composition import DatabaseName, open_knowledge_base_at
from bot.core import owed_announcements
from bot.core.service import KnowledgeBase, StartMode
from bot.ingest.pipeline import ingest
from tests.storage import test_article_claims as claims

ARTICLES, TITLES = claims.ARTICLES, claims.TITLES
# That file's feed, knowledge folder and pair of processes, as fixtures of this one.
feed_url = claims.feed_url
shared_folder = claims.shared_folder
two_processes = claims.two_processes

REPO_ROOT = Path(__file__).resolve().parents[2]

# A feed poller killed (SIGKILL: nothing runs after) once it recorded the feed's drafts and
# claimed their announcements, before posting anything.
CHILD = """
import asyncio, os, signal, sys
from pathlib import Path
from bot.composition import open_knowledge_base_at
from bot.ingest.pipeline import ingest

async def main():
    database, folder, feed = sys.argv[1:4]
    kb = await open_knowledge_base_at(database, Path(folder))
    await ingest(kb, feed, feed=feed, announce=True)
    claimed = await kb.claim_announcements()
    print("CLAIMED", len(claimed), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

asyncio.run(main())
"""


async def _titles_owed(kb: KnowledgeBase) -> list[str]:
    return sorted(item.title for item in await kb.claim_announcements())


async def test_a_polled_feed_owes_one_announcement_per_draft_until_it_is_done(
    two_processes: tuple[KnowledgeBase, KnowledgeBase], feed_url: str
) -> None:
    first, second = two_processes
    result = await ingest(first, feed_url, feed=feed_url, announce=True)
    assert len(result.drafted) == 3
    owed = await first.claim_announcements()
    assert sorted(item.title for item in owed) == sorted(TITLES)
    assert {item.draft for item in owed} == {item.path.name for item in result.drafted}
    # Claimed: the other process is not given them, nor is this one a second time.
    assert await _titles_owed(second) == []
    assert await _titles_owed(first) == []
    await first.announced(owed)
    # A poll that drafts nothing new owes nothing.
    again = await ingest(second, feed_url, feed=feed_url, announce=True)
    assert again.drafted == []
    assert await _titles_owed(second) == []


async def test_two_processes_claiming_at_once_share_the_announcements_without_overlap(
    two_processes: tuple[KnowledgeBase, KnowledgeBase], feed_url: str
) -> None:
    first, second = two_processes
    await ingest(first, feed_url, feed=feed_url, announce=True)
    mine, theirs = await asyncio.gather(first.claim_announcements(), second.claim_announcements())
    keys = [item.key for item in [*mine, *theirs]]
    assert sorted(keys) == sorted(f"gazette-{name}" for name in ARTICLES)


async def test_a_moderators_ingest_of_a_feed_owes_no_announcement(
    database: DatabaseName, shared_folder: Path, feed_url: str
) -> None:
    kb = await open_knowledge_base_at(database, shared_folder)
    try:
        # What `kb ingest` and /ingest do: the moderator is answered directly.
        result = await ingest(kb, feed_url)
        assert len(result.drafted) == 3
        assert await _titles_owed(kb) == []
    finally:
        await kb.close()


async def test_drafts_whose_announcer_was_killed_are_announced_by_a_later_poll(
    database: DatabaseName,
    shared_folder: Path,
    feed_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    claim_seconds = 2.0
    monkeypatch.setattr(owed_announcements, "CLAIM_SECONDS", claim_seconds)
    # The schema exists before the child starts.
    await (await open_knowledge_base_at(database, shared_folder)).close()
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        str(database),
        str(shared_folder),
        feed_url,
        cwd=REPO_ROOT,
        stdout=PIPE,
    )
    assert child.stdout is not None
    line = await asyncio.wait_for(child.stdout.readline(), 60)
    claimed_at = time.monotonic()
    assert line.split() == [b"CLAIMED", b"3"], line
    assert await asyncio.wait_for(child.wait(), 60) == -signal.SIGKILL

    survivor = await open_knowledge_base_at(database, shared_folder, start=StartMode.SERVE_STORED)
    try:
        # Recorded: the next poll drafts nothing again...
        again = await ingest(survivor, feed_url, feed=feed_url, announce=True)
        assert again.drafted == [] and len(again.skipped) == 3
        # ...and the dead announcer's claim keeps them a while (unless this machine was so
        # slow that it had lapsed already, as the monotonic clock shows)...
        early = await survivor.claim_announcements()
        if time.monotonic() < claimed_at + claim_seconds - 0.2:
            assert early == []
        # ...then they are announced, once.
        owed = list(early)
        deadline = time.monotonic() + 60
        while not owed:
            assert time.monotonic() < deadline, "the killed announcer's claim never lapsed"
            await asyncio.sleep(0.2)
            owed = await survivor.claim_announcements()
        assert sorted(item.title for item in owed) == sorted(TITLES)
        await survivor.announced(owed)
        await asyncio.sleep(claim_seconds + 0.2)
        assert await _titles_owed(survivor) == []
    finally:
        await survivor.close()
