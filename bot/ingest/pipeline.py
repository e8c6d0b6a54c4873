"""``ingest(source)``: a file, page or feed -> draft files, remembering what was drafted.

One article becomes one draft file in ``knowledge/drafts/``. A feed becomes one draft per entry
not seen before; each entry's page is fetched and extracted, or, when the page cannot be read
as an article, the text the feed itself carries is used if it is long enough. Articles already
drafted (by feed GUID or URL, kept in the database) are skipped unless ``force`` is set.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.draft_files import DRAFTS_DIR
from bot.core.service import ArticleRef, KnowledgeBase
from bot.core.text import Analyzer
from bot.ingest import extract
from bot.ingest.article_draft import ArticleDraft, build_draft, file_stem, render_yaml
from bot.ingest.fetch import check_url, fetch
from bot.ingest.models import Article, IngestError

log = logging.getLogger(__name__)

MAX_FEED_ENTRIES = 20


@dataclass(frozen=True, slots=True)
class Drafted:
    path: Path
    draft: ArticleDraft


@dataclass(slots=True)
class IngestResult:
    drafted: list[Drafted] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Articles already drafted before ("title (in draft-file)")."""
    refused: list[str] = field(default_factory=list)
    """Feed entries that could not be drafted, each with the reason."""

    def paths(self) -> set[Path]:
        return {item.path for item in self.drafted}

    def summary(self) -> str:
        """What happened, for the moderator, one line per draft."""
        lines = []
        for item in self.drafted:
            d = item.draft
            lines.append(
                f"Drafted {len(d.facts)} facts from '{d.article.title}' into "
                f"{DRAFTS_DIR}/{item.path.name} ({d.merged} repeated statement(s) merged, "
                f"{d.dropped} sentence(s) without a fact dropped)."
            )
        lines += [f"Already drafted, skipped: {s}" for s in self.skipped]
        lines += [f"Not drafted: {r}" for r in self.refused]
        return "\n".join(lines) or "Nothing new to draft."


def _is_url(source: str) -> bool:
    return re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", source) is not None and "://" in source


async def _seen(kb: KnowledgeBase, article: Article) -> str | None:
    return await kb.already_drafted(article.key, article.url)


async def _save(
    kb: KnowledgeBase, article: Article, result: IngestResult, *, feed: str | None, force: bool
) -> None:
    built: list[ArticleDraft] = []

    def compose(taken: frozenset[str], analyzer: Analyzer) -> tuple[str, str]:
        draft = build_draft(article, taken_ids=set(taken), analyzer=analyzer)
        built.append(draft)
        return file_stem(article), render_yaml(draft)

    reference = ArticleRef(article.key, article.url, article.title, feed)
    filed = await kb.file_draft(reference, compose, force=force)
    if filed.path is None:
        result.skipped.append(f"'{article.title}' (in {filed.earlier or 'an earlier draft'})")
        return
    log.info("drafted %d facts from %s into %s", len(built[0].facts), article.key, filed.path)
    result.drafted.append(Drafted(filed.path, built[0]))


async def _article_from_page(url: str, *, allow_private: bool) -> Article:
    fetched = await fetch(url, allow_private=allow_private)
    if extract.looks_like_feed(fetched.content_type, fetched.body):
        raise IngestError(f"{url} is a feed, not an article.")
    if fetched.content_type == "text/plain":
        return extract.from_text(fetched.text(), fetched.url)
    return await asyncio.to_thread(extract.from_html, fetched.text(), fetched.url)


async def _feed(
    kb: KnowledgeBase,
    body: bytes,
    feed_url: str | None,
    result: IngestResult,
    *,
    force: bool,
    allow_private: bool,
) -> None:
    entries = extract.parse_feed(body)
    if not entries:
        raise IngestError(f"{feed_url or 'The feed'} has no entries.")
    for entry in entries[:MAX_FEED_ENTRIES]:
        stub = Article(entry.title, "", entry.link, entry.published, entry.guid)
        if not force:
            earlier = await _seen(kb, stub)
            if earlier is not None:
                result.skipped.append(f"'{entry.title}' (in {earlier or 'an earlier draft'})")
                continue
        try:
            if entry.link is None:
                raise IngestError("the entry has no link")
            page = await _article_from_page(entry.link, allow_private=allow_private)
            article = Article(
                entry.title or page.title,
                page.text,
                page.url or entry.link,
                entry.published or page.published,
                entry.guid,
            )
        except IngestError as exc:
            if len(entry.summary) < extract.MIN_ARTICLE_CHARS:
                result.refused.append(f"'{entry.title}': {exc}")
                continue
            article = Article(entry.title, entry.summary, entry.link, entry.published, entry.guid)
        try:
            await _save(kb, article, result, feed=feed_url, force=force)
        except IngestError as exc:
            result.refused.append(f"'{entry.title}': {exc}")


async def ingest(
    kb: KnowledgeBase,
    source: str,
    *,
    force: bool = False,
    feed: str | None = None,
    allow_private: bool = True,
) -> IngestResult:
    """Draft ``source`` (a path, a page URL or a feed URL) into ``knowledge/drafts/``.

    ``allow_private=False`` is for links given by Discord members: no private or local
    addresses are fetched, and ``source`` must be a link, not a path on this machine.

    Raises ``IngestError`` when a single article cannot be drafted (unreachable, not an
    article, too few facts); problems with single feed entries are listed in ``refused``.
    """
    result = IngestResult()
    source = source.strip()
    if _is_url(source):
        url = check_url(source)
        fetched = await fetch(url, allow_private=allow_private)
        if extract.looks_like_feed(fetched.content_type, fetched.body):
            await _feed(
                kb, fetched.body, feed or url, result, force=force, allow_private=allow_private
            )
            return result
        if fetched.content_type == "text/plain":
            article = extract.from_text(fetched.text(), fetched.url)
        else:
            article = await asyncio.to_thread(extract.from_html, fetched.text(), fetched.url)
        await _save(kb, article, result, feed=feed, force=force)
        return result
    if not allow_private:
        raise IngestError("Give an http:// or https:// link to an article or a feed.")
    kind, body = await asyncio.to_thread(_read_local, source)
    if kind == "feed":
        await _feed(kb, body, None, result, force=force, allow_private=True)
        return result
    text = body.decode("utf-8", errors="replace")
    if kind == "html":
        article = await asyncio.to_thread(extract.from_html, text, None)
    else:
        article = extract.from_text(text)
    await _save(kb, article, result, feed=None, force=force)
    return result


def _read_local(source: str) -> tuple[str, bytes]:
    path = Path(source).expanduser()
    if not path.is_file():
        raise IngestError(f"{source} is neither a web link nor a readable file.")
    return extract.read_file(path)
