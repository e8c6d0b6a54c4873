"""End to end: drafts from articles reviewed by moderators on Discord, and watched feeds.

The real bot against the fake Discord server; article pages and feeds come from a small HTTP
server on 127.0.0.1 serving the fixtures in tests/ingest/data/.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from bot.composition import open_knowledge_base_at
from bot.config import FeedSettings
from bot.core import draft_files, owed_announcements
from bot.core.draft_files import drafts_dir
from bot.core.service import KnowledgeBase, StartMode
from bot.exts.feeds import FeedWatcher
from bot.ingest.pipeline import IngestResult, ingest

from .fake_discord import (
    MESSAGE_FLAG_EPHEMERAL,
    WAIT_SECONDS,
    FakeDiscordServer,
    iter_components,
)
from .harness import REPO_ROOT, RunningBot, World, make_settings, running_bot

DATA = REPO_ROOT / "tests" / "ingest" / "data"
WEBHOOK_PATH = r"/webhooks/\d+/[^/]+"
FAIR_QUESTION = "why was the baku book fair postponed"
FAIR_DRAFT = "2025-06-20-flood-postpones-the-baku-book-fair"
SITE: dict[str, str] = {}

JSON = dict[str, Any]


@pytest.fixture
def site() -> Iterator[str]:
    """The test news site on 127.0.0.1; its base URL (also in ``SITE`` for bot_settings)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    html = "text/html; charset=utf-8"
    rss = (DATA / "feed.rss.tmpl").read_text("utf-8").replace("{base}", base).encode()
    pages = {
        "/article.html": (html, (DATA / "article.html").read_bytes()),
        "/second.html": (html, (DATA / "second.html").read_bytes()),
        "/login.html": (html, (DATA / "not-article.html").read_bytes()),
        "/feed.rss": ("application/rss+xml", rss),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            page = pages.get(self.path)
            if page is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", page[0])
            self.send_header("Content-Length", str(len(page[1])))
            self.end_headers()
            self.wfile.write(page[1])

        def log_message(self, *args: object) -> None:
            pass

    server.RequestHandlerClass = Handler
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    SITE["base"] = base
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/article.html"


def custom_ids(payload: JSON) -> list[str]:
    return [
        c["custom_id"]
        for c in iter_components(payload.get("components") or [])
        if c.get("type") == 2
    ]


def is_ephemeral(payload: JSON) -> bool:
    return bool(int(payload.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL)


async def slash(
    server: FakeDiscordServer, name: str, options: JSON | None, user: Any, world: World
) -> Any:
    interaction = await server.send_slash_command(name, options or {}, user, guild_id=world.guild)
    return await server.wait_for_callback(interaction)


async def followup(server: FakeDiscordServer) -> JSON:
    request = await server.wait_for_request(method="POST", path=WEBHOOK_PATH)
    assert is_ephemeral(request.json), request.json
    payload: JSON = request.json
    return payload


async def answered_fact(newsdesk: RunningBot, question: str) -> str | None:
    result = await newsdesk.kb.ask(question, record=False)
    best = result.best
    return best.fact.id if best is not None and result.decision.value == "answer" else None


async def test_kb_drafts_lists_with_buttons_and_approve_click_answers(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """/kb drafts shows each draft with Approve/Reject; a moderator's click makes it answered."""
    await ingest(newsdesk.kb, str(DATA / "article.html"), local_files=True)
    assert await answered_fact(newsdesk, FAIR_QUESTION) is None  # drafts are never answered

    refused = await slash(server, "kb drafts", None, world.alice, world)
    assert "moderators" in refused.json["data"]["embeds"][0]["description"]

    callback = await slash(server, "kb drafts", None, world.mod, world)
    listing: JSON = callback.json["data"]
    assert callback.json["type"] == 4 and is_ephemeral(listing)
    assert listing["content"] == "1 draft(s) waiting for review."
    assert listing["embeds"][0]["title"] == "Draft: Flood postpones the Baku book fair"
    description = listing["embeds"][0]["description"]
    assert "postponed to October" in description
    # Below each answer, the sentence it was made from, as the article wrote it.
    assert "\u21b3 from the article: The Baku International Book Fair, planned" in description
    assert description.index("from the article:") > description.index("postponed to October")
    custom = custom_ids(listing)
    assert custom == [f"draft:approve:{FAIR_DRAFT}", f"draft:reject:{FAIR_DRAFT}"]
    message = callback.response["resource"]["message"]

    sneaky = await server.send_component(f"draft:approve:{FAIR_DRAFT}", message, world.bob)
    sneaky_reply = await server.wait_for_callback(sneaky)
    assert "moderators" in sneaky_reply.json["data"]["embeds"][0]["description"]
    assert draft_files.list_drafts(newsdesk.knowledge_dir)

    click = await server.send_component(f"draft:approve:{FAIR_DRAFT}", message, world.mod)
    deferred = await server.wait_for_callback(click)
    assert deferred.json["type"] == 5
    done = await followup(server)
    assert done["content"].startswith(f"Approved draft `{FAIR_DRAFT}.yaml`")
    assert await answered_fact(newsdesk, FAIR_QUESTION) is not None

    empty = await slash(server, "kb drafts", None, world.mod, world)
    assert empty.json["data"]["content"].startswith("No drafts are waiting.")


async def test_kb_reject_and_approve_by_draft_fact_id(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """/kb approve and /kb reject take a draft fact id; pending facts keep working."""
    await ingest(newsdesk.kb, str(DATA / "article.html"), local_files=True)
    (draft,) = draft_files.list_drafts(newsdesk.knowledge_dir)
    keep, drop = draft.facts[0].id, draft.facts[1].id
    await slash(server, "kb reject", {"fact_id": drop}, world.mod, world)
    assert (await followup(server))["content"] == (
        f"Rejected draft fact `{drop}`: deleted, nothing was added."
    )
    await slash(server, "kb approve", {"fact_id": keep}, world.mod, world)
    assert (await followup(server))["content"].startswith(f"Approved fact `{keep}`")
    assert keep in newsdesk.kb.matcher and drop not in newsdesk.kb.matcher
    missing = await slash(server, "kb approve", {"fact_id": "no-such-thing"}, world.mod, world)
    assert (
        "There is no draft file, draft fact or pending fact 'no-such-thing' (kb drafts and "
        "kb pending list them)." in (missing.json["data"]["embeds"][0]["description"])
    )


@pytest.mark.bot_settings({"ingest": {"allow_private_addresses": True}})
async def test_kb_ingest_url_drafts_and_refuses_clearly(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot, site: str
) -> None:
    """/kb ingest url: drafts a page, with buttons; unreachable and non-article links refused."""
    callback = await slash(server, "kb ingest", {"url": f"{site}/article.html"}, world.mod, world)
    assert callback.json["type"] == 5
    reply = await followup(server)
    assert reply["content"].startswith("Drafted ")
    assert f"drafts/{FAIR_DRAFT}.yaml" in reply["content"]
    assert custom_ids(reply) == [f"draft:approve:{FAIR_DRAFT}", f"draft:reject:{FAIR_DRAFT}"]
    assert await answered_fact(newsdesk, FAIR_QUESTION) is None

    for url, message in (
        (closed_port_url(), "cannot be reached"),
        (f"{site}/login.html", "does not look like a news article"),
        ("file:///etc/passwd", "not a web link"),
    ):
        await slash(server, "kb ingest", {"url": url}, world.mod, world)
        refused = await followup(server)
        assert message in refused["embeds"][0]["description"], refused
    assert len(draft_files.list_drafts(newsdesk.knowledge_dir)) == 1

    member = await slash(server, "kb ingest", {"url": f"{site}/second.html"}, world.alice, world)
    assert "moderators" in member.json["data"]["embeds"][0]["description"]


async def test_kb_ingest_refuses_private_addresses_by_default(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot, site: str
) -> None:
    """A link a moderator gives /kb ingest may not reach into the bot's own network: loopback,
    private and cloud-metadata addresses are refused, by name or by number, and nothing is
    fetched or drafted."""
    port = site.rsplit(":", 1)[1]
    for url in (
        f"{site}/article.html",
        f"http://localhost:{port}/article.html",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://[::1]/",
    ):
        await slash(server, "kb ingest", {"url": url}, world.mod, world)
        refused = await followup(server)
        assert "private or local address" in refused["embeds"][0]["description"], (url, refused)
    assert draft_files.list_drafts(newsdesk.knowledge_dir) == []


async def _feed_announcement(server: FakeDiscordServer, world: World) -> dict[str, Any]:
    """The bot's next announcement of feed drafts in the review channel (general)."""
    return await server.wait_for_bot_message(
        lambda m: m["content"].startswith("New from the watched feeds"),
        channel_id=world.general,
    )


@pytest.mark.bot_settings(
    lambda world: {
        "feeds": [{"url": f"{SITE['base']}/feed.rss", "interval_minutes": 60}],
        "discord": {"review_channel": world.general.id},
        "ingest": {"allow_private_addresses": True},
    }
)
async def test_watched_feed_drafts_once_and_tells_moderators(
    site: str, server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """The bot polls its feed: new articles become drafts, announced once in the review channel."""
    announced = await _feed_announcement(server, world)
    assert "Drafted" in announced["content"]
    assert len(draft_files.list_drafts(newsdesk.knowledge_dir)) == 2
    ids = custom_ids(announced)
    assert f"draft:approve:{FAIR_DRAFT}" in ids and len(ids) == 4

    # (discord.py loads extensions as fresh module objects: compare by name, not class.)
    watcher: Any = newsdesk.bot.get_cog("FeedWatcher")
    assert type(watcher).__name__ == FeedWatcher.__name__
    again = await watcher.poll(FeedSettings(url=f"{site}/feed.rss", interval_minutes=60))
    assert again.drafted == [] and len(again.skipped) == 2
    assert len(draft_files.list_drafts(newsdesk.knowledge_dir)) == 2
    posts = server.requests_matching("POST", rf"/channels/{world.general.id}/messages")
    assert len(posts) == 1
    assert posts[0].json["allowed_mentions"] == {"parse": []}  # it never pings anyone

    click = await server.send_component(f"draft:approve:{FAIR_DRAFT}", announced, world.mod)
    await server.wait_for_callback(click)
    assert (await followup(server))["content"].startswith(f"Approved draft `{FAIR_DRAFT}.yaml`")
    assert await answered_fact(newsdesk, FAIR_QUESTION) is not None


# Drafts are announced in the general channel; the feed is the test site's, on this machine.
_REVIEWED_IN_GENERAL = pytest.mark.bot_settings(
    lambda world: {
        "discord": {"review_channel": world.general.id},
        "ingest": {"allow_private_addresses": True},
    }
)


@asynccontextmanager
async def _another_process(newsdesk: RunningBot) -> AsyncIterator[KnowledgeBase]:
    """The knowledge base of another bot process on the same database and knowledge folder,
    closed at the end (the process dies)."""
    other = await open_knowledge_base_at(
        newsdesk.settings.database, newsdesk.knowledge_dir, start=StartMode.SERVE_STORED
    )
    try:
        yield other
    finally:
        await other.close()


class _Died(Exception):
    """Stands for a bot process killed between writing a draft and recording its article."""


@_REVIEWED_IN_GENERAL
async def test_a_draft_left_by_a_process_that_died_is_announced_once(
    site: str,
    server: FakeDiscordServer,
    world: World,
    newsdesk: RunningBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another bot process wrote the book fair's draft and died before recording it: this
    bot's next poll of the feed keeps that draft (no second one) and announces it in the review
    channel with its buttons, like a new draft; the poll after that announces nothing."""
    feed = FeedSettings(url=f"{site}/feed.rss", interval_minutes=60)
    async with _another_process(newsdesk) as dead:

        async def die(*args: object, **kwargs: object) -> None:
            raise _Died

        monkeypatch.setattr(dead.store, "remember_article", die)
        with pytest.raises(_Died):
            await ingest(dead, feed.url, feed=feed.url, allow_private=True)
    assert [d.path.stem for d in draft_files.list_drafts(newsdesk.knowledge_dir)] == [FAIR_DRAFT]

    watcher: Any = newsdesk.bot.get_cog("FeedWatcher")
    first = await watcher.poll(feed)
    assert len(first.drafted) == 2 and first.skipped == []
    announced = await _feed_announcement(server, world)
    said = announced["content"]
    assert f"Drafted 'Flood postpones the Baku book fair' into drafts/{FAIR_DRAFT}.yaml" in said
    assert f"draft:approve:{FAIR_DRAFT}" in custom_ids(announced)
    assert len(draft_files.list_drafts(newsdesk.knowledge_dir)) == 2

    again = await watcher.poll(feed)
    assert again.drafted == [] and len(again.skipped) == 2
    posts = server.requests_matching("POST", rf"/channels/{world.general.id}/messages")
    assert len(posts) == 1


@_REVIEWED_IN_GENERAL
async def test_drafts_recorded_by_a_process_killed_before_announcing_them_are_announced(
    site: str,
    server: FakeDiscordServer,
    world: World,
    newsdesk: RunningBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another bot process polled the feed, recorded both drafts and took their announcement,
    then died before posting it: this bot's polls leave them while the dead process's claim
    lasts, then announce them in the review channel with their buttons, once."""
    monkeypatch.setattr(owed_announcements, "CLAIM_SECONDS", 1.0)
    feed = FeedSettings(url=f"{site}/feed.rss", interval_minutes=60)
    async with _another_process(newsdesk) as dead:
        drafted = await ingest(dead, feed.url, feed=feed.url, allow_private=True, announce=True)
        assert len(drafted.drafted) == 2
        assert len(await dead.claim_announcements()) == 2

    watcher: Any = newsdesk.bot.get_cog("FeedWatcher")
    posts = rf"/channels/{world.general.id}/messages"
    first = await watcher.poll(feed)
    assert first.drafted == [] and len(first.skipped) == 2
    await asyncio.sleep(1.2)
    await watcher.poll(feed)
    announced = await _feed_announcement(server, world)
    said = announced["content"]
    assert f"Drafted 'Flood postpones the Baku book fair' into drafts/{FAIR_DRAFT}.yaml" in said
    assert "stopped before announcing it" in said
    assert f"draft:approve:{FAIR_DRAFT}" in custom_ids(announced)
    await asyncio.sleep(1.2)
    await watcher.poll(feed)
    assert len(server.requests_matching("POST", posts)) == 1


@_REVIEWED_IN_GENERAL
async def test_a_draft_reviewed_while_its_announcer_was_dead_is_not_announced(
    site: str,
    server: FakeDiscordServer,
    world: World,
    newsdesk: RunningBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another bot process recorded both drafts and died before announcing them; meanwhile a
    moderator rejected the book fair's draft (found with /kb drafts). The late announcement
    names only the draft still waiting for review, and the rejected one is never announced."""
    monkeypatch.setattr(owed_announcements, "CLAIM_SECONDS", 1.0)
    feed = FeedSettings(url=f"{site}/feed.rss", interval_minutes=60)
    async with _another_process(newsdesk) as dead:
        await ingest(dead, feed.url, feed=feed.url, allow_private=True, announce=True)
        assert len(await dead.claim_announcements()) == 2
    (drafts_dir(newsdesk.knowledge_dir) / f"{FAIR_DRAFT}.yaml").unlink()  # what Reject does

    watcher: Any = newsdesk.bot.get_cog("FeedWatcher")
    await asyncio.sleep(1.2)
    await watcher.poll(feed)
    announced = await _feed_announcement(server, world)
    assert "book fair" not in announced["content"]
    assert "stopped before announcing it" in announced["content"]
    assert len(custom_ids(announced)) == 2  # the other draft's Approve and Reject
    await asyncio.sleep(1.2)
    await watcher.poll(feed)
    assert len(server.requests_matching("POST", rf"/channels/{world.general.id}/messages")) == 1


@pytest.mark.bot_settings(
    lambda world: {
        "feeds": [{"url": f"{SITE['base']}/feed.rss", "interval_minutes": 60}],
        "discord": {"review_channel": world.general.id, "home_guilds": [world.other_guild.id]},
        "ingest": {"allow_private_addresses": True},
    }
)
async def test_drafts_are_approved_only_from_the_home_server(
    site: str, server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """A moderator outside the home server can neither click a draft's Approve button nor
    approve it by name: a draft becomes every server's answer."""
    announced = await _feed_announcement(server, world)
    click = await server.send_component(f"draft:approve:{FAIR_DRAFT}", announced, world.mod)
    clicked: JSON = (await server.wait_for_callback(click)).json["data"]
    assert is_ephemeral(clicked) and "home server" in clicked["embeds"][0]["description"]

    by_name = await slash(server, "kb approve", {"fact_id": FAIR_DRAFT}, world.mod, world)
    assert "home server" in by_name.json["data"]["embeds"][0]["description"]
    assert len(draft_files.list_drafts(newsdesk.knowledge_dir)) == 2
    assert await answered_fact(newsdesk, FAIR_QUESTION) is None


async def test_a_crashing_feed_poll_is_logged_and_tried_again(
    server: FakeDiscordServer, world: World, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A feed poll that fails unexpectedly is logged for the operator and the feed is polled
    again at the next interval; the polling stops when the bot does."""
    # Not the newsdesk fixture: it fails any test that logs an error, and this one must.
    feed = {"url": closed_port_url(), "interval_minutes": 0.002}  # every 0.12 s
    settings = make_settings(tmp_path, (world.guild.id,), {"feeds": [feed]})
    async with running_bot(settings) as running:
        watcher: Any = running.bot.get_cog("FeedWatcher")
        polls = 0
        polled_after_the_crash = asyncio.Event()

        async def crash_once(feed: FeedSettings) -> IngestResult:
            nonlocal polls
            polls += 1
            if polls == 1:
                raise RuntimeError("a bug in the feed reader")
            polled_after_the_crash.set()
            return IngestResult()

        watcher.poll = crash_once
        await asyncio.wait_for(polled_after_the_crash.wait(), timeout=WAIT_SECONDS)
        loops = list(watcher.loops)
    crashes = [
        r
        for r in caplog.records
        if r.levelno == logging.ERROR and r.getMessage() == f"polling the feed {feed['url']} failed"
    ]
    assert len(crashes) == 1 and crashes[0].exc_info is not None
    assert loops and not any(loop.is_running() for loop in loops)


async def test_drafts_directory_is_never_answered_even_after_reload(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot, tmp_path: Path
) -> None:
    """A draft file sitting in knowledge/drafts/ is not answered, not even after /kb reload."""
    await ingest(newsdesk.kb, str(DATA / "article.html"), local_files=True)
    await slash(server, "kb reload", None, world.mod, world)
    await followup(server)
    assert await answered_fact(newsdesk, FAIR_QUESTION) is None
