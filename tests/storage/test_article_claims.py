"""Each article of a feed is drafted once, even when two bot processes poll it: the feeds lease
changed hands mid-poll (its holder stalled past it), or a poller was killed mid-draft.

Two knowledge bases on one database and one knowledge folder stand for two bot processes (the
README's "Several bot processes"); a killed one is a real child process. On SQLite and on
PostgreSQL (the ``database`` fixture). The feed and its articles, written for these tests, are
served from 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from subprocess import PIPE
from typing import Any

import pytest

from bot.composition import DatabaseName, open_knowledge_base_at
from bot.core import article_claims, draft_files
from bot.core.service import KnowledgeBase, StartMode
from bot.ingest.pipeline import IngestResult, ingest

REPO_ROOT = Path(__file__).resolve().parents[2]

ARTICLES = {
    "sheki": (
        "Sheki silk festival draws record crowds",
        "2025-09-06",
        "The Sheki silk festival opened on Saturday with 240 weavers from nine countries. "
        "The festival, held in the courtyard of the Caravanserai, runs until 14 September. "
        "The town council said that 18,000 visitors came on the first day.",
    ),
    "lankaran": (
        "Lankaran tea growers report a larger harvest",
        "2025-09-07",
        "Tea growers in Lankaran picked 1,300 tonnes of leaves this summer, a third more than "
        "last year. The agriculture ministry said that warm spring rains helped the crop. "
        "A new tea factory will open in Astara in November.",
    ),
    "quba": (
        "Quba reopens its old stone bridge",
        "2025-09-08",
        "The old stone bridge over the Qudyalchay river in Quba reopened on Monday after two "
        "years of repairs. The restoration cost 3 million manats and was paid for by the "
        "culture ministry. The bridge was built in 1894.",
    ),
}
TITLES = {title for title, _, _ in ARTICLES.values()}


def _page(title: str, day: str, text: str) -> bytes:
    return (
        f'<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="article:published_time" content="{day}T10:00:00+04:00"></head>'
        f"<body><article><h1>{title}</h1><p>{text}</p></article></body></html>"
    ).encode()


def _feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{base}/{name}.html</link>"
        f'<guid isPermaLink="false">gazette-{name}</guid></item>'
        for name, (title, _, _) in ARTICLES.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Regional Gazette</title><link>{base}/</link><description>News</description>"
        f"{items}</channel></rss>"
    ).encode()


@pytest.fixture
def feed_url() -> Iterator[str]:
    """The URL of a feed of the three articles, on a server of this test's own."""
    pages: dict[str, tuple[str, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            content_type, body = pages.get(self.path, ("text/plain", b""))
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages["/feed.rss"] = ("application/rss+xml", _feed(base))
    for name, article in ARTICLES.items():
        pages[f"/{name}.html"] = ("text/html; charset=utf-8", _page(*article))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{base}/feed.rss"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def shared_folder(tmp_path: Path) -> Path:
    """The knowledge folder every process shares (empty: only drafts are written)."""
    folder = tmp_path / "shared-knowledge"
    folder.mkdir()
    return folder


@pytest.fixture
async def two_processes(
    database: DatabaseName, shared_folder: Path
) -> AsyncIterator[tuple[KnowledgeBase, KnowledgeBase]]:
    first = await open_knowledge_base_at(database, shared_folder)
    second = await open_knowledge_base_at(database, shared_folder, start=StartMode.SERVE_STORED)
    try:
        yield first, second
    finally:
        await first.close()
        await second.close()


def _drafted_titles(*results: IngestResult) -> list[str]:
    return sorted(item.title for result in results for item in result.drafted)


def _draft_files(folder: Path) -> list[str]:
    return sorted(draft.path.name for draft in draft_files.list_drafts(folder))


def _stall_on_draft(kb: KnowledgeBase, number: int) -> tuple[asyncio.Event, asyncio.Event]:
    """Make ``kb`` stall inside its ``number``-th article's claim (where the ids in use are
    read, before the draft is composed), as a process starved of CPU would: (stalled, resume)."""
    stalled, resume = asyncio.Event(), asyncio.Event()
    real = kb.store.fact_ids
    calls = 0

    async def fact_ids() -> set[str]:
        nonlocal calls
        calls += 1
        if calls == number:
            stalled.set()
            await resume.wait()
        return await real()

    kb.store.fact_ids = fact_ids  # type: ignore[method-assign]
    return stalled, resume


async def _take_over_the_feeds_lease(kb: KnowledgeBase) -> None:
    """Wait until ``kb`` holds the feeds lease, its holder having stopped renewing it."""
    deadline = time.monotonic() + 60
    while not await kb.hold_lease("feeds", 30):
        assert time.monotonic() < deadline, "the stalled holder's lease never lapsed"
        await asyncio.sleep(0.05)


async def test_a_lease_changing_hands_mid_poll_drafts_each_article_once(
    two_processes: tuple[KnowledgeBase, KnowledgeBase], feed_url: str, shared_folder: Path
) -> None:
    first, second = two_processes
    assert await first.hold_lease("feeds", 0.5)
    stalled, resume = _stall_on_draft(first, 2)
    first_poll = asyncio.create_task(ingest(first, feed_url, feed=feed_url))
    await asyncio.wait_for(stalled.wait(), 60)
    # The first process is stuck in the second article; its lease lapses, the second process
    # takes it and polls the same feed.
    await _take_over_the_feeds_lease(second)
    second_result = await ingest(second, feed_url, feed=feed_url)
    resume.set()
    first_result = await asyncio.wait_for(first_poll, 60)

    assert _drafted_titles(first_result, second_result) == sorted(TITLES)
    assert len(_draft_files(shared_folder)) == 3
    # The article the stalled process was drafting was left to it, and said so.
    lankaran = ARTICLES["lankaran"][0]
    assert lankaran in _drafted_titles(first_result)
    assert f"'{lankaran}' (being drafted by another bot process)" in second_result.skipped


async def test_a_poller_stalled_past_its_claim_does_not_draft_the_article_again(
    two_processes: tuple[KnowledgeBase, KnowledgeBase],
    feed_url: str,
    shared_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(article_claims, "CLAIM_SECONDS", 0.5)
    first, second = two_processes
    assert await first.hold_lease("feeds", 0.5)
    stalled, resume = _stall_on_draft(first, 2)
    first_poll = asyncio.create_task(ingest(first, feed_url, feed=feed_url))
    await asyncio.wait_for(stalled.wait(), 60)
    await _take_over_the_feeds_lease(second)
    # The stalled process's claim lapses too: the second process drafts its article.
    second_results: list[IngestResult] = []
    deadline = time.monotonic() + 60
    while ARTICLES["lankaran"][0] not in _drafted_titles(*second_results):
        assert time.monotonic() < deadline, "the stalled process's claim never lapsed"
        second_results.append(await ingest(second, feed_url, feed=feed_url))
    resume.set()
    first_result = await asyncio.wait_for(first_poll, 60)

    assert _drafted_titles(first_result, *second_results) == sorted(TITLES)
    assert len(_draft_files(shared_folder)) == 3
    assert not first_result.refused


# A poller killed (SIGKILL: no clean-up runs) at a chosen point of drafting the first article:
# "claimed" just after taking its claim, "written" after writing the draft, before recording
# it. It says when it started, on the machine's monotonic clock, before claiming anything.
CHILD = """
import asyncio, os, signal, sys, time
from pathlib import Path
from bot.composition import open_knowledge_base_at
from bot.core import article_claims
from bot.ingest.pipeline import ingest

async def main():
    database, folder, feed, when, seconds = sys.argv[1:6]
    article_claims.CLAIM_SECONDS = float(seconds)
    kb = await open_knowledge_base_at(database, Path(folder))
    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)
    if when == "claimed":
        kb.store.fact_ids = die
    else:
        kb.store.remember_article = die
    print("STARTED", time.monotonic(), flush=True)
    await ingest(kb, feed, feed=feed)

asyncio.run(main())
"""


async def _killed_poller(
    database: DatabaseName, folder: Path, feed: str, when: str, seconds: float
) -> float:
    """Run a poller that is killed while drafting; the monotonic time before it claimed."""
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        str(database),
        str(folder),
        feed,
        when,
        str(seconds),
        cwd=REPO_ROOT,
        stdout=PIPE,
    )
    assert child.stdout is not None
    line = await asyncio.wait_for(child.stdout.readline(), 60)
    assert line.startswith(b"STARTED"), line
    assert await asyncio.wait_for(child.wait(), 60) == -signal.SIGKILL
    return float(line.split()[1])


@pytest.mark.parametrize("when", ["claimed", "written"])
async def test_a_claim_left_by_a_killed_poller_expires_and_the_article_is_drafted_later(
    database: DatabaseName,
    shared_folder: Path,
    feed_url: str,
    when: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    claim_seconds = 3.0
    monkeypatch.setattr(article_claims, "CLAIM_SECONDS", claim_seconds)
    # The schema exists before the child starts.
    await (await open_knowledge_base_at(database, shared_folder)).close()
    started = await _killed_poller(database, shared_folder, feed_url, when, claim_seconds)
    written = _draft_files(shared_folder)
    assert len(written) == (1 if when == "written" else 0)

    survivor = await open_knowledge_base_at(database, shared_folder)
    try:
        results = [await ingest(survivor, feed_url, feed=feed_url)]
        sheki = ARTICLES["sheki"][0]
        # Left alone while the dead poller's claim runs (unless this machine was so slow that
        # it had lapsed already, as the monotonic clock shows).
        if time.monotonic() < started + claim_seconds - 0.1:
            assert f"'{sheki}' (being drafted by another bot process)" in results[0].skipped
        deadline = time.monotonic() + 60
        while not await survivor.already_drafted("gazette-sheki", None):
            assert time.monotonic() < deadline, "the killed poller's claim never lapsed"
            # Not again before the claim can have lapsed: each poll starts a parsing process
            # (half a second of CPU), and ten of them only said "being drafted" again.
            await asyncio.sleep(max(0.1, started + claim_seconds - time.monotonic()))
            results.append(await ingest(survivor, feed_url, feed=feed_url))
        # Every article has one draft, the one the dead poller wrote included.
        files = _draft_files(shared_folder)
        assert len(files) == 3
        recorded = await survivor.already_drafted("gazette-sheki", None)
        if when == "written":
            # The dead poller's draft is kept, and new to the moderators: reported as drafted
            # (and so announced) by the poll that recorded it, and by no other.
            assert recorded == written[0]
            adopted = [item for result in results for item in result.drafted if item.title == sheki]
            assert [(item.path.name, item.draft) for item in adopted] == [(written[0], None)]
            assert adopted[0] in results[-1].drafted
            later = await ingest(survivor, feed_url, feed=feed_url)
            assert later.drafted == [] and f"'{sheki}' (in {written[0]})" in later.skipped
        else:
            assert sheki in _drafted_titles(*results)
        assert recorded in files
        # The hidden marker of the dead poller's draft is gone.
        assert not article_claims.marker_path(shared_folder, "gazette-sheki").exists()
    finally:
        await survivor.close()


async def test_a_marker_naming_a_recorded_draft_adopts_nothing(
    database: DatabaseName, shared_folder: Path, feed_url: str
) -> None:
    """A marker that outlived its recorded draft (it could not be removed) is met again by a
    forced ingest: that draft was announced when recorded, so nothing is adopted (announced)
    again; the forced ingest drafts the article anew, as forced ingests do."""
    kb = await open_knowledge_base_at(database, shared_folder)
    try:
        await ingest(kb, feed_url, feed=feed_url)
        recorded = await kb.already_drafted("gazette-sheki", None)
        assert recorded
        article_claims.write_marker(shared_folder, "gazette-sheki", recorded)
        forced = await ingest(kb, feed_url, feed=feed_url, force=True)
        sheki = [item for item in forced.drafted if item.title == ARTICLES["sheki"][0]]
        assert len(sheki) == 1 and sheki[0].draft is not None
        assert sheki[0].path.name != recorded
        assert not article_claims.marker_path(shared_folder, "gazette-sheki").exists()
    finally:
        await kb.close()


def test_claims_and_markers_are_per_article() -> None:
    folder = Path("/k")
    assert article_claims.claim_names("guid-1", None) == article_claims.claim_names("guid-1", "")
    assert len(article_claims.claim_names("guid-1", "https://example.test/a")) == 2
    assert article_claims.claim_names("guid-1", None) != article_claims.claim_names("guid-2", None)
    marker = article_claims.marker_path(folder, "guid-1")
    assert marker.name.startswith(".") and marker.suffix not in {".yaml", ".yml"}
    assert marker != article_claims.marker_path(folder, "guid-2")
