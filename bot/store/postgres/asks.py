"""Questions asked and votes given, and the statistics counted from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import asyncpg

from bot.core.models import Stats
from bot.core.same_question import question_key
from bot.core.storage import AskRecord, stats_from_counts
from bot.store.ask_spellings import ASK_KEY, KEY_BATCH, ranked_spellings
from bot.store.postgres.connection import PostgresConnection
from bot.store.postgres.errors import translated
from bot.store.postgres.rows import now_moment, storable_text

# The migration that gave asks their question_key.
KEYED_SINCE = 5

# Ties broken as SQLite breaks them: by the bytes of the text.
_BYTES = ' COLLATE "C"'


def _unanswered_sql(all_guilds: bool) -> str:
    """The most asked unanswered questions by ``question_key``: $1 how many, $2 skipping how
    many, $3 the server (unless ``all_guilds``)."""
    scope = "TRUE" if all_guilds else "guild_id IS NOT DISTINCT FROM $3::bigint"
    return (
        "WITH spellings AS ("
        f" SELECT {ASK_KEY} AS k, lower(trim(question)) AS q, COUNT(*) AS n FROM asks"
        f" WHERE {scope} AND decision = 'unknown' GROUP BY k, q"
        f"), ranked AS ({ranked_spellings(by_fact=False, collate=_BYTES)}) "
        f"SELECT q, total FROM ranked WHERE nth = 1 ORDER BY total DESC, q{_BYTES} "
        "LIMIT $1 OFFSET $2"
    )


def _keyed(
    keys: list[tuple[int, str]],
) -> Callable[[asyncpg.Connection], Awaitable[None]]:
    """A write giving each (ask pk, question_key) its key."""

    async def write(connection: asyncpg.Connection) -> None:
        await connection.executemany("UPDATE asks SET question_key = $2 WHERE pk = $1", keys)

    return write


class PostgresAsks(PostgresConnection):
    @translated
    async def stats(self, guild_id: int | None, *, all_guilds: bool = False) -> Stats:
        """Counts for one server (its asks, its facts and the file facts), or for everything."""
        scope = "TRUE" if all_guilds else "guild_id IS NOT DISTINCT FROM $1::bigint"
        fact_scope = "TRUE" if all_guilds else "(guild_id IS NULL OR guild_id = $1::bigint)"
        params: tuple[Any, ...] = () if all_guilds else (guild_id,)

        async def read(connection: asyncpg.Connection) -> tuple[list[Any], ...]:
            return (
                await connection.fetch(
                    f"SELECT origin, status, COUNT(*) FROM facts WHERE {fact_scope} "
                    "GROUP BY origin, status",
                    *params,
                ),
                await connection.fetch(
                    f"SELECT decision, COUNT(*) FROM asks WHERE {scope} GROUP BY decision",
                    *params,
                ),
                await connection.fetch(_unanswered_sql(all_guilds), 5, 0, *params),
                await connection.fetch(
                    f"SELECT vote, COUNT(*) FROM feedback WHERE {scope} GROUP BY vote", *params
                ),
            )

        fact_rows, decision_rows, unanswered_rows, vote_rows = await self._read(read, snapshot=True)
        thumbs_down = await self._thumbs_down(guild_id, all_guilds=all_guilds, limit=5)
        decisions = {row[0]: int(row[1]) for row in decision_rows}
        unanswered = tuple((row[0], int(row[1])) for row in unanswered_rows)
        votes = {int(row[0]): int(row[1]) for row in vote_rows}
        return stats_from_counts(fact_rows, decisions, unanswered, votes, thumbs_down)

    async def _unanswered(
        self, guild_id: int | None, *, all_guilds: bool, limit: int, offset: int = 0
    ) -> tuple[tuple[str, int], ...]:
        """(question, count) of the unanswered questions asked most (after the first
        ``offset``), each spelling of one question (``question_key``) counted as it, shown as
        its most asked spelling."""
        params: tuple[Any, ...] = () if all_guilds else (guild_id,)
        rows = await self._fetch(_unanswered_sql(all_guilds), limit, offset, *params)
        return tuple((row[0], int(row[1])) for row in rows)

    async def _thumbs_down(
        self, guild_id: int | None, *, all_guilds: bool, limit: int, offset: int = 0
    ) -> tuple[tuple[str, str, int], ...]:
        """(question, fact id, count) of the answers voted 👎 most (after the first
        ``offset``): each vote is put down to the last question answered with that fact in that
        server before it, each spelling of one question (``question_key``) to that question,
        shown as its most voted spelling."""
        scope = "TRUE" if all_guilds else "f.guild_id IS NOT DISTINCT FROM $3::bigint"
        params: tuple[Any, ...] = () if all_guilds else (guild_id,)
        rows = await self._fetch(
            "WITH voted AS ("
            " SELECT f.fact_id AS fact_id, ("
            "  SELECT a.pk FROM asks a"
            "  WHERE a.fact_id = f.fact_id AND a.guild_id IS NOT DISTINCT FROM f.guild_id"
            "  AND a.decision = 'answer' AND a.at <= f.at"
            "  ORDER BY a.at DESC, a.pk DESC LIMIT 1) AS ask"
            f" FROM feedback f WHERE f.vote = -1 AND {scope}"
            "), spellings AS ("
            f" SELECT {ASK_KEY} AS k, lower(trim(question)) AS q, voted.fact_id AS fact_id,"
            "  COUNT(*) AS n FROM voted JOIN asks ON asks.pk = voted.ask"
            "  GROUP BY k, q, voted.fact_id"
            f"), ranked AS ({ranked_spellings(by_fact=True, collate=_BYTES)}) "
            "SELECT q, fact_id, total FROM ranked WHERE nth = 1 "
            f"ORDER BY total DESC, q{_BYTES}, fact_id{_BYTES} LIMIT $1 OFFSET $2",
            limit,
            offset,
            *params,
        )
        return tuple((row[0], row[1], int(row[2])) for row in rows)

    async def _key_asks(self) -> None:
        """Give the asks recorded without one (before migration 5, or by an older process
        since) their ``question_key``, a batch per transaction."""
        version = await self._fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version")
        if int(version) < KEYED_SINCE:
            return  # a database kept at an older version (the upgrade tests make them)
        while rows := await self._fetch(
            "SELECT pk, question FROM asks WHERE question_key IS NULL LIMIT $1", KEY_BATCH
        ):
            await self._write(_keyed([(pk, question_key(q)) for pk, q in rows]))

    @translated
    async def record_asks(self, records: Sequence[AskRecord]) -> None:
        """Save questions asked (for the statistics), many in one transaction."""
        if not records:
            return
        rows = [
            (
                dt.datetime.fromisoformat(r.at) if r.at else now_moment(),
                r.guild_id,
                storable_text(r.question[:500]),
                r.decision.value,
                r.fact_id,
                float(r.score),
                storable_text(question_key(r.question[:500])),
            )
            for r in records
        ]

        async def write(connection: asyncpg.Connection) -> None:
            await connection.copy_records_to_table(
                "asks",
                records=rows,
                columns=[
                    "at",
                    "guild_id",
                    "question",
                    "decision",
                    "fact_id",
                    "score",
                    "question_key",
                ],
            )

        await self._write(write)

    @translated
    async def record_feedback(
        self, answer_ref: str, fact_id: str, user_id: int, guild_id: int | None, vote: int
    ) -> bool:
        """One vote per user per answer: a repeat replaces the earlier vote.

        Returns True when this is the user's first vote on this answer (decided by the one
        statement that writes it, however many processes vote at once).
        """

        async def write(connection: asyncpg.Connection) -> bool:
            return bool(
                await connection.fetchval(
                    "INSERT INTO feedback (answer_ref, user_id, guild_id, fact_id, vote, at) "
                    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (answer_ref, user_id) "
                    "DO UPDATE SET vote = EXCLUDED.vote, at = EXCLUDED.at "
                    "RETURNING xmax = 0",
                    storable_text(answer_ref),
                    user_id,
                    guild_id,
                    storable_text(fact_id),
                    vote,
                    now_moment(),
                )
            )

        return await self._write(write)
