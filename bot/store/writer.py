"""The Store: a thread of its own that writes queued rows and answers the few reads, with limits.

Replies never wait on the database. Front ends hand rows over through a bounded in-memory queue
(QUEUE_LIMIT rows) and go on. While the database is unwell (down, full, read-only, locked,
privileges revoked, hung) rows wait in the queue and are retried with backoff until written;
only a row the database refuses for its content is dropped (faults.py). At the bound the oldest
row is dropped, counted and logged at most once a minute. Chats are hashed with a key that
never reaches the database (bot/privacy.py), before they are even queued.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import threading
import time
import uuid
from collections import deque
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.logs import EveryMinute
from bot.privacy import chat_hash, mask_personal
from bot.store import queries
from bot.store.engines import create_engine
from bot.store.faults import StoreUnavailable, Watch, reason, startup_races
from bot.store.loop import WriterLoop
from bot.store.queries import Op, storable
from bot.store.reads import Reads
from bot.store.sharing import SharedState
from bot.store.urls import database_url, redacted

__all__ = ["Store", "StoreUnavailable"]

if TYPE_CHECKING:
    from bot.config import StoreSettings
    from bot.store.engines import Engine

log = logging.getLogger("bot.store")

MAX_RETENTION_DAYS = 36_500
QUEUE_LIMIT = 10_000  # rows waiting for the database before the oldest are dropped


class Store(WriterLoop, Reads, SharedState):
    """The database, behind a thread of its own. All public methods are thread-safe."""

    def __init__(self, url: str, retention_days: int = 90, hash_key: bytes | None = None) -> None:
        self.url = url
        self.retention = timedelta(days=retention_days)
        self.written = 0
        self.failing = False  # the last write failed for an outage; rows are waiting
        self._key = hash_key or secrets.token_bytes(32)  # random: unlinkable across processes
        self._queue: deque[Op] = deque()
        self._lock = threading.Lock()
        self._busy = False
        self._in_flight = 0
        self._loop = asyncio.new_event_loop()
        self._wake = asyncio.Event()
        self._stopping = False
        self._engine: Engine | None = None
        self._ready = False
        self._last_purge = self._last_shared_purge = time.monotonic()
        self._watch = Watch()
        self._full = EveryMinute(log, "store: queue full, %d row(s) dropped (oldest first)%s")
        self._refused = EveryMinute(log, "store: dropped %d row(s) the database refused (%s)")
        self._thread = threading.Thread(target=self._run_loop, name="store", daemon=True)

    @property
    def dropped(self) -> int:
        """Rows lost: to a full queue, or refused by the database for their content."""
        return self._full.total + self._refused.total

    @property
    def stalled(self) -> bool:
        """The database has not answered the call in progress for several seconds."""
        return self._watch.stalled

    # ------------------------------------------------------------ life cycle

    @classmethod
    def open(cls, url: str, retention_days: int = 90, *, hash_key: bytes | None = None) -> Store:
        """Start the store; a URL it cannot use, or a bad retention, raises ValueError."""
        if not 1 <= retention_days <= MAX_RETENTION_DAYS:
            raise ValueError(
                f"retention must be 1 to {MAX_RETENTION_DAYS} days, not {retention_days}"
            )
        resolved = database_url(url)
        try:  # loads the driver now (no connection yet): a wrong URL fails here, in one line
            engine = create_engine(resolved)
        except Exception as exc:
            raise ValueError(f"cannot use the database URL {redacted(resolved)}: {exc}") from exc
        store = cls(resolved, retention_days, hash_key)
        store._engine = engine
        store._thread.start()
        return store

    @classmethod
    def from_settings(cls, settings: StoreSettings, hash_key: bytes | None = None) -> Store:
        """The store the environment names; an unusable data directory raises ValueError too."""
        try:
            url = database_url(settings.database_url, settings.data_dir)
        except OSError as exc:
            raise ValueError(
                f"cannot use the data directory {settings.data_dir}: {exc.strerror or exc}"
            ) from None
        return cls.open(url, settings.retention_days, hash_key=hash_key or settings.hash_key)

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
            why = "no answer in time" if isinstance(exc, TimeoutError) else reason(exc)
            raise StoreUnavailable(f"{redacted(self.url)}: {why}") from None

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued (waiting up to `timeout` s for the database), then stop."""
        if not self._thread.is_alive():
            return
        self._stopping = True
        self._loop.call_soon_threadsafe(self._wake.set)
        self._thread.join(timeout + 2)
        with self._lock:
            left = sum(op.kind != "forget" for op in self._queue)
        if left:
            log.warning("store: %d row(s) not written at shutdown (database unavailable)", left)

    def _run_loop(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._writer())
        finally:
            if self._engine is not None:
                with contextlib.suppress(Exception):  # a hung database must not hang the exit
                    self._loop.run_until_complete(asyncio.wait_for(self._engine.dispose(), 2))
            self._loop.close()

    # ------------------------------------------------------------ writes (never block)

    def log_unanswered(
        self,
        chat: str,
        front_end: str,
        question: str | None,
        normalized: str | None,
        outcome: str,
        candidates: list[tuple[str, float]] | tuple[tuple[str, float], ...],
        intent: str | None = None,
        at: datetime | None = None,
    ) -> None:
        """Queue an unanswered question; personal data masked out."""
        row = _unanswered_row(front_end, question, normalized, outcome, candidates, intent, at)
        self._submit(Op("unanswered", chat, row))

    def log_vote(
        self,
        chat: str,
        intent: str,
        vote: int,
        exchange: str = "",
        asked: tuple[str | None, str | None, tuple[tuple[str, float], ...]] | None = None,
        front_end: str = "",
    ) -> None:
        """One vote per chat and answer (`exchange`): a later vote replaces the earlier one.

        A down-vote also logs the question it answered (`asked`: question, normalized form and
        candidates, or None when they are not this voter's) for the maintainer.
        """
        exchange = exchange or uuid.uuid4().hex
        ids = [chat_hash(self._key, f"{kind}:{chat}:{exchange}")[:32] for kind in ("v", "d")]
        values = {"id": ids[0], "intent": intent, "vote": 1 if vote > 0 else -1}
        row: dict[str, Any] = {"id": ids[1]}
        if vote < 0:
            question, normalized, candidates = asked or (None, None, ())
            row |= _unanswered_row(front_end, question, normalized, "downvoted", candidates, intent)
            row["id"] = ids[1]
        self._submit(Op("vote", chat, values, row=row))

    def _submit(self, op: Op) -> None:
        op.values.setdefault("created_at", datetime.now(UTC))
        for values in (op.values, op.row or {}):
            for key, value in values.items():
                if isinstance(value, str):
                    values[key] = storable(value)
        op.chat = self._hash(op.chat)
        with self._lock:
            if len(self._queue) >= QUEUE_LIMIT:
                oldest = next(i for i, o in enumerate(self._queue) if o.kind != "forget")
                del self._queue[oldest]
                self._full.add()
            self._queue.append(op)
        self._wake_up()

    def _wake_up(self) -> None:
        if not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):  # closed in between
                self._loop.call_soon_threadsafe(self._wake.set)

    def pending(self) -> int:
        """Rows waiting in memory (queued, or being written now)."""
        with self._lock:
            return sum(op.kind != "forget" for op in self._queue) + self._in_flight

    # ------------------------------------------------------------ the thread's side

    async def _connect_once(self) -> None:
        if self._engine is None:
            self._engine = create_engine(self.url)
        for attempt in range(0 if self._ready else 3):
            try:
                async with self._engine.begin() as conn:
                    await queries.create_tables(conn, await queries.upgrade(conn))
                    await queries.ensure_settings(conn)
                    await queries.purge(conn, self.retention)
                    self._last_purge = time.monotonic()
            except startup_races():
                if attempt == 2:  # (else: processes starting together made the same tables)
                    raise
                await asyncio.sleep(0.1 * (attempt + 1))
                continue
            self._ready = True
            log.info("store: using %s", redacted(self.url))
            break

    def _hash(self, chat: str) -> str:
        return chat_hash(self._key, storable(chat))


def _unanswered_row(
    front_end: str,
    question: str | None,
    normalized: str | None,
    outcome: str,
    candidates: list[tuple[str, float]] | tuple[tuple[str, float], ...],
    intent: str | None,
    at: datetime | None = None,
) -> dict[str, Any]:
    return {
        "id": uuid.uuid4().hex,
        "created_at": at or datetime.now(UTC),
        "front_end": front_end[:16],
        "question": mask_personal(question[:4000]) if question is not None else None,
        "normalized": mask_personal(normalized[:4000]) if normalized is not None else None,
        "outcome": outcome,
        "intent": intent,
        "candidates": json.dumps([[i, round(s, 1)] for i, s in candidates[:5]]),
    }
