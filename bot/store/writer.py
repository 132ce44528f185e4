"""The Store: a thread of its own that writes queued rows and answers the few reads, with limits.

Replies never wait on the database. Front ends hand rows over through a bounded in-memory queue
and go on. While the database is down, rows wait in the queue and are written when it is back;
when the queue is full the oldest row is dropped and the drops are counted in the log. Chats are
stored only as a salted hash (the salt lives in the database, so it survives restarts).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import hashlib
import json
import logging
import re
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.exc import (
    DataError,
    IntegrityError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
    StatementError,
)
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from bot.store import queries, shared
from bot.store.queries import Op
from bot.store.schema import UnansweredRow, VoteRow, metadata
from bot.store.shared import SharedState
from bot.store.urls import database_url, redacted

if TYPE_CHECKING:
    from bot.config import StoreSettings

log = logging.getLogger("bot.store")

MAX_RETENTION_DAYS = 36_500
QUEUE_LIMIT = 10_000  # rows waiting for the database before the oldest are dropped
RETRY_MAX_S = 30.0
# a row the database refuses (not an outage): written alone, so it costs only itself
_REFUSED = (DataError, IntegrityError, StatementError, ValueError, TypeError)
T = TypeVar("T")


class StoreUnavailable(Exception):
    """The database did not answer in time (reads only: writes wait in the queue)."""


class Store(SharedState):
    """The database, behind a thread of its own. All public methods are thread-safe."""

    def __init__(self, url: str, retention_days: int = 90, salt: str | None = None) -> None:
        self.url = url
        self.retention = timedelta(days=retention_days)
        self.dropped = 0
        self.written = 0
        self._new_salt = salt
        self._queue: deque[Op] = deque()
        self._lock = threading.Lock()
        self._busy = False
        self._loop = asyncio.new_event_loop()
        self._wake = asyncio.Event()
        self._stopping = False
        self._engine: AsyncEngine | None = None
        self._salt: str | None = None
        self._last_purge = self._last_shared_purge = time.monotonic()
        self._thread = threading.Thread(target=self._run_loop, name="store", daemon=True)

    # ------------------------------------------------------------ life cycle

    @classmethod
    def open(cls, url: str, retention_days: int = 90, *, salt: str | None = None) -> Store:
        """Start the store; a URL SQLAlchemy cannot use, or a bad retention, raises ValueError."""
        if not 1 <= retention_days <= MAX_RETENTION_DAYS:
            raise ValueError(
                f"retention must be 1 to {MAX_RETENTION_DAYS} days, not {retention_days}"
            )
        resolved = database_url(url)
        try:  # loads the driver now (no connection yet): a wrong URL fails here, in one line
            engine = create_async_engine(resolved, pool_pre_ping=True)
        except Exception as exc:
            raise ValueError(f"cannot use the database URL {redacted(resolved)}: {exc}") from exc
        store = cls(resolved, retention_days, salt)
        store._engine = engine
        store._thread.start()
        return store

    @classmethod
    def from_settings(cls, settings: StoreSettings) -> Store:
        """The store the environment names; an unusable data directory raises ValueError too."""
        try:
            url = database_url(settings.database_url, settings.data_dir)
        except OSError as exc:
            raise ValueError(
                f"cannot use the data directory {settings.data_dir}: {exc.strerror or exc}"
            ) from None
        return cls.open(url, settings.retention_days, salt=settings.hash_salt)

    async def check(self, timeout: float = 15.0) -> None:
        """Connect now (tables, salt) or raise StoreUnavailable saying why, without secrets."""
        future = asyncio.run_coroutine_threadsafe(self._connect_once(), self._loop)
        try:
            await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except asyncio.CancelledError:
            future.cancel()
            raise
        except Exception as exc:
            future.cancel()
            reason = "no answer in time" if isinstance(exc, TimeoutError) else _reason(exc)
            raise StoreUnavailable(f"{redacted(self.url)}: {reason}") from None

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
        values = {
            "created_at": at or datetime.now(UTC),
            "front_end": front_end[:16],
            "question": question[:4000] if question is not None else None,
            "normalized": normalized[:4000] if normalized is not None else None,
            "outcome": outcome,
            "intent": intent,
            "candidates": json.dumps([[i, round(s, 1)] for i, s in candidates[:5]]),
        }
        self._submit(Op("unanswered", chat, values))

    def log_vote(self, chat: str, intent: str, vote: int) -> None:
        self._submit(Op("vote", chat, {"intent": intent, "vote": 1 if vote > 0 else -1}))

    def save_context(self, chat: str, intent: str) -> None:
        self._submit(Op("context", chat, {"intent": intent}))

    def _submit(self, op: Op) -> None:
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
        return removed + self._call(lambda: self._in_transaction(queries.forget, chat), timeout)

    def load_context(self, chat: str, timeout: float = 3.0) -> tuple[str, datetime] | None:
        return self._call(lambda: self._read(queries.load_context, self._hash(chat)), timeout)

    def unanswered_since(self, since: datetime, timeout: float = 30.0) -> list[UnansweredRow]:
        return self._call(lambda: self._read(queries.unanswered_since, since), timeout)

    def votes_since(self, since: datetime, timeout: float = 30.0) -> list[VoteRow]:
        return self._call(lambda: self._read(queries.votes_since, since), timeout)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until the queue is written (tests, report); False if it could not be in time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if not self._queue and not self._busy:
                    return True
            time.sleep(0.01)
        return False

    def _call(self, query: Callable[[], Awaitable[T]], timeout: float) -> T:
        future = asyncio.run_coroutine_threadsafe(self._when_ready(query), self._loop)
        try:
            return future.result(timeout)
        except (concurrent.futures.TimeoutError, SQLAlchemyError, OSError) as exc:
            future.cancel()
            raise StoreUnavailable(f"the database did not answer ({type(exc).__name__})") from exc

    async def _when_ready(self, query: Callable[[], Awaitable[T]]) -> T:
        await self._connect_once()
        return await query()

    async def _read(self, query: Callable[[AsyncConnection, Any], Awaitable[T]], arg: Any) -> T:
        assert self._engine is not None
        async with self._engine.connect() as conn:
            return await query(conn, arg)

    async def _in_transaction(
        self, query: Callable[[AsyncConnection, str], Awaitable[T]], chat: str
    ) -> T:
        assert self._engine is not None
        async with self._engine.begin() as conn:
            return await query(conn, self._hash(chat))

    # ------------------------------------------------------------ the thread's side

    async def _connect_once(self) -> None:
        if self._engine is None:
            self._engine = create_async_engine(self.url, pool_pre_ping=True)
        for attempt in range(3 if self._salt is None else 0):
            try:
                async with self._engine.begin() as conn:
                    await conn.run_sync(metadata.create_all)
                    self._salt = await queries.ensure_settings(conn, self._new_salt)
                    await queries.purge(conn, self.retention)
                    self._last_purge = time.monotonic()
            except (IntegrityError, OperationalError, ProgrammingError):
                if attempt == 2:  # (else: processes starting together made the same tables)
                    raise
                await asyncio.sleep(0.1 * (attempt + 1))
                continue
            log.info("store: using %s", redacted(self.url))
            break

    def _hash(self, chat: str) -> str:
        assert self._salt is not None
        return hashlib.sha256(f"{self._salt}:{chat}".encode()).hexdigest()

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
                    await self._sleep_or_stop(shared.PURGE_EVERY_S)
                continue
            try:
                await self._connect_once()
                assert self._engine is not None
                try:
                    async with self._engine.begin() as conn:
                        for op in batch:
                            await queries.apply(conn, op, self._hash(op.chat))
                    self.written += len(batch)
                    _signal_written(batch)
                except _REFUSED:
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

    async def _write_one_by_one(self, batch: list[Op]) -> None:
        assert self._engine is not None
        for op in batch:
            try:
                async with self._engine.begin() as conn:
                    await queries.apply(conn, op, self._hash(op.chat))
                self.written += 1
                _signal_written([op])
            except _REFUSED as exc:
                log.error(
                    "store: dropped a %s row the database refused (%s)", op.kind, type(exc).__name__
                )

    async def _purge_if_due(self) -> None:
        """Retention runs daily even when nobody writes; shared state every few minutes."""
        if self._engine is None or self._salt is None:
            return
        now = time.monotonic()
        try:
            if now - self._last_shared_purge >= shared.PURGE_EVERY_S:
                async with self._engine.begin() as conn:
                    await shared.purge(conn)
                self._last_shared_purge = now
            if now - self._last_purge >= 24 * 3600:
                async with self._engine.begin() as conn:
                    await queries.purge(conn, self.retention)
                self._last_purge = now
        except (SQLAlchemyError, OSError):
            pass  # the next loop tries again

    async def _sleep_or_stop(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)
        self._wake.clear()


def _reason(exc: BaseException) -> str:
    """A driver's error in one line (SQLAlchemy appends SQL and a link; neither helps here)."""
    inner = getattr(exc, "orig", None) or exc
    text = (str(inner).strip().splitlines() or [""])[0]
    return f"{type(inner).__name__}: {text}" if text else type(inner).__name__


def _signal_written(ops: list[Op]) -> None:
    for op in ops:
        if op.written is not None:
            op.written.set()


_SURROGATE = re.compile("[\ud800-\udfff]")


def _storable(text: str) -> str:
    """Text every database takes: no NUL (PostgreSQL refuses it), no lone surrogates."""
    return _SURROGATE.sub("\ufffd", text.replace("\x00", ""))
