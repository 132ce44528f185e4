"""`python -m bot` as a user starts it: a real process, configured only by its environment.

These are the acceptance runs in miniature: the process talks to the fake Bot API over HTTP,
stops cleanly on SIGTERM, and what it writes to stderr never contains the token.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fake_bot_api import FakeBotApi

from bot.answer import Responder
from bot.paths import PROJECT_DIR

QUESTION = "có bao nhiêu thạc sĩ"
SECRET = "process_Secret-1"


def bot_env(**values: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "WEBHOOK_")) and k not in ("PORT", "LOG_LEVEL")
    }
    env.update(values)
    return env


class BotProcess:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self._stderr_read = b""  # what wait_for_log consumed, given back by exit()

    async def wait_for_log(self, needle: str, timeout: float = 20) -> None:
        """Read stderr until a line contains `needle` (an event, not a guess at how long it takes)."""
        assert self.process.stderr is not None
        async with asyncio.timeout(timeout):
            while True:
                line = await self.process.stderr.readline()
                self._stderr_read += line
                assert line, f"the bot exited without logging {needle!r}"
                if needle.encode() in line:
                    return

    async def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> tuple[int, str]:
        """Send `sig`, wait for the exit, return (exit code, stderr). The bound is a platform's
        grace period after SIGTERM (Heroku: 30 s, then SIGKILL): a long poll the signal lands in
        may be waited out first, and under CI load that passed 15 s once."""
        if self.process.returncode is None:
            self.process.send_signal(sig)
        return await self.exit(timeout)

    async def exit(self, timeout: float = 20) -> tuple[int, str]:
        """Wait for the process to end by itself; (exit code, stderr)."""
        _, err = await asyncio.wait_for(self.process.communicate(), timeout)
        assert self.process.returncode is not None
        return self.process.returncode, (self._stderr_read + err).decode()


@pytest.fixture
async def launch() -> AsyncIterator[object]:
    processes: list[BotProcess] = []

    async def start(*args: str, **env: str) -> BotProcess:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", *args,
            cwd=PROJECT_DIR, env=bot_env(**env),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        processes.append(BotProcess(process))
        return processes[-1]

    yield start
    for bot in processes:
        if bot.process.returncode is None:
            bot.process.kill()
            await bot.process.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_python_m_bot_with_a_token_polls_and_answers(api: FakeBotApi, launch) -> None:
    bot = await launch(
        TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_BASE_URL=api.base_url, LOG_LEVEL="DEBUG"
    )
    chat = api.chat(1)
    api.text(chat, QUESTION)
    api.text(chat, "/start")
    first = await api.reply_to(chat, timeout=20)
    second = await api.reply_to(chat)  # one reply each, in order
    assert "28" in first.text and second.buttons
    code, err = await bot.stop()
    assert code == 0, err
    assert api.token not in err  # even at DEBUG, where PTB logs its own URL
    assert err.count("outcome=") == 2
    assert "Traceback" not in err


async def test_the_bot_waits_for_a_bot_api_server_that_starts_after_it(launch) -> None:
    port = free_port()
    late = FakeBotApi(port=port)
    bot = await launch(TELEGRAM_BOT_TOKEN=late.token, TELEGRAM_API_BASE_URL=late.base_url)
    await bot.wait_for_log("not reachable yet")
    async with late:
        chat = late.chat(9)
        late.text(chat, QUESTION)
        assert "28" in (await late.reply_to(chat, timeout=20)).text
        code, err = await bot.stop()
    assert code == 0
    assert "Traceback" not in err


async def launch_webhook(api: FakeBotApi, launch) -> tuple[Any, int]:
    """`python -m bot telegram --webhook` on a free port, once it has registered its webhook."""
    port = free_port()
    bot = await launch(
        "telegram", "--webhook",
        TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_BASE_URL=api.base_url,
        WEBHOOK_URL="https://bot.example.com/hook", WEBHOOK_SECRET=SECRET, PORT=str(port),
    )  # fmt: skip
    await api.wait_for("setWebhook", timeout=20)
    await bot.wait_for_log("webhook registered")  # /healthz is 200 from then on
    return bot, port


async def test_webhook_process_checks_the_secret_and_stops_on_sigterm(
    api: FakeBotApi, launch
) -> None:
    bot, port = await launch_webhook(api, launch)
    update = api.make_update({"message": api.text(api.chat(2), QUESTION, queue=False)})
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        assert (await client.get("/healthz")).status_code == 200
        refused = await client.post(
            "/hook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "no"}
        )
        assert refused.status_code == 403
        accepted = await client.post(
            "/hook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
        )
        assert accepted.status_code == 200
    [reply] = await api.replies(1)
    assert "28" in reply.text
    code, err = await bot.stop(signal.SIGTERM)
    assert code == 0, err
    assert api.token not in err and SECRET not in err
    assert len(api.sent) == 1


def send_calls(api: FakeBotApi) -> int:
    return len([c for c in api.calls if c.method == "sendMessage"])


async def test_sigterm_stops_polling_in_time_and_the_reply_in_flight_still_goes_out(
    api: FakeBotApi, launch, responder: Responder
) -> None:
    env = {"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url}
    bot = await launch("telegram", "--polling", **env)
    chat = api.chat(3)
    api.text(chat, QUESTION)
    await api.reply_to(chat, timeout=20)
    api.slow("sendMessage", 2.0)
    api.text(chat, "bao nhiêu đảng viên")
    await api.until(lambda: send_calls(api) == 2, timeout=10)  # the reply is on its way
    asked_to_stop = time.monotonic()
    code, err = await bot.stop(signal.SIGTERM)
    assert code == 0, err
    assert time.monotonic() - asked_to_stop < 10
    assert "712" in (await api.reply_to(chat)).text
    assert err.count("outcome=answer") == 2  # its handler finished before the process ended
    assert api.pending == []  # and every update fetched was confirmed
    assert "Traceback" not in err
    # The platform starts the bot again: new messages are answered, old ones not a second time.
    again = await launch("telegram", "--polling", **env)
    api.text(chat, "/about")
    assert responder.article.author in (await api.reply_to(chat, timeout=20)).text
    code, err = await again.stop()
    assert code == 0, err
    assert len(api.sent) == 3


async def test_sigterm_in_webhook_mode_finishes_the_reply_in_flight(
    api: FakeBotApi, launch
) -> None:
    bot, port = await launch_webhook(api, launch)
    api.slow("sendMessage", 2.0)
    update = api.make_update({"message": api.text(api.chat(4), QUESTION, queue=False)})
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        assert (await client.post("/hook", json=update, headers=headers)).status_code == 200
    await api.until(lambda: send_calls(api) == 1, timeout=10)
    asked_to_stop = time.monotonic()
    code, err = await bot.stop(signal.SIGTERM)
    assert code == 0, err
    assert time.monotonic() - asked_to_stop < 10
    [reply] = api.sent
    assert "28" in reply.text
    assert "outcome=answer" in err  # its handler finished before the process ended


async def test_missing_webhook_secret_exits_2_with_one_line(api: FakeBotApi, launch) -> None:
    bot = await launch(
        "telegram", "--webhook", TELEGRAM_BOT_TOKEN=api.token, WEBHOOK_URL="https://x.example.com/h"
    )
    code, err = await bot.exit()
    assert code == 2
    assert err.count("\n") == 1 and "WEBHOOK_SECRET" in err
    assert api.calls == []  # refused before talking to anyone


async def test_a_token_the_server_refuses_exits_2_with_one_line(api: FakeBotApi, launch) -> None:
    bot = await launch(TELEGRAM_BOT_TOKEN="999:wrong", TELEGRAM_API_BASE_URL=api.base_url)
    code, err = await bot.exit()
    assert code == 2, err
    assert err.strip().splitlines()[-1].startswith("error: ")
    assert "Traceback" not in err
