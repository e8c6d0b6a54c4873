"""Ingestion's bookkeeping: the articles already read, and the draft each went into."""

from __future__ import annotations

import asyncpg

from bot.core.storage import OwedAnnouncement
from bot.store.postgres.connection import PostgresConnection
from bot.store.postgres.errors import translated
from bot.store.postgres.rows import now_moment, storable_text


class PostgresArticles(PostgresConnection):
    @translated
    async def article_seen(self, key: str, url: str | None = None) -> str | None:
        """The draft file an article (by feed GUID or URL) went into, "" if none, or None."""
        rows = await self._fetch(
            "SELECT draft FROM seen_articles WHERE key = $1 OR ($2::text IS NOT NULL AND url = $2)",
            storable_text(key),
            storable_text(url),
        )
        return None if not rows else str(rows[0][0] or "")

    @translated
    async def remember_article(
        self,
        key: str,
        *,
        url: str | None,
        title: str,
        feed: str | None,
        draft: str | None,
        announce: bool = False,
    ) -> None:
        # One statement: the record and the announcement it owes are written together.
        async def write(connection: asyncpg.Connection) -> None:
            await connection.execute(
                "INSERT INTO seen_articles (key, url, title, feed, draft, seen_at, announcement) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO UPDATE SET "
                "url = EXCLUDED.url, title = EXCLUDED.title, feed = EXCLUDED.feed, "
                "draft = EXCLUDED.draft, seen_at = EXCLUDED.seen_at, "
                "announcement = EXCLUDED.announcement, announcing_holder = NULL, "
                "announcing_since = NULL",
                storable_text(key),
                storable_text(url),
                storable_text(title),
                storable_text(feed),
                storable_text(draft),
                now_moment(),
                "owed" if announce else None,
            )

        await self._write(write)

    @translated
    async def claim_announcements(
        self, holder: str, stale_seconds: float
    ) -> list[OwedAnnouncement]:
        """Claim for ``holder`` the owed announcements nobody claimed, or claimed more than
        ``stale_seconds`` ago (``KnowledgeStore.claim_announcements``). A racing claim waits
        for the first to commit, then re-checks the condition on the committed row: each
        announcement goes to one of them."""

        async def write(connection: asyncpg.Connection) -> list[asyncpg.Record]:
            return list(
                await connection.fetch(
                    "UPDATE seen_articles SET announcing_holder = $1, announcing_since = now() "
                    "WHERE announcement = 'owed' AND (announcing_since IS NULL "
                    "OR announcing_since <= now() - make_interval(secs => $2)) "
                    "RETURNING key, draft, title",
                    storable_text(holder),
                    float(stale_seconds),
                )
            )

        rows = await self._write(write)
        return sorted(OwedAnnouncement(str(r[0]), str(r[1] or ""), str(r[2])) for r in rows)

    @translated
    async def announced(self, keys: list[str]) -> None:
        """Mark the announcements of ``keys`` done (``KnowledgeStore.announced``)."""

        async def write(connection: asyncpg.Connection) -> None:
            await connection.execute(
                "UPDATE seen_articles SET announcement = 'done' "
                "WHERE key = ANY($1::text[]) AND announcement = 'owed'",
                [storable_text(key) for key in keys],
            )

        await self._write(write)
