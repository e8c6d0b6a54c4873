"""Values as the SQLite store keeps them: dates and moments as ISO text, facts as rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from bot.core.models import Fact
from bot.store.fact_rows import FACT_COLUMNS, fact_row, row_fact

# The written columns, then live_since, created_at and updated_at.
INSERT_FACT = f"INSERT INTO facts ({FACT_COLUMNS}, created_at, updated_at"
FACT_PLACEHOLDERS = ", ".join("?" * 18)
# Now, in seconds since 1970, on the database's clock (the same in every process on the file,
# for leases and claims whose holder may be killed); julianday keeps milliseconds, where
# strftime('%s') would round to the second.
DB_NOW = "((julianday('now') - 2440587.5) * 86400.0)"


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def day_text(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def fact_values(fact: Fact) -> tuple[Any, ...]:
    return fact_row(fact, day=day_text)


def read_fact(row: Sequence[Any]) -> Fact:
    return row_fact(row, day=read_day, moment=read_moment)


def read_day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def moment_text(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds") if value else None


def read_moment(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None
