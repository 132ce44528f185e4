"""How the bot talks to the Bot API: the Bot and Application subclasses and the start-up wait.

TolerantBot repairs what emulators leave out of answers (compat.py), starts without deleteWebhook,
polls through a failing server, and fetches no more updates than the bot can finish on SIGTERM.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Final

import httpx
from telegram import Update
from telegram.constants import ParseMode
from telegram.error import (
    Conflict,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import Application, Defaults, ExtBot
from telegram.request import HTTPXRequest

from bot.config import Settings
from bot.telegram.compat import readable_updates, repair_result
from bot.telegram.delivery import SendRetries, describe

log = logging.getLogger("bot.telegram")

TELEGRAM_API: Final = "https://api.telegram.org/bot"
CONCURRENT_UPDATES: Final = 32  # updates handled at once (PTB's default is one at a time)
STARTUP_PATIENCE: Final = 60.0  # seconds to wait at start for a Bot API server that is down
POLL_RETRY_MAX: Final = 5.0  # longest pause between getUpdates attempts while the server fails
CONFIRM_PATIENCE: Final = 3.0  # seconds to keep confirming the last updates when stopping
# Updates fetched and not yet handled, at most: a backlog (after downtime, in a rush) waits at
# Telegram instead of in memory, and SIGTERM has only these to finish before the process ends.
MAX_IN_HAND: Final = 4 * CONCURRENT_UPDATES


class TolerantBot(ExtBot[None]):
    """An ExtBot that starts without deleteWebhook and polls through a failing Bot API server.

    python-telegram-bot deletes the webhook before polling and aborts when that fails; a Bot API
    emulator without the method would stop the bot before its first question.
    """

    _polling_failed = False
    _in_hand = 0  # updates getUpdates returned that are not finished yet
    # awaited before getUpdates returns its first updates (the store: opening.py)
    _until_ready: Callable[[], Awaitable[object]] | None = None

    def wait_before_updates(self, until_ready: Callable[[], Awaitable[object]]) -> None:
        """Await `until_ready()` before getUpdates returns its first updates (see above)."""
        self._until_ready = until_ready

    def handled(self) -> None:
        """One update less in hand (called by UpdateCountingApplication)."""
        self._in_hand = max(0, self._in_hand - 1)

    async def _post(self, endpoint: str, data: Any = None, **kwargs: Any) -> Any:
        """Every Bot API answer, with what emulators leave out filled in (compat.py).

        An update that still cannot be read is kept as a bare update (its id only), so polling
        moves past it instead of fetching it again and again.
        """
        result = repair_result(endpoint, await super()._post(endpoint, data, **kwargs), data)
        if endpoint == "getUpdates" and isinstance(result, list):
            readable = readable_updates(result, lambda u: Update.de_json(u, self))
            kept = {id(u) for u in readable}
            result = [
                u if id(u) in kept else {"update_id": u.get("update_id", 0)}
                for u in result
                if isinstance(u, dict)
            ]
        return result

    async def delete_webhook(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return await super().delete_webhook(*args, **kwargs)
        except TelegramError as exc:
            log.warning("deleteWebhook failed (%s); polling anyway", exc)
            return False

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        """getUpdates that rides out a server which fails (5xx, refused, garbled answers).

        PTB retries failed polls itself, but waits up to 30 s between attempts once a server has
        been down a while, and logs a traceback each time; here the pause is at most
        POLL_RETRY_MAX, with one warning when polling fails and one line when it works again.
        The call PTB makes with timeout 0 while stopping confirms the updates it fetched (else
        they come again after a restart): that one is retried for CONFIRM_PATIENCE, not once.
        A long poll waits until fewer than MAX_IN_HAND / 2 updates are in hand, then asks for no
        more than MAX_IN_HAND in all.
        """
        timeout = kwargs.get("timeout")
        confirming = timeout is not None and not _seconds(timeout)
        if not confirming:
            while self._in_hand > MAX_IN_HAND // 2:
                await asyncio.sleep(0.01)
            kwargs["limit"] = min(100, MAX_IN_HAND - self._in_hand)
        waiting = None
        if not confirming and self._until_ready is not None:
            waiting = asyncio.ensure_future(self._until_ready())
        try:
            updates = await self._poll(confirming, *args, **kwargs)
            if waiting is not None:  # nothing queued nor confirmed before it is done
                try:
                    await waiting
                except Exception:  # the bot is being stopped (until_ready's owner sees to it)
                    await asyncio.get_running_loop().create_future()  # until cancelled
                self._until_ready = None
        finally:  # (stopped meanwhile: a failure is until_ready's owner's to report)
            if waiting is not None and not waiting.cancel() and not waiting.cancelled():
                waiting.exception()
        if not confirming:  # (PTB ignores what the confirming call returns)
            self._in_hand += len(updates)
        return updates

    async def _poll(self, confirming: bool, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        started, delay = time.monotonic(), 0.25
        while True:
            try:
                updates = await super().get_updates(*args, **kwargs)
            except (InvalidToken, Conflict):
                raise
            except TelegramError as exc:
                if not confirming and isinstance(exc, RetryAfter | TimedOut):
                    raise  # PTB's polling loop waits as asked, or retries at once
                if confirming and time.monotonic() - started + delay > CONFIRM_PATIENCE:
                    raise
                level = logging.DEBUG if self._polling_failed else logging.WARNING
                log.log(level, "getUpdates failed (%s); retrying in %.2f s", describe(exc), delay)
                self._polling_failed = True
                await asyncio.sleep(delay)
                delay = min(delay * 2, POLL_RETRY_MAX)
                continue
            if self._polling_failed:
                log.info("getUpdates works again")
                self._polling_failed = False
            return updates


class UpdateCountingApplication(Application[Any, Any, Any, Any, Any, Any]):
    """The Application, telling its TolerantBot when an update is done (see MAX_IN_HAND)."""

    stop_request: Callable[[], None] | None = None  # set by polling.py while it runs the bot

    def stop_running(self) -> None:
        """Stop as SIGTERM does, at any stage (polling.py); PTB's own way stops its loop."""
        if self.stop_request is not None:
            self.stop_request()
        else:
            super().stop_running()

    async def process_update(self, update: object) -> None:
        try:
            await super().process_update(update)
        finally:
            if isinstance(self.bot, TolerantBot):
                self.bot.handled()


def _seconds(value: float | dt.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def make_bot(settings: Settings, retries: SendRetries) -> TolerantBot:
    """The Bot for `settings`: HTML by default, replies retried by `retries`.

    Its two clients share the TLS context httpx would make each of them: making one loads the
    CA bundle, ~20 ms of the bot's start."""
    tls = {"verify": httpx.create_ssl_context()}
    return TolerantBot(
        token=settings.token,
        base_url=settings.base_url or TELEGRAM_API,
        defaults=Defaults(parse_mode=ParseMode.HTML),
        request=HTTPXRequest(
            connection_pool_size=64, read_timeout=settings.read_timeout, httpx_kwargs=tls
        ),
        get_updates_request=HTTPXRequest(connection_pool_size=1, httpx_kwargs=tls),
        rate_limiter=retries,
    )


async def initialize(
    application: Application[Any, Any, Any, Any, Any, Any], *, patience: float = STARTUP_PATIENCE
) -> None:
    """Initialize (getMe), waiting a while for a Bot API server that is not up yet.

    A refused token fails at once; an unreachable server is retried with backoff for `patience`
    seconds, with a warning each time, so starting the bot before its server is harmless.
    """
    delay, waited = 1.0, 0.0
    while True:
        try:
            await application.initialize()
            return
        except NetworkError as exc:
            if waited + delay > patience:
                raise
            log.warning("Bot API server not reachable yet (%s); retrying in %.0f s", exc, delay)
            await asyncio.sleep(delay)
            waited += delay
            delay = min(delay * 2, 10.0)
