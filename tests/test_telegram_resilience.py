"""The bot survives what real deployments throw at it: Bot API servers that lack methods or fail a
call, answers too long for one message, and logs that must never carry the token; files that hold
secrets stay out of git."""

from __future__ import annotations

import asyncio
import logging
import shutil
import subprocess
from dataclasses import replace

import pytest
from conftest import StartBot
from fake_bot_api import FakeBotApi

from bot.answer import Responder
from bot.logs import RedactingFormatter
from bot.paths import PROJECT_DIR
from bot.reply import Reply
from bot.telegram.texts import TelegramTexts

QUESTION = "có bao nhiêu thạc sĩ"


async def test_the_bot_runs_on_a_server_without_optional_methods(
    api: FakeBotApi, start_bot: StartBot
) -> None:
    api.missing |= {"setMyCommands", "deleteWebhook", "answerCallbackQuery", "editMessageText"}
    await start_bot()
    chat = api.chat(1)
    api.text(chat, "/start")
    start = await api.reply_to(chat)
    api.tap(start)
    assert (await api.reply_to(chat)).text
    asked = api.text(chat, "bao nhiêu đảng viên")
    await api.reply_to(chat)
    api.edit(asked, QUESTION)  # no editMessageText: the corrected answer comes as a new message
    assert "28" in (await api.reply_to(chat)).text
    # it did try them all, and got 404 Not Found
    assert set(api.missing) == set(api.methods(ok=False))


async def test_a_failed_reply_becomes_an_apology_and_the_bot_carries_on(
    api: FakeBotApi, start_bot: StartBot, texts: TelegramTexts
) -> None:
    await start_bot()
    chat = api.chat(2)
    api.fail_next("sendMessage", 400, "Bad Request: something went wrong")
    api.text(chat, QUESTION)
    assert (await api.reply_to(chat)).text == texts.apology
    api.text(chat, QUESTION)
    assert "28" in (await api.reply_to(chat)).text


class _Verbose:
    """The real core, except that every answer is long and full of HTML-special characters."""

    def __init__(self, responder: Responder) -> None:
        self._responder = responder

    def respond(self, text: str, **context: object) -> Reply:
        paragraph = " ".join(["Số liệu <28> & 1.999 cán bộ."] * 40)
        reply = self._responder.respond(text, **context)  # type: ignore[arg-type]
        return replace(reply, text="\n\n".join([paragraph] * 12), source="")

    def __getattr__(self, name: str) -> object:
        return getattr(self._responder, name)


async def test_long_answers_are_split_cleanly_and_escaped(
    api: FakeBotApi, start_bot: StartBot, responder: Responder
) -> None:
    await start_bot(_Verbose(responder))
    chat = api.chat(3)
    api.text(chat, QUESTION)
    parts = await api.replies(4)
    expected = _Verbose(responder).respond(QUESTION).text
    assert [len(p.text) <= 4096 for p in parts] == [True] * 4
    assert "\n\n".join(p.text for p in parts) == expected
    assert all("&lt;28&gt; &amp; 1.999" in p.html for p in parts)


async def test_logs_one_line_per_update_and_never_the_token(
    api: FakeBotApi, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await start_bot()
    chat = api.chat(4)
    api.text(chat, QUESTION)
    await api.reply_to(chat)
    for _ in range(200):  # the log line follows the reply by a moment
        if any("outcome=" in r.getMessage() for r in caplog.records):
            break
        await asyncio.sleep(0.01)
    # uvicorn.access is the fake server's own access log (the bot never serves HTTP when polling)
    records = [r for r in caplog.records if r.name != "uvicorn.access"]
    messages = [r.getMessage() for r in records]
    lines = [m for m in messages if "outcome=" in m]
    assert len(lines) == 1
    assert "chat=private outcome=answer intent=masters_sent score=" in lines[0]
    assert "latency_ms=" in lines[0]
    assert not [r for r in records if r.name.startswith("httpx")]  # its lines carry the URL
    info = [r.getMessage() for r in records if r.levelno >= logging.INFO]
    assert all(api.token not in m for m in info)
    assert all(QUESTION not in m for m in info)  # user text only at DEBUG
    assert any(QUESTION in m for m in messages)
    # PTB itself logs its URL at DEBUG: the log handler masks it (see test_telegram_process.py)


def test_the_log_format_masks_secrets_whatever_logs_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter("%(levelname)s %(message)s", ["123:ABC", "s3cret"]))
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    try:
        logger.error("GET http://x/bot%s/getMe with %s", "123:ABC", "s3cret")
    finally:
        logger.removeHandler(handler)
    err = capsys.readouterr().err
    assert "123:ABC" not in err and "s3cret" not in err
    assert "bot[redacted]/getMe" in err


@pytest.mark.parametrize("name", [".env", ".env.production", ".envrc", "bot.pem", "tls.key"])
def test_files_that_hold_secrets_are_ignored_by_git(name: str) -> None:
    if shutil.which("git") is None or not (PROJECT_DIR / ".git").exists():
        pytest.skip("not a git checkout")
    result = subprocess.run(
        ["git", "check-ignore", "--quiet", "--no-index", name], cwd=PROJECT_DIR, timeout=30
    )
    assert result.returncode == 0, f"{name} is not in .gitignore"
