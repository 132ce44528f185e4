"""The SQL the store runs, one async function per statement group; chats arrive already hashed."""

from __future__ import annotations

import concurrent.futures
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, inspect, select, text

from bot.store import shared
from bot.store.schema import (
    DROPPED_ON_UPGRADE,
    SCHEMA_VERSION,
    UnansweredRow,
    VoteRow,
    settings_table,
    unanswered,
    votes,
)

if TYPE_CHECKING:  # the asyncio extension is imported only for databases that use it
    from sqlalchemy.ext.asyncio import AsyncConnection


@dataclass
class Op:
    """One write waiting for the database; `chat` is already hashed (bot/privacy.py)."""

    kind: str  # unanswered / vote / forget / state / update_done
    chat: str
    values: dict[str, Any] = field(default_factory=dict)
    done: concurrent.futures.Future[int] | None = None  # forget: the caller waits on it
    row: dict[str, Any] | None = None  # vote: the id of its down-vote row, and that row if any
    written: threading.Event | None = None  # state: set once committed (for a writer that waits)


async def upgrade(conn: AsyncConnection) -> None:
    """Before the tables are made: a database an older schema made loses the short-lived tables
    whose shape changed (they are made anew, empty). A new database has nothing to upgrade."""
    tables = set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))
    if settings_table.name not in tables:
        return
    version = (
        await conn.execute(
            select(settings_table.c.value).where(settings_table.c.key == "schema_version")
        )
    ).scalar()
    if version == SCHEMA_VERSION:
        return
    for name in DROPPED_ON_UPGRADE:
        if name in tables:
            await conn.execute(text(f"DROP TABLE IF EXISTS {name}"))


async def ensure_settings(conn: AsyncConnection) -> None:
    """The schema version; the salt that schema 1 kept here (beside the hashes) is deleted, so
    rows written before are left unlinkable to any chat (they expire with the retention)."""
    rows = {key: value for key, value in (await conn.execute(select(settings_table))).all()}
    if "salt" in rows:
        await conn.execute(delete(settings_table).where(settings_table.c.key == "salt"))
    if rows.get("schema_version") != SCHEMA_VERSION:
        await conn.execute(delete(settings_table).where(settings_table.c.key == "schema_version"))
        await conn.execute(
            insert(settings_table).values(key="schema_version", value=SCHEMA_VERSION)
        )


async def purge(conn: AsyncConnection, retention: timedelta) -> None:
    cutoff = datetime.now(UTC) - retention
    for table in (unanswered, votes):
        await conn.execute(delete(table).where(table.c.created_at < cutoff))


async def apply(conn: AsyncConnection, op: Op) -> int:
    """Carry out one queued operation; the rows a forget deleted (else 0)."""
    values, chat = op.values, op.chat
    if op.kind == "unanswered":
        await conn.execute(insert(unanswered).values(chat=chat, **values))
    elif op.kind == "vote":  # the ids name (chat, answer): a later vote replaces the earlier
        row = dict(op.row or {})
        await conn.execute(delete(votes).where(votes.c.id == values["id"]))
        await conn.execute(delete(unanswered).where(unanswered.c.id == row.get("id")))
        await conn.execute(insert(votes).values(chat=chat, **values))
        if len(row) > 1:  # a down-vote: its question goes in the maintainer's log
            await conn.execute(insert(unanswered).values(chat=chat, **row))
    elif op.kind == "state":
        await shared.save_state(conn, chat, values)
    elif op.kind == "update_done":
        await shared.mark_done(conn, values["update_id"])
    elif op.kind == "forget":
        return await forget(conn, chat)
    return 0


async def forget(conn: AsyncConnection, chat: str) -> int:
    total = 0
    for table in (unanswered, votes):
        result = await conn.execute(delete(table).where(table.c.chat == chat))
        total += result.rowcount or 0
    return total + await shared.forget(conn, chat)


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


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """Text every database takes: no NUL (PostgreSQL refuses it), no lone surrogates."""
    return _SURROGATE.sub("\ufffd", text.replace("\x00", ""))
