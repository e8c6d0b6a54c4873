"""Work done once among processes on one database: claims, and leases on the server's clock."""

from __future__ import annotations

import asyncpg

from bot.store.postgres.connection import PostgresConnection
from bot.store.postgres.errors import translated
from bot.store.postgres.rows import now_moment, row_count, storable_text


class PostgresCoordination(PostgresConnection):
    @translated
    async def claim_once(self, key: str) -> bool:
        """Record ``key``; True only for the one call (of any process) that recorded it: the
        primary key decides, whoever commits first."""

        async def write(connection: asyncpg.Connection) -> bool:
            status = await connection.execute(
                "INSERT INTO claims (key, claimed_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
                storable_text(key),
                now_moment(),
            )
            return row_count(status) == 1

        return await self._write(write)

    @translated
    async def hold_lease(self, name: str, holder: str, seconds: float) -> bool:
        """Take or renew the lease ``name`` for ``holder`` for ``seconds``; True when
        ``holder`` holds it afterwards (the contract: ``KnowledgeStore.hold_lease``).

        One compare-and-set statement in its own transaction, on the server's clock: insert
        the lease, or take it over only where it is ``holder``'s already or has expired. A
        racing insert of the same name waits for the first to commit, then re-checks the
        condition on the committed row: exactly one of them gets it. ``seconds == 0`` gives
        it up.
        """
        if seconds < 0:
            raise ValueError("a lease is held for 0 seconds or more")

        async def write(connection: asyncpg.Connection) -> int:
            return row_count(
                await connection.execute(
                    "INSERT INTO leases (name, holder, expires_at) "
                    "VALUES ($1, $2, now() + make_interval(secs => $3)) "
                    "ON CONFLICT (name) DO UPDATE SET "
                    "holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at "
                    "WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <= now()",
                    storable_text(name),
                    storable_text(holder),
                    float(seconds),
                )
            )

        return await self._write(write) == 1 and seconds > 0

    @translated
    async def drop_lease(self, name: str, holder: str) -> None:
        """Delete ``holder``'s lease ``name`` (``KnowledgeStore.drop_lease``)."""

        async def write(connection: asyncpg.Connection) -> None:
            await connection.execute(
                "DELETE FROM leases WHERE name = $1 AND holder = $2",
                storable_text(name),
                storable_text(holder),
            )

        await self._write(write)
