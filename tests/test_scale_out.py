"""Two webhook processes on one PostgreSQL behind a round-robin proxy, as a platform scaled to two.

Conversations alternate between the processes, Telegram's redeliveries (one after the answer,
two copies at once) go through the proxy too, and one process is restarted mid-run. Every
question must be answered exactly once and every follow-up read against its first question,
whichever process took either. Needs TEST_DATABASE_URL (CI sets it; see tests/test_store.py).
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import test_telegram_process
from fake_bot_api import FakeBotApi
from round_robin import RoundRobinProxy
from test_store import _postgres_database
from test_telegram_process import free_port

launch = test_telegram_process.launch  # the fixture: `python -m bot` as a real process

SECRET = "scale_Secret-1"
FIRST = "bao nhiêu cán bộ cấp huyện học trung cấp llct?"  # 55
FOLLOW_UP = "còn cấp xã thì sao?"  # 300, only as a follow-up of FIRST
CHATS = 24


async def start_web(launch, api: FakeBotApi, database: str, port: int) -> Any:
    bot = await launch(
        "telegram", "--webhook",
        TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_BASE_URL=api.base_url,
        WEBHOOK_URL="https://bot.example.com/hook", WEBHOOK_SECRET=SECRET, PORT=str(port),
        DATABASE_URL=database,
    )  # fmt: skip
    await bot.wait_for_log("webhook registered", timeout=30)
    return bot


class Telegram:
    """Delivers updates as Telegram does: POST until a 2xx, trying again after anything else."""

    def __init__(self, proxy: RoundRobinProxy) -> None:
        self.client = httpx.AsyncClient(base_url=proxy.url, timeout=60)
        self.attempts = 0

    async def deliver(self, update: dict[str, Any]) -> None:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        delay = 0.02
        while True:
            self.attempts += 1
            response = await self.client.post("/hook", json=update, headers=headers)
            if response.status_code == 200:
                return
            await asyncio.sleep(delay)  # Telegram's retry pause (not a timing assertion)
            delay = min(delay * 2, 0.5)


async def test_two_processes_answer_every_question_once_and_follow_ups_across_them(
    api: FakeBotApi, launch
) -> None:
    database_urls = _postgres_database()  # (it runs its own event loop: on a thread)
    database = await asyncio.to_thread(next, database_urls)
    ports = [free_port(), free_port()]
    bots = [await start_web(launch, api, database, port) for port in ports]
    half_done = asyncio.Event()
    firsts_answered = 0

    async def conversation(telegram: Telegram, chat_id: int) -> tuple[str, str]:
        nonlocal firsts_answered
        chat = api.chat(chat_id)
        first = api.make_update({"message": api.text(chat, FIRST, queue=False)})
        await telegram.deliver(first)
        answer = await api.reply_to(chat, timeout=30)
        await telegram.deliver(first)  # redelivered after it was answered: not answered again
        firsts_answered += 1
        if firsts_answered == CHATS // 2:
            half_done.set()
        follow_up = api.make_update({"message": api.text(chat, FOLLOW_UP, queue=False)})
        # two copies at once, as after a timeout: one process takes it, the other waits
        await asyncio.gather(telegram.deliver(follow_up), telegram.deliver(follow_up))
        return answer.text, (await api.reply_to(chat, timeout=30)).text

    async def restart_first_process() -> None:
        await half_done.wait()
        code, err = await bots[0].stop()
        assert code == 0, err
        bots[0] = await start_web(launch, api, database, ports[0])

    try:
        async with RoundRobinProxy(ports) as proxy:
            telegram = Telegram(proxy)
            async with asyncio.timeout(120):
                results, _ = await asyncio.gather(
                    asyncio.gather(*(conversation(telegram, 100 + i) for i in range(CHATS))),
                    restart_first_process(),
                )
            await telegram.client.aclose()
            assert set(proxy.routed) == set(ports)  # both processes took updates
        for bot in bots:
            code, err = await bot.stop()
            assert code == 0, err
            assert "Traceback" not in err
    finally:
        for bot in bots:
            if bot.process.returncode is None:
                bot.process.kill()
        await asyncio.to_thread(next, database_urls, None)  # drops the database
    for first, follow_up in results:
        assert "55" in first
        assert "300" in follow_up, follow_up
    for i in range(CHATS):
        assert len([s for s in api.sent if s.chat_id == 100 + i]) == 2  # exactly once each
