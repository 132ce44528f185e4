"""The Bot API fails the way real ones do, and every user message still gets exactly one reply.

The fake Bot API injects the faults (429 with retry_after, 500, 502 from a proxy, malformed JSON,
late answers, a server that goes away and comes back); the bot runs as `run_polling` runs it and
meets them over real HTTP. Replies are retried when the failure proves nothing was sent, and
never sent twice when it might have been (bot/telegram/delivery.py explains the rule).
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from typing import Any

import httpx
import pytest
from conftest import PollingBot, StartBot
from fake_bot_api import FakeBotApi, Sent
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.answer import Responder
from bot.telegram import delivery
from bot.telegram.delivery import nothing_sent, worth_retrying
from bot.telegram.texts import TelegramTexts

QUESTION = "có bao nhiêu thạc sĩ"
MALFORMED = '{"ok": true, "result": {"message_id": '
PROXY_PAGE = "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"
CAPTIVE_PORTAL = "<!DOCTYPE html><html><body>Please log in to the Wi-Fi</body></html>"


def sent_to(api: FakeBotApi, chat_id: int) -> list[Sent]:
    return [s for s in api.sent if s.chat_id == chat_id]


async def barrier(api: FakeBotApi, timeout: float = 10.0) -> None:
    """Wait until the bot has handled the updates sent so far to other chats than this
    checkpoint's — chats are handled side by side, so a test waits for its own chat's replies."""
    checkpoint = api.chat(999_999)
    api.text(checkpoint, "/help")
    await api.reply_to(checkpoint, timeout=timeout)


def send_calls(api: FakeBotApi) -> list[Any]:
    return [c for c in api.calls if c.method == "sendMessage"]


# --- sendMessage failures that prove nothing was sent: retried ------------------------------


async def test_a_429_is_retried_after_the_time_telegram_asks_for(
    api: FakeBotApi, polling_bot: PollingBot
) -> None:
    chat, other = api.chat(1), api.chat(2)
    api.text(other, "/start")
    start = await api.reply_to(other)
    flood = {"status": 429, "description": "Too Many Requests: retry after 1", "retry_after": 1}
    api.fail("sendMessage", **flood)
    api.fail("answerCallbackQuery", **flood)
    api.text(chat, QUESTION)
    api.tap(start)  # a button: its answerCallbackQuery is refused too
    assert "28" in (await api.reply_to(chat)).text
    assert (await api.reply_to(other)).text
    for method in ("sendMessage", "answerCallbackQuery"):
        calls = [c for c in api.calls if c.method == method]
        refused = next(c for c in calls if c.fault)
        accepted = next(c for c in calls if c.ok and c.at > refused.at)
        assert refused.status == 429 and accepted.at - refused.at >= 1.0
    await barrier(api)
    assert len(sent_to(api, chat.id)) == 1 and len(sent_to(api, other.id)) == 2


async def test_server_errors_are_retried_with_growing_pauses(
    api: FakeBotApi, polling_bot: PollingBot
) -> None:
    api.fail("sendMessage", status=500, description="Internal Server Error")
    api.fail("sendMessage", status=502, body=PROXY_PAGE)  # a proxy's page: not even JSON
    chat = api.chat(3)
    api.text(chat, QUESTION)
    assert "28" in (await api.reply_to(chat)).text
    first, second, third = send_calls(api)
    assert [first.ok, second.ok, third.ok] == [False, False, True]
    assert third.at - second.at > second.at - first.at  # exponential backoff
    await barrier(api)
    assert len(sent_to(api, chat.id)) == 1


class _Held:
    """The real core, except that it holds answers until the test lets them go."""

    def __init__(self, responder: Responder) -> None:
        self._responder = responder
        self.asked = threading.Event()
        self.go = threading.Event()

    def respond(self, *args: Any, **kwargs: Any) -> Any:
        self.asked.set()
        self.go.wait(10)
        return self._responder.respond(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._responder, name)


async def test_replies_and_messages_held_up_by_an_outage_go_out_once_it_is_over(
    api: FakeBotApi,
    start_bot: StartBot,
    responder: Responder,
    caplog: pytest.LogCaptureFixture,
) -> None:
    held = _Held(responder)
    await start_bot(held)
    chat = api.chat(4)
    api.text(chat, QUESTION)
    assert await asyncio.to_thread(held.asked.wait, 5)  # the bot has the update…
    await api.go_down()  # …and the server goes away before the answer is sent
    held.go.set()
    others = [api.chat(40 + i) for i in range(5)]
    for other in others:  # people keep writing meanwhile
        api.text(other, QUESTION)

    def refused(method: str) -> bool:
        return any(f"{method} failed" in r.getMessage() for r in caplog.records)

    # sendMessage and getUpdates are refused meanwhile
    await api.until(lambda: refused("sendMessage") and refused("getUpdates"), timeout=10)
    async with httpx.AsyncClient() as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(f"{api.base_url}{api.token}/getMe")
    await api.come_back()
    for each in [chat, *others]:
        assert "28" in (await api.reply_to(each, timeout=10)).text
    await barrier(api)
    assert [len(sent_to(api, c.id)) for c in [chat, *others]] == [1] * 6
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("sendMessage failed" in m for m in warnings)
    assert any("getUpdates failed" in m for m in warnings)
    assert all(api.token not in m for m in warnings)


async def test_the_bot_gives_up_after_a_bounded_time_and_carries_on(
    api: FakeBotApi,
    start_bot: StartBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(delivery, "RETRY_FOR", 0.6)  # 60 s in production
    await start_bot()
    api.fail("sendMessage", times=1000, status=500)
    chat = api.chat(5)
    api.text(chat, QUESTION)
    # the answer is tried for 0.6 s, then the apology once (never retried into a flood)
    await api.until(lambda: any("giving up" in r.getMessage() for r in caplog.records))
    await api.until(lambda: any("was not sent" in r.getMessage() for r in caplog.records))
    assert 2 <= len(send_calls(api)) <= 4
    api.clear_faults("sendMessage")
    api.text(chat, QUESTION)
    assert "28" in (await api.reply_to(chat)).text
    await barrier(api)
    assert len(sent_to(api, chat.id)) == 1


# --- failures that leave it unknown: never sent twice ---------------------------------------


async def test_a_success_answer_cut_short_is_not_sent_again(
    api: FakeBotApi,
    polling_bot: PollingBot,
    texts: TelegramTexts,
    caplog: pytest.LogCaptureFixture,
) -> None:
    api.fail("sendMessage", status=200, body=MALFORMED, carry_out=True)
    chat = api.chat(6)
    api.text(chat, QUESTION)
    api.text(chat, "bao nhiêu đảng viên")
    await api.reply_to(chat)
    await api.reply_to(chat)  # a chat's updates are handled in turn: wait for both
    await barrier(api)
    texts_sent = [s.text for s in sent_to(api, chat.id)]
    assert len(texts_sent) == 2 and texts.apology not in texts_sent
    # the warning comes once PTB has read the garbled answer, which may be after the barrier
    await api.until(lambda: any("unconfirmed" in r.getMessage() for r in caplog.records))
    assert len(send_calls(api)) == 3  # two answers and the barrier: nothing was sent twice


async def test_a_200_that_is_no_bot_api_answer_at_all_is_retried(
    api: FakeBotApi, polling_bot: PollingBot
) -> None:
    api.fail("sendMessage", status=200, body=CAPTIVE_PORTAL)  # a middlebox answered, not Telegram
    chat = api.chat(9)
    api.text(chat, QUESTION)
    assert "28" in (await api.reply_to(chat)).text
    assert [c.ok for c in send_calls(api)] == [False, True]
    await barrier(api)
    assert len(sent_to(api, chat.id)) == 1


async def test_a_read_timeout_is_not_retried_so_the_reply_is_never_doubled(
    api: FakeBotApi,
    start_bot: StartBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await start_bot(read_timeout=0.3)
    api.slow("sendMessage", 0.6)  # Telegram sends it, but answers after the bot stopped waiting
    chat = api.chat(7)
    api.text(chat, QUESTION)
    # the bot gives up waiting, and the fake sees the message Telegram would have delivered
    await api.until(lambda: any("unconfirmed" in r.getMessage() for r in caplog.records))
    await api.until(lambda: sent_to(api, chat.id))
    await barrier(api)
    [reply] = sent_to(api, chat.id)
    assert "28" in reply.text  # one reply, and no apology after it
    assert any("unconfirmed" in r.getMessage() for r in caplog.records)  # nor a retry to come


async def test_edits_are_retried_even_after_a_read_timeout(
    api: FakeBotApi, start_bot: StartBot
) -> None:
    await start_bot(read_timeout=0.3)
    chat = api.chat(8)
    asked = api.text(chat, "bao nhiêu đảng viên")
    first = await api.reply_to(chat)
    api.fail("editMessageText", status=504, delay=0.6)  # a hung server: the bot stops waiting
    api.edit(asked, QUESTION)
    await api.wait_for("editMessageText", timeout=10)
    await barrier(api)
    assert len([c for c in api.calls if c.method == "editMessageText"]) == 2
    assert [s.message_id for s in sent_to(api, chat.id)] == [first.message_id]
    assert "28" in sent_to(api, chat.id)[0].text


# --- polling -------------------------------------------------------------------------------


async def test_polling_keeps_running_through_get_updates_failures(
    api: FakeBotApi, polling_bot: PollingBot
) -> None:
    api.fail("getUpdates", status=502, body=PROXY_PAGE)
    api.fail("getUpdates", status=200, body=MALFORMED)
    api.fail("getUpdates", status=429, description="Too Many Requests", retry_after=1)
    chat = api.chat(10)
    api.text(chat, QUESTION)  # the poll under way takes this one; the next three fail
    await api.reply_to(chat)
    await api.until(lambda: api.faults_left("getUpdates") == 0, timeout=10)
    api.text(chat, "bao nhiêu đảng viên")
    assert "712" in (await api.reply_to(chat, timeout=10)).text
    await barrier(api)
    assert len(sent_to(api, chat.id)) == 2


# --- restarts ------------------------------------------------------------------------------


async def test_no_update_is_handled_twice_across_a_restart(
    api: FakeBotApi, start_bot: StartBot
) -> None:
    first = await start_bot()
    chat = api.chat(30)
    api.text(chat, QUESTION)
    await api.reply_to(chat)
    api.slow("sendMessage", 0.5)
    api.text(chat, "bao nhiêu đảng viên")  # its reply is in flight when the bot stops
    await api.until(lambda: len(send_calls(api)) == 2)
    await first.stop()
    assert len(sent_to(api, chat.id)) == 2  # the reply in flight was finished
    assert api.pending == []  # every update it fetched was confirmed
    await start_bot()
    api.text(chat, "/about")
    await barrier(api)
    assert len(sent_to(api, chat.id)) == 3


async def test_updates_are_confirmed_on_stop_even_when_that_call_fails(
    api: FakeBotApi, start_bot: StartBot
) -> None:
    """PTB confirms fetched updates with one last getUpdates when it stops, and only logs a
    failure of it; the bot retries that call, or the next start would answer them again."""
    first = await start_bot()
    await api.wait_for("getUpdates")
    api.fail("getUpdates", times=1000, status=502, body=PROXY_PAGE)  # polls after the next fail
    chat = api.chat(31)
    api.text(chat, QUESTION)
    await api.reply_to(chat)
    await api.until(lambda: len([c for c in api.calls if c.status == 502]) >= 2)
    api.clear_faults("getUpdates")
    api.fail("getUpdates", times=2, status=500)  # the confirming call fails twice
    await first.stop()
    assert api.faults_left("getUpdates") == 0
    assert api.pending == []
    await start_bot()
    await barrier(api)
    assert len(sent_to(api, chat.id)) == 1


# --- the classification itself -------------------------------------------------------------


def _raised_from(error: TelegramError, cause: BaseException | None) -> TelegramError:
    error.__cause__ = cause
    return error


def _unreadable(body: str) -> TelegramError:
    """What python-telegram-bot raises for a 2xx answer whose body is not JSON."""
    try:
        json.loads(body)
    except ValueError as exc:
        return _raised_from(TelegramError("Invalid server response"), exc)
    raise AssertionError(f"{body!r} is JSON")


@pytest.mark.parametrize(
    ("error", "not_sent", "retry"),
    [
        (RetryAfter(3), True, True),
        (BadRequest("Bad Request: can't parse entities"), True, False),
        (Forbidden("Forbidden: bot was blocked by the user"), True, False),
        (NetworkError("Internal Server Error (500)"), True, True),
        (_raised_from(NetworkError("httpx.ConnectError"), httpx.ConnectError("refused")), True, True),
        (_raised_from(TimedOut(), httpx.ConnectTimeout("")), True, True),
        (_raised_from(TimedOut("Pool timeout"), httpx.PoolTimeout("")), True, True),
        (_raised_from(TimedOut(), httpx.ReadTimeout("")), False, True),
        (_raised_from(NetworkError("x"), httpx.RemoteProtocolError("dropped")), False, True),
        (_unreadable(MALFORMED), False, False),
        (_unreadable("\ufeff" + '{"ok":true,"result":true}'), False, False),
        (_unreadable(CAPTIVE_PORTAL), True, True),
        (_unreadable(""), True, True),
    ],
    ids=[
        "429", "400", "403", "500", "refused", "connect-timeout", "pool-timeout",
        "read-timeout", "dropped", "2xx-cut-short", "2xx-with-bom", "2xx-html", "2xx-empty",
    ],
)  # fmt: skip
def test_which_failures_prove_that_nothing_was_sent(
    error: TelegramError, not_sent: bool, retry: bool
) -> None:
    assert nothing_sent(error) is not_sent
    assert worth_retrying(error) is retry
