"""Fixtures: the knowledge base, a fake Bot API server, the bot running against it, the CLI.

No test touches the user's own files: HOME, the XDG directories (the console's history) and the
store's data directory point at scratch directories, for the tests and every process they start.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest
from fake_bot_api import FakeBotApi
from hypothesis import settings as hypothesis_settings
from piped_ask import PipedAsk

from bot.answer import Responder
from bot.config import Settings
from bot.paths import PROJECT_DIR
from bot.telegram.app import build_application
from bot.telegram.polling import StopRequest, run_polling
from bot.telegram.texts import TelegramTexts, load_texts
from bot.telegram.webhook import WebhookServer

WEBHOOK_SECRET = "test_Secret-123"
_PIPED = PipedAsk(PROJECT_DIR, lambda: _user_dirs(Path(tempfile.mkdtemp(prefix="hoidap-piped-"))))


# A failure is the same failure on every run and every machine, and never outlives its run in
# .hypothesis/ (HYPOTHESIS_PROFILE=explore searches at random, still without the database).
hypothesis_settings.register_profile("ci", derandomize=True, database=None, deadline=None)
hypothesis_settings.register_profile("explore", database=None, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# What a developer's shell may set that would change what the bot under test does.
_SETTINGS = (
    "TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "WEBHOOK_URL", "WEBHOOK_SECRET", "PORT",
    "LOG_LEVEL", "DATABASE_URL", "HOIDAP_RETENTION_DAYS", "HOIDAP_HASH_SALT", "HOIDAP_HASH_KEY",
    "TELEGRAM_READ_TIMEOUT", "HOIDAP_CHAT_PER_MINUTE", "HOIDAP_GROUP_PER_MINUTE",
    "HOIDAP_CHAT_BURST", "HOIDAP_CHAT_BACKLOG",
)  # fmt: skip
_USER_DIRS = ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")


def _user_dirs(root: Path) -> dict[str, str]:
    """HOME, the XDG directories and the store's data directory, all under `root`."""
    dirs = {"HOME": root / "home", **{name: root / name.lower() for name in _USER_DIRS}}
    for path in dirs.values():
        path.mkdir(parents=True)
    return {
        **{name: str(path) for name, path in dirs.items()},
        "HOIDAP_DATA_DIR": str(root / "data"),
    }


def pytest_configure(config: pytest.Config) -> None:
    """Before any test module is imported (some copy the environment then)."""
    for name in _SETTINGS:
        os.environ.pop(name, None)
    os.environ.update(_user_dirs(Path(tempfile.mkdtemp(prefix="hoidap-tests-"))))


def pytest_sessionfinish() -> None:
    _PIPED.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that take minutes (every eval question, the load tests) are dealt out, one at a
    time, to the start of each worker's share: xdist's worksteal hands worker i the i-th
    contiguous slice of this list and others steal only from a slice's tail, so slow tests
    sorted together would run one after another on one worker (order is kept otherwise, and no
    test depends on it)."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    slow = [item for item in items if any(item.get_closest_marker(m) for m in _SLOW)]
    fast = [item for item in items if all(item.get_closest_marker(m) is None for m in _SLOW)]
    items[:] = _dealt(slow, fast, workers)


def _dealt(slow: list[pytest.Item], fast: list[pytest.Item], workers: int) -> list[pytest.Item]:
    """`slow` dealt round-robin to the heads of `workers` slices sized as worksteal first sizes
    them (slice i: what is left // the workers left), `fast` filling each slice in order."""
    left, shares = len(slow) + len(fast), []
    for i in range(workers):
        shares.append(left // (workers - i))
        left -= shares[-1]
    heads: list[list[pytest.Item]] = [slow[i::workers] for i in range(workers)]
    dealt: list[pytest.Item] = []
    rest = iter(fast)
    for head, size in zip(heads, shares, strict=True):
        dealt.extend(head)
        dealt.extend(itertools.islice(rest, max(0, size - len(head))))
    dealt.extend(rest)
    return dealt


_SLOW = ("every_question", "load")


@pytest.fixture(autouse=True)
def private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test its own HOME, XDG directories and data directory (history, store)."""
    for name, value in _user_dirs(tmp_path_factory.mktemp("user")).items():
        monkeypatch.setenv(name, value)


@pytest.fixture(autouse=True)
def untouched_logging() -> Iterator[None]:
    """A test that configures logging (bot.logs, as every process does at start) leaves the
    root logger as it found it: a level it raised would hide later tests' records."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    quiet = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, value in quiet.items():
        logging.getLogger(name).setLevel(value)


WEBHOOK_URL = "https://hoi-dap.example.com/tg-hook"


@pytest.fixture(scope="session")
def responder() -> Responder:
    return Responder.load()


@pytest.fixture(scope="session")
def texts() -> TelegramTexts:
    return load_texts()


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as server:
        yield server


class PollingBot:
    """The bot exactly as `run_polling` runs it, on its own thread and event loop.

    PTB's run_polling owns its loop, so it cannot share the test's; the two meet only over HTTP.
    """

    def __init__(self, application: Any) -> None:
        self.application = application
        self._loop = asyncio.new_event_loop()
        self._stop = StopRequest()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="polling-bot", daemon=True)

    def _run(self) -> None:
        try:
            run_polling(self.application, handle_signals=False, loop=self._loop, stop=self._stop)
        except BaseException as exc:
            self._error = exc

    async def start(self, timeout: float = 10.0) -> None:
        self._thread.start()
        deadline = asyncio.get_running_loop().time() + timeout
        while not (self.application.running and self.application.updater.running):
            if not self._thread.is_alive():
                raise RuntimeError("the bot stopped during start-up") from self._error
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError("the bot did not start")
            await asyncio.sleep(0.01)

    async def handled_all(self, api: FakeBotApi, timeout: float = 10.0) -> None:
        """Wait until the bot has handled every update `api` has queued so far.

        Fetched: its next getUpdates confirmed them, and PTB puts a batch on its update queue
        before asking for the next. Handled: that queue is joined (PTB marks an update done
        once its handlers have finished, replies sent).
        """
        await api.until(lambda: not api.pending, timeout)
        joined = asyncio.run_coroutine_threadsafe(self.application.update_queue.join(), self._loop)
        await asyncio.wait_for(asyncio.wrap_future(joined), timeout)

    async def stopped_by_itself(self, timeout: float = 15) -> None:
        """Wait for the bot's thread to end without being asked here (its stop came otherwise)."""
        await asyncio.to_thread(self._thread.join, timeout)
        assert not self._thread.is_alive(), "the bot did not stop"
        if self._error is not None:
            raise self._error

    def on_its_loop(self, call: Callable[[], object]) -> None:
        self._loop.call_soon_threadsafe(call)

    async def stop(self) -> None:
        with contextlib.suppress(RuntimeError):  # (its loop closed already: it stopped by itself)
            self._loop.call_soon_threadsafe(self._stop.request)  # kept, whatever stage it lands in
        await asyncio.to_thread(self._thread.join, 15)
        assert not self._thread.is_alive(), "the bot did not stop"
        if self._error is not None:
            raise self._error


StartBot = Callable[..., Awaitable[PollingBot]]


@pytest.fixture
async def start_bot(
    api: FakeBotApi, responder: Responder, texts: TelegramTexts
) -> AsyncIterator[StartBot]:
    """Start the polling bot against `api` (configure `api` first, e.g. its missing methods).

    `start(core)` swaps in a stand-in for the Responder, for the few tests that need odd answers.
    """
    bots: list[PollingBot] = []

    async def start(core: Any = None, **overrides: Any) -> PollingBot:
        settings = Settings(token=api.token, base_url=api.base_url, **overrides)
        bot = PollingBot(build_application(settings, core or responder, texts))
        bots.append(bot)
        await bot.start()
        return bot

    yield start
    for bot in bots:
        await bot.stop()


@pytest.fixture
async def polling_bot(start_bot: StartBot) -> PollingBot:
    return await start_bot()


class WebhookBot:
    """The webhook server on 127.0.0.1 and an HTTP client pointed at it."""

    def __init__(self, server: WebhookServer, client: httpx.AsyncClient) -> None:
        self.server = server
        self.client = client

    async def post_update(
        self, update: dict[str, Any], secret: str | None = WEBHOOK_SECRET, path: str = "/tg-hook"
    ) -> httpx.Response:
        headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
        return await self.client.post(path, json=update, headers=headers)


@pytest.fixture
async def webhook_bot(
    api: FakeBotApi, responder: Responder, texts: TelegramTexts
) -> AsyncIterator[WebhookBot]:
    settings = Settings(
        token=api.token,
        mode="webhook",
        base_url=api.base_url,
        webhook_url=WEBHOOK_URL,
        webhook_secret=WEBHOOK_SECRET,
        port=0,
    )
    application = build_application(settings, responder, texts, with_updater=False)
    server = WebhookServer(application, settings, host="127.0.0.1")
    task = asyncio.create_task(server.run(handle_signals=False))
    await api.wait_for("setWebhook", timeout=10)
    await api.until(lambda: server.ready, timeout=10)  # /healthz 200: updates are taken
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.port}", timeout=5) as client:
        yield WebhookBot(server, client)
    server.stop()
    await asyncio.wait_for(task, 15)


def ask_json(*questions: str, conversation: str | None = None) -> list[dict]:
    """`python -m bot ask --json` over `questions` (in one chat with `conversation`): one reply
    object per question, as a user's script reads them. They go down the worker's stdin pipe to
    one running `ask --json`, or `ask --chats` in a conversation (tests/piped_ask.py); what a
    pipe cannot carry starts a process of its own. A test about what one process leaves to the
    next calls `run_cli` itself."""
    if _PIPED.usable(questions):
        if conversation is None:
            return _PIPED.ask(questions)
        return _PIPED.ask_in_chat(conversation, questions)
    args = ["ask", "--json", *(["--conversation", conversation] if conversation else [])]
    result = run_cli(*args, *questions)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def run_cli(
    *args: str,
    stdin: str | bytes = b"",
    env: Mapping[str, str] | None = None,
    text: bool = False,
    hang_after: float = 60,
) -> subprocess.CompletedProcess[Any]:
    """`python -m bot [args]` as a user runs it from the project root; `env` adds variables.
    `hang_after` only stops a process that hangs: no test measures time by it."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=data.decode() if text else data,
        capture_output=True,
        text=text,
        env={**os.environ, **(env or {})},
        cwd=PROJECT_DIR,
        timeout=hang_after,
    )


def wait_until_blocked_on_the_terminal(child: Any, within: float = 20.0) -> None:
    """Return once the child's main thread sleeps in select/poll/read on its terminal.

    A signal that lands after readline printed its prompt but before it entered select()
    stays pending until the next key (CPython's readline loop checks signals only when
    select() is interrupted), so a test that sends Ctrl-C must wait for that state, an
    event the kernel reports in /proc, rather than for the prompt alone. Where /proc says
    nothing (not Linux), it returns at once.
    """
    import time

    wchan_path = Path(f"/proc/{child.pid}/wchan")
    stat_path = Path(f"/proc/{child.pid}/stat")
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            wchan = wchan_path.read_text()
            state = stat_path.read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return
        if state == "S" and any(w in wchan for w in ("poll", "select", "tty", "wait_woken")):
            return
        if wchan in ("", "0") and state == "S":
            return  # the kernel hides wchan: sleeping is the best sign there is
        time.sleep(0.01)
    raise AssertionError(f"the console never waited for keys (wchan {wchan!r}, state {state})")


def spawn_console(*args: str, env: Mapping[str, str] | None = None) -> Any:
    """`python -m bot [args]` in a pseudo-terminal (pexpect), as a person at a keyboard."""
    pexpect = pytest.importorskip("pexpect")
    return pexpect.spawn(
        sys.executable,
        ["-m", "bot", *args],
        cwd=str(PROJECT_DIR),
        env={**os.environ, **(env or {})},
        encoding="utf-8",
        timeout=20,
    )
