"""Answers about time from the served index: a question naming a time or asking for the latest
news, ``/latest`` and the topics it offers.

``bot.core.timeline`` reads the time out of a question; this module picks the facts of that
time, newest first, as seen from one server.
"""

from __future__ import annotations

import datetime as dt
import heapq

from bot.core import timeline
from bot.core.filler_words import STOPWORDS
from bot.core.folding import fold
from bot.core.models import AskResult, Decision, Fact, Match
from bot.core.served_index import ServedIndex

# Asking for "the latest" on a topic: the newest of the facts scoring at least this share of
# the best one answers (a newer fact that barely matches does not).
RECENT_SHARE = 0.7
# Topics offered for /latest: entity words (capitalised, not starting a sentence) are offered
# once this many facts name them.
TOPIC_MIN_FACTS = 2


class TimelineAnswers:
    """Dated answers from ``index``, with the /latest topics counted per server."""

    def __init__(self, index: ServedIndex) -> None:
        self._index = index
        # /latest topics by server with their counts, at the index revision given.
        self._topics: dict[int | None, tuple[int, dict[str, int]]] = {}

    def ask(
        self, question: str, when: timeline.TimeQuestion, *, limit: int, guild_id: int | None
    ) -> AskResult:
        """A question about a time ("on 30 june", "this week") or the newest news ("the
        latest on X"): the facts on its topic (all, without one), newest first.

        A fact of the time asked about that a newer one replaced gives way to it, as in any
        answer: the newer fact answers, with the one of that time under "Earlier"."""
        settings = self._index.settings
        span = when.has_span
        if when.topic:
            found = self._index.matcher.ask(
                when.topic, limit=settings.candidates, guild_id=guild_id, current=not span
            )
            pool = [m for m in found.matches if m.score >= settings.suggest_threshold]
            if pool and not span:
                best = pool[0].score
                pool = [m for m in pool if m.score >= best * RECENT_SHARE]
        else:
            # Nothing but a time: every fact of that time is as good an answer as another.
            # Only the facts of that time are read (``DatedFacts``), not every fact.
            newest = self._index.matcher.dated_facts().newest(
                guild_id, count=max(1, limit) * 4, start=when.start, end=when.end, current=not span
            )
            pool = [Match(f, 1.0, f.questions[0] if f.questions else None) for f in newest]
        # Newest first; a few more than asked for, as replaced facts may merge into one.
        pool = heapq.nlargest(
            max(1, limit) * 4,
            (m for m in pool if when.covers(m.fact.day())),
            key=lambda m: (m.fact.day() or dt.date.min, m.score),
        )
        pool = self._index.matcher.current_only(pool, guild_id)
        if not pool:
            return AskResult(question, Decision.UNKNOWN)
        best_score = max(m.score for m in pool)
        decision = Decision.ANSWER if best_score >= settings.answer_threshold else Decision.SUGGEST
        return AskResult(question, decision, tuple(pool[: max(1, limit)]))

    def current_facts(self, guild_id: int | None) -> list[Fact]:
        """The live facts answered in ``guild_id`` that nothing visible there supersedes (in
        no particular order)."""
        get = self._index.matcher.get
        ids = self._index.matcher.dated_facts().current_ids(guild_id)
        return [fact for fact_id in ids if (fact := get(fact_id)) is not None]

    def latest(
        self, text: str, *, since: dt.date | None, guild_id: int | None, limit: int
    ) -> list[Fact]:
        """The newest facts answered in ``guild_id`` (on the topic ``text``, if not empty: a
        tag, or words the facts match), dated ``since`` or later, newest first; superseded
        facts left out."""
        if text:
            floor = self._index.settings.suggest_threshold / 2
            candidates = self._index.settings.candidates
            # Facts on the topic as they are: one that a newer fact replaced is left out, not
            # replaced by it (the newer fact may be on another topic).
            found = self._index.matcher.ask(
                text, limit=candidates, guild_id=guild_id, current=False
            )
            pool = {
                m.fact.id: m.fact
                for m in found.matches
                if m.score >= floor and not self._index.matcher.superseded_in(m.fact.id, guild_id)
            }
            tag = "-".join(fold(text).split())
            get = self._index.matcher.get
            for fact_id in self._index.matcher.dated_facts().tagged(guild_id, tag):
                if (fact := get(fact_id)) is not None:
                    pool.setdefault(fact_id, fact)
            facts = list(pool.values())
        else:
            # The newest few are read from the facts kept by date, not every fact.
            return self._index.matcher.dated_facts().latest(guild_id, count=limit, since=since)
        if since is not None:
            facts = [f for f in facts if (f.day() or dt.date.min) >= since]
        return heapq.nlargest(limit, facts, key=lambda f: (f.day() or dt.date.min, f.id))

    def topics(self, prefix: str, *, guild_id: int | None, limit: int) -> list[str]:
        """Topics to offer for ``/latest``: the facts' tags and the names several facts share,
        most used first; those starting with ``prefix`` first, then those containing it."""
        revision = self._index.matcher.revision
        cached = self._topics.get(guild_id)
        # The counts are kept as facts change (``TopicCounts``); only this server's view of
        # them is made here, once per change of the facts. Autocomplete asks at every key
        # typed, so only the topics it offers are put in order: ranking all of them (some
        # 20,000 at 100,000 facts) took 20 ms a server after each change.
        if cached is None or cached[0] != revision:
            cached = (revision, self._count_topics(guild_id))
            self._topics[guild_id] = cached
        counts = cached[1]
        typed = " ".join(fold(prefix).split())
        if not typed:
            return heapq.nsmallest(limit, counts, key=lambda t: (-counts[t], t))
        starting = heapq.nsmallest(
            limit, (t for t in counts if t.startswith(typed)), key=lambda t: (-counts[t], t)
        )
        inside = heapq.nsmallest(
            limit - len(starting),
            (t for t in counts if typed in t and not t.startswith(typed)),
            key=lambda t: (-counts[t], t),
        )
        return starting + inside

    def _count_topics(self, guild_id: int | None) -> dict[str, int]:
        counts, names = self._index.matcher.topic_counts(guild_id)
        for name, count in names.items():
            if count >= TOPIC_MIN_FACTS and name not in STOPWORDS:
                counts[name] = max(counts.get(name, 0), count)
        return counts
