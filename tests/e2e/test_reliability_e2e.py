"""Reliability and security end to end: the real bot against the fake Discord server.

Hostile questions through /ask, !ask and mentions; a database that refuses writes; the same
interaction delivered twice and other Discord faults; the permission matrix of the README's
"Commands on Discord" table; isolation between servers; the token never shown; and the
question budget and daily fact cap read from a real bot.yaml.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.config import load_settings
from bot.core.actors import Actor
from bot.core.models import Fact, Origin, Status
from bot.core.service import FactInput
from bot.exts.errors import APOLOGY
from bot.ui.embeds import ERROR_COLOUR

from .fake_discord import FakeDiscordServer, FakeGuild, FakeUser, RecordedRequest
from .harness import (
    MESSAGES_PATH,
    REPO_ROOT,
    RunningBot,
    World,
    is_reply_to,
    make_settings,
    running_bot,
)
from .test_bot_e2e import (
    WEBHOOK_PATH,
    add_fact,
    ask,
    assert_ephemeral_reply,
    assert_refused,
    data,
    embed,
    fact_id_of,
    field,
    is_ephemeral,
    message_of,
    slash,
)

JSON = dict[str, Any]
BAD_QUESTIONS: dict[str, str] = json.loads(
    (REPO_ROOT / "tests" / "data" / "bad_questions.json").read_text(encoding="utf-8")
)
# "Quickly" is the bot's own work: CPU seconds of this process (bot, fake Discord and test
# share it), which other processes on a loaded CI machine do not stretch as they stretch the
# wall clock; the wait itself is bounded more loosely (a reply that never comes still fails).
REPLY_SECONDS = 3.0
WAIT_SECONDS = 30.0
TOKEN = "FAKE5ODc2NTQzMjEwOTg3NjU0.Gx7Kp2.newsdesk-SECRET-token-0xDEADBEEF"


def assert_no_ping(payload: JSON) -> None:
    mentions = payload["allowed_mentions"]
    assert mentions["parse"] == [], mentions
    assert not mentions.get("roles") and not mentions.get("users"), mentions
    assert mentions.get("replied_user", False) is False, mentions


def shown_text(payload: JSON) -> str:
    parts = [str(payload.get("content") or "")]
    for item in payload.get("embeds") or []:
        parts.append(json.dumps(item, ensure_ascii=False))
    return "\n".join(parts)


# --------------------------------------------------------------------- hostile questions
async def test_hostile_questions_through_slash_ask(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """Every hostile question sent as /ask gets one public reply, quickly, pinging nobody."""
    slowest = 0.0
    for name, question in BAD_QUESTIONS.items():
        started = time.process_time()
        interaction = await server.send_slash_command(
            "ask", {"question": question}, world.alice, guild_id=world.guild
        )
        callback = await server.wait_for_callback(interaction, timeout=WAIT_SECONDS)
        slowest = max(slowest, time.process_time() - started)
        assert callback.status in (200, 204), (name, callback)
        assert callback.json["type"] == 4, name
        payload = data(callback)
        assert_no_ping(payload)
        assert payload.get("embeds") or payload.get("content"), name
        assert APOLOGY not in shown_text(payload), name
    assert slowest < REPLY_SECONDS


async def test_hostile_questions_through_prefix_and_mention(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """Every hostile question as `!ask ...` and as `@newsdesk ...` gets one reply, no ping."""
    for prefix in ("!ask ", f"{server.bot_user.mention} "):
        for name, question in BAD_QUESTIONS.items():
            started = time.process_time()
            sent = await server.send_message(world.general, world.alice, prefix + question)
            reply = await server.wait_for_request(
                is_reply_to(sent["id"]), method="POST", path=MESSAGES_PATH, timeout=WAIT_SECONDS
            )
            assert time.process_time() - started < REPLY_SECONDS, name
            assert reply.status == 200, (name, reply)
            assert_no_ping(reply.json)
            assert reply.json.get("embeds") or reply.json.get("content"), name
            assert APOLOGY not in shown_text(reply.json), name
    replies = server.requests_matching("POST", MESSAGES_PATH)
    assert len(replies) == 2 * len(BAD_QUESTIONS)


# ------------------------------------------------------------------ database faults
@contextlib.contextmanager
def writes_fail(newsdesk: RunningBot, monkeypatch: pytest.MonkeyPatch, message: str) -> Any:
    @contextlib.asynccontextmanager
    async def refuse(*_: object) -> AsyncIterator[object]:
        raise sqlite3.OperationalError(message)
        yield None  # pragma: no cover

    with monkeypatch.context() as patch:
        patch.setattr(newsdesk.kb.store, "transaction", refuse)
        yield


async def test_full_disk_answers_from_memory_and_tells_moderators(
    server: FakeDiscordServer,
    world: World,
    newsdesk: RunningBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """With every write refused: /ask answers, /fact add, votes and /kb reload fail privately
    with a plain sentence, /kb stats tells moderators why; all recovers once space is back."""
    earlier = await ask(server, world.bob, "why was the ambassador recalled", world.guild)
    with writes_fail(newsdesk, monkeypatch, "database or disk is full"):
        callback = await ask(server, world.alice, "why was the ambassador recalled", world.guild)
        assert fact_id_of(data(callback)) == "ambassador-recalled"
        sent = await server.send_message(world.general, world.alice, "!ask who died in custody")
        reply = await server.wait_for_request(is_reply_to(sent["id"]), path=MESSAGES_PATH)
        assert reply.json["embeds"] and APOLOGY not in shown_text(reply.json)

        refused = await slash(
            server,
            "fact add",
            {"answer": "A fact that cannot be saved."},
            world.alice,
            guild=world.guild,
        )
        assert_refused(refused, "could not be saved (the database refused the write)")
        assert "disk is full" not in shown_text(data(refused))

        vote = await server.send_component(
            "vote:up:ambassador-recalled", message_of(earlier), world.alice
        )
        assert_refused(await server.wait_for_callback(vote), "Your vote could not be saved")

        deferred = await slash(server, "kb reload", None, world.mod, guild=world.guild)
        assert deferred.json["type"] == 5
        followup = await server.wait_for_request(method="POST", path=WEBHOOK_PATH)
        assert is_ephemeral(followup.json)
        assert "the old knowledge is still in service" in embed(followup.json)["description"]

        stats = assert_ephemeral_reply(
            await slash(server, "kb stats", None, world.mod, guild=world.guild)
        )
        warning = field(embed(stats), "⚠ Writes are failing")
        assert "refused the last write: database or disk is full" in warning
        assert "Answers still work" in warning
    assert len(newsdesk.kb.matcher) == 16

    await add_fact(server, world.alice, world.guild)
    stats = assert_ephemeral_reply(
        await slash(server, "kb stats", None, world.mod, guild=world.guild)
    )
    assert "⚠ Writes are failing" not in [f["name"] for f in embed(stats)["fields"]]
    logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert logged and all(
        m.startswith("database write failed: database or disk is full") for m in logged
    ), logged
    caplog.clear()  # the errors above were the point; the fixture checks for any others


# -------------------------------------------------------------------- Discord faults
async def test_interaction_delivered_twice_is_handled_once(
    server: FakeDiscordServer,
    world: World,
    newsdesk: RunningBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The same INTERACTION_CREATE (same id) twice: one fact, one vote, one reply each, and a
    log line saying the repeat was ignored."""
    before = len(newsdesk.kb.matcher)
    adding = await server.send_slash_command(
        "fact add",
        {"answer": "The Baku jazz festival moved to the seaside boulevard this year."},
        world.alice,
        guild_id=world.guild,
    )
    assert_ephemeral_reply(await server.wait_for_callback(adding))
    await server.dispatch("INTERACTION_CREATE", adding.payload)

    answer = await ask(server, world.bob, "why was the ambassador recalled", world.guild)
    vote = await server.send_component("vote:up:ambassador-recalled", message_of(answer), world.bob)
    await server.wait_for_callback(vote)
    await server.dispatch("INTERACTION_CREATE", vote.payload)

    # A later question is answered, and each repeat was handled (ignored, as the log says)
    # before its callbacks are counted: waited for, however slowly a busy machine runs.
    await ask(server, world.bob, "what happened in yekaterinburg", world.guild)
    ignored = {
        f"ignored interaction {interaction.id}: delivered twice, already handled"
        for interaction in (adding, vote)
    }
    waited = time.monotonic()
    while not ignored <= {r.getMessage() for r in caplog.records}:
        assert time.monotonic() - waited < WAIT_SECONDS, "a repeat was never handled"
        await asyncio.sleep(0.05)
    for interaction in (adding, vote):
        attempts = server.requests_matching("POST", re.escape(interaction.callback_path))
        assert len(attempts) == 1, [str(a) for a in attempts]
    assert len(newsdesk.kb.matcher) == before + 1
    stats = await newsdesk.kb.stats(guild_id=world.guild.id)
    assert stats.feedback_up == 1


async def test_rate_limited_followup_is_retried_and_logged(
    server: FakeDiscordServer,
    world: World,
    newsdesk: RunningBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A 429 on /kb reload's follow-up is retried: the moderator gets exactly one result."""
    caplog.set_level(logging.WARNING, logger="discord.http")
    fault = server.fail_next("POST", WEBHOOK_PATH, status=429, retry_after=0.05)
    deferred = await slash(server, "kb reload", None, world.mod, guild=world.guild)
    assert deferred.json["type"] == 5
    followup = await server.wait_for_request(method="POST", path=WEBHOOK_PATH)
    assert embed(followup.json)["title"] == "Knowledge reloaded"
    assert fault.hits == 1
    assert [r.status for r in server.requests_matching("POST", WEBHOOK_PATH)] == [429, 200]
    assert any("rate limited" in r.getMessage() for r in caplog.records), "no clear log line"


async def test_global_rate_limit_on_a_reply_then_it_lands_once(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """A global 429 on a !ask reply: discord.py waits it out and posts the answer once."""
    server.fail_next("POST", MESSAGES_PATH, status=429, retry_after=0.05, is_global=True)
    sent = await server.send_message(
        world.general, world.alice, "!ask why was the ambassador recalled"
    )
    reply = await server.wait_for_request(
        is_reply_to(sent["id"]), method="POST", path=MESSAGES_PATH
    )
    assert fact_id_of(reply.json) == "ambassador-recalled"
    statuses = [r.status for r in server.requests_matching("POST", MESSAGES_PATH)]
    assert statuses == [429, 200]


async def test_aborted_socket_resumes_and_a_question_sent_meanwhile_is_answered(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """The TCP connection is cut without a close frame; the bot resumes, then answers."""
    await server.drop_connection(code=None)
    await server.wait_for_session(timeout=WAIT_SECONDS)
    callback = await ask(server, world.alice, "what happened in yekaterinburg", world.guild)
    assert fact_id_of(data(callback)) == "yekaterinburg-raid"
    assert (server.identify_count, server.resume_count) == (1, 1)


# -------------------------------------------------------------------- permission matrix
ROLES = ("member", "author", "moderator", "manager", "dm")
EVERYONE = dict.fromkeys(ROLES, True)
IN_SERVERS = {**EVERYONE, "dm": False}
AUTHOR_OR_MODERATORS = {"member": False, "author": True, "moderator": True, "manager": True}
MODERATORS = {"member": False, "author": False, "moderator": True, "manager": True, "dm": False}


@dataclass(frozen=True)
class Target:
    fact_id: str
    answer: str


@dataclass(frozen=True)
class Row:
    """One command of the README table: who may use it, and how to set it up for a try."""

    options: Callable[[Target], dict[str, Any]]
    allowed: dict[str, bool]
    target: str = "none"  # "none", "live" (a member fact by the author) or "pending"


MATRIX: dict[str, Row] = {
    "ask": Row(lambda t: {"question": "why was the ambassador recalled"}, EVERYONE),
    "fact add": Row(lambda t: {"answer": f"{t.answer} Added again by someone."}, IN_SERVERS),
    "fact edit": Row(
        lambda t: {"fact_id": t.fact_id, "answer": "Edited: the regatta moved to Lankaran."},
        {**AUTHOR_OR_MODERATORS, "dm": False},
        "live",
    ),
    "fact remove": Row(
        lambda t: {"fact_id": t.fact_id}, {**AUTHOR_OR_MODERATORS, "dm": False}, "live"
    ),
    "fact show": Row(lambda t: {"fact_id": t.fact_id}, IN_SERVERS, "live"),
    "fact search": Row(lambda t: {"query": "regatta"}, IN_SERVERS, "live"),
    "fact history": Row(lambda t: {"fact_id": t.fact_id}, IN_SERVERS, "live"),
    "kb reload": Row(lambda t: {}, MODERATORS),
    "kb stats": Row(lambda t: {}, MODERATORS),
    "kb export": Row(lambda t: {}, MODERATORS, "live"),
    "kb pending": Row(lambda t: {}, MODERATORS, "pending"),
    "kb approve": Row(lambda t: {"fact_id": t.fact_id}, MODERATORS, "pending"),
    "kb reject": Row(lambda t: {"fact_id": t.fact_id}, MODERATORS, "pending"),
}


def refused(callback: RecordedRequest) -> bool:
    """A private error embed (what every refusal looks like), as opposed to doing the thing."""
    if callback.json["type"] != 4:
        return False
    payload = data(callback)
    embeds = payload.get("embeds") or []
    return (
        is_ephemeral(payload) and len(embeds) == 1 and embeds[0].get("color") == ERROR_COLOUR.value
    )


async def make_target(newsdesk: RunningBot, world: World, kind: str, n: int) -> Target:
    answer = f"The Caspian regatta number {n} moved from Baku to Sumgait because of wind."
    author = Actor.discord_user(world.bob.id, world.guild.id, is_moderator=False, name="bob")
    if kind == "live":
        fact = await newsdesk.kb.add_fact(FactInput(answer), author)
        return Target(fact.id, answer)
    if kind == "pending":
        fact = Fact(
            f"pending-regatta-{n}",
            answer,
            origin=Origin.USER,
            guild_id=world.guild.id,
            author_id=world.bob.id,
            status=Status.PENDING,
        )
        await newsdesk.kb.store.insert_fact(fact, author.key)
        return Target(fact.id, answer)
    return Target("no-target", f"Regatta note {n}: the Baku yacht club opened a new pier.")


async def effect_visible(newsdesk: RunningBot, command: str, target: Target) -> bool | None:
    """Whether a changing command really changed the fact (None for the others)."""
    stored = await newsdesk.kb.store.get_fact(target.fact_id)
    if command == "fact edit":
        return stored is not None and stored.answer.startswith("Edited:")
    if command in ("fact remove", "kb reject"):
        return stored is None
    if command == "kb approve":
        return stored is not None and stored.status is Status.LIVE
    return None


@pytest.mark.parametrize("command", list(MATRIX))
async def test_permission_matrix(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot, command: str
) -> None:
    """Each command x (member, author, moderator role, Manage Server, DM): exactly the access
    the README documents, and a refused change changes nothing."""
    row = MATRIX[command]
    people: dict[str, FakeUser] = {
        "member": world.alice,
        "author": world.bob,
        "moderator": world.mod,
        "manager": world.boss,
        "dm": world.bob,
    }
    outcome: dict[str, bool] = {}
    for n, role in enumerate(ROLES):
        target = await make_target(newsdesk, world, row.target, n)
        facts_before = len(await newsdesk.kb.store.all_facts())
        in_dm = role == "dm"
        interaction = await server.send_slash_command(
            command,
            row.options(target),
            people[role],
            guild_id=None if in_dm else world.guild,
            require_synced=not in_dm,
        )
        callback = await server.wait_for_callback(interaction)
        outcome[role] = not refused(callback)
        if callback.json["type"] == 5:  # /kb reload answers in a follow-up
            await server.wait_for_request(method="POST", path=WEBHOOK_PATH)
        effect = await effect_visible(newsdesk, command, target)
        if effect is not None:
            assert effect is outcome[role], (command, role, callback.json)
        if command == "fact add":
            grew = len(await newsdesk.kb.store.all_facts()) - facts_before
            assert grew == int(outcome[role]), (role, callback.json)
    assert outcome == row.allowed, outcome


# --------------------------------------------------------------------- server isolation
async def test_servers_never_see_each_others_facts_stats_feedback_or_exports(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """Facts, questions, unanswered questions, votes and exports stay in their own server."""
    ours = await add_fact(
        server,
        world.alice,
        world.guild,
        "The Baku tram museum opens on Sundays from next month.",
        "when does the tram museum open",
    )
    theirs = await add_fact(
        server,
        world.carol,
        world.other_guild,
        "The Ganja kite festival was cancelled because of the storm.",
        "was the kite festival cancelled",
    )
    other_mod = [world.other_guild.moderator_role]

    # Asking, showing, searching and the history of the other server's fact: nothing.
    for guild, user, foreign, question in (
        (world.other_guild, world.carol, ours, "when does the tram museum open"),
        (world.guild, world.bob, theirs, "was the kite festival cancelled"),
    ):
        answer = await ask(server, user, question, guild)
        assert foreign not in json.dumps(data(answer)), data(answer)
        for command, options in (
            ("fact show", {"fact_id": foreign}),
            ("fact history", {"fact_id": foreign}),
        ):
            assert_refused(await slash(server, command, options, user, guild=guild), "There is no")
        found = await slash(server, "fact search", {"query": question}, user, guild=guild)
        assert foreign not in json.dumps(data(found))
        typed = await server.send_autocomplete(
            "ask", {"question": question[:12]}, "question", user, guild_id=guild
        )
        choices = (await server.wait_for_callback(typed)).json["data"]["choices"]
        assert question not in [c["value"] for c in choices]

    # Questions, unanswered questions and votes are counted per server.
    mine = await ask(server, world.alice, "when does the tram museum open", world.guild)
    vote = await server.send_component(f"vote:up:{ours}", message_of(mine), world.bob)
    await server.wait_for_callback(vote)
    await ask(server, world.alice, "zzyzx flamingo embassy picnic", world.guild)
    in_other = assert_ephemeral_reply(
        await server.wait_for_callback(
            await server.send_slash_command(
                "kb stats", None, world.carol, guild_id=world.other_guild, member_roles=other_mod
            )
        )
    )
    text = json.dumps(embed(in_other), ensure_ascii=False)
    assert "zzyzx" not in text and "👍 0" in text and "1 added by members" in text
    assert "3 asked" not in text
    own = assert_ephemeral_reply(
        await slash(server, "kb stats", None, world.mod, guild=world.guild)
    )
    own_text = json.dumps(embed(own), ensure_ascii=False)
    assert "zzyzx" in own_text and "👍 1" in own_text

    # Exports: each server's own member facts only.
    exports = {}
    for guild, user, roles in (
        (world.guild, world.mod, None),
        (world.other_guild, world.carol, other_mod),
    ):
        interaction = await server.send_slash_command(
            "kb export", None, user, guild_id=guild, member_roles=roles
        )
        callback = await server.wait_for_callback(interaction)
        (attachment,) = callback.files
        exports[guild.id] = attachment.data.decode("utf-8")
    # Exported ready for a knowledge file, without the member- prefix of their ids.
    ours_exported, theirs_exported = (i.removeprefix("member-") for i in (ours, theirs))
    assert ours_exported in exports[world.guild.id]
    assert theirs_exported not in exports[world.guild.id]
    assert theirs_exported in exports[world.other_guild.id]
    assert ours_exported not in exports[world.other_guild.id]


# ------------------------------------------------------------------------ the token
def _everything_recorded(server: FakeDiscordServer) -> list[str]:
    """Every REST body, query, response and attachment, headers but Authorization, and every
    gateway frame but the IDENTIFY/RESUME that must carry the token."""
    out = []
    for request in server.requests:
        headers = {k: v for k, v in request.headers.items() if k.lower() != "authorization"}
        out.append(json.dumps([request.path, request.query, request.json, request.response]))
        out.append(json.dumps(headers))
        out.extend(f.data.decode("utf-8", "replace") for f in request.files)
    for frame in server.gateway_frames:
        if frame.op not in (2, 6):
            out.append(json.dumps(frame.d))
    return out


async def test_token_never_appears_in_logs_payloads_or_database(
    server: FakeDiscordServer,
    world: World,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Run with a distinctive token and DEBUG logs; do everything, including failing: the token
    shows up only where Discord needs it (the Authorization header and IDENTIFY)."""
    caplog.set_level(logging.DEBUG)
    server.token = TOKEN
    settings = make_settings(
        tmp_path, (world.guild.id, world.other_guild.id), {"logging": {"level": "DEBUG"}}
    )
    async with running_bot(settings, token=TOKEN) as running:
        await ask(server, world.alice, "why was the ambassador recalled", world.guild)
        sent = await server.send_message(world.general, world.alice, "!ask who died in custody")
        await server.wait_for_request(is_reply_to(sent["id"]), path=MESSAGES_PATH)
        await add_fact(server, world.alice, world.guild)
        for command in ("kb stats", "kb export", "kb pending"):
            await slash(server, command, None, world.mod, guild=world.guild)
        (running.knowledge_dir / "broken.yaml").write_text("facts: [", encoding="utf-8")
        await slash(server, "kb reload", None, world.mod, guild=world.guild)
        await server.wait_for_request(method="POST", path=WEBHOOK_PATH)
        server.fail_next("POST", MESSAGES_PATH, status=429, retry_after=0.05)
        sent = await server.send_message(world.general, world.alice, "!ask who is the envoy")
        await server.wait_for_request(is_reply_to(sent["id"]), path=MESSAGES_PATH)

        def explode(*_: object, **__: object) -> None:
            raise RuntimeError("simulated bug while searching")

        running.kb.search = explode  # type: ignore[method-assign]
        failed = await slash(
            server, "fact search", {"query": "envoy"}, world.alice, guild=world.guild
        )
        assert APOLOGY in embed(data(failed))["description"]
        assert repr(running.settings) and TOKEN not in repr(running.settings)

    authorised = [r for r in server.requests if r.headers.get("Authorization") == f"Bot {TOKEN}"]
    assert authorised, "the bot never used the token (the test would prove nothing)"
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    logged = [formatter.format(r) for r in caplog.records]
    assert any("simulated bug while searching" in line for line in logged)
    for text in [*logged, *_everything_recorded(server)]:
        assert TOKEN not in text, text[:500]
    assert TOKEN.encode() not in settings.database.read_bytes()
    caplog.clear()


def _wrapped_cli(api_base: str) -> list[str]:
    """`python -m bot` with discord.py's REST base pointed at ``api_base`` (127.0.0.1 only)."""
    code = (
        "import sys, discord.http, discord.gateway;"
        f"discord.http.Route.BASE = {api_base!r};"
        "from bot.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    return [sys.executable, "-c", code]


async def _run(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        *args,
        cwd=REPO_ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode or 0, out.decode() + err.decode()


ENVOY_FACT = """\
facts:
  - id: envoy-called-home
    answer: The envoy was called home for talks after the border incident.
    questions:
      - why was the envoy called home
"""


async def test_cli_never_prints_the_token(tmp_path: Path) -> None:
    """With DISCORD_TOKEN set: the CLI's commands, `run` against an unreachable Discord and
    `run` against a Discord that refuses the token never print it."""
    env = {**os.environ, "DISCORD_TOKEN": TOKEN}
    config = tmp_path / "bot.yaml"
    config.write_text("logging:\n  level: DEBUG\n", encoding="utf-8")
    # One fact: each of the seven processes read the whole seed knowledge (2.5 of its 3.5
    # seconds), which says nothing more about where the token goes.
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "envoy.yaml").write_text(ENVOY_FACT, encoding="utf-8")
    common = ["--config", str(config), "--db", str(tmp_path / "t.db")]
    common += ["--knowledge", str(knowledge), "-v"]
    outputs = []
    for args in (
        ["ask", "why was the envoy called home"],
        ["fact", "add", "The Baku book fair moved to October."],
        ["kb", "stats"],
        ["kb", "export"],
        ["fact", "show", "no-such-fact"],
    ):
        code, text = await _run([sys.executable, "-m", "bot", *args, *common], env)
        outputs.append(text)
        assert code in (0, 2), text

    # Nothing listens on port 9 of 127.0.0.1: Discord is unreachable.
    code, text = await _run([*_wrapped_cli("http://127.0.0.1:9/api/v10"), "run", *common], env)
    assert code == 2 and "cannot reach Discord" in text, text
    outputs.append(text)
    async with FakeDiscordServer(token="the-right-token") as fake:
        code, text = await _run([*_wrapped_cli(fake.api_base), "run", *common], env)
    assert code == 2 and "Discord refused the token" in text, text
    outputs.append(text)
    for text in outputs:
        assert TOKEN not in text, text


# --------------------------------------------------------- abuse limits from bot.yaml
async def test_question_budget_and_daily_fact_cap_from_bot_yaml(
    server: FakeDiscordServer, world: World, tmp_path: Path
) -> None:
    """discord.cooldown and facts.max_per_user_per_day in a real bot.yaml are enforced per
    member; moderators are not capped; the cap survives a restart."""
    config = tmp_path / "bot.yaml"
    config.write_text(
        "knowledge_dir: knowledge\n"
        "database: data/limits.db\n"
        "discord:\n"
        f"  dev_guilds: [{world.guild.id}, {world.other_guild.id}]\n"
        "  cooldown: {questions: 2, per_seconds: 60}\n"
        "facts:\n  max_per_user_per_day: 2\n",
        encoding="utf-8",
    )
    make_settings(tmp_path, ())  # copies the seed knowledge next to bot.yaml
    settings = load_settings(config)
    assert settings.discord.cooldown.questions == 2
    assert settings.facts.max_per_user_per_day == 2

    async def add(user: FakeUser, guild: FakeGuild, n: int) -> RecordedRequest:
        answer = f"Limitnote{n}: the Baku funicular closes at {n} pm for repairs."
        return await slash(server, "fact add", {"answer": answer}, user, guild=guild)

    async with running_bot(settings):
        for _ in range(2):
            assert (
                fact_id_of(
                    data(
                        await ask(
                            server, world.alice, "why was the ambassador recalled", world.guild
                        )
                    )
                )
                == "ambassador-recalled"
            )
        assert_refused(
            await ask(server, world.alice, "why was the ambassador recalled", world.guild),
            "You're asking quickly!",
        )
        sent = await server.send_message(world.general, world.alice, "!ask who died in custody")
        reply = await server.wait_for_request(is_reply_to(sent["id"]), path=MESSAGES_PATH)
        assert reply.json["content"].startswith("You're asking quickly!")
        assert fact_id_of(data(await ask(server, world.bob, "who died in custody", world.guild)))

        for n in range(2):
            assert not refused(await add(world.alice, world.guild, n))
        assert_refused(await add(world.alice, world.guild, 2), "You have added or edited 2 facts")
        # The cap is per member, across servers, and moderators have none.
        assert_refused(
            await add(world.alice, world.other_guild, 3), "You have added or edited 2 facts"
        )
        assert not refused(await add(world.bob, world.guild, 4))
        for n in range(5, 8):
            assert not refused(await add(world.mod, world.guild, n))

    async with running_bot(settings):
        assert_refused(await add(world.alice, world.guild, 9), "You have added or edited 2 facts")
    problems = server.unknown_requests + server.fake_errors
    assert not problems, [str(r) for r in problems]


@pytest.mark.bot_settings(
    lambda world: {"discord": {"moderator_role_ids": [world.guild.moderator_role.id]}}
)
async def test_moderator_role_ids_ignore_a_role_that_only_has_the_name(
    server: FakeDiscordServer, world: World, newsdesk: RunningBot
) -> None:
    """With moderator_role_ids set, a member holding a self-made role called "Moderator" is
    not a moderator; the member with the listed role is."""
    impostor = [world.other_guild.moderator_role]  # same name, another role id
    refused = await server.wait_for_callback(
        await server.send_slash_command(
            "kb stats", None, world.carol, guild_id=world.other_guild, member_roles=impostor
        )
    )
    assert_refused(refused, "this command is for the server's moderators")
    allowed = assert_ephemeral_reply(
        await slash(server, "kb stats", None, world.mod, guild=world.guild)
    )
    assert allowed["embeds"]
