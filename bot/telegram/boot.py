"""Start-up calls to the Bot API that decide whether the bot can work at all.

setWebhook is retried while the server is unreachable or busy (bounded backoff, bounded time);
a refusal is final and names the setting to fix. Polling first asks whether a webhook is
registered: deleting it would silently cut off the web process that registered it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import urlsplit

from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.config import Settings
from bot.telegram.delivery import describe
from bot.telegram.transport import STARTUP_PATIENCE

log = logging.getLogger("bot.telegram")

MAX_DELAY = 8.0  # longest pause between two attempts of a start-up call


class Refused(Exception):
    """The Bot API (or the setting) says no for good: `line` is the one line to print, exit 2."""

    def __init__(self, line: str) -> None:
        self.line = line
        super().__init__(line)


async def register_webhook(
    bot: Any, settings: Settings, patience: float = STARTUP_PATIENCE
) -> None:
    """setWebhook with WEBHOOK_URL and the secret token; Refused if Telegram refuses them."""
    delay, waited = 0.5, 0.0
    while True:
        try:
            await bot.set_webhook(
                url=settings.webhook_url or "",
                secret_token=settings.secret_token,
                drop_pending_updates=False,
            )
            return
        except InvalidToken:
            raise
        except (BadRequest, Forbidden) as exc:
            raise Refused(
                f"error: Telegram refused the webhook ({exc.message}); check WEBHOOK_URL "
                "(a public https URL on port 443, 80, 88 or 8443)"
            ) from None
        except (NetworkError, RetryAfter) as exc:  # unreachable, 5xx, 429: worth another try
            if isinstance(exc, RetryAfter):
                delay = max(delay, _seconds(exc.retry_after))
            if waited + delay > patience:
                raise
            log.warning("setWebhook failed (%s); retrying in %.1f s", describe(exc), delay)
            await asyncio.sleep(delay)
            waited += delay
            delay = min(delay * 2, MAX_DELAY)


async def refuse_to_steal_a_webhook(bot: Any, take_over: bool) -> None:
    """Polling where a webhook is registered: stop with one line, unless told to take over."""
    try:
        info = await bot.get_webhook_info()
    except InvalidToken:
        raise
    except TelegramError as exc:  # e.g. an emulator without the method: nothing to protect
        log.info("getWebhookInfo failed (%s); polling", describe(exc))
        return
    if not info.url:
        return
    parts = urlsplit(info.url)
    where = f"{parts.scheme}://{parts.hostname or '?'}/…"
    if not take_over:
        raise Refused(
            f"error: a webhook is registered for this bot ({where}): polling would remove it "
            "and cut off the process it serves. Stop that process, or start polling with "
            "--take-over to move the bot here"
        )
    log.warning("taking the bot over from its webhook (%s)", where)


def _seconds(value: Any) -> float:
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)
