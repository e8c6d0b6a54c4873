"""Numbered schema migrations; ``PRAGMA user_version`` records how many have run.

Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: facts, audit trail, asks and feedback.
    (
        """
        CREATE TABLE facts (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            origin TEXT NOT NULL CHECK (origin IN ('file', 'user')),
            status TEXT NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'pending')),
            guild_id INTEGER,
            author_id INTEGER,
            file TEXT,
            line INTEGER,
            answer TEXT NOT NULL,
            questions TEXT NOT NULL DEFAULT '[]',
            tags TEXT NOT NULL DEFAULT '[]',
            related TEXT NOT NULL DEFAULT '[]',
            event_date TEXT,
            source_title TEXT,
            source_url TEXT,
            source_published TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX facts_by_origin ON facts (origin, guild_id)",
        """
        CREATE TABLE audit (
            pk INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            fact_id TEXT NOT NULL,
            guild_id INTEGER,
            detail TEXT NOT NULL DEFAULT '{}'
        )
        """,
        "CREATE INDEX audit_by_fact ON audit (fact_id, pk)",
        "CREATE INDEX audit_by_actor ON audit (actor, action, at)",
        """
        CREATE TABLE asks (
            pk INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            guild_id INTEGER,
            question TEXT NOT NULL,
            decision TEXT NOT NULL,
            fact_id TEXT,
            score REAL NOT NULL
        )
        """,
        "CREATE INDEX asks_by_guild ON asks (guild_id, decision)",
        """
        CREATE TABLE feedback (
            pk INTEGER PRIMARY KEY,
            answer_ref TEXT NOT NULL,
            user_id INTEGER NOT NULL,
            guild_id INTEGER,
            fact_id TEXT NOT NULL,
            vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
            at TEXT NOT NULL,
            UNIQUE (answer_ref, user_id)
        )
        """,
    ),
    # 2: a digest of each file fact's content, so a reload compares digests, not whole rows.
    ("ALTER TABLE facts ADD COLUMN content_digest TEXT",),
    # 3: small key/value state that must survive restarts (the synonym groups in service).
    ("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",),
    # 4: articles already drafted by `ingest` and the watched feeds (keyed by feed GUID or
    # URL), so that an article is drafted once however often its feed is polled.
    (
        """
        CREATE TABLE seen_articles (
            key TEXT PRIMARY KEY,
            url TEXT,
            title TEXT,
            feed TEXT,
            draft TEXT,
            seen_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX seen_articles_by_url ON seen_articles (url)",
    ),
    # 5: a generation of what the index serves (the facts and the synonyms), advanced by
    # triggers on every change, so that a saved copy of the index is used only while it is
    # current, whoever wrote the database. It advances by a random step: a restored backup
    # that is written to again never reaches a generation it had in another history.
    (
        "INSERT INTO meta (key, value) VALUES ('generation', abs(random() % 1000000000))",
        *(
            f"""
            CREATE TRIGGER {name} AFTER {event} ON {table} {condition}
            BEGIN
                UPDATE meta SET value = CAST(value AS INTEGER) + 1 + abs(random() % 1000000)
                WHERE key = 'generation';
            END
            """
            for name, event, table, condition in (
                ("facts_generation_insert", "INSERT", "facts", ""),
                ("facts_generation_update", "UPDATE", "facts", ""),
                ("facts_generation_delete", "DELETE", "facts", ""),
                ("synonyms_generation_insert", "INSERT", "meta", "WHEN NEW.key = 'synonyms'"),
                ("synonyms_generation_update", "UPDATE", "meta", "WHEN NEW.key = 'synonyms'"),
                ("synonyms_generation_delete", "DELETE", "meta", "WHEN OLD.key = 'synonyms'"),
            )
        ),
    ),
    # 6: members' facts get their own id space ("member-..."), so that no member can hold an
    # id of the shared knowledge. Facts added before keep their history, feedback and
    # statistics under the new id; one whose new id is somehow taken keeps its old one.
    (
        """
        CREATE TEMP TABLE renamed_member_facts AS
        SELECT id AS old, 'member-' || id AS new FROM facts
        WHERE origin = 'user' AND id NOT LIKE 'member-%'
        AND 'member-' || id NOT IN (SELECT id FROM facts)
        """,
        *(
            f"UPDATE {table} SET fact_id = (SELECT new FROM renamed_member_facts "
            f"WHERE old = {table}.fact_id) "
            f"WHERE fact_id IN (SELECT old FROM renamed_member_facts)"
            for table in ("audit", "feedback", "asks")
        ),
        "UPDATE facts SET id = 'member-' || id WHERE id IN (SELECT old FROM renamed_member_facts)",
        "DROP TABLE renamed_member_facts",
    ),
    # 7: a log of which facts changed, written by triggers whoever writes (this process, the
    # CLI, another bot process), so that a running process brings its index up to date by
    # reading only what changed. A change of the synonyms is logged with an empty fact id.
    (
        """
        CREATE TABLE fact_changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            fact_id TEXT NOT NULL
        )
        """,
        *(
            f"""
            CREATE TRIGGER {name} AFTER {event} ON {table} {condition}
            BEGIN
                INSERT INTO fact_changes (fact_id) VALUES ({value});
            END
            """
            for name, event, table, condition, value in (
                ("facts_change_insert", "INSERT", "facts", "", "NEW.id"),
                ("facts_change_update", "UPDATE", "facts", "", "NEW.id"),
                ("facts_change_rename", "UPDATE OF id", "facts", "WHEN OLD.id <> NEW.id", "OLD.id"),
                ("facts_change_delete", "DELETE", "facts", "", "OLD.id"),
                ("synonyms_change_insert", "INSERT", "meta", "WHEN NEW.key = 'synonyms'", "''"),
                ("synonyms_change_update", "UPDATE", "meta", "WHEN NEW.key = 'synonyms'", "''"),
            )
        ),
        # Where a process that has seen nothing yet starts reading.
        "INSERT INTO fact_changes (fact_id) VALUES ('')",
    ),
    # 8: questions moderators taught (`kb teach`): each one more phrasing of a fact, kept apart
    # from the facts so that a knowledge-file fact keeps them through every reload. They shape
    # the index, so they advance the generation too.
    (
        """
        CREATE TABLE taught_questions (
            pk INTEGER PRIMARY KEY,
            fact_id TEXT NOT NULL,
            question TEXT NOT NULL,
            guild_id INTEGER,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (fact_id, question)
        )
        """,
        *(
            f"""
            CREATE TRIGGER {name} AFTER {event} ON taught_questions
            BEGIN
                UPDATE meta SET value = CAST(value AS INTEGER) + 1 + abs(random() % 1000000)
                WHERE key = 'generation';
            END
            """
            for name, event in (
                ("taught_generation_insert", "INSERT"),
                ("taught_generation_delete", "DELETE"),
            )
        ),
        # ...and they reach other processes through the change log like any fact change.
        *(
            f"""
            CREATE TRIGGER {name} AFTER {event} ON taught_questions
            BEGIN
                INSERT INTO fact_changes (fact_id) VALUES ({row}.fact_id);
            END
            """
            for name, event, row in (
                ("taught_change_insert", "INSERT", "NEW"),
                ("taught_change_delete", "DELETE", "OLD"),
            )
        ),
    ),
    # 9 (news timeline): the facts a fact replaces (a JSON list of ids, like `related`); when
    # a fact became answerable as it is (added live, approved, or reloaded new or changed),
    # for the daily digest; and keys claimed once (a digest posted for a day), whichever
    # process claims them first.
    (
        "ALTER TABLE facts ADD COLUMN supersedes TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE facts ADD COLUMN live_since TEXT",
        "UPDATE facts SET live_since = created_at WHERE status = 'live'",
        "CREATE INDEX facts_by_live_since ON facts (live_since)",
        "CREATE TABLE claims (key TEXT PRIMARY KEY, claimed_at TEXT NOT NULL)",
    ),
    # 10: leases, so that work meant to run once (the feed poller, the daily digest) runs in one
    # bot process at a time and moves to another when its holder stops renewing (it died).
    # expires_at is in seconds since 1970 on the database's clock (see the store's hold_lease).
    (
        """
        CREATE TABLE leases (
            name TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            expires_at REAL NOT NULL
        )
        """,
    ),
    # 11 (facts in several languages): the language a fact's answer and questions are written
    # in, and its translations (a JSON list of {language, answer, questions}). Rows stored
    # before are English without translations; a knowledge-file fact with translations kept
    # its digest, which counted them, so the stored knowledge signature is forgotten: the next
    # start (or `kb reload`) reads the files again, and the reload stores what was left out.
    (
        "ALTER TABLE facts ADD COLUMN language TEXT NOT NULL DEFAULT 'en'",
        "ALTER TABLE facts ADD COLUMN translations TEXT NOT NULL DEFAULT '[]'",
        "DELETE FROM meta WHERE key = 'knowledge_signature'",
    ),
    # 12: teachings and takings back queued behind long work (a reload), kept until they are
    # made or audited as not made: the moderator was told they would be, and a crash during
    # the reload must not make that untrue (the next start makes them).
    (
        """
        CREATE TABLE queued_teachings (
            pk INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            fact_id TEXT NOT NULL,
            question TEXT NOT NULL,
            guild_id INTEGER,
            member_fact INTEGER NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL
        )
        """,
    ),
    # 13: a queued teaching's number never given again (AUTOINCREMENT), as PostgreSQL's
    # identity never gives one twice. A process that queued a teaching another process made
    # meanwhile still holds its number, and makes it by that number: without this, a
    # teaching queued after it could have the number and be forgotten in its place.
    (
        """
        CREATE TABLE queued_teachings_numbered (
            pk INTEGER PRIMARY KEY AUTOINCREMENT,
            action TEXT NOT NULL,
            fact_id TEXT NOT NULL,
            question TEXT NOT NULL,
            guild_id INTEGER,
            member_fact INTEGER NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL
        )
        """,
        # The rows keep their numbers; the next is past the largest of them.
        "INSERT INTO queued_teachings_numbered SELECT * FROM queued_teachings",
        "DROP TABLE queued_teachings",
        "ALTER TABLE queued_teachings_numbered RENAME TO queued_teachings",
    ),
    # 14: each ask's question as `bot.core.same_question` compares it, so that `kb stats`
    # counts "Why was he recalled?" and "why was he recalled" as one question in SQL. Rows
    # asked before have none: the store fills them in Python when it opens (the rule is not
    # SQL), finding them by the partial index; until then they count by lower(trim()).
    (
        "ALTER TABLE asks ADD COLUMN question_key TEXT",
        "CREATE INDEX asks_without_key ON asks (pk) WHERE question_key IS NULL",
        # The 👎 list finds the question each vote answered by fact, server and time: without
        # this, a scan of every ask per vote (8.6 s at 200k asks and 300 votes, 1 ms with it).
        "CREATE INDEX asks_by_fact ON asks (fact_id, guild_id, decision, at)",
    ),
    # 15: the announcement a feed poller owes for each draft it recorded ('owed', then
    # 'done'; none for a moderator's ingest), written with the record itself, so that a process
    # killed between the record and the review-channel message leaves it owed, and the next
    # poll (of any process) announces it. A claim of an owed announcement (holder, when, in
    # seconds since 1970 on the database's clock) lets one process announce it; an old claim
    # was left by a killed process and is taken again. Articles recorded before owe nothing.
    (
        "ALTER TABLE seen_articles ADD COLUMN announcement TEXT",
        "ALTER TABLE seen_articles ADD COLUMN announcing_holder TEXT",
        "ALTER TABLE seen_articles ADD COLUMN announcing_since REAL",
        "CREATE INDEX seen_articles_owed ON seen_articles (key) WHERE announcement = 'owed'",
    ),
    # 16: a server's asks by decision and question_key, in place of by decision alone: `kb
    # stats` counts a server's unanswered questions by key from this index alone (no row read,
    # no sort), then reads the rows of the few questions it shows (bot.store.sqlite.asks).
    # 0.13 s of CPU at 200k asks with the rows read and sorted, 0.03 s so.
    (
        "CREATE INDEX asks_by_guild_key ON asks (guild_id, decision, question_key)",
        "DROP INDEX asks_by_guild",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)
