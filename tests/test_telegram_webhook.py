"""Webhook mode: Telegram POSTs updates to the bot's own HTTP server, which checks the secret."""

from __future__ import annotations

import pytest
from conftest import WEBHOOK_SECRET, WEBHOOK_URL, WebhookBot
from fake_bot_api import FakeBotApi

from bot.__main__ import main as cli
from bot.config import Mode
from bot.telegram.app import run

QUESTION = "có bao nhiêu thạc sĩ"


def question_update(api: FakeBotApi, chat_id: int, text: str = QUESTION) -> dict[str, object]:
    return api.make_update({"message": api.text(api.chat(chat_id), text, queue=False)})


async def test_the_webhook_is_registered_with_its_secret_at_start(
    api: FakeBotApi, webhook_bot: WebhookBot
) -> None:
    [call] = await api.wait_for("setWebhook")
    assert call.params["url"] == WEBHOOK_URL
    assert call.params["secret_token"] == WEBHOOK_SECRET
    assert api.token not in call.params["url"]
    await api.wait_for("setMyCommands")
    assert "deleteWebhook" not in api.methods()


async def test_an_update_with_the_right_secret_is_answered(
    api: FakeBotApi, webhook_bot: WebhookBot
) -> None:
    response = await webhook_bot.post_update(question_update(api, 1))
    assert response.status_code == 200
    [reply] = await api.replies(1)
    assert reply.chat_id == 1 and "28" in reply.text


@pytest.mark.parametrize("secret", [None, "", "wrong", WEBHOOK_SECRET + "x", WEBHOOK_SECRET[:-1]])
async def test_a_wrong_or_missing_secret_is_refused_and_not_processed(
    api: FakeBotApi, webhook_bot: WebhookBot, secret: str | None
) -> None:
    response = await webhook_bot.post_update(question_update(api, 2), secret=secret)
    assert response.status_code == 403
    # The next genuine update is answered, and it is the only thing ever sent.
    await webhook_bot.post_update(question_update(api, 3))
    [reply] = await api.replies(1)
    assert reply.chat_id == 3
    assert len(api.sent) == 1


async def test_buttons_work_over_the_webhook(api: FakeBotApi, webhook_bot: WebhookBot) -> None:
    await webhook_bot.post_update(question_update(api, 4, "/start"))
    chat = api.chat(4)
    start = await api.reply_to(chat)
    query = {
        "id": "q1",
        "from": {"id": 4, "is_bot": False, "first_name": "Lan"},
        "message": start.message,
        "chat_instance": "ci4",
        "data": start.buttons[0][1],
    }
    await webhook_bot.post_update(api.make_update({"callback_query": query}))
    reply = await api.reply_to(chat)
    assert reply.text


async def test_health_check_answers_200(webhook_bot: WebhookBot) -> None:
    response = await webhook_bot.client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"ok": True}


async def test_other_requests_are_refused(webhook_bot: WebhookBot) -> None:
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    assert (await webhook_bot.client.get("/tg-hook")).status_code == 405
    assert (await webhook_bot.client.post("/other", json={}, headers=headers)).status_code == 404
    bad = await webhook_bot.client.post("/tg-hook", content=b"not json", headers=headers)
    assert bad.status_code == 400
    assert (await webhook_bot.client.post("/tg-hook", json=[1], headers=headers)).status_code == 400


# --- configuration -------------------------------------------------------------------------


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (
        "TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "WEBHOOK_URL", "WEBHOOK_SECRET",
        "PORT", "LOG_LEVEL", "TELEGRAM_READ_TIMEOUT",
    ):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    return monkeypatch


@pytest.mark.parametrize(
    ("mode", "env", "needle"),
    [
        ("webhook", {"WEBHOOK_URL": "https://x.example.com/hook"}, "WEBHOOK_SECRET"),
        (None, {"WEBHOOK_URL": "https://x.example.com/hook"}, "WEBHOOK_SECRET"),
        ("webhook", {"WEBHOOK_SECRET": "abc"}, "WEBHOOK_URL"),
        ("polling", {"TELEGRAM_BOT_TOKEN": ""}, "TELEGRAM_BOT_TOKEN"),
        ("polling", {"PORT": "eighty"}, "PORT"),
        ("polling", {"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ("polling", {"TELEGRAM_API_BASE_URL": "ftp://x"}, "TELEGRAM_API_BASE_URL"),
        ("polling", {"TELEGRAM_READ_TIMEOUT": "0"}, "TELEGRAM_READ_TIMEOUT must be a number"),
        ("polling", {"TELEGRAM_READ_TIMEOUT": "soon"}, "TELEGRAM_READ_TIMEOUT"),
    ],
)
def test_bad_configuration_is_one_line_and_exit_code_2(
    clean_env: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    mode: Mode | None,
    env: dict[str, str],
    needle: str,
) -> None:
    for name, value in env.items():
        clean_env.setenv(name, value)
    assert run(mode) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert needle in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "needle"),
    [(["--polling", "--webhook"], "not allowed"), (["--fast"], "unrecognized")],
)
def test_bad_telegram_flags_exit_2_without_a_traceback(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    assert cli(["telegram", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err
