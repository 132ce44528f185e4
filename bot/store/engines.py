"""The engine behind the Store: the same few async calls whichever database the URL names.

A SQLite file goes through the standard library's sqlite3 alone, on one worker thread of its own:
SQLAlchemy costs ~12 MB of a bot whose budget is 80 MB, and aiosqlite a thread per connection.
The store's loop stays free meanwhile (its watchdog still notices a stalled file system), and one
transaction runs at a time: SQLite has one writer anyway, and two connections of one process
taking turns on one thread could wait on each other's locks. PostgreSQL (and any other URL) goes
through SQLAlchemy's asyncio extension (asyncpg), imported only then.

Both run the same SQL text (bot/store/queries.py) with `:name` parameters, and hand back the
rows already fetched, as dicts, with the rowcount.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from bot.store.urls import SQLiteTarget, sqlite_target

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

T = TypeVar("T")
DIALECTS = ("sqlite", "postgresql")  # the SQL in bot/store/ speaks these two


@dataclass(slots=True)
class Rows:
    """A statement's result: its rows, fetched, and how many rows it changed."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    rowcount: int = -1

    def first(self) -> dict[str, Any] | None:
        return self.rows[0] if self.rows else None

    def scalar(self) -> Any:
        return next(iter(self.rows[0].values())) if self.rows else None


class Connection(Protocol):
    dialect: str

    async def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> Rows: ...


class Engine(Protocol):
    dialect: str

    def begin(self) -> contextlib.AbstractAsyncContextManager[Connection]: ...
    def connect(self) -> contextlib.AbstractAsyncContextManager[Connection]: ...
    async def dispose(self) -> None: ...


def create_engine(url: str) -> SQLiteEngine | SQLAlchemyEngine:
    """An engine for `url`; loads the driver now (no connection yet), so that a wrong URL fails
    here (ValueError, or the driver's error)."""
    if url.startswith(("sqlite://", "sqlite+pysqlite://")):
        return SQLiteEngine(sqlite_target(url))
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(url, pool_pre_ping=True, **timeouts(url))
    if engine.dialect.name not in DIALECTS:
        raise ValueError(f"the store speaks SQLite and PostgreSQL, not {engine.dialect.name}")
    return SQLAlchemyEngine(engine)


def timeouts(url: str) -> dict[str, Any]:
    """Bounds on waiting: a database that never answers fails the call, and it is retried."""
    if url.startswith("postgresql+asyncpg"):
        return {"connect_args": {"timeout": 10, "command_timeout": 30}}
    if url.startswith("sqlite"):  # aiosqlite: a file opened per batch, a lock waited 5 s at most
        from sqlalchemy.pool import NullPool

        return {"connect_args": {"timeout": 5}, "poolclass": NullPool}
    return {}


def bind(params: Mapping[str, Any] | None, dialect: str) -> dict[str, Any]:
    """Values as the database stores them: SQLite timestamps as SQLAlchemy wrote them."""
    values = dict(params or {})
    if dialect == "sqlite":
        for key, value in values.items():
            if isinstance(value, datetime):
                if value.tzinfo is not None:
                    value = value.astimezone(UTC).replace(tzinfo=None)
                values[key] = value.isoformat(" ", "microseconds")
    return values


# ------------------------------------------------------------------ SQLite: sqlite3 on a thread


class SQLiteEngine:
    """A SQLite file, opened per transaction (no descriptor stays open between writes, so a file
    system can be remounted read-only, or back to read-write, under an idle store)."""

    dialect = "sqlite"

    def __init__(self, target: SQLiteTarget) -> None:
        self.target = target
        self._worker = _Worker()
        self._turn: asyncio.Lock | None = None  # made on the loop that uses it (the store's)

    @contextlib.asynccontextmanager
    async def begin(self) -> AsyncIterator[SQLiteConnection]:
        """A transaction holding the write lock from its start (two processes that read, then
        write, would otherwise deadlock); committed when the block ends, else rolled back."""
        async with self._opened() as raw:
            await self._worker.run(lambda: raw.execute("BEGIN IMMEDIATE"))
            yield SQLiteConnection(raw, self._worker)
            await self._worker.run(lambda: raw.execute("COMMIT"))

    @contextlib.asynccontextmanager
    async def connect(self) -> AsyncIterator[SQLiteConnection]:
        """A connection for reads, each statement on its own."""
        async with self._opened() as raw:
            yield SQLiteConnection(raw, self._worker)

    async def dispose(self) -> None:
        self._worker.stop()

    @contextlib.asynccontextmanager
    async def _opened(self) -> AsyncIterator[sqlite3.Connection]:
        if self._turn is None:
            self._turn = asyncio.Lock()
        async with self._turn:
            raw = await self._worker.run(self._connect)
            try:
                yield raw
            finally:  # closing rolls back what is not committed
                await _shielded(self._worker.run(raw.close))

    def _connect(self) -> sqlite3.Connection:
        target = self.target  # a lock held by another process: `timeout` s at most
        return sqlite3.connect(
            target.database, timeout=target.timeout, isolation_level=None, uri=target.uri
        )


class SQLiteConnection:
    """Statements run on the engine's worker, their rows fetched there."""

    dialect = "sqlite"

    def __init__(self, raw: sqlite3.Connection, worker: _Worker) -> None:
        self._raw = raw
        self._worker = worker

    async def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> Rows:
        values = bind(params, self.dialect)
        return await self._worker.run(lambda: _fetched(self._raw.execute(sql, values)))


def _fetched(cursor: sqlite3.Cursor) -> Rows:
    names = [column[0] for column in cursor.description or ()]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()] if names else []
    return Rows(rows, cursor.rowcount)


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


# ------------------------------------------------------------------ PostgreSQL: SQLAlchemy


class SQLAlchemyEngine:
    """SQLAlchemy's AsyncEngine behind the same calls (its pool, pre-ping and asyncpg)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    @contextlib.asynccontextmanager
    async def begin(self) -> AsyncIterator[SQLAlchemyConnection]:
        async with self.engine.begin() as conn:
            yield SQLAlchemyConnection(conn, self.dialect)

    @contextlib.asynccontextmanager
    async def connect(self) -> AsyncIterator[SQLAlchemyConnection]:
        async with self.engine.connect() as conn:
            yield SQLAlchemyConnection(conn, self.dialect)

    async def dispose(self) -> None:
        await self.engine.dispose()


class SQLAlchemyConnection:
    """AsyncConnection behind SQLiteConnection's one call: SQL text in, rows fetched out."""

    def __init__(self, conn: AsyncConnection, dialect: str) -> None:
        self._conn = conn
        self.dialect = dialect

    async def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> Rows:
        from sqlalchemy import text

        result = await self._conn.execute(text(sql), bind(params, self.dialect))
        rows = [dict(row) for row in result.mappings().all()] if result.returns_rows else []
        return Rows(rows, result.rowcount)
