"""Changes as they happen: the change log's triggers NOTIFY, and a running bot LISTENs on a
connection of its own, so it is told of another process's change when that commits."""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress

import asyncpg

from bot.core.storage import redact_url
from bot.store.postgres.connection import CONNECT_SECONDS, PostgresConnection
from bot.store.postgres.errors import DRIVER_ERRORS, store_error
from bot.store.postgres.migrations import CHANGES_CHANNEL

log = logging.getLogger(__name__)


class PostgresListening(PostgresConnection):
    async def wait_for_changes(self, seconds: float) -> None:
        """Return when another process committed a change to the facts (the change log's
        triggers NOTIFY; this store LISTENs on a connection of its own), when that connection
        came back after being lost (changes may have been missed meanwhile), or after
        ``seconds``. While the server cannot be reached, it tries again every few seconds and
        otherwise just waits."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        if self._listener is None or self._listener.is_closed():
            self._listener = None
            if loop.time() >= self._listen_after:
                if await self._listen(min(CONNECT_SECONDS, max(seconds, 1.0))):
                    self._changed.clear()
                    return  # listening (again): whatever happened before is to be read now
                self._listen_after = loop.time() + min(5.0, max(seconds, 1.0))
        remaining = deadline - loop.time()
        if remaining > 0:
            with suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)
        self._changed.clear()

    async def _listen(self, within: float) -> bool:
        """Open the listening connection; False (logged once per outage) if it cannot be."""
        connection = None
        try:
            connection = await asyncpg.connect(
                self._url,
                timeout=within,
                server_settings={"application_name": "newsdesk-listen"},
            )
            await connection.add_listener(CHANGES_CHANNEL, self._notified)
        except (*DRIVER_ERRORS, ValueError) as exc:
            if connection is not None:
                connection.terminate()
            if not self._listen_failing:
                reason = (
                    redact_url(str(exc))
                    if isinstance(exc, ValueError)
                    else str(store_error(exc, self.location))
                )
                log.warning(
                    "not listening for changes (%s); reading them on a timer meanwhile", reason
                )
            self._listen_failing = True
            return False
        connection.add_termination_listener(self._listener_lost)
        self._listener = connection
        if self._listen_failing:
            log.warning("listening for changes again at %s", self.location)
        self._listen_failing = False
        return True

    def _notified(self, *_: object) -> None:
        self._changed.set()

    def _listener_lost(self, *_: object) -> None:
        # Wake the waiter: it opens a new connection, and the changes are read again.
        self._changed.set()
