"""The store under faults a deployment meets: a full disk, a read-only file system, privileges
revoked at a plan's row limit, a database that never answers; each followed by recovery with no
row lost. Only a row the database refuses for its content is dropped, and logged once.

The file-system tests mount a small tmpfs (root with CAP_SYS_ADMIN, as in CI's container); where
mounting is not permitted they skip and say so.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import socket
import sqlite3
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy.exc import (
    DataError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    ProgrammingError,
    StatementError,
)
from test_store import _postgres_database

from bot.store import Store
from bot.store.faults import STALL_WARN_S, outage, refused_for_content


def rows_of(store: Store) -> list[str | None]:
    since = datetime.now(UTC) - timedelta(days=1)
    return [r.question for r in store.unanswered_since(since)]


def wait_until(condition: Callable[[], bool], timeout: float = 20.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what or condition}"
        time.sleep(0.01)


def log_many(store: Store, count: int, prefix: str, size: int = 0) -> list[str]:
    questions = [f"{prefix} {i} " + "x" * size for i in range(count)]
    for question in questions:
        store.log_unanswered("chat", "console", question, question, "fallback", [])
    return questions


@contextlib.contextmanager
def tmpfs(path: Path, size: str = "1m") -> Iterator[Path]:
    path.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): {done.stderr}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def fill(directory: Path) -> Path:
    """Take every free byte of the file system `directory` is on."""
    filler = directory / "filler"
    with open(filler, "wb") as file:
        try:
            while True:
                file.write(b"\0" * 65536)
                file.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


# --- what an error proves ------------------------------------------------------------------


def _wrapped(kind: type, message: str) -> Exception:
    return kind("INSERT …", {}, Exception(message))


@pytest.mark.parametrize(
    "error",
    [
        _wrapped(OperationalError, "database or disk is full"),
        _wrapped(OperationalError, "attempt to write a readonly database"),
        _wrapped(OperationalError, "database is locked"),
        _wrapped(ProgrammingError, "permission denied for table unanswered"),
        _wrapped(InterfaceError, "connection is closed"),
        # SQLite's, from sqlite3 itself (a SQLite store never loads SQLAlchemy)
        sqlite3.OperationalError("database or disk is full"),
        sqlite3.OperationalError("attempt to write a readonly database"),
        sqlite3.OperationalError("database is locked"),
        sqlite3.OperationalError("unable to open database file"),
        sqlite3.DatabaseError("database disk image is malformed"),
        ConnectionRefusedError(),
        TimeoutError(),
        OSError(errno.ENOSPC, "No space left on device"),
    ],
    ids=lambda e: type(e).__name__ + ":" + str(getattr(e, "orig", e))[:20],
)
def test_outages_keep_the_row(error: Exception):
    assert outage(error) and not refused_for_content(error)


@pytest.mark.parametrize(
    "error",
    [
        _wrapped(IntegrityError, "duplicate key value"),
        _wrapped(DataError, "value too long for type character varying(64)"),
        StatementError("could not bind", "INSERT …", {}, ValueError("bad value")),
        ValueError("bad value"),
        sqlite3.IntegrityError("NOT NULL constraint failed: unanswered.chat"),
        sqlite3.DataError("string or blob too big"),
        sqlite3.ProgrammingError("Error binding parameter 1: type 'dict' is not supported"),
    ],
    ids=lambda e: f"{type(e).__module__}.{type(e).__name__}",
)
def test_only_the_rows_content_condemns_it(error: Exception):
    assert refused_for_content(error) and not outage(error)


# --- SQLite on a real file system ----------------------------------------------------------


def test_a_full_disk_keeps_rows_queued_and_writes_every_one_when_space_returns(tmp_path: Path):
    with tmpfs(tmp_path / "disk", size="1m") as disk:
        store = Store.open(f"sqlite:///{disk / 'store.sqlite3'}")
        try:
            before = log_many(store, 3, "before")
            assert store.flush()
            filler = fill(disk)
            during = log_many(store, 100, "during", size=2000)  # needs pages the disk lacks
            wait_until(lambda: store.failing, what="a failed write")
            assert store.dropped == 0
            filler.unlink()  # space again
            assert store.flush(timeout=40)
            assert sorted(rows_of(store)) == sorted(before + during)
            assert store.dropped == 0
        finally:
            store.close()


def test_a_read_only_file_system_keeps_rows_queued_until_it_is_writable_again(tmp_path: Path):
    with tmpfs(tmp_path / "disk", size="4m") as disk:
        store = Store.open(f"sqlite:///{disk / 'store.sqlite3'}")
        try:
            before = log_many(store, 3, "before")
            assert store.flush()
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
            during = log_many(store, 50, "during")
            wait_until(lambda: store.failing, what="a failed write")
            subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
            assert store.flush(timeout=40)
            assert sorted(rows_of(store)) == sorted(before + during)
            assert store.dropped == 0
        finally:
            store.close()


# --- PostgreSQL ----------------------------------------------------------------------------


async def _admin(url: str, *statements: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        for sql in statements:
            await conn.execute(sql)
    finally:
        await conn.close()


def test_revoked_insert_privileges_keep_rows_queued_until_granted_again():
    """What a hosted plan does at its row limit: REVOKE INSERT from the application's role."""
    for url in _postgres_database():
        role, password = f"hoidap_app_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
        asyncio.run(
            _admin(
                url,
                f"CREATE ROLE {role} LOGIN PASSWORD '{password}'",
                f"GRANT USAGE, CREATE ON SCHEMA public TO {role}",
            )
        )
        parts = urlsplit(url)
        host = parts.netloc.rsplit("@", 1)[-1]
        as_app = urlunsplit(parts._replace(netloc=f"{role}:{password}@{host}"))
        store = Store.open(as_app)
        try:
            before = log_many(store, 3, "before")
            assert store.flush()
            asyncio.run(_admin(url, f"REVOKE INSERT ON ALL TABLES IN SCHEMA public FROM {role}"))
            during = log_many(store, 50, "during")
            wait_until(lambda s=store: s.failing, what="a refused write")
            asyncio.run(_admin(url, f"GRANT INSERT ON ALL TABLES IN SCHEMA public TO {role}"))
            assert store.flush(timeout=40)
            assert sorted(rows_of(store)) == sorted(before + during)
            assert store.dropped == 0
        finally:
            store.close()
            asyncio.run(_admin(url, f"DROP OWNED BY {role} CASCADE"))
        asyncio.run(_admin(url.rsplit("/", 1)[0] + "/postgres", f"DROP ROLE IF EXISTS {role}"))


def test_a_row_refused_for_its_content_is_dropped_alone_and_logged_once(
    caplog: pytest.LogCaptureFixture,
):
    for url in _postgres_database():
        store = Store.open(url)
        try:
            good = log_many(store, 3, "good")
            for _ in range(3):  # an intent id longer than its column: PostgreSQL refuses it
                store.log_unanswered("c", "console", "bad", "bad", "fallback", [], "i" * 100)
            assert store.flush()
            assert sorted(rows_of(store)) == sorted(good)
            assert store.dropped == 3
            refusals = [r for r in caplog.records if "refused" in r.getMessage()]
            assert len(refusals) == 1
        finally:
            store.close()


def test_a_database_that_never_answers_is_reported_within_seconds(
    caplog: pytest.LogCaptureFixture,
):
    """It accepts connections and reads what is sent, but never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                held.append(server.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    port = server.getsockname()[1]
    store = Store.open(f"postgresql://u:p@127.0.0.1:{port}/db")
    try:
        started = time.monotonic()
        log_many(store, 5, "hung")
        wait_until(
            lambda: any("not answered" in r.getMessage() for r in caplog.records),
            timeout=STALL_WARN_S + 5,
            what="the warning",
        )
        assert time.monotonic() - started < STALL_WARN_S + 3
        assert store.stalled and store.pending() == 5
    finally:
        server.close()
        for sock in held:
            sock.close()
        store.close(timeout=1)
