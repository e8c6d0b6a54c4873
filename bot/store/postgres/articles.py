"""Ingestion's bookkeeping: the articles already read, and the draft each went into."""

from __future__ import annotations

import asyncpg

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
        self, key: str, *, url: str | None, title: str, feed: str | None, draft: str | None
    ) -> None:
        async def write(connection: asyncpg.Connection) -> None:
            await connection.execute(
                "INSERT INTO seen_articles (key, url, title, feed, draft, seen_at) "
                "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO UPDATE SET "
                "url = EXCLUDED.url, title = EXCLUDED.title, feed = EXCLUDED.feed, "
                "draft = EXCLUDED.draft, seen_at = EXCLUDED.seen_at",
                storable_text(key),
                storable_text(url),
                storable_text(title),
                storable_text(feed),
                storable_text(draft),
                now_moment(),
            )

        await self._write(write)
