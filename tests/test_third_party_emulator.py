"""The bot against a Bot API emulator that is not ours: telegram-test-api (npm), run by node.

It bends the Bot API (no `is_bot` in getMe, dates in milliseconds, callback queries without
`chat_instance`, unknown methods refused), as emulators do. `.ci/run` installs it and sets
TELEGRAM_TEST_API_DIR (the folder holding its node_modules); without it the test is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.answer import Responder
from bot.paths import PROJECT_DIR

EMULATOR_DIR = os.environ.get("TELEGRAM_TEST_API_DIR", "")
TOKEN = "4242:emulator-test-token"
SERVER_JS = """
const TelegramServer = require('telegram-test-api');
const server = new TelegramServer({port: Number(process.argv[2]), host: '127.0.0.1'});
server.start().then(() => console.log('listening'));
process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Emulator:
    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"

    def _post(self, path: str, data: dict) -> dict:
        request = urllib.request.Request(
            self.base + path, json.dumps(data).encode(), {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.load(response)

    def bot_messages(self) -> list[dict]:
        history = self._post("/getUpdatesHistory", {"token": TOKEN})["result"]
        return [u["message"] for u in history if "chat_id" in u.get("message", {})]

    def _wait_for_replies(self, before: int) -> list[dict]:
        deadline = time.monotonic() + 10
        while len(self.bot_messages()) <= before and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # a second reply would have come by now
        return self.bot_messages()[before:]

    def tap(self, message: dict, data: str, chat: int = 501) -> list[dict]:
        """The user taps an inline button of `message`."""
        before = len(self.bot_messages())
        user = {"id": chat, "first_name": "Lan", "username": "lan", "is_bot": False}
        self._post(
            "/sendCallback",
            {
                "botToken": TOKEN,
                "date": int(time.time()),
                "data": data,
                "from": user,
                "message": {**message, "chat": {"id": chat, "type": "private"}, "from": user},
            },
        )
        return self._wait_for_replies(before)

    def say(self, text: str, chat: int = 501) -> list[dict]:
        """A user sends `text`; the bot's replies within a few seconds."""
        before = len(self.bot_messages())
        message = {
            "botToken": TOKEN,
            "date": int(time.time()),
            "text": text,
            "from": {"id": chat, "first_name": "Lan", "username": "lan", "is_bot": False},
            "chat": {"id": chat, "first_name": "Lan", "type": "private"},
        }
        if text.startswith("/"):
            message["entities"] = [
                {"offset": 0, "length": len(text.split()[0]), "type": "bot_command"}
            ]
        self._post("/sendCommand" if text.startswith("/") else "/sendMessage", message)
        return self._wait_for_replies(before)


@pytest.fixture
def emulator(tmp_path: Path):
    if not EMULATOR_DIR or not shutil.which("node"):
        if os.environ.get("CI", "").lower() == "true" and shutil.which("npm"):
            pytest.fail("CI has npm: .ci/run should have installed telegram-test-api")
        pytest.skip("needs node and TELEGRAM_TEST_API_DIR (npm install telegram-test-api)")
    script = tmp_path / "server.js"
    script.write_text(SERVER_JS)
    port = _free_port()
    env = {**os.environ, "NODE_PATH": str(Path(EMULATOR_DIR) / "node_modules")}
    server = subprocess.Popen(
        ["node", str(script), str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert server.stdout is not None
    assert "listening" in server.stdout.readline()
    bot_env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{port}/bot",
    }
    bot = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=PROJECT_DIR,
        env=bot_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield Emulator(port)
        assert bot.poll() is None, "the bot died"
    finally:
        bot.terminate()
        _, stderr = bot.communicate(timeout=15)
        server.terminate()
        server.wait(10)
    assert bot.returncode == 0, stderr[-2000:]
    assert TOKEN not in stderr


def test_the_bot_answers_through_a_third_party_emulator(emulator: Emulator):
    for command in ("/start", "/help", "/about"):
        replies = emulator.say(command)
        assert len(replies) == 1, (command, replies)
    assert "Phong Vân" in emulator.say("/about", chat=502)[0]["text"]
    for question, figure in (
        ("có bao nhiêu thạc sĩ", "28"),
        ("bn cb đc cử đi học llct cao cấp", "26"),
        ("HUYỆN CÓ BAO NHIÊU ĐẢNG VIÊN", "712"),
    ):
        replies = emulator.say(question)
        assert len(replies) == 1 and figure in replies[0]["text"], (question, replies)
    replies = emulator.say("giá vàng hôm nay")
    assert len(replies) == 1 and "không có thông tin" in replies[0]["text"]


def test_buttons_work_through_a_third_party_emulator(emulator: Emulator):
    (clarify,) = emulator.say("bao nhiêu?")  # asks back, with the candidates as buttons
    buttons = [b for row in clarify["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons, clarify
    tapped = buttons[0]["callback_data"]
    replies = emulator.tap(clarify, tapped)
    answer = Responder.load().answer_intent(tapped.removeprefix("q:"))
    assert answer is not None
    assert len(replies) == 1 and answer.text in replies[0]["text"], replies
