"""From fetched bytes or a local file to ``Article``s: HTML pages, RSS/Atom feeds, plain text.

HTML goes through trafilatura (main-text extraction, title and date metadata) on the page we
fetched ourselves: trafilatura never downloads anything here. Feeds go through feedparser on
the bytes we fetched (it is never given a URL to fetch either). In a plain text file the first
line is the headline.

``from_html`` and ``parse_feed`` run in a child process (``worker``): they take the source's
name for their messages, which never quote what they refused.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import feedparser
import trafilatura
from dateparser.date import DateDataParser  # type: ignore[import-untyped]

from bot.ingest.models import MAX_SOURCE_BYTES, Article, IngestError

# trafilatura logs a WARNING for every page it finds no article in ("discarding data"); we
# report that ourselves, in one sentence, so its own warnings would only be noise.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

MIN_ARTICLE_CHARS = 200
# About 10,000 words, the longest of long reads; drafting takes time that grows faster than the
# text (80,000 characters: 2 s), and it holds the knowledge base's reload lock meanwhile.
MAX_ARTICLE_CHARS = 60_000
_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S
)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed: its identity, link, and whatever text the feed itself carries."""

    guid: str
    title: str
    link: str | None
    published: dt.date | None
    summary: str


def looks_like_feed(content_type: str, body: bytes) -> bool:
    if content_type in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    return bool(_FEED_START.match(body[:2048]))


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def from_html(html: str, url: str | None, source: str) -> Article:
    """The article in an HTML page, or ``IngestError`` naming ``source`` (its link or file name)
    if the page has no article text."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    text = getattr(document, "text", None) or ""
    title = (getattr(document, "title", None) or "").strip()
    if len(text) < MIN_ARTICLE_CHARS:
        raise IngestError(f"{source} does not look like a news article (no article text found).")
    lines = text.splitlines()
    if lines and title and lines[0].strip() == title:
        text = "\n".join(lines[1:])
    return Article(
        title=title or (lines[0][:200] if lines else "Untitled"),
        text=text,
        url=url,
        published=_date(getattr(document, "date", None)),
    )


# "Published: 2024-04-15" (or "Date:", "Published on") on a line of its own under the headline;
# in Russian "Опубликовано:"/"Дата:", in Azerbaijani "Dərc olunub:"/"Tarix:", the date also as
# words ("12 марта 2025", "12 mart 2025", "12 March 2025"), read by dateparser in its language.
_PUBLISHED_LINE = re.compile(
    r"^\s*(?:Published|Date|Posted|Updated|Опубликовано|Дата|Dərc olunub|Dərc edilib|Tarix)"
    r"(?:\s+on)?\s*:?\s*(?:(?P<date>\d{4}-\d{2}-\d{2})\b|(?P<words>\d{1,2}\s+\w+\s+\d{4})).*$",
    re.IGNORECASE,
)


def _date_in_words(value: str) -> dt.date | None:
    """ "12 марта 2025" / "12 mart 2025" / "12 March 2025" as a date (no dates relative to
    today: the line gives a year)."""
    parser = DateDataParser(languages=["en", "ru", "az"], settings={"STRICT_PARSING": True})
    data = parser.get_date_data(value)
    return data.date_obj.date() if data.date_obj is not None else None


def from_text(text: str, url: str | None, source: str) -> Article:
    """A plain text article: the first non-empty line is the headline; a line right under it
    such as ``Published: 2024-04-15`` gives the publication date (which "on Monday" and "last
    week" are counted from). ``IngestError`` naming ``source`` (its link or file name) if there
    is too little text after it."""
    lines = text.strip().splitlines()
    if not lines:
        raise IngestError(f"{source} is empty: nothing to draft.")
    title, rest = lines[0].strip(), lines[1:]
    published = None
    for index, line in enumerate(rest[:3]):
        if not line.strip():
            continue
        match = _PUBLISHED_LINE.match(line)
        if match:
            published = _date(match["date"]) if match["date"] else _date_in_words(match["words"])
            rest = rest[:index] + rest[index + 1 :]
        break
    body = "\n".join(rest)
    if len(body) < MIN_ARTICLE_CHARS:
        raise IngestError(
            f"{source} is too short to be a news article ({len(body)} characters after the "
            f"headline, at least {MIN_ARTICLE_CHARS} needed)."
        )
    return Article(title=title, text=body, url=url, published=published)


def _struct_date(value: object) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date(value[0], value[1], value[2])  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return None


def parse_feed(body: bytes, source: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed, newest first as the feed lists them."""
    parsed = feedparser.parse(body)
    if parsed.get("bozo") and not parsed.get("entries"):
        raise IngestError(f"{source} cannot be read as a feed (it is not valid RSS or Atom).")
    entries: list[FeedEntry] = []
    for entry in parsed.get("entries", []):
        link = entry.get("link")
        guid = entry.get("id") or link or entry.get("title")
        if not guid:
            continue
        contents = entry.get("content") or []
        body_html = contents[0].get("value", "") if contents else entry.get("summary", "")
        summary = re.sub(r"<[^>]+>", " ", body_html or "")
        entries.append(
            FeedEntry(
                guid=str(guid),
                title=str(entry.get("title") or "").strip(),
                link=str(link) if link else None,
                published=_struct_date(
                    entry.get("published_parsed") or entry.get("updated_parsed")
                ),
                summary=" ".join(summary.split()),
            )
        )
    return entries


def read_file(path: Path) -> tuple[str, bytes]:
    """A local source: ("html" | "feed" | "text", bytes), by content, not only by extension."""
    try:
        # Read one byte past the limit rather than trust the size: files in /proc say 0.
        with path.open("rb") as file:
            body = file.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise IngestError(f"{path} cannot be read: {exc.strerror}.") from exc
    if len(body) > MAX_SOURCE_BYTES:
        raise IngestError(f"{path} is over the {MAX_SOURCE_BYTES:,}-byte limit for a file.")
    if looks_like_feed("", body):
        return "feed", body
    head = body[:4096].lstrip().lower()
    if path.suffix.lower() in (".html", ".htm") or head.startswith((b"<!doctype html", b"<html")):
        return "html", body
    return "text", body
