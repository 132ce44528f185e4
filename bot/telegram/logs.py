"""Logging for the bot's process: secrets masked, expected Bot API failures in one line.

(Plan: bot/logs.py configures logging for every process; this moves there when it exists.)
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence

from telegram.error import TelegramError


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


class _TelegramErrorsInOneLine(logging.Filter):
    """PTB logs expected Bot API failures (server unreachable, token refused) with a full
    traceback; for those, the exception's own message says everything."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        # (a JSONDecodeError: PTB logs a Bot API answer it could not parse, then raises)
        if record.name.startswith("telegram") and isinstance(
            error, TelegramError | json.JSONDecodeError
        ):
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {error})"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True


def quiet_http_loggers() -> None:
    """httpx logs every request URL at INFO, and Bot API URLs contain the token."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)


def configure_logging(level: str, secrets: Sequence[str] = ()) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    )
    handler.addFilter(_TelegramErrorsInOneLine())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    quiet_http_loggers()
