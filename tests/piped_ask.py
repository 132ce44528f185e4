"""One `python -m bot ask --json` per test worker, fed a question per stdin line.

This is how a user's script pipes questions to the bot (`ask` reads stdin when given no
question, answers each line as it comes and flushes the reply). The hundreds of standalone
questions the tests ask then pay for one start-up instead of one each: start-ups were most of
the suite's CPU time. A conversation, a question the pipe cannot carry (a line break, bytes that
are not text) or an environment that changed since the process started gets a process of its
own, as before.
"""

from __future__ import annotations

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
    """The worker's `ask --json` process, started on first use and again after any change."""

    def __init__(self, project_dir: Path, scratch: Callable[[], dict[str, str]]) -> None:
        self._project_dir = project_dir
        self._scratch = scratch  # private HOME/XDG/data directories for the process
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._started_with: dict[str, str] = {}

    def usable(self, questions: tuple[str, ...]) -> bool:
        return all(pipeable(q) for q in questions)

    def ask(self, questions: tuple[str, ...]) -> list[dict[str, Any]]:
        process = self._current()
        assert process.stdin is not None and process.stdout is not None
        replies = []
        for question in questions:
            process.stdin.write(question.encode("utf-8") + b"\n")
            process.stdin.flush()
            replies.append(json.loads(self._reply_line(process)))
        return replies

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
                [sys.executable, "-m", "bot", "ask", "--json"],
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
            f"`ask --json` on stdin gave no reply line (exit {process.returncode}):\n"
            + self._stderr_text()
        )

    def _stderr_text(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", errors="replace")
