"""A question in a chat → the core's reply, rendered and sent (or put in place of an old answer).

An edited question updates the answer given to it, when the bot still knows which message that was.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError

from bot.reply import Reply
from bot.telegram.delivery import describe, nothing_sent
from bot.telegram.keyboards import suggestions_keyboard, with_votes
from bot.telegram.render import escape, split_text
from bot.telegram.send import reply
from bot.telegram.services import Context, Services, get_services
from bot.telegram.tracking import current_trace

log = logging.getLogger("bot.telegram")

T = TypeVar("T")
_ANSWERS: Final = "hoi_dap.answers"  # chat_data: question message id -> our answer's message id
_ANSWERS_KEPT: Final = 200
FALLBACK_EXAMPLES: Final = 3


def conversation_key(update: Update) -> str:
    """Whose conversation this is: the private chat, or one member of a group."""
    chat, user = update.effective_chat, update.effective_user
    chat_id = chat.id if chat else 0
    if (chat is not None and chat.type == ChatType.PRIVATE) or user is None:
        return f"tg:{chat_id}"
    return f"tg:{chat_id}:{user.id}"


async def in_conversation(
    services: Services, method: Callable[..., T], update: Update, *args: Any
) -> T:
    """Call a Conversations method for the update's chat.

    With shared state it may wait on the database, so it runs off the event loop (`tracked`
    keeps a chat's updates in order meanwhile).
    """
    key = conversation_key(update)
    if not services.conversations.shared:
        return method(key, *args)
    return await asyncio.to_thread(method, key, *args)


def answer_view(
    answer: Reply,
    services: Services,
    exchange_id: str | None = None,
    shown: str | None = None,
) -> tuple[list[str], InlineKeyboardMarkup | None]:
    """A core Reply as Telegram message parts (escaped HTML) and its buttons.

    `shown`: the text the conversation shows (the source line only once); default: all of it.
    An answer from the article gets 👍/👎 buttons (with `exchange_id`, the vote finds it).
    """
    texts = services.texts
    text = (answer.full_text if shown is None else shown).strip() or texts.apology
    suggestions = list(answer.suggestions)
    if answer.status == "fallback" and not suggestions:
        suggestions = list(services.responder.examples(FALLBACK_EXAMPLES))
        if suggestions:
            text = f"{text}\n\n{texts.try_these}"
    parts = [escape(part) for part in split_text(text)]
    keyboard = suggestions_keyboard(suggestions)
    if answer.status == "answer" and answer.intent and exchange_id:
        keyboard = with_votes(keyboard, answer.intent, exchange_id, texts)
    return parts, keyboard


async def answer_question(update: Update, context: Context, question: str) -> None:
    services = get_services(context)
    exchange = await in_conversation(services, services.conversations.ask, update, question)
    answer = exchange.reply
    trace = current_trace()
    trace.outcome, trace.intent, trace.score = answer.status, answer.intent, answer.score
    parts, keyboard = answer_view(answer, services, exchange.id, exchange.text)
    edited = update.edited_message
    if edited is not None and await _edit_previous_answer(context, edited, parts, keyboard):
        return
    message = update.effective_message
    sent = await reply(update, context, parts, keyboard)
    if message is not None:
        _remember_answer(context, message.message_id, sent)


def _remember_answer(context: Context, question_id: int, sent: Message | None) -> None:
    if sent is None or context.chat_data is None:
        return
    answers: dict[int, int] = context.chat_data.setdefault(_ANSWERS, {})
    answers[question_id] = sent.message_id
    while len(answers) > _ANSWERS_KEPT:
        del answers[next(iter(answers))]


async def _edit_previous_answer(
    context: Context, message: Message, parts: Sequence[str], keyboard: InlineKeyboardMarkup | None
) -> bool:
    """An edited question updates the answer we gave to it, when we still know which one."""
    answers = (context.chat_data or {}).get(_ANSWERS, {})
    answer_id = answers.get(message.message_id)
    if answer_id is None or len(parts) != 1:
        return False
    trace = current_trace()
    try:
        await context.bot.edit_message_text(
            parts[0], chat_id=message.chat_id, message_id=answer_id, reply_markup=keyboard
        )
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            log.info("could not edit answer %s (%s); replying anew", answer_id, exc)
            return False
    except TelegramError as exc:
        if nothing_sent(exc):
            log.info("could not edit answer %s (%s); replying anew", answer_id, exc)
            return False
        log.warning("editMessageText unconfirmed (%s); not replying anew", describe(exc))
    except Exception as exc:  # edited, but the confirmation was unreadable
        log.warning("editMessageText succeeded but its result could not be read: %r", exc)
    trace.replied = True
    trace.outcome = f"edited_{trace.outcome}"
    return True
