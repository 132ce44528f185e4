"""End to end: updates per second and latency from update to sendMessage, over real HTTP.

The bot runs as users run it — `python -m bot telegram --polling` or `--webhook`, a separate
process — against the fake Bot API of the tests (tests/fake_bot_api.py) on 127.0.0.1. A closed
loop keeps `concurrency` questions outstanding (each from its own private chat) until `updates`
have been answered; latency runs from the moment an update is offered (queued for getUpdates, or
POSTed to the webhook) to the moment its sendMessage reaches the fake.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

import httpx

from bench.memory import peak_rss_mb
from bot.paths import PROJECT_DIR
from tests.fake_bot_api import FakeBotApi  # `python -m bench` runs from the project root

SECRET = "bench_secret-123"
QUESTIONS = (
    "có bao nhiêu thạc sĩ",
    "bn cb đc cử đi học llct cao cấp",
    "HUYỆN CÓ BAO NHIÊU ĐẢNG VIÊN",
    "how many officials does the district have",
    "tong so can bo cong chuc",
    "giá vàng hôm nay",
)


class TimedFakeBotApi(FakeBotApi):
    """The fake, noting when each chat's reply arrives."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.answered: dict[int, float] = {}
        self.arrived = asyncio.Event()

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        result = await super()._api_sendMessage(params)
        self.answered.setdefault(int(params["chat_id"]), time.perf_counter())
        self.arrived.set()
        return result


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def start_bot(
    api: FakeBotApi, mode: str, port: int, base_env: dict[str, str] | None = None
) -> tuple[subprocess.Popen, float]:
    """`python -m bot telegram --MODE` against `api`, and the seconds it took to be ready."""
    env = {
        **(os.environ if base_env is None else base_env),
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "LOG_LEVEL": "WARNING",
    }
    # a store of its own, whatever the caller's environment says: the fake's update_ids repeat
    # from run to run (polling then webhook), and the bot answers an update_id its store has
    # seen only once (a shared store answered none of the webhook run); nor does a benchmark
    # belong in the user's data
    env["HOIDAP_DATA_DIR"] = tempfile.mkdtemp(prefix="hoidap-bench-")
    if mode == "webhook":
        env |= {
            "WEBHOOK_URL": "https://bench.example.com/hook",
            "WEBHOOK_SECRET": SECRET,
            "PORT": str(port),
        }
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "telegram", f"--{mode}"],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    ready = "setWebhook" if mode == "webhook" else "getUpdates"
    while ready not in api.methods() or (mode == "webhook" and not await _healthy(port)):
        # a webhook is ready once /healthz says so (503 until setWebhook has succeeded)
        if process.poll() is not None:
            raise RuntimeError(f"the bot exited: {process.stderr.read().decode()[-500:]}")
        if time.perf_counter() - started > 60:
            raise TimeoutError("the bot did not get ready in 60 s")
        await asyncio.sleep(0.005)
    return process, time.perf_counter() - started


async def _healthy(port: int) -> bool:
    async with httpx.AsyncClient(timeout=2) as client:
        try:
            return (await client.get(f"http://127.0.0.1:{port}/healthz")).status_code == 200
        except httpx.HTTPError:
            return False


async def _run_mode(mode: str, updates: int, concurrency: int) -> dict[str, float]:
    async with TimedFakeBotApi() as api:
        port = _free_port()
        process, ready_s = await start_bot(api, mode, port)
        offered: dict[int, float] = {}
        pending: set[asyncio.Task[None]] = set()
        client = httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30)
        try:

            async def offer(index: int) -> None:
                chat = api.chat(100_000 + index)
                question = QUESTIONS[index % len(QUESTIONS)]
                offered[chat.id] = time.perf_counter()
                if mode == "polling":
                    api.text(chat, question)
                else:
                    message = api.text(chat, question, queue=False)
                    update = api.make_update({"message": message})
                    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
                    response = await client.post("/hook", json=update, headers=headers)
                    response.raise_for_status()

            start = time.perf_counter()
            sent = 0
            deadline = start + 300
            while len(api.answered) < updates:
                while sent < updates and sent - len(api.answered) < concurrency:
                    pending.add(asyncio.create_task(offer(sent)))
                    sent += 1
                api.arrived.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(api.arrived.wait(), 10)
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"{mode}: {len(api.answered)} of {updates} answered")
                pending = {t for t in pending if not t.done() or t.result()}
            elapsed = time.perf_counter() - start
            latencies = [(api.answered[c] - offered[c]) * 1000 for c in api.answered]
            peak = peak_rss_mb(process.pid)
        finally:
            # a webhook POST still waiting for its 200 when the last reply arrives: let it end
            # here, not as an unretrieved ReadError once the bot is stopped
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            await client.aclose()
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
    latencies.sort()
    return {
        "mode": mode,
        "updates": updates,
        "concurrency": concurrency,
        "per_second": updates / elapsed,
        "p50_ms": statistics.median(latencies),
        "p99_ms": latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
        "ready_s": ready_s,
        "peak_rss_mb": peak,
    }


def run_e2e(updates: int, concurrency: int) -> list[dict[str, float]]:
    return [asyncio.run(_run_mode(mode, updates, concurrency)) for mode in ("polling", "webhook")]


if __name__ == "__main__":
    for row in run_e2e(int(sys.argv[1]) if len(sys.argv) > 1 else 200, 50):
        print(row)
