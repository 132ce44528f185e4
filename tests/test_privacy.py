"""Private by design: what the store keeps about people, and what it never keeps."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import load_store_settings
from bot.conversation import Conversations
from bot.privacy import EMAIL, NUMBER, PHONE, mask_personal
from bot.report import group_unanswered
from bot.store import Store


def since_yesterday() -> datetime:
    return datetime.now(UTC) - timedelta(days=1)


def dump(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
        return " ".join(str(row) for t in tables for row in conn.execute(f'select * from "{t}"'))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("gọi tôi 0912 345 678 nhé", f"gọi tôi {PHONE} nhé"),
        ("số +84 912-345-678", f"số {PHONE}"),
        ("mail lan.nguyen+hd@gmail.com giúp", f"mail {EMAIL} giúp"),
        ("mã hồ sơ 123456789012345", f"mã hồ sơ {NUMBER}"),
        ("có 1.999 người, năm 2018, 28 thạc sĩ", "có 1.999 người, năm 2018, 28 thạc sĩ"),
    ],
)
def test_personal_data_is_masked_and_the_articles_figures_are_not(text: str, kept: str):
    assert mask_personal(text) == kept


def test_stored_questions_never_hold_phones_or_emails_and_still_group(responder, tmp_path: Path):
    path = tmp_path / "store.sqlite3"
    store = Store.open(f"sqlite:///{path}")
    chats = Conversations(responder, store, "telegram")
    try:
        chats.ask("tg:1", "số điện thoại của chủ tịch huyện là 0912345678 à")
        chats.ask("tg:2", "số điện thoại của chủ tịch huyện là 0987 654 321 à")
        chats.ask("tg:3", "gửi cho tôi qua lan.nguyen@gmail.com nhé")
        assert store.flush()
        groups = group_unanswered(store.unanswered_since(since_yesterday()))
    finally:
        store.close()
    text = dump(path)
    for secret in ("0912345678", "0987 654 321", "lan.nguyen", "gmail"):
        assert secret not in text
    # a digit group of the phone number as a word of its own (hashes are hex: not a word)
    assert not re.search(r"(?<![0-9a-f])654(?![0-9a-f])", text)
    assert [g.count for g in groups] == [2, 1]


def test_the_hash_key_comes_from_the_environment_and_is_never_in_the_database(tmp_path: Path):
    env = {"HOIDAP_DATA_DIR": str(tmp_path), "HOIDAP_HASH_KEY": "k" * 32}
    settings = load_store_settings(env)
    assert settings.hash_key is not None and b"k" * 16 not in settings.hash_key
    from_token = load_store_settings(
        {"HOIDAP_DATA_DIR": str(tmp_path), "TELEGRAM_BOT_TOKEN": "1:x"}
    )
    assert from_token.hash_key and from_token.hash_key != settings.hash_key
    store = Store.from_settings(settings)
    store.log_unanswered("tg:987654321", "telegram", "hỏi", "hoi", "fallback", [])
    assert store.flush()
    store.close()
    text = dump(tmp_path / "hoi-dap.sqlite3")
    assert "987654321" not in text
    assert settings.hash_key.hex() not in text and "salt" not in text


def test_a_salt_left_by_the_old_schema_is_deleted(tmp_path: Path):
    path = tmp_path / "old.sqlite3"
    store = Store.open(f"sqlite:///{path}")
    store.log_unanswered("a", "console", "q", "q", "fallback", [])
    assert store.flush()
    store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("insert into settings values ('salt', 'abcdef0123456789')")
    reopened = Store.open(f"sqlite:///{path}")  # the migration runs at its first write
    reopened.log_unanswered("a", "console", "q", "q", "fallback", [])
    assert reopened.flush()
    reopened.close()
    assert "abcdef0123456789" not in dump(path)


def test_forget_takes_queued_rows_and_rows_being_written_with_it(responder, tmp_path: Path):
    store = Store.open(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    chats = Conversations(responder, store, "telegram")
    try:
        for i in range(60):  # queued right before /forget, most not yet written
            chats.ask("tg:7", f"giá vàng hôm nay {i}")
        chats.ask("tg:8", "giá vàng hôm nay")
        chats.forget("tg:7")
        assert store.flush()
        assert [r.question for r in store.unanswered_since(since_yesterday())] == [
            "giá vàng hôm nay"
        ]
    finally:
        store.close()


def test_one_vote_per_user_per_answer_and_only_on_answers_the_bot_gave(responder, tmp_path: Path):
    store = Store.open(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    chats = Conversations(responder, store, "telegram")
    try:
        exchange = chats.ask("tg:5", "có bao nhiêu người học thạc sĩ?")
        intent = exchange.reply.intent
        assert intent is not None
        for _ in range(300):
            assert chats.vote("tg:5", exchange.id, intent, up=False)
        assert chats.vote("tg:5", exchange.id, intent, up=True)  # a change of mind replaces it
        assert chats.vote("tg:6", exchange.id, intent, up=False)  # another user: a vote of theirs
        assert not chats.vote("tg:5", "deadbeef", intent, up=False)  # an id the bot never issued
        assert not chats.vote("tg:5", exchange.id, "total_staff", up=False)  # not that answer's
        assert store.flush()
        votes = sorted(v.vote for v in store.votes_since(since_yesterday()))
        assert votes == [-1, 1]
        downvoted = [r for r in store.unanswered_since(since_yesterday())]
        assert [(r.outcome, r.question) for r in downvoted] == [("downvoted", None)]
    finally:
        store.close()
