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

from bot.store.schema import aware
from bot.values import value_class

if TYPE_CHECKING:
    from bot.store.engines import Connection

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


SAVE_STATE = (  # the same upsert in SQLite (3.24 and later) and PostgreSQL
    "INSERT INTO chat_states"
    " (chat, intents, offered, source_shown, named, earlier_intents, updated_at)"
    " VALUES (:chat, :intents, :offered, :source_shown, :named, :earlier_intents, :updated_at)"
    " ON CONFLICT (chat) DO UPDATE SET intents = excluded.intents, offered = excluded.offered,"
    " source_shown = excluded.source_shown, named = excluded.named,"
    " earlier_intents = excluded.earlier_intents, updated_at = excluded.updated_at"
)
SAVE_EXCHANGE = (
    "INSERT INTO exchanges (id, chat, question, normalized, candidates, intents, created_at)"
    " VALUES (:id, :chat, :question, :normalized, :candidates, :intents, :created_at)"
    " ON CONFLICT DO NOTHING"
)
CLAIM = (
    "INSERT INTO handled_updates (update_id, claimed_at, done)"
    " VALUES (:update_id, :now, :done) ON CONFLICT DO NOTHING"
)
TAKE_OVER = (  # a claim whose process died before finishing it
    "UPDATE handled_updates SET claimed_at = :now"
    " WHERE update_id = :update_id AND NOT done AND claimed_at < :stale"
)


# ------------------------------------------------------------------ queries


async def load_state(conn: Connection, chat: str) -> StoredState | None:
    query = (
        "SELECT intents, offered, source_shown, named, earlier_intents, updated_at"
        " FROM chat_states WHERE chat = :chat"
    )
    row = (await conn.execute(query, {"chat": chat})).first()
    if row is None:
        return None
    return StoredState(
        tuple(json.loads(row["intents"])),
        tuple(json.loads(row["offered"])),
        bool(row["source_shown"]),
        aware(row["updated_at"]),
        tuple(json.loads(row["named"])),
        tuple(json.loads(row["earlier_intents"])),
    )


async def save_state(conn: Connection, chat: str, values: dict[str, Any]) -> None:
    """The chat's new state, and the exchange its answer's vote buttons name (if any)."""
    state = {
        "chat": chat,
        "intents": json.dumps(values["intents"]),
        "offered": json.dumps(values["offered"]),
        "source_shown": bool(values["source_shown"]),
        "named": json.dumps(values.get("named", [])),
        "earlier_intents": json.dumps(values.get("earlier", [])),
        "updated_at": values["created_at"],
    }
    await conn.execute(SAVE_STATE, state)
    exchange = values.get("exchange")
    if exchange:
        row = {**exchange, "chat": chat, "created_at": values["created_at"]}
        row["candidates"] = json.dumps(row["candidates"])
        row["intents"] = json.dumps(row.get("intents", []))
        await conn.execute(SAVE_EXCHANGE, row)


async def load_exchange(conn: Connection, key: tuple[str, str]) -> StoredExchange | None:
    """The answer `exchange_id` names, preferably `chat`'s own (ids are short: they may repeat)."""
    exchange_id, chat = key
    query = "SELECT chat, question, normalized, candidates, intents FROM exchanges WHERE id = :id"
    rows = (await conn.execute(query, {"id": exchange_id})).rows
    found = sorted(rows, key=lambda r: r["chat"] != chat)
    if not found:
        return None
    row = found[0]
    candidates = tuple((str(i), float(s)) for i, s in json.loads(row["candidates"]))
    intents = tuple(str(i) for i in json.loads(row["intents"]))
    return StoredExchange(
        row["question"], row["normalized"], candidates, intents, row["chat"] == chat
    )


async def claim(conn: Connection, update_id: int) -> Claim:
    """Claim an update in one transaction: new, already done, or being handled elsewhere."""
    now = datetime.now(UTC)
    params = {"update_id": update_id, "now": now}
    inserted = await conn.execute(CLAIM, {**params, "done": False})
    if inserted.rowcount == 1:
        return "new"
    taken = await conn.execute(TAKE_OVER, {**params, "stale": now - LEASE})
    if taken.rowcount == 1:
        return "new"  # its first process died before finishing it
    query = "SELECT done FROM handled_updates WHERE update_id = :update_id"
    done = (await conn.execute(query, {"update_id": update_id})).scalar()
    return "duplicate" if done else "busy"


async def mark_done(conn: Connection, update_id: int) -> None:
    await conn.execute(
        "UPDATE handled_updates SET done = :done WHERE update_id = :update_id",
        {"update_id": update_id, "done": True},
    )


async def purge(conn: Connection) -> None:
    now = datetime.now(UTC)
    for table, column, keep in (
        ("chat_states", "updated_at", STATE_KEEP),
        ("exchanges", "created_at", EXCHANGE_KEEP),
        ("handled_updates", "claimed_at", UPDATE_KEEP),
    ):
        await conn.execute(f"DELETE FROM {table} WHERE {column} < :cutoff", {"cutoff": now - keep})


async def forget(conn: Connection, chat: str) -> int:
    total = 0
    for table in ("chat_states", "exchanges"):
        result = await conn.execute(f"DELETE FROM {table} WHERE chat = :chat", {"chat": chat})
        total += max(result.rowcount, 0)
    return total
