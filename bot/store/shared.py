"""State that processes share, so that any of them can take a chat's next update.

A chat's context (what its last answer was about, what a clarification offered, whether it has
seen the source line), the answers under vote buttons, and the update_ids already claimed. Rows
live minutes to days, never the maintainer's 90: they are purged every few minutes. Chats are
stored as the same keyed hash as everywhere else in the store (bot/privacy.py), and the question
under a vote button is masked like every stored question. The Store's methods: sharing.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import delete, select, update

from bot.store.schema import chat_states, exchanges, handled_updates
from bot.values import value_class

if TYPE_CHECKING:  # the asyncio extension is imported only for databases that use it
    from sqlalchemy.ext.asyncio import AsyncConnection

Claim = Literal["new", "duplicate", "busy"]

STATE_KEEP = timedelta(days=1)  # a chat's state (its context expires much sooner: the KB says)
EXCHANGE_KEEP = timedelta(days=2)  # how long a vote still finds the question it is about
UPDATE_KEEP = timedelta(days=2)  # Telegram gives up redelivering an update within a day
# A claimed update not done after this long belongs to a process that died: the next delivery
# takes it over. The webhook answers Telegram within ACK_WAIT (< LEASE), so a live process
# never sees its update redelivered while it still works on it.
LEASE = timedelta(seconds=30)
PURGE_EVERY_S = 600.0


@value_class
class StoredState:
    intents: tuple[str, ...]
    offered: tuple[str, ...]
    source_shown: bool
    updated_at: datetime
    named: tuple[str, ...] = ()
    earlier: tuple[str, ...] = ()  # the facts of the answer before the last


@value_class
class StoredExchange:
    question: str
    normalized: str
    candidates: tuple[tuple[str, float], ...]
    intents: tuple[str, ...]
    mine: bool  # asked in the chat that looks it up (else: another member of a group)


def _insert(conn: AsyncConnection, table: Any) -> Any:
    """INSERT with ON CONFLICT support: both SQLite and PostgreSQL have it, spelled alike (only
    the dialect in use is imported: PostgreSQL's costs 2 MB a SQLite store never needs)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# ------------------------------------------------------------------ queries


async def load_state(conn: AsyncConnection, chat: str) -> StoredState | None:
    query = select(chat_states).where(chat_states.c.chat == chat)
    row = (await conn.execute(query)).mappings().first()
    if row is None:
        return None
    return StoredState(
        tuple(json.loads(row["intents"])),
        tuple(json.loads(row["offered"])),
        bool(row["source_shown"]),
        _aware(row["updated_at"]),
        tuple(json.loads(row["named"])),
        tuple(json.loads(row["earlier_intents"])),
    )


async def save_state(conn: AsyncConnection, chat: str, values: dict[str, Any]) -> None:
    """The chat's new state, and the exchange its answer's vote buttons name (if any)."""
    state = {
        "intents": json.dumps(values["intents"]),
        "offered": json.dumps(values["offered"]),
        "source_shown": values["source_shown"],
        "named": json.dumps(values.get("named", [])),
        "earlier_intents": json.dumps(values.get("earlier", [])),
        "updated_at": values["created_at"],
    }
    upsert = _insert(conn, chat_states).values(chat=chat, **state)
    await conn.execute(upsert.on_conflict_do_update(index_elements=["chat"], set_=state))
    exchange = values.get("exchange")
    if exchange:
        row = {**exchange, "chat": chat, "created_at": values["created_at"]}
        row["candidates"] = json.dumps(row["candidates"])
        row["intents"] = json.dumps(row.get("intents", []))
        await conn.execute(_insert(conn, exchanges).values(**row).on_conflict_do_nothing())


async def load_exchange(conn: AsyncConnection, key: tuple[str, str]) -> StoredExchange | None:
    """The answer `exchange_id` names, preferably `chat`'s own (ids are short: they may repeat)."""
    exchange_id, chat = key
    rows = (await conn.execute(select(exchanges).where(exchanges.c.id == exchange_id))).mappings()
    found = sorted(rows.all(), key=lambda r: r["chat"] != chat)
    if not found:
        return None
    row = found[0]
    candidates = tuple((str(i), float(s)) for i, s in json.loads(row["candidates"]))
    intents = tuple(str(i) for i in json.loads(row["intents"]))
    return StoredExchange(
        row["question"], row["normalized"], candidates, intents, row["chat"] == chat
    )


async def claim(conn: AsyncConnection, update_id: int) -> Claim:
    """Claim an update in one transaction: new, already done, or being handled elsewhere."""
    now = datetime.now(UTC)
    table = handled_updates
    inserted = await conn.execute(
        _insert(conn, table)
        .values(update_id=update_id, claimed_at=now, done=False)
        .on_conflict_do_nothing()
    )
    if inserted.rowcount == 1:
        return "new"
    taken = await conn.execute(
        update(table)
        .where(table.c.update_id == update_id, ~table.c.done, table.c.claimed_at < now - LEASE)
        .values(claimed_at=now)
    )
    if taken.rowcount == 1:
        return "new"  # its first process died before finishing it
    done = (await conn.execute(select(table.c.done).where(table.c.update_id == update_id))).scalar()
    return "duplicate" if done else "busy"


async def mark_done(conn: AsyncConnection, update_id: int) -> None:
    table = handled_updates
    await conn.execute(update(table).where(table.c.update_id == update_id).values(done=True))


async def purge(conn: AsyncConnection) -> None:
    now = datetime.now(UTC)
    await conn.execute(delete(chat_states).where(chat_states.c.updated_at < now - STATE_KEEP))
    await conn.execute(delete(exchanges).where(exchanges.c.created_at < now - EXCHANGE_KEEP))
    table = handled_updates
    await conn.execute(delete(table).where(table.c.claimed_at < now - UPDATE_KEEP))


async def forget(conn: AsyncConnection, chat: str) -> int:
    total = 0
    for table in (chat_states, exchanges):
        total += (await conn.execute(delete(table).where(table.c.chat == chat))).rowcount or 0
    return total
