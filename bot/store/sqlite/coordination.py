"""Work done once among processes on one file: claims, and leases on the database's clock."""

from __future__ import annotations

from bot.store.sqlite.connection import SqliteConnection, translated
from bot.store.sqlite.rows import DB_NOW, now_text


class SqliteCoordination(SqliteConnection):
    @translated
    async def claim_once(self, key: str) -> bool:
        """Record ``key``; True only for the one call (of any process) that recorded it."""
        async with self.transaction() as db:
            cursor = await db.execute(
                "INSERT INTO claims (key, claimed_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                (key, now_text()),
            )
            return cursor.rowcount == 1

    @translated
    async def hold_lease(self, name: str, holder: str, seconds: float) -> bool:
        """Take or renew the lease ``name`` for ``holder`` for ``seconds``; True when
        ``holder`` holds it afterwards (the contract: ``KnowledgeStore.hold_lease``).

        One compare-and-set statement in one transaction, on the database's clock (every
        process on this file reads the same one): insert the lease, or take it over only
        where it is ``holder``'s already or has expired. ``seconds == 0`` gives it up.
        """
        if seconds < 0:
            raise ValueError("a lease is held for 0 seconds or more")
        async with self.transaction() as db:
            cursor = await db.execute(
                f"INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, {DB_NOW} + ?) "
                "ON CONFLICT (name) DO UPDATE SET "
                "holder = excluded.holder, expires_at = excluded.expires_at "
                f"WHERE leases.holder = excluded.holder OR leases.expires_at <= {DB_NOW}",
                (name, holder, float(seconds)),
            )
            changed = cursor.rowcount
        return changed == 1 and seconds > 0

    @translated
    async def drop_lease(self, name: str, holder: str) -> None:
        """Delete ``holder``'s lease ``name`` (``KnowledgeStore.drop_lease``)."""
        async with self.transaction() as db:
            await db.execute("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))
