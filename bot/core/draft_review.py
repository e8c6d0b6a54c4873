"""Draft review: the drafts ingestion writes into ``knowledge/drafts/``, and a moderator moving
them into the knowledge (then reloading) or deleting them.

Everything that touches the drafts folder or the knowledge folder holds the served index's
lock, so that a review, a reload and an ingestion never interleave.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.core import article_claims, draft_files
from bot.core.actors import Actor, require_shared_admin
from bot.core.article_claims import ArticleClaims
from bot.core.draft_files import DraftChoice, DraftFile, ReviewOutcome
from bot.core.errors import NotFound
from bot.core.served_index import ServedIndex
from bot.core.storage import KnowledgeStore
from bot.core.supersession import annotate_draft, propose_supersessions
from bot.core.text import Analyzer
from bot.core.write_guard import WriteGuard, file_work, refused

# The service's own logger, like the other parts: operators' log filters name it.
log = logging.getLogger("bot.core.service")


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article being drafted, as the knowledge service remembers it."""

    key: str
    """Its feed GUID, else its link, else its title: what identifies it across polls."""
    url: str | None
    title: str
    feed: str | None = None
    announce: bool = False
    """Whether its draft is owed an announcement in the review channel (the feed poller's)."""


@dataclass(frozen=True, slots=True)
class DraftFiled:
    """Where an article's draft went (``path``), or the earlier draft that has it already."""

    path: Path | None
    earlier: str | None
    busy: bool = False
    """Skipped because another process is drafting it (``bot.core.article_claims``)."""
    adopted: bool = False
    """``path`` was written by a process that died before recording it, and is recorded now
    (``bot.core.article_claims``): new to the moderators, who were never told of it."""


DraftComposer = Callable[[frozenset[str], Analyzer], tuple[str, str]]


class DraftReview:
    """Lists, reviews and files drafts for the knowledge service."""

    def __init__(
        self,
        store: KnowledgeStore,
        knowledge_dir: Path,
        index: ServedIndex,
        guard: WriteGuard,
        claims: ArticleClaims,
    ) -> None:
        self._store = store
        self._claims = claims
        self._knowledge_dir = knowledge_dir
        self._index = index
        self._guard = guard

    async def drafts(self) -> list[DraftFile]:
        """The draft files waiting for review, oldest name first."""
        async with file_work("read the drafts folder"):
            return await asyncio.to_thread(draft_files.list_drafts, self._knowledge_dir)

    async def waiting(self) -> tuple[int, dt.datetime | None]:
        """How many draft files wait for review and when the oldest was written (for the
        statistics); none when the folder cannot be read, which the statistics do not fail
        for (``kb drafts`` says what is wrong)."""
        try:
            return await asyncio.to_thread(draft_files.waiting_drafts, self._knowledge_dir)
        except OSError as exc:
            log.warning("drafts not counted for the statistics: %s", exc)
            return 0, None

    async def find_draft(self, name: str) -> DraftChoice | None:
        """The draft file or draft fact ``name`` names, or None."""
        async with file_work("read the drafts folder"):
            return await asyncio.to_thread(draft_files.find_draft, self._knowledge_dir, name)

    async def review_draft(
        self, choice: DraftChoice, actor: Actor, *, approve: bool
    ) -> ReviewOutcome:
        """Move a draft (or one fact of it) into the knowledge and reload, or delete it.

        Under the reload lock, so that a review, a reload and an ingestion never interleave.
        Raises ``KnowledgeError`` (located problems; nothing moved) or the reload's errors, in
        which case every file is put back as it was.
        """
        require_shared_admin(actor, "review drafts")
        # Named for the moderator whose teaching waits behind it ("A draft's approval is under
        # way: ..."): an approval reloads, but what holds the index is the approval.
        async with self._index.lock.long_work(
            "a draft's approval" if approve else "a draft's rejection"
        ):
            if not choice.draft.path.exists():
                raise NotFound(
                    f"There is no draft '{choice.draft.name}' any more (already reviewed?)."
                )
            async with file_work("read the draft"):
                current = await asyncio.to_thread(draft_files.read_draft, choice.draft.path)
            if choice.fact_id is not None and choice.fact_id not in {f.id for f in current.facts}:
                raise NotFound(f"There is no draft fact with id '{choice.fact_id}'.")
            choice = dataclasses.replace(choice, draft=current)
            if approve:
                return await self._approve(choice, actor)
            async with file_work("delete the draft"):
                await asyncio.to_thread(draft_files.drop_from_draft, choice)
            await self._audit(actor, "reject-draft", choice)
            what = f"draft {choice.describe()}" if choice.fact_id else choice.describe()
            return ReviewOutcome(f"Rejected {what}: deleted, nothing was added.", choice.fact_ids)

    async def _approve(self, choice: DraftChoice, actor: Actor) -> ReviewOutcome:
        choice.draft.require_valid()
        async with file_work("move the draft into the knowledge folder"):
            target, snapshots = await asyncio.to_thread(
                draft_files.move_into_knowledge,
                self._knowledge_dir,
                choice,
                live_ids=set(self._index.matcher.ids()),
                approver=actor.display_name or actor.key,
            )
        try:
            report = await self._index.reload_locked(actor.key)
        except BaseException:
            # Put everything back: the knowledge in service did not change.
            for snapshot in snapshots:
                await asyncio.to_thread(snapshot.restore)
            raise
        await self._audit(actor, "approve-draft", choice)
        return ReviewOutcome(
            f"Approved {choice.describe()}: now in knowledge/{target.name} and answered.",
            choice.fact_ids,
            report,
        )

    async def _audit(self, actor: Actor, action: str, choice: DraftChoice) -> None:
        detail = {"file": choice.draft.name, "ids": list(choice.fact_ids)}
        # A whole file is audited under its name and under each of its facts: `fact history`
        # of a fact approved (or rejected) with its file says so, as for one approved alone.
        named = [choice.fact_id] if choice.fact_id else [choice.draft.name, *choice.fact_ids]
        async with self._guard.writing(refused("review note")):
            for name in named:
                await self._store.record_audit(actor.key, action, name, detail)

    async def already_drafted(self, key: str, url: str | None) -> str | None:
        """The draft file an article (by feed GUID or link) went into, "" if unknown, or None
        if it was never drafted."""
        return await self._store.article_seen(key, url)

    async def file_draft(
        self, article: ArticleRef, compose: DraftComposer, *, force: bool = False
    ) -> DraftFiled:
        """Write the draft of one article into ``knowledge/drafts/`` and remember the article.

        ``compose(taken_ids, analyzer)`` returns the draft's file stem and YAML text; it runs in
        a worker thread, under the reload lock: the seen-check, the ids taken and the file
        written never interleave with another ingestion, a review or a reload (a feed poll and
        a moderator's ingest of the same link would draft it twice, with clashing ids). Among
        processes, the article's claim in the database does the same (``bot.core.article_claims``):
        an article another process is drafting is skipped (``busy``).
        """
        async with self._index.lock.long_work("an article's ingestion"):
            if not force:
                earlier = await self.already_drafted(article.key, article.url)
                if earlier is not None:
                    return DraftFiled(None, earlier)
            if not await self._claims.take(article.key, article.url):
                return DraftFiled(None, None, busy=True)
            try:
                return await self._file_claimed(article, compose, force=force)
            finally:
                await self._claims.release(article.key, article.url)

    async def _file_claimed(
        self, article: ArticleRef, compose: DraftComposer, *, force: bool
    ) -> DraftFiled:
        adopted = await self._settle_marker(article)
        if adopted is not None:
            return DraftFiled(adopted, None, adopted=True)
        if not force:
            # Drafted by another process between the check above and the claim.
            earlier = await self.already_drafted(article.key, article.url)
            if earlier is not None:
                return DraftFiled(None, earlier)
        taken = await self._store.fact_ids() | await asyncio.to_thread(
            draft_files.draft_fact_ids, self._knowledge_dir
        )
        stem, text = await asyncio.to_thread(
            compose, frozenset(taken), self._index.matcher.analyzer
        )
        # A process stalled past its claim (composing on an overloaded machine) finds it
        # renewed only if nobody took it meanwhile, and the article still undrafted.
        if not await self._claims.take(article.key, article.url):
            return DraftFiled(None, None, busy=True)
        if not force:
            earlier = await self.already_drafted(article.key, article.url)
            if earlier is not None:
                return DraftFiled(None, earlier)
        key = article.key
        async with file_work("write the draft into the knowledge folder's drafts/"):
            path = await asyncio.to_thread(draft_files.new_draft_path, self._knowledge_dir, stem)
            await asyncio.to_thread(
                article_claims.write_marker, self._knowledge_dir, key, path.name
            )
            await asyncio.to_thread(draft_files.write_atomically, path, text)
            await self._propose_in_draft(path, text)
        await self._record(article, path.name)
        await asyncio.to_thread(article_claims.drop_marker, self._knowledge_dir, key)
        return DraftFiled(path, None)

    async def _settle_marker(self, article: ArticleRef) -> Path | None:
        """Settle what a process that died drafting this article left: its draft, written but
        not recorded, is recorded (its path returned: adopted, announced as a new draft); a
        marker whose draft was never written is removed, and the article drafted again
        (None). A marker whose draft is recorded already (one that could not be removed, met
        again by a forced ingest) adopts nothing: that draft was announced when recorded."""
        async with file_work("read the drafting marker"):
            name = await asyncio.to_thread(
                article_claims.read_marker, self._knowledge_dir, article.key
            )
        if name is None:
            return None
        path = draft_files.drafts_dir(self._knowledge_dir) / Path(name).name
        adopted = None
        recorded = await self.already_drafted(article.key, article.url) is not None
        if not recorded and await asyncio.to_thread(path.is_file):
            log.info("draft %s of %s was written but not recorded: recorded now", name, article.key)
            await self._record(article, path.name)
            adopted = path
        await asyncio.to_thread(article_claims.drop_marker, self._knowledge_dir, article.key)
        return adopted

    async def _record(self, article: ArticleRef, draft_name: str) -> None:
        async with self._guard.writing(refused("record of the drafted article")):
            await self._store.remember_article(
                article.key,
                url=article.url,
                title=article.title,
                feed=article.feed,
                draft=draft_name,
                announce=article.announce,
            )

    async def _propose_in_draft(self, path: Path, text: str) -> None:
        """Add a commented ``supersedes`` suggestion under each draft fact that seems to
        update a live fact (``bot.core.supersession``): the moderator confirms by uncommenting
        it."""
        draft = await asyncio.to_thread(draft_files.read_draft, path)
        if draft.errors:
            return
        proposals = propose_supersessions(draft.facts, self._index.matcher)
        if proposals:
            annotated = annotate_draft(text, proposals)
            await asyncio.to_thread(draft_files.write_atomically, path, annotated)
