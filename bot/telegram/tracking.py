"""One log line per update, and the rule that keeps a failure from causing a second reply.

Handlers record what happened in the update's Trace; `tracked` logs it once and decides where a
failure goes: before anything was sent, to the error handler (which apologises); after, to the log.
"""

from __future__ import annotations

import contextvars
import functools
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import Update

from bot.privacy import chat_hash
from bot.telegram.services import Context

log = logging.getLogger("bot.telegram")

Handler = Callable[[Update, Context], Awaitable[None]]


@dataclass(slots=True)
class Trace:
    """What happened to one update, for its log line and for the error path."""

    outcome: str = "ignored"
    intent: str | None = None
    score: float | None = None
    replied: bool = False


_TRACE: contextvars.ContextVar[Trace] = contextvars.ContextVar("hoi_dap_trace")


def current_trace() -> Trace:
    """The Trace of the update being handled."""
    try:
        return _TRACE.get()
    except LookupError:  # a handler called outside `tracked` (e.g. from a test): keep a throwaway
        trace = Trace()
        _TRACE.set(trace)
        return trace


def tracked(handler: Handler) -> Handler:
    """Wrap a handler so each update gets exactly one log line and failures are handled once.

    A failure before anything was sent goes on to the error handler, which apologises; a failure
    after the reply went out is only logged, so no chat ever gets two replies to one message.
    """

    @functools.wraps(handler)
    async def wrapper(update: Update, context: Context) -> None:
        started = time.perf_counter()
        trace = Trace()
        token = _TRACE.set(trace)
        try:
            await handler(update, context)
        except Exception:
            outcome = trace.outcome
            trace.outcome = "error"
            if not trace.replied:
                raise
            log.exception(
                "update %s failed after its reply was sent (%s)", update.update_id, outcome
            )
        finally:
            _TRACE.reset(token)
            _log_update(update, trace, started)

    return wrapper


_TRACE_KEY = secrets.token_bytes(32)  # per process: a chat's trace never links across restarts


def chat_trace(chat_id: int | None) -> str:
    """A chat as log lines name it: 8 hex digits of a keyed hash, never its id."""
    return "-" if chat_id is None else chat_hash(_TRACE_KEY, str(chat_id))[:8]


def _log_update(update: Update, trace: Trace, started: float) -> None:
    chat = update.effective_chat
    level = logging.DEBUG if trace.outcome == "ignored" else logging.INFO
    log.log(
        level,
        "update=%s chat=%s outcome=%s intent=%s score=%s latency_ms=%d trace=%s",
        update.update_id,
        chat.type if chat else "-",
        trace.outcome,
        trace.intent or "-",
        "-" if trace.score is None else f"{trace.score:.1f}",
        round((time.perf_counter() - started) * 1000),
        chat_trace(chat.id if chat else None),
    )
