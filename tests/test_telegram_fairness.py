"""Fairness between chats: a flood, or Telegram's 429s for one chat, delay only that chat."""

from __future__ import annotations

import time

from conftest import StartBot
from fake_bot_api import FakeBotApi, Sent

from bot.telegram.fairness import ChatBudget, FairProcessor, Limits

QUESTION = "có bao nhiêu thạc sĩ"  # answered with 28
FLOOD = 200
SLOW_DOWN = "Bạn hỏi nhanh quá"


def sent_to(api: FakeBotApi, chat_id: int) -> list[Sent]:
    return [s for s in api.sent if s.chat_id == chat_id]


async def test_a_chat_flooding_while_telegram_answers_429_for_it_delays_no_one_else(
    api: FakeBotApi, start_bot: StartBot
) -> None:
    bot = await start_bot()
    processor = bot.application.update_processor
    assert isinstance(processor, FairProcessor)
    flood = api.chat(666)
    api.fail_chat(
        flood.id, status=429, description="Too Many Requests: retry after 1", retry_after=1
    )
    for _ in range(FLOOD):
        api.text(flood, QUESTION)
    others = [api.chat(700 + i) for i in range(10)]
    started = time.monotonic()
    for chat in others:
        api.text(chat, QUESTION)
    for chat in others:
        assert "28" in (await api.reply_to(chat, timeout=5)).text
    took = time.monotonic() - started
    assert took < 5

    api.clear_chat_faults(flood.id)  # Telegram lets the chat through again
    await api.until(lambda: not api.pending and processor.busy_chats == 0, timeout=30)
    got = sent_to(api, flood.id)
    print(f"\nflood: ten other chats answered in {took:.2f} s; the flooding chat got {len(got)}")
    assert 1 <= len(got) <= 40
    assert sum(SLOW_DOWN in s.text for s in got) == 1  # one notice, then silence
    assert bot.application.running  # and the bot is well: a new chat is answered at once
    newcomer = api.chat(800)
    api.text(newcomer, QUESTION)
    assert "28" in (await api.reply_to(newcomer)).text


async def test_a_group_gets_at_most_its_budget_and_one_notice(
    api: FakeBotApi, start_bot: StartBot
) -> None:
    bot = await start_bot()
    group = api.chat(-100123, type="supergroup")
    for _ in range(30):
        api.text(group, f"/ask {QUESTION}")
    processor = bot.application.update_processor
    await api.until(lambda: not api.pending and processor.busy_chats == 0, timeout=30)
    got = sent_to(api, group.id)
    assert len(got) <= Limits().burst + 1 + 2  # the burst, the notice, what refilled meanwhile
    assert sum(SLOW_DOWN in s.text for s in got) == 1


def test_the_budget_refills_at_the_chats_rate_and_notices_once_per_flood():
    now = [0.0]
    budget = ChatBudget(Limits(chat_per_minute=60, group_per_minute=20, burst=3), lambda: now[0])
    assert [budget.spend(1, group=False) for _ in range(6)] == [
        "send", "send", "send", "notice", "silent", "silent",
    ]  # fmt: skip
    now[0] += 1.0  # a private chat earns one message a second
    assert budget.spend(1, group=False) == "send"
    assert budget.spend(1, group=False) == "notice"  # a new flood, a new notice
    for _ in range(3):
        budget.spend(2, group=True)
    now[0] += 1.0  # a group earns one every three seconds
    assert budget.spend(2, group=True) == "notice"
    now[0] += 2.0
    assert budget.spend(2, group=True) == "send"
