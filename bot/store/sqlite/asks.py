"""Questions asked and votes given, and the statistics counted from them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.core.models import Stats
from bot.core.storage import AskRecord, stats_from_counts
from bot.store.sqlite.connection import SqliteConnection, translated
from bot.store.sqlite.rows import now_text


class SqliteAsks(SqliteConnection):
    @translated
    async def record_asks(self, records: Sequence[AskRecord]) -> None:
        """Save questions asked (for the statistics), many in one transaction."""
        async with self.transaction() as db:
            await db.executemany(
                "INSERT INTO asks (at, guild_id, question, decision, fact_id, score) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        r.at or now_text(),
                        r.guild_id,
                        r.question[:500],
                        r.decision.value,
                        r.fact_id,
                        r.score,
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
        async with self._read(
            f"SELECT lower(trim(question)) AS q, COUNT(*) AS n FROM asks "
            f"WHERE {scope} AND decision = 'unknown' GROUP BY q ORDER BY n DESC, q LIMIT 5",
            params,
        ) as cursor:
            unanswered = tuple((row[0], int(row[1])) for row in await cursor.fetchall())
        async with self._read(
            f"SELECT vote, COUNT(*) FROM feedback WHERE {scope} GROUP BY vote", params
        ) as cursor:
            votes = {int(row[0]): int(row[1]) for row in await cursor.fetchall()}
        thumbs_down = await self._thumbs_down(scope, params, 5)
        return stats_from_counts(fact_rows, decisions, unanswered, votes, thumbs_down)

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
        server before it. ``aside``: read without waiting for a write under way
        (``_read_aside``)."""
        read = self._read_aside if aside else self._read
        async with read(
            "SELECT question, fact_id, COUNT(*) AS n FROM ("
            " SELECT f.fact_id AS fact_id, ("
            "  SELECT lower(trim(a.question)) FROM asks a"
            "  WHERE a.fact_id = f.fact_id AND a.guild_id IS f.guild_id"
            "  AND a.decision = 'answer' AND a.at <= f.at"
            "  ORDER BY a.at DESC, a.pk DESC LIMIT 1) AS question"
            f" FROM feedback f WHERE f.vote = -1 AND {scope.replace('guild_id', 'f.guild_id')}"
            ") WHERE question IS NOT NULL GROUP BY question, fact_id "
            "ORDER BY n DESC, question, fact_id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ) as cursor:
            return tuple((row[0], row[1], int(row[2])) for row in await cursor.fetchall())
