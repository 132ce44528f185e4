"""The store, opened while the bot comes up instead of before it.

Importing the store (SQLAlchemy, for PostgreSQL) and checking the database take up to a few
hundred milliseconds; here they run on a thread of their own while the bot waits on the network,
and updates wait for them: polling returns no update (none is queued, none confirmed) and the
webhook answers 503 until the store is open and checked. Polling begins opening it with its
first getUpdates, not before: SQLAlchemy's import holds the GIL, and run beside getMe, the
webhook check and setMyCommands it made the bot ready ~0.2 s later (issue 14). A database that cannot be used still ends the process with one line
naming the setting (Refused), before any update is handled.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot import startup
from bot.telegram.boot import Refused

if TYPE_CHECKING:
    from bot.config import StoreSettings
    from bot.store import Store


class StoreOpening:
    """`await ready()`: the store, open and checked (started on the first call); else Refused."""

    def __init__(self, settings: StoreSettings) -> None:
        self.settings = settings
        self.store: Store | None = None
        self._task: asyncio.Task[Store] | None = None

    def start(self) -> None:
        """Begin opening the store (on the running loop), if not begun yet."""
        if self._task is None:
            self._task = asyncio.ensure_future(self._open_and_check())

    async def ready(self) -> Store:
        self.start()
        assert self._task is not None
        return await asyncio.shield(self._task)

    async def stop(self) -> None:
        """Stop waiting, if it still does (the thread that imports ends on its own: a daemon)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self.failure()  # retrieved: a failure after another one is no warning at exit

    def failure(self) -> BaseException | None:
        """Why the store could not be used, once that is known."""
        if self._task is None or not self._task.done() or self._task.cancelled():
            return None
        return self._task.exception()

    async def _open_and_check(self) -> Store:
        try:
            store = await _on_a_thread(lambda: startup.open_store(self.settings, required=True))
        except startup.StartupError as exc:
            raise Refused("\n".join(exc.lines)) from None
        assert store is not None
        self.store = store
        from bot.store import StoreUnavailable

        try:
            await store.check()
        except StoreUnavailable as exc:
            raise Refused(f"error: DATABASE_URL: cannot use the database {exc}") from None
        return store


async def _on_a_thread(call: Callable[[], Any]) -> Any:
    """`call()` on a daemon thread (not the loop's executor: a SIGTERM must not wait for it)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()

    def deliver(result: Any, error: BaseException | None) -> None:
        if future.done():
            return
        if error is None:
            future.set_result(result)
        else:
            future.set_exception(error)

    def run() -> None:
        try:
            result, error = call(), None
        except BaseException as exc:  # handed over to the loop, raised there
            result, error = None, exc
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile (a SIGTERM)
            loop.call_soon_threadsafe(deliver, result, error)

    threading.Thread(target=run, name="store-opening", daemon=True).start()
    return await future
