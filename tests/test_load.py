"""Load: 200 chats ask 10 questions each, all at once, and each question is answered exactly once.

The bot runs as users run it (`python -m bot telegram --polling`, its own process) against the
fake Bot API on 127.0.0.1; nothing leaves the machine. The figures (updates/s, duration, the bot's
resident memory before, at its peak and after) print with `pytest -s`. Marked `load`: CI runs
these with the rest (about 15 s together); `pytest -m "not load"` leaves them out.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fake_bot_api import Chat, FakeBotApi

from bot.answer import Responder
from bot.kb import load_knowledge
from bot.paths import PROJECT_DIR

pytestmark = [
    pytest.mark.load,
    pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads memory from /proc"),
]

CHATS = 200
PER_CHAT = 10
MEMORY_MARGIN_MB = 25.0  # growth allowed over 2000 updates (the bot starts at about 65 MB)
STALL_S = 30.0  # seconds without a single new answer: the bot hangs (not: the box is slow)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for process {pid}")


def distinct_questions(responder: Responder) -> list[tuple[str, str]]:
    """PER_CHAT (question, reply) pairs whose replies all differ, worded as the bot sends them."""
    chosen: dict[str, str] = {}
    for question in (intent.question for intent in load_knowledge().intents):
        reply = responder.respond(question)
        text = reply.text.strip()
        if reply.status == "answer" and text not in chosen.values():
            chosen[question] = text
    assert len(chosen) >= PER_CHAT, chosen
    return list(chosen.items())[:PER_CHAT]


def ask_all(api: FakeBotApi, chats: list[Chat], rounds: int, questions: list[str]) -> None:
    """Queue `rounds` questions from every chat at once, the chats interleaved."""
    for round_ in range(rounds):
        for i, chat in enumerate(chats):
            api.text(chat, questions[(i + round_) % len(questions)])


def wrong_chats(
    api: FakeBotApi, chats: list[Chat], rounds: int, pairs: list[tuple[str, str]]
) -> list[int]:
    """Chats that did not get each of their answers exactly once (the source line, shown with a
    chat's first answer only, aside)."""
    source = "\n" + Responder.load().source_line
    wrong = []
    for i, chat in enumerate(chats):
        expected = Counter(pairs[(i + r) % len(pairs)][1] for r in range(rounds))
        sent = Counter(s.text.replace(source, "") for s in api.sent if s.chat_id == chat.id)
        if sent != expected:
            wrong.append(chat.id)
    return wrong


@contextlib.asynccontextmanager
async def polling_process(api: FakeBotApi, log: Path) -> AsyncIterator[asyncio.subprocess.Process]:
    """`python -m bot telegram --polling` against `api`, its stderr in `log` (2000 INFO lines
    would fill a pipe nobody reads)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env |= {
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "LOG_LEVEL": "WARNING",
        # the fake shares a loaded CI box with three more test workers: past the default 5 s a
        # reply counts as maybe sent and is never sent again (delivery.py), so a starved fake
        # would lose one; here a slow fake only slows the rush down
        "TELEGRAM_READ_TIMEOUT": "120",
        # ten questions at once from each chat: a burst the default budget would cut short
        "HOIDAP_CHAT_BURST": "20",
        "HOIDAP_CHAT_BACKLOG": "20",
    }
    with log.open("ab") as stderr:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "telegram", "--polling",
            cwd=PROJECT_DIR, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=stderr,
        )  # fmt: skip
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def stop(process: asyncio.subprocess.Process) -> float:
    """SIGTERM; the seconds it took to exit 0."""
    asked = time.monotonic()
    process.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(process.wait(), 15) == 0
    return time.monotonic() - asked


async def test_200_chats_times_10_questions_at_once_none_lost_none_doubled(
    api: FakeBotApi, responder: Responder, tmp_path: Path
) -> None:
    pairs = distinct_questions(responder)
    questions = [q for q, _ in pairs]
    log = tmp_path / "stderr"
    async with polling_process(api, log) as process:
        warm_up = api.chat(1)
        ask_all(api, [warm_up], PER_CHAT, questions)  # every path once: "before" is steady state
        await api.until(lambda: len(api.sent) == PER_CHAT, timeout=30)
        await asyncio.sleep(0.2)
        before = rss_mb(process.pid)

        chats = [api.chat(10_000 + i) for i in range(CHATS)]
        started = time.perf_counter()
        ask_all(api, chats, PER_CHAT, questions)
        total = PER_CHAT + CHATS * PER_CHAT
        peak = before
        answered, progressed = len(api.sent), time.monotonic()
        while len(api.sent) < total:
            peak = max(peak, rss_mb(process.pid))
            if len(api.sent) > answered:  # a stall, not the pace, stops the test: a loaded box
                answered, progressed = len(api.sent), time.monotonic()  # answers slowly
            stalled = time.monotonic() - progressed
            assert stalled < STALL_S, (
                f"no answer for {stalled:.0f} s, {answered - PER_CHAT} answered; the bot's "
                f"log ends: {log.read_text()[-2000:]}"
            )
            assert process.returncode is None, "the bot died"
            await asyncio.sleep(0.05)
        duration = time.perf_counter() - started
        await asyncio.sleep(0.3)  # a duplicate would show up now
        after = rss_mb(process.pid)
        await stop(process)

    print(
        f"\nload: {CHATS} chats x {PER_CHAT} questions = {CHATS * PER_CHAT} updates in "
        f"{duration:.1f} s ({CHATS * PER_CHAT / duration:.0f} updates/s); bot RSS "
        f"{before:.1f} MB before, {peak:.1f} MB peak, {after:.1f} MB after "
        f"({after - before:+.1f} MB)"
    )
    assert len(api.sent) == total  # none doubled
    assert all(c.ok for c in api.calls if c.method == "sendMessage")
    assert wrong_chats(api, chats, PER_CHAT, pairs) == []  # and none lost
    assert api.pending == []
    assert after - before < MEMORY_MARGIN_MB
    err = log.read_text()
    assert "Traceback" not in err and "ERROR" not in err, err[-2000:]


async def test_a_restart_in_the_middle_of_a_rush_loses_nothing_and_doubles_nothing(
    api: FakeBotApi, responder: Responder, tmp_path: Path
) -> None:
    pairs = distinct_questions(responder)
    chats = [api.chat(20_000 + i) for i in range(100)]
    ask_all(api, chats, 5, [q for q, _ in pairs])
    log = tmp_path / "stderr"
    async with polling_process(api, log) as first:
        await api.until(lambda: len(api.sent) >= 50, timeout=30)
        took = await stop(first)  # SIGTERM while hundreds of questions wait
    answered_first = len(api.sent)
    async with polling_process(api, log) as second:
        await api.until(lambda: len(api.sent) >= 500, timeout=40)
        await asyncio.sleep(0.3)  # a duplicate would show up now
        await stop(second)
    print(
        f"\nrestart in a rush: SIGTERM took {took:.2f} s; {answered_first} of 500 answered "
        "before it, the rest after the restart"
    )
    assert took < 10 and answered_first < 500
    assert len(api.sent) == 500
    assert wrong_chats(api, chats, 5, pairs) == []
    assert api.pending == []
    assert "Traceback" not in log.read_text()
