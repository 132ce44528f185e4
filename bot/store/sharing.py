"""The Store's side of shared state (bot/store/shared.py has the SQL): mixed into the Store."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from bot.privacy import mask_personal
from bot.store import shared
from bot.store.faults import StoreUnavailable, database_errors
from bot.store.queries import Op, storable
from bot.store.shared import Claim, StoredExchange, StoredState

if TYPE_CHECKING:
    from bot.store.engines import Connection

T = TypeVar("T")
_MASKED = ("question", "normalized")  # personal data masked out before it is queued


class SharedState:
    """The Store's methods for shared state (mixed into bot.store.Store, which has the loop)."""

    def load_state(self, chat: str, timeout: float) -> StoredState | None:
        """One read; raises StoreUnavailable after `timeout` s (the caller falls back)."""
        return self._call(lambda: self._read(shared.load_state, self._hash(chat)), timeout)

    def save_state(
        self,
        chat: str,
        intents: tuple[str, ...],
        offered: tuple[str, ...],
        source_shown: bool,
        exchange: dict[str, Any] | None = None,
        wait: float = 0.0,
        named: tuple[str, ...] = (),
        earlier: tuple[str, ...] = (),
    ) -> bool:
        """Queue the chat's state (and an exchange); wait up to `wait` s for it to be written.

        False if it is still queued then: it is written when the database answers again.
        """
        written = threading.Event()
        values = {
            "intents": list(intents),
            "offered": list(offered),
            "source_shown": source_shown,
            "named": list(named),
            "earlier": list(earlier),
        }
        if exchange is not None:
            values["exchange"] = {
                k: storable(mask_personal(v) if k in _MASKED else v) if isinstance(v, str) else v
                for k, v in exchange.items()
            }
        self._submit(Op("state", chat, values, written=written))
        return written.wait(wait) if wait > 0 else False

    def load_exchange(self, chat: str, exchange_id: str, timeout: float) -> StoredExchange | None:
        return self._call(
            lambda: self._read(shared.load_exchange, (exchange_id, self._hash(chat))), timeout
        )

    async def claim_update(self, update_id: int, timeout: float) -> Claim:
        """From any event loop: claim `update_id` for this process (StoreUnavailable if slow)."""
        return await self._await(lambda: self._in_tx(shared.claim, update_id), timeout)

    def update_done(self, update_id: int) -> None:
        self._submit(Op("update_done", "", {"update_id": update_id}))

    async def _in_tx(self, query: Callable[[Connection, Any], Awaitable[T]], arg: Any) -> T:
        async with self._engine.begin() as conn:
            return await query(conn, arg)

    async def _await(self, query: Callable[[], Awaitable[T]], timeout: float) -> T:
        future = asyncio.run_coroutine_threadsafe(self._when_ready(query), self._loop)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except (TimeoutError, OSError, *database_errors()) as exc:
            future.cancel()
            raise StoreUnavailable(f"the database did not answer ({type(exc).__name__})") from exc
