"""Scale-out: throughput and latency of one and of two webhook processes sharing one PostgreSQL.

Each process is `python -m bot telegram --webhook` with DATABASE_URL on a fresh database; the
tests' round-robin proxy (tests/round_robin.py) spreads the POSTs as a platform's router would.
A closed loop keeps `concurrency` questions outstanding, each from its own private chat; latency
runs from the POST to Telegram's 200, which the bot sends only once the update is handled (its
reply sent, its state written). Needs PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL;
without one the section is skipped.

    python -m bench.scale_out [UPDATES]
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
import uuid

import httpx

from bench.e2e import QUESTIONS, _free_port
from bot.paths import PROJECT_DIR
from tests.fake_bot_api import FakeBotApi
from tests.round_robin import RoundRobinProxy

SECRET = "bench_secret-123"


def database_server() -> str | None:
    return os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL") or None


async def _admin(base: str, sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(base.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def _start(api: FakeBotApi, port: int, database: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "WEBHOOK_URL": "https://bench.example.com/hook",
        "WEBHOOK_SECRET": SECRET,
        "PORT": str(port),
        "DATABASE_URL": database,
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "telegram", "--webhook"],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def _ready(port: int, process: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient(timeout=2) as client:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the bot exited with {process.returncode}")
            try:
                if (await client.get(f"http://127.0.0.1:{port}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.05)
    raise TimeoutError("the bot did not get ready in 60 s")


async def _run(processes: int, updates: int, concurrency: int, server: str) -> dict[str, float]:
    name = f"hoidap_bench_{uuid.uuid4().hex[:8]}"
    await _admin(server, f'CREATE DATABASE "{name}"')
    database = f"{server.rpartition('/')[0]}/{name}"
    bots: list[subprocess.Popen[bytes]] = []
    try:
        async with FakeBotApi() as api:
            ports = [_free_port() for _ in range(processes)]
            bots = [_start(api, port, database) for port in ports]
            for port, bot in zip(ports, bots, strict=True):
                await _ready(port, bot)
            async with RoundRobinProxy(ports) as proxy:
                client = httpx.AsyncClient(base_url=proxy.url, timeout=60)
                latencies: list[float] = []
                queue = iter(range(updates))

                async def worker() -> None:
                    for index in queue:
                        chat = api.chat(200_000 + index)
                        text = QUESTIONS[index % len(QUESTIONS)]
                        update = api.make_update({"message": api.text(chat, text, queue=False)})
                        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
                        began = time.perf_counter()
                        response = await client.post("/hook", json=update, headers=headers)
                        response.raise_for_status()
                        latencies.append((time.perf_counter() - began) * 1000)

                started = time.perf_counter()
                await asyncio.gather(*(worker() for _ in range(concurrency)))
                elapsed = time.perf_counter() - started
                await client.aclose()
            answered = len({s.chat_id for s in api.sent})
    finally:
        for bot in bots:
            bot.terminate()
        for bot in bots:
            try:
                bot.wait(15)
            except subprocess.TimeoutExpired:
                bot.kill()
        await _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    latencies.sort()
    return {
        "processes": processes,
        "updates": updates,
        "answered": answered,
        "concurrency": concurrency,
        "per_second": updates / elapsed,
        "p50_ms": statistics.median(latencies),
        "p99_ms": latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
    }


def run_scale_out(updates: int, concurrency: int) -> list[dict[str, float]] | None:
    """One row per process count (1, 2); None when no PostgreSQL server is named."""
    server = database_server()
    if server is None:
        print("scale-out: skipped (no BENCH_DATABASE_URL or TEST_DATABASE_URL)", file=sys.stderr)
        return None
    return [asyncio.run(_run(n, updates, concurrency, server)) for n in (1, 2)]


def report_lines(rows: list[dict[str, float]] | None) -> list[str]:
    """The report's section (bench/report.py adds it at the end)."""
    lines = ["", "## Scale-out on PostgreSQL (`bench/scale_out.py`)", ""]
    if rows is None:
        return [*lines, "Skipped: no PostgreSQL server (BENCH_DATABASE_URL or TEST_DATABASE_URL)."]
    lines += [
        "Webhook processes sharing one PostgreSQL behind a round-robin proxy; each update is "
        "claimed in the database, its chat's state read and written there, and Telegram's 200 "
        "comes only once the reply is sent. Latency: POST to 200. Everything (the processes, "
        "the fake Bot API, the proxy, PostgreSQL and the client) shares this machine's CPUs, so "
        "a second process adds little here; on separate dynos each brings its own.",
        "",
        "| processes | updates | concurrency | answered | updates/s | p50 ms | p99 ms |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['processes']} | {r['updates']} | {r['concurrency']} | {r['answered']} | "
            f"{r['per_second']:.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} |"
        )
    return lines


if __name__ == "__main__":
    for row in run_scale_out(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, 32) or []:
        print(row)
