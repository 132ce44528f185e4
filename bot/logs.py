"""Logging for every process: one handler on stderr, secrets masked, expected Bot API errors on one line.

The Telegram bot logs with timestamps at LOG_LEVEL (INFO by default); the command-line tools log
only what goes wrong (WARNING), bare, as Python would without any set-up.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Sequence

SERVICE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
TOOL_FORMAT = "%(message)s"


class RedactingFormatter(logging.Formatter):
    """Belt and braces: whatever a library logs, the token and webhook secret come out masked."""

    def __init__(self, fmt: str, secrets: Sequence[str]) -> None:
        super().__init__(fmt)
        self._secrets = tuple(s for s in secrets if s)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return text


class TelegramErrorsInOneLine(logging.Filter):
    """PTB logs expected Bot API failures (server unreachable, token refused) with a full
    traceback; for those, the exception's own message says everything."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is None or not record.name.startswith("telegram"):
            return True
        from telegram.error import TelegramError  # loaded already: a telegram logger wrote this

        # (a JSONDecodeError: PTB logs a Bot API answer it could not parse, then raises)
        if isinstance(error, TelegramError | json.JSONDecodeError):
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {error})"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True


def quiet_http_loggers() -> None:
    """httpx logs every request URL at INFO, and Bot API URLs contain the token; at DEBUG
    python-telegram-bot logs whole updates and API answers (names, usernames, ids)."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    for name in ("telegram", "uvicorn"):
        logging.getLogger(name).setLevel(logging.INFO)


def configure_logging(level: str, secrets: Sequence[str] = (), fmt: str = SERVICE_FORMAT) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(fmt, secrets))
    handler.addFilter(TelegramErrorsInOneLine())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    quiet_http_loggers()


class EveryMinute:
    """Counts events and logs them at most once per `interval` seconds (the first one at once).

    For what a flood can trigger a thousand times a second: refused requests, dropped rows.
    """

    def __init__(self, logger: logging.Logger, message: str, interval: float = 60.0) -> None:
        self.logger = logger
        self.message = message  # with %d for the count and %s for the latest reason
        self.interval = interval
        self.total = 0
        self._unlogged = 0
        self._last: float | None = None

    def add(self, reason: str = "", level: int = logging.WARNING) -> None:
        self.total += 1
        self._unlogged += 1
        now = time.monotonic()
        if self._last is None or now - self._last >= self.interval:
            self.logger.log(level, self.message, self._unlogged, reason)
            self._unlogged, self._last = 0, now
