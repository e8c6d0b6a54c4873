"""compose.scale.yaml: two bot processes, each a range of shards, on one PostgreSQL (read, not run).

No Docker engine runs where the tests run: these read the file and check what would break a
scaled-out deployment first (shards run twice or not at all, bots on separate databases, a
password in the file, a bot starting before its database accepts connections), and let the
compose client validate it when one is installed.
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

from bot.config import parse_shard_ids

REPO_ROOT = Path(__file__).resolve().parents[2]
SCALE = REPO_ROOT / "compose.scale.yaml"
KNOWLEDGE_IN_IMAGE = "/app/knowledge"
DATA_IN_IMAGE = "/data"


def compose_command() -> list[str] | None:
    """docker-compose, or `docker compose` when that plugin answers (as test_docker.py)."""
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


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SCALE.read_text(encoding="utf-8"))
    return loaded


def bots() -> dict[str, dict[str, Any]]:
    return {
        name: service
        for name, service in compose()["services"].items()
        if service.get("image") == "newsdesk"
    }


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_the_bot_processes_run_every_shard_exactly_once() -> None:
    """Each process runs `python -m bot run --shards A-B --shard-count N`, with one N, and the
    ranges together are 0..N-1 without overlap: a shard run twice answers twice, a missing
    one leaves its servers unanswered."""
    processes = bots()
    assert len(processes) >= 2
    counts = set()
    covered: list[int] = []
    for service in processes.values():
        command = service["command"]
        assert command[:4] == ["python", "-m", "bot", "run"]
        counts.add(int(option(command, "--shard-count")))
        shards = parse_shard_ids(option(command, "--shards"))
        assert shards is not None
        covered += shards
    (count,) = counts
    assert sorted(covered) == list(range(count))


def test_the_bots_share_one_postgresql_database_and_one_knowledge_folder() -> None:
    for service in bots().values():
        database = service["environment"]["NEWSDESK_DB"]
        assert database.startswith("postgresql://newsdesk:${POSTGRES_PASSWORD:?")
        assert database.endswith("@postgres:5432/newsdesk")
        volumes = service["volumes"]
        assert f"newsdesk-knowledge:{KNOWLEDGE_IN_IMAGE}" in volumes
        assert "./bot.yaml:/app/bot.yaml:ro" in volumes
        assert not any(v.split(":")[1] == DATA_IN_IMAGE for v in volumes)  # no SQLite file
        assert service["depends_on"] == {"postgres": {"condition": "service_healthy"}}


def test_postgresql_is_the_official_image_on_a_volume_with_a_healthcheck() -> None:
    postgres = compose()["services"]["postgres"]
    assert postgres["image"] == "postgres:15"
    (volume,) = postgres["volumes"]
    source, target = volume.split(":")
    assert target == "/var/lib/postgresql/data" and source in compose()["volumes"]
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    assert postgres["restart"] == "unless-stopped"


def test_no_secret_is_written_in_the_file() -> None:
    """The token and the database password come from the environment (or .env) only, and
    compose refuses to start without them."""
    postgres = compose()["services"]["postgres"]
    assert postgres["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    for service in bots().values():
        assert service["environment"]["DISCORD_TOKEN"].startswith("${DISCORD_TOKEN:?")
    text = SCALE.read_text(encoding="utf-8")
    assert not re.search(r"postgresql://[^:]+:[^$]", text)  # a password in the URL itself


def test_the_bots_run_as_the_image_user_restart_and_stop_cleanly() -> None:
    for service in bots().values():
        assert service["user"] == "10001:10001"
        assert service["restart"] == "unless-stopped"
        assert service["stop_signal"] == "SIGTERM"


@pytest.mark.skipif(COMPOSE is None, reason="no docker compose client on this machine")
@pytest.mark.parametrize("password", ["given", None])
def test_the_compose_client_accepts_it_and_wants_a_password(password: str | None) -> None:
    assert COMPOSE is not None
    env = {**os.environ, "DISCORD_TOKEN": "not-a-real-token"}
    env.pop("POSTGRES_PASSWORD", None)
    if password:
        env["POSTGRES_PASSWORD"] = "not-a-real-password"
    done = subprocess.run(
        [*COMPOSE, "-f", str(SCALE), "config", "--quiet"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        check=False,
        timeout=60,
    )
    if password:
        assert done.returncode == 0, done.stderr
    else:
        assert done.returncode != 0 and "POSTGRES_PASSWORD" in done.stderr
