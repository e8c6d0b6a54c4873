"""A fact as a row of the facts table, the one column order both backends write and read.

The backends differ only in how a value is held: SQLite keeps dates and moments as ISO text and
any text as it is; PostgreSQL has date and timestamp types, and text without NUL. Each passes
its converters; the order of the columns, and what goes in each, is stated once, here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from bot.core.models import Fact, Origin, Source, Status
from bot.store.translations import dump_translations, load_translations

# What a fact is, as written (``fact_row``); read with ``live_since`` after them.
WRITTEN_COLUMNS = (
    "id, origin, status, guild_id, author_id, file, line, answer, questions, tags, related, "
    "event_date, source_title, source_url, source_published, supersedes, language, translations"
)
FACT_COLUMNS = f"{WRITTEN_COLUMNS}, live_since"
FACT_COLUMN_NAMES = tuple(name.strip() for name in FACT_COLUMNS.split(","))


def _same(value: Any) -> Any:
    return value


def fact_row(
    fact: Fact,
    *,
    text: Callable[[str | None], str | None] = _same,
    day: Callable[[dt.date | None], Any] = _same,
) -> tuple[Any, ...]:
    """The written columns of ``fact``, in ``WRITTEN_COLUMNS`` order."""
    source = fact.source or Source()
    return (
        fact.id,
        fact.origin.value,
        fact.status.value,
        fact.guild_id,
        fact.author_id,
        text(fact.file),
        fact.line,
        text(fact.answer),
        json.dumps(list(fact.questions)),
        json.dumps(list(fact.tags)),
        json.dumps(list(fact.related)),
        day(fact.date),
        text(source.title),
        text(source.url),
        day(source.published),
        json.dumps(list(fact.supersedes)),
        fact.language,
        dump_translations(fact.translations),
    )


def row_fact(
    row: Sequence[Any],
    *,
    day: Callable[[Any], dt.date | None] = _same,
    moment: Callable[[Any], dt.datetime | None] = _same,
) -> Fact:
    """The fact of a row read as ``FACT_COLUMNS``."""
    source = Source(row[12], row[13], day(row[14]))
    return Fact(
        id=row[0],
        origin=Origin(row[1]),
        status=Status(row[2]),
        guild_id=row[3],
        author_id=row[4],
        file=row[5],
        line=row[6],
        answer=row[7],
        questions=tuple(json.loads(row[8])),
        tags=tuple(json.loads(row[9])),
        related=tuple(json.loads(row[10])),
        date=day(row[11]),
        source=None if source.is_empty() else source,
        supersedes=tuple(json.loads(row[15])),
        language=row[16],
        translations=load_translations(row[17]),
        added_at=moment(row[18]),
    )
