"""Values as the PostgreSQL store sends them: moments in UTC to the second, text without NUL,
and the row counts of its command statuses."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.core.models import Fact
from bot.store.fact_rows import fact_row


def now_moment() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def storable_text(value: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL: it becomes U+FFFD (SQLite keeps it), so that a hostile
    question or answer is stored rather than failing its whole transaction."""
    return value.replace("\x00", "\ufffd") if value is not None else None


def fact_values(fact: Fact) -> tuple[Any, ...]:
    return fact_row(fact, text=storable_text)


def utc_second(value: dt.datetime) -> dt.datetime:
    """``value`` as the store compares moments: in UTC, to the second (as SQLite's text)."""
    return value.astimezone(dt.UTC).replace(microsecond=0)


def row_count(status: str) -> int:
    """The row count of a command status ("UPDATE 1", "DELETE 0")."""
    return int(status.rsplit(" ", 1)[-1])
