"""Getting replies to Telegram at most once, and exactly once whenever the Bot API lets us know.

Every failed Bot API call either proves that nothing happened (an error answer such as 400, 429 or
502; an answer that is no Bot API answer at all, such as a proxy's page; a refused connection; a
connect, write or pool timeout: the request never reached the server whole) or leaves it unknown
(the request went out and no readable answer came back: a read timeout, a dropped connection, a
success answer cut short). sendMessage is retried only in the first case: a reply the API never
confirmed may be missing, but no user ever gets the same reply twice. editMessageText and
answerCallbackQuery cannot add a message, so they are retried in both cases (a repeated edit is
refused as "not modified", a repeated button answer as "query too old").
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import random
import re
import time
import warnings
from collections.abc import Callable, Coroutine
from typing import Any, Final

import httpx
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.telegram.fairness import slot_released

log = logging.getLogger("bot.delivery")

RETRIED: Final = frozenset({"sendMessage", "editMessageText", "answerCallbackQuery"})
IDEMPOTENT: Final = frozenset({"editMessageText", "answerCallbackQuery"})
RETRY_FOR: Final = 60.0  # seconds one call may keep trying; a user has given up long before
FIRST_DELAY: Final = 0.5  # then doubling, with jitter so 32 handlers do not retry in lockstep
MAX_DELAY: Final = 8.0
STOP_GRACE: Final = 5.0  # once the bot is stopping (SIGTERM must end within 10 s)
_TICK: Final = 0.25  # how often a waiting retry looks whether the bot began to stop

# httpx failures that happen before the server can have a whole request
_NOT_SENT_TRANSPORT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.WriteError,
    httpx.WriteTimeout,
    httpx.UnsupportedProtocol,
    httpx.LocalProtocolError,
    httpx.ProxyError,
)
# A 2xx body that is not JSON but starts like a Bot API success was cut short after the call was
# carried out (or carries a byte-order mark); any other is no Bot API answer at all: a proxy's or
# captive portal's page, or garbage, and the call never reached the Bot API.
_SUCCESS_START = re.compile(r'[\s\ufeff]*\{\s*"ok"\s*:\s*true\b')


def _unreadable(error: BaseException) -> str | None:
    """The body of python-telegram-bot's "Invalid server response" (a 2xx that is not JSON)."""
    cause = error.__cause__
    if type(error) is TelegramError and isinstance(cause, json.JSONDecodeError):
        return cause.doc
    return None


def nothing_sent(error: BaseException) -> bool:
    """True when the failed call certainly had no effect, so repeating it cannot duplicate it."""
    if not isinstance(error, TelegramError):
        return False  # e.g. a 2xx answer python-telegram-bot could not turn into objects
    if isinstance(error, NetworkError):  # TimedOut too
        cause = error.__cause__
        if isinstance(cause, httpx.HTTPError):
            return isinstance(cause, _NOT_SENT_TRANSPORT)
        # no transport cause: an HTTP error status (5xx, 413…) from the server or a proxy
        return cause is None or isinstance(cause, TelegramError)
    if (body := _unreadable(error)) is not None:
        return not _SUCCESS_START.match(body)
    # BadRequest, Forbidden, RetryAfter…: the server answered with an error
    return type(error) is not TelegramError


def worth_retrying(error: BaseException) -> bool:
    """True when the same call may well succeed a little later."""
    if (body := _unreadable(error)) is not None:
        return not _SUCCESS_START.match(body)  # a proxy's page, say: the Bot API may be back soon
    # 429, 5xx, refused, dropped, timed out; not 400 (a NetworkError in PTB) and its kin
    return isinstance(error, RetryAfter | NetworkError) and not isinstance(error, BadRequest)


def retry_after(error: RetryAfter) -> float:
    """The wait a 429 asks for, in seconds (an int or a timedelta, depending on PTB_TIMEDELTA)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)  # the int form, until PTB 23
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def describe(error: BaseException) -> str:
    """One line for the log: the error and, for network failures, what httpx saw."""
    cause = error.__cause__
    text = f"{type(error).__name__}: {error}"
    if isinstance(cause, httpx.HTTPError) and type(cause).__name__ not in text:
        text += f" ({type(cause).__name__})"
    return text if len(text) <= 300 else text[:299] + "…"  # a proxy's error page can be long


class SendRetries(BaseRateLimiter[dict[str, Any]]):
    """Retries of replies, button answers and edits, with backoff that honours `retry_after`.

    python-telegram-bot passes every Bot API call except getUpdates through its rate limiter.
    A 429 holds back that chat only: later calls to it wait until its `retry_after` is over,
    and every wait gives the handler slot back (fairness.py). A call made with
    `rate_limit_args={"retry": False}` (apologies, notices) is tried once, and not at all while
    its chat is held back. `stopping` tells it the bot is shutting down, which shortens the time
    left to STOP_GRACE.
    """

    def __init__(
        self,
        retry_for: float | None = None,
        stopping: Callable[[], bool] = lambda: False,
    ) -> None:
        self.retry_for = RETRY_FOR if retry_for is None else retry_for
        self.stopping = stopping
        self._stop_seen: float | None = None
        self._held_until: dict[Any, float] = {}  # chat id -> end of its last 429's retry_after

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        chat = (data or {}).get("chat_id")
        once = (rate_limit_args or {}).get("retry") is False
        if once and (left := self._held(chat)) > 0:
            raise RetryAfter(int(left) + 1)  # never retried into a flood: not even tried
        if endpoint not in RETRIED:
            return await callback(*args, **kwargs)
        started = time.monotonic()
        delay = FIRST_DELAY
        attempt = 1
        while True:
            if not once and (left := self._held(chat)) > 0:
                if time.monotonic() + left > self._deadline(started):
                    raise RetryAfter(int(left) + 1)
                await self._wait(left, started)
            try:
                return await callback(*args, **kwargs)
            except TelegramError as error:
                if isinstance(error, RetryAfter) and chat is not None:
                    self._hold(chat, retry_after(error))
                if once or not self._retryable(error, endpoint):
                    raise
                if isinstance(error, RetryAfter):
                    wait = retry_after(error) + 0.1
                else:
                    wait = delay * random.uniform(0.75, 1.25)
                    delay = min(delay * 2, MAX_DELAY)
                if time.monotonic() + wait > self._deadline(started):
                    log.warning(
                        "%s failed %d times in %.0f s (%s); giving up",
                        endpoint,
                        attempt,
                        time.monotonic() - started,
                        describe(error),
                    )
                    raise
                log.warning(
                    "%s failed (%s); retry %d in %.1f s", endpoint, describe(error), attempt, wait
                )
                if not await self._wait(wait, started):
                    log.warning("%s: the bot is stopping; not retrying any more", endpoint)
                    raise
                attempt += 1

    def _held(self, chat: Any) -> float:
        """Seconds this chat is still held back by a 429 (0 when not)."""
        until = self._held_until.get(chat)
        if until is None:
            return 0.0
        left = until - time.monotonic()
        if left <= 0:
            del self._held_until[chat]
        return max(0.0, left)

    def _hold(self, chat: Any, seconds: float) -> None:
        self._held_until[chat] = max(self._held_until.get(chat, 0.0), time.monotonic() + seconds)
        if len(self._held_until) > 10_000:  # forget the oldest holds (long over by then)
            for key in list(self._held_until)[:5_000]:
                self._held(key)

    @staticmethod
    def _retryable(error: TelegramError, endpoint: str) -> bool:
        if not worth_retrying(error):
            return False
        return endpoint in IDEMPOTENT or nothing_sent(error)

    def _deadline(self, started: float) -> float:
        deadline = started + self.retry_for
        if self.stopping():
            if self._stop_seen is None:
                self._stop_seen = time.monotonic()
            deadline = min(deadline, self._stop_seen + STOP_GRACE)
        return deadline

    async def _wait(self, seconds: float, started: float) -> bool:
        """Sleep `seconds` without a handler slot; False as soon as the deadline (which shrinks
        on stop) has passed."""
        end = time.monotonic() + seconds
        async with slot_released():
            while (now := time.monotonic()) < end:
                if now >= self._deadline(started):
                    return False
                await asyncio.sleep(min(_TICK, end - now))
        return True
