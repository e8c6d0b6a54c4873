"""The Docker image and compose.yaml support the whole daily flow (cheap guards, no engine).

No Docker engine runs where the tests run, so these read the Dockerfile, compose.yaml and
.dockerignore and check what a broken deployment would show first: files the bot cannot write
(ingest, the feed poller and approve write into /app/knowledge), a database off its volume, a
token written into a file, a bot that does not stop cleanly.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE_IN_IMAGE = "/app/knowledge"
DATA_IN_IMAGE = "/data"


def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (KEYWORD, arguments), continuation lines joined."""
    text = (REPO_ROOT / "Dockerfile").read_text(encoding="utf-8")
    instructions = []
    for line in text.replace("\\\n", " ").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, arguments = line.partition(" ")
            instructions.append((keyword.upper(), " ".join(arguments.split())))
    return instructions


def uid_of(user: str, instructions: list[tuple[str, str]]) -> int:
    """The numeric uid of ``user`` (a number, or a name the Dockerfile creates with useradd)."""
    name = user.split(":")[0]
    if name.isdigit():
        return int(name)
    for keyword, arguments in instructions:
        found = re.search(rf"useradd\b[^&]*--uid (\d+)\b[^&]*\b{re.escape(name)}\b", arguments)
        if keyword == "RUN" and found:
            return int(found.group(1))
    raise AssertionError(f"user {user!r} is not created in the Dockerfile")


def runtime_uid(instructions: list[tuple[str, str]]) -> int:
    users = [arguments for keyword, arguments in instructions if keyword == "USER"]
    assert users, "the image has no USER: it would run as root"
    return uid_of(users[-1], instructions)


def compose_service() -> dict[str, Any]:
    compose = yaml.safe_load((REPO_ROOT / "compose.yaml").read_text(encoding="utf-8"))
    service: dict[str, Any] = compose["services"]["newsdesk"]
    return service


def test_image_runs_unprivileged_and_owns_knowledge_and_data() -> None:
    """The bot in the container can write drafts, approved files and its database."""
    instructions = dockerfile()
    uid = runtime_uid(instructions)
    assert uid != 0
    copied_knowledge = next(
        i for i, (k, a) in enumerate(instructions) if k == "COPY" and a.startswith("knowledge ")
    )
    owned: set[str] = set()
    for keyword, arguments in instructions[copied_knowledge + 1 :]:
        for found in re.finditer(r"chown -R (\S+) ([^&;]+)", arguments):
            if keyword == "RUN" and uid_of(found.group(1), instructions) == uid:
                owned.update(found.group(2).split())
    assert {KNOWLEDGE_IN_IMAGE, DATA_IN_IMAGE} <= owned, owned
    (volumes,) = [a for k, a in instructions if k == "VOLUME"]
    assert f'"{DATA_IN_IMAGE}"' in volumes and f'"{KNOWLEDGE_IN_IMAGE}"' in volumes


def test_image_default_database_is_on_the_data_volume() -> None:
    """The running bot and `docker exec ... python -m bot` commands use the same database."""
    settings = yaml.safe_load((REPO_ROOT / "bot.yaml").read_text(encoding="utf-8")) or {}
    database = Path(settings.get("database", "data/newsdesk.db"))
    assert not database.is_absolute() and database.parts[0] == "data"
    runs = " && ".join(a for k, a in dockerfile() if k == "RUN")
    assert f"ln -s {DATA_IN_IMAGE} /app/data" in runs
    (cmd,) = [a for k, a in dockerfile() if k == "CMD"]
    assert "--db" not in cmd  # bot.yaml's database, as for every other command


def test_image_installs_dependencies_in_their_own_cached_layer() -> None:
    """Rebuilding after a code change does not download every dependency again."""
    instructions = dockerfile()
    order = [f"{k} {a}" for k, a in instructions]
    deps = next(i for i, line in enumerate(order) if line.startswith("COPY pyproject.toml"))
    install = next(i for i, line in enumerate(order) if "pip install ." in line)
    code = next(i for i, line in enumerate(order) if line.startswith("COPY bot "))
    assert deps < install < code


def test_image_stops_on_sigterm() -> None:
    """`docker stop` lets the bot disconnect and close its database."""
    assert ("STOPSIGNAL", "SIGTERM") in dockerfile()


def test_compose_keeps_knowledge_and_database_on_named_volumes() -> None:
    """Drafts, approved files and the database survive `docker compose up` of a new image."""
    compose = yaml.safe_load((REPO_ROOT / "compose.yaml").read_text(encoding="utf-8"))
    volumes = compose_service()["volumes"]
    source_of = {target: source for source, target, *_ in (v.split(":") for v in volumes)}
    assert source_of[DATA_IN_IMAGE] in compose["volumes"]
    assert source_of[KNOWLEDGE_IN_IMAGE] in compose["volumes"]
    assert "./bot.yaml:/app/bot.yaml:ro" in volumes


def test_compose_runs_as_the_image_user() -> None:
    """compose.yaml's user is the uid that owns /app/knowledge and /data in the image."""
    user = str(compose_service()["user"])
    assert uid_of(user, dockerfile()) == runtime_uid(dockerfile())


def test_compose_takes_the_token_from_the_environment_only() -> None:
    """The token is never in compose.yaml, and compose refuses to start without one."""
    token = compose_service()["environment"]["DISCORD_TOKEN"]
    assert token.startswith("${DISCORD_TOKEN:?"), token


def test_compose_restarts_and_stops_cleanly() -> None:
    """A crash or a reboot brings the bot back; `docker compose stop` sends SIGTERM."""
    service = compose_service()
    assert service["restart"] == "unless-stopped"
    assert service["stop_signal"] == "SIGTERM"


def test_dockerignore_keeps_tokens_and_drafts_out_of_the_image() -> None:
    """A .env file or unreviewed drafts on the build machine never end up in the image."""
    ignored = (REPO_ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert ".env" in ignored
    assert "knowledge/drafts/*" in ignored


def compose_command() -> list[str] | None:
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker"):
        found = subprocess.run(
            ["docker", "compose", "version"], capture_output=True, check=False, timeout=30
        )
        if found.returncode == 0:
            return ["docker", "compose"]
    return None


COMPOSE = compose_command()


@pytest.mark.skipif(COMPOSE is None, reason="no docker compose client on this machine")
def test_compose_file_is_valid_for_the_compose_client() -> None:
    """`docker compose config` accepts compose.yaml (validated by the client, no engine)."""
    assert COMPOSE is not None
    env = {**os.environ, "DISCORD_TOKEN": "not-a-real-token"}
    done = subprocess.run(
        [*COMPOSE, "-f", str(REPO_ROOT / "compose.yaml"), "config", "--quiet"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
