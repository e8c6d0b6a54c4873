"""Questions asked and votes given, and the statistics counted from them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.core.models import Stats
from bot.core.same_question import question_key
from bot.core.storage import AskRecord, stats_from_counts
from bot.store.ask_spellings import ASK_KEY, KEY_BATCH, ranked_spellings
from bot.store.sqlite.connection import SqliteConnection, translated
from bot.store.sqlite.rows import now_text

# The migration that gave asks their question_key.
KEYED_SINCE = 14


class SqliteAsks(SqliteConnection):
    @translated
    async def record_asks(self, records: Sequence[AskRecord]) -> None:
        """Save questions asked (for the statistics), many in one transaction."""
        async with self.transaction() as db:
            await db.executemany(
                "INSERT INTO asks (at, guild_id, question, decision, fact_id, score, question_key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        r.at or now_text(),
                        r.guild_id,
                        r.question[:500],
                        r.decision.value,
                        r.fact_id,
                        r.score,
                        question_key(r.question[:500]),
                    )
                    for r in records
                ],
            )

    @translated
    async def record_feedback(
        self, answer_ref: str, fact_id: str, user_id: int, guild_id: int | None, vote: int
    ) -> bool:
        """One vote per user per answer: a repeat replaces the earlier vote.

        Returns True when this is the user's first vote on this answer.
        """
        async with self.transaction() as db:
            async with db.execute(
                "SELECT vote FROM feedback WHERE answer_ref = ? AND user_id = ?",
                (answer_ref, user_id),
            ) as cursor:
                existing = await cursor.fetchone()
            await db.execute(
                "INSERT INTO feedback (answer_ref, user_id, guild_id, fact_id, vote, at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (answer_ref, user_id) "
                "DO UPDATE SET vote = excluded.vote, at = excluded.at",
                (answer_ref, user_id, guild_id, fact_id, vote, now_text()),
            )
        return existing is None

    @translated
    async def stats(self, guild_id: int | None, *, all_guilds: bool = False) -> Stats:
        """Counts for one server (its asks, its facts and the file facts), or for everything."""
        scope = "1" if all_guilds else "guild_id IS ?"
        params: tuple[Any, ...] = () if all_guilds else (guild_id,)
        fact_scope = "1" if all_guilds else "(guild_id IS NULL OR guild_id IS ?)"
        async with self._read(
            f"SELECT origin, status, COUNT(*) FROM facts WHERE {fact_scope} "
            "GROUP BY origin, status",
            params,
        ) as cursor:
            fact_rows = await cursor.fetchall()
        async with self._read(
            f"SELECT decision, COUNT(*) FROM asks WHERE {scope} GROUP BY decision", params
        ) as cursor:
            decisions = {row[0]: int(row[1]) for row in await cursor.fetchall()}
        unanswered = await self._unanswered(scope, params, 5)
        async with self._read(
            f"SELECT vote, COUNT(*) FROM feedback WHERE {scope} GROUP BY vote", params
        ) as cursor:
            votes = {int(row[0]): int(row[1]) for row in await cursor.fetchall()}
        thumbs_down = await self._thumbs_down(scope, params, 5)
        return stats_from_counts(fact_rows, decisions, unanswered, votes, thumbs_down)

    async def _unanswered(
        self,
        scope: str,
        params: tuple[Any, ...],
        limit: int,
        *,
        offset: int = 0,
        aside: bool = False,
    ) -> tuple[tuple[str, int], ...]:
        """(question, count) of the unanswered questions asked most (after the first
        ``offset``), each spelling of one question (``question_key``) counted as it, shown as
        its most asked spelling. ``aside``: as ``_thumbs_down``'s."""
        read = self._read_aside if aside else self._read
        unknown = f"FROM asks WHERE {scope} AND decision = 'unknown'"
        # Each question's total first, counted by key from the index asks_by_guild_key (a row
        # without a key yet, by its spelling, as ASK_KEY counts it); then the spellings of only
        # the questions that can be listed: those whose total reaches the (offset + limit)th
        # largest, ties at it included, which the final order decides between by spelling.
        # Counting every spelling of every question read each row and sorted them all (0.13 s
        # of CPU at 200k asks, three times the list before questions were keyed).
        async with read(
            "WITH totals AS ("
            " SELECT k, SUM(n) AS total FROM ("
            f"  SELECT question_key AS k, COUNT(*) AS n {unknown} AND question_key IS NOT NULL"
            "   GROUP BY question_key"
            "  UNION ALL"
            f"  SELECT lower(trim(question)) AS k, COUNT(*) AS n {unknown}"
            "   AND question_key IS NULL GROUP BY k"
            " ) GROUP BY k"
            "), listed AS ("
            " SELECT k FROM totals WHERE total >= COALESCE("
            "  (SELECT total FROM totals ORDER BY total DESC LIMIT 1 OFFSET ?), 0)"
            "), spellings AS ("
            f" SELECT question_key AS k, lower(trim(question)) AS q, COUNT(*) AS n {unknown}"
            "  AND question_key IN listed GROUP BY k, q"
            " UNION ALL"
            f" SELECT lower(trim(question)) AS k, lower(trim(question)) AS q, COUNT(*) AS n"
            f" {unknown} AND question_key IS NULL AND lower(trim(question)) IN listed GROUP BY k"
            f"), ranked AS ({ranked_spellings(by_fact=False)}) "
            "SELECT q, total FROM ranked WHERE nth = 1 ORDER BY total DESC, q LIMIT ? OFFSET ?",
            (*params, *params, max(offset + limit - 1, 0), *params, *params, limit, offset),
        ) as cursor:
            return tuple((row[0], int(row[1])) for row in await cursor.fetchall())

    async def _thumbs_down(
        self,
        scope: str,
        params: tuple[Any, ...],
        limit: int,
        *,
        offset: int = 0,
        aside: bool = False,
    ) -> tuple[tuple[str, str, int], ...]:
        """(question, fact id, count) of the answers voted 👎 most (after the first
        ``offset``): each vote is put down to the last question answered with that fact in that
        server before it, each spelling of one question (``question_key``) to that question,
        shown as its most voted spelling. ``aside``: read without waiting for a write under
        way (``_read_aside``)."""
        read = self._read_aside if aside else self._read
        async with read(
            "WITH voted AS ("
            " SELECT f.fact_id AS fact_id, ("
            "  SELECT a.pk FROM asks a"
            "  WHERE a.fact_id = f.fact_id AND a.guild_id IS f.guild_id"
            "  AND a.decision = 'answer' AND a.at <= f.at"
            "  ORDER BY a.at DESC, a.pk DESC LIMIT 1) AS ask"
            f" FROM feedback f WHERE f.vote = -1 AND {scope.replace('guild_id', 'f.guild_id')}"
            "), spellings AS ("
            f" SELECT {ASK_KEY} AS k, lower(trim(question)) AS q, voted.fact_id AS fact_id,"
            "  COUNT(*) AS n FROM voted JOIN asks ON asks.pk = voted.ask"
            "  GROUP BY k, q, voted.fact_id"
            f"), ranked AS ({ranked_spellings(by_fact=True)}) "
            "SELECT q, fact_id, total FROM ranked WHERE nth = 1 "
            "ORDER BY total DESC, q, fact_id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ) as cursor:
            return tuple((row[0], row[1], int(row[2])) for row in await cursor.fetchall())

    async def _key_asks(self) -> None:
        """Give the asks recorded without one (before migration 14, or by an older process
        since) their ``question_key``, a batch per transaction."""
        async with self._read("PRAGMA user_version") as cursor:
            version = await cursor.fetchone()
        if version is None or int(version[0]) < KEYED_SINCE:
            return  # a database kept at an older version (the upgrade tests make them)
        while True:
            async with self._read(
                "SELECT pk, question FROM asks WHERE question_key IS NULL LIMIT ?",
                (KEY_BATCH,),
            ) as cursor:
                rows = await cursor.fetchall()
            if not rows:
                return
            async with self.transaction() as db:
                await db.executemany(
                    "UPDATE asks SET question_key = ? WHERE pk = ?",
                    [(question_key(question), pk) for pk, question in rows],
                )
