"""An in-process fake Discord (REST + gateway) that the real discord.py 2.7 client can talk to.

Everything listens on 127.0.0.1 only; nothing touches the internet.

Usage (see ``tests/e2e/test_fake_discord.py`` for a complete fixture)::

    server = FakeDiscordServer(bot_name="newsdesk")
    guild = server.add_guild("Newsroom")            # @everyone, Moderator, bot role, #general
    alice = server.add_user("alice")
    server.add_member(guild, alice, roles=[guild.moderator_role])
    await server.start()

    monkeypatch.setattr(discord.http.Route, "BASE", server.api_base)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", server.gateway_url)
    bot = MyBot(..., guild_ready_timeout=0.1)        # give it the message_content intent
    task = asyncio.create_task(bot.start("fake-token"))
    ...                                              # wait for on_ready

    await server.send_message(guild.text_channel, alice, "!ping")
    reply = await server.wait_for_request(method="POST", path=r"/channels/\\d+/messages")
    assert reply.json["content"] == "pong"

    inter = await server.send_slash_command("echo", {"text": "hi"}, alice, guild_id=guild)
    callback = await server.wait_for_callback(inter)   # callback.json == {"type": 4, "data": ...}

    await bot.close(); await task; await server.stop()

Key pieces of the API:

* ``server.requests`` records every REST request (``RecordedRequest``: method, path relative to
  ``/api/v10``, query, json body -- multipart ``payload_json`` is parsed -- files, headers, the
  status and JSON the fake answered with). ``await server.wait_for_request(...)`` returns the
  first *unconsumed* matching request, including ones that arrived before the call, so tests
  are race-free. Unknown routes get a Discord-style 404 and show up in
  ``server.unknown_requests``.
* ``server.fail_next(method, path_regex, status=429, ...)`` injects 429s (with ``Via`` so
  discord.py retries) or 5xx errors. Injected failures are recorded but ignored by
  ``wait_for_request`` unless ``include_faults=True``.
* Gateway: HELLO / IDENTIFY -> READY + GUILD_CREATE / heartbeat ACK / RESUME -> RESUMED /
  REQUEST_GUILD_MEMBERS -> GUILD_MEMBERS_CHUNK. ``await server.dispatch(event, data)`` pushes
  any event; ``send_message``, ``send_slash_command``, ``send_autocomplete``,
  ``send_component``, ``send_modal_submit`` build realistic MESSAGE_CREATE and
  INTERACTION_CREATE payloads (DMs when no guild/channel is given).
  ``await server.drop_connection()`` kills the socket so the bot RESUMEs.
* Shards, as Discord does them: GET /gateway/bot recommends ``shard_count`` shards (with
  ``max_concurrency`` in ``session_start_limit``); an IDENTIFY with ``shard: [id, count]`` gets
  a READY listing, and GUILD_CREATEs for, only the guilds whose ``(guild_id >> 22) % count``
  is ``id``; every event goes on the live connection of the shard carrying its guild (DMs: shard
  0), so several bot processes, each with its range of shards, share one fake. An IDENTIFY
  without ``shard`` is shard [0, 1]. ``add_guild(shard=(id, count))`` places a guild; the
  connection helpers (``drop_connection``...) take ``shard=`` (default 0).
* Interaction callbacks, webhook follow-ups and ``@original`` edits are stateful: messages are
  stored in ``server.messages`` and every message the bot creates or edits is also logged for
  ``await server.wait_for_bot_message(...)``.
* Like the real gateway, guild message content is blanked unless the bot asked for the
  MESSAGE_CONTENT intent (or is mentioned), and message events are only delivered for the
  GUILD_MESSAGES / DIRECT_MESSAGES intents the bot identified with.
* Like real Discord, a command must have been synced before a user can invoke it
  (``send_slash_command`` raises LookupError otherwise; ``require_synced=False`` overrides),
  follow-ups before the initial response fail with Unknown Webhook, a second callback fails
  with 40060, and message bodies are validated (2000 chars, embed limits, empty message).
* If the fake itself crashes on a request it answers 400 (never 5xx, which discord.py would
  retry for seconds) and records it in ``server.fake_errors``; fixtures should assert that
  ``server.unknown_requests + server.fake_errors`` is empty at teardown.

discord.py quirks this relies on (verified against discord.py 2.7.1):

* ``Route.BASE`` is read when each ``Route`` is created, for REST, interaction callbacks and
  webhook follow-ups alike; a plain ``Client`` connects to ``DEFAULT_GATEWAY`` (only
  ``AutoShardedClient`` calls GET /gateway/bot, and only when given no ``shard_count``; its
  ``fetch_session_start_limits`` calls it too) and RESUMEs at READY's ``resume_gateway_url``.
* ``json_or_text`` only parses bodies whose Content-Type is exactly ``application/json``;
  ``web.json_response`` / ``web.Response(text=...)`` append ``; charset=utf-8``, so responses
  here are built from bytes.
* Only binary gateway frames are decompressed, so plain text frames work whatever
  ``compress=`` the client asked for.
* A 429 without a ``Via`` header is raised at once (treated as a Cloudflare ban).
* Views sent with an interaction response are stored under the callback's
  ``interaction.response_message_id``; ``Interaction`` needs ``version`` and
  ``attachment_size_limit``; app commands are looked up among guild commands only when the
  interaction's ``data.guild_id`` is set.
* Re-IDENTIFY (after a non-resumable INVALID_SESSION) sleeps 5 s in
  ``Client.before_identify_hook``; RESUME does not.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, Literal, TypeVar

import yarl
from aiohttp import WSMsgType, web

JSON = dict[str, Any]
T = TypeVar("T")

API_PREFIX = "/api/v10"
# How long a wait for something the bot sends (a request, a message, a live session) lasts by
# default: only a ceiling for what never comes. A reply within seconds is what a test asserts
# where it matters (Discord's three seconds, in CPU seconds of the bot's own work); 5 s, as it
# was, is within what a loaded 2-core machine adds to a reply (7-fold slower polls were seen).
WAIT_SECONDS = 30.0
# How long a bot's start (gateway connection, commands synced, READY) may take: a ceiling on an
# event, never waited out by a bot that starts. 10 s, as it was, was run out on a loaded 2-core
# machine by bots that then started.
READY_SECONDS = 60.0
DISCORD_EPOCH_MS = 1_420_070_400_000

# --------------------------------------------------------------------------------------------
# Permission bits and intents (numbers from the Discord API documentation)
# --------------------------------------------------------------------------------------------

CREATE_INSTANT_INVITE = 1 << 0
KICK_MEMBERS = 1 << 1
BAN_MEMBERS = 1 << 2
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
CONNECT = 1 << 20
SPEAK = 1 << 21
CHANGE_NICKNAME = 1 << 26
USE_APPLICATION_COMMANDS = 1 << 31
MANAGE_THREADS = 1 << 34
SEND_MESSAGES_IN_THREADS = 1 << 38
MODERATE_MEMBERS = 1 << 40
ALL_PERMISSIONS = (1 << 51) - 1

DEFAULT_EVERYONE_PERMISSIONS = (
    CREATE_INSTANT_INVITE
    | ADD_REACTIONS
    | VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_EXTERNAL_EMOJIS
    | CONNECT
    | SPEAK
    | CHANGE_NICKNAME
    | USE_APPLICATION_COMMANDS
    | SEND_MESSAGES_IN_THREADS
)
MODERATOR_PERMISSIONS = (
    DEFAULT_EVERYONE_PERMISSIONS
    | KICK_MEMBERS
    | BAN_MEMBERS
    | MANAGE_MESSAGES
    | MANAGE_THREADS
    | MENTION_EVERYONE
    | MODERATE_MEMBERS
)
BOT_ROLE_PERMISSIONS = DEFAULT_EVERYONE_PERMISSIONS | MANAGE_MESSAGES | MANAGE_THREADS

INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_GUILD_MESSAGE_REACTIONS = 1 << 10
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_DIRECT_MESSAGE_REACTIONS = 1 << 13
INTENT_MESSAGE_CONTENT = 1 << 15

MESSAGE_FLAG_EPHEMERAL = 1 << 6
MESSAGE_FLAG_LOADING = 1 << 7

CHANNEL_GUILD_TEXT = 0
CHANNEL_DM = 1

INTERACTION_PING = 1
INTERACTION_APPLICATION_COMMAND = 2
INTERACTION_COMPONENT = 3
INTERACTION_AUTOCOMPLETE = 4
INTERACTION_MODAL_SUBMIT = 5

# option types for application commands
OPTION_SUB_COMMAND = 1
OPTION_SUB_COMMAND_GROUP = 2
OPTION_STRING = 3
OPTION_INTEGER = 4
OPTION_BOOLEAN = 5
OPTION_USER = 6
OPTION_CHANNEL = 7
OPTION_ROLE = 8
OPTION_MENTIONABLE = 9
OPTION_NUMBER = 10

_MENTION_USER_RE = re.compile(r"<@!?(\d+)>")
_MENTION_ROLE_RE = re.compile(r"<@&(\d+)>")


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


def _snowflake_time_iso(snowflake: int) -> str:
    ms = (snowflake >> 22) + DISCORD_EPOCH_MS
    return datetime.fromtimestamp(ms / 1000, tz=UTC).isoformat()


class SnowflakeFactory:
    """Monotonic snowflake-shaped ids: current time in the high bits, never repeating."""

    def __init__(self) -> None:
        self._last = 0

    def __call__(self) -> int:
        candidate = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last = max(self._last + 1, candidate)
        return self._last

    def on_shard(self, shard_id: int, shard_count: int) -> int:
        """A new id whose guild would be on ``shard_id`` of ``shard_count``: its time part
        moved forward by less than ``shard_count`` milliseconds."""
        snowflake = self()
        ms = snowflake >> 22
        wanted = ms + (shard_id - ms) % shard_count
        if wanted != ms:
            snowflake = wanted << 22
            self._last = max(self._last, snowflake)
        return snowflake


def shard_of(guild_id: int | None, shard_count: int) -> int:
    """The shard whose connection carries a guild's events (DMs: shard 0), as Discord says."""
    return 0 if guild_id is None else (guild_id >> 22) % shard_count


# --------------------------------------------------------------------------------------------
# Model objects (what the fake "Discord" knows about)
# --------------------------------------------------------------------------------------------


@dataclass(eq=False)
class FakeUser:
    id: int
    name: str
    bot: bool = False
    global_name: str | None = None

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"

    def to_payload(self) -> JSON:
        return {
            "id": str(self.id),
            "username": self.name,
            "discriminator": "0",
            "global_name": self.global_name if self.global_name is not None else self.name,
            "avatar": None,
            "avatar_decoration_data": None,
            "banner": None,
            "accent_color": None,
            "bot": self.bot,
            "system": False,
            "public_flags": 0,
            "flags": 0,
            "primary_guild": None,
            "collectibles": None,
        }


@dataclass(eq=False)
class FakeRole:
    id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False
    mentionable: bool = False
    hoist: bool = False
    color: int = 0
    tags: JSON | None = None

    @property
    def mention(self) -> str:
        return f"<@&{self.id}>"

    def to_payload(self) -> JSON:
        payload: JSON = {
            "id": str(self.id),
            "name": self.name,
            "color": self.color,
            "colors": {
                "primary_color": self.color,
                "secondary_color": None,
                "tertiary_color": None,
            },
            "hoist": self.hoist,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": self.managed,
            "mentionable": self.mentionable,
            "flags": 0,
        }
        if self.tags is not None:
            payload["tags"] = self.tags
        return payload


@dataclass(eq=False)
class FakeChannel:
    id: int
    name: str
    type: int = CHANNEL_GUILD_TEXT
    guild_id: int | None = None
    position: int = 0
    topic: str | None = None
    recipients: list[FakeUser] = field(default_factory=list)
    last_message_id: int | None = None

    @property
    def mention(self) -> str:
        return f"<#{self.id}>"

    def to_payload(self) -> JSON:
        last = str(self.last_message_id) if self.last_message_id else None
        if self.type == CHANNEL_DM:
            return {
                "id": str(self.id),
                "type": CHANNEL_DM,
                "last_message_id": last,
                "recipients": [u.to_payload() for u in self.recipients],
                "flags": 0,
            }
        return {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild_id),
            "name": self.name,
            "position": self.position,
            "permission_overwrites": [],
            "topic": self.topic,
            "nsfw": False,
            "last_message_id": last,
            "rate_limit_per_user": 0,
            "parent_id": None,
            "flags": 0,
        }


@dataclass(eq=False)
class FakeMember:
    user: FakeUser
    roles: list[int] = field(default_factory=list)
    nick: str | None = None
    joined_at: str = field(default_factory=_now_iso)

    def to_payload(self, *, with_user: bool = True, roles: Sequence[int] | None = None) -> JSON:
        payload: JSON = {
            "roles": [str(r) for r in (self.roles if roles is None else roles)],
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
        if with_user:
            payload["user"] = self.user.to_payload()
        return payload


@dataclass(eq=False)
class FakeGuild:
    id: int
    name: str
    owner_id: int
    roles: list[FakeRole] = field(default_factory=list)
    channels: list[FakeChannel] = field(default_factory=list)
    members: dict[int, FakeMember] = field(default_factory=dict)

    @property
    def everyone_role(self) -> FakeRole:
        return self.roles[0]

    @property
    def moderator_role(self) -> FakeRole:
        return self.role("Moderator")

    @property
    def text_channel(self) -> FakeChannel:
        """The first text channel (``#general`` unless configured otherwise)."""
        return next(c for c in self.channels if c.type == CHANNEL_GUILD_TEXT)

    def role(self, name: str) -> FakeRole:
        for role in self.roles:
            if role.name == name:
                return role
        raise KeyError(f"no role named {name!r} in guild {self.name!r}")

    def channel(self, name: str) -> FakeChannel:
        for channel in self.channels:
            if channel.name == name:
                return channel
        raise KeyError(f"no channel named {name!r} in guild {self.name!r}")

    def permissions_for(self, user_id: int, roles: Sequence[int] | None = None) -> int:
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        member = self.members.get(user_id)
        role_ids = set(roles if roles is not None else (member.roles if member else []))
        value = self.everyone_role.permissions
        for role in self.roles:
            if role.id in role_ids:
                value |= role.permissions
        if value & ADMINISTRATOR:
            return ALL_PERMISSIONS
        return value


# --------------------------------------------------------------------------------------------
# Recording
# --------------------------------------------------------------------------------------------


@dataclass
class RecordedFile:
    field_name: str
    filename: str
    content_type: str
    data: bytes


@dataclass
class RecordedRequest:
    method: str
    path: str
    """Path relative to ``/api/v10`` (e.g. ``/channels/1/messages``)."""
    query: dict[str, str]
    json: Any
    """The JSON body (or the parsed ``payload_json`` part of a multipart body); None if none."""
    headers: dict[str, str]
    files: list[RecordedFile] = field(default_factory=list)
    status: int = 0
    response: Any = None
    unknown: bool = False
    """True when no fake route matched (the fake answered 404)."""
    injected_fault: bool = False
    fake_error: str | None = None
    """Set when the fake itself crashed handling the request (answered 400)."""

    def __str__(self) -> str:
        flags = " UNKNOWN" if self.unknown else ""
        flags += " FAULT" if self.injected_fault else ""
        flags += f" FAKE-ERROR({self.fake_error})" if self.fake_error else ""
        return f"{self.method} {self.path} -> {self.status}{flags}"


@dataclass
class GatewayFrame:
    direction: Literal["recv", "send"]
    """"recv": sent by the bot to the fake; "send": sent by the fake to the bot."""
    op: int
    t: str | None
    s: int | None
    d: Any
    connection: int
    shard: int | None = None
    """The shard of the connection's session (None before IDENTIFY or RESUME)."""
    at: float = field(default_factory=time.monotonic)

    def __str__(self) -> str:
        return (
            f"{self.direction} op={self.op} t={self.t} s={self.s} conn={self.connection} "
            f"shard={self.shard}"
        )


@dataclass
class MessageEvent:
    kind: Literal["create", "edit", "delete"]
    message: JSON
    source: Literal["channel", "interaction", "webhook"]

    def __str__(self) -> str:
        content = str(self.message.get("content", ""))[:60]
        return f"{self.kind} via {self.source}: {content!r}"


@dataclass
class Fault:
    method: str
    pattern: re.Pattern[str]
    status: int
    retry_after: float
    remaining: int
    via: bool
    is_global: bool
    hits: int = 0


@dataclass(eq=False)
class FakeInteraction:
    id: int
    token: str
    type: int
    user: FakeUser
    channel_id: int
    guild_id: int | None
    payload: JSON
    """The INTERACTION_CREATE ``d`` payload that was dispatched."""
    message_id: int | None = None
    """For component / modal-from-component interactions: the message the component is on."""
    response_type: int | None = None
    response_data: JSON | None = None
    original_message_id: int | None = None
    followup_ids: list[int] = field(default_factory=list)

    @property
    def callback_path(self) -> str:
        return f"/interactions/{self.id}/{self.token}/callback"


class _WaitableLog(Generic[T]):
    """A list plus ``wait_for``: items that arrived before the wait are matched too.

    Each item can be *consumed* by at most one consuming waiter, so two sequential waits with
    the same predicate get two different items.
    """

    def __init__(self, describe: Callable[[T], str] = str) -> None:
        self.items: list[T] = []
        self._consumed: set[int] = set()
        self._waiters: list[tuple[Callable[[T], bool], bool, asyncio.Future[T]]] = []
        self._describe = describe

    @staticmethod
    def _safe(predicate: Callable[[T], bool], item: T) -> bool:
        try:
            return bool(predicate(item))
        except (KeyError, TypeError, AttributeError, IndexError, ValueError):
            return False

    def append(self, item: T) -> None:
        index = len(self.items)
        self.items.append(item)
        for waiter in list(self._waiters):
            predicate, consume, future = waiter
            if future.done() or not self._safe(predicate, item):
                continue
            future.set_result(item)
            self._waiters.remove(waiter)
            if consume:
                self._consumed.add(index)
                return

    async def wait_for(
        self,
        predicate: Callable[[T], bool],
        *,
        timeout: float,  # noqa: ASYNC109
        consume: bool,
        what: str,
    ) -> T:
        for index, item in enumerate(self.items):
            if index not in self._consumed and self._safe(predicate, item):
                if consume:
                    self._consumed.add(index)
                return item
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        waiter = (predicate, consume, future)
        self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            recent = "\n  ".join(self._describe(i) for i in self.items[-15:]) or "(nothing)"
            raise TimeoutError(
                f"timed out after {timeout}s waiting for {what}; last recorded:\n  {recent}"
            ) from None
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)


class ApiError(Exception):
    """Raised inside route handlers to answer with a Discord-style error body."""

    def __init__(self, status: int, code: int, message: str, errors: JSON | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.payload: JSON = {"message": message, "code": code}
        if errors is not None:
            self.payload["errors"] = errors


def _unknown(what: str, code: int) -> ApiError:
    return ApiError(404, code, f"Unknown {what}")


def _form_error(path: str, code: str, message: str) -> ApiError:
    errors: JSON = {}
    node = errors
    parts = path.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = {"_errors": [{"code": code, "message": message}]}
    return ApiError(400, 50035, "Invalid Form Body", errors)


def iter_components(components: Iterable[JSON]) -> Iterator[JSON]:
    """Yield every component in a (possibly nested) component tree, depth first."""
    for component in components:
        yield component
        yield from iter_components(component.get("components", []))
        if isinstance(component.get("component"), dict):
            yield from iter_components([component["component"]])
        if isinstance(component.get("accessory"), dict):
            yield from iter_components([component["accessory"]])


def find_component(
    message: JSON, *, label: str | None = None, custom_id: str | None = None
) -> JSON:
    """Find a component (button, select...) in a message payload by label or custom_id."""
    for component in iter_components(message.get("components", [])):
        if label is not None and component.get("label") == label:
            return component
        if custom_id is not None and component.get("custom_id") == custom_id:
            return component
    raise KeyError(f"no component with label={label!r} custom_id={custom_id!r} in message")


RouteHandler = Callable[[RecordedRequest, "re.Match[str]"], tuple[int, Any]]


@dataclass
class _Session:
    """One identified gateway session: its shard ``(id, count)`` ((0, 1) when the bot did not
    shard), intents and sequence; a RESUME carries it to a new connection."""

    id: str
    shard: tuple[int, int]
    intents: int
    seq: int = 0

    def carries(self, guild_id: int | None) -> bool:
        return shard_of(guild_id, self.shard[1]) == self.shard[0]


@dataclass
class _GatewayConnection:
    number: int
    ws: web.WebSocketResponse
    request: web.Request
    path: str
    query: dict[str, str]
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    live: bool = False
    closing: bool = False
    session: _Session | None = None


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------


class FakeDiscordServer:
    """Fake Discord REST API + gateway for end-to-end tests (see the module docstring)."""

    def __init__(
        self,
        *,
        bot_name: str = "newsdesk",
        token: str | None = None,
        heartbeat_interval_ms: int = 41_250,
        echo_bot_messages: bool = False,
        shard_count: int = 1,
        max_concurrency: int = 1,
    ) -> None:
        self.next_id = SnowflakeFactory()
        self.token = token
        """If set, REST calls and IDENTIFY must use it (else 401 / close 4004)."""
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.echo_bot_messages = echo_bot_messages
        """Dispatch MESSAGE_CREATE for the bot's own messages, as real Discord does."""
        self.shard_count = shard_count
        """The shard count GET /gateway/bot recommends."""
        self.max_concurrency = max_concurrency
        """IDENTIFY buckets, in GET /gateway/bot's session_start_limit."""

        self.users: dict[int, FakeUser] = {}
        self.guilds: dict[int, FakeGuild] = {}
        self.channels: dict[int, FakeChannel] = {}
        self.messages: dict[int, JSON] = {}
        self.bot_user = self.add_user(bot_name, bot=True)
        self.application_id = self.bot_user.id
        self.app_owner = self.add_user(f"{bot_name}-owner")

        self.global_commands: list[JSON] = []
        self.guild_commands: dict[int, list[JSON]] = {}
        self.interactions: dict[int, FakeInteraction] = {}
        self._interactions_by_token: dict[str, FakeInteraction] = {}
        self.modals: dict[str, tuple[JSON, FakeInteraction]] = {}
        self.attachments: dict[int, RecordedFile] = {}
        self.reactions: list[tuple[str, int, int, str]] = []
        """(action "add"/"remove", channel_id, message_id, emoji) for the bot's reactions."""
        self._dm_channels: dict[int, FakeChannel] = {}

        self._requests: _WaitableLog[RecordedRequest] = _WaitableLog()
        self._gateway: _WaitableLog[GatewayFrame] = _WaitableLog()
        self._bot_messages: _WaitableLog[MessageEvent] = _WaitableLog()
        self._faults: list[Fault] = []
        self.fake_errors: list[RecordedRequest] = []
        """Requests the fake crashed on; tests should assert this stays empty."""

        self.identify_count = 0
        self.resume_count = 0
        self.heartbeat_count = 0
        self.identify_payloads: list[JSON] = []
        self.gateway_connections: list[str] = []
        """Path + query of every gateway connection, in order."""
        self.session_id: str | None = None
        """The newest session's id."""
        self.intents = 0
        """The newest IDENTIFY's intents."""
        self._sessions: dict[str, _Session] = {}
        self._connections: list[_GatewayConnection] = []
        self._live_changed = asyncio.Condition()
        self._tasks: set[asyncio.Task[Any]] = set()

        self._runner: web.AppRunner | None = None
        self.port = 0
        self._routes: list[tuple[str, re.Pattern[str], RouteHandler]] = []
        self._register_routes()

    # ---------------------------------------------------------------- lifecycle / addresses

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway_handler)
        app.router.add_get("/resume-gateway", self._gateway_handler)
        app.router.add_get("/attachments/{aid}/{filename}", self._attachment_handler)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest_handler)
        app.router.add_route("*", "/{tail:.*}", self._rest_handler)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for conn in list(self._connections):
            conn.closing = True
            with contextlib.suppress(Exception):
                await conn.ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscordServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        """Value for ``discord.http.Route.BASE``."""
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> yarl.URL:
        """Value for ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``."""
        return yarl.URL(f"ws://127.0.0.1:{self.port}/gateway")

    @property
    def resume_gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/resume-gateway"

    # ---------------------------------------------------------------- world building

    def add_user(self, name: str, *, bot: bool = False, global_name: str | None = None) -> FakeUser:
        user = FakeUser(id=self.next_id(), name=name, bot=bot, global_name=global_name)
        self.users[user.id] = user
        return user

    def add_guild(
        self,
        name: str = "Test Guild",
        *,
        channels: Sequence[str] = ("general",),
        owner: FakeUser | None = None,
        shard: tuple[int, int] | None = None,
    ) -> FakeGuild:
        """Create a guild with @everyone, "Moderator", the bot's managed role, text channels,
        the owner and the bot as members. Configure guilds before the bot connects.

        ``shard=(id, count)`` picks an id whose events go to that shard of a bot sharded
        ``count`` ways."""
        owner = owner or self.add_user("guild-owner")
        guild_id = self.next_id.on_shard(*shard) if shard else self.next_id()
        guild = FakeGuild(id=guild_id, name=name, owner_id=owner.id)
        guild.roles.append(
            FakeRole(id=guild.id, name="@everyone", permissions=DEFAULT_EVERYONE_PERMISSIONS)
        )
        self.add_role(guild, "Moderator", MODERATOR_PERMISSIONS, hoist=True, mentionable=True)
        bot_role = self.add_role(guild, self.bot_user.name, BOT_ROLE_PERMISSIONS)
        bot_role.managed = True
        bot_role.tags = {"bot_id": str(self.bot_user.id)}
        self.guilds[guild.id] = guild
        for channel_name in channels:
            self.add_channel(guild, channel_name)
        self.add_member(guild, owner)
        self.add_member(guild, self.bot_user, roles=[bot_role])
        return guild

    def add_role(
        self,
        guild: FakeGuild,
        name: str,
        permissions: int = DEFAULT_EVERYONE_PERMISSIONS,
        *,
        hoist: bool = False,
        mentionable: bool = False,
    ) -> FakeRole:
        role = FakeRole(
            id=self.next_id(),
            name=name,
            permissions=permissions,
            position=len(guild.roles),
            hoist=hoist,
            mentionable=mentionable,
        )
        guild.roles.append(role)
        return role

    def add_channel(self, guild: FakeGuild, name: str, *, topic: str | None = None) -> FakeChannel:
        channel = FakeChannel(
            id=self.next_id(),
            name=name,
            type=CHANNEL_GUILD_TEXT,
            guild_id=guild.id,
            position=len(guild.channels),
            topic=topic,
        )
        guild.channels.append(channel)
        self.channels[channel.id] = channel
        return channel

    def add_member(
        self,
        guild: FakeGuild,
        user: FakeUser,
        *,
        roles: Sequence[FakeRole | int | str] = (),
        nick: str | None = None,
    ) -> FakeMember:
        role_ids = [self._role_id(guild, r) for r in roles]
        member = FakeMember(user=user, roles=role_ids, nick=nick)
        guild.members[user.id] = member
        return member

    def dm_channel(self, user: FakeUser) -> FakeChannel:
        """The (bot <-> user) DM channel, created on first use."""
        channel = self._dm_channels.get(user.id)
        if channel is None:
            channel = FakeChannel(id=self.next_id(), name="", type=CHANNEL_DM, recipients=[user])
            self._dm_channels[user.id] = channel
            self.channels[channel.id] = channel
        return channel

    @staticmethod
    def _role_id(guild: FakeGuild, role: FakeRole | int | str) -> int:
        if isinstance(role, FakeRole):
            return role.id
        if isinstance(role, str):
            return guild.role(role).id
        return role

    def _guild_of(self, guild: FakeGuild | int | None) -> FakeGuild | None:
        if guild is None:
            return None
        guild_id = guild.id if isinstance(guild, FakeGuild) else guild
        try:
            return self.guilds[guild_id]
        except KeyError:
            raise KeyError(f"unknown guild id {guild_id}") from None

    def _channel_of(self, channel: FakeChannel | int) -> FakeChannel:
        channel_id = channel.id if isinstance(channel, FakeChannel) else channel
        try:
            return self.channels[channel_id]
        except KeyError:
            raise KeyError(f"unknown channel id {channel_id}") from None

    def _ensure_member(self, guild: FakeGuild, user: FakeUser) -> FakeMember:
        member = guild.members.get(user.id)
        if member is None:
            member = self.add_member(guild, user)
        return member

    # ---------------------------------------------------------------- recording API

    @property
    def requests(self) -> list[RecordedRequest]:
        return self._requests.items

    @property
    def unknown_requests(self) -> list[RecordedRequest]:
        return [r for r in self._requests.items if r.unknown]

    @property
    def gateway_frames(self) -> list[GatewayFrame]:
        return self._gateway.items

    @property
    def bot_message_events(self) -> list[MessageEvent]:
        return self._bot_messages.items

    def requests_matching(
        self, method: str | None = None, path: str | re.Pattern[str] | None = None
    ) -> list[RecordedRequest]:
        return [r for r in self._requests.items if self._request_matches(r, method, path)]

    @staticmethod
    def _request_matches(
        request: RecordedRequest, method: str | None, path: str | re.Pattern[str] | None
    ) -> bool:
        if method is not None and request.method != method.upper():
            return False
        return path is None or re.fullmatch(path, request.path) is not None

    async def wait_for_request(
        self,
        predicate: Callable[[RecordedRequest], bool] | None = None,
        *,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        timeout: float = WAIT_SECONDS,  # noqa: ASYNC109
        consume: bool = True,
        include_faults: bool = False,
    ) -> RecordedRequest:
        """Return the first unconsumed recorded request matching ``method``, ``path`` (regex,
        full match against the path relative to ``/api/v10``) and ``predicate``, waiting up to
        ``timeout`` seconds. Predicates raising KeyError/TypeError/... count as "no match"."""

        def match(request: RecordedRequest) -> bool:
            if request.injected_fault and not include_faults:
                return False
            if not self._request_matches(request, method, path):
                return False
            return predicate is None or predicate(request)

        what = f"request method={method} path={path} predicate={predicate}"
        return await self._requests.wait_for(match, timeout=timeout, consume=consume, what=what)

    async def wait_for_callback(
        self,
        interaction: FakeInteraction,
        *,
        timeout: float = WAIT_SECONDS,  # noqa: ASYNC109
    ) -> RecordedRequest:
        """Wait for the bot's POST /interactions/{id}/{token}/callback for ``interaction``."""
        return await self.wait_for_request(
            method="POST", path=re.escape(interaction.callback_path), timeout=timeout
        )

    async def wait_for_bot_message(
        self,
        predicate: Callable[[JSON], bool] | None = None,
        *,
        content: str | None = None,
        channel_id: FakeChannel | int | None = None,
        include_edits: bool = True,
        timeout: float = WAIT_SECONDS,  # noqa: ASYNC109
    ) -> JSON:
        """Wait until the bot creates (or edits, e.g. a deferred ``@original``) a message,
        however it was sent (channel message, interaction response, follow-up)."""
        wanted_channel = channel_id.id if isinstance(channel_id, FakeChannel) else channel_id

        def match(event: MessageEvent) -> bool:
            if event.kind == "delete" or (event.kind == "edit" and not include_edits):
                return False
            message = event.message
            if wanted_channel is not None and message["channel_id"] != str(wanted_channel):
                return False
            if content is not None and message.get("content") != content:
                return False
            return predicate is None or predicate(message)

        what = f"bot message content={content!r} channel={wanted_channel}"
        event = await self._bot_messages.wait_for(match, timeout=timeout, consume=True, what=what)
        return event.message

    async def wait_for_gateway(
        self,
        predicate: Callable[[GatewayFrame], bool],
        *,
        timeout: float = WAIT_SECONDS,  # noqa: ASYNC109
        consume: bool = True,
    ) -> GatewayFrame:
        """Wait for a gateway frame (either direction) matching ``predicate``."""
        return await self._gateway.wait_for(
            predicate, timeout=timeout, consume=consume, what="gateway frame"
        )

    # ---------------------------------------------------------------- fault injection

    def fail_next(
        self,
        method: str,
        path_pattern: str | re.Pattern[str],
        status: int = 429,
        retry_after: float = 0.1,
        times: int = 1,
        via: bool = True,
        is_global: bool = False,
    ) -> Fault:
        """Make the next ``times`` requests matching ``method`` and ``path_pattern`` (regex, full
        match on the path relative to /api/v10) fail with ``status``.

        For 429 the body carries ``retry_after``; with ``via=True`` a ``Via: 1.1 google`` header
        is sent, which discord.py requires before it honours retry_after and retries (without it
        the 429 is treated as a Cloudflare ban and raised). 500/502/504 are retried by discord.py
        after sleeping 1 + 2*attempt seconds."""
        fault = Fault(
            method=method.upper(),
            pattern=re.compile(path_pattern),
            status=status,
            retry_after=retry_after,
            remaining=times,
            via=via,
            is_global=is_global,
        )
        self._faults.append(fault)
        return fault

    def _take_fault(self, method: str, path: str) -> Fault | None:
        for fault in self._faults:
            if fault.remaining > 0 and fault.method == method and fault.pattern.fullmatch(path):
                fault.remaining -= 1
                fault.hits += 1
                return fault
        return None

    @staticmethod
    def _fault_response(fault: Fault) -> web.Response:
        headers: dict[str, str] = {}
        if fault.status == 429:
            body: Any = {
                "message": "You are being rate limited.",
                "retry_after": fault.retry_after,
                "global": fault.is_global,
            }
            headers["Retry-After"] = str(max(1, round(fault.retry_after)))
            headers["X-RateLimit-Scope"] = "global" if fault.is_global else "user"
            if fault.is_global:
                headers["X-RateLimit-Global"] = "true"
        else:
            body = {"message": f"{fault.status}: Internal Server Error", "code": 0}
        if fault.via:
            headers["Via"] = "1.1 google"
        return FakeDiscordServer._json_response(fault.status, body, headers)

    # ---------------------------------------------------------------- HTTP plumbing

    @staticmethod
    def _json_response(
        status: int, payload: Any, headers: Mapping[str, str] | None = None
    ) -> web.Response:
        if status == 204 or payload is None:
            return web.Response(status=204, headers=headers)
        # NB: web.Response(text=...) / web.json_response add "; charset=utf-8", and
        # discord.http.json_or_text only parses JSON when Content-Type is exactly
        # "application/json" -- so send bytes with an explicit content type.
        return web.Response(
            status=status,
            body=json.dumps(payload).encode(),
            content_type="application/json",
            headers=headers,
        )

    async def _read_body(self, request: web.Request) -> tuple[Any, list[RecordedFile]]:
        if not request.can_read_body:
            return None, []
        if request.content_type == "multipart/form-data":
            form = await request.post()
            payload: Any = None
            files: list[RecordedFile] = []
            for name, value in form.items():
                if isinstance(value, web.FileField):
                    files.append(
                        RecordedFile(
                            field_name=name,
                            filename=value.filename,
                            content_type=value.content_type,
                            data=value.file.read(),
                        )
                    )
                elif name == "payload_json":
                    payload = json.loads(str(value))
            return payload, files
        text = await request.text()
        if not text:
            return None, []
        try:
            return json.loads(text), []
        except json.JSONDecodeError:
            return text, []

    async def _rest_handler(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path.startswith(API_PREFIX):
            path = path[len(API_PREFIX) :] or "/"
        body, files = await self._read_body(request)
        record = RecordedRequest(
            method=request.method,
            path=path,
            query=dict(request.query),
            json=body,
            headers=dict(request.headers),
            files=files,
        )
        fault = self._take_fault(record.method, path)
        if fault is not None:
            response = self._fault_response(fault)
            record.status = fault.status
            record.injected_fault = True
            self._requests.append(record)
            return response

        status, payload = self._route(record)
        record.status = status
        record.response = payload
        self._requests.append(record)
        return self._json_response(status, payload)

    def _route(self, record: RecordedRequest) -> tuple[int, Any]:
        path_matched = False
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(record.path)
            if match is None:
                continue
            path_matched = True
            if method != record.method:
                continue
            if self.token is not None and not self._authorized(record):
                return 401, {"message": "401: Unauthorized", "code": 0}
            try:
                return handler(record, match)
            except ApiError as exc:
                return exc.status, exc.payload
            except Exception as exc:
                # A bug in the fake (or a payload it cannot handle). Answer 400, not 500:
                # discord.py retries 5xx with 1 + 2n second sleeps, which would stall tests.
                record.fake_error = f"{type(exc).__name__}: {exc}"
                self.fake_errors.append(record)
                return 400, {"message": f"fake-discord error: {record.fake_error}", "code": 0}
        record.unknown = True
        if path_matched:
            return 405, {"message": "405: Method Not Allowed", "code": 0}
        return 404, {"message": "404: Not Found", "code": 0}

    def _authorized(self, record: RecordedRequest) -> bool:
        if record.path.startswith(("/interactions/", "/webhooks/")):
            return True  # interaction/webhook tokens are the credentials here
        return record.headers.get("Authorization") == f"Bot {self.token}"

    def _register_routes(self) -> None:
        app = r"(?P<app>\d+)"
        gid = r"(?P<gid>\d+)"
        cid = r"(?P<cid>\d+)"
        mid = r"(?P<mid>\d+)"
        token = r"(?P<token>[^/]+)"
        add = self._add_route
        add("GET", r"/users/@me", lambda r, m: (200, self._private_user_payload()))
        add("GET", r"/users/(?P<uid>\d+)", self._get_user)
        add("POST", r"/users/@me/channels", self._create_dm)
        add("GET", r"/oauth2/applications/@me", lambda r, m: (200, self._application_payload()))
        add("GET", r"/applications/@me", lambda r, m: (200, self._application_payload()))
        add("GET", r"/gateway", lambda r, m: (200, {"url": str(self.gateway_url)}))
        add("GET", r"/gateway/bot", self._gateway_bot)
        add("GET", rf"/applications/{app}/commands", self._get_commands)
        add("PUT", rf"/applications/{app}/commands", self._put_commands)
        add("POST", rf"/applications/{app}/commands", self._post_command)
        add("GET", rf"/applications/{app}/guilds/{gid}/commands", self._get_commands)
        add("PUT", rf"/applications/{app}/guilds/{gid}/commands", self._put_commands)
        add("POST", rf"/applications/{app}/guilds/{gid}/commands", self._post_command)
        add("GET", rf"/channels/{cid}", self._get_channel)
        add("GET", rf"/channels/{cid}/messages", self._get_messages)
        add("POST", rf"/channels/{cid}/messages", self._post_message)
        add("GET", rf"/channels/{cid}/messages/{mid}", self._get_message)
        add("PATCH", rf"/channels/{cid}/messages/{mid}", self._patch_message)
        add("DELETE", rf"/channels/{cid}/messages/{mid}", self._delete_message)
        reactions = rf"/channels/{cid}/messages/{mid}/reactions"
        add("PUT", reactions + r"/(?P<emoji>[^/]+)/@me", self._put_reaction)
        add("DELETE", reactions + r"/(?P<emoji>[^/]+)/(?P<who>@me|\d+)", self._delete_reaction)
        add("DELETE", reactions + r"(?:/(?P<emoji>[^/]+))?", self._delete_reaction)
        add("POST", rf"/channels/{cid}/typing", lambda r, m: self._typing(m))
        add("GET", rf"/guilds/{gid}", self._get_guild)
        add("GET", rf"/guilds/{gid}/channels", self._get_guild_channels)
        add("GET", rf"/guilds/{gid}/roles", self._get_guild_roles)
        add("GET", rf"/guilds/{gid}/members", self._get_guild_members)
        add("GET", rf"/guilds/{gid}/members/(?P<uid>\d+)", self._get_guild_member)
        add("POST", r"/interactions/(?P<iid>\d+)/" + token + "/callback", self._callback)
        add("POST", rf"/webhooks/{app}/{token}", self._webhook_execute)
        webhook_message = rf"/webhooks/{app}/{token}/messages/(?P<mid>\d+|@original)"
        add("GET", webhook_message, self._webhook_get)
        add("PATCH", webhook_message, self._webhook_edit)
        add("DELETE", webhook_message, self._webhook_delete)

    def _add_route(self, method: str, pattern: str, handler: RouteHandler) -> None:
        self._routes.append((method, re.compile(pattern), handler))

    async def _attachment_handler(self, request: web.Request) -> web.StreamResponse:
        stored = self.attachments.get(int(request.match_info["aid"]))
        if stored is None:
            return web.Response(status=404)
        return web.Response(body=stored.data, content_type=stored.content_type)

    # ---------------------------------------------------------------- payload builders

    def _private_user_payload(self) -> JSON:
        payload = self.bot_user.to_payload()
        payload.update({"mfa_enabled": False, "locale": "en-US", "verified": True, "email": None})
        return payload

    def _application_payload(self) -> JSON:
        return {
            "id": str(self.application_id),
            "name": self.bot_user.name,
            "icon": None,
            "description": "",
            "summary": "",
            "type": None,
            "hook": True,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "owner": self.app_owner.to_payload(),
            "team": None,
            "flags": (1 << 15) | (1 << 19) | (1 << 23),
            "bot": self.bot_user.to_payload(),
            "interactions_endpoint_url": None,
            "redirect_uris": [],
            "tags": [],
            "approximate_guild_count": len(self.guilds),
            "integration_types_config": {"0": {}},
        }

    def _guild_payload(self, guild: FakeGuild, *, gateway: bool) -> JSON:
        payload: JSON = {
            "id": str(guild.id),
            "name": guild.name,
            "icon": None,
            "icon_hash": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": str(guild.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "widget_enabled": False,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [r.to_payload() for r in guild.roles],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": str(guild.text_channel.id) if guild.channels else None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "max_members": 500_000,
            "max_presences": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": False,
            "preferred_locale": "en-US",
            "nsfw_level": 0,
            "nsfw": False,
        }
        if gateway:
            payload.update(
                {
                    "joined_at": guild.members[self.bot_user.id].joined_at,
                    "large": False,
                    "unavailable": False,
                    "member_count": len(guild.members),
                    "members": [m.to_payload() for m in guild.members.values()],
                    "channels": [c.to_payload() for c in guild.channels],
                    "threads": [],
                    "presences": [],
                    "voice_states": [],
                    "stage_instances": [],
                    "guild_scheduled_events": [],
                    "soundboard_sounds": [],
                }
            )
        return payload

    def _member_payload(
        self, guild: FakeGuild, user: FakeUser, *, roles: Sequence[int] | None = None
    ) -> JSON:
        return self._ensure_member(guild, user).to_payload(roles=roles)

    def _mentions(self, content: str, guild: FakeGuild | None) -> tuple[list[JSON], list[str]]:
        mentions: list[JSON] = []
        seen: set[int] = set()
        for raw in _MENTION_USER_RE.findall(content):
            user = self.users.get(int(raw))
            if user is None or user.id in seen:
                continue
            seen.add(user.id)
            payload = user.to_payload()
            if guild is not None and user.id in guild.members:
                payload["member"] = guild.members[user.id].to_payload(with_user=False)
            mentions.append(payload)
        role_ids: list[str] = []
        if guild is not None:
            known = {r.id for r in guild.roles}
            role_ids = [r for r in _MENTION_ROLE_RE.findall(content) if int(r) in known]
        return mentions, role_ids

    def _build_message(
        self,
        channel: FakeChannel,
        author: FakeUser,
        body: JSON,
        *,
        files: Sequence[RecordedFile] = (),
        message_type: int = 0,
        webhook_id: int | None = None,
        interaction: FakeInteraction | None = None,
        flags: int | None = None,
    ) -> JSON:
        guild = self.guilds.get(channel.guild_id) if channel.guild_id else None
        content = str(body.get("content") or "")
        mentions, mention_roles = self._mentions(content, guild)
        message_id = self.next_id()
        message: JSON = {
            "id": str(message_id),
            "channel_id": str(channel.id),
            "type": message_type,
            "author": author.to_payload(),
            "content": content,
            "timestamp": _snowflake_time_iso(message_id),
            "edited_timestamp": None,
            "tts": bool(body.get("tts", False)),
            "mention_everyone": "@everyone" in content or "@here" in content,
            "mentions": mentions,
            "mention_roles": mention_roles,
            "mention_channels": [],
            "attachments": self._attachments(files, body),
            "embeds": [self._normalise_embed(e) for e in body.get("embeds") or []],
            "reactions": [],
            "pinned": False,
            "flags": int(body.get("flags") or 0) if flags is None else flags,
            "components": list(body.get("components") or []),
            "sticker_items": [],
        }
        if body.get("nonce") is not None:
            message["nonce"] = body["nonce"]
        if body.get("poll") is not None:
            message["poll"] = body["poll"]
        if webhook_id is not None:
            message["webhook_id"] = str(webhook_id)
            message["application_id"] = str(self.application_id)
        if interaction is not None:
            metadata: JSON = {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": interaction.user.to_payload(),
                "authorizing_integration_owners": interaction.payload.get(
                    "authorizing_integration_owners", {}
                ),
            }
            if interaction.type == INTERACTION_APPLICATION_COMMAND:
                metadata["name"] = interaction.payload["data"]["name"]
                metadata["command_type"] = interaction.payload["data"].get("type", 1)
            if interaction.message_id is not None:
                metadata["interacted_message_id"] = str(interaction.message_id)
            message["interaction_metadata"] = metadata
        reference = body.get("message_reference")
        if isinstance(reference, dict) and reference.get("message_id"):
            ref_id = int(reference["message_id"])
            message["message_reference"] = {
                "type": 0,
                "message_id": str(ref_id),
                "channel_id": str(reference.get("channel_id") or channel.id),
            }
            if guild is not None:
                message["message_reference"]["guild_id"] = str(guild.id)
            referenced = self.messages.get(ref_id)
            if referenced is None and reference.get("fail_if_not_exists", True):
                raise _form_error("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message")
            message["referenced_message"] = referenced
            message["type"] = 19 if message_type == 0 else message_type
        return message

    def _attachments(self, files: Sequence[RecordedFile], body: JSON) -> list[JSON]:
        described = {
            str(a.get("id")): a for a in body.get("attachments") or [] if isinstance(a, dict)
        }
        result: list[JSON] = []
        for index, file in enumerate(files):
            attachment_id = self.next_id()
            self.attachments[attachment_id] = file
            url = f"{self.base_url}/attachments/{attachment_id}/{file.filename}"
            description = described.get(str(index), {})
            result.append(
                {
                    "id": str(attachment_id),
                    "filename": file.filename,
                    "size": len(file.data),
                    "url": url,
                    "proxy_url": url,
                    "content_type": file.content_type,
                    "description": description.get("description"),
                    "ephemeral": False,
                }
            )
        return result

    @staticmethod
    def _normalise_embed(embed: JSON) -> JSON:
        result = dict(embed)
        result.setdefault("type", "rich")
        return result

    @staticmethod
    def _validate_message_body(body: JSON, *, has_files: bool, is_edit: bool = False) -> None:
        content = body.get("content")
        embeds = body.get("embeds") or []
        if content is not None and len(str(content)) > 2000:
            raise _form_error("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.")
        if len(embeds) > 10:
            raise _form_error("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
        total = 0
        limits = {"title": 256, "description": 4096}
        for index, embed in enumerate(embeds):
            for key, limit in limits.items():
                value = str(embed.get(key) or "")
                total += len(value)
                if len(value) > limit:
                    raise _form_error(
                        f"embeds.{index}.{key}",
                        "BASE_TYPE_MAX_LENGTH",
                        f"Must be {limit} or fewer in length.",
                    )
            fields = embed.get("fields") or []
            if len(fields) > 25:
                raise _form_error(
                    f"embeds.{index}.fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer."
                )
            for f_index, embed_field in enumerate(fields):
                for key, limit in (("name", 256), ("value", 1024)):
                    value = str(embed_field.get(key) or "")
                    total += len(value)
                    if not value or len(value) > limit:
                        raise _form_error(
                            f"embeds.{index}.fields.{f_index}.{key}",
                            "BASE_TYPE_BAD_LENGTH",
                            f"Must be between 1 and {limit} in length.",
                        )
            total += len(str((embed.get("footer") or {}).get("text") or ""))
            total += len(str((embed.get("author") or {}).get("name") or ""))
        if total > 6000:
            raise _form_error("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum")
        empty = not content and not embeds and not body.get("components") and not body.get("poll")
        if empty and not has_files and not is_edit:
            raise ApiError(400, 50006, "Cannot send an empty message")

    def _apply_edit(self, message: JSON, body: JSON, files: Sequence[RecordedFile]) -> JSON:
        self._validate_message_body(body, has_files=bool(files), is_edit=True)
        channel = self.channels.get(int(message["channel_id"]))
        guild = self.guilds.get(channel.guild_id) if channel and channel.guild_id else None
        if "content" in body:
            message["content"] = str(body["content"] or "")
            message["mentions"], message["mention_roles"] = self._mentions(
                message["content"], guild
            )
        if "embeds" in body:
            message["embeds"] = [self._normalise_embed(e) for e in body["embeds"] or []]
        if "components" in body:
            message["components"] = list(body["components"] or [])
        if "attachments" in body or files:
            kept_ids = {str(a.get("id")) for a in body.get("attachments") or []}
            kept = [a for a in message["attachments"] if a["id"] in kept_ids]
            message["attachments"] = kept + self._attachments(files, body)
        if "flags" in body and body["flags"] is not None:
            # only SUPPRESS_EMBEDS (1 << 2) is editable; keep the rest
            message["flags"] = (message["flags"] & ~4) | (int(body["flags"]) & 4)
        message["flags"] &= ~MESSAGE_FLAG_LOADING
        message["edited_timestamp"] = _now_iso()
        return message

    def _store_bot_message(
        self,
        message: JSON,
        source: Literal["channel", "interaction", "webhook"],
        kind: Literal["create", "edit", "delete"] = "create",
    ) -> None:
        message_id = int(message["id"])
        if kind == "delete":
            self.messages.pop(message_id, None)
        else:
            self.messages[message_id] = message
            if kind == "create":
                channel = self.channels.get(int(message["channel_id"]))
                if channel is not None:
                    channel.last_message_id = message_id
        self._bot_messages.append(
            MessageEvent(kind=kind, message=json.loads(json.dumps(message)), source=source)
        )
        if self.echo_bot_messages and kind == "create" and not message["flags"] & 64:
            self._spawn(self._echo(message))

    async def _echo(self, message: JSON) -> None:
        if not self.connected:
            return
        payload = dict(message)
        channel = self.channels.get(int(message["channel_id"]))
        if channel is not None and channel.guild_id is not None:
            guild = self.guilds[channel.guild_id]
            payload["guild_id"] = str(guild.id)
            if message.get("webhook_id") is None:
                member = guild.members.get(self.bot_user.id)
                if member is not None:
                    payload["member"] = member.to_payload(with_user=False)
        await self.dispatch("MESSAGE_CREATE", payload)

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # ---------------------------------------------------------------- REST handlers

    def _get_user(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        user = self.users.get(int(m["uid"]))
        if user is None:
            raise _unknown("User", 10013)
        return 200, user.to_payload()

    def _create_dm(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        recipient = (record.json or {}).get("recipient_id")
        user = self.users.get(int(recipient)) if recipient is not None else None
        if user is None:
            raise _unknown("User", 10013)
        return 200, self.dm_channel(user).to_payload()

    def _gateway_bot(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        limit = {
            "total": 1000,
            "remaining": 999,
            "reset_after": 0,
            "max_concurrency": self.max_concurrency,
        }
        return 200, {
            "url": str(self.gateway_url),
            "shards": self.shard_count,
            "session_start_limit": limit,
        }

    def _check_app(self, m: re.Match[str]) -> None:
        if int(m["app"]) != self.application_id:
            raise _unknown("Application", 10002)

    def _command_bucket(self, m: re.Match[str]) -> list[JSON]:
        self._check_app(m)
        gid = m.groupdict().get("gid")
        if gid is None:
            return self.global_commands
        if int(gid) not in self.guilds:
            raise ApiError(403, 50001, "Missing Access")
        return self.guild_commands.setdefault(int(gid), [])

    def _command_payload(self, body: JSON, guild_id: str | None, existing: JSON | None) -> JSON:
        command = dict(body)
        command["id"] = existing["id"] if existing else str(self.next_id())
        command["application_id"] = str(self.application_id)
        command["version"] = str(self.next_id())
        command.setdefault("type", 1)
        command.setdefault("description", "")
        command.setdefault("default_member_permissions", None)
        command.setdefault("nsfw", False)
        if guild_id is not None:
            command["guild_id"] = guild_id
        return command

    def _get_commands(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        return 200, self._command_bucket(m)

    def _put_commands(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        bucket = self._command_bucket(m)
        body = record.json or []
        if not isinstance(body, list):
            raise _form_error("_root", "BASE_TYPE_ARRAY", "Must be an array")
        by_name = {(c["name"], c.get("type", 1)): c for c in bucket}
        new = [
            self._command_payload(
                c, m.groupdict().get("gid"), by_name.get((c["name"], c.get("type", 1)))
            )
            for c in body
        ]
        bucket[:] = new
        return 200, new

    def _post_command(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        bucket = self._command_bucket(m)
        body = record.json or {}
        key = (body.get("name"), body.get("type", 1))
        existing = next((c for c in bucket if (c["name"], c.get("type", 1)) == key), None)
        command = self._command_payload(body, m.groupdict().get("gid"), existing)
        if existing is not None:
            bucket[bucket.index(existing)] = command
            return 200, command
        bucket.append(command)
        return 201, command

    def _channel(self, m: re.Match[str]) -> FakeChannel:
        channel = self.channels.get(int(m["cid"]))
        if channel is None:
            raise _unknown("Channel", 10003)
        return channel

    def _message(self, m: re.Match[str]) -> JSON:
        channel = self._channel(m)
        message = self.messages.get(int(m["mid"]))
        if message is None or message["channel_id"] != str(channel.id):
            raise _unknown("Message", 10008)
        return message

    def _get_channel(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        return 200, self._channel(m).to_payload()

    def _get_messages(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        channel = self._channel(m)
        limit = int(record.query.get("limit", 50))
        before = int(record.query["before"]) if "before" in record.query else None
        after = int(record.query["after"]) if "after" in record.query else None
        found = [
            msg
            for mid, msg in sorted(self.messages.items(), reverse=True)
            if msg["channel_id"] == str(channel.id)
            and not msg["flags"] & MESSAGE_FLAG_EPHEMERAL
            and (before is None or mid < before)
            and (after is None or mid > after)
        ]
        if after is not None and before is None:
            found = list(reversed(found))[:limit][::-1]
        return 200, found[:limit]

    def _post_message(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        channel = self._channel(m)
        body = record.json if isinstance(record.json, dict) else {}
        self._validate_message_body(body, has_files=bool(record.files))
        flags = int(body.get("flags") or 0) & ~MESSAGE_FLAG_EPHEMERAL
        message = self._build_message(channel, self.bot_user, body, files=record.files, flags=flags)
        self._store_bot_message(message, "channel")
        return 200, message

    def _get_message(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        return 200, self._message(m)

    def _patch_message(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        message = self._message(m)
        if message["author"]["id"] != str(self.bot_user.id):
            body = record.json or {}
            if set(body) - {"flags"}:
                raise ApiError(403, 50005, "Cannot edit a message authored by another user")
        updated = self._apply_edit(message, record.json or {}, record.files)
        self._store_bot_message(updated, "channel", "edit")
        return 200, updated

    def _delete_message(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        message = self._message(m)
        self._store_bot_message(message, "channel", "delete")
        return 204, None

    def _put_reaction(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        message = self._message(m)
        emoji = m["emoji"]
        self.reactions.append(("add", int(m["cid"]), int(m["mid"]), emoji))
        for reaction in message["reactions"]:
            if reaction["emoji"]["name"] == emoji:
                if not reaction["me"]:
                    reaction["count"] += 1
                    reaction["me"] = True
                break
        else:
            message["reactions"].append(
                {
                    "count": 1,
                    "count_details": {"burst": 0, "normal": 1},
                    "me": True,
                    "me_burst": False,
                    "burst_colors": [],
                    "emoji": {"id": None, "name": emoji},
                }
            )
        return 204, None

    def _delete_reaction(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        message = self._message(m)
        emoji = m.groupdict().get("emoji")
        self.reactions.append(("remove", int(m["cid"]), int(m["mid"]), emoji or "*"))
        if m.groupdict().get("who") in (None, "@me"):
            kept = []
            for reaction in message["reactions"]:
                if emoji is None or reaction["emoji"]["name"] == emoji:
                    if m.groupdict().get("who") is None:
                        continue
                    if reaction["me"]:
                        reaction["me"] = False
                        reaction["count"] -= 1
                    if reaction["count"] <= 0:
                        continue
                kept.append(reaction)
            message["reactions"] = kept
        return 204, None

    def _typing(self, m: re.Match[str]) -> tuple[int, Any]:
        self._channel(m)
        return 204, None

    def _guild(self, m: re.Match[str]) -> FakeGuild:
        guild = self.guilds.get(int(m["gid"]))
        if guild is None:
            raise _unknown("Guild", 10004)
        return guild

    def _get_guild(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        guild = self._guild(m)
        payload = self._guild_payload(guild, gateway=False)
        if record.query.get("with_counts") in ("1", "true", "True"):
            payload["approximate_member_count"] = len(guild.members)
            payload["approximate_presence_count"] = 0
        return 200, payload

    def _get_guild_channels(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        return 200, [c.to_payload() for c in self._guild(m).channels]

    def _get_guild_roles(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        return 200, [r.to_payload() for r in self._guild(m).roles]

    def _get_guild_members(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        guild = self._guild(m)
        limit = int(record.query.get("limit", 1))
        after = int(record.query.get("after", 0))
        members = [mem for uid, mem in sorted(guild.members.items()) if uid > after]
        return 200, [mem.to_payload() for mem in members[:limit]]

    def _get_guild_member(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        member = self._guild(m).members.get(int(m["uid"]))
        if member is None:
            raise _unknown("Member", 10007)
        return 200, member.to_payload()

    # --- interactions

    def _callback(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        interaction = self.interactions.get(int(m["iid"]))
        if interaction is None or interaction.token != m["token"]:
            raise _unknown("interaction", 10062)
        if interaction.response_type is not None:
            raise ApiError(400, 40060, "Interaction has already been acknowledged.")
        body = record.json if isinstance(record.json, dict) else {}
        rtype = int(body.get("type", 0))
        data: JSON = body.get("data") or {}
        allowed = {
            INTERACTION_PING: {1},
            INTERACTION_APPLICATION_COMMAND: {4, 5, 9},
            INTERACTION_COMPONENT: {4, 5, 6, 7, 9},
            INTERACTION_AUTOCOMPLETE: {8},
            INTERACTION_MODAL_SUBMIT: {4, 5, 6, 7},
        }[interaction.type]
        if rtype not in allowed:
            raise _form_error("type", "INTERACTION_CALLBACK_TYPE_INVALID", "Invalid type")
        if rtype in (6, 7) and interaction.message_id is None:
            raise ApiError(400, 50035, "Interaction has no message to update")

        callback: JSON = {"id": str(interaction.id), "type": interaction.type}
        resource: JSON | None = None
        channel = self.channels[interaction.channel_id]
        ephemeral = int(data.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL
        if rtype == 4:
            self._validate_message_body(data, has_files=bool(record.files))
            message = self._interaction_message(interaction, channel, data, record.files)
            resource = {"type": 4, "message": message}
        elif rtype == 5:
            message = self._interaction_message(
                interaction, channel, {}, (), flags=MESSAGE_FLAG_LOADING | ephemeral
            )
            resource = {"type": 5, "message": message}
            callback["response_message_loading"] = True
        elif rtype in (6, 7):
            interaction.original_message_id = interaction.message_id
            callback["response_message_id"] = str(interaction.message_id)
            if rtype == 7:
                stored = self.messages.get(int(interaction.message_id or 0))
                if stored is None:
                    stored = json.loads(json.dumps(interaction.payload.get("message")))
                if not isinstance(stored, dict):
                    raise _unknown("Message", 10008)
                updated = self._apply_edit(stored, data, record.files)
                self._store_bot_message(updated, "interaction", "edit")
                resource = {"type": 7, "message": updated}
        elif rtype == 8:
            choices = data.get("choices") or []
            if len(choices) > 25:
                raise _form_error("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer.")
        elif rtype == 9:
            self.modals[str(data.get("custom_id"))] = (data, interaction)

        interaction.response_type = rtype
        interaction.response_data = data
        if resource is not None and "message" in resource:
            message = resource["message"]
            callback["response_message_id"] = message["id"]
            callback["response_message_ephemeral"] = bool(message["flags"] & 64)
            callback.setdefault("response_message_loading", False)
        if record.query.get("with_response") not in ("1", "true", "True"):
            return 204, None
        response: JSON = {"interaction": callback}
        if resource is not None:
            response["resource"] = resource
        return 200, response

    def _interaction_message(
        self,
        interaction: FakeInteraction,
        channel: FakeChannel,
        data: JSON,
        files: Sequence[RecordedFile],
        *,
        flags: int | None = None,
    ) -> JSON:
        message_type = 20 if interaction.type == INTERACTION_APPLICATION_COMMAND else 0
        message = self._build_message(
            channel,
            self.bot_user,
            data,
            files=files,
            message_type=message_type,
            webhook_id=self.application_id,
            interaction=interaction,
            flags=flags,
        )
        interaction.original_message_id = int(message["id"])
        self._store_bot_message(message, "interaction")
        return message

    def _webhook_interaction(self, m: re.Match[str]) -> FakeInteraction:
        self._check_app(m)
        interaction = self._interactions_by_token.get(m["token"])
        if interaction is None or interaction.response_type is None:
            # Real Discord: follow-ups before the initial response fail with Unknown Webhook.
            raise _unknown("Webhook", 10015)
        return interaction

    def _webhook_message(self, interaction: FakeInteraction, m: re.Match[str]) -> JSON:
        raw = m["mid"]
        if raw == "@original":
            message_id = interaction.original_message_id
        else:
            message_id = int(raw)
            allowed = {interaction.original_message_id, *interaction.followup_ids}
            if message_id not in allowed:
                message_id = None
        message = self.messages.get(message_id) if message_id is not None else None
        if message is None:
            raise _unknown("Message", 10008)
        return message

    def _webhook_execute(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        interaction = self._webhook_interaction(m)
        body = record.json if isinstance(record.json, dict) else {}
        self._validate_message_body(body, has_files=bool(record.files))
        original = (
            self.messages.get(interaction.original_message_id)
            if interaction.original_message_id
            else None
        )
        if interaction.response_type == 5 and original and original["flags"] & MESSAGE_FLAG_LOADING:
            # Real Discord: the first follow-up after a "thinking" defer edits that message.
            message = self._apply_edit(original, body, record.files)
            self._store_bot_message(message, "webhook", "edit")
        else:
            channel = self.channels[interaction.channel_id]
            message = self._build_message(
                channel,
                self.bot_user,
                body,
                files=record.files,
                webhook_id=self.application_id,
                interaction=interaction,
                flags=int(body.get("flags") or 0),
            )
            interaction.followup_ids.append(int(message["id"]))
            self._store_bot_message(message, "webhook")
        if record.query.get("wait") in ("1", "true", "True"):
            return 200, message
        return 204, None

    def _webhook_get(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        return 200, self._webhook_message(self._webhook_interaction(m), m)

    def _webhook_edit(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        message = self._webhook_message(self._webhook_interaction(m), m)
        updated = self._apply_edit(message, record.json or {}, record.files)
        self._store_bot_message(updated, "webhook", "edit")
        return 200, updated

    def _webhook_delete(self, record: RecordedRequest, m: re.Match[str]) -> tuple[int, Any]:
        message = self._webhook_message(self._webhook_interaction(m), m)
        self._store_bot_message(message, "webhook", "delete")
        return 204, None

    # ---------------------------------------------------------------- gateway

    async def _gateway_handler(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        conn = _GatewayConnection(
            number=len(self._connections) + 1,
            ws=ws,
            request=request,
            path=request.path,
            query=dict(request.query),
        )
        self._connections.append(conn)
        self.gateway_connections.append(str(request.rel_url))
        try:
            await self._send(
                conn, {"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}}
            )
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_gateway_frame(conn, json.loads(msg.data))
                elif msg.type is WSMsgType.BINARY:
                    await ws.close(code=4002, message=b"Error while decoding payload.")
        except ConnectionResetError:
            pass
        finally:
            await self._set_live(conn, False)
        return ws

    # Live sessions: one connection per shard; events go to the shards that carry them.

    def _live_connections(self) -> list[_GatewayConnection]:
        return [c for c in self._connections if c.live and c.session is not None]

    def _live_on_shard(self, shard_id: int) -> _GatewayConnection | None:
        for conn in self._live_connections():
            if conn.session is not None and conn.session.shard[0] == shard_id:
                return conn
        return None

    async def _set_live(self, conn: _GatewayConnection, live: bool) -> None:
        if conn.live == live:
            return
        conn.live = live
        if live:
            # A shard has one live connection: a new session (or a resumed one) replaces an
            # older connection of the same shard, as when a bot reconnects.
            assert conn.session is not None
            for other in self._live_connections():
                if (
                    other is not conn
                    and other.session
                    and other.session.shard == conn.session.shard
                ):
                    other.live = False
                    other.closing = True
                    with contextlib.suppress(Exception):
                        await other.ws.close(code=4000)
        async with self._live_changed:
            self._live_changed.notify_all()

    async def _wait_live(
        self,
        wanted: Callable[[_GatewayConnection], bool],
        timeout: float,  # noqa: ASYNC109
        what: str,
    ) -> list[_GatewayConnection]:
        def found() -> list[_GatewayConnection]:
            return [c for c in self._live_connections() if wanted(c)]

        try:
            async with self._live_changed:
                await asyncio.wait_for(self._live_changed.wait_for(found), timeout)
        except TimeoutError:
            raise TimeoutError(
                f"no live gateway session for {what} after {timeout}s "
                f"(connections: {self.gateway_connections})"
            ) from None
        return found()

    def _record_frame(
        self, conn: _GatewayConnection, direction: Literal["recv", "send"], frame: JSON
    ) -> None:
        self._gateway.append(
            GatewayFrame(
                direction=direction,
                op=int(frame.get("op", -1)),
                t=frame.get("t"),
                s=frame.get("s"),
                d=frame.get("d"),
                connection=conn.number,
                shard=conn.session.shard[0] if conn.session else None,
            )
        )

    async def _send(self, conn: _GatewayConnection, frame: JSON) -> None:
        async with conn.lock:
            await self._send_locked(conn, frame)

    async def _send_locked(self, conn: _GatewayConnection, frame: JSON) -> None:
        frame.setdefault("s", None)
        frame.setdefault("t", None)
        self._record_frame(conn, "send", frame)
        # Text frames: discord.py only runs its zlib/zstd decompressor on binary frames.
        await conn.ws.send_str(json.dumps(frame))

    async def _send_dispatch(self, conn: _GatewayConnection, event: str, data: Any) -> int:
        assert conn.session is not None
        async with conn.lock:
            conn.session.seq += 1
            seq = conn.session.seq
            await self._send_locked(conn, {"op": 0, "t": event, "s": seq, "d": data})
            return seq

    async def _on_gateway_frame(self, conn: _GatewayConnection, frame: JSON) -> None:
        self._record_frame(conn, "recv", frame)
        op = frame.get("op")
        data = frame.get("d")
        if op == 1:
            self.heartbeat_count += 1
            await self._send(conn, {"op": 11})
        elif op == 2:
            await self._identify(conn, data or {})
        elif op == 6:
            await self._resume(conn, data or {})
        elif op == 8:
            await self._request_members(conn, data or {})
        elif op in (3, 4):
            pass  # presence / voice state updates: recorded only
        else:
            await conn.ws.close(code=4001, message=b"Unknown opcode.")

    @staticmethod
    def _shard_asked(data: JSON) -> tuple[int, int] | None:
        """IDENTIFY's ``shard: [id, count]`` ((0, 1) without one); None when invalid."""
        shard = data.get("shard", [0, 1])
        if (
            not isinstance(shard, list)
            or len(shard) != 2
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in shard)
            or not 0 <= shard[0] < shard[1]
        ):
            return None
        return shard[0], shard[1]

    async def _identify(self, conn: _GatewayConnection, data: JSON) -> None:
        if self.token is not None and data.get("token") != self.token:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        if conn.live:
            await conn.ws.close(code=4005, message=b"Already authenticated.")
            return
        shard = self._shard_asked(data)
        if shard is None:
            await conn.ws.close(code=4010, message=b"Invalid shard.")
            return
        self.identify_count += 1
        self.identify_payloads.append(data)
        self.intents = int(data.get("intents", 0))
        session = _Session(secrets.token_hex(16), shard, self.intents)
        self._sessions[session.id] = session
        self.session_id = session.id
        conn.session = session
        guilds = [g for g in self.guilds.values() if session.carries(g.id)]
        ready: JSON = {
            "v": 10,
            "user": self._private_user_payload(),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.resume_gateway_url,
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "presences": [],
            "relationships": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "_trace": ["fake-discord"],
        }
        if "shard" in data:
            ready["shard"] = data["shard"]
        await self._send_dispatch(conn, "READY", ready)
        for guild in guilds:
            await self._send_dispatch(
                conn, "GUILD_CREATE", self._guild_payload(guild, gateway=True)
            )
        await self._set_live(conn, True)

    async def _resume(self, conn: _GatewayConnection, data: JSON) -> None:
        if self.token is not None and data.get("token") != self.token:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        session = self._sessions.get(str(data.get("session_id")))
        if session is None:
            await self._send(conn, {"op": 9, "d": False})
            return
        self.resume_count += 1
        conn.session = session
        await self._send_dispatch(conn, "RESUMED", {"_trace": ["fake-discord"]})
        await self._set_live(conn, True)

    async def _request_members(self, conn: _GatewayConnection, data: JSON) -> None:
        guild = self.guilds.get(int(data.get("guild_id", 0)))
        if guild is None:
            return
        members = list(guild.members.values())
        user_ids = {int(u) for u in data.get("user_ids") or []}
        if user_ids:
            members = [m for m in members if m.user.id in user_ids]
        query = data.get("query")
        if query:
            members = [m for m in members if m.user.name.lower().startswith(str(query).lower())]
        limit = int(data.get("limit") or 0)
        if limit:
            members = members[:limit]
        chunk: JSON = {
            "guild_id": str(guild.id),
            "members": [m.to_payload() for m in members],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [str(u) for u in user_ids - {m.user.id for m in members}],
        }
        if data.get("nonce") is not None:
            chunk["nonce"] = data["nonce"]
        await self._send_dispatch(conn, "GUILD_MEMBERS_CHUNK", chunk)

    async def wait_for_session(
        self,
        timeout: float = WAIT_SECONDS,  # noqa: ASYNC109
        *,
        shard: int = 0,
    ) -> None:
        """Wait until ``shard`` (0: the only one of an unsharded bot, and the one carrying
        DMs) has an identified (READY) or resumed gateway session."""
        await self._wait_live(
            lambda c: c.session is not None and c.session.shard[0] == shard,
            timeout,
            f"shard {shard}",
        )

    @property
    def connected(self) -> bool:
        """Whether any shard has a live session."""
        return bool(self._live_connections())

    @property
    def live_shards(self) -> dict[int, tuple[int, int]]:
        """Shard id -> (id, count) of every live session."""
        return {c.session.shard[0]: c.session.shard for c in self._live_connections() if c.session}

    @staticmethod
    def _event_guild(event: str, data: Any) -> int | None:
        if not isinstance(data, dict):
            return None
        if data.get("guild_id") is not None:
            return int(data["guild_id"])
        if event in ("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE") and "id" in data:
            return int(data["id"])
        return None

    async def dispatch(
        self,
        event: str,
        data: Any,
        *,
        timeout: float = WAIT_SECONDS,  # noqa: ASYNC109
        shard: int | None = None,
    ) -> int:
        """Send a DISPATCH (op 0) event to the bot, on the connection of the shard that carries
        it (its guild's ``(guild_id >> 22) % shard_count``; shard 0 for DMs; ``shard`` to
        choose), as Discord does; waits for that shard's live session first.

        Returns the sequence number used."""
        guild_id = self._event_guild(event, data)

        def carries(conn: _GatewayConnection) -> bool:
            assert conn.session is not None
            if shard is not None:
                return conn.session.shard[0] == shard
            return conn.session.carries(guild_id)

        what = f"shard {shard}" if shard is not None else f"guild {guild_id}"
        targets = await self._wait_live(carries, timeout, what)
        seq = 0
        for conn in targets:
            seq = await self._send_dispatch(conn, event, data)
        return seq

    def _connection_of(self, shard: int) -> _GatewayConnection:
        conn = self._live_on_shard(shard)
        if conn is None:
            raise RuntimeError(f"no live gateway connection on shard {shard}")
        return conn

    async def drop_connection(self, code: int | None = 4000, *, shard: int = 0) -> None:
        """Abnormally end a shard's gateway connection (close ``code``, or abort the transport
        when ``code`` is None). discord.py then reconnects to ``resume_gateway_url`` and
        RESUMEs."""
        conn = self._connection_of(shard)
        conn.closing = True
        await self._set_live(conn, False)
        if code is None:
            transport = conn.request.transport
            if transport is not None:
                transport.abort()
        else:
            await conn.ws.close(code=code, message=b"fake-discord dropped the connection")

    async def invalidate_session(self, resumable: bool = False, *, shard: int = 0) -> None:
        """Send op 9 INVALID_SESSION; with ``resumable=False`` the bot re-IDENTIFYs."""
        conn = self._connection_of(shard)
        if not resumable and conn.session is not None:
            self._sessions.pop(conn.session.id, None)
            if self.session_id == conn.session.id:
                self.session_id = None
        await self._set_live(conn, False)
        await self._send(conn, {"op": 9, "d": resumable})

    async def request_reconnect(self, *, shard: int = 0) -> None:
        """Send op 7 RECONNECT; the bot closes and RESUMEs."""
        conn = self._connection_of(shard)
        await self._set_live(conn, False)
        await self._send(conn, {"op": 7, "d": None})

    # ---------------------------------------------------------------- event helpers

    def _intent_allows_message(self, guild: FakeGuild | None) -> bool:
        needed = INTENT_GUILD_MESSAGES if guild is not None else INTENT_DIRECT_MESSAGES
        return bool(self.intents & needed)

    async def send_message(
        self,
        channel_id: FakeChannel | int,
        author: FakeUser,
        content: str,
        *,
        guild_id: FakeGuild | int | None = None,
        embeds: Sequence[JSON] = (),
        reply_to: JSON | int | None = None,
        member_roles: Sequence[FakeRole | int | str] | None = None,
    ) -> JSON:
        """Dispatch a MESSAGE_CREATE from ``author`` and return the full (unstripped) message.

        The guild is taken from the channel if not given. Like the real gateway, the content is
        blanked for guild messages when the bot lacks the MESSAGE_CONTENT intent and is not
        mentioned, and the event is not delivered at all without GUILD_MESSAGES /
        DIRECT_MESSAGES. Use ``server.dm_channel(user)`` for DMs."""
        channel = self._channel_of(channel_id)
        guild = self._guild_of(guild_id) or (
            self.guilds.get(channel.guild_id) if channel.guild_id else None
        )
        body: JSON = {"content": content, "embeds": list(embeds)}
        if reply_to is not None:
            ref_id = reply_to if isinstance(reply_to, int) else int(reply_to["id"])
            body["message_reference"] = {"message_id": ref_id, "channel_id": channel.id}
        message = self._build_message(channel, author, body)
        self.messages[int(message["id"])] = message
        channel.last_message_id = int(message["id"])

        event = json.loads(json.dumps(message))
        if guild is not None:
            event["guild_id"] = str(guild.id)
            roles = None
            if member_roles is not None:
                roles = [self._role_id(guild, r) for r in member_roles]
            event["member"] = self._member_payload(guild, author, roles=roles)
            event["member"].pop("user", None)
            bot_mentioned = any(m["id"] == str(self.bot_user.id) for m in message["mentions"])
            if not self.intents & INTENT_MESSAGE_CONTENT and not bot_mentioned:
                event.update({"content": "", "embeds": [], "attachments": [], "components": []})
                event.pop("poll", None)
        if self._intent_allows_message(guild):
            await self.dispatch("MESSAGE_CREATE", event)
        return message

    def _base_interaction(
        self,
        itype: int,
        user: FakeUser,
        *,
        guild: FakeGuild | None,
        channel: FakeChannel,
        data: JSON | None,
        member_roles: Sequence[FakeRole | int | str] | None,
        permissions: str | int | None,
        locale: str,
    ) -> FakeInteraction:
        interaction_id = self.next_id()
        token = f"fake-itoken-{interaction_id}-{secrets.token_urlsafe(12)}"
        channel_payload = channel.to_payload()
        payload: JSON = {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "type": itype,
            "token": token,
            "version": 1,
            "channel": channel_payload,
            "channel_id": str(channel.id),
            "locale": locale,
            "entitlements": [],
            "entitlement_sku_ids": [],
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if data is not None:
            payload["data"] = data
        if guild is not None:
            roles = (
                None if member_roles is None else [self._role_id(guild, r) for r in member_roles]
            )
            member = self._member_payload(guild, user, roles=roles)
            perms = (
                permissions if permissions is not None else guild.permissions_for(user.id, roles)
            )
            member["permissions"] = str(perms)
            payload.update(
                {
                    "guild_id": str(guild.id),
                    "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
                    "guild_locale": "en-US",
                    "member": member,
                    "app_permissions": str(guild.permissions_for(self.bot_user.id)),
                    "authorizing_integration_owners": {"0": str(guild.id)},
                    "context": 0,
                }
            )
        else:
            dm_perms = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES
            dm_perms |= READ_MESSAGE_HISTORY | ADD_REACTIONS | USE_EXTERNAL_EMOJIS
            payload.update(
                {
                    "user": user.to_payload(),
                    "app_permissions": str(dm_perms),
                    "authorizing_integration_owners": {"0": "0"},
                    "context": 1,
                }
            )
        interaction = FakeInteraction(
            id=interaction_id,
            token=token,
            type=itype,
            user=user,
            channel_id=channel.id,
            guild_id=guild.id if guild else None,
            payload=payload,
        )
        self.interactions[interaction_id] = interaction
        self._interactions_by_token[token] = interaction
        return interaction

    def _resolve_place(
        self,
        user: FakeUser,
        guild_id: FakeGuild | int | None,
        channel_id: FakeChannel | int | None,
    ) -> tuple[FakeGuild | None, FakeChannel]:
        guild = self._guild_of(guild_id)
        if channel_id is not None:
            channel = self._channel_of(channel_id)
            if guild is None and channel.guild_id is not None:
                guild = self.guilds[channel.guild_id]
        elif guild is not None:
            channel = guild.text_channel
        else:
            channel = self.dm_channel(user)
        return guild, channel

    def find_command(self, name: str, guild_id: FakeGuild | int | None = None) -> JSON | None:
        """The synced command called ``name`` (guild commands first, then global)."""
        top = name.split(" ")[0]
        guild = self._guild_of(guild_id)
        candidates: list[JSON] = []
        if guild is not None:
            candidates += self.guild_commands.get(guild.id, [])
        candidates += self.global_commands
        for command in candidates:
            if command["name"] == top and command.get("type", 1) == 1:
                return command
        return None

    def _command_data(
        self,
        name: str,
        options: Mapping[str, Any] | None,
        guild: FakeGuild | None,
        focused: str | None = None,
        require_synced: bool = True,
    ) -> JSON:
        parts = name.split(" ")
        command = self.find_command(name, guild)
        if command is None and require_synced:
            raise LookupError(
                f"/{parts[0]} was never synced to the fake (PUT .../commands); a real user could"
                " not invoke it. Pass require_synced=False to send it anyway (as a global"
                " command)."
            )
        data: JSON = {
            "id": command["id"] if command else str(self.next_id()),
            "name": parts[0],
            "type": 1,
        }
        if command is not None and command.get("guild_id"):
            # discord.py only looks in guild commands when data.guild_id is set.
            data["guild_id"] = command["guild_id"]
        definitions: list[JSON] = command.get("options", []) if command else []
        resolved: JSON = {}
        leaf: list[JSON] = []
        for option_name, option_value in (options or {}).items():
            leaf.append(
                self._option_payload(option_name, option_value, definitions, parts, resolved, guild)
            )
        if focused is not None:
            for option in leaf:
                if option["name"] == focused:
                    option["focused"] = True
                    option["value"] = str(option["value"])
                    break
            else:
                leaf.append({"name": focused, "type": OPTION_STRING, "value": "", "focused": True})
        tree = leaf
        sub_defs = definitions
        nested: list[tuple[str, int]] = []
        for part in parts[1:]:
            definition = next((d for d in sub_defs if d.get("name") == part), None)
            kind = definition.get("type", OPTION_SUB_COMMAND) if definition else OPTION_SUB_COMMAND
            nested.append((part, kind))
            sub_defs = definition.get("options", []) if definition else []
        for part, kind in reversed(nested):
            tree = [{"name": part, "type": kind, "options": tree}]
        data["options"] = tree
        if resolved:
            data["resolved"] = resolved
        return data

    def _option_payload(
        self,
        name: str,
        value: Any,
        definitions: list[JSON],
        path: list[str],
        resolved: JSON,
        guild: FakeGuild | None,
    ) -> JSON:
        defs = definitions
        for part in path[1:]:
            found = next((d for d in defs if d.get("name") == part), None)
            defs = found.get("options", []) if found else []
        definition = next((d for d in defs if d.get("name") == name), None)
        if definition is not None:
            kind = int(definition["type"])
        elif isinstance(value, bool):
            kind = OPTION_BOOLEAN
        elif isinstance(value, int):
            kind = OPTION_INTEGER
        elif isinstance(value, float):
            kind = OPTION_NUMBER
        elif isinstance(value, FakeUser):
            kind = OPTION_USER
        elif isinstance(value, FakeChannel):
            kind = OPTION_CHANNEL
        elif isinstance(value, FakeRole):
            kind = OPTION_ROLE
        else:
            kind = OPTION_STRING
        if isinstance(value, FakeUser | FakeChannel | FakeRole):
            self._add_resolved(value, resolved, guild)
            value = str(value.id)
        elif kind in (OPTION_USER, OPTION_CHANNEL, OPTION_ROLE, OPTION_MENTIONABLE):
            target: FakeUser | FakeChannel | FakeRole | None = self.users.get(
                int(value)
            ) or self.channels.get(int(value))
            if target is None and guild is not None:
                target = next((r for r in guild.roles if r.id == int(value)), None)
            if target is not None:
                self._add_resolved(target, resolved, guild)
            value = str(value)
        return {"name": name, "type": kind, "value": value}

    def _add_resolved(
        self, target: FakeUser | FakeChannel | FakeRole, resolved: JSON, guild: FakeGuild | None
    ) -> None:
        key = str(target.id)
        if isinstance(target, FakeUser):
            resolved.setdefault("users", {})[key] = target.to_payload()
            if guild is not None and target.id in guild.members:
                member = guild.members[target.id].to_payload(with_user=False)
                member["permissions"] = str(guild.permissions_for(target.id))
                resolved.setdefault("members", {})[key] = member
        elif isinstance(target, FakeChannel):
            channel = target.to_payload()
            perms = guild.permissions_for(self.bot_user.id) if guild else 0
            channel["permissions"] = str(perms)
            resolved.setdefault("channels", {})[key] = channel
        else:
            resolved.setdefault("roles", {})[key] = target.to_payload()

    async def send_slash_command(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        user: FakeUser | None = None,
        *,
        guild_id: FakeGuild | int | None = None,
        channel_id: FakeChannel | int | None = None,
        member_roles: Sequence[FakeRole | int | str] | None = None,
        permissions: str | int | None = None,
        locale: str = "en-US",
        require_synced: bool = True,
    ) -> FakeInteraction:
        """Dispatch INTERACTION_CREATE type 2 for ``/name`` ("group sub" for subcommands).

        ``options`` maps option names to values; option types come from the synced command
        (FakeUser/FakeChannel/FakeRole values are put in ``data.resolved``). With neither
        ``guild_id`` nor ``channel_id`` the command is sent from the user's DM with the bot.
        ``permissions`` defaults to the member's computed permissions. ``data.id`` and, for
        guild commands, ``data.guild_id`` come from the synced command."""
        if user is None:
            raise TypeError("send_slash_command needs a user")
        guild, channel = self._resolve_place(user, guild_id, channel_id)
        data = self._command_data(name, options, guild, require_synced=require_synced)
        interaction = self._base_interaction(
            INTERACTION_APPLICATION_COMMAND,
            user,
            guild=guild,
            channel=channel,
            data=data,
            member_roles=member_roles,
            permissions=permissions,
            locale=locale,
        )
        await self.dispatch("INTERACTION_CREATE", interaction.payload)
        return interaction

    async def send_autocomplete(
        self,
        name: str,
        options: Mapping[str, Any] | None,
        focused: str,
        user: FakeUser,
        *,
        guild_id: FakeGuild | int | None = None,
        channel_id: FakeChannel | int | None = None,
        member_roles: Sequence[FakeRole | int | str] | None = None,
        permissions: str | int | None = None,
        locale: str = "en-US",
        require_synced: bool = True,
    ) -> FakeInteraction:
        """Dispatch INTERACTION_CREATE type 4; ``focused`` names the option being typed (its
        partial value is ``options[focused]``, sent as a string)."""
        guild, channel = self._resolve_place(user, guild_id, channel_id)
        data = self._command_data(
            name, options, guild, focused=focused, require_synced=require_synced
        )
        interaction = self._base_interaction(
            INTERACTION_AUTOCOMPLETE,
            user,
            guild=guild,
            channel=channel,
            data=data,
            member_roles=member_roles,
            permissions=permissions,
            locale=locale,
        )
        await self.dispatch("INTERACTION_CREATE", interaction.payload)
        return interaction

    async def send_component(
        self,
        custom_id: str,
        message: JSON | int,
        user: FakeUser,
        component_type: int = 2,
        values: Sequence[str] | None = None,
        *,
        member_roles: Sequence[FakeRole | int | str] | None = None,
        permissions: str | int | None = None,
        locale: str = "en-US",
    ) -> FakeInteraction:
        """Dispatch INTERACTION_CREATE type 3 (button = 2, string select = 3, ...) for a
        component on ``message`` (a bot message payload the fake recorded, or its id). The
        latest stored version of the message is sent."""
        message_id = message if isinstance(message, int) else int(message["id"])
        stored = self.messages.get(message_id)
        if stored is None:
            if isinstance(message, int):
                raise KeyError(f"unknown message id {message_id}")
            stored = message
        channel = self._channel_of(int(stored["channel_id"]))
        guild = self.guilds.get(channel.guild_id) if channel.guild_id else None
        data: JSON = {"custom_id": custom_id, "component_type": component_type}
        if values is not None or component_type in (3, 5, 6, 7, 8):
            data["values"] = list(values or [])
        interaction = self._base_interaction(
            INTERACTION_COMPONENT,
            user,
            guild=guild,
            channel=channel,
            data=data,
            member_roles=member_roles,
            permissions=permissions,
            locale=locale,
        )
        interaction.message_id = message_id
        interaction.payload["message"] = json.loads(json.dumps(stored))
        await self.dispatch("INTERACTION_CREATE", interaction.payload)
        return interaction

    async def send_modal_submit(
        self,
        custom_id: str,
        components: Mapping[str, str | Sequence[str]] | Sequence[JSON],
        user: FakeUser | None = None,
        *,
        guild_id: FakeGuild | int | None = None,
        channel_id: FakeChannel | int | None = None,
        member_roles: Sequence[FakeRole | int | str] | None = None,
        permissions: str | int | None = None,
        locale: str = "en-US",
    ) -> FakeInteraction:
        """Dispatch INTERACTION_CREATE type 5.

        ``components`` is either the raw submitted component list or a mapping of input
        custom_id -> value (list of values for selects). With a mapping and a modal the bot
        opened earlier (callback type 9 with this custom_id), the submission mirrors that
        modal's layout (action rows / labels) and defaults user, channel and guild to the
        interaction that opened it."""
        opened = self.modals.get(custom_id)
        opener = opened[1] if opened else None
        if user is None:
            if opener is None:
                raise TypeError("send_modal_submit needs a user (no recorded modal to copy)")
            user = opener.user
        if guild_id is None and channel_id is None and opener is not None:
            guild_id, channel_id = opener.guild_id, opener.channel_id
        guild, channel = self._resolve_place(user, guild_id, channel_id)
        if isinstance(components, Mapping):
            submitted = self._modal_components(components, opened[0] if opened else None)
        else:
            submitted = list(components)
        data: JSON = {"custom_id": custom_id, "components": submitted}
        interaction = self._base_interaction(
            INTERACTION_MODAL_SUBMIT,
            user,
            guild=guild,
            channel=channel,
            data=data,
            member_roles=member_roles,
            permissions=permissions,
            locale=locale,
        )
        if opener is not None and opener.message_id is not None:
            interaction.message_id = opener.message_id
            stored = self.messages.get(opener.message_id)
            if stored is not None:
                interaction.payload["message"] = json.loads(json.dumps(stored))
        await self.dispatch("INTERACTION_CREATE", interaction.payload)
        return interaction

    @staticmethod
    def _modal_components(
        values: Mapping[str, str | Sequence[str]], modal: JSON | None
    ) -> list[JSON]:
        def submitted(component: JSON) -> JSON:
            custom_id = component.get("custom_id")
            result: JSON = {"type": component["type"], "custom_id": custom_id}
            if "id" in component:
                result["id"] = component["id"]
            value = values.get(str(custom_id), "")
            if component["type"] == 4:
                result["value"] = value if isinstance(value, str) else "".join(value)
            else:
                result["values"] = [value] if isinstance(value, str) else list(value)
            return result

        if modal is None:
            return [
                {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]}
                for key, value in values.items()
            ]
        result: list[JSON] = []
        for top in modal.get("components", []):
            if top.get("type") == 1:
                inner = [submitted(c) for c in top.get("components", []) if c.get("custom_id")]
                result.append({"type": 1, "components": inner})
            elif top.get("type") == 18 and isinstance(top.get("component"), dict):
                label: JSON = {"type": 18, "component": submitted(top["component"])}
                if "id" in top:
                    label["id"] = top["id"]
                result.append(label)
        return result
