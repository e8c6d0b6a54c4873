"""``/kb stats``: the store's counts, completed with what only this process knows.

Apart from the facade (``service``) because it is one report put together from four owners:
the store counts what is stored, the served index knows the previewed file facts and the
taught questions, the drafts folder its waiting drafts, and the ask recorder the questions not
yet saved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

from bot.core.ask_recorder import AskRecorder
from bot.core.draft_review import DraftReview
from bot.core.errors import WriteFailed
from bot.core.models import Origin, Stats
from bot.core.same_question import question_key
from bot.core.served_index import ServedIndex
from bot.core.storage import KnowledgeStore, StoreUnavailable
from bot.core.write_guard import WriteGuard


@dataclasses.dataclass(frozen=True, slots=True)
class KnowledgeStats:
    """The statistics of one knowledge base, read afresh at each ``stats``."""

    store: KnowledgeStore
    index: ServedIndex
    asks: AskRecorder
    guard: WriteGuard
    drafts: DraftReview
    now: Callable[[], dt.datetime]

    async def stats(self, guild_id: int | None, *, all_guilds: bool) -> Stats:
        await self.asks.flush()
        try:
            stats = await self.store.stats(guild_id, all_guilds=all_guilds)
        except StoreUnavailable as exc:
            # A database server that is down: the moderator asking is told what is wrong.
            self.guard.problem = str(exc)
            raise WriteFailed(
                f"The statistics cannot be read: {exc}. Answers still work from memory; new "
                "facts, edits and votes are not being saved until the database is back."
            ) from exc
        if not self.index.serves_stored:
            # Previewed file facts are answered, so they are counted, though not stored.
            answered = sum(f.origin is Origin.FILE for f in self.index.matcher.facts())
            stats = dataclasses.replace(
                stats, facts_by_origin={**stats.facts_by_origin, "file": answered}
            )
        taught = self._taught_to(stats.listed_questions, guild_id, all_guilds=all_guilds)
        drafts, oldest = await self.drafts.waiting()
        return dataclasses.replace(
            stats,
            taught_to=taught or stats.taught_to,
            drafts_waiting=drafts,
            oldest_draft_age=self.now() - oldest if oldest is not None else None,
        )

    def _taught_to(
        self, questions: Sequence[str], guild_id: int | None, *, all_guilds: bool
    ) -> dict[str, str]:
        """Which of ``questions`` (as the statistics write them: lower case, trimmed) were
        taught, and to which fact, of the facts seen from ``guild_id`` (or from anywhere)."""
        wanted = {question_key(q): q for q in questions}
        found: dict[str, str] = {}
        for fact_id, taught in self.index.taught.items():
            fact = self.index.matcher.get(fact_id)
            if fact is None or not (all_guilds or fact.visible_in(guild_id)):
                continue
            for question in taught:
                listed = wanted.get(question_key(question))
                if listed is not None:
                    found.setdefault(listed, fact_id)
        return found
