"""A PostgreSQL server that goes away and comes back, under a running bot.

The test starts a throwaway cluster of its own (``tests/postgres_cluster.sh``, as CI does) so
that it may stop and restart the server. While the server is down the bot answers from memory,
writes and statistics fail with a plain sentence that names the database without its password,
and the follower says once that it cannot read the changes; when the server is back, the bot
reconnects by itself and reads every change it missed: from the change log where it left off,
or everything again when the log no longer reaches back that far.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
import pytest

from bot.composition import open_knowledge_base_at
from bot.core.actors import Actor
from bot.core.errors import WriteFailed
from bot.core.service import FactInput, StartMode

CLUSTER_SCRIPT = Path(__file__).resolve().parents[1] / "postgres_cluster.sh"
FACTS_YAML = """\
facts:
  - id: ambassador-recalled
    answer: Azerbaijan called its ambassador in Moscow home for consultations.
    questions: [why did azerbaijan recall its ambassador]
"""
MEMBER = Actor.discord_user(100, 1, is_moderator=False, name="member")
OPERATOR = Actor.operator()


@dataclass
class Cluster:
    """A PostgreSQL cluster of this test's own, in ``folder``."""

    folder: Path
    url: str = ""

    def _script(self, command: str) -> str:
        done = subprocess.run(
            ["bash", str(CLUSTER_SCRIPT), command, str(self.folder)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip() or f"{command} failed")
        return done.stdout.strip()

    def start(self) -> None:
        self.url = self._script("start")

    def stop(self) -> None:
        self._script("stop")

    def destroy(self) -> None:
        self._script("destroy")


@pytest.fixture
def cluster(postgres_server: Any) -> Iterator[Cluster]:
    """A cluster to stop and start (only where the PostgreSQL tests run at all)."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not available to run tests/postgres_cluster.sh")
    # Under /tmp: the server runs as an unprivileged user when the tests run as root, and must
    # be able to reach its folder (pytest's own folders are private to the user).
    made = Cluster(Path(tempfile.mkdtemp(prefix="newsdesk-outage-", dir="/tmp")))
    try:
        made.start()
    except RuntimeError as exc:
        shutil.rmtree(made.folder, ignore_errors=True)
        pytest.skip(f"no throwaway PostgreSQL cluster here: {exc}")
    try:
        yield made
    finally:
        made.destroy()


async def _eventually(condition: Callable[[], bool], *, within: float = 30.0) -> None:
    # A ceiling for what never comes, not the latency (a second or so on a quiet machine):
    # a busy 2-core machine delays the follower's look by seconds.
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "not seen within the time"
        await asyncio.sleep(0.02)


async def test_a_server_restart_loses_no_change_and_answers_on_meanwhile(
    cluster: Cluster, make_knowledge_dir: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Stop the server under a running bot, start it again: answers all along, plain write
    failures meanwhile, and afterwards every change made elsewhere is answered here."""
    caplog.set_level(logging.INFO)
    password = urlsplit(cluster.url).password or "no-password-in-the-url"
    knowledge = make_knowledge_dir({"facts.yaml": FACTS_YAML}, name="knowledge")
    running = await open_knowledge_base_at(cluster.url, knowledge)
    try:
        running.follow_changes()
        other = await open_knowledge_base_at(cluster.url, knowledge, start=StartMode.STORED_ONLY)
        try:
            before = await other.add_fact(FactInput("The Baku ferry sails at dawn."), OPERATOR)
        finally:
            await other.close()
        await _eventually(lambda: running.fact(before.id) is not None)

        # ------------------------------------------------------------ the server goes away
        await asyncio.to_thread(cluster.stop)
        answer = await running.ask("why did azerbaijan recall its ambassador")
        assert answer.best is not None and answer.best.fact.id == "ambassador-recalled"
        for actor in (MEMBER, OPERATOR):  # a member's daily budget is read first
            with pytest.raises(WriteFailed, match="could not be saved"):
                await running.add_fact(FactInput("Written while the server is down."), actor)
        problem = running.write_problem
        assert problem is not None and "cannot reach the database postgresql://" in problem
        with pytest.raises(WriteFailed) as stats:
            await running.stats(all_guilds=True)
        assert str(stats.value).startswith("The statistics cannot be read: cannot reach")
        assert "Answers still work from memory" in str(stats.value)
        # The follower tries (every second on a quiet machine), and says so once.
        await _eventually(lambda: "could not read other processes' changes" in caplog.text)
        answer = await running.ask("when does the baku ferry sail")
        assert answer.best is not None and answer.best.fact.id == before.id

        # ----------------------------------------------- back, and written to at once
        await asyncio.to_thread(cluster.start)
        other = await open_knowledge_base_at(cluster.url, knowledge, start=StartMode.STORED_ONLY)
        try:
            after = await other.add_fact(FactInput("The Baku metro opens a new line."), OPERATOR)
            await other.remove_fact(before.id, OPERATOR)
        finally:
            await other.close()
        await _eventually(
            lambda: running.fact(after.id) is not None and running.fact(before.id) is None
        )
        mine = await running.add_fact(FactInput("Written once the server is back."), MEMBER)
        assert running.write_problem is None
        assert (await running.stats(all_guilds=True)).facts_by_origin["user"] == 2

        # ------------------- away again, and the change log pruned past where it was
        await asyncio.to_thread(cluster.stop)
        await asyncio.sleep(1.2)
        await asyncio.to_thread(cluster.start)
        connection = await asyncpg.connect(cluster.url)
        try:
            # Another process writes two facts, and the log is pruned past where the running
            # bot was in the same breath (as if more changes were made than the log keeps).
            async with connection.transaction():
                for fact_id in ("late-one", "late-two"):
                    await connection.execute(
                        "INSERT INTO facts (id, origin, answer, questions, created_at, "
                        "updated_at) VALUES ($1, 'user', $2, '[]', now(), now())",
                        fact_id,
                        f"The Baku port adds berth {fact_id}.",
                    )
                await connection.execute(
                    "DELETE FROM fact_changes WHERE seq < (SELECT MAX(seq) FROM fact_changes)"
                )
        finally:
            await connection.close()
        await _eventually(
            lambda: running.fact("late-one") is not None and running.fact("late-two") is not None,
        )
        assert running.fact(mine.id, guild_id=1) is not None and running.fact(before.id) is None
    finally:
        await running.close()

    logged = caplog.text
    assert password not in logged
    assert logged.count("could not read other processes' changes") <= 2  # once per outage
    assert "reading other processes' changes again" in logged
    assert "index read again from the store" in logged  # the pruned log: read everything
