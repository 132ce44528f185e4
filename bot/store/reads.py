"""The Store's calls that wait for the database, each with a limit: the reads, forget and flush.

They run on the store's loop (writer.py) and give up after `timeout` with StoreUnavailable, so a
caller falls back instead of hanging on a database that does not answer; mixed into the Store.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
from collections import deque
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from bot.store import queries
from bot.store.faults import StoreUnavailable, database_errors
from bot.store.queries import Op
from bot.store.schema import UnansweredRow, VoteRow

if TYPE_CHECKING:
    from bot.store.engines import Connection

T = TypeVar("T")


class Reads:
    """Mixed into Store, which owns the loop, the queue, the lock, the engine and the chat key."""

    _engine: Any
    _queue: deque[Op]
    _lock: Any
    _loop: asyncio.AbstractEventLoop
    _busy: bool

    def forget(self, chat: str, timeout: float = 5.0) -> int:
        """Delete every row of `chat`: queued ones at once, stored ones (and any being written
        now) by a delete queued behind them. The number of rows deleted.

        StoreUnavailable if the database does not answer in `timeout`: the delete stays queued
        and runs when the database is back, before any row queued after it.
        """
        key = self._hash(chat)
        done: concurrent.futures.Future[int] = concurrent.futures.Future()
        with self._lock:
            kept = deque(op for op in self._queue if op.chat != key or op.kind == "forget")
            removed = sum(op.kind != "forget" for op in self._queue) - sum(
                op.kind != "forget" for op in kept
            )
            self._queue = kept
            self._queue.append(Op("forget", key, done=done))
        self._wake_up()
        try:
            return removed + done.result(timeout)
        except concurrent.futures.TimeoutError as exc:
            raise StoreUnavailable("the database did not answer (forget is queued)") from exc

    def unanswered_since(self, since: datetime, timeout: float = 30.0) -> list[UnansweredRow]:
        return self._call(lambda: self._read(queries.unanswered_since, since), timeout)

    def votes_since(self, since: datetime, timeout: float = 30.0) -> list[VoteRow]:
        return self._call(lambda: self._read(queries.votes_since, since), timeout)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until the queue is written (tests, report); False if it could not be in time.
        A writer waiting out a failed write's backoff tries again now: the space or the
        database may be back, and who flushes is waiting for the answer."""
        self._wake_up()
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
        except (concurrent.futures.TimeoutError, OSError, *database_errors()) as exc:
            future.cancel()
            raise StoreUnavailable(f"the database did not answer ({type(exc).__name__})") from exc

    async def _when_ready(self, query: Callable[[], Awaitable[T]]) -> T:
        await self._connect_once()
        return await query()

    async def _read(self, query: Callable[[Connection, Any], Awaitable[T]], arg: Any) -> T:
        assert self._engine is not None
        async with self._engine.connect() as conn:
            return await query(conn, arg)
