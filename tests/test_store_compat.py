"""A database the bot made through SQLAlchemy (before issue 14: its tables, and its rows with
SQLAlchemy's own formats) opens under the store that speaks SQL itself: the old rows read back
the same, new rows are written beside them alike, and a new database takes the same shape. On
SQLite and, when TEST_DATABASE_URL names a server, PostgreSQL."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    insert,
)
from sqlalchemy.ext.asyncio import create_async_engine
from test_store import _postgres_database, db_url, since_yesterday  # noqa: F401 (a fixture)

from bot.privacy import chat_hash
from bot.store import Store, UnansweredRow, VoteRow, database_url
from bot.store.shared import StoredExchange

KEY = b"k" * 32
HOUR_AGO = datetime.now(UTC).replace(microsecond=123456) - timedelta(hours=1)

# The tables as bot/store/schema.py declared them for SQLAlchemy's create_all (schema 5).
OLD = MetaData()
_when = {"nullable": False, "index": True}
Table(
    "unanswered", OLD, Column("id", String(32), primary_key=True),
    Column("created_at", DateTime(timezone=True), **_when),
    Column("chat", String(64), nullable=False, index=True),
    Column("front_end", String(16), nullable=False), Column("question", Text),
    Column("normalized", Text), Column("outcome", String(16), nullable=False),
    Column("intent", String(64)), Column("candidates", Text, nullable=False),
)  # fmt: skip
Table(
    "votes", OLD, Column("id", String(32), primary_key=True),
    Column("created_at", DateTime(timezone=True), **_when),
    Column("chat", String(64), nullable=False, index=True),
    Column("intent", String(64), nullable=False), Column("vote", SmallInteger, nullable=False),
)  # fmt: skip
Table(
    "chat_states", OLD, Column("chat", String(64), primary_key=True),
    *(Column(name, Text, nullable=False) for name in ("intents", "offered")),
    Column("source_shown", Boolean, nullable=False),
    *(Column(name, Text, nullable=False) for name in ("named", "earlier_intents")),
    Column("updated_at", DateTime(timezone=True), **_when),
)  # fmt: skip
Table(
    "exchanges", OLD, Column("id", String(16), primary_key=True),
    Column("chat", String(64), primary_key=True, index=True),
    *(Column(c, Text, nullable=False) for c in ("question", "normalized", "candidates", "intents")),
    Column("created_at", DateTime(timezone=True), **_when),
)  # fmt: skip
Table(
    "handled_updates", OLD, Column("update_id", BigInteger, primary_key=True, autoincrement=False),
    Column("claimed_at", DateTime(timezone=True), **_when), Column("done", Boolean, nullable=False),
)  # fmt: skip
Table(
    "settings", OLD, Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)  # fmt: skip


def _made_by_sqlalchemy(url: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    """The tables, and `rows` written through SQLAlchemy's types, as the old store did."""
    url = database_url(url).replace("sqlite://", "sqlite+aiosqlite://", 1)

    async def make() -> None:
        engine = create_async_engine(url)
        async with engine.begin() as conn:
            await conn.run_sync(OLD.create_all)
            for table, values in rows.items():
                await conn.execute(insert(OLD.tables[table]), values)
        await engine.dispose()

    asyncio.run(make())


def _old_rows(chat: str) -> dict[str, list[dict[str, Any]]]:
    recent = datetime.now(UTC) - timedelta(minutes=1)
    return {
        "settings": [{"key": "schema_version", "value": "5"}],
        "unanswered": [
            {"id": "u1", "created_at": HOUR_AGO, "chat": chat, "front_end": "telegram",
             "question": "giá vàng", "normalized": "gia vang", "outcome": "fallback",
             "intent": None, "candidates": '[["total_staff", 41.5]]'},
            {"id": "u2", "created_at": HOUR_AGO - timedelta(days=100), "chat": chat,
             "front_end": "telegram", "question": "cũ", "normalized": "cu",
             "outcome": "fallback", "intent": None, "candidates": "[]"},
        ],
        "votes": [
            {"id": "v1", "created_at": HOUR_AGO, "chat": chat, "intent": "masters_sent", "vote": -1}
        ],
        "chat_states": [
            {"chat": chat, "intents": '["masters_sent"]', "offered": "[]", "source_shown": True,
             "named": '["level"]', "earlier_intents": '["party_members"]', "updated_at": recent}
        ],
        "exchanges": [
            {"id": "ab12cd34", "chat": chat, "question": "q", "normalized": "q",
             "candidates": '[["masters_sent", 80.0]]', "intents": '["masters_sent"]',
             "created_at": recent}
        ],
        "handled_updates": [
            {"update_id": 99, "claimed_at": recent, "done": True},
            {"update_id": 100, "claimed_at": HOUR_AGO, "done": False},  # its process died
        ],
    }  # fmt: skip


def test_an_old_database_reads_back_its_rows_and_takes_new_ones(db_url: str) -> None:  # noqa: F811
    _made_by_sqlalchemy(db_url, _old_rows(chat_hash(KEY, "tg:1")))
    store = Store.open(db_url, hash_key=KEY)  # a retention of 90 days: the 100-day row goes
    try:
        old = UnansweredRow(
            HOUR_AGO, "giá vàng", "gia vang", "fallback", None, [("total_staff", 41.5)]
        )
        assert store.unanswered_since(since_yesterday()) == [old]
        assert store.votes_since(since_yesterday()) == [VoteRow(HOUR_AGO, "masters_sent", -1)]
        state = store.load_state("tg:1", timeout=5)
        assert state is not None
        assert (state.intents, state.source_shown, state.named, state.earlier) == (
            ("masters_sent",), True, ("level",), ("party_members",),
        )  # fmt: skip
        assert store.load_exchange("tg:1", "ab12cd34", timeout=5) == StoredExchange(
            "q", "q", (("masters_sent", 80.0),), ("masters_sent",), True
        )
        assert asyncio.run(store.claim_update(99, timeout=10)) == "duplicate"
        assert asyncio.run(store.claim_update(100, timeout=10)) == "new"  # taken over

        store.log_unanswered("tg:1", "telegram", "dân số", "dan so", "fallback", [])
        store.log_vote("tg:1", "total_staff", 1)
        assert store.flush()
        rows = store.unanswered_since(datetime.now(UTC) - timedelta(days=365))
        assert [r.question for r in rows] == ["giá vàng", "dân số"]  # ordered by time
        assert [v.vote for v in store.votes_since(HOUR_AGO)] == [-1, 1]
        assert store.forget("tg:1") == 6  # 2 questions, 2 votes, a state, an exchange
    finally:
        store.close()


def test_sqlite_timestamps_are_written_as_sqlalchemy_wrote_them(tmp_path: Path) -> None:
    """Naive UTC text: compared as text against rows written before, and read by older code."""
    path = tmp_path / "store.sqlite3"
    _made_by_sqlalchemy(f"sqlite:///{path}", _old_rows("h"))
    store = Store.open(f"sqlite:///{path}")
    store.log_unanswered("a", "console", "mới", "moi", "fallback", [])
    assert store.flush()
    store.close()
    with sqlite3.connect(path) as conn:
        stamps = dict(conn.execute("SELECT id, created_at FROM unanswered").fetchall())
    assert stamps.pop("u1") == HOUR_AGO.replace(tzinfo=None).isoformat(" ")
    (new,) = stamps.values()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", new)


def _another(url: str, tmp_path: Path) -> Iterator[str]:
    if url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'made-by-sqlalchemy.sqlite3'}"
    else:
        yield from _postgres_database()


def test_a_new_database_takes_the_shape_sqlalchemy_gave_it(
    db_url: str,  # noqa: F811 (the fixture)
    tmp_path: Path,
) -> None:
    """The same tables, columns, types, keys and index names: either store opens the other's."""
    for old_url in _another(db_url, tmp_path):
        _made_by_sqlalchemy(old_url, {})
        store = Store.open(db_url)
        asyncio.run(store.check())
        store.close()
        assert _shape(db_url) == _shape(old_url)


def _shape(url: str) -> set[tuple]:
    """Every column (name, type, null or not, key) and index (name, columns) of every table."""
    if url.startswith("sqlite"):
        with sqlite3.connect(url.split("///", 1)[1]) as conn:
            tables = [
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
            shape = {(t, *r[1:]) for t in tables for r in conn.execute(f"PRAGMA table_info({t})")}
            for table in tables:
                for index in conn.execute(f"PRAGMA index_list({table})"):
                    columns = [r[2] for r in conn.execute(f"PRAGMA index_info({index[1]})")]
                    shape.add((table, *index[1:], *columns))
            return shape

    async def read() -> set[tuple]:
        import asyncpg

        conn = await asyncpg.connect(database_url(url).replace("postgresql+asyncpg", "postgresql"))
        try:
            columns = await conn.fetch(
                "SELECT table_name, column_name, data_type, character_maximum_length,"
                " is_nullable, column_default FROM information_schema.columns"
                " WHERE table_schema = current_schema()"
            )
            indexes = await conn.fetch(
                "SELECT tablename, indexname, indexdef FROM pg_indexes"
                " WHERE schemaname = current_schema()"
            )
            return {tuple(r) for r in columns} | {tuple(r) for r in indexes}
        finally:
            await conn.close()

    return asyncio.run(read())
