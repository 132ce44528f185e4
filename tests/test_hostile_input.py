"""Hostile input through every front end: `ask` (arguments and stdin), the console, Telegram.

Whatever arrives — nothing, a megabyte, control characters, invisible or right-to-left marks,
other scripts, HTML, Markdown, SQL — the bot answers each message once, sensibly, injects nothing
into Telegram's HTML, and keeps running.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import run_cli, spawn_console
from fake_bot_api import BOT_USER, FakeBotApi, Sent

from bot.telegram.texts import TelegramTexts

QUESTION = "có bao nhiêu thạc sĩ"

# One line each (no "\n"): the same strings go to `ask` as arguments, as stdin lines, and to
# Telegram as messages.
HOSTILE = {
    "empty": "",
    "whitespace": " \t  \u00a0\u3000 ",
    "4096 characters": (QUESTION + " ") * 204 + "x" * 20,
    "control characters": "\x01\x07\x08\x1b[31mthạc sĩ\x1b[0m\x7f\x9b\r\x0b\x0c",
    "zero-width marks": "th\u200bạc\u200c s\u200dĩ\ufeff\u2060",
    "bidi marks": "\u202ecó bao nhiêu\u202c \u2066thạc sĩ\u2069\u200f\u061c",
    "line separators": "có bao nhiêu\u2028thạc sĩ\u2029\x85",
    "emoji only": "😀🎉👍🏽🇻🇳‍❤️‍🔥",
    "Chinese": "越南奠边东县有多少干部？",
    "Cyrillic": "Сколько кадров в уезде?",
    "Arabic": "كم عدد الموظفين؟",
    "combining marks": "a" + "\u0301\u0323" * 300,
    "html bold": "<b>có bao nhiêu thạc sĩ</b>",
    "html script": "<script>alert('x')</script>",
    "html entities": "&amp; &lt;b&gt; &#0; &#x110000; &nbsp;",
    "broken html": "<b><i>thạc sĩ</b> <a href='javascript:alert(1)'>",
    "markdown": "*_[có bao nhiêu](http://x)_* `thạc` ~~sĩ~~ ||spoiler|| \\",
    "sql": "'; DROP TABLE users; --",
    "sql or": "1' OR '1'='1' /* thạc sĩ */",
    "format strings": "{title} {0} {bot_username!r} %s %(x)s ${PATH}",
    "one long word": "x" * 5000,
}
NO_NUL = {name: text for name, text in HOSTILE.items() if "\x00" not in text}


def output_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    """stdout cut at "\\n" only, as `ask` reads its input (U+2028 and kin stay inside a line)."""
    out = result.stdout.decode("utf-8")
    assert out.endswith("\n")
    return out[:-1].split("\n")


# --- python -m bot ask ---------------------------------------------------------------------


@pytest.mark.parametrize("as_json", [True, False], ids=["json", "plain"])
def test_ask_answers_each_hostile_argument_on_one_line(as_json: bool) -> None:
    questions = list(NO_NUL.values())  # an argument cannot hold a NUL byte
    result = run_cli("ask", *(["--json"] if as_json else []), "--", *questions)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    lines = output_lines(result)
    assert len(lines) == len(questions)
    if as_json:
        objects = [json.loads(line) for line in lines]
        assert [o["question"] for o in objects] == questions
        assert all(o["answer"].strip() and 0 <= o["score"] <= 100 for o in objects)
    else:
        assert all(line.strip() for line in lines)


def test_ask_reads_hostile_stdin_one_output_line_per_input_line() -> None:
    lines = [*HOSTILE.values(), "\x00\x00 thạc sĩ \x00", QUESTION]
    lines.insert(5, ("có bao nhiêu thạc sĩ 😀 <b> " * 40_000)[:1_000_000])  # 1 MB on one line
    stdin = "\n".join(lines).encode("utf-8") + b"\n"
    result = run_cli("ask", "--json", stdin=stdin)
    assert result.returncode == 0, result.stderr.decode()
    objects = [json.loads(line) for line in output_lines(result)]
    assert len(objects) == len(lines)
    assert objects[-1]["intent"] == "masters_sent"  # still answering properly at the end


def test_ask_plain_survives_a_megabyte_without_a_newline() -> None:
    result = run_cli("ask", stdin=b"<script>" * 131_072)  # 1 MB, no final newline
    assert result.returncode == 0, result.stderr.decode()
    assert len(output_lines(result)) == 1


# --- the console ---------------------------------------------------------------------------


def test_the_interactive_console_takes_hostile_lines_in_its_stride() -> None:
    pexpect = pytest.importorskip("pexpect")
    child = spawn_console("console")
    child.expect("Bạn hỏi: ")
    # printable ones only: a terminal turns control characters into signals and editing keys
    for name in ("empty", "html script", "sql", "emoji only", "Chinese", "zero-width marks"):
        child.sendline(HOSTILE[name])
        child.expect("Bạn hỏi: ")
        assert "Traceback" not in child.before
    child.sendline(QUESTION)
    child.expect("28")
    child.expect("Bạn hỏi: ")
    child.sendline("/quit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


# --- Telegram ------------------------------------------------------------------------------

# Telegram never delivers an empty or blank text, nor one over 4096 characters.
TELEGRAM = {
    name: text
    for name, text in HOSTILE.items()
    if text.strip() and len(text.encode("utf-16-le")) // 2 <= 4096
}
TELEGRAM |= {
    "emoji, 4096 units": "😀" * 2048,
    "ask with html": "/ask <script>alert(1)</script> thạc sĩ",
    "not a command": "/<b>",
    "unknown command": "/drop_table",
}


def sent_to(api: FakeBotApi, chat_id: int) -> list[Sent]:
    return [s for s in api.sent if s.chat_id == chat_id]


def refused_sends(api: FakeBotApi) -> list[tuple[str, str | None]]:
    """Messages and edits the fake refused (its HTML check is as strict as Telegram's); an edit
    that changes nothing is refused too, and harmless."""
    return [
        (c.method, c.error)
        for c in api.calls
        if c.method in ("sendMessage", "editMessageText")
        and c.status == 400
        and "not modified" not in (c.error or "")
    ]


async def barrier(api: FakeBotApi) -> None:
    checkpoint = api.chat(999_999)
    api.text(checkpoint, "/help")
    await api.reply_to(checkpoint, timeout=10)


@pytest.mark.usefixtures("polling_bot")
async def test_each_hostile_message_gets_exactly_one_clean_reply(
    api: FakeBotApi, texts: TelegramTexts
) -> None:
    chats = {name: api.chat(100 + i) for i, name in enumerate(TELEGRAM)}
    for name, chat in chats.items():
        api.text(chat, TELEGRAM[name])
    forwarded = api.chat(99)
    api.forwarded(forwarded, HOSTILE["html bold"])
    for chat in [*chats.values(), forwarded]:
        await api.reply_to(chat, timeout=10)
    await barrier(api)
    assert {name: len(sent_to(api, chat.id)) for name, chat in chats.items()} == dict.fromkeys(
        chats, 1
    )
    assert len(sent_to(api, forwarded.id)) == 1
    assert refused_sends(api) == []  # nothing the user wrote broke or entered the HTML
    assert texts.apology not in [s.text for s in api.sent]
    assert all("<script>" not in s.html for s in api.sent)


@pytest.mark.usefixtures("polling_bot")
async def test_hostile_edits_update_the_answer_in_place(api: FakeBotApi) -> None:
    chat = api.chat(200)
    asked = api.text(chat, QUESTION)
    first = await api.reply_to(chat)
    edits = ("html script", "broken html", "bidi marks", "emoji only", "markdown")
    for name in edits:
        asked = api.edit(asked, TELEGRAM[name])
    await api.until(lambda: [c.method for c in api.calls].count("editMessageText") == len(edits))
    await barrier(api)
    assert [s.message_id for s in sent_to(api, chat.id)] == [first.message_id]
    assert refused_sends(api) == []


@pytest.mark.usefixtures("polling_bot")
async def test_groups_ignore_what_is_addressed_to_other_bots(api: FakeBotApi) -> None:
    group = api.chat(-100_900, "supergroup")
    for text in (
        "/help@otherbot",
        "/start@otherbot",
        f"/ask@otherbot {QUESTION}",
        f"@otherbot {QUESTION}",
        HOSTILE["html script"],  # people talking among themselves
    ):
        api.text(group, text)
    api.forwarded(group, QUESTION)
    edited = api.text(group, "xin chào mọi người")
    api.edit(edited, f"{HOSTILE['sql']} @otherbot")
    await barrier(api)
    assert sent_to(api, group.id) == []
    api.text(group, f"/help@{BOT_USER['username']}")
    assert "/ask" in (await api.reply_to(group)).text
    api.text(group, f"@{BOT_USER['username']} {HOSTILE['html bold']}")
    assert "28" in (await api.reply_to(group)).text
    await barrier(api)
    assert len(sent_to(api, group.id)) == 2 and refused_sends(api) == []
