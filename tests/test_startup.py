"""Start-up as a platform sees it: the real process, its port, its exit code and its stderr.

The port answers at once (503 until updates can arrive), SIGTERM ends every stage of start-up,
and what Telegram or the database refuses ends the process with one line naming the setting,
never a secret.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import signal
import time

import httpx
import pytest
import test_telegram_process
from fake_bot_api import FakeBotApi
from test_telegram_process import QUESTION, free_port

launch = test_telegram_process.launch  # the fixture: `python -m bot` as a real process

SECRET = "startup_Secret-1"


def webhook_env(api: FakeBotApi | None, port: int, **extra: str) -> dict[str, str]:
    base = api.base_url if api else f"http://127.0.0.1:{free_port()}/bot"  # nobody listens there
    return {
        "TELEGRAM_BOT_TOKEN": api.token if api else "123:unreachable",
        "TELEGRAM_API_BASE_URL": base,
        "WEBHOOK_URL": "https://bot.example.com/hook",
        "WEBHOOK_SECRET": SECRET,
        "PORT": str(port),
        **extra,
    }


async def health(port: int) -> int:
    async with httpx.AsyncClient(timeout=2) as client:
        return (await client.get(f"http://127.0.0.1:{port}/healthz")).status_code


async def first_health(port: int, timeout: float = 5.0) -> int:
    """The first answer of /healthz, as a platform polling it from the start would get it."""
    async with asyncio.timeout(timeout):
        while True:
            try:
                return await health(port)
            except httpx.TransportError:
                await asyncio.sleep(0.02)


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


async def test_with_the_bot_api_unreachable_the_port_answers_503_and_sigterm_ends_it(
    launch,
) -> None:
    port = free_port()
    started = time.monotonic()
    bot = await launch("telegram", "--webhook", **webhook_env(None, port))
    # (on an idle machine the port answers about a second after the start; a test under
    # xdist shares the CPU, so its bound is the platforms' own 60 s boot limit at most)
    assert await first_health(port, timeout=30) == 503
    assert time.monotonic() - started < 60
    await bot.wait_for_log("not reachable yet")  # getMe is being retried
    asked = time.monotonic()
    code, err = await bot.stop(signal.SIGTERM)
    assert code == 0, err
    assert time.monotonic() - asked < 5


async def test_health_is_503_until_the_webhook_is_registered_then_200(
    api: FakeBotApi, launch
) -> None:
    api.fail("setWebhook", times=1000, status=502, description="Bad Gateway")
    port = free_port()
    bot = await launch("telegram", "--webhook", **webhook_env(api, port))
    assert await first_health(port, timeout=30) == 503
    await api.until(lambda: "setWebhook" in api.methods(ok=False), timeout=20)
    assert await health(port) == 503  # getMe worked, setWebhook did not (yet)
    api.clear_faults("setWebhook")
    await bot.wait_for_log("webhook registered")
    assert await health(port) == 200
    code, err = await bot.stop()
    assert code == 0 and "Traceback" not in err


async def test_a_webhook_telegram_refuses_ends_the_process_with_exit_2(
    api: FakeBotApi, launch
) -> None:
    port = free_port()
    env = webhook_env(api, port, WEBHOOK_URL="http://bot.example.com/hook")
    bot = await launch("telegram", "--webhook", **env)
    code, err = await bot.exit(timeout=20)
    assert code == 2
    assert "WEBHOOK_URL" in one_error_line(err) and "https url must be provided" in err


@pytest.mark.parametrize("mode", ["--webhook", "--polling"])
async def test_a_refused_token_never_shows_the_token_or_url_credentials(
    api: FakeBotApi, launch, mode: str
) -> None:
    token = "999999:NotTheRightToken_abcdefgh"
    base = f"http://apiuser:apiPassw0rd@127.0.0.1:{api.port}/bot"
    env = webhook_env(api, free_port(), TELEGRAM_BOT_TOKEN=token, TELEGRAM_API_BASE_URL=base)
    bot = await launch("telegram", mode, LOG_LEVEL="DEBUG", **env)
    code, err = await bot.exit(timeout=20)
    assert code == 2
    assert "TELEGRAM_BOT_TOKEN" in one_error_line(err)
    for secret in (token, "NotTheRightToken", "apiPassw0rd", SECRET):
        assert secret not in err


@pytest.mark.parametrize(
    "url", ["postgresql://hoidap:dbPassw0rd@127.0.0.1:9/hoidap", "nosuchdb://u:dbPassw0rd@h/x"]
)
@pytest.mark.parametrize("mode", ["--webhook", "--polling"])
async def test_an_unusable_database_url_is_one_line_exit_2_password_masked(
    api: FakeBotApi, launch, url: str, mode: str
) -> None:
    bot = await launch("telegram", mode, DATABASE_URL=url, **webhook_env(api, free_port()))
    code, err = await bot.exit(timeout=30)
    assert code == 2, err
    assert "dbPassw0rd" not in err
    assert "error: " in err and "Traceback" not in err
    assert "sendMessage" not in api.methods()


async def test_polling_takes_no_update_before_the_database_is_checked(
    api: FakeBotApi, launch
) -> None:
    """The store opens once polling is up (bot/telegram/opening.py): a database refused then
    ends the process before any update is taken, and the updates wait at Telegram."""
    api.text(api.chat(3), QUESTION)
    url = "postgresql://hoidap:dbPassw0rd@127.0.0.1:9/hoidap"
    bot = await launch("telegram", "--polling", DATABASE_URL=url, **webhook_env(api, free_port()))
    code, err = await bot.exit(timeout=30)
    assert code == 2 and "DATABASE_URL" in one_error_line(err)
    assert "getUpdates" in api.methods()  # polling was up before the database was checked
    assert [u["message"]["text"] for u in api.pending] == [QUESTION]  # fetched, not confirmed
    assert "sendMessage" not in api.methods()


async def test_on_a_platform_with_an_ephemeral_disk_the_log_is_said_to_be_temporary(
    api: FakeBotApi, launch
) -> None:
    bot = await launch(
        "telegram", "--polling", TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_BASE_URL=api.base_url, DYNO="worker.1",
    )  # fmt: skip
    await bot.wait_for_log("wiped")
    code, err = await bot.stop()
    assert code == 0 and err.count("wiped") == 1


# Each start-up call (getMe, getWebhookInfo, setMyCommands, deleteWebhook, getUpdates) at least
# once; "after" where a stage ends with that answer (the lost signal), "before" where PTB's stop
# raised through a finishing stage (6 of the 10 pairs: each is a bot process, CI time)
POLLING_START = [
    ("getMe", "before_answer"),
    ("getWebhookInfo", "after_answer"),
    ("setMyCommands", "before_answer"),
    ("setMyCommands", "after_answer"),
    ("deleteWebhook", "before_answer"),
    ("getUpdates", "before_answer"),  # (its first answer waits out a 10 s long poll)
]


@pytest.mark.parametrize(("method", "when"), POLLING_START)
async def test_sigterm_at_each_call_of_polling_start_up_ends_the_bot(
    api: FakeBotApi, launch, method: str, when: str
) -> None:
    """SIGTERM as the bot waits for a start-up call, or just as its answer arrives (the start-up
    stage ends as the signal is handled): never lost, always a clean exit 0."""
    launched = asyncio.Event()
    bots = []

    async def terminate() -> None:
        await launched.wait()
        bots[0].process.send_signal(signal.SIGTERM)

    getattr(api, when)[method] = terminate
    bots.append(await launch("telegram", "--polling", **webhook_env(api, free_port())))
    launched.set()
    code, err = await bots[0].exit(timeout=30)
    assert code == 0, err
    assert "Traceback" not in err


async def test_polling_where_a_webhook_is_registered_stops_unless_told_to_take_over(
    api: FakeBotApi, launch
) -> None:
    api.webhook_url = "https://prod.example.com/secret-path"
    env = {"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url}
    bot = await launch("telegram", "--polling", **env)
    code, err = await bot.exit(timeout=20)
    assert code == 2
    line = one_error_line(err)
    assert "--take-over" in line and "secret-path" not in line
    assert "deleteWebhook" not in api.methods() and api.webhook_url
    bot = await launch("telegram", "--polling", "--take-over", **env)
    chat = api.chat(5)
    api.text(chat, QUESTION)
    assert "28" in (await api.reply_to(chat, timeout=20)).text
    assert not api.webhook_url
    code, err = await bot.stop()
    assert code == 0


async def test_a_base64_secret_is_registered_in_telegrams_alphabet_and_checked(
    api: FakeBotApi, launch
) -> None:
    secret = base64.b64encode(bytes(range(200, 232))).decode()  # as Render generates: + / =
    port = free_port()
    bot = await launch("telegram", "--webhook", **webhook_env(api, port, WEBHOOK_SECRET=secret))
    await bot.wait_for_log("webhook registered")
    token = hashlib.sha256(secret.encode()).hexdigest()
    assert api.webhook_secret == token
    update = api.make_update({"message": api.text(api.chat(6), QUESTION, queue=False)})
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        header = "X-Telegram-Bot-Api-Secret-Token"
        assert (await client.post("/hook", json=update, headers={header: token})).status_code == 200
    assert "28" in (await api.reply_to(api.chat(6))).text
    code, err = await bot.stop()
    assert code == 0 and secret not in err and token not in err
