"""``ingest(source)``: a file, page or feed -> draft files, remembering what was drafted.

One article becomes one draft file in ``knowledge/drafts/``. A feed becomes one draft per entry
not seen before; each entry's page is fetched and extracted, or, when the page cannot be read
as an article, the text the feed itself carries is used if it is long enough. Articles already
drafted (by feed GUID or URL, a local file by its content; kept in the database) are skipped
unless ``force`` is set, and so are those another bot process is drafting at the moment (its
claim on the article, ``bot.core.article_claims``).

Pages and feeds are read in a child process with a deadline (``worker``); an article's text is
refused past ``MAX_ARTICLE_CHARS`` before it is drafted. Every refusal names the source, never
its content.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.draft_files import DRAFTS_DIR
from bot.core.service import ArticleRef, KnowledgeBase
from bot.core.text import Analyzer
from bot.ingest import extract
from bot.ingest.article_draft import ArticleDraft, build_draft, file_stem, render_yaml
from bot.ingest.fetch import Fetched, check_url, fetch
from bot.ingest.models import Article, IngestError
from bot.ingest.worker import ParsingWorker

log = logging.getLogger(__name__)

MAX_FEED_ENTRIES = 20


@dataclass(frozen=True, slots=True)
class Drafted:
    path: Path
    draft: ArticleDraft | None
    """What was drafted; None for a draft adopted as it was written by a process that died
    before recording it (``DraftFiled.adopted``)."""
    title: str
    by_earlier_poll: bool = False
    """Drafted by an earlier poll whose process stopped before announcing it (the feed
    poller's owed announcements, ``bot.core.owed_announcements``)."""


@dataclass(slots=True)
class IngestResult:
    drafted: list[Drafted] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Articles already drafted before ("title (in draft-file)")."""
    refused: list[str] = field(default_factory=list)
    """Feed entries that could not be drafted, each naming its link and the reason."""

    def paths(self) -> set[Path]:
        return {item.path for item in self.drafted}

    def summary(self) -> str:
        """What happened, for the moderator, one line per draft."""
        lines = []
        for item in self.drafted:
            d = item.draft
            if item.by_earlier_poll:
                lines.append(
                    f"Drafted '{item.title}' into {DRAFTS_DIR}/{item.path.name} (by an earlier "
                    "poll whose bot process stopped before announcing it)."
                )
                continue
            if d is None:
                lines.append(
                    f"Drafted '{item.title}' into {DRAFTS_DIR}/{item.path.name} (written before "
                    "the bot process drafting it stopped, and kept as written)."
                )
                continue
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
    kb: KnowledgeBase,
    article: Article,
    result: IngestResult,
    *,
    feed: str | None,
    force: bool,
    announce: bool = False,
) -> None:
    if len(article.text) > extract.MAX_ARTICLE_CHARS:
        raise IngestError(
            f"{article.source} has {len(article.text):,} characters of text, more than any news "
            f"article (the limit is {extract.MAX_ARTICLE_CHARS:,})."
        )
    built: list[ArticleDraft] = []

    def compose(taken: frozenset[str], analyzer: Analyzer) -> tuple[str, str]:
        draft = build_draft(article, taken_ids=set(taken), analyzer=analyzer)
        built.append(draft)
        return file_stem(article), render_yaml(draft)

    reference = ArticleRef(article.key, article.url, article.title, feed, announce)
    filed = await kb.file_draft(reference, compose, force=force)
    if filed.busy:
        result.skipped.append(f"'{article.title}' (being drafted by another bot process)")
        return
    if filed.path is None:
        result.skipped.append(f"'{article.title}' (in {filed.earlier or 'an earlier draft'})")
        return
    if filed.adopted:
        # Drafted by a process that died before recording it: nobody was told of it yet.
        result.drafted.append(Drafted(filed.path, None, article.title))
        return
    log.info("drafted %d facts from %s into %s", len(built[0].facts), article.key, filed.path)
    result.drafted.append(Drafted(filed.path, built[0], article.title))


async def _read_article(fetched: Fetched, worker: ParsingWorker) -> Article:
    if fetched.content_type == "text/plain":
        return extract.from_text(fetched.text(), fetched.url, fetched.url)
    return await worker.run(
        fetched.url, extract.from_html, fetched.text(), fetched.url, fetched.url
    )


async def _article_from_page(url: str, worker: ParsingWorker, *, allow_private: bool) -> Article:
    fetched = await fetch(url, allow_private=allow_private)
    if extract.looks_like_feed(fetched.content_type, fetched.body):
        raise IngestError(f"{fetched.url} is a feed, not an article.")
    return await _read_article(fetched, worker)


async def _feed(
    kb: KnowledgeBase,
    worker: ParsingWorker,
    body: bytes,
    source: str,
    result: IngestResult,
    *,
    feed_url: str | None,
    force: bool,
    allow_private: bool,
    announce: bool = False,
) -> None:
    entries = await worker.run(source, extract.parse_feed, body, source)
    if not entries:
        raise IngestError(f"{source} has no entries.")
    for entry in entries[:MAX_FEED_ENTRIES]:
        stub = Article(entry.title, "", entry.link, entry.published, entry.guid)
        if not force:
            earlier = await _seen(kb, stub)
            if earlier is not None:
                result.skipped.append(f"'{entry.title}' (in {earlier or 'an earlier draft'})")
                continue
        try:
            if entry.link is None:
                raise IngestError(f"An entry of {source} has no link.")
            page = await _article_from_page(entry.link, worker, allow_private=allow_private)
            article = Article(
                entry.title or page.title,
                page.text,
                page.url or entry.link,
                entry.published or page.published,
                entry.guid,
            )
        except IngestError as exc:
            if len(entry.summary) < extract.MIN_ARTICLE_CHARS:
                result.refused.append(str(exc))
                continue
            article = Article(entry.title, entry.summary, entry.link, entry.published, entry.guid)
        try:
            await _save(kb, article, result, feed=feed_url, force=force, announce=announce)
        except IngestError as exc:
            result.refused.append(str(exc))


async def ingest(
    kb: KnowledgeBase,
    source: str,
    *,
    force: bool = False,
    feed: str | None = None,
    allow_private: bool = True,
    local_files: bool = False,
    announce: bool = False,
) -> IngestResult:
    """Draft ``source`` (a path, a page URL or a feed URL) into ``knowledge/drafts/``.

    ``allow_private=False`` refuses links to private, loopback and link-local addresses, at
    every redirect (the settings' ``ingest.allow_private_addresses`` decides it for Discord).
    Paths on this machine are read only with ``local_files=True``, which only the operator's
    command line passes; whatever comes from Discord leaves it False, whatever the settings.
    ``announce=True`` (only the feed poller) records with each draft that its announcement in
    the review channel is owed (``FeedWatcher`` announces it, at this poll or the next).

    Raises ``IngestError`` when a single article cannot be drafted (unreachable, not an
    article, too few facts); problems with single feed entries are listed in ``refused``.
    """
    result = IngestResult()
    source = source.strip()
    is_link = _is_url(source)
    if not is_link and not local_files:
        raise IngestError("Give an http:// or https:// link to an article or a feed.")
    async with ParsingWorker() as worker:
        if is_link:
            await _ingest_link(
                kb,
                worker,
                check_url(source),
                result,
                feed=feed,
                force=force,
                allow_private=allow_private,
                announce=announce,
            )
        else:
            await _ingest_file(kb, worker, source, result, force=force, allow_private=allow_private)
    return result


async def _ingest_link(
    kb: KnowledgeBase,
    worker: ParsingWorker,
    url: str,
    result: IngestResult,
    *,
    feed: str | None,
    force: bool,
    allow_private: bool,
    announce: bool,
) -> None:
    fetched = await fetch(url, allow_private=allow_private)
    if extract.looks_like_feed(fetched.content_type, fetched.body):
        await _feed(
            kb,
            worker,
            fetched.body,
            fetched.url,
            result,
            feed_url=feed or url,
            force=force,
            allow_private=allow_private,
            announce=announce,
        )
        return
    article = await _read_article(fetched, worker)
    await _save(kb, article, result, feed=feed, force=force, announce=announce)


async def _ingest_file(
    kb: KnowledgeBase,
    worker: ParsingWorker,
    source: str,
    result: IngestResult,
    *,
    force: bool,
    allow_private: bool,
) -> None:
    kind, body = await asyncio.to_thread(_read_local, source)
    if kind == "feed":
        await _feed(
            kb,
            worker,
            body,
            source,
            result,
            feed_url=None,
            force=force,
            allow_private=allow_private,
        )
        return
    text = body.decode("utf-8", errors="replace")
    if kind == "html":
        article = await worker.run(source, extract.from_html, text, None, source)
    else:
        article = extract.from_text(text, None, source)
    # Remembered by content: two files may well share a headline.
    digest = hashlib.sha256(body).hexdigest()
    article = dataclasses.replace(article, file_name=source, file_digest=digest)
    await _save(kb, article, result, feed=None, force=force)


def _read_local(source: str) -> tuple[str, bytes]:
    path = Path(source).expanduser()
    if not path.is_file():
        raise IngestError(f"{source} is neither a web link nor a readable file.")
    return extract.read_file(path)
