"""State in the database: processes that share one database share every conversation.

Each Store here stands for one process (its own thread, engine and memory); on SQLite and, when
TEST_DATABASE_URL names a server, PostgreSQL.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store import _postgres_database

from bot.answer import Responder
from bot.conversation import Conversations
from bot.store import Store

FIRST = "bao nhiêu cán bộ cấp huyện học trung cấp llct?"
FOLLOW_UP = "còn cấp xã thì sao?"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shared.sqlite3'}"
        return
    yield from _postgres_database()


@pytest.fixture
def stores(db_url: str) -> Iterator[list[Store]]:
    opened: list[Store] = []
    yield opened
    for store in opened:
        store.close(timeout=2)


def process(responder: Responder, stores: list[Store], url: str) -> Conversations:
    """One bot process: its own store connection and memory, the same database."""
    store = Store.open(url, hash_key=b"k" * 32)  # the same key in every process
    stores.append(store)
    return Conversations(responder, store, "telegram", shared=True)


def test_a_follow_up_through_another_process_is_read_against_the_first_answer(
    responder: Responder, stores: list[Store], db_url: str
) -> None:
    a, b = process(responder, stores, db_url), process(responder, stores, db_url)
    assert "55" in a.ask("tg:1", FIRST).text
    assert "300" in b.ask("tg:1", FOLLOW_UP).reply.text
    other = b.ask("tg:2", FOLLOW_UP).reply  # another chat has no context to follow
    assert "300" not in other.text


def test_a_restarted_process_continues_the_conversation(
    responder: Responder, stores: list[Store], db_url: str
) -> None:
    first = process(responder, stores, db_url)
    first.ask("tg:3", FIRST)
    stores.pop().close()  # the process ends
    again = process(responder, stores, db_url)
    assert "300" in again.ask("tg:3", FOLLOW_UP).reply.text


def test_the_source_line_is_shown_once_per_conversation_across_processes(
    responder: Responder, stores: list[Store], db_url: str
) -> None:
    a, b = process(responder, stores, db_url), process(responder, stores, db_url)
    first = a.ask("tg:4", FIRST)
    assert first.reply.source and first.text == first.reply.full_text
    second = b.ask("tg:4", "có bao nhiêu thạc sĩ")
    assert second.text == second.reply.text  # no source line a second time


def test_a_vote_through_another_process_names_its_question(
    responder: Responder, stores: list[Store], db_url: str
) -> None:
    a, b = process(responder, stores, db_url), process(responder, stores, db_url)
    exchange = a.ask("tg:5", FIRST)
    assert exchange.reply.intent
    assert b.vote("tg:5", exchange.id, exchange.reply.intent, up=True)
    assert b.vote("tg:5", exchange.id, exchange.reply.intent, up=False)  # replaces the 👍
    assert b.vote("tg:6", exchange.id, exchange.reply.intent, up=False)  # not the asker
    assert not b.vote("tg:5", "0badcafe", exchange.reply.intent, up=False)  # no such answer
    assert not b.vote("tg:5", exchange.id, "some_other_intent", up=False)  # not its answer
    b.store.flush()
    rows = b.store.unanswered_since(_yesterday())
    assert sorted((r.question or "") for r in rows if r.outcome == "downvoted") == ["", FIRST]
    assert sorted(v.vote for v in b.store.votes_since(_yesterday())) == [-1, -1]


def test_forget_removes_the_shared_state_too(
    responder: Responder, stores: list[Store], db_url: str
) -> None:
    a, b = process(responder, stores, db_url), process(responder, stores, db_url)
    a.ask("tg:7", FIRST)
    b.forget("tg:7")
    assert "300" not in a.ask("tg:7", FOLLOW_UP).reply.text


def test_an_update_is_claimed_by_one_process_only(stores: list[Store], db_url: str) -> None:
    a, b = Store.open(db_url), Store.open(db_url)
    stores.extend([a, b])

    async def race() -> list[str]:
        return list(await asyncio.gather(*(s.claim_update(42, timeout=10) for s in (a, b, a, b))))

    assert sorted(asyncio.run(race())) == ["busy", "busy", "busy", "new"]
    a.update_done(42)
    a.flush()
    assert asyncio.run(b.claim_update(42, timeout=10)) == "duplicate"


def test_an_update_whose_process_died_is_taken_over_after_the_lease(
    stores: list[Store], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    from bot.store import shared

    a, b = Store.open(db_url), Store.open(db_url)
    stores.extend([a, b])
    assert asyncio.run(a.claim_update(7, timeout=10)) == "new"  # and a dies before finishing
    assert asyncio.run(b.claim_update(7, timeout=10)) == "busy"
    monkeypatch.setattr(shared, "LEASE", timedelta(0))
    assert asyncio.run(b.claim_update(7, timeout=10)) == "new"


def test_answers_go_on_while_the_database_is_down(responder: Responder, tmp_path: Path) -> None:
    """A server nobody listens on: context comes from memory, every question is answered."""
    store = Store.open("postgresql://u:p@127.0.0.1:9/none")
    try:
        chats = Conversations(responder, store, "telegram", shared=True)
        assert "55" in chats.ask("tg:8", FIRST).text
        assert "300" in chats.ask("tg:8", FOLLOW_UP).reply.text  # from this process's memory
    finally:
        store.close(timeout=0.5)


def _yesterday():
    from datetime import UTC, datetime, timedelta

    return datetime.now(UTC) - timedelta(days=1)
