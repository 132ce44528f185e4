"""The engine behind the Store: the same async calls whichever database the URL names.

PostgreSQL (and any other URL) goes through SQLAlchemy's asyncio extension (asyncpg). A SQLite
file goes through SQLAlchemy's plain engine and the standard library's sqlite3, on one worker
thread of its own: the asyncio extension imports the ORM and greenlet, and aiosqlite a thread per
connection, ~9 MB of a bot whose budget is 80 MB. The store's loop stays free meanwhile (its
watchdog still notices a stalled file system), and one transaction runs at a time: SQLite has one
writer anyway, and two connections of one process taking turns on one thread could wait on each
other's locks.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

T = TypeVar("T")


def create_engine(url: str) -> Any:
    """An engine for `url` with `begin()`, `connect()` and `dispose()` as AsyncEngine has them;
    loads the driver now (no connection yet), so that a wrong URL fails here."""
    if url.startswith(("sqlite://", "sqlite+pysqlite://")):
        from sqlalchemy import create_engine as create_sync_engine

        return SQLiteEngine(create_sync_engine(url, pool_pre_ping=True, **timeouts(url)))
    from sqlalchemy.ext.asyncio import create_async_engine

    return create_async_engine(url, pool_pre_ping=True, **timeouts(url))


def timeouts(url: str) -> dict[str, Any]:
    """Bounds on waiting: a database that never answers fails the call, and it is retried.

    SQLite files are opened per batch (NullPool): no descriptor stays open between writes, so a
    file system can be remounted (read-only, or back to read-write) under an idle store.
    """
    if url.startswith("postgresql+asyncpg"):
        return {"connect_args": {"timeout": 10, "command_timeout": 30}}
    if url.startswith("sqlite"):
        from sqlalchemy.pool import NullPool

        return {"connect_args": {"timeout": 5}, "poolclass": NullPool}  # a lock: 5 s at most
    return {}


class SQLiteEngine:
    """A synchronous SQLAlchemy engine behind AsyncEngine's few calls the store makes."""

    def __init__(self, engine: Engine) -> None:
        self.sync_engine = engine
        self._worker = _Worker()
        self._turn: asyncio.Lock | None = None  # made on the loop that uses it (the store's)

    @contextlib.asynccontextmanager
    async def begin(self) -> AsyncIterator[SQLiteConnection]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        async with self._one_at_a_time():
            sync = await self._worker.run(self.sync_engine.connect)
            try:
                await self._worker.run(sync.begin)
                yield SQLiteConnection(sync, self._worker)
                await self._worker.run(sync.commit)
            finally:
                await _shielded(self._worker.run(sync.close))  # rolls back what is not committed

    @contextlib.asynccontextmanager
    async def connect(self) -> AsyncIterator[SQLiteConnection]:
        """A connection for reads, closed (and whatever it began rolled back) when the block ends."""
        async with self._one_at_a_time():
            sync = await self._worker.run(self.sync_engine.connect)
            try:
                yield SQLiteConnection(sync, self._worker)
            finally:
                await _shielded(self._worker.run(sync.close))

    async def dispose(self) -> None:
        try:
            await self._worker.run(self.sync_engine.dispose)
        finally:
            self._worker.stop()

    @contextlib.asynccontextmanager
    async def _one_at_a_time(self) -> AsyncIterator[None]:
        if self._turn is None:
            self._turn = asyncio.Lock()
        async with self._turn:
            yield


class SQLiteConnection:
    """AsyncConnection's calls the store's queries make, each run on the engine's worker."""

    def __init__(self, sync: Connection, worker: _Worker) -> None:
        self.sync_connection = sync
        self.dialect = sync.dialect
        self._worker = worker

    async def execute(self, statement: Any, parameters: Any = None) -> Any:
        """The result, its rows already fetched (as AsyncConnection.execute hands them)."""
        return await self._worker.run(
            lambda: _buffered(self.sync_connection.execute(statement, parameters))
        )

    async def run_sync(self, call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await self._worker.run(lambda: call(self.sync_connection, *args, **kwargs))


def _buffered(result: Any) -> Any:
    """Rows fetched on the worker, so that no cursor is read from another thread later."""
    return result.freeze()() if result.returns_rows else result


async def _shielded(awaitable: Any) -> None:
    """Finish closing even when the block was cancelled (the caller gave up waiting)."""
    task = asyncio.ensure_future(awaitable)
    try:
        await asyncio.shield(task)
    except asyncio.CancelledError:
        await task
        raise


class _Worker:
    """One daemon thread that runs calls in turn (a hung file system must not hang the exit)."""

    def __init__(self) -> None:
        self._calls: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]] | None] = (
            queue.SimpleQueue()
        )
        self._thread: threading.Thread | None = None

    async def run(self, call: Callable[[], T]) -> T:
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="store-sqlite", daemon=True)
            self._thread.start()
        future: Future[T] = Future()
        self._calls.put((call, future))
        return await asyncio.wrap_future(future)

    def stop(self) -> None:
        if self._thread is not None:
            self._calls.put(None)

    def _serve(self) -> None:
        while (item := self._calls.get()) is not None:
            call, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(call())
            except BaseException as exc:  # handed to the awaiting coroutine
                future.set_exception(exc)
