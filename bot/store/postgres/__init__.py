"""The PostgreSQL store: a fact base several bot processes share. ``store`` composes the parts
beside it, one concern each (schema, facts, audit, knowledge files, changes, asks, teachings,
articles, coordination, listening, copies) on the pool they share (``connection``); imported
only when a PostgreSQL database is asked for, so that an SQLite start does not load asyncpg."""

from bot.store.postgres.store import PostgresStore

__all__ = ["PostgresStore"]
