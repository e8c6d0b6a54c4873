"""``bot.yaml`` -> one frozen, validated ``Settings``; the Discord token from the environment.

pydantic does the validation: nested sections, unknown keys refused, every problem named by its
dotted key. The token never lives in a file and is wrapped in ``SecretStr`` so that no repr, log
line or traceback can show it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from bot.core.knowledge_yaml import TAB_PROBLEM, tab_at
from bot.core.links import web_link
from bot.core.matcher_settings import MatcherSettings
from bot.core.semantic_backends import BACKENDS, Backend
from bot.core.storage import redact_url

DEFAULT_CONFIG = Path("bot.yaml")
CONFIG_ENV = "NEWSDESK_CONFIG"
DEFAULT_DATABASE = Path("data/newsdesk.db")
# A database for every command, between --db (which wins) and the settings file's `database`.
DATABASE_ENV = "NEWSDESK_DB"
TOKEN_ENV = "DISCORD_TOKEN"

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
POSTGRES_SCHEMES = ("postgresql", "postgres")


_MATCHER_DEFAULTS = MatcherSettings()


class ConfigError(Exception):
    """The settings cannot be used; the message is one line meant for the operator."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Snowflake = Annotated[int, Field(gt=0)]


class Cooldown(_Section):
    questions: int = Field(5, ge=1)
    per_seconds: float = Field(30.0, gt=0)


_SHARD_RANGE_HELP = "give a range like 0-1, one id like 3, or a list of ids"


def parse_shard_ids(value: object) -> tuple[int, ...] | None:
    """Shard ids from ``"0-1"``, ``"0-1,4"``, ``3`` or a list of ids, as a sorted tuple
    (``ValueError`` with one line for anything else)."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if isinstance(value, list | tuple):
        if not value:
            raise ValueError(f"{_SHARD_RANGE_HELP}: the list is empty")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            raise ValueError(f"{_SHARD_RANGE_HELP}: shard ids are whole numbers")
        if min(value) < 0:
            raise ValueError("shard ids are 0 or more")
        return tuple(sorted(set(value)))
    if not isinstance(value, str):
        raise ValueError(_SHARD_RANGE_HELP)
    ids: set[int] = set()
    for part in value.replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        if not first.isdigit() or (dash and not last.isdigit()):
            raise ValueError(f"{value!r} is not a shard range: {_SHARD_RANGE_HELP}")
        low, high = int(first), int(last) if dash else int(first)
        if high < low:
            raise ValueError(f"{value!r} is not a shard range: {part} runs backwards")
        ids.update(range(low, high + 1))
    return tuple(sorted(ids))


def shard_range_text(ids: tuple[int, ...]) -> str:
    """``(0, 1, 2, 5)`` -> ``"0-2,5"``."""
    runs: list[list[int]] = []
    for shard in sorted(ids):
        if runs and shard == runs[-1][1] + 1:
            runs[-1][1] = shard
        else:
            runs.append([shard, shard])
    return ",".join(f"{a}-{b}" if b > a else str(a) for a, b in runs)


def parse_shard_count(value: object) -> object:
    """A number of shards (1 or more) or ``"auto"``; ``ValueError`` with one line otherwise."""
    if value is None or value == "auto":
        return value
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError("give a number of shards (1 or more), or auto")
    return value


class DiscordSettings(_Section):
    command_prefix: str = Field("!", min_length=1, max_length=5)
    dev_guilds: tuple[Snowflake, ...] = ()
    home_guilds: tuple[Snowflake, ...] = ()
    allowed_channels: tuple[Snowflake, ...] = ()
    moderator_roles: tuple[str, ...] = ("Moderator",)
    # Role ids win over names: anyone with Manage Roles can create a role with a given name.
    moderator_role_ids: tuple[Snowflake, ...] = ()
    cooldown: Cooldown = Cooldown()
    # Channel where moderators are told about new drafts from the watched feeds.
    review_channel: Snowflake | None = None
    # Sharding (README, "Scaling out"): this process connects the shards ``shards`` (a range
    # "0-1", an id, or a list) of ``shard_count`` in all. Neither set: one connection for
    # every server, unsharded. ``shard_count`` alone: all its shards in this process ("auto":
    # as many as Discord recommends).
    shard_count: int | Literal["auto"] | None = None
    shards: tuple[int, ...] | None = None

    @field_validator("shards", mode="before")
    @classmethod
    def _shard_range(cls, value: object) -> object:
        return parse_shard_ids(value)

    @field_validator("shard_count", mode="before")
    @classmethod
    def _shard_count(cls, value: object) -> object:
        return parse_shard_count(value)

    @model_validator(mode="after")
    def _shards_within_count(self) -> DiscordSettings:
        if self.shards is None:
            return self
        if self.shard_count is None:
            raise ValueError(
                "shards needs shard_count: the number of shards of all processes together"
            )
        if self.shard_count == "auto":
            raise ValueError("shards needs a number for shard_count, not auto")
        if self.shards[-1] >= self.shard_count:
            raise ValueError(
                f"shard {self.shards[-1]} is not below shard_count {self.shard_count} "
                f"(shard ids run 0-{self.shard_count - 1})"
            )
        return self

    @property
    def sharded(self) -> bool:
        return self.shard_count is not None

    def describe_shards(self) -> str:
        """For the log: which shards this process connects."""
        if self.shard_count is None:
            return "unsharded"
        if self.shard_count == "auto":
            return "every shard Discord recommends"
        ids = self.shards or tuple(range(self.shard_count))
        return f"shards {shard_range_text(ids)} of {self.shard_count}"


class FactSettings(_Section):
    who_can_add: Literal["everyone", "moderators"] = "everyone"
    require_approval: bool = False
    max_per_user_per_day: int = Field(20, ge=0)


# What ``matcher.semantic`` may name: off, or one of the backends.
SEMANTIC_CHOICES = ("off", *BACKENDS)


class MatcherConfig(_Section):
    answer_threshold: float = Field(_MATCHER_DEFAULTS.answer_threshold, ge=0, le=1)
    suggest_threshold: float = Field(_MATCHER_DEFAULTS.suggest_threshold, ge=0, le=1)
    max_results: int = Field(3, ge=1, le=10)
    # The optional semantic re-ranker and its backend (``bot.core.semantic_backends``): "off",
    # "e5" (multilingual-e5-small, the `semantic` extra) or "static" (a static token-vector
    # table, the `static` extra). true and false, from the bot.yaml files written when it was
    # a switch, mean "e5" and "off".
    semantic: Literal["off"] | Backend = "off"

    @field_validator("semantic", mode="before")
    @classmethod
    def _semantic_backend(cls, value: object) -> object:
        # YAML 1.1 reads a bare `off` as false, so false is "off" however it was written.
        if value is True:
            return "e5"
        if value is False:
            return "off"
        if value not in SEMANTIC_CHOICES:
            named = f"{', '.join(SEMANTIC_CHOICES[:-1])} or {SEMANTIC_CHOICES[-1]}"
            raise ValueError(f"must be {named} (true means e5), not {value!r}")
        return value

    @model_validator(mode="after")
    def _ordered(self) -> MatcherConfig:
        if self.suggest_threshold > self.answer_threshold:
            raise ValueError("suggest_threshold must not be above answer_threshold")
        return self


class LoggingSettings(_Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


class FeedSettings(_Section):
    """One watched RSS/Atom feed: new articles become drafts for review."""

    url: Annotated[str, AfterValidator(web_link)]
    interval_minutes: float = Field(60.0, gt=0, le=7 * 24 * 60)


class IngestSettings(_Section):
    # Let the http(s) links of /kb ingest and of watched feeds, and their redirects, reach
    # private, loopback and link-local addresses. Never local files: Discord gives links only.
    allow_private_addresses: bool = False


class DigestSettings(_Section):
    """The daily digest: the facts approved or added in the last day, posted once a day."""

    # Channel id to post it in; null: no digest.
    channel: Snowflake | None = None
    hour_utc: int = Field(9, ge=0, le=23)


@dataclass(frozen=True, slots=True)
class DatabaseUrl:
    """A PostgreSQL database's URL. ``str()`` and ``repr()`` show it with its password replaced
    by ``***``, so that no message, log line or ``describe()`` can give it away; the store
    alone reads ``secret``."""

    secret: str = field(repr=False)

    def __str__(self) -> str:
        return redact_url(self.secret)

    def __repr__(self) -> str:
        return f"DatabaseUrl({str(self)!r})"


Database = Path | DatabaseUrl


def database_path_problem(value: str) -> str | None:
    """Why ``value`` cannot be this build's database (a URL of a server other than
    PostgreSQL), or None."""
    text = value.strip()
    if _URL.match(text) and text.partition("://")[0].lower() not in POSTGRES_SCHEMES:
        return (
            "this build stores facts in SQLite or PostgreSQL only: give a file path or a "
            "postgresql:// URL"
        )
    return None


def parse_database(value: str) -> Database:
    """``value`` (``--db``, ``$NEWSDESK_DB`` or ``database:``) as a file path or a PostgreSQL
    URL; ``ValueError`` (with the reason, never the password) for any other URL."""
    problem = database_path_problem(value)
    if problem:
        raise ValueError(problem)
    text = value.strip()
    return DatabaseUrl(text) if _URL.match(text) else Path(value)


class Settings(_Section):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    knowledge_dir: Path = Path("knowledge")
    # An SQLite file, or a PostgreSQL server's database (postgresql://...).
    database: Path | DatabaseUrl = DEFAULT_DATABASE
    reload_knowledge_on_start: bool = True
    discord: DiscordSettings = DiscordSettings()
    facts: FactSettings = FactSettings()
    matcher: MatcherConfig = MatcherConfig()
    logging: LoggingSettings = LoggingSettings()
    feeds: tuple[FeedSettings, ...] = ()
    ingest: IngestSettings = IngestSettings()
    digest: DigestSettings = DigestSettings()

    @field_validator("database", mode="before")
    @classmethod
    def _a_file_or_a_postgres_url(cls, value: object) -> object:
        # Read before the text becomes a Path, which would fold "://" into ":/".
        return parse_database(value) if isinstance(value, str) else value


def settings_file(requested: Path | None = None) -> Path | None:
    """The settings file to read, or None for the built-in defaults.

    ``requested`` (``--config``), else ``$NEWSDESK_CONFIG``, else ``./bot.yaml`` when it
    exists. A file that was asked for by name and is missing is a ``ConfigError``: running
    on defaults instead would answer from the wrong knowledge without a word.
    """
    if requested is None and os.environ.get(CONFIG_ENV, "").strip():
        requested = Path(os.environ[CONFIG_ENV].strip())
    if requested is not None:
        if not requested.exists():
            raise ConfigError(f"{requested}: settings file not found")
        return requested
    return DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else None


def load_settings(path: Path | None = None) -> Settings:
    """Read and validate ``path`` (default: the file ``settings_file`` finds, else defaults).

    Relative paths inside the file are taken relative to the file's directory.
    """
    if path is None:
        path = settings_file()
        if path is None:
            return Settings()
    elif not path.exists():
        raise ConfigError(f"{path}: settings file not found")
    text = ""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        if mark is not None and tab_at(text, mark.line, mark.column):
            problem = TAB_PROBLEM
        raise ConfigError(f"{where}: YAML syntax error: {problem}") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: must be a mapping of settings")
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        # A key is the operator's own text: printable, so the error stays one line.
        key = ".".join(
            part if isinstance(part, str) and part.isprintable() else repr(part)
            for part in first["loc"]
        )
        key = key or "(top level)"
        message = first["msg"]
        if first["type"] == "extra_forbidden":
            message = "unknown setting"
        elif first["type"] == "value_error":
            message = str(first.get("ctx", {}).get("error", message))
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise ConfigError(f"{path}: {key}: {message}{more}") from None
    base = path.parent
    database = settings.database
    return settings.model_copy(
        update={
            "knowledge_dir": base / settings.knowledge_dir,
            "database": base / database if isinstance(database, Path) else database,
        }
    )


def discord_token() -> SecretStr | None:
    """The bot token from ``DISCORD_TOKEN``, or None when it is not set."""
    value = os.environ.get(TOKEN_ENV, "").strip()
    return SecretStr(value) if value else None
