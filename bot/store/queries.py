"""The SQL the store runs, one async function per statement group; chats arrive already hashed.

Plain SQL text with `:name` parameters, the same for SQLite and PostgreSQL (bot/store/engines.py).
"""

from __future__ import annotations

import concurrent.futures
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.store import shared
from bot.store.schema import (
    DROPPED_ON_UPGRADE,
    SCHEMA_VERSION,
    TABLE_NAMES,
    UnansweredRow,
    VoteRow,
    aware,
    create_statements,
)

if TYPE_CHECKING:
    from bot.store.engines import Connection

INSERT_UNANSWERED = (
    "INSERT INTO unanswered"
    " (id, created_at, chat, front_end, question, normalized, outcome, intent, candidates)"
    " VALUES (:id, :created_at, :chat, :front_end, :question, :normalized, :outcome, :intent,"
    " :candidates)"
)
INSERT_VOTE = (
    "INSERT INTO votes (id, created_at, chat, intent, vote)"
    " VALUES (:id, :created_at, :chat, :intent, :vote)"
)
KEPT_BY_RETENTION = ("unanswered", "votes")  # the maintainer's: purged after the retention


@dataclass
class Op:
    """One write waiting for the database; `chat` is already hashed (bot/privacy.py)."""

    kind: str  # unanswered / vote / forget / state / update_done
    chat: str
    values: dict[str, Any] = field(default_factory=dict)
    done: concurrent.futures.Future[int] | None = None  # forget: the caller waits on it
    row: dict[str, Any] | None = None  # vote: the id of its down-vote row, and that row if any
    written: threading.Event | None = None  # state: set once committed (for a writer that waits)


async def upgrade(conn: Connection) -> set[str]:
    """Before the tables are made: a database an older schema made loses the short-lived tables
    whose shape changed (they are made anew, empty). A new database has nothing to upgrade.
    The tables there are then."""
    tables = {row["name"] for row in (await conn.execute(TABLE_NAMES[conn.dialect])).rows}
    if "settings" not in tables:
        return tables
    query = 'SELECT value FROM settings WHERE "key" = :key'
    version = (await conn.execute(query, {"key": "schema_version"})).scalar()
    if version == SCHEMA_VERSION:
        return tables
    for name in DROPPED_ON_UPGRADE:
        if name in tables:
            await conn.execute(f"DROP TABLE IF EXISTS {name}")
    return tables - set(DROPPED_ON_UPGRADE)


async def create_tables(conn: Connection, existing: set[str]) -> None:
    for statement in create_statements(conn.dialect, existing):
        await conn.execute(statement)


async def ensure_settings(conn: Connection) -> None:
    """The schema version; the salt that schema 1 kept here (beside the hashes) is deleted, so
    rows written before are left unlinkable to any chat (they expire with the retention)."""
    found = (await conn.execute('SELECT "key", value FROM settings')).rows
    rows = {row["key"]: row["value"] for row in found}
    delete = 'DELETE FROM settings WHERE "key" = :key'
    if "salt" in rows:
        await conn.execute(delete, {"key": "salt"})
    if rows.get("schema_version") != SCHEMA_VERSION:
        await conn.execute(delete, {"key": "schema_version"})
        await conn.execute(
            'INSERT INTO settings ("key", value) VALUES (:key, :value)',
            {"key": "schema_version", "value": SCHEMA_VERSION},
        )


async def purge(conn: Connection, retention: timedelta) -> None:
    cutoff = datetime.now(UTC) - retention
    for table in KEPT_BY_RETENTION:
        await conn.execute(f"DELETE FROM {table} WHERE created_at < :cutoff", {"cutoff": cutoff})


async def apply(conn: Connection, op: Op) -> int:
    """Carry out one queued operation; the rows a forget deleted (else 0)."""
    values, chat = op.values, op.chat
    if op.kind == "unanswered":
        await conn.execute(INSERT_UNANSWERED, {**values, "chat": chat})
    elif op.kind == "vote":  # the ids name (chat, answer): a later vote replaces the earlier
        row = dict(op.row or {})
        await conn.execute("DELETE FROM votes WHERE id = :id", {"id": values["id"]})
        await conn.execute("DELETE FROM unanswered WHERE id = :id", {"id": row.get("id")})
        await conn.execute(INSERT_VOTE, {**values, "chat": chat})
        if len(row) > 1:  # a down-vote: its question goes in the maintainer's log
            await conn.execute(INSERT_UNANSWERED, {**row, "chat": chat})
    elif op.kind == "state":
        await shared.save_state(conn, chat, values)
    elif op.kind == "update_done":
        await shared.mark_done(conn, values["update_id"])
    elif op.kind == "forget":
        return await forget(conn, chat)
    return 0


async def forget(conn: Connection, chat: str) -> int:
    total = 0
    for table in KEPT_BY_RETENTION:
        result = await conn.execute(f"DELETE FROM {table} WHERE chat = :chat", {"chat": chat})
        total += max(result.rowcount, 0)
    return total + await shared.forget(conn, chat)


async def unanswered_since(conn: Connection, since: datetime) -> list[UnansweredRow]:
    query = (
        "SELECT created_at, question, normalized, outcome, intent, candidates FROM unanswered"
        " WHERE created_at >= :since ORDER BY created_at"
    )
    return [
        UnansweredRow(
            created_at=aware(r["created_at"]),
            question=r["question"],
            normalized=r["normalized"],
            outcome=r["outcome"],
            intent=r["intent"],
            candidates=[(str(i), float(s)) for i, s in json.loads(r["candidates"] or "[]")],
        )
        for r in (await conn.execute(query, {"since": since})).rows
    ]


async def votes_since(conn: Connection, since: datetime) -> list[VoteRow]:
    query = "SELECT created_at, intent, vote FROM votes WHERE created_at >= :since"
    rows = (await conn.execute(query, {"since": since})).rows
    return [VoteRow(aware(r["created_at"]), r["intent"], int(r["vote"])) for r in rows]


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """Text every database takes: no NUL (PostgreSQL refuses it), no lone surrogates."""
    return _SURROGATE.sub("\ufffd", text.replace("\x00", ""))
