"""The Telegram front end: a python-telegram-bot Application around the core's Responder.

Run it with `python -m bot telegram [--polling | --webhook]` (or `python -m bot` with
TELEGRAM_BOT_TOKEN set). Long polling by default; webhook mode when WEBHOOK_URL is set.

Private chats: every message gets exactly one reply. Groups: the bot speaks when mentioned,
replied to, or asked with /ask; commands for other bots are left alone. Suggested questions are
inline buttons whose callback data carries an intent id (`q:<id>`) or a topic id (`t:<id>`).
Replies are retried when a failure proves they were not sent, and never sent twice
(bot/delivery.py); polling rides out a failing Bot API server, and SIGTERM finishes what is in hand.
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import datetime as dt
import functools
import html
import json
import logging
import re
import string
import sys
import time
import unicodedata
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    ExtBot,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.answer import Responder
from bot.bot_api_compat import readable_updates, repair_result
from bot.config import ConfigError, Settings, load_settings
from bot.conversation import Conversations
from bot.delivery import SendRetries, describe, nothing_sent
from bot.kb import KnowledgeError
from bot.paths import PROJECT_DIR
from bot.reply import Reply, Suggestion
from bot.store import Store, StoreUnavailable
from bot.telegram_texts import TelegramTexts, TextsError, load_texts

CONCURRENT_UPDATES = 32  # updates handled at once (PTB's default is one at a time)
log = logging.getLogger("bot.telegram")

Context = ContextTypes.DEFAULT_TYPE
Handler = Callable[[Update, Context], Awaitable[None]]
App = Application[Any, Any, Any, Any, Any, Any]

MAX_MESSAGE: Final = 4096  # Bot API sendMessage: 1-4096 characters after entity parsing
MAX_BUTTONS: Final = 6
EXAMPLE_COUNT: Final = 4
_SERVICES: Final = "hoi_dap.services"
_ANSWERS: Final = "hoi_dap.answers"  # chat_data: question message id -> our answer's message id
_ANSWERS_KEPT: Final = 200
STARTUP_PATIENCE: Final = 60.0  # seconds to wait at start for a Bot API server that is down
READ_TIMEOUT: Final = 5.0  # seconds to wait for a Bot API answer (python-telegram-bot's default)
POLL_RETRY_MAX: Final = 5.0  # longest pause between getUpdates attempts while the server fails
CONFIRM_PATIENCE: Final = 3.0  # seconds to keep confirming the last updates when stopping
# Updates fetched and not yet handled, at most: a backlog (after downtime, in a rush) waits at
# Telegram instead of in memory, and SIGTERM has only these to finish before the process ends.
MAX_IN_HAND: Final = 4 * CONCURRENT_UPDATES

# Callback data: "q:<intent id>" answers a question, "t:<topic id>" opens a topic. ASCII only, so
# 2 + 60 characters stay within the Bot API's 64-byte limit.
_CALLBACK_RE: Final = re.compile(r"(q|t):([A-Za-z0-9_.-]{1,60})")
# Feedback: "v:+:<intent id>:<exchange id>" (or "v:-:…"), at most 4 + 40 + 1 + 8 = 53 bytes.
_VOTE_RE: Final = re.compile(r"v:([+-]):([A-Za-z0-9_.-]{1,40}):([0-9a-f]{8})")
# A command typed as text, for servers and clients that send no bot_command entity.
_COMMAND_RE: Final = re.compile(
    r"/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+(.*))?\s*", re.DOTALL
)


# --- rendering -----------------------------------------------------------------------------


class Html(str):
    """A string that is already Telegram HTML; `render` inserts it without escaping."""

    __slots__ = ()


def escape(text: str) -> str:
    """Plain text → Telegram HTML text (only <, > and & are special there)."""
    return html.escape(text, quote=False)


def bold(text: str) -> Html:
    return Html(f"<b>{escape(text)}</b>")


def render(template: str, **values: object) -> str:
    """Fill a plain-text template: its own text and every value are escaped, except `Html` values."""
    out: list[str] = []
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        out.append(escape(literal))
        if name is not None:
            value = values[name]
            out.append(value if isinstance(value, Html) else escape(str(value)))
    return "".join(out)


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Cut plain text into messages Telegram accepts, at a paragraph, line, sentence or word break.

    Telegram counts UTF-16 code units; Vietnamese letters are one unit each, emoji two.
    """
    text = text.strip()
    parts: list[str] = []
    while _utf16_len(text) > limit:
        cut = _break_point(text, _longest_prefix(text, limit))
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        parts.append(text)
    return parts


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _longest_prefix(text: str, limit: int) -> int:
    """How many characters of `text` fit in `limit` UTF-16 units."""
    units = 0
    for i, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return i
    return len(text)


def _break_point(text: str, end: int) -> int:
    """Where to cut `text` at or before `end`: the latest natural break in its second half."""
    window = text[:end]
    for separator in ("\n\n", "\n", ". ", "! ", "? ", "; ", ", ", " "):
        at = window.rfind(separator)
        if at >= end // 2:
            return at + len(separator)
    cut = end
    # Never strand a combining tone mark (NFD text) at the start of the next message.
    while cut > 1 and unicodedata.combining(text[cut]):
        cut -= 1
    return cut


# --- keyboards and callback data -----------------------------------------------------------


def callback_data(kind: str, ident: str) -> str | None:
    """Callback data for a button, or None when the id cannot travel safely in 64 bytes."""
    data = f"{kind}:{ident}"
    return data if _CALLBACK_RE.fullmatch(data) else None


def parse_callback(data: object) -> tuple[str, str] | None:
    """(kind, id) for data this bot could have made; None for anything else (forged, foreign)."""
    if not isinstance(data, str) or len(data.encode("utf-8")) > 64:
        return None
    match = _CALLBACK_RE.fullmatch(data)
    return (match.group(1), match.group(2)) if match else None


def _button_label(question: str) -> str:
    return question if len(question) <= 60 else question[:59].rstrip() + "…"


def suggestions_keyboard(suggestions: Sequence[Suggestion]) -> InlineKeyboardMarkup | None:
    """One button per suggested question; suggestions whose id cannot be carried are skipped."""
    rows = []
    for suggestion in suggestions[:MAX_BUTTONS]:
        data = callback_data("q", suggestion.intent_id)
        if data is None:
            log.warning(
                "no button for intent id %r: not [A-Za-z0-9_.-]{1,60}", suggestion.intent_id
            )
            continue
        rows.append([InlineKeyboardButton(_button_label(suggestion.question), callback_data=data)])
    return InlineKeyboardMarkup(rows) if rows else None


# --- per-update bookkeeping ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Services:
    """What handlers need besides the update: the core, the chats' memory, the bot's texts."""

    responder: Responder
    texts: TelegramTexts
    chats: Conversations


@dataclass(slots=True)
class Trace:
    """What happened to one update, for its log line and for the error path."""

    outcome: str = "ignored"
    intent: str | None = None
    score: float | None = None
    replied: bool = False


_TRACE: contextvars.ContextVar[Trace] = contextvars.ContextVar("hoi_dap_trace")


def _trace() -> Trace:
    try:
        return _TRACE.get()
    except LookupError:  # a handler called outside `tracked` (e.g. from a test): keep a throwaway
        trace = Trace()
        _TRACE.set(trace)
        return trace


def _services(context: Context) -> Services:
    services = context.bot_data[_SERVICES]
    assert isinstance(services, Services)
    return services


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


def _log_update(update: Update, trace: Trace, started: float) -> None:
    chat = update.effective_chat
    level = logging.DEBUG if trace.outcome == "ignored" else logging.INFO
    log.log(
        level,
        "update=%s chat=%s outcome=%s intent=%s score=%s latency_ms=%d",
        update.update_id,
        chat.type if chat else "-",
        trace.outcome,
        trace.intent or "-",
        "-" if trace.score is None else f"{trace.score:.1f}",
        round((time.perf_counter() - started) * 1000),
    )


# --- sending -------------------------------------------------------------------------------


async def _send(
    context: Context,
    chat_id: int,
    text: str,
    *,
    reply_to: int | None = None,
    thread_id: int | None = None,
    keyboard: InlineKeyboardMarkup | None = None,
) -> Message | None:
    """Send one HTML message and mark the update as answered.

    Failures that prove nothing was sent were retried by SendRetries (bot/delivery.py); one that
    still does is raised, and the error handler apologises. Returns None when the message may
    have arrived but was not confirmed (a read timeout, a dropped connection, an unreadable
    answer): it counts as sent and is never sent again, so no chat gets the same reply twice.
    """
    trace = _trace()
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
        log.warning("sendMessage to chat %s unconfirmed (%s); not sending it again", chat_id, exc)
        return None
    except Exception as exc:
        trace.replied = True
        log.warning("sendMessage succeeded but its result could not be read: %r", exc)
        return None
    trace.replied = True
    return sent


async def _reply(
    update: Update,
    context: Context,
    parts: Sequence[str],
    keyboard: InlineKeyboardMarkup | None = None,
) -> Message | None:
    """Answer the update in its chat: quoting the question in groups, buttons on the last part.

    A button press that arrives without its message (some servers omit it) is answered in the
    private chat with the user who pressed it.
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
    first: Message | None = None
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        sent = await _send(
            context,
            chat_id,
            part,
            reply_to=reply_to if i == 0 else None,
            thread_id=thread_id,
            keyboard=keyboard if last else None,
        )
        first = first or sent
    return first


async def _optional(call: Awaitable[object], what: str) -> bool:
    """Await a call the bot can live without; a Bot API server lacking it is logged, not fatal."""
    try:
        await call
    except TelegramError as exc:
        log.warning("%s failed (%s); carrying on without it", what, exc)
        return False
    return True


def _answer_view(
    reply: Reply, services: Services, exchange_id: str | None = None
) -> tuple[list[str], InlineKeyboardMarkup | None]:
    """A core Reply as Telegram message parts (escaped HTML) and its buttons.

    An answer from the article gets 👍/👎 buttons (with `exchange_id`, the vote finds it).
    """
    texts = services.texts
    text = reply.text.strip() or texts.apology
    suggestions = list(reply.suggestions)
    if reply.status == "fallback" and not suggestions:
        suggestions = list(services.responder.examples(3))
        if suggestions:
            text = f"{text}\n\n{texts.try_these}"
    parts = [escape(part) for part in split_text(text)]
    keyboard = suggestions_keyboard(suggestions)
    if reply.status == "answer" and reply.intent and exchange_id:
        votes = _vote_buttons(reply.intent, exchange_id, texts)
        if votes:
            rows = list(keyboard.inline_keyboard) if keyboard else []
            keyboard = InlineKeyboardMarkup([*rows, votes])
    return parts, keyboard


def _vote_buttons(
    intent: str, exchange_id: str, texts: TelegramTexts
) -> list[InlineKeyboardButton]:
    up, down = f"v:+:{intent}:{exchange_id}", f"v:-:{intent}:{exchange_id}"
    if not (_VOTE_RE.fullmatch(up) and _VOTE_RE.fullmatch(down)):
        return []
    return [
        InlineKeyboardButton(texts.vote_up_button, callback_data=up),
        InlineKeyboardButton(texts.vote_down_button, callback_data=down),
    ]


def chat_key(update: Update) -> str:
    """Whose conversation this is: the private chat, or one member of a group."""
    chat, user = update.effective_chat, update.effective_user
    chat_id = chat.id if chat else 0
    if (chat is not None and chat.type == ChatType.PRIVATE) or user is None:
        return f"tg:{chat_id}"
    return f"tg:{chat_id}:{user.id}"


def _remember_answer(context: Context, question_id: int, sent: Message | None) -> None:
    if sent is None or context.chat_data is None:
        return
    answers: dict[int, int] = context.chat_data.setdefault(_ANSWERS, {})
    answers[question_id] = sent.message_id
    while len(answers) > _ANSWERS_KEPT:
        del answers[next(iter(answers))]


async def _answer_question(update: Update, context: Context, question: str) -> None:
    services = _services(context)
    exchange = services.chats.ask(chat_key(update), question)
    reply = exchange.reply
    trace = _trace()
    trace.outcome, trace.intent, trace.score = reply.status, reply.intent, reply.score
    parts, keyboard = _answer_view(reply, services, exchange.id)
    edited = update.edited_message
    if edited is not None and await _edit_previous_answer(context, edited, parts, keyboard):
        return
    message = update.effective_message
    sent = await _reply(update, context, parts, keyboard)
    if message is not None:
        _remember_answer(context, message.message_id, sent)


async def _edit_previous_answer(
    context: Context, message: Message, parts: Sequence[str], keyboard: InlineKeyboardMarkup | None
) -> bool:
    """An edited question updates the answer we gave to it, when we still know which one."""
    answers = (context.chat_data or {}).get(_ANSWERS, {})
    answer_id = answers.get(message.message_id)
    if answer_id is None or len(parts) != 1:
        return False
    trace = _trace()
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


# --- who is being spoken to ----------------------------------------------------------------


def _username(context: Context) -> str:
    """The bot's @username without the @ (empty if the server's getMe had none)."""
    return context.bot.username or ""


def _is_private(message: Message) -> bool:
    return message.chat.type == ChatType.PRIVATE


def _is_reply_to_bot(message: Message, bot_id: int) -> bool:
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.id == bot_id)


def _mentions_bot(message: Message, username: str, bot_id: int) -> bool:
    text = message.text or ""
    if not username:
        return False
    if message.entities:
        for entity, value in message.parse_entities(
            [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
        ).items():
            if entity.type == MessageEntity.MENTION and value[1:].lower() == username.lower():
                return True
            if entity.user is not None and entity.user.id == bot_id:
                return True
        return False
    # No entities (some servers and emulators omit them): look for the @username itself.
    return _mention_re(username).search(text) is not None


@functools.lru_cache(maxsize=4)
def _mention_re(username: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w@])@{re.escape(username)}(?!\w)", re.IGNORECASE)


def addressed_question(message: Message, username: str, bot_id: int) -> str | None:
    """The question in a message meant for this bot; None when it is meant for someone else.

    Private chats: every text. Groups: only a text that mentions @username (the mention is cut
    out) or replies to one of the bot's messages.
    """
    text = (message.text or "").strip()
    if _is_private(message):
        return text
    if _mentions_bot(message, username, bot_id):
        return _mention_re(username).sub(" ", text).strip(" \t\n,:;-")
    if _is_reply_to_bot(message, bot_id):
        return text
    return None


def _command_argument(message: Message) -> str:
    match = _COMMAND_RE.fullmatch(message.text or "")
    return (match.group(3) or "").strip() if match else ""


# --- command handlers ----------------------------------------------------------------------


def _article_fields(services: Services) -> dict[str, object]:
    article = services.responder.article
    return {
        "title": article.title,
        "source": article.source,
        "published": article.published,
        "author": article.author,
        "views": article.views,
    }


async def start(update: Update, context: Context) -> None:
    """/start: what the bot knows about, with example questions as buttons."""
    services = _services(context)
    fields = _article_fields(services)
    text = render(
        services.texts.greeting,
        title=bold(str(fields["title"])),
        source=fields["source"],
        published=fields["published"],
    )
    _trace().outcome = "start"
    await _reply(
        update, context, [text], suggestions_keyboard(services.responder.examples(EXAMPLE_COUNT))
    )


async def help_command(update: Update, context: Context) -> None:
    """/help: how to ask, in private chats and in groups."""
    services = _services(context)
    title = services.responder.article.title
    text = render(services.texts.help, title=title, bot_username=_username(context))
    _trace().outcome = "help"
    await _reply(update, context, [text])


async def about(update: Update, context: Context) -> None:
    """/about: the article's title, source, date and author."""
    services = _services(context)
    fields = _article_fields(services)
    fields["title"] = bold(str(fields["title"]))
    _trace().outcome = "about"
    await _reply(update, context, [render(services.texts.about, **fields)])


async def topics(update: Update, context: Context) -> None:
    """/topics: the knowledge base's topics as buttons."""
    services = _services(context)
    rows = []
    for topic in services.responder.topics()[:20]:
        data = callback_data("t", topic.id)
        if data is not None:
            rows.append([InlineKeyboardButton(_button_label(topic.label), callback_data=data)])
    _trace().outcome = "topics"
    if not rows:
        await _reply(update, context, [render(services.texts.no_topics)])
        return
    await _reply(update, context, [render(services.texts.topics_intro)], InlineKeyboardMarkup(rows))


async def ask(update: Update, context: Context) -> None:
    """/ask <question>: the explicit way to ask in a group (works in private chats too)."""
    message = update.effective_message
    if message is None:
        return
    question = _command_argument(message)
    if not question:
        await _empty_question(update, context)
        return
    log.debug("update=%s text=%r", update.update_id, question)
    await _answer_question(update, context, question)


async def _empty_question(update: Update, context: Context) -> None:
    services = _services(context)
    examples = services.responder.examples(1)
    example = examples[0].question if examples else ""
    text = render(services.texts.empty_question, example=example, bot_username=_username(context))
    _trace().outcome = "empty_question"
    await _reply(update, context, [text], suggestions_keyboard(services.responder.examples(3)))


async def forget(update: Update, context: Context) -> None:
    """/forget: delete what the store keeps about this conversation."""
    services = _services(context)
    trace = _trace()
    trace.outcome = "forget"
    try:
        count = await asyncio.to_thread(services.chats.forget, chat_key(update))
    except StoreUnavailable:
        trace.outcome = "forget_failed"
        await _reply(update, context, [render(services.texts.forget_failed)])
        return
    await _reply(update, context, [render(services.texts.forgot, count=count)])


COMMANDS: Final[dict[str, Handler]] = {
    "start": start,
    "help": help_command,
    "about": about,
    "topics": topics,
    "ask": ask,
    "forget": forget,
}


# --- message handlers ----------------------------------------------------------------------


async def on_text(update: Update, context: Context) -> None:
    """Any text: a command typed without an entity is run as one; otherwise it is a question."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    if message.text.startswith("/"):
        await _typed_command(update, context, message)
        return
    question = addressed_question(message, _username(context), context.bot.id)
    if question is None:
        return
    log.debug("update=%s text=%r", update.update_id, message.text)
    if not question:
        await _empty_question(update, context)
        return
    await _answer_question(update, context, question)


async def on_command(update: Update, context: Context) -> None:
    """Commands no CommandHandler took: someone else's (ignored) or unknown ones."""
    message = update.effective_message
    if message is not None:
        await _typed_command(update, context, message)


async def _typed_command(update: Update, context: Context, message: Message) -> None:
    match = _COMMAND_RE.fullmatch(message.text or "")
    if match is None:  # "/" followed by something that is no command: treat it as text
        question = addressed_question(message, _username(context), context.bot.id)
        if question:
            await _answer_question(update, context, question)
        return
    name, target = match.group(1).lower(), match.group(2)
    if target is not None and target.lower() != _username(context).lower():
        return  # /help@otherbot
    if name in COMMANDS:
        await COMMANDS[name](update, context)
        return
    if _is_private(message) or target is not None:
        services = _services(context)
        _trace().outcome = "unknown_command"
        await _reply(update, context, [render(services.texts.unknown_command, command=name)])


async def on_non_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice, locations…: a polite note that only text is understood."""
    message = update.effective_message
    if message is None:
        return
    if not (_is_private(message) or _is_reply_to_bot(message, context.bot.id)):
        return
    _trace().outcome = "non_text"
    await _reply(update, context, [render(_services(context).texts.non_text)])


async def on_edited(update: Update, context: Context) -> None:
    """An edited question gets its answer updated; edits of anything else are left alone."""
    message = update.edited_message
    if message is None or not message.text or message.text.startswith("/"):
        return
    question = addressed_question(message, _username(context), context.bot.id)
    if question:
        log.debug("update=%s edited text=%r", update.update_id, message.text)
        await _answer_question(update, context, question)


async def on_button(update: Update, context: Context) -> None:
    """A tapped suggestion or topic; anything the bot did not make is answered politely."""
    query = update.callback_query
    if query is None:
        return
    services = _services(context)
    trace = _trace()
    vote = _VOTE_RE.fullmatch(query.data) if isinstance(query.data, str) else None
    if vote is not None:
        await _on_vote(update, context, query, vote)
        return
    parsed = parse_callback(query.data)
    if parsed is None:
        trace.outcome = "forged_button"
        await _button_notice(update, context, query, services.texts.invalid_button)
        return
    kind, ident = parsed
    if kind == "t":
        topic = next((t for t in services.responder.topics() if t.id == ident), None)
        if topic is None:
            trace.outcome = "stale_button"
            await _button_notice(update, context, query, services.texts.stale_button)
            return
        trace.outcome = "topic"
        await _optional(query.answer(), "answerCallbackQuery")
        text = render(services.texts.topic_questions, topic=topic.label)
        await _reply(update, context, [text], suggestions_keyboard(topic.suggestions))
        return
    exchange = services.chats.tapped(chat_key(update), ident)
    if exchange is None:
        trace.outcome = "stale_button"
        await _button_notice(update, context, query, services.texts.stale_button)
        return
    reply = exchange.reply
    trace.outcome, trace.intent, trace.score = "button", reply.intent, reply.score
    await _optional(query.answer(), "answerCallbackQuery")
    parts, keyboard = _answer_view(reply, services, exchange.id)
    await _reply(update, context, parts, keyboard)


async def _on_vote(
    update: Update, context: Context, query: CallbackQuery, vote: re.Match[str]
) -> None:
    """👍/👎: recorded, thanked, and the buttons give way to the thanks (one vote a message)."""
    services = _services(context)
    up, intent, exchange_id = vote.group(1) == "+", vote.group(2), vote.group(3)
    trace = _trace()
    trace.outcome, trace.intent = ("vote_up" if up else "vote_down"), intent
    if services.responder.kb.intent(intent) is None:
        trace.outcome = "stale_button"
        await _button_notice(update, context, query, services.texts.stale_button)
        return
    services.chats.vote(chat_key(update), exchange_id, intent, up)
    thanks = services.texts.voted_up if up else services.texts.voted_down
    trace.replied = True
    await _optional(query.answer(thanks[:200]), "answerCallbackQuery")
    message = query.message
    if isinstance(message, Message) and message.text:
        text = f"{escape(message.text)}\n\n{escape(thanks)}"
        if len(text) <= MAX_MESSAGE:
            await _optional(
                context.bot.edit_message_text(
                    text, chat_id=message.chat_id, message_id=message.message_id
                ),
                "editMessageText",
            )


async def _button_notice(update: Update, context: Context, query: CallbackQuery, text: str) -> None:
    """Forged or stale buttons: a short toast and the same words in the chat."""
    await _optional(query.answer(text[:200]), "answerCallbackQuery")
    await _reply(update, context, [render(text)])


async def on_other(update: Update, context: Context) -> None:
    """Channel posts, member updates and the like: nothing to answer (channels are broadcasts)."""


async def on_error(update: object, context: Context) -> None:
    """Log the failure with its traceback; apologise in the chat; the bot keeps running."""
    update_id = update.update_id if isinstance(update, Update) else "-"
    log.error("update=%s failed: %r", update_id, context.error, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.effective_chat.type == ChatType.CHANNEL:
        return
    try:
        texts = _services(context).texts
        await context.bot.send_message(update.effective_chat.id, render(texts.apology))
    except Exception as exc:
        log.warning("could not apologise in chat %s: %r", update.effective_chat.id, exc)


# --- the application -----------------------------------------------------------------------


class TolerantBot(ExtBot[None]):
    """An ExtBot that starts without deleteWebhook and polls through a failing Bot API server.

    python-telegram-bot deletes the webhook before polling and aborts when that fails; a Bot API
    emulator without the method would stop the bot before its first question.
    """

    _polling_failed = False
    _in_hand = 0  # updates getUpdates returned that BotApplication has not finished yet

    def handled(self) -> None:
        """One update less in hand (called by BotApplication)."""
        self._in_hand = max(0, self._in_hand - 1)

    async def _post(self, endpoint: str, data: Any = None, **kwargs: Any) -> Any:
        """Every Bot API answer, with what emulators leave out filled in (bot/bot_api_compat.py).

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
            if not confirming:  # (PTB ignores what the confirming call returns)
                self._in_hand += len(updates)
            return updates


class BotApplication(Application[Any, Any, Any, Any, Any, Any]):
    """The Application, telling its TolerantBot when an update is done (see MAX_IN_HAND)."""

    async def process_update(self, update: object) -> None:
        try:
            await super().process_update(update)
        finally:
            if isinstance(self.bot, TolerantBot):
                self.bot.handled()


def _seconds(value: float | dt.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def register_handlers(application: App) -> None:
    """Every handler, in the order PTB tries them (first match wins)."""
    new_message = filters.UpdateType.MESSAGE
    for name, handler in COMMANDS.items():
        application.add_handler(CommandHandler(name, tracked(handler), filters=new_message))
    application.add_handler(CallbackQueryHandler(tracked(on_button)))
    application.add_handler(MessageHandler(new_message & filters.COMMAND, tracked(on_command)))
    application.add_handler(MessageHandler(new_message & filters.TEXT, tracked(on_text)))
    application.add_handler(
        MessageHandler(new_message & ~filters.StatusUpdate.ALL, tracked(on_non_text))
    )
    application.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE, tracked(on_edited)))
    application.add_handler(TypeHandler(Update, tracked(on_other)))
    application.add_error_handler(on_error)


async def post_init(application: App) -> None:
    """Start-up calls that are nice to have: the command menu."""
    texts = application.bot_data[_SERVICES].texts
    commands = [BotCommand(name, description) for name, description in texts.commands]
    await _optional(application.bot.set_my_commands(commands), "setMyCommands")
    log.info("bot @%s ready", application.bot.username)


def build_application(
    settings: Settings,
    responder: Responder,
    texts: TelegramTexts | None = None,
    *,
    with_updater: bool = True,
    chats: Conversations | None = None,
) -> App:
    """The Application, ready for run_polling (or, with_updater=False, for the webhook server)."""
    quiet_http_loggers()
    retries = SendRetries()
    bot = TolerantBot(
        token=settings.token,
        base_url=settings.base_url or "https://api.telegram.org/bot",
        defaults=Defaults(parse_mode=ParseMode.HTML),
        request=HTTPXRequest(connection_pool_size=64, read_timeout=READ_TIMEOUT),
        get_updates_request=HTTPXRequest(connection_pool_size=1),
        rate_limiter=retries,
    )
    # Handlers are independent and the core is pure: let a slow sendMessage not hold up others.
    builder = (
        Application.builder()
        .application_class(BotApplication)
        .bot(bot)
        .post_init(post_init)
        .concurrent_updates(CONCURRENT_UPDATES)
    )
    if not with_updater:
        builder = builder.updater(None)
    application = builder.build()
    retries.stopping = lambda: not application.running  # in-flight retries get STOP_GRACE
    chats = chats or Conversations(responder, None, "telegram")
    application.bot_data[_SERVICES] = Services(responder, texts or load_texts(), chats)
    register_handlers(application)
    return application


async def initialize(application: App, *, patience: float = STARTUP_PATIENCE) -> None:
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


def run_polling(
    application: App,
    *,
    handle_signals: bool = True,
    loop: asyncio.AbstractEventLoop | None = None,
) -> None:
    """Long polling until SIGINT/SIGTERM; PTB's own loop stops cleanly and runs post_init.

    `loop` lets a caller on another thread (the tests) keep a handle to stop it.
    """
    loop = loop or asyncio.new_event_loop()
    asyncio.set_event_loop(loop)  # run_polling picks up the current loop
    try:
        loop.run_until_complete(initialize(application))
    except BaseException:
        loop.close()
        raise
    kwargs: dict[str, Any] = {} if handle_signals else {"stop_signals": None}
    application.run_polling(drop_pending_updates=False, **kwargs)


# --- logging -------------------------------------------------------------------------------


class RedactingFormatter(logging.Formatter):
    """Belt and braces: whatever a library logs, the token and webhook secret come out masked."""

    def __init__(self, fmt: str, secrets: Sequence[str]) -> None:
        super().__init__(fmt)
        self._secrets = tuple(s for s in secrets if s)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return text


class _TelegramErrorsInOneLine(logging.Filter):
    """PTB logs expected Bot API failures (server unreachable, token refused) with a full
    traceback; for those, the exception's own message says everything."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        # (a JSONDecodeError: PTB logs a Bot API answer it could not parse, then raises)
        if record.name.startswith("telegram") and isinstance(
            error, TelegramError | json.JSONDecodeError
        ):
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {error})"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True


def quiet_http_loggers() -> None:
    """httpx logs every request URL at INFO, and Bot API URLs contain the token."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)


def configure_logging(level: str, secrets: Sequence[str] = ()) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    )
    handler.addFilter(_TelegramErrorsInOneLine())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    quiet_http_loggers()


# --- command line --------------------------------------------------------------------------


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line instead of argparse's usage block
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m bot telegram",
        description="Run the Telegram bot (long polling unless WEBHOOK_URL is set).",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--polling",
        dest="mode",
        action="store_const",
        const="polling",
        help="long polling (no public URL needed)",
    )
    mode.add_argument(
        "--webhook",
        dest="mode",
        action="store_const",
        const="webhook",
        help="serve WEBHOOK_URL's path on 0.0.0.0:$PORT and register the webhook",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m bot telegram [--polling|--webhook]`: exit 2 with one line on bad configuration."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["telegram"]:
        args_list = args_list[1:]
    try:
        args = _parser().parse_args(args_list)
    except _UsageError as exc:
        print(
            f"error: {exc} (usage: python -m bot telegram [--polling | --webhook])", file=sys.stderr
        )
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        settings = load_settings(mode=args.mode)
        texts = load_texts()
    except (ConfigError, TextsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level, settings.secrets)
    try:
        responder = Responder.load()
    except KnowledgeError as exc:
        first = exc.problems[0].format(PROJECT_DIR) if exc.problems else str(exc)
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        print(
            f"error: invalid knowledge base: {first}{more}; see `python -m bot kb check`",
            file=sys.stderr,
        )
        return 2
    return run(settings, responder, texts)


def run(settings: Settings, responder: Responder, texts: TelegramTexts) -> int:
    """Run until stopped; start-up failures become one line and an exit code, not a traceback."""
    server = _server_name(settings)
    store = _open_store()
    chats = Conversations(responder, store, "telegram")
    try:
        if settings.mode == "webhook":
            from bot.webhook import WebhookServer

            application = build_application(
                settings, responder, texts, with_updater=False, chats=chats
            )
            asyncio.run(WebhookServer(application, settings).run())
        else:
            application = build_application(settings, responder, texts, chats=chats)
            run_polling(application)
    except InvalidToken as exc:
        print(
            f"error: the Bot API server {server} refused the token ({exc}); "
            "check TELEGRAM_BOT_TOKEN and TELEGRAM_API_BASE_URL",
            file=sys.stderr,
        )
        return 2
    except NetworkError as exc:
        print(f"error: cannot reach the Bot API server {server}: {exc}", file=sys.stderr)
        return 1
    except SystemExit as exc:  # uvicorn exits this way when it cannot bind the port
        if exc.code:
            print(
                f"error: the webhook server could not start on port {settings.port}",
                file=sys.stderr,
            )
            return 1
    except KeyboardInterrupt:
        pass
    except Exception as exc:  # e.g. a server whose answers python-telegram-bot cannot read
        log.critical("the bot stopped: %r", exc, exc_info=exc)
        print(f"error: the bot stopped: {exc!r}", file=sys.stderr)
        return 1
    finally:
        if store is not None:
            store.close(timeout=3)
    return 0


def _open_store() -> Store | None:
    """The maintainer's store; without it (a bad DATABASE_URL) the bot still answers."""
    try:
        return Store.open()
    except Exception as exc:
        log.error("store unavailable, running without it: %s", exc)
        return None


def _server_name(settings: Settings) -> str:
    parts = urlsplit(settings.base_url or "https://api.telegram.org/bot")
    return f"{parts.scheme}://{parts.netloc}"
