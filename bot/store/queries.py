"""The SQL the store runs, one async function per statement group; chats arrive already hashed."""

from __future__ import annotations

import json
import secrets
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store import shared
from bot.store.schema import (
    SCHEMA_VERSION,
    UnansweredRow,
    VoteRow,
    contexts,
    settings_table,
    unanswered,
    votes,
)


@dataclass
class Op:
    """One write waiting for the database; `chat` is the raw id, hashed only when written."""

    kind: str  # unanswered / vote / context / state / update_done
    chat: str
    values: dict[str, Any] = field(default_factory=dict)
    written: threading.Event | None = None  # set once committed (for a writer that waits)


async def ensure_settings(conn: AsyncConnection, salt: str | None) -> str:
    """The database's salt (created from `salt`, else at random, on first use); the schema version."""
    rows = {key: value for key, value in (await conn.execute(select(settings_table))).all()}
    if "salt" not in rows:
        rows["salt"] = salt or secrets.token_hex(16)
        await conn.execute(insert(settings_table).values(key="salt", value=rows["salt"]))
    if rows.get("schema_version") != SCHEMA_VERSION:
        await conn.execute(delete(settings_table).where(settings_table.c.key == "schema_version"))
        await conn.execute(
            insert(settings_table).values(key="schema_version", value=SCHEMA_VERSION)
        )
    return rows["salt"]


async def purge(conn: AsyncConnection, retention: timedelta) -> None:
    cutoff = datetime.now(UTC) - retention
    for table in (unanswered, votes):
        await conn.execute(delete(table).where(table.c.created_at < cutoff))
    await conn.execute(delete(contexts).where(contexts.c.updated_at < cutoff))


async def apply(conn: AsyncConnection, op: Op, chat: str) -> None:
    values = dict(op.values)
    if op.kind == "unanswered":
        await conn.execute(insert(unanswered).values(id=uuid.uuid4().hex, chat=chat, **values))
    elif op.kind == "vote":
        await conn.execute(insert(votes).values(id=uuid.uuid4().hex, chat=chat, **values))
    elif op.kind == "state":
        await shared.save_state(conn, chat, values)
    elif op.kind == "update_done":
        await shared.mark_done(conn, values["update_id"])
    elif op.kind == "context":
        await conn.execute(delete(contexts).where(contexts.c.chat == chat))
        await conn.execute(
            insert(contexts).values(
                chat=chat, intent=values["intent"], updated_at=values["created_at"]
            )
        )


async def forget(conn: AsyncConnection, chat: str) -> int:
    total = 0
    for table in (unanswered, votes, contexts):
        result = await conn.execute(delete(table).where(table.c.chat == chat))
        total += result.rowcount or 0
    return total + await shared.forget(conn, chat)


async def load_context(conn: AsyncConnection, chat: str) -> tuple[str, datetime] | None:
    query = select(contexts.c.intent, contexts.c.updated_at).where(contexts.c.chat == chat)
    row = (await conn.execute(query)).first()
    return None if row is None else (row[0], _aware(row[1]))


async def unanswered_since(conn: AsyncConnection, since: datetime) -> list[UnansweredRow]:
    query = select(unanswered).where(unanswered.c.created_at >= since)
    rows = (await conn.execute(query.order_by(unanswered.c.created_at))).mappings().all()
    return [
        UnansweredRow(
            created_at=_aware(r["created_at"]),
            question=r["question"],
            normalized=r["normalized"],
            outcome=r["outcome"],
            intent=r["intent"],
            candidates=[(str(i), float(s)) for i, s in json.loads(r["candidates"] or "[]")],
        )
        for r in rows
    ]


async def votes_since(conn: AsyncConnection, since: datetime) -> list[VoteRow]:
    query = select(votes.c.created_at, votes.c.intent, votes.c.vote)
    rows = (await conn.execute(query.where(votes.c.created_at >= since))).all()
    return [VoteRow(_aware(r[0]), r[1], int(r[2])) for r in rows]


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)
