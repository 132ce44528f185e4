"""Each webhook update handled once, and acknowledged only when it is.

Telegram resends an update until it gets a 2xx, possibly to another process. So the gate
claims the update_id in the database first (one transaction, a unique key: the database decides
which process answers), handles it, and only then answers 200. A crash before that means no 200,
a redelivery, and a claim the next process takes over once its lease has run out. A redelivery
of an update already answered gets 200 and nothing else; one still being handled elsewhere gets
503 (Telegram tries again later). While the database is down the gate lets every update through:
answers go on, only the cross-process deduplication is lost for that time.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from typing import Any, Final, Protocol

from telegram import Update

log = logging.getLogger("bot.webhook")

ACK_WAIT: Final = 25.0  # seconds an update may take before Telegram is told to come back later
CLAIM_WAIT: Final = 2.0  # seconds the claim may take before the update is handled anyway
REMEMBERED: Final = 10_000  # update ids this process answered, kept to spot redeliveries fast


class Claims(Protocol):
    """The store's side (bot.store.shared.SharedState)."""

    async def claim_update(self, update_id: int, timeout: float) -> str: ...

    def update_done(self, update_id: int) -> None: ...


class UpdateGate:
    """Runs each update once through the Application; `handle` returns the HTTP status."""

    def __init__(self, application: Any, claims: Claims | None) -> None:
        self.application = application
        self.claims = claims
        self._running: dict[int, asyncio.Task[None]] = {}
        self._claiming: set[int] = set()
        self._done: OrderedDict[int, None] = OrderedDict()
        self._store_down = False

    async def handle(self, update: Update) -> int:
        update_id = update.update_id
        if update_id in self._done:
            return 200
        task = self._running.get(update_id)
        if task is None:
            if update_id in self._claiming:
                return 503
            self._claiming.add(update_id)
            try:
                claim = await self._claim(update_id)
            finally:
                self._claiming.discard(update_id)
            if claim == "duplicate":
                log.info("update=%s already answered: not again", update_id)
                self._remember(update_id)
                return 200
            if claim == "busy":
                log.info("update=%s is being handled by another process", update_id)
                return 503
            task = asyncio.create_task(self._process(update))
            self._running[update_id] = task
        done, _ = await asyncio.wait({task}, timeout=ACK_WAIT)
        return 200 if done else 503

    async def drain(self, timeout: float) -> None:
        """Let the updates in hand finish (on SIGTERM), for at most `timeout` seconds."""
        if self._running:
            await asyncio.wait(set(self._running.values()), timeout=timeout)

    async def _claim(self, update_id: int) -> str:
        if self.claims is None:
            return "new"
        from bot.store import StoreUnavailable

        try:
            claim = await self.claims.claim_update(self._key(update_id), CLAIM_WAIT)
        except StoreUnavailable as exc:
            if not self._store_down:
                log.warning("cannot claim updates (%s); answering without deduplication", exc)
            self._store_down = True
            return "new"
        if self._store_down:
            log.warning("updates are claimed in the database again")
            self._store_down = False
        return claim

    async def _process(self, update: Update) -> None:
        processor = self.application.update_processor  # honours concurrent_updates
        try:
            await processor.process_update(update, self.application.process_update(update))
        except Exception:
            log.exception("update=%s could not be handled", update.update_id)
        finally:
            self._running.pop(update.update_id, None)
            self._remember(update.update_id)
            if self.claims is not None:
                self.claims.update_done(self._key(update.update_id))

    def _key(self, update_id: int) -> int:
        """The update's key in the database: update_ids count per bot, and one database may
        serve several bots (a staging and a production token), so the bot's id goes in too."""
        bot_id = getattr(self.application.bot, "id", 0) or 0
        return ((bot_id & 0x7FFFFFFF) << 32) | (update_id & 0xFFFFFFFF)

    def _remember(self, update_id: int) -> None:
        self._done[update_id] = None
        while len(self._done) > REMEMBERED:
            self._done.popitem(last=False)
