"""A database an older version of the bot made (schema 3 or 4) opens under today's schema: the
short-lived tables whose shape changed are made anew, what the maintainer reads is kept. On SQLite
and, when TEST_DATABASE_URL names a server, PostgreSQL."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from test_store import db_url, since_yesterday  # noqa: F401 (a fixture)

from bot.store import Store

# what schema 3 made of the tables that changed, and a row in each (SQL both databases take)
SCHEMA_3 = [
    "CREATE TABLE settings (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)",
    "INSERT INTO settings VALUES ('schema_version', '3')",
    "CREATE TABLE contexts (chat VARCHAR(64) PRIMARY KEY, intent VARCHAR(64) NOT NULL,"
    " updated_at TIMESTAMP WITH TIME ZONE NOT NULL)",
    "INSERT INTO contexts VALUES ('h1', 'masters_sent', '2026-11-30 10:00:00+00')",
    "CREATE TABLE chat_states (chat VARCHAR(64) PRIMARY KEY, intents TEXT NOT NULL,"
    " offered TEXT NOT NULL, source_shown BOOLEAN NOT NULL,"
    " updated_at TIMESTAMP WITH TIME ZONE NOT NULL)",
    "INSERT INTO chat_states VALUES ('h2', '[\"total_staff\"]', '[]', TRUE,"
    " '2026-11-30 10:00:00+00')",
]

# what schema 4 made of the chat states (no answer before the last), and a row
SCHEMA_4 = [
    "CREATE TABLE settings (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)",
    "INSERT INTO settings VALUES ('schema_version', '4')",
    "CREATE TABLE chat_states (chat VARCHAR(64) PRIMARY KEY, intents TEXT NOT NULL,"
    " offered TEXT NOT NULL, source_shown BOOLEAN NOT NULL, named TEXT NOT NULL,"
    " updated_at TIMESTAMP WITH TIME ZONE NOT NULL)",
    "INSERT INTO chat_states VALUES ('h2', '[\"total_staff\"]', '[]', TRUE, '[]',"
    " '2026-11-30 10:00:00+00')",
]


def _run(url: str, statements: list[str]) -> list[tuple]:
    """Run `statements` with the database's own driver; the rows of the last one."""
    if url.startswith("sqlite"):
        with sqlite3.connect(url.split("///", 1)[1]) as conn:
            rows: list[tuple] = []
            for sql in statements:
                rows = conn.execute(sql.replace("TRUE", "1")).fetchall()
            return rows

    async def run() -> list[tuple]:
        import asyncpg

        conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
        try:
            rows: list[tuple] = []
            for sql in statements:
                rows = [tuple(r) for r in await conn.fetch(sql)]
            return rows
        finally:
            await conn.close()

    return asyncio.run(run())


def _tables(url: str) -> set[str]:
    if url.startswith("sqlite"):
        sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
    else:
        sql = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    return {row[0] for row in _run(url, [sql])}


@pytest.mark.parametrize("old_schema", [SCHEMA_3, SCHEMA_4], ids=["schema 3", "schema 4"])
def test_an_older_database_opens_keeps_its_log_and_its_chat_states_take_todays_shape(
    db_url: str,  # noqa: F811 (the fixture)
    old_schema: list[str],
) -> None:
    store = Store.open(db_url, hash_key=b"k" * 32)
    store.log_unanswered("tg:1", "telegram", "giá vàng", "gia vang", "fallback", [])
    assert store.flush()
    store.close()
    # the database as the older schema left it: its own context tables, its version
    _run(db_url, ["DROP TABLE chat_states", "DROP TABLE settings", *old_schema])

    store = Store.open(db_url, hash_key=b"k" * 32)
    try:
        store.save_state(
            "tg:1", ("party_members",), (), True, named=("level",), earlier=("university_sent",)
        )
        assert store.flush()
        state = store.load_state("tg:1", timeout=5)
        assert state is not None
        assert (state.intents, state.named, state.earlier) == (
            ("party_members",),
            ("level",),
            ("university_sent",),
        )
        assert [r.question for r in store.unanswered_since(since_yesterday())] == ["giá vàng"]
    finally:
        store.close()
    assert "contexts" not in _tables(db_url)  # schema 3's one-intent table is gone
    version = _run(db_url, ["SELECT value FROM settings WHERE key = 'schema_version'"])
    assert version == [("5",)]
