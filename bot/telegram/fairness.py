"""Fairness between chats: one chat's flood or its 429s never hold up anyone else.

- Updates of one chat are handled one at a time, in order (so /forget follows the question sent
  before it); a chat with `backlog` updates already waiting has new ones dropped on arrival.
- Handler slots (CONCURRENT_UPDATES) are given back while a reply waits for a retry (a 429's
  `retry_after`, a backoff): retrying never holds a slot another chat needs.
- Replies spend a per-chat budget in line with Telegram's limits (about one message a second in
  a chat, 20 a minute in a group, a small burst): over it, one polite notice, then silence until
  the chat slows down.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Literal

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import BaseUpdateProcessor

from bot.logs import EveryMinute
from bot.values import value_class

log = logging.getLogger("bot.telegram")

MAX_TASKS = 4096  # PTB's own bound on updates in hand; the real limit is the slots below
MAX_BUCKETS = 100_000
Verdict = Literal["send", "notice", "silent"]


@value_class
class Limits:
    """Messages a chat may receive from the bot (see the README's table of settings)."""

    chat_per_minute: float = 60.0  # a private chat: about one a second
    group_per_minute: float = 20.0  # a group or supergroup
    burst: int = 5  # messages at once before the rate applies
    backlog: int = 10  # updates of one chat waiting to be handled, at most


class ChatBudget:
    """A token bucket per chat; thread-safe enough for one event loop (no awaits inside)."""

    def __init__(self, limits: Limits | None = None, clock: Callable[[], float] = time.monotonic):
        self.limits = limits or Limits()
        self._clock = clock
        self._buckets: OrderedDict[int, list[float]] = OrderedDict()  # tokens, at, noticed

    def spend(self, chat_id: int, group: bool, cost: int = 1) -> Verdict:
        """'send' (and spend `cost`), 'notice' once when the chat runs out, then 'silent'."""
        rate = (self.limits.group_per_minute if group else self.limits.chat_per_minute) / 60
        now = self._clock()
        tokens, at, noticed = self._buckets.pop(chat_id, [float(self.limits.burst), now, 0.0])
        tokens = min(float(self.limits.burst), tokens + (now - at) * rate)
        verdict: Verdict
        if tokens >= 1:
            tokens, noticed, verdict = tokens - cost, 0.0, "send"  # a long reply may overdraw
        else:
            verdict = "silent" if noticed else "notice"
            noticed = 1.0
        self._buckets[chat_id] = [tokens, now, noticed]
        while len(self._buckets) > MAX_BUCKETS:
            self._buckets.popitem(last=False)
        return verdict


def is_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type != ChatType.PRIVATE


def chat_of(update: object) -> int | None:
    """The chat an update belongs to (a button without its message: the user's private chat)."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None


class _Slot:
    def __init__(self, semaphore: asyncio.Semaphore) -> None:
        self.semaphore = semaphore
        self.held = True


_SLOT: contextvars.ContextVar[_Slot | None] = contextvars.ContextVar("hoi_dap_slot", default=None)


@contextlib.asynccontextmanager
async def slot_released() -> AsyncIterator[None]:
    """Give the update's handler slot back while waiting (for a retry), take one again after."""
    slot = _SLOT.get()
    if slot is None:
        yield
        return
    slot.semaphore.release()
    slot.held = False
    try:
        yield
    finally:
        await slot.semaphore.acquire()
        slot.held = True


class FairProcessor(BaseUpdateProcessor):
    """PTB's update processor: per-chat order and backlog, `slots` handlers at once."""

    def __init__(
        self,
        slots: int,
        backlog: int,
        on_dropped: Callable[[object], None] = lambda update: None,
    ) -> None:
        super().__init__(MAX_TASKS)
        self.slots = slots
        self.backlog = backlog
        self.on_dropped = on_dropped
        self._semaphore_: asyncio.Semaphore | None = None
        self._chats: dict[int, tuple[asyncio.Lock, int]] = {}
        self.dropped = EveryMinute(log, "flood: dropped %d update(s) of chats with a backlog%s")

    @property
    def busy_chats(self) -> int:
        """Chats with an update being handled or waiting."""
        return len(self._chats)

    async def initialize(self) -> None:
        self._semaphore_ = asyncio.Semaphore(self.slots)

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if self._semaphore_ is None:
            await self.initialize()
        assert self._semaphore_ is not None
        chat = chat_of(update)
        if chat is None:
            await self._run(coroutine)
            return
        lock, waiting = self._chats.get(chat) or (asyncio.Lock(), 0)
        if waiting >= self.backlog:
            if isinstance(coroutine, Awaitable) and hasattr(coroutine, "close"):
                coroutine.close()  # never started: nothing to undo
            self.on_dropped(update)
            self.dropped.add()
            return
        self._chats[chat] = (lock, waiting + 1)
        try:
            async with lock:
                await self._run(coroutine)
        finally:
            lock, waiting = self._chats[chat]
            if waiting <= 1:
                del self._chats[chat]
            else:
                self._chats[chat] = (lock, waiting - 1)

    async def _run(self, coroutine: Awaitable[Any]) -> None:
        assert self._semaphore_ is not None
        await self._semaphore_.acquire()
        slot = _Slot(self._semaphore_)
        token = _SLOT.set(slot)
        try:
            await coroutine
        finally:
            _SLOT.reset(token)
            if slot.held:  # (not when cancelled while taking it back)
                slot.semaphore.release()
