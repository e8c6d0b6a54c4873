"""Scaling out: shards, several bot processes on one database, and work done once.

In the test process: a sharded bot against the fake Discord (each guild's events on its shard,
the shard count Discord recommends, IDENTIFY slots). In child processes (``python -m bot run
--shards ...`` through ``tests/e2e/bot_process.py``): two bots with two shards each of four,
sharing one database, a moderator's reload through one answered through the other, and the
feed poller running in one process only, moving when that one is killed.

Every bot of a test shares the database the ``database`` fixture names, so another backend runs
these tests by answering its URL there.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sqlite3
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

import bot.app
from bot.app import ShardedNewsdeskBot
from bot.config import Settings

from .bot_process import BotProcess, bot_processes, start_bot_process, write_settings
from .fake_discord import FakeDiscordServer, FakeGuild, FakeUser, RecordedRequest
from .harness import fake_discord, make_settings, running_bot

JSON = dict[str, Any]
INGEST_DATA = Path(__file__).resolve().parents[1] / "ingest" / "data"

NEW_FILE = """\
source:
  title: Caspian shipping bulletin
  url: https://example.org/caspian-shipping
  published: 2025-07-02
facts:
  - id: aktau-ferry-resumed
    answer: >-
      The Baku-Aktau ferry resumed its crossings of the Caspian after the storm, the port
      authority said.
    questions:
      - did the baku aktau ferry resume
      - is the caspian ferry running again
"""
NEW_QUESTION = "did the baku aktau ferry resume"


@pytest.fixture
def database(tmp_path: Path) -> str:
    """The one database every bot of a test shares, as ``--db`` and ``database:`` take it:
    an SQLite file here (the place to answer a server's URL instead)."""
    return str(tmp_path / "shared.db")


def answered_fact(callback: RecordedRequest) -> str | None:
    """The fact id an /ask answer names in its footer; None for "not sure" or "unknown"."""
    embeds = (callback.json.get("data") or {}).get("embeds") or [{}]
    found = re.match(r"fact id: (\S+) ", (embeds[0].get("footer") or {}).get("text", ""))
    return found[1] if found else None


async def ask(
    server: FakeDiscordServer, user: FakeUser, guild: FakeGuild, question: str
) -> str | None:
    interaction = await server.send_slash_command(
        "ask", {"question": question}, user, guild_id=guild
    )
    return answered_fact(await server.wait_for_callback(interaction))


def frames_on_shard(server: FakeDiscordServer, event: str) -> dict[int, list[Any]]:
    """Shard id -> the payloads of ``event`` the fake sent on that shard's connections."""
    found: dict[int, list[Any]] = {}
    for frame in server.gateway_frames:
        if frame.direction == "send" and frame.t == event and frame.shard is not None:
            found.setdefault(frame.shard, []).append(frame.d)
    return found


# ------------------------------------------------------------- the fake's sharded gateway


async def test_the_fake_gateway_shards_as_discord_does(fake_with_shards: FakeDiscordServer) -> None:
    """Without discord.py: GET /gateway/bot recommends shards, an IDENTIFY's shard gets only
    its guilds, an event goes to the shard of its guild, and an impossible shard is refused."""
    server = fake_with_shards
    world = sharded_world(server, 2)
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{server.api_base}/gateway/bot") as response:
            body = await response.json(content_type=None)
        assert body["shards"] == 2 and body["session_start_limit"]["max_concurrency"] == 16

        async def identify(shard: list[int]) -> aiohttp.ClientWebSocketResponse:
            ws = await http.ws_connect(str(server.gateway_url))
            assert (await ws.receive_json())["op"] == 10
            await ws.send_json({"op": 2, "d": {"token": "t", "intents": 513, "shard": shard}})
            return ws

        bad = await identify([2, 2])
        assert (await bad.receive()).type is aiohttp.WSMsgType.CLOSE
        assert bad.close_code == 4010

        one = await identify([1, 2])
        ready = await one.receive_json()
        assert ready["t"] == "READY" and ready["d"]["shard"] == [1, 2]
        assert [g["id"] for g in ready["d"]["guilds"]] == [str(world.guilds[1].id)]
        created = await one.receive_json()
        assert created["t"] == "GUILD_CREATE" and created["d"]["id"] == str(world.guilds[1].id)
        await server.wait_for_session(shard=1)
        assert server.live_shards == {1: (1, 2)}

        await server.dispatch("TYPING_START", {"guild_id": str(world.guilds[1].id)})
        assert (await one.receive_json())["t"] == "TYPING_START"
        with pytest.raises(TimeoutError, match="no live gateway session for guild"):
            await server.dispatch(
                "TYPING_START", {"guild_id": str(world.guilds[0].id)}, timeout=0.2
            )
        await one.close()


# ----------------------------------------------------------------- one sharded process


@dataclass
class ShardedWorld:
    server: FakeDiscordServer
    guilds: list[FakeGuild]
    """guilds[n] is on shard n."""
    mod: FakeUser
    member: FakeUser


def sharded_world(server: FakeDiscordServer, shard_count: int) -> ShardedWorld:
    """One guild on each shard; the first is the home guild, with a moderator; a member of
    every guild."""
    guilds = [server.add_guild(f"Newsroom {n}", shard=(n, shard_count)) for n in range(shard_count)]
    mod, member = server.add_user("mod"), server.add_user("member")
    server.add_member(guilds[0], mod, roles=[guilds[0].moderator_role])
    for guild in guilds:
        server.add_member(guild, member)
    return ShardedWorld(server, guilds, mod, member)


def sharded_settings(
    directory: Path,
    world: ShardedWorld,
    database: str,
    overrides: dict[str, Any] | None = None,
    **discord: Any,
) -> Settings:
    """Settings on ``database`` for a bot in ``world``'s guilds (the first is home)."""
    ids = tuple(g.id for g in world.guilds)
    base = {"database": database, "discord": {"home_guilds": [ids[0]], **discord}}
    return make_settings(directory, ids, {**base, **(overrides or {})})


@pytest.fixture
async def fake_with_shards() -> AsyncIterator[FakeDiscordServer]:
    """A fake Discord recommending 2 shards, with 16 IDENTIFY buckets (a large bot's)."""
    async with fake_discord("newsdesk", shard_count=2, max_concurrency=16) as server:
        yield server


async def test_a_sharded_bot_gets_each_guilds_events_on_its_shard(
    fake_with_shards: FakeDiscordServer, tmp_path: Path, database: str
) -> None:
    """shard_count: 2 in bot.yaml: two connections, each READY with its own guild, and every
    event (a guild's /ask, a DM) on the connection of the shard that carries it."""
    server = fake_with_shards
    world = sharded_world(server, 2)
    settings = sharded_settings(tmp_path, world, database, shard_count=2)
    async with running_bot(settings) as running:
        assert isinstance(running.bot, ShardedNewsdeskBot)
        assert running.bot.describe_shards() == "shards 0-1 of 2"
        assert sorted(p["shard"] for p in server.identify_payloads) == [[0, 2], [1, 2]]
        assert server.live_shards == {0: (0, 2), 1: (1, 2)}
        ready = frames_on_shard(server, "READY")
        for shard, guild in enumerate(world.guilds):
            (payload,) = ready[shard]
            assert [g["id"] for g in payload["guilds"]] == [str(guild.id)]
            assert payload["shard"] == [shard, 2]
        assert {g.id for g in running.bot.guilds} == {g.id for g in world.guilds}

        for shard, guild in enumerate(world.guilds):
            fact = await ask(server, world.member, guild, "why was the ambassador recalled")
            assert fact == "ambassador-recalled"
            (sent,) = [
                f
                for f in server.gateway_frames
                if f.t == "INTERACTION_CREATE" and f.d["guild_id"] == str(guild.id)
            ]
            assert sent.shard == shard
        dm = await server.send_slash_command(
            "ask", {"question": "who died in yekaterinburg"}, world.member, require_synced=False
        )
        assert answered_fact(await server.wait_for_callback(dm)) == "deaths-in-custody"
        (sent,) = [
            f
            for f in server.gateway_frames
            if f.t == "INTERACTION_CREATE" and not f.d.get("guild_id")
        ]
        assert sent.shard == 0
        # Commands are synced once, by the process running shard 0 (this one).
        assert server.requests_matching("PUT", r"/applications/\d+/guilds/\d+/commands")


async def test_shard_count_auto_runs_as_many_shards_as_discord_recommends(
    fake_with_shards: FakeDiscordServer, tmp_path: Path, database: str
) -> None:
    server = fake_with_shards
    world = sharded_world(server, 2)
    settings = sharded_settings(tmp_path, world, database, shard_count="auto")
    async with running_bot(settings) as running:
        assert running.bot.shard_count == 2
        assert server.requests_matching("GET", r"/gateway/bot")
        assert sorted(p["shard"] for p in server.identify_payloads) == [[0, 2], [1, 2]]


@pytest.mark.parametrize(("max_concurrency", "spaced"), [(1, True), (2, False)])
async def test_identify_slots_keep_one_bucket_to_one_identify_at_a_time(
    tmp_path: Path,
    database: str,
    monkeypatch: pytest.MonkeyPatch,
    max_concurrency: int,
    spaced: bool,
) -> None:
    """Discord allows one IDENTIFY per bucket (shard id % max_concurrency) every 5 s, across
    all of a bot's processes: shards of one bucket wait for the slot in the shared database;
    shards of different buckets do not."""
    monkeypatch.setattr(bot.app, "IDENTIFY_SLOT_SECONDS", 0.8)
    async with fake_discord("newsdesk", max_concurrency=max_concurrency) as server:
        world = sharded_world(server, 2)
        settings = sharded_settings(tmp_path, world, database, shard_count=2)
        async with running_bot(settings):
            identifies = [
                f.at for f in server.gateway_frames if f.direction == "recv" and f.op == 2
            ]
    assert len(identifies) == 2
    gap = identifies[1] - identifies[0]
    assert (gap >= 0.75) if spaced else (gap < 0.6), gap


# -------------------------------------------------- two processes, two shards each of four


@dataclass
class TwoProcesses:
    server: FakeDiscordServer
    world: ShardedWorld
    first: BotProcess
    """Shards 0-1: the home guild (shard 0) and guild 1."""
    second: BotProcess
    """Shards 2-3: guilds 2 and 3."""
    knowledge: list[Path]


@contextlib.asynccontextmanager
async def two_processes(
    tmp_path: Path,
    database: str,
    overrides: dict[str, Any] | None = None,
    *,
    lease_seconds: float | None = None,
) -> AsyncIterator[TwoProcesses]:
    """A fake Discord with a guild on each of four shards, and two bot processes (shards 0-1
    and 2-3, each with its own copy of the knowledge) on ``database``, both ready."""
    async with fake_discord("newsdesk", shard_count=4, max_concurrency=16) as server:
        world = sharded_world(server, 4)
        started: list[BotProcess] = []
        knowledge: list[Path] = []
        for name, shards in (("first", "0-1"), ("second", "2-3")):
            directory = tmp_path / name
            directory.mkdir()
            settings = sharded_settings(directory, world, database, overrides)
            knowledge.append(settings.knowledge_dir)
            config = write_settings(settings, directory / "bot.yaml")
            started.append(
                await start_bot_process(
                    name,
                    server.api_base,
                    str(server.gateway_url),
                    ["run", "--config", str(config), "--shards", shards, "--shard-count", "4"],
                    lease_seconds=lease_seconds,
                    tag=name,
                )
            )
        async with bot_processes(*started):
            await asyncio.gather(*(process.ready() for process in started))
            yield TwoProcesses(server, world, started[0], started[1], knowledge)
        problems = server.unknown_requests + server.fake_errors
        assert not problems, [str(r) for r in problems]


@pytest.fixture(params=("sqlite", "postgresql"))
def shared_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The database two bot processes share: an SQLite file, and (with NEWSDESK_TEST_POSTGRES)
    a fresh PostgreSQL database, as several machines would share one."""
    if request.param == "postgresql":
        return str(request.getfixturevalue("postgres_database"))
    return str(tmp_path / "shared.db")


async def test_two_processes_share_the_servers_and_answer_each_others_changes(
    tmp_path: Path, shared_database: str
) -> None:
    """`run --shards 0-1 --shard-count 4` and `--shards 2-3`: each process gets only its
    shards' servers; a moderator's /kb reload through the first is answered through the
    second (within about a second: it reads the shared database's change log every second).
    On SQLite and on PostgreSQL."""
    async with two_processes(tmp_path, shared_database) as scale:
        server, world = scale.server, scale.world
        first_ready = await scale.first.ready()
        second_ready = await scale.second.ready()
        assert "to 2 servers (shards 0-1 of 4)" in first_ready
        assert "to 2 servers (shards 2-3 of 4)" in second_ready
        assert sorted(p["shard"] for p in server.identify_payloads) == [
            [0, 4],
            [1, 4],
            [2, 4],
            [3, 4],
        ]
        ready = frames_on_shard(server, "READY")
        for shard, guild in enumerate(world.guilds):
            assert [g["id"] for g in ready[shard][0]["guilds"]] == [str(guild.id)]
        # Only the process running shard 0 synced the commands.
        synced = re.compile(r"synced \d+ commands")
        assert any(synced.search(line) for line in scale.first.lines)
        assert not any(synced.search(line) for line in scale.second.lines)
        assert any("synced by the process running shard 0" in ln for ln in scale.second.lines)

        far = world.guilds[3]  # on shard 3: the second process
        assert await ask(server, world.member, far, NEW_QUESTION) != "aktau-ferry-resumed"

        (scale.knowledge[0] / "caspian-shipping.yaml").write_text(NEW_FILE, encoding="utf-8")
        reload = await server.send_slash_command(
            "kb reload", None, world.mod, guild_id=world.guilds[0]
        )
        await server.wait_for_callback(reload)
        followup = await server.wait_for_request(method="POST", path=r"/webhooks/\d+/[^/]+")
        reloaded = time.monotonic()
        assert followup.json["embeds"][0]["title"] == "Knowledge reloaded"

        # About a second on a quiet machine (the change log is read every second); the bound
        # is only a ceiling, which a busy 2-core machine's delays stay well within. No second
        # reload: the other process answers from the shared database.
        while await ask(server, world.member, far, NEW_QUESTION) != "aktau-ferry-resumed":
            assert time.monotonic() - reloaded < 30, "the other process never answered it"
            await asyncio.sleep(0.05)
        interactions = [f for f in server.gateway_frames if f.t == "INTERACTION_CREATE"]
        assert {f.shard for f in interactions if f.d["guild_id"] == str(far.id)} == {3}
        assert {f.shard for f in interactions if f.d["guild_id"] == str(world.guilds[0].id)} == {0}
    for process in (scale.first, scale.second):
        assert process.process.returncode == 0, process.lines[-20:]
        assert process.errors() == [], process.errors()


# ------------------------------------------------------------------- work done once


@dataclass
class FeedSite:
    base: str
    polls: list[tuple[float, str]]
    """(time, process tag) of every fetch of the feed."""


@contextlib.asynccontextmanager
async def feed_site() -> AsyncIterator[FeedSite]:
    """The test news site (tests/ingest/data) on 127.0.0.1, noting who fetched the feed."""
    site = FeedSite("", [])
    pages = {
        "/article.html": ("text/html", (INGEST_DATA / "article.html").read_bytes()),
        "/second.html": ("text/html", (INGEST_DATA / "second.html").read_bytes()),
    }

    async def handle(request: web.Request) -> web.Response:
        if request.path == "/feed.rss":
            agent = request.headers.get("User-Agent", "")
            site.polls.append((time.monotonic(), agent.rpartition("process/")[2]))
            rss = (INGEST_DATA / "feed.rss.tmpl").read_text("utf-8").replace("{base}", site.base)
            return web.Response(body=rss.encode(), content_type="application/rss+xml")
        if request.path in pages:
            kind, body = pages[request.path]
            return web.Response(body=body, content_type=kind, charset="utf-8")
        raise web.HTTPNotFound()

    app = web.Application()
    app.router.add_get("/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    site.base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield site
    finally:
        await runner.cleanup()


def feeds_lease(database: str) -> tuple[str, float]:
    """(holder, expiry on the database's clock, as time.time() counts) of the feeds lease in
    the shared SQLite file."""
    with contextlib.closing(
        sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    ) as db:
        holder, expires_at = db.execute(
            "SELECT holder, expires_at FROM leases WHERE name = 'feeds'"
        ).fetchone()
    return str(holder), float(expires_at)


async def test_feeds_are_polled_by_one_process_and_move_when_it_is_killed(
    tmp_path: Path, database: str
) -> None:
    """Both processes watch the same feed; only the holder of the feeds lease polls it. After
    kill -9 of the holder, the other takes the lease when it expires and polls on; articles
    drafted by the first are not drafted again."""
    # The holder renews every third of the lease: a 1.5 s lease lapsed on a loaded 2-core
    # machine, which kept the holder from renewing for that long, and both processes polled.
    lease = 5.0
    interval_minutes = 0.01  # 0.6 s
    async with feed_site() as site:
        overrides = {
            "feeds": [{"url": f"{site.base}/feed.rss", "interval_minutes": interval_minutes}],
            "ingest": {"allow_private_addresses": True},
        }
        async with two_processes(tmp_path, database, overrides, lease_seconds=lease) as scale:
            # Five polls take about 3 s on a quiet machine; on a loaded one the bot processes
            # were seen polling once every 7-14 s. The bound only stops a test whose processes
            # never poll: who polls is what is asserted.
            started = time.monotonic()
            while len(site.polls) < 5:
                assert time.monotonic() - started < 120, site.polls
                await asyncio.sleep(0.1)
            pollers = {tag for _, tag in site.polls}
            assert len(pollers) == 1, site.polls
            (holder_tag,) = pollers
            holder, other = (
                (scale.first, scale.second)
                if holder_tag == "first"
                else (scale.second, scale.first)
            )
            taken = await holder.wait_for_line("lease feeds taken")
            assert not any("lease feeds taken" in line for line in other.lines)

            # The lease as last renewed before the kill: the dead holder's lasts at least
            # that long (a renewal may still land while the signal is delivered).
            holder_id, expires_at = await asyncio.to_thread(feeds_lease, database)
            assert f" by {holder_id}:" in taken, (holder_id, taken)
            lapses = expires_at - (time.time() - time.monotonic())  # on the monotonic clock
            holder.kill()
            killed = time.monotonic()
            # Waits on what the other process does, however slowly a busy machine runs it.
            await other.wait_for_line("lease feeds taken", timeout=lease + 60)
            while not [t for t, tag in site.polls if tag == other.name]:
                assert time.monotonic() - killed < lease + 60, site.polls
                await asyncio.sleep(0.1)
            taken_over = min(t for t, tag in site.polls if tag == other.name)
            # Not before the dead holder's lease lapsed (on a quiet machine it polls within
            # the lease and one interval after the kill; a busy one stretches that).
            assert taken_over >= lapses - 0.05, (taken_over - lapses, site.polls)
            assert all(tag == holder.name for t, tag in site.polls if t < killed)
            assert all(tag == other.name for t, tag in site.polls if t >= taken_over)

            drafts_of = {
                process.name: sorted((path / "drafts").glob("*.yaml"))
                for process, path in zip((scale.first, scale.second), scale.knowledge, strict=True)
            }
            assert len(drafts_of[holder.name]) == 2  # the feed's two articles, drafted once
            assert drafts_of[other.name] == []  # the database remembers them
        assert other.process.returncode == 0
        assert other.errors() == [], other.errors()
