"""Helpers of the command-line tests: a small knowledge folder of the tests' own, the outcome
of a command, and the real program in a subprocess (for exit codes, pipes, terminals and raw
stdin bytes)."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
# A ceiling on a program's run or on what it shows, never waited out by one that works: the
# tests' programs end in a second or two, but on a loaded 2-core machine (test workers beside
# other jobs) a start alone took several seconds and a 15 s bound was run out.
TIMEOUT = 120

SOURCE_TITLE = "Tension escalating between Baku and Moscow"

# A few facts in the shape of the shipped ones (a file source, questions, tags, related).
CRISIS_YAML = f"""\
source:
  title: "{SOURCE_TITLE}"
  published: 2025-07-01
facts:
  - id: ambassador-recalled
    answer: >-
      Baku called its ambassador in Moscow back to Azerbaijan for consultations because two
      Azerbaijani men died in Russian custody after the Yekaterinburg raid.
    questions:
      - why did azerbaijan recall its ambassador from russia
      - did baku withdraw its envoy from moscow
      - ambassador recall
    tags: [diplomacy, ambassador, recall, azerbaijan, russia]
    related: [deaths-in-custody]
  - id: deaths-in-custody
    answer: >-
      Two men of Azerbaijani nationality died while held by Russian police after the
      Yekaterinburg raid; their relatives accuse the Russian side of torture.
    questions:
      - who died in yekaterinburg
      - how did the two azerbaijani men die
    tags: [deaths, custody, torture, azerbaijan, russia]
  - id: yekaterinburg-raid
    answer: >-
      In late June 2025 Russian police carried out a night-time raid in Yekaterinburg, after
      which two Azerbaijani men died in custody.
    questions:
      - what happened in yekaterinburg
      - what was the yekaterinburg raid
    tags: [yekaterinburg, raid, police, russia]
  - id: azerbaijan-turkey-pivot
    answer: >-
      Azerbaijan wants more independence from Moscow and is turning toward closer ties with
      Turkey, one of Russia's regional rivals.
    questions:
      - is azerbaijan turning to turkey
      - why is azerbaijan getting closer to turkey
    tags: [turkey, independence, azerbaijan]
  - id: international-investigation-demand
    answer: >-
      Azerbaijan insists that the deaths after the Yekaterinburg raid be looked into by an
      independent, international investigation.
    questions:
      - is azerbaijan calling for an international investigation
      - what are azerbaijan's demands
    tags: [investigation, international, demand, azerbaijan]
"""

SYNONYMS_YAML = """\
groups:
  - [ambassador, envoy]
  - [azerbaijan, baku, azerbaijani]
  - [russia, moscow, russian]
  - [recall, withdraw]
"""

KNOWLEDGE_FILES = {"crisis.yaml": CRISIS_YAML, "synonyms.yaml": SYNONYMS_YAML}


@dataclass(frozen=True)
class Outcome:
    """What a command printed and how it exited."""

    code: int
    out: str
    err: str


Cli = Callable[..., Outcome]


def program_env() -> dict[str, str]:
    """The environment of a real ``python -m bot``: this checkout's code, a terminal type
    readline knows, and no settings file or token from the caller's environment."""
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSDESK_CONFIG", "DISCORD_TOKEN")}
    env["PYTHONPATH"] = str(REPO_ROOT)
    env["TERM"] = "xterm"
    return env


def run_program(
    *args: str | Path,
    cwd: Path,
    stdin: bytes = b"",
    timeout: float = TIMEOUT,
) -> subprocess.CompletedProcess[bytes]:
    """The real ``python -m bot ARGS`` in ``cwd``; output as bytes (tests decode strictly)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *(str(a) for a in args)],
        cwd=cwd,
        env=program_env(),
        input=stdin,
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def start_program(*args: str | Path, cwd: Path, **popen: object) -> subprocess.Popen[bytes]:
    """The real ``python -m bot ARGS`` started in ``cwd``, with ``popen`` options."""
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "bot", *(str(a) for a in args)],
        cwd=cwd,
        env=program_env(),
        **popen,
    )


class Terminal:
    """The real program on a pseudo-terminal: what a person at a keyboard sees and types.

    The program leads its own session with the terminal as its controlling tty, so that
    Ctrl-C typed here reaches it as SIGINT, as it would from a real terminal.
    """

    def __init__(self, *args: str | Path, cwd: Path) -> None:
        self._master, slave = os.openpty()
        self.process = start_program(
            *args,
            cwd=cwd,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            preexec_fn=_take_terminal,
        )
        os.close(slave)
        self._pending = b""

    def type(self, keys: bytes) -> None:
        os.write(self._master, keys)

    def read_until(self, expected: bytes, timeout: float = TIMEOUT) -> bytes:
        """Everything shown up to and including ``expected``; fails after ``timeout``."""
        deadline = time.monotonic() + timeout
        while expected not in self._pending:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self._master], [], [], max(0.0, remaining))
            if not ready:
                raise AssertionError(f"{expected!r} not shown; the screen ends {self._tail()!r}")
            try:
                chunk = os.read(self._master, 4096)
            except OSError:  # the program has closed the terminal
                chunk = b""
            if not chunk:
                raise AssertionError(f"{expected!r} not shown before exit: {self._tail()!r}")
            self._pending += chunk
        end = self._pending.index(expected) + len(expected)
        shown, self._pending = self._pending[:end], self._pending[end:]
        return shown

    def _tail(self) -> bytes:
        return self._pending[-400:]

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(TIMEOUT)
        os.close(self._master)


def _take_terminal() -> None:
    # Runs in the child after setsid(): make the pseudo-terminal its controlling terminal.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    # A program started from a terminal begins with Ctrl-C's signal neither ignored nor
    # blocked. The test worker's own may be either by the time this test runs (an earlier test
    # in the same worker, asyncio's signal handling), and both pass through exec: the program
    # would then never see the Ctrl-C typed here.
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    signal.signal(signal.SIGINT, signal.SIG_DFL)
