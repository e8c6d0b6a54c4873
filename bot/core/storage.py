"""What the knowledge service needs from a database, and the errors a database may give.

The service depends on this ``KnowledgeStore`` protocol, never on a backend: an SQLite file
(``bot.store.sqlite``) or a PostgreSQL server (``bot.store.postgres``), each a class of its own.
Backends translate their driver's exceptions into the ``StoreError`` family below, so nothing
above the store ever sees a ``sqlite3`` or ``asyncpg`` exception.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bot.core.models import AuditEntry, Decision, Fact, Origin, ReloadReport, Stats, Status


class StoreError(Exception):
    """The database could not do what was asked; nothing of a failed write was kept.

    ``str(error)`` is one sentence an operator can act on.
    """


class StoreConflict(StoreError):
    """The write clashes with what is stored: an id already taken, or a fact changed meanwhile."""


class StoreUnavailable(StoreError):
    """The database cannot be opened or used right now (missing, corrupt, busy, I/O error)."""


class StoreReadOnly(StoreUnavailable):
    """The database refuses writes (a read-only file or folder); reads still work."""


class StoreFull(StoreUnavailable):
    """The disk or the database is full; reads still work."""


class StoreUnsupported(StoreError):
    """This backend does not do what was asked; ``str(error)`` says what does instead (a
    PostgreSQL database is backed up with pg_dump, not copied into a file by the bot)."""


# user:password@ in anything that looks like a URL ("scheme://user:password@host/..."; up to
# the authority's last "@", a password may hold one), and a password given as a query
# parameter ("?password=...").
_URL_PASSWORD = re.compile(r"(?i)([a-z][a-z0-9+.-]*://[^/?#@\s:]*):[^/?#\s]*@")
_QUERY_PASSWORD = re.compile(r"(?i)([?&]password=)[^&#\s]*")


def redact_url(text: str) -> str:
    """``text`` with the password of every database URL in it replaced by ``***``: what may be
    shown in messages, logs and ``location``."""
    return _QUERY_PASSWORD.sub(r"\1***", _URL_PASSWORD.sub(r"\1:***@", text))


@dataclass(frozen=True, slots=True)
class AskRecord:
    """One question asked, as the statistics keep it."""

    question: str
    decision: Decision
    fact_id: str | None
    score: float
    guild_id: int | None
    at: str | None = None


@dataclass(frozen=True, slots=True)
class QueuedTeaching:
    """A teaching (``kb teach``) or taking back (``kb unteach``) queued behind long work, as the
    store keeps it until it is made or audited as not made: through a crash, the next start
    makes it. Enough to make it without the moderator: who asked (``actor``, an actor key),
    which fact, whether that fact is a member's, and the server it belongs to."""

    action: str
    """"teach" or "unteach"."""
    fact_id: str
    question: str
    actor: str
    guild_id: int | None
    """The fact's server (None: a knowledge-file fact), audited with it."""
    member_fact: bool
    pk: int = 0
    """The store's number for it (0 until it is stored)."""


@dataclass(frozen=True, slots=True)
class StoredKnowledge:
    """What the last reload stored besides the facts: the knowledge directory's signature
    (opaque to the store; the loader makes and reads it) and the generation it was stored at."""

    signature: str | None
    generation: int | None


@dataclass(frozen=True, slots=True)
class FactChanges:
    """What changed in the store since a point of its change log."""

    last: int
    """The log entry read up to: where to read from next time."""
    fact_ids: tuple[str, ...]
    """Facts added, edited or removed since (by anyone); "" means the synonyms changed."""


def stats_from_counts(
    fact_rows: Iterable[Sequence[Any]],
    decisions: Mapping[str, int],
    unanswered: tuple[tuple[str, int], ...],
    votes: Mapping[int, int],
    thumbs_down: tuple[tuple[str, str, int], ...],
) -> Stats:
    """``Stats`` from what every backend counts the same way: facts as (origin, status, count)
    rows, questions by decision, votes by value."""
    by_origin: dict[str, int] = {"file": 0, "user": 0}
    pending = 0
    for origin, status, count in fact_rows:
        if status == Status.PENDING.value:
            pending += int(count)
        else:
            by_origin[origin] = by_origin.get(origin, 0) + int(count)
    return Stats(
        facts_by_origin=by_origin,
        pending=pending,
        questions_asked=sum(decisions.values()),
        answered=decisions.get("answer", 0),
        suggested=decisions.get("suggest", 0),
        unknown=decisions.get("unknown", 0),
        top_unanswered=unanswered,
        feedback_up=votes.get(1, 0),
        feedback_down=votes.get(-1, 0),
        top_thumbs_down=thumbs_down,
    )


@dataclass(frozen=True, slots=True, order=True)
class OwedAnnouncement:
    """A draft the feed poller recorded and has not yet announced in the review channel."""

    key: str
    """The article's key (its feed GUID, else its link)."""
    draft: str
    """The draft file's name in ``knowledge/drafts/``."""
    title: str


class KnowledgeStore(Protocol):
    """Durable facts, their audit trail, the questions asked and the feedback given.

    Every write is one transaction: it is kept whole or not at all. Conditional writes
    (``if_status``) raise ``StoreConflict`` when the stored fact is no longer as it was read.
    """

    @property
    def location(self) -> str:
        """Where the data lives, for messages: a path, or a URL without its password."""
        ...

    @property
    def local_file(self) -> Path | None:
        """The database's own file when it is one on this machine (SQLite), beside which
        derived caches such as the index snapshot may be kept; None for a server database."""
        ...

    async def close(self) -> None: ...

    async def wait_for_changes(self, seconds: float) -> None:
        """Return when the store may have changed (another process wrote to it, or the
        connection came back after being lost, when changes may have been missed), or after
        ``seconds``. A backend that cannot be told may simply sleep ``seconds``. Never raises
        for an unreachable database: reading the changes then says what is wrong."""
        ...

    # reading
    async def all_facts(self, *, origin: Origin | None = None) -> list[Fact]: ...
    async def get_fact(self, fact_id: str) -> Fact | None: ...
    async def fact_ids(self) -> set[str]: ...
    async def history(self, fact_id: str) -> list[AuditEntry]: ...
    async def count_writes_since(self, actor: str, since: dt.datetime) -> int:
        """How many facts ``actor`` added or edited since ``since``."""
        ...

    async def synonyms(self) -> tuple[tuple[str, ...], ...]: ...
    async def generation(self) -> int:
        """A number every change to the facts or synonyms advances, by any process; it never
        comes back to an earlier value."""
        ...

    async def latest_change(self) -> int:
        """The newest entry of the change log (every write to the facts adds entries)."""
        ...

    async def changes_since(self, seq: int, *, limit: int) -> FactChanges | None:
        """The facts changed after log entry ``seq``; None when that is more than ``limit``
        facts or further back than the log is kept (then read everything again)."""
        ...

    async def facts_by_id(self, fact_ids: Sequence[str]) -> list[Fact]:
        """The stored facts among ``fact_ids`` (those that no longer exist are left out)."""
        ...

    async def stored_knowledge(self) -> StoredKnowledge | None:
        """What the last reload stored besides the facts, or None if none ever did."""
        ...

    async def facts_live_since(self, since: dt.datetime) -> list[Fact]:
        """Live facts that became answerable (added live, approved, or stored new or changed
        by a reload) at ``since`` or later."""
        ...

    async def stats(self, guild_id: int | None, *, all_guilds: bool = False) -> Stats: ...
    async def taught_questions(self) -> dict[str, tuple[str, ...]]:
        """Questions taught to facts (``kb teach``), by fact id, oldest first."""
        ...

    async def questions_to_teach(
        self, guild_id: int | None, *, all_guilds: bool = False, limit: int = 25
    ) -> list[str]:
        """The questions most worth teaching in a server: the most asked unanswered ones,
        then the ones whose answers got a 👎."""
        ...

    async def article_seen(self, key: str, url: str | None = None) -> str | None: ...

    # writing
    async def insert_fact(self, fact: Fact, actor: str) -> None: ...
    async def update_fact(
        self,
        fact: Fact,
        actor: str,
        action: str,
        detail: dict[str, Any] | None = None,
        *,
        if_status: Status,
    ) -> None: ...
    async def delete_fact(
        self, fact: Fact, actor: str, reason: str | None = None, *, if_status: Status
    ) -> None: ...
    async def replace_file_facts(
        self,
        facts: Iterable[Fact],
        actor: str,
        *,
        synonyms: Sequence[Sequence[str]] = (),
        signature: str | None = None,
    ) -> ReloadReport: ...
    async def record_asks(self, records: Sequence[AskRecord]) -> None: ...
    async def record_feedback(
        self, answer_ref: str, fact_id: str, user_id: int, guild_id: int | None, vote: int
    ) -> bool: ...
    async def record_audit(
        self, actor: str, action: str, subject: str, detail: dict[str, Any] | None = None
    ) -> None: ...
    async def add_taught_question(
        self,
        fact_id: str,
        question: str,
        actor: str,
        guild_id: int | None,
        *,
        member_fact: bool,
        queued: int | None = None,
    ) -> bool:
        """Keep ``question`` as a taught phrasing of ``fact_id``, audited ("teach") in the same
        transaction; False (and nothing written) when it is taught already. For a member's
        fact (``member_fact``) the fact must be stored still, checked in that transaction:
        ``StoreConflict`` (nothing written) when it was removed. A knowledge-file fact need
        not be: one a reload removed keeps what is taught to it, served if it comes back.

        ``queued``: the number of the queued teaching this makes, forgotten in the same
        transaction; False (nothing written) when it is no longer queued (made or dropped by
        another process), and when the question is taught already it is forgotten all the
        same, audited "teach-not-made"."""
        ...

    async def remove_taught_question(
        self,
        fact_id: str,
        question: str,
        actor: str,
        guild_id: int | None,
        *,
        queued: int | None = None,
    ) -> bool:
        """Forget ``question`` (exactly as taught) as a phrasing of ``fact_id``, audited
        ("unteach") in the same transaction; False (and nothing written) when it is not
        taught to that fact. ``queued`` as for ``add_taught_question`` (a question no longer
        taught is audited "unteach-not-made")."""
        ...

    async def queue_teaching(self, teaching: QueuedTeaching, waits_for: str) -> int:
        """Keep ``teaching``, queued behind the long work ``waits_for`` ("a reload"), until it
        is made (``add_taught_question`` or ``remove_taught_question`` given its number) or
        dropped (``drop_queued``); audited ("teach-queued" or "unteach-queued", with the
        question) in the same transaction. Its number."""
        ...

    async def queued_teachings(self) -> list[QueuedTeaching]:
        """The teachings and takings back still queued, oldest first."""
        ...

    async def drop_queued(
        self, teaching: QueuedTeaching, action: str | None = None, why: str | None = None
    ) -> bool:
        """Forget the queued ``teaching`` and, given an ``action`` ("teach-not-made"), audit
        it with the question and ``why``, in one transaction; False (nothing written) when it
        was no longer queued (another process made it or dropped it first)."""
        ...

    async def remember_article(
        self,
        key: str,
        *,
        url: str | None,
        title: str,
        feed: str | None,
        draft: str | None,
        announce: bool = False,
    ) -> None:
        """Record the article and the draft it went into; ``announce`` (the feed poller's
        drafts) records in the same transaction that its announcement is owed."""
        ...

    async def claim_announcements(
        self, holder: str, stale_seconds: float
    ) -> list[OwedAnnouncement]:
        """The owed announcements claimed for ``holder`` by one conditional UPDATE: those
        nobody claimed, or claimed at least ``stale_seconds`` ago on the database's clock (the
        claimant was killed). Of processes claiming at once, each announcement goes to one."""
        ...

    async def announced(self, keys: list[str]) -> None:
        """Mark the owed announcements of ``keys`` done."""
        ...

    async def claim_once(self, key: str) -> bool:
        """Record ``key`` in one transaction; True only for the one call, in any process,
        that recorded it (a daily digest is posted once however many bots run)."""
        ...

    async def backup(self, target: Path) -> None:
        """A consistent copy of the database in the new file ``target``; ``StoreUnsupported``
        where backups are another tool's job."""
        ...

    # work done once among several processes
    async def hold_lease(self, name: str, holder: str, seconds: float) -> bool:
        """Take or renew the lease ``name`` for ``holder`` for ``seconds``; True when
        ``holder`` holds it afterwards: it was free, expired, or already theirs.

        What every backend must do, exactly (``bot/store/sqlite.py`` is the reference, and
        ``tests/storage/test_leases.py`` the contract):

        - A lease is one row: ``name`` (primary key), ``holder`` (text), ``expires_at``. It is
          free when there is no row or ``expires_at <= now``, and held by ``holder`` while
          ``now < expires_at``.
        - ``now`` is the *database's* clock, read inside the statement (SQLite: ``julianday
          ('now')``; PostgreSQL: ``now()`` or ``clock_timestamp()``), never the caller's, so
          that holders on machines whose clocks disagree still agree on who holds what.
        - One atomic compare-and-set, in its own transaction: insert ``(name, holder, now +
          seconds)``, or on a clash of ``name`` update the row to ``holder, now + seconds``
          only ``WHERE row.holder = holder OR row.expires_at <= now``. Return True exactly when
          a row was inserted or updated and ``seconds > 0``. (PostgreSQL: ``INSERT ... ON
          CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at =
          EXCLUDED.expires_at WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <=
          now()``; one row affected means held.) Two callers racing for a free lease: exactly
          one gets True.
        - Renewing moves the expiry to ``now + seconds`` (later or earlier) and never changes
          the holder; another holder's unexpired lease is left exactly as it was.
        - ``seconds == 0`` gives the lease up: when ``holder`` holds it, it expires at once
          (anyone may take it next); otherwise nothing changes. It returns False.
        - No lease is held by a connection, and only its holder deletes one (``drop_lease``):
          a holder that dies (``kill -9``, a lost machine) keeps its lease only until
          ``expires_at``. (Prefer this to an
          advisory lock, which a server holds for a live connection only.)
        - Holder ids are opaque text (this project uses ``host:pid:random``); names are short
          text (``"feeds"``, ``"digest"``).
        - Failures raise ``StoreError`` like every other method; callers then act as if the
          lease were not held.
        """
        ...

    async def drop_lease(self, name: str, holder: str) -> None:
        """Delete the lease ``name`` where ``holder`` holds it (or held it: expired, and
        nobody took it since), in one statement; another holder's row is left as it was.
        For leases named after one piece of work, such as an article's claim
        (``bot.core.article_claims``), so that their rows do not pile up once it is done."""
        ...
