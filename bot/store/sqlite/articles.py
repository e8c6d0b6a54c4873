"""Ingestion's bookkeeping: the articles already read, and the draft each went into."""

from __future__ import annotations

from bot.store.sqlite.connection import SqliteConnection, translated
from bot.store.sqlite.rows import now_text


class SqliteArticles(SqliteConnection):
    @translated
    async def article_seen(self, key: str, url: str | None = None) -> str | None:
        """The draft file an article (by feed GUID or URL) went into, "" if none, or None."""
        async with self._read(
            "SELECT draft FROM seen_articles WHERE key = ? OR (? IS NOT NULL AND url = ?)",
            (key, url, url),
        ) as cursor:
            row = await cursor.fetchone()
        return None if row is None else str(row[0] or "")

    @translated
    async def remember_article(
        self, key: str, *, url: str | None, title: str, feed: str | None, draft: str | None
    ) -> None:
        async with self.transaction() as db:
            await db.execute(
                "INSERT OR REPLACE INTO seen_articles (key, url, title, feed, draft, seen_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key, url, title, feed, draft, now_text()),
            )
