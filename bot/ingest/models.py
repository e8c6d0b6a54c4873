"""What ingestion works with: an article, a statement taken from it, and its errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.core.errors import NewsdeskError


class IngestError(NewsdeskError):
    """A source could not be turned into a draft; the message says why, in one sentence."""


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: where it is from and its main text (without the headline)."""

    title: str
    text: str
    url: str | None = None
    published: dt.date | None = None
    guid: str | None = None

    @property
    def key(self) -> str:
        """What identifies the article across polls: its feed GUID, else its link, else title."""
        return self.guid or self.url or f"title:{self.title.strip().lower()}"


@dataclass(slots=True)
class Statement:
    """A sentence of the article that states a fact, as it will be answered."""

    text: str
    """The cleaned answer text (referents resolved)."""
    original: str
    """The sentence as the article wrote it."""
    position: int
    """Order in the article."""
    follows_previous: bool = False
    """It began with "In response", "Despite this"...: its context is the previous statement."""
    merged: list[str] = field(default_factory=list)
    """The texts of the near-duplicate statements merged into this one."""
    extra_questions: list[str] = field(default_factory=list)
    """Questions the article itself asks that this statement answers (e.g. the headline)."""
