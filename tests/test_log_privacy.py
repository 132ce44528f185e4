"""Logs carry no user names, usernames or ids at any level; a chat is a keyed hash in them."""

from __future__ import annotations

import logging

import pytest
from conftest import StartBot
from fake_bot_api import FakeBotApi, make_user

USER_ID = 777000123
NAME = "Bí Mật"
USERNAME = "bimat_nguoidung"
PHONE = "0912345678"


async def test_debug_logs_name_no_user_and_no_chat(
    api: FakeBotApi, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    bot = await start_bot()
    user = make_user(USER_ID, NAME) | {"username": USERNAME, "last_name": "Nguyễn"}
    chat = api.chat(USER_ID)
    group = api.chat(-100777000123, type="supergroup")
    api.text(chat, "có bao nhiêu thạc sĩ", user=user)
    answer = await api.reply_to(chat)
    api.tap(answer, answer.buttons[-1][1], user=user)  # a vote
    api.text(chat, f"số tôi là {PHONE}", user=user)
    await api.reply_to(chat)
    api.text(group, "/ask có bao nhiêu thạc sĩ", user=user)
    await api.reply_to(group)
    api.text(chat, "/forget", user=user)
    await api.reply_to(chat)
    await api.until(lambda: any("vote" in r.getMessage() for r in caplog.records))
    await bot.stop()
    formatter = logging.Formatter("%(name)s %(message)s")
    text = "\n".join(formatter.format(r) for r in caplog.records)
    assert "outcome=answer" in text  # the bot did log, at DEBUG
    for secret in (str(USER_ID), "777000123", NAME, USERNAME, "Nguyễn", PHONE):
        assert secret not in text
