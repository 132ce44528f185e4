"""The store thread's side: take batches off the queue, write them, and ride out outages.

A batch is written in one transaction, else row by row so that a row the database refuses for
its content costs only itself; on an outage (faults.py) the rows not yet written go back to the
front of the queue and are retried with backoff (0.5 s doubling to 30 s).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

from bot.store import queries, shared
from bot.store.faults import database_errors, describe, outage, refused_for_content
from bot.store.queries import Op

log = logging.getLogger("bot.store")

RETRY_MAX_S = 30.0
BATCH = 200


class WriterLoop:
    """Mixed into Store, which owns the queue, the lock, the engine and the counters."""

    _engine: Any
    _queue: Any
    _lock: Any

    async def _writer(self) -> None:
        delay = 0.5
        watchdog = asyncio.create_task(self._watchdog())
        try:
            while True:
                await self._purge_if_due()
                with self._lock:
                    batch = [self._queue.popleft() for _ in range(min(BATCH, len(self._queue)))]
                    self._busy = bool(batch)
                    self._in_flight = sum(op.kind != "forget" for op in batch)
                if not batch:
                    if self._stopping:
                        return
                    await self._sleep_or_stop(60)
                    continue
                try:
                    self._watch.begin()
                    await self._write(batch)
                    if self.failing:
                        log.warning("store: the database is back; pending rows written")
                    self.failing, delay = False, 0.5
                except Exception as exc:
                    self._watch.end()  # it answered, with an error
                    if not outage(exc):  # a bug must cost rows, never the thread
                        log.error("store: dropped %d row(s): %r", len(batch), exc)
                        continue
                    with self._lock:
                        self._queue.extendleft(reversed(batch))
                        self._in_flight = 0
                    if not self.failing:
                        log.warning(
                            "store: cannot write (%s); keeping %d row(s), retrying",
                            describe(exc),
                            len(self._queue),
                        )
                    self.failing = True
                    if self._stopping:
                        return
                    await self._sleep_or_stop(delay)
                    delay = min(delay * 2, RETRY_MAX_S)
                finally:
                    self._watch.end()
                    self._busy, self._in_flight = False, 0
        finally:
            watchdog.cancel()

    async def _write(self, batch: list[Op]) -> None:
        """Write `batch` in one transaction, else row by row; on an outage, raise with `batch`
        trimmed to the rows not yet written (the caller puts them back in the queue)."""
        await self._connect_once()
        assert self._engine is not None
        try:
            async with self._engine.begin() as conn:
                results = [await queries.apply(conn, op) for op in batch]
            self._done(batch, results)
            batch.clear()
            return
        except Exception as exc:
            if not refused_for_content(exc):
                raise
        while batch:  # one bad row must not block the rest
            op = batch[0]
            try:
                async with self._engine.begin() as conn:
                    result = await queries.apply(conn, op)
                self._done([op], [result])
            except Exception as exc:
                if not refused_for_content(exc):
                    raise
                self._refused.add(f"{op.kind}: {describe(exc)}", logging.ERROR)
                if op.done is not None:
                    op.done.set_exception(exc)
            batch.pop(0)

    def _done(self, ops: list[Op], results: list[int]) -> None:
        for op, result in zip(ops, results, strict=True):
            if op.done is not None:
                op.done.set_result(result)
            else:
                self.written += 1
            if op.written is not None:
                op.written.set()

    async def _watchdog(self) -> None:
        while True:
            await asyncio.sleep(0.5)
            self._watch.check(self.pending())

    async def _purge_if_due(self) -> None:
        """Retention runs daily even when nobody writes; shared state every few minutes."""
        if self._engine is None or not self._ready:
            return
        now = time.monotonic()
        try:
            if now - self._last_shared_purge >= shared.PURGE_EVERY_S:
                async with self._engine.begin() as conn:
                    await shared.purge(conn)
                self._last_shared_purge = now
            if now - self._last_purge >= 24 * 3600:
                async with self._engine.begin() as conn:
                    await queries.purge(conn, self.retention)
                self._last_purge = now
        except (OSError, *database_errors()):
            pass  # the next loop tries again

    async def _sleep_or_stop(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)
        self._wake.clear()
