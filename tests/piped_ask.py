"""One `python -m bot ask --json` and one `ask --chats` per test worker, fed through stdin.

This is how a user's script pipes questions to the bot (`ask` reads stdin when given no
question, answers each line as it comes and flushes the reply; `ask --chats` does the same for
many conversations, a chat id per line). The hundreds of questions and dialogues the tests ask
then pay for two start-ups instead of one each: start-ups were most of the suite's CPU time.
Each test's conversations get chat ids of their own (its data directory's hash before the name
it gives), so no test sees another's context. A question the pipe cannot carry (a line break,
bytes that are not text) or an environment that changed since the process started gets a
process of its own, as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import selectors
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any

# Variables that only point each test at its own scratch directories: standalone `ask` writes
# nothing there, so the piped process may keep the ones it started with.
_PRIVATE = frozenset(
    {"HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"}
    | {"HOIDAP_DATA_DIR", "PYTEST_CURRENT_TEST"}
)
HANG_AFTER_S = 60.0  # only a hang stops a test here: one reply takes milliseconds


def _settings(env: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k not in _PRIVATE}


def pipeable(question: str) -> bool:
    """A question one stdin line carries exactly as an argument would."""
    if "\n" in question or "\r" in question:
        return False
    try:
        question.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: an argument's undecodable bytes
        return False
    return True


class PipedAsk:
    """The worker's `ask --json` and `ask --chats` processes, each started on first use."""

    def __init__(self, project_dir: Path, scratch: Callable[[], dict[str, str]]) -> None:
        self._plain = _Pipe(project_dir, scratch, ("--json",))
        self._chats = _Pipe(project_dir, scratch, ("--chats",))

    def usable(self, questions: tuple[str, ...]) -> bool:
        return all(pipeable(q) for q in questions)

    def ask(self, questions: tuple[str, ...]) -> list[dict[str, Any]]:
        return [json.loads(self._plain.exchange(q.encode("utf-8"))) for q in questions]

    def ask_in_chat(self, conversation: str, questions: tuple[str, ...]) -> list[dict[str, Any]]:
        """`questions` in the test's chat `conversation`, as `ask --conversation` would take them."""
        test = os.environ.get("HOIDAP_DATA_DIR", "")  # each test's own (tests/conftest.py)
        chat = f"{hashlib.sha256(test.encode()).hexdigest()[:16]}:{conversation}"
        replies = []
        for question in questions:
            line = json.dumps({"chat": chat, "q": question}, ensure_ascii=False)
            reply = json.loads(self._chats.exchange(line.encode("utf-8")))
            assert reply.pop("chat", None) == chat, reply
            replies.append(reply)
        return replies

    def close(self) -> None:
        self._plain.close()
        self._chats.close()


class _Pipe:
    """One `ask` process fed a line per question, started again after any change of settings."""

    def __init__(
        self, project_dir: Path, scratch: Callable[[], dict[str, str]], options: tuple[str, ...]
    ) -> None:
        self._options = options
        self._project_dir = project_dir
        self._scratch = scratch  # private HOME/XDG/data directories for the process
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._started_with: dict[str, str] = {}

    def exchange(self, line: bytes) -> bytes:
        """Write one input line, read its one reply line."""
        process = self._current()
        assert process.stdin is not None
        process.stdin.write(line + b"\n")
        process.stdin.flush()
        return self._reply_line(process)

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=HANG_AFTER_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if self._stderr is not None:
            self._stderr.close()

    def _current(self) -> subprocess.Popen[bytes]:
        settings = _settings(os.environ)
        alive = self._process is not None and self._process.poll() is None
        if not alive or settings != self._started_with:
            self.close()
            self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (kept open with the process)
            self._process = subprocess.Popen(
                [sys.executable, "-m", "bot", "ask", *self._options],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                env={**settings, **self._scratch()},
                cwd=self._project_dir,
            )
            self._started_with = settings
        assert self._process is not None
        return self._process

    def _reply_line(self, process: subprocess.Popen[bytes]) -> bytes:
        """The next reply line; a process that ended or hangs fails the test, with its stderr."""
        assert process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            ready = selector.select(HANG_AFTER_S)
        line = process.stdout.readline() if ready else b""
        if line.endswith(b"\n"):
            return line
        if not ready:
            process.kill()
        process.wait()
        self._process = None
        raise AssertionError(
            f"`ask {' '.join(self._options)}` on stdin gave no reply line (exit {process.returncode}):\n"
            + self._stderr_text()
        )

    def _stderr_text(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", errors="replace")
