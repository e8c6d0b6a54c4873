"""What ingestion works with: an article, a statement taken from it, and its errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.core.errors import NewsdeskError

if TYPE_CHECKING:
    from bot.ingest.event_phrase import Event

# The most bytes of one page, feed or file read: 2 MiB holds any news article's page, and the
# extractor's time grows faster than the size (a 4.9 MB page took 24 s to be refused; one of
# nested markup, over 3 minutes and 364 MB).
MAX_SOURCE_BYTES = 2 * 1024 * 1024


class IngestError(NewsdeskError):
    """A source could not be turned into a draft; the message says why, in one sentence.

    It names the source (its link or file name), never its content: a refused source may be
    something nobody should see, and the message goes back to whoever gave the source.
    """


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: where it is from and its main text (without the headline)."""

    title: str
    text: str
    url: str | None = None
    published: dt.date | None = None
    guid: str | None = None
    file_name: str | None = None
    """The local file it was read from, as the operator named it."""
    file_digest: str | None = None
    """SHA-256 of that file's bytes."""

    @property
    def key(self) -> str:
        """What identifies the article across polls: its feed GUID, else its link, else the
        content of the file it was read from (two stories may share a headline)."""
        if self.guid:
            return self.guid
        if self.url:
            return self.url
        if self.file_digest:
            return f"file:sha256:{self.file_digest}"
        return f"title:{self.title.strip().lower()}"

    @property
    def source(self) -> str:
        """Where it is from, for messages: its link, else its file name."""
        return self.url or self.file_name or "The article"


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
    sources: list[str] = field(default_factory=list)
    """The article's sentences the answer is made from, as written (``original`` first)."""
    date: dt.date | None = None
    """The day its event happened, when the article gives or implies it."""
    date_note: str | None = None
    """How that day was read, for the reviewer ("last week", counted from 15 April 2024)."""
    own_day: dt.date | None = None
    """The day its own event happened, when its sentence pins it to one: not the day
    something was said ("the ministry said on Thursday"), nor an approximate week."""
    background: bool = False
    """It tells of another time than the story's ("Renko first won the presidency in 2015",
    or what follows it): set in neither the main event nor the story's place."""
    lead_in: bool = False
    """The main event was put in front of it ("In the Ganja flood of 14 May 2025, ...")."""
    core: str = ""
    """The answer without the lead-in (what ids and questions are made from)."""
    event: Event | None = None
    """The event its sentence leans on, when not the article's main one ("the Wagner
    mutiny" in a story about the crash that killed its leader): set in that one."""
    parts: list[str] = field(default_factory=list)
    """Each sentence of the answer as resolved, in order: questions are asked of each one,
    so that a sentence carried on into the fact still gets its own."""
