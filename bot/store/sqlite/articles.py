"""Ingestion's bookkeeping: the articles already read, and the draft each went into."""

from __future__ import annotations

from bot.core.storage import OwedAnnouncement
from bot.store.sqlite.connection import SqliteConnection, translated
from bot.store.sqlite.rows import DB_NOW, now_text


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
        async with self.transaction() as db:
            await db.execute(
                "INSERT OR REPLACE INTO seen_articles "
                "(key, url, title, feed, draft, seen_at, announcement) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, url, title, feed, draft, now_text(), "owed" if announce else None),
            )

    @translated
    async def claim_announcements(
        self, holder: str, stale_seconds: float
    ) -> list[OwedAnnouncement]:
        """Claim for ``holder`` the owed announcements nobody claimed, or claimed more than
        ``stale_seconds`` ago (``KnowledgeStore.claim_announcements``)."""
        async with self.transaction() as db:
            cursor = await db.execute(
                f"UPDATE seen_articles SET announcing_holder = ?, announcing_since = {DB_NOW} "
                "WHERE announcement = 'owed' AND (announcing_since IS NULL "
                f"OR announcing_since <= {DB_NOW} - ?) RETURNING key, draft, title",
                (holder, float(stale_seconds)),
            )
            rows = await cursor.fetchall()
        return sorted(OwedAnnouncement(str(k), str(d or ""), str(t)) for k, d, t in rows)

    @translated
    async def announced(self, keys: list[str]) -> None:
        """Mark the announcements of ``keys`` done (``KnowledgeStore.announced``)."""
        async with self.transaction() as db:
            await db.executemany(
                "UPDATE seen_articles SET announcement = 'done' "
                "WHERE key = ? AND announcement = 'owed'",
                [(key,) for key in keys],
            )
