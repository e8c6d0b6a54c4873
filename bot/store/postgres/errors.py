"""The PostgreSQL store's failures as the ``StoreError`` family, in PostgreSQL's words but never
with a password."""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, Protocol, TypeVar, cast

import asyncpg

from bot.core.storage import (
    StoreConflict,
    StoreError,
    StoreFull,
    StoreReadOnly,
    StoreUnavailable,
    redact_url,
)

_P = ParamSpec("_P")
_T = TypeVar("_T")


# SQLSTATE classes and codes, as PostgreSQL documents them (Appendix A).
_CONNECTION_LOST = (
    asyncpg.exceptions.PostgresConnectionError,  # class 08
    asyncpg.exceptions.InterfaceError,  # "connection is closed", pool closing
    # A connection whose server went away in the middle of a message ("another operation is
    # in progress"): asyncpg replaces it once it is released.
    asyncpg.exceptions.InternalClientError,
    OSError,  # refused, reset, unreachable
    TimeoutError,  # no connection within CONNECT_SECONDS, or no answer within COMMAND_SECONDS
)
RETRY_CODES = {"40001", "40P01"}  # serialization failure, deadlock detected
_READ_ONLY_CODES = {"25006", "42501"}  # read-only transaction, insufficient privilege
_FULL_CODES = {"53100"}  # disk full
_GONE_CODES = {"53300", "57P01", "57P02", "57P03", "08006", "08001", "08004"}


def sqlstate(exc: BaseException) -> str:
    return str(getattr(exc, "sqlstate", "") or "")


def connection_lost(exc: BaseException) -> bool:
    return isinstance(exc, _CONNECTION_LOST) or sqlstate(exc) in _GONE_CODES


def store_error(exc: BaseException, location: str) -> StoreError:
    """The ``StoreError`` a driver failure means, in PostgreSQL's words but never with a
    password. ``location`` is the redacted URL."""
    code = sqlstate(exc)
    detail = redact_url(str(exc).strip() or type(exc).__name__)
    if code.startswith("23"):
        return StoreConflict(detail)
    if code in _FULL_CODES:
        return StoreFull(f"{detail} (PostgreSQL at {location}: disk full)")
    if code in _READ_ONLY_CODES:
        return StoreReadOnly(f"{detail} (PostgreSQL at {location} refuses writes)")
    if code == "53300":
        return StoreUnavailable(f"{detail}: PostgreSQL at {location} has no connection to spare")
    if connection_lost(exc):
        if isinstance(exc, TimeoutError):
            return StoreUnavailable(f"the database {location} did not answer in time")
        return StoreUnavailable(f"cannot reach the database {location} ({detail})")
    if code in RETRY_CODES:
        return StoreUnavailable(f"{detail} (PostgreSQL at {location}: too many writers at once)")
    return StoreUnavailable(f"{detail} (PostgreSQL at {location})")


DRIVER_ERRORS = (asyncpg.exceptions.PostgresError, *_CONNECTION_LOST)


class _Located(Protocol):
    """A store, as its errors name it: by its URL without the password."""

    @property
    def location(self) -> str: ...


def translated(
    method: Callable[_P, Coroutine[Any, Any, _T]],
) -> Callable[_P, Coroutine[Any, Any, _T]]:
    """Raise ``StoreError``s, never asyncpg's or the socket's, from a store method."""

    @functools.wraps(method)
    async def call(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return await method(*args, **kwargs)
        except StoreError:
            raise
        except DRIVER_ERRORS as exc:
            store = cast(_Located, args[0])
            raise store_error(exc, store.location) from exc

    return call
