"""The webhook cannot be flooded: big bodies (chunked or not), slow clients, many refusals."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from conftest import WEBHOOK_SECRET, WebhookBot

from bot.telegram import webhook

CHUNK = b"x" * 65536
STATUS = Path("/proc/self/status")


def peak_rss_mb() -> float:
    for line in STATUS.read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def reset_peak_rss() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pytest.skip("cannot reset the peak RSS here (/proc/self/clear_refs)")


async def chunks(total: int) -> AsyncIterator[bytes]:
    for _ in range(total // len(CHUNK)):
        yield CHUNK


async def test_a_64_mb_chunked_body_is_refused_while_it_streams(webhook_bot: WebhookBot):
    reset_peak_rss()
    before = peak_rss_mb()
    headers = {
        "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET,
        "Content-Type": "application/json",
    }
    try:  # no Content-Length: httpx sends a generator chunked
        response = await webhook_bot.client.post(
            "/tg-hook", content=chunks(64 * 2**20), headers=headers
        )
        assert response.status_code == 413
    except (httpx.RemoteProtocolError, httpx.WriteError, httpx.ReadError):
        pass  # closed while we were still sending: refused all the same
    grown = peak_rss_mb() - before
    print(f"\n64 MB chunked body: refused; peak RSS grew {grown:.1f} MB")
    assert grown < 40
    health = await webhook_bot.client.get("/healthz")
    assert health.status_code == 200


async def test_a_declared_oversize_body_is_refused_before_it_is_read(webhook_bot: WebhookBot):
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    response = await webhook_bot.client.post("/tg-hook", content=b"x" * 1_100_000, headers=headers)
    assert response.status_code == 413


async def test_a_client_that_never_finishes_its_headers_is_dropped(
    webhook_bot: WebhookBot, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(webhook, "HEADER_TIMEOUT", 0.5)  # 10 s in production
    reader, writer = await asyncio.open_connection("127.0.0.1", webhook_bot.server.port)
    writer.write(b"POST /tg-hook HTTP/1.1\r\nHost: x\r\n")  # and then nothing
    await writer.drain()
    started = time.monotonic()
    assert await asyncio.wait_for(reader.read(), 5) == b""  # closed by the server
    assert time.monotonic() - started < 3
    writer.close()


async def test_a_client_that_never_finishes_its_body_gets_408(
    webhook_bot: WebhookBot, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(webhook, "BODY_TIMEOUT", 0.5)  # 10 s in production
    reader, writer = await asyncio.open_connection("127.0.0.1", webhook_bot.server.port)
    writer.write(
        b"POST /tg-hook HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n"
        + f"X-Telegram-Bot-Api-Secret-Token: {WEBHOOK_SECRET}\r\n\r\n".encode()
        + b'{"update_id": '
    )
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), 5)
    assert answer.startswith(b"HTTP/1.1 408")
    writer.close()


async def test_refused_requests_are_counted_and_logged_at_most_once_a_minute(
    webhook_bot: WebhookBot, caplog: pytest.LogCaptureFixture
):
    for _ in range(50):
        response = await webhook_bot.post_update({"update_id": 1}, secret="wrong")
        assert response.status_code == 403
    lines = [r for r in caplog.records if "refused" in r.getMessage()]
    assert len(lines) == 1
