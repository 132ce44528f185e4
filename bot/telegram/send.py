"""Sending a reply exactly once: a message that may have arrived is never sent again.

Failures that prove nothing was sent were already retried by SendRetries (delivery.py); one that
still does is raised, and the error handler apologises.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Sequence
from typing import Any

from telegram import InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot.telegram.delivery import describe, nothing_sent
from bot.telegram.fairness import is_group
from bot.telegram.render import render
from bot.telegram.services import Context, get_services
from bot.telegram.tracking import current_trace

log = logging.getLogger("bot.telegram")


async def send(
    context: Context,
    chat_id: int,
    text: str,
    *,
    reply_to: int | None = None,
    thread_id: int | None = None,
    keyboard: InlineKeyboardMarkup | None = None,
) -> Message | None:
    """Send one HTML message and mark the update as answered.

    Returns None when the message may have arrived but was not confirmed (a read timeout, a
    dropped connection, an unreadable answer): it counts as sent and is never sent again, so no
    chat gets the same reply twice.
    """
    trace = current_trace()
    kwargs: dict[str, Any] = {}
    if reply_to is not None:
        kwargs["reply_parameters"] = ReplyParameters(reply_to, allow_sending_without_reply=True)
    if thread_id is not None:
        kwargs["message_thread_id"] = thread_id
    if keyboard is not None:
        kwargs["reply_markup"] = keyboard
    try:
        sent = await context.bot.send_message(chat_id, text, **kwargs)
    except TelegramError as exc:
        if nothing_sent(exc):
            raise
        trace.replied = True  # it may well have arrived: never risk a second reply
        log.warning("sendMessage unconfirmed (%s); not sending it again", describe(exc))
        return None
    except Exception as exc:
        trace.replied = True
        log.warning("sendMessage succeeded but its result could not be read: %r", exc)
        return None
    trace.replied = True
    return sent


async def reply(
    update: Update,
    context: Context,
    parts: Sequence[str],
    keyboard: InlineKeyboardMarkup | None = None,
) -> Message | None:
    """Answer the update in its chat: quoting the question in groups, buttons on the last part.

    A button press that arrives without its message (some servers omit it) is answered in the
    private chat with the user who pressed it. Returns the first message sent, if confirmed.
    """
    chat = update.effective_chat
    if chat is not None:
        chat_id = chat.id
    elif update.callback_query is not None:
        chat_id = update.callback_query.from_user.id
    else:
        return None
    message = update.effective_message
    reply_to = thread_id = None
    if isinstance(message, Message):
        if update.callback_query is None and message.chat.type != ChatType.PRIVATE:
            reply_to = message.message_id
        if message.is_topic_message:
            thread_id = message.message_thread_id
    if not await within_budget(update, context, chat_id, len(parts)):
        return None
    first: Message | None = None
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        sent = await send(
            context,
            chat_id,
            part,
            reply_to=reply_to if i == 0 else None,
            thread_id=thread_id,
            keyboard=keyboard if last else None,
        )
        first = first or sent
    return first


async def best_effort(call: Awaitable[object], what: str) -> None:
    """Await a call the bot can live without; a Bot API server lacking it is logged, not fatal."""
    try:
        await call
    except TelegramError as exc:
        log.warning("%s failed (%s); carrying on without it", what, exc)


async def within_budget(update: Update, context: Context, chat_id: int, cost: int) -> bool:
    """Whether the chat may get `cost` more messages now (fairness.py); over its budget it gets
    one polite notice, tried once, and then nothing until it slows down."""
    services = get_services(context)
    verdict = services.budget.spend(chat_id, is_group(update), cost)
    if verdict == "send":
        return True
    trace = current_trace()
    trace.replied = True  # no apology either: that would be one more message
    trace.outcome = f"over_budget_{trace.outcome}"
    if verdict == "notice":
        await notify(context, chat_id, render(services.texts.slow_down))
    return False


async def notify(context: Context, chat_id: int, text: str) -> None:
    """A message the chat can do without (a notice, an apology): tried once, never retried, not
    even tried while Telegram holds the chat back with a 429."""
    try:
        await context.bot.send_message(chat_id, text, rate_limit_args={"retry": False})
    except Exception as exc:
        log.warning("a notice or apology was not sent (%s)", describe(exc))
