"""What conversations leave behind, for the maintainer: unanswered questions, votes, contexts.

SQLAlchemy 2 (async): a SQLite file in the user's data directory by default, or whatever
DATABASE_URL names (PostgreSQL on a platform whose disk is wiped at every restart).

Replies never wait on the database. The store runs on a thread of its own with its own event
loop; front ends hand it rows through a bounded in-memory queue and go on. While the database
is down, rows wait in the queue and are written when it is back; when the queue is full the
oldest row is dropped and the drops are counted in the log. Chats are stored only as a salted
hash (the salt lives in the database, so it survives restarts); raw ids never leave memory.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import hashlib
import json
import logging
import os
import re
import secrets
import threading
import time
import uuid
from collections import deque
from collections.abc import Awaitable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import (
    Column,
    DateTime,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
)
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError, StatementError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

log = logging.getLogger("bot.store")

SCHEMA_VERSION = "1"
MAX_RETENTION_DAYS = 36_500
QUEUE_LIMIT = 10_000  # rows waiting for the database before the oldest are dropped
RETRY_MAX_S = 30.0
T = TypeVar("T")

metadata = MetaData()
unanswered = Table(
    "unanswered",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("chat", String(64), nullable=False, index=True),
    Column("front_end", String(16), nullable=False),
    Column("question", Text, nullable=True),  # null for a down-vote whose question was forgotten
    Column("normalized", Text, nullable=True),
    Column("outcome", String(16), nullable=False),  # fallback / clarify / downvoted
    Column("intent", String(64), nullable=True),  # the answer voted down
    Column("candidates", Text, nullable=False),  # JSON: [[intent, score], ...] best first
)
votes = Table(
    "votes",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("chat", String(64), nullable=False, index=True),
    Column("intent", String(64), nullable=False),
    Column("vote", SmallInteger, nullable=False),  # +1 / -1
)
contexts = Table(
    "contexts",
    metadata,
    Column("chat", String(64), primary_key=True),
    Column("intent", String(64), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
settings_table = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


class StoreUnavailable(Exception):
    """The database did not answer in time (reads only: writes wait in the queue)."""


def database_url(raw: str | None = None, data_dir: Path | None = None) -> str:
    """An async SQLAlchemy URL from DATABASE_URL, or the default SQLite file.

    Platforms hand out `postgres://…` (refused by SQLAlchemy) and libpq's `sslmode=`; both are
    translated for asyncpg. `sqlite:///path` gets the aiosqlite driver.
    """
    raw = (raw if raw is not None else os.environ.get("DATABASE_URL", "")).strip()
    if not raw:
        directory = data_dir or default_data_dir()
        directory.mkdir(parents=True, exist_ok=True)
        return f"sqlite+aiosqlite:///{directory / 'hoi-dap.sqlite3'}"
    scheme, rest = raw.split("://", 1) if "://" in raw else (raw, "")
    scheme = scheme.lower()
    if scheme in ("postgres", "postgresql", "postgresql+psycopg2", "postgresql+psycopg"):
        parts = urlsplit(f"postgresql+asyncpg://{rest}")
        query = dict(parse_qsl(parts.query))
        if "sslmode" in query:
            query["ssl"] = query.pop("sslmode")
        return urlunsplit(parts._replace(query=urlencode(query)))
    if scheme == "sqlite":
        return f"sqlite+aiosqlite://{rest}"
    return raw


def default_data_dir() -> Path:
    override = os.environ.get("HOIDAP_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("hoi-dap", appauthor=False)


_SECRET_PARAMS = ("password", "passwd", "pwd", "sslpassword", "token", "secret", "key")


def redacted(url: str) -> str:
    """The URL without its password (in the authority or the query), for log lines."""
    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    query = [
        (k, "***" if any(s in k.lower() for s in _SECRET_PARAMS) else v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
    ]
    return urlunsplit(parts._replace(query=urlencode(query, safe="*")))


@dataclass(frozen=True, slots=True)
class UnansweredRow:
    created_at: datetime
    question: str | None
    normalized: str | None
    outcome: str
    intent: str | None
    candidates: list[tuple[str, float]]


@dataclass(frozen=True, slots=True)
class VoteRow:
    created_at: datetime
    intent: str
    vote: int


@dataclass
class _Op:
    """One write waiting for the database; `chat` is the raw id, hashed only when written."""

    kind: str
    chat: str
    values: dict[str, Any] = field(default_factory=dict)


class Store:
    """The database, behind a thread of its own. All public methods are thread-safe."""

    def __init__(self, url: str, retention_days: int = 90) -> None:
        self.url = url
        self.retention = timedelta(days=retention_days)
        self.dropped = 0
        self.written = 0
        self._queue: deque[_Op] = deque()
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._wake = asyncio.Event()
        self._stopping = False
        self._engine: AsyncEngine | None = None
        self._salt: str | None = None
        self._last_purge = time.monotonic()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run_loop, name="store", daemon=True)

    # ------------------------------------------------------------ life cycle

    @classmethod
    def open(cls, url: str | None = None, retention_days: int | None = None) -> Store:
        """Start the store; a URL SQLAlchemy cannot use, or a bad retention, raises ValueError."""
        days = retention_days if retention_days is not None else _retention_from_env()
        if not 1 <= days <= MAX_RETENTION_DAYS:
            raise ValueError(f"retention must be 1 to {MAX_RETENTION_DAYS} days, not {days}")
        resolved = database_url(url)
        try:  # loads the driver now (no connection yet): a wrong URL fails here, in one line
            engine = create_async_engine(resolved, pool_pre_ping=True)
        except Exception as exc:
            raise ValueError(f"cannot use the database URL {redacted(resolved)}: {exc}") from exc
        store = cls(resolved, days)
        store._engine = engine
        store._thread.start()
        return store

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued (waiting up to `timeout` s for the database), then stop."""
        if not self._thread.is_alive():
            return
        self._stopping = True
        self._loop.call_soon_threadsafe(self._wake.set)
        self._thread.join(timeout + 2)
        with self._lock:
            left = len(self._queue)
        if left:
            log.warning("store: %d row(s) not written at shutdown (database unavailable)", left)

    def _run_loop(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._writer())
        finally:
            if self._engine is not None:
                self._loop.run_until_complete(self._engine.dispose())
            self._loop.close()

    # ------------------------------------------------------------ writes (never block)

    def log_unanswered(
        self,
        chat: str,
        front_end: str,
        question: str | None,
        normalized: str | None,
        outcome: str,
        candidates: list[tuple[str, float]],
        intent: str | None = None,
        at: datetime | None = None,
    ) -> None:
        """Queue an unanswered question (or a down-voted answer); `at` defaults to now."""
        self._submit(
            _Op(
                "unanswered",
                chat,
                {
                    "created_at": at or datetime.now(UTC),
                    "front_end": front_end[:16],
                    "question": question[:4000] if question is not None else None,
                    "normalized": normalized[:4000] if normalized is not None else None,
                    "outcome": outcome,
                    "intent": intent,
                    "candidates": json.dumps([[i, round(s, 1)] for i, s in candidates[:5]]),
                },
            )
        )

    def log_vote(self, chat: str, intent: str, vote: int) -> None:
        self._submit(_Op("vote", chat, {"intent": intent, "vote": 1 if vote > 0 else -1}))

    def save_context(self, chat: str, intent: str) -> None:
        self._submit(_Op("context", chat, {"intent": intent}))

    def _submit(self, op: _Op) -> None:
        op.values.setdefault("created_at", datetime.now(UTC))
        for key, value in op.values.items():
            if isinstance(value, str):
                op.values[key] = _storable(value)
        op.chat = _storable(op.chat)
        with self._lock:
            if len(self._queue) >= QUEUE_LIMIT:
                self._queue.popleft()
                self.dropped += 1
                if self.dropped == 1 or self.dropped % 100 == 0:
                    log.warning("store: queue full, %d row(s) dropped so far", self.dropped)
            self._queue.append(op)
        if not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._wake.set)

    # ------------------------------------------------------------ reads (wait, with a limit)

    def forget(self, chat: str, timeout: float = 5.0) -> int:
        """Delete every row of `chat` (queued ones too); the number of rows deleted."""
        with self._lock:
            kept = [op for op in self._queue if op.chat != chat]
            removed = len(self._queue) - len(kept)
            self._queue = deque(kept)
        return removed + self._call(self._forget(chat), timeout)

    def load_context(self, chat: str, timeout: float = 3.0) -> tuple[str, datetime] | None:
        return self._call(self._load_context(chat), timeout)

    def unanswered_since(self, since: datetime, timeout: float = 30.0) -> list[UnansweredRow]:
        return self._call(self._unanswered_since(since), timeout)

    def votes_since(self, since: datetime, timeout: float = 30.0) -> list[VoteRow]:
        return self._call(self._votes_since(since), timeout)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until the queue is written (tests, report); False if it could not be in time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if not self._queue and not self._busy:
                    return True
            time.sleep(0.01)
        return False

    _busy = False

    def _call(self, coroutine: Awaitable[T], timeout: float) -> T:
        future = asyncio.run_coroutine_threadsafe(self._when_ready(coroutine), self._loop)
        try:
            return future.result(timeout)
        except (concurrent.futures.TimeoutError, SQLAlchemyError, OSError) as exc:
            future.cancel()
            raise StoreUnavailable(f"the database did not answer ({type(exc).__name__})") from exc

    async def _when_ready(self, coroutine: Awaitable[T]) -> T:
        await self._connect_once()
        return await coroutine

    # ------------------------------------------------------------ the thread's side

    async def _connect_once(self) -> None:
        if self._engine is None:
            self._engine = create_async_engine(self.url, pool_pre_ping=True)
        if self._salt is None:
            async with self._engine.begin() as conn:
                await conn.run_sync(metadata.create_all)
                self._salt = await self._ensure_settings(conn)
                await self._purge(conn)
                self._last_purge = time.monotonic()
            log.info("store: using %s", redacted(self.url))

    async def _ensure_settings(self, conn: AsyncConnection) -> str:
        rows = {key: value for key, value in (await conn.execute(select(settings_table))).all()}
        if "salt" not in rows:
            rows["salt"] = os.environ.get("HOIDAP_HASH_SALT") or secrets.token_hex(16)
            await conn.execute(insert(settings_table).values(key="salt", value=rows["salt"]))
        if rows.get("schema_version") != SCHEMA_VERSION:
            await conn.execute(
                delete(settings_table).where(settings_table.c.key == "schema_version")
            )
            await conn.execute(
                insert(settings_table).values(key="schema_version", value=SCHEMA_VERSION)
            )
        return rows["salt"]

    def _hash(self, chat: str) -> str:
        assert self._salt is not None
        return hashlib.sha256(f"{self._salt}:{chat}".encode()).hexdigest()

    async def _purge(self, conn: AsyncConnection) -> None:
        cutoff = datetime.now(UTC) - self.retention
        for table in (unanswered, votes):
            await conn.execute(delete(table).where(table.c.created_at < cutoff))
        await conn.execute(delete(contexts).where(contexts.c.updated_at < cutoff))

    async def _writer(self) -> None:
        delay = 0.5
        failing = False
        while True:
            await self._purge_if_due()
            with self._lock:
                batch = [self._queue.popleft() for _ in range(min(200, len(self._queue)))]
                self._busy = bool(batch)
            if not batch:
                if self._stopping:
                    return
                with self._lock:
                    empty = not self._queue
                if empty:
                    await self._sleep_or_stop(60)
                continue
            try:
                await self._connect_once()
                assert self._engine is not None
                try:
                    async with self._engine.begin() as conn:
                        for op in batch:
                            await self._apply(conn, op)
                    self.written += len(batch)
                except (DataError, IntegrityError, StatementError, ValueError, TypeError):
                    await self._write_one_by_one(batch)  # one bad row must not block the rest
                if failing:
                    log.warning("store: the database is back; pending rows written")
                failing, delay = False, 0.5
            except (SQLAlchemyError, OSError, ConnectionError) as exc:
                with self._lock:
                    self._queue.extendleft(reversed(batch))
                if not failing:
                    log.warning(
                        "store: cannot write (%s); keeping %d row(s) for later",
                        type(exc).__name__,
                        len(self._queue),
                    )
                failing = True
                if self._stopping:
                    return
                await self._sleep_or_stop(delay)
                delay = min(delay * 2, RETRY_MAX_S)
            except Exception as exc:  # a bug must cost rows, never the thread
                log.error("store: dropped %d row(s) it could not write: %r", len(batch), exc)
            finally:
                self._busy = False

    async def _write_one_by_one(self, batch: list[_Op]) -> None:
        assert self._engine is not None
        for op in batch:
            try:
                async with self._engine.begin() as conn:
                    await self._apply(conn, op)
                self.written += 1
            except (DataError, IntegrityError, StatementError, ValueError, TypeError) as exc:
                log.error(
                    "store: dropped a %s row the database refused (%s)", op.kind, type(exc).__name__
                )

    async def _purge_if_due(self) -> None:
        """Retention runs daily even when nobody writes."""
        if self._engine is None or time.monotonic() - self._last_purge < 24 * 3600:
            return
        try:
            async with self._engine.begin() as conn:
                await self._purge(conn)
            self._last_purge = time.monotonic()
        except (SQLAlchemyError, OSError):
            pass  # the next loop tries again

    async def _sleep_or_stop(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)
        self._wake.clear()

    async def _apply(self, conn: AsyncConnection, op: _Op) -> None:
        chat = self._hash(op.chat)
        values = dict(op.values)
        if op.kind == "unanswered":
            await conn.execute(insert(unanswered).values(id=uuid.uuid4().hex, chat=chat, **values))
        elif op.kind == "vote":
            await conn.execute(insert(votes).values(id=uuid.uuid4().hex, chat=chat, **values))
        elif op.kind == "context":
            await conn.execute(delete(contexts).where(contexts.c.chat == chat))
            await conn.execute(
                insert(contexts).values(
                    chat=chat, intent=values["intent"], updated_at=values["created_at"]
                )
            )

    async def _forget(self, chat: str) -> int:
        assert self._engine is not None
        hashed = self._hash(chat)
        total = 0
        async with self._engine.begin() as conn:
            for table in (unanswered, votes, contexts):
                result = await conn.execute(delete(table).where(table.c.chat == hashed))
                total += result.rowcount or 0
        return total

    async def _load_context(self, chat: str) -> tuple[str, datetime] | None:
        assert self._engine is not None
        async with self._engine.connect() as conn:
            row = (
                await conn.execute(
                    select(contexts.c.intent, contexts.c.updated_at).where(
                        contexts.c.chat == self._hash(chat)
                    )
                )
            ).first()
        if row is None:
            return None
        return row[0], _aware(row[1])

    async def _unanswered_since(self, since: datetime) -> list[UnansweredRow]:
        assert self._engine is not None
        query = select(unanswered).where(unanswered.c.created_at >= since)
        async with self._engine.connect() as conn:
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

    async def _votes_since(self, since: datetime) -> list[VoteRow]:
        assert self._engine is not None
        query = select(votes.c.created_at, votes.c.intent, votes.c.vote)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query.where(votes.c.created_at >= since))).all()
        return [VoteRow(_aware(r[0]), r[1], int(r[2])) for r in rows]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _storable(text: str) -> str:
    """Text every database takes: no NUL (PostgreSQL refuses it), no lone surrogates."""
    return _SURROGATE.sub("\ufffd", text.replace("\x00", ""))


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _retention_from_env() -> int:
    raw = os.environ.get("HOIDAP_RETENTION_DAYS", "").strip()
    if not raw:
        return 90
    try:
        days = int(raw)
    except ValueError:
        raise ValueError(
            f"HOIDAP_RETENTION_DAYS must be a whole number of days, not {raw!r}"
        ) from None
    if days < 1:
        raise ValueError("HOIDAP_RETENTION_DAYS must be at least 1")
    return days
