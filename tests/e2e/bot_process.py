"""A real newsdesk bot process against a fake Discord (started by tests and bench; not a test).

The child's side (this module run as a program), then the parent's (``start_bot_process``,
``BotProcess``, ``write_settings``):

python -m tests.e2e.bot_process API_BASE GATEWAY_URL [--lease-seconds S] [--tag NAME] -- ARGS

Points discord.py at the fake, as ``harness.point_discord_at`` does in the test process (REST
through ``Route.BASE``, the gateway through ``DEFAULT_GATEWAY``: discord.py reads no
environment variable for either), then runs ``bot.cli.main(ARGS)`` exactly as ``python -m bot
ARGS`` would (``run --config bot.yaml --shards 0-1 --shard-count 4``), with the token from
``DISCORD_TOKEN``. Test-only shortcuts: servers are waited for 0.1 s at start (not 2 s);
``--lease-seconds`` shortens the leases (the feeds'); ``--tag`` goes into the ingest User-Agent so a
test's feed server can tell which process polled.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import os
import re
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import discord.gateway
import discord.http
import yaml
import yarl

import bot.app
import bot.core.leases
import bot.ingest.fetch
from bot.cli import main
from bot.config import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]
READY = re.compile(r"connected as .* to (\d+) servers \((.*)\)")


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.e2e.bot_process")
    parser.add_argument("api_base")
    parser.add_argument("gateway")
    parser.add_argument("--lease-seconds", type=float, default=None)
    parser.add_argument("--tag", default=None)
    split = argv.index("--") if "--" in argv else len(argv)
    options = parser.parse_args(argv[:split])
    discord.http.Route.BASE = options.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(options.gateway)
    bot.app.make_bot = functools.partial(bot.app.make_bot, guild_ready_timeout=0.1)
    if options.lease_seconds is not None:
        bot.core.leases.DEFAULT_LEASE_SECONDS = options.lease_seconds
    if options.tag is not None:
        bot.ingest.fetch.USER_AGENT = f"{bot.ingest.fetch.USER_AGENT} process/{options.tag}"
    return main(argv[split + 1 :])


# --------------------------------------------------------------------- the parent's side


def write_settings(settings: Settings, path: Path) -> Path:
    """``settings`` as a bot.yaml at ``path`` (absolute paths, so they stay where they are)."""
    data: dict[str, Any] = settings.model_dump(mode="json")
    data["knowledge_dir"] = str(settings.knowledge_dir.resolve())
    # A server's URL as the store reads it (str() would show "***" for its password).
    database = settings.database
    data["database"] = getattr(database, "secret", None) or str(database)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


class BotProcess:
    """A child process running the bot (``python -m bot run ...``) against a fake Discord;
    its log lines (stdout and stderr) are kept in ``lines``."""

    def __init__(self, name: str, process: asyncio.subprocess.Process) -> None:
        self.name = name
        self.process = process
        self.lines: list[str] = []
        self._new_line = asyncio.Event()
        self._ended = False
        self._reader = asyncio.create_task(self._read())

    @property
    def pid(self) -> int:
        return self.process.pid

    async def _read(self) -> None:
        assert self.process.stdout is not None
        try:
            async for raw in self.process.stdout:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self._new_line.set()
        finally:
            self._ended = True
            self._new_line.set()

    async def wait_for_line(self, pattern: str | re.Pattern[str], timeout: float = 60) -> str:  # noqa: ASYNC109
        """The first log line matching ``pattern`` (already seen or yet to come)."""
        wanted = re.compile(pattern) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for line in self.lines[seen:]:
                if wanted.search(line):
                    return line
            seen = len(self.lines)
            left = deadline - time.monotonic()
            if left <= 0 or self._ended:
                tail = "\n".join(self.lines[-30:])
                raise TimeoutError(f"{self.name}: no line matching {wanted.pattern!r}:\n{tail}")
            self._new_line.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_line.wait(), left)

    async def ready(self, timeout: float = 60) -> str:  # noqa: ASYNC109
        """Wait for "connected as ... to N servers (shards ...)"; that line."""
        return await self.wait_for_line(READY, timeout)

    def errors(self) -> list[str]:
        """Log lines at ERROR (or tracebacks)."""
        return [line for line in self.lines if " ERROR " in line or "Traceback" in line]

    def kill(self) -> None:
        """kill -9: nothing in the process runs again (no clean-up, no lease given up)."""
        os.kill(self.process.pid, signal.SIGKILL)

    async def stop(self, timeout: float = 20) -> int:  # noqa: ASYNC109
        """SIGTERM (as ``docker stop`` sends) and wait; killed if it takes over ``timeout``."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), timeout)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self._reader, 5)
        return self.process.returncode or 0


async def start_bot_process(
    name: str,
    api_base: str,
    gateway: str,
    cli_args: list[str],
    *,
    lease_seconds: float | None = None,
    tag: str | None = None,
) -> BotProcess:
    """Start ``python -m bot CLI_ARGS`` in a child process pointed at the fake Discord."""
    command = [sys.executable, "-m", "tests.e2e.bot_process", api_base, gateway]
    if lease_seconds is not None:
        command += ["--lease-seconds", str(lease_seconds)]
    if tag is not None:
        command += ["--tag", tag]
    env = {**os.environ, "DISCORD_TOKEN": "fake-token", "PYTHONUNBUFFERED": "1"}
    env.pop("NEWSDESK_CONFIG", None)
    process = await asyncio.create_subprocess_exec(
        *command,
        "--",
        *cli_args,
        cwd=REPO_ROOT,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    return BotProcess(name, process)


@contextlib.asynccontextmanager
async def bot_processes(*started: BotProcess) -> AsyncIterator[tuple[BotProcess, ...]]:
    """Stop (SIGTERM) every process still running on the way out."""
    try:
        yield started
    finally:
        await asyncio.gather(*(p.stop() for p in started), return_exceptions=True)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
