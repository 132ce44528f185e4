"""The store against real databases: a SQLite file, and PostgreSQL when TEST_DATABASE_URL names one.

CI starts a PostgreSQL server on loopback and sets TEST_DATABASE_URL; there (CI=true) the
PostgreSQL tests fail rather than skip when it is missing.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.answer import Responder
from bot.conversation import Conversations
from bot.paths import PROJECT_DIR
from bot.report import group_unanswered
from bot.store import Store, database_url

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
IN_CI = os.environ.get("CI", "").lower() == "true"


def _postgres_url() -> str:
    if PG_URL:
        return PG_URL
    if IN_CI:
        pytest.fail("TEST_DATABASE_URL is not set: CI must run the PostgreSQL tests (.ci/run)")
    pytest.skip("PostgreSQL tests need TEST_DATABASE_URL (e.g. postgresql://u:p@127.0.0.1/db)")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    yield from _postgres_database()


def _postgres_database() -> Iterator[str]:
    """A throwaway database on the PostgreSQL server, dropped afterwards."""
    base = _postgres_url()
    name = f"hoidap_{uuid.uuid4().hex[:10]}"

    async def admin(sql: str) -> None:
        import asyncpg

        conn = await asyncpg.connect(base.replace("postgresql+asyncpg://", "postgresql://"))
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    head, _, _ = base.rpartition("/")
    try:
        yield f"{head}/{name}"
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def since_yesterday() -> datetime:
    return datetime.now(UTC) - timedelta(days=1)


def test_platform_urls_are_made_async_and_postgres_scheme_is_accepted(tmp_path: Path):
    assert database_url("postgres://u:p@h:5432/d").startswith("postgresql+asyncpg://u:p@h:5432/d")
    assert "ssl=require" in database_url("postgres://u:p@h/d?sslmode=require")
    # SQLite keeps the standard library's driver, on a thread of its own (bot/store/engines.py)
    assert database_url("SQLite:////tmp/x.db") == "sqlite:////tmp/x.db"
    assert database_url("", data_dir=tmp_path).endswith(f"{tmp_path}/hoi-dap.sqlite3")


def test_a_sqlite_store_runs_without_sqlalchemy(tmp_path: Path):
    """It costs ~12 MB of the Telegram bot's 80 (issue 14): a SQLite store never loads it, from
    opening through every write, read, forget, shared state, claim and purge."""
    code = f"""
import asyncio, sys
from datetime import UTC, datetime, timedelta
from bot.store import Store, shared
shared.PURGE_EVERY_S = 0  # shared state purged at every turn of the writer's loop
store = Store.open("sqlite:///{tmp_path / "store.sqlite3"}")
asyncio.run(store.check())
store.log_unanswered("chat", "console", "hỏi", "hoi", "fallback", [("masters_sent", 41.5)])
store.log_vote("chat", "masters_sent", -1, "e1", ("hỏi", "hoi", ()))
exchange = {{"id": "e2", "question": "q", "normalized": "q", "candidates": [], "intents": ["a"]}}
assert store.save_state("chat", ("a",), (), True, exchange, wait=10)
assert asyncio.run(store.claim_update(1, timeout=10)) == "new"
store.update_done(1)
assert store.flush(10)
since = datetime.now(UTC) - timedelta(days=1)
assert [r.question for r in store.unanswered_since(since)] == ["hỏi", "hỏi"]
assert [v.vote for v in store.votes_since(since)] == [-1]
assert store.load_state("chat", timeout=10).intents == ("a",)
assert store.load_exchange("chat", "e2", timeout=10).intents == ("a",)
assert asyncio.run(store.claim_update(1, timeout=10)) == "duplicate"
assert store.forget("chat") == 5
store.close()
loaded = [m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "aiosqlite", "asyncpg")]
assert not loaded, loaded
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT_DIR, timeout=60)


def test_a_url_the_store_cannot_use_is_one_clear_error():
    with pytest.raises(ValueError, match="cannot use the database URL"):
        Store.open("mysql://u:secret@h/d")
    with pytest.raises(ValueError, match="retention"):
        Store.open("sqlite:///x.db", retention_days=10**8)


def test_passwords_never_reach_a_log_line():
    from bot.store import redacted

    assert "s3cret" not in redacted("postgres://u:s3cret@h/db")
    assert "s3cret" not in redacted("postgres://u@h/db?password=s3cret&sslmode=require")


def test_a_row_the_database_refuses_does_not_block_the_others(db_url: str):
    store = Store.open(db_url)
    try:
        store.log_unanswered("a", "console", "zz\x00qq", "zz\x00qq", "fallback", [])
        store.log_unanswered("a", "console", "lone \udcff surrogate", "x", "fallback", [])
        store.log_unanswered("a", "console", "xyz abc", "xyz abc", "fallback", [])
        assert store.flush()
        questions = [r.question for r in store.unanswered_since(since_yesterday())]
        assert questions == ["zzqq", "lone \ufffd surrogate", "xyz abc"]
    finally:
        store.close()


def test_rows_are_written_read_back_and_survive_a_restart(db_url: str):
    key = b"k" * 32  # the same key after the restart: the context is found again
    store = Store.open(db_url, hash_key=key)
    store.log_unanswered(
        "tg:42",
        "telegram",
        "dân số bao nhiêu",
        "dân số bao nhiêu",
        "fallback",
        [("total_staff", 41.5)],
    )
    store.log_vote("tg:42", "masters_sent", -1)
    store.save_state(
        "tg:42", ("masters_sent",), (), True, named=("level",), earlier=("party_members",)
    )
    assert store.flush()
    store.close()

    reopened = Store.open(db_url, hash_key=key)
    try:
        rows = reopened.unanswered_since(since_yesterday())
        assert [(r.question, r.outcome, r.candidates) for r in rows] == [
            ("dân số bao nhiêu", "fallback", [("total_staff", 41.5)]),
            (None, "downvoted", []),  # the answer voted down, its question unknown here
        ]
        assert [(v.intent, v.vote) for v in reopened.votes_since(since_yesterday())] == [
            ("masters_sent", -1)
        ]
        state = reopened.load_state("tg:42", timeout=5)
        assert state is not None
        assert (state.intents, state.source_shown, state.named, state.earlier) == (
            ("masters_sent",),
            True,
            ("level",),
            ("party_members",),
        )
    finally:
        reopened.close()


def test_chats_are_stored_as_salted_hashes_never_raw(db_url: str):
    store = Store.open(db_url)
    store.log_unanswered("telegram:987654321", "telegram", "q", "q", "fallback", [])
    assert store.flush()
    store.close()
    dump = _dump(db_url)
    assert "987654321" not in dump
    assert "q" in dump


def test_forget_deletes_every_row_of_one_chat_only(db_url: str):
    store = Store.open(db_url)
    try:
        for chat in ("a", "b"):
            store.log_unanswered(chat, "console", f"hỏi {chat}", f"hỏi {chat}", "fallback", [])
            store.log_vote(chat, "masters_sent", 1)
        assert store.flush()
        assert store.forget("a") == 2
        rows = store.unanswered_since(since_yesterday())
        assert [r.question for r in rows] == ["hỏi b"]
        assert len(store.votes_since(since_yesterday())) == 1
    finally:
        store.close()


def test_rows_older_than_the_retention_are_purged_at_start(db_url: str):
    store = Store.open(db_url, retention_days=7)
    old = datetime.now(UTC) - timedelta(days=8)
    store.log_unanswered("a", "console", "cũ", "cũ", "fallback", [], at=old)
    store.log_unanswered("a", "console", "mới", "mới", "fallback", [])
    assert store.flush()
    store.close()
    reopened = Store.open(db_url, retention_days=7)
    try:
        rows = reopened.unanswered_since(datetime.now(UTC) - timedelta(days=30))
        assert [r.question for r in rows] == ["mới"]
    finally:
        reopened.close()


def test_writing_never_blocks_and_waits_for_a_database_that_is_not_there_yet(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    missing = tmp_path / "not-yet"  # SQLite cannot open a file in a folder that does not exist
    store = Store.open(f"sqlite:///{missing / 'store.sqlite3'}")
    try:
        started = time.perf_counter()
        for i in range(200):
            store.log_unanswered("a", "console", f"câu {i}", f"câu {i}", "fallback", [])
        assert time.perf_counter() - started < 0.5  # queued, not written
        deadline = time.monotonic() + 10  # until the store has tried, and failed, to write
        while not any("cannot write" in r.getMessage() for r in caplog.records):
            assert time.monotonic() < deadline, "the store never tried to write"
            time.sleep(0.01)
        assert store.written == 0
        missing.mkdir()  # the database comes back
        assert store.flush(timeout=20)
        assert len(store.unanswered_since(since_yesterday())) == 200
    finally:
        store.close()


class _Proxy:
    """A TCP proxy to the database, to pull the plug mid-conversation and put it back."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.sock.listen()
        self.open = True
        self.links: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            self.links += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := a.recv(65536):
                b.sendall(data)
        for s in (a, b):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.open = False
        for link in self.links:
            with contextlib.suppress(OSError):
                link.shutdown(socket.SHUT_RDWR)
                link.close()
        self.links.clear()

    def restore(self) -> None:
        self.open = True

    def close(self) -> None:
        self.cut()
        self.sock.close()


def test_killing_postgresql_mid_conversation_loses_no_reply_and_no_row(
    responder: Responder, caplog: pytest.LogCaptureFixture
):
    from urllib.parse import urlsplit

    for url in _postgres_database():
        parts = urlsplit(url.replace("postgres://", "postgresql://", 1))
        proxy = _Proxy((parts.hostname or "127.0.0.1", parts.port or 5432))
        proxied = url.replace(f"{parts.hostname}:{parts.port or 5432}", f"127.0.0.1:{proxy.port}")
        if f":{parts.port}" not in url:
            proxied = url.replace(f"@{parts.hostname}/", f"@127.0.0.1:{proxy.port}/")
        store = Store.open(proxied)
        chats = Conversations(responder, store, "console")
        try:
            assert chats.ask("u", "giá vàng hôm nay").reply.status == "fallback"
            assert store.flush()
            proxy.cut()  # the database goes away
            replies = []
            for question in ("dân số bao nhiêu", "thời tiết thế nào", "có bao nhiêu thạc sĩ"):
                started = time.perf_counter()
                replies.append(chats.ask("u", question).reply)
                assert time.perf_counter() - started < 0.5  # the reply did not wait
            assert "28" in replies[-1].text
            deadline = time.monotonic() + 20  # until a write has failed for want of the database
            while not any("cannot write" in r.getMessage() for r in caplog.records):
                assert time.monotonic() < deadline, "the store never tried to write"
                time.sleep(0.01)
            proxy.restore()  # and comes back
            assert store.flush(timeout=40)
            questions = [r.question for r in store.unanswered_since(since_yesterday())]
            assert questions == ["giá vàng hôm nay", "dân số bao nhiêu", "thời tiết thế nào"]
        finally:
            store.close()
            proxy.close()


def test_unanswered_questions_are_grouped_by_similarity(db_url: str, responder: Responder):
    store = Store.open(db_url)
    chats = Conversations(responder, store, "console")
    try:
        for question in (
            "dân số huyện bao nhiêu",
            "Dân số của huyện là bao nhiêu?",
            "dan so huyen bao nhieu",
            "giá vàng hôm nay",
        ):
            chats.ask("u", question)
        assert store.flush()
        groups = group_unanswered(store.unanswered_since(since_yesterday()))
    finally:
        store.close()
    assert [g.count for g in groups] == [3, 1]
    assert "dân số" in groups[0].example.lower() or "dan so" in groups[0].example


def _dump(url: str) -> str:
    """Every value in every table, as text (to look for what must not be there)."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1]
        with sqlite3.connect(path) as conn:
            tables = [
                r[0] for r in conn.execute("select name from sqlite_master where type='table'")
            ]
            return " ".join(
                str(row) for t in tables for row in conn.execute(f'select * from "{t}"')
            )

    async def read() -> str:
        import asyncpg

        conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
        try:
            out = []
            for table in ("unanswered", "votes", "chat_states"):
                out += [str(tuple(r)) for r in await conn.fetch(f"select * from {table}")]
            return " ".join(out)
        finally:
            await conn.close()

    return asyncio.run(read())
