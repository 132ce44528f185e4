"""Long polling from the first start-up call to the last update, stopped by one sticky request.

A stop (SIGINT, SIGTERM, or `StopRequest.request()` from a test's thread) can land at any
moment: while getMe or the webhook check is awaited, just as setMyCommands answers, between two
stages. PTB's run_polling raises SystemExit from its signal handler; landing in the loop
iteration where a stage completes, that left the stage's completion callback to stop the next
stage's loop (exit 1, "Event loop stopped before Future completed"), and a cancel that landed on
a stage just finished was lost (the bot polled on). Here the whole life is one coroutine on one
loop: a request is a flag set once, the stage running is cancelled, and no stage begins after it.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram.error import TelegramError

from bot.telegram.boot import refuse_to_steal_a_webhook
from bot.telegram.opening import StoreOpening
from bot.telegram.services import App, use_store
from bot.telegram.transport import UpdateCountingApplication, initialize

log = logging.getLogger("bot.telegram")


class StopRequest:
    """Asked once, kept: `requested` stays true, and the stage running when it came is cancelled."""

    def __init__(self) -> None:
        self._asked = asyncio.Event()
        self._stage: asyncio.Future[Any] | None = None

    @property
    def requested(self) -> bool:
        return self._asked.is_set()

    def request(self) -> None:
        """Stop (call it on the loop: a signal handler, or call_soon_threadsafe from elsewhere)."""
        self._asked.set()
        if self._stage is not None:
            self._stage.cancel()

    async def stage(self, step: Coroutine[Any, Any, Any]) -> bool:
        """Run one stage of start-up; False if a stop was asked before it, during it or as it ended."""
        if self.requested:
            step.close()
            return False
        self._stage = asyncio.ensure_future(step)
        try:
            await self._stage
        except asyncio.CancelledError:
            if self.requested and self._stage.cancelled():
                return False
            raise
        finally:
            self._stage = None
        return not self.requested

    async def wait(self) -> None:
        await self._asked.wait()


def run_polling(
    application: App,
    *,
    handle_signals: bool = True,
    loop: asyncio.AbstractEventLoop | None = None,
    take_over: bool = False,
    opening: StoreOpening | None = None,
    stop: StopRequest | None = None,
) -> None:
    """Long polling until SIGINT/SIGTERM (or `stop` is requested); then a clean wind-down.

    Start-up (getMe, the webhook check, the command menu, the first poll) stops at once too. The
    store opens from the first poll on, and polling takes no update before it is checked; one
    that cannot be used stops polling and is raised (Refused). `loop` and `stop` let a caller on
    another thread (the tests) stop it.
    """
    loop = loop or asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    stop = stop or StopRequest()
    try:
        if handle_signals:  # kept until the loop closes: a signal is never without its handler
            for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGABRT):  # PTB's stop signals
                loop.add_signal_handler(sig, stop.request)
            if terminated():  # a SIGTERM whose KeyboardInterrupt was swallowed on the way
                stop.request()
        if isinstance(application, UpdateCountingApplication):
            application.stop_request = stop.request  # Application.stop_running() stops it too
        loop.run_until_complete(_poll(application, take_over, opening, stop))
        if opening is not None and (failure := opening.failure()) is not None:
            raise failure
    finally:
        if opening is not None:
            loop.run_until_complete(opening.stop())
        loop.close()  # (which takes the signal handlers away)
        if handle_signals:
            stop_on_sigterm()


_TERMINATED = threading.Event()


def stop_on_sigterm() -> None:
    """SIGTERM as Ctrl-C (KeyboardInterrupt, a clean exit 0) wherever start-up is; the stages
    that run an event loop replace it with their own handlers, and put it back after. The signal
    is also remembered: a KeyboardInterrupt raised inside a finalizer the collector runs (or any
    code that swallows it) is lost, and the stage that starts next must stop all the same."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    _TERMINATED.set()
    raise KeyboardInterrupt


def terminated() -> bool:
    """Whether a SIGTERM came while start-up had it raise KeyboardInterrupt."""
    return _TERMINATED.is_set()


async def _poll(
    application: App, take_over: bool, opening: StoreOpening | None, stop: StopRequest
) -> None:
    if opening is not None:  # opened from the first poll on: the store's import (SQLAlchemy's,
        # for PostgreSQL) and the database check hold the GIL, and would slow the start-up calls
        # before it (issue 14)
        application.bot.wait_before_updates(_store_ready(application, opening, stop))
    updater = application.updater
    assert updater is not None, "polling needs PTB's Updater"

    def error_callback(exc: TelegramError) -> None:  # as PTB's run_polling: to the error handlers
        application.create_task(application.process_error(error=exc, update=None))

    try:
        started = (
            await stop.stage(initialize(application))
            and await stop.stage(refuse_to_steal_a_webhook(application.bot, take_over))
            and await stop.stage(_post_init(application))
            and await stop.stage(
                updater.start_polling(drop_pending_updates=False, error_callback=error_callback)
            )
            and await stop.stage(application.start())
        )
        if started:
            await stop.wait()
    finally:
        await _wind_down(application)


async def _post_init(application: App) -> None:
    if application.post_init is not None:
        await application.post_init(application)


async def _wind_down(application: App) -> None:
    """What PTB's run_polling does once stopped: polling, then the handlers in flight (and
    post_stop), then the connections (and post_shutdown), each stage only if it was reached."""
    if application.updater is not None and application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()
        if application.post_stop is not None:
            await application.post_stop(application)
    await application.shutdown()
    if application.post_shutdown is not None:
        await application.post_shutdown(application)


def _store_ready(
    application: App, opening: StoreOpening, stop: StopRequest
) -> Callable[[], Awaitable[None]]:
    """What polling awaits before it takes updates: the store; a refusal stops the bot."""

    async def ready() -> None:
        try:
            store = await opening.ready()
        except Exception:
            stop.request()
            raise
        use_store(application, store)

    return ready
