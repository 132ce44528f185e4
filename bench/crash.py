"""What a SIGKILL costs: one webhook process on PostgreSQL killed mid-load, then started again.

Telegram is played by a client that POSTs each update until it gets a 200 (as Telegram redelivers
what was not acknowledged). Counts questions answered once, twice, never. Needs PostgreSQL
(BENCH_DATABASE_URL or TEST_DATABASE_URL).

    python -m bench.crash [UPDATES]
"""

from __future__ import annotations

import asyncio
import signal
import sys
import time
import uuid
from collections import Counter

import httpx

from bench.e2e import QUESTIONS, _free_port
from bench.scale_out import SECRET, _admin, _ready, _start, database_server
from tests.fake_bot_api import FakeBotApi


async def _run(updates: int, concurrency: int, server: str) -> dict[str, float]:
    name = f"hoidap_crash_{uuid.uuid4().hex[:8]}"
    await _admin(server, f'CREATE DATABASE "{name}"')
    database = f"{server.rpartition('/')[0]}/{name}"
    try:
        async with FakeBotApi() as api:
            port = _free_port()
            bot = _start(api, port, database)
            await _ready(port, bot)
            client = httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60)
            queue = iter(range(updates))
            done = 0

            async def deliver(update: dict) -> None:
                while True:
                    try:
                        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
                        answer = await client.post("/hook", json=update, headers=headers)
                        if answer.status_code == 200:
                            return
                    except httpx.TransportError:
                        pass
                    await asyncio.sleep(0.5)  # Telegram's retry pause

            async def worker() -> None:
                nonlocal done
                for index in queue:
                    chat = api.chat(300_000 + index)
                    text = QUESTIONS[index % len(QUESTIONS)]
                    await deliver(api.make_update({"message": api.text(chat, text, queue=False)}))
                    done += 1

            async def kill_and_restart() -> tuple[object, float]:
                while done < updates // 2:
                    await asyncio.sleep(0.01)
                bot.send_signal(signal.SIGKILL)
                bot.wait()
                again = _start(api, port, database)
                began = time.perf_counter()
                await _ready(port, again)
                return again, time.perf_counter() - began

            started = time.perf_counter()
            _, (again, restart_s) = await asyncio.gather(
                asyncio.gather(*(worker() for _ in range(concurrency))), kill_and_restart()
            )
            elapsed = time.perf_counter() - started
            await client.aclose()
            again.terminate()
            again.wait(15)
            per_chat = Counter(s.chat_id for s in api.sent)
    finally:
        await _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return {
        "updates": updates,
        "answered_once": sum(1 for n in per_chat.values() if n == 1),
        "answered_twice_or_more": sum(1 for n in per_chat.values() if n > 1),
        "never_answered": updates - len(per_chat),
        "restart_s": round(restart_s, 2),
        "all_acknowledged_after_s": round(elapsed, 1),
    }


if __name__ == "__main__":
    url = database_server()
    if url is None:
        sys.exit("needs BENCH_DATABASE_URL or TEST_DATABASE_URL (PostgreSQL)")
    print(asyncio.run(_run(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, 32, url)))
