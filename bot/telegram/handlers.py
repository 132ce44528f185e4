"""One async (update, context) handler per command and kind of update, registered in one place."""

from __future__ import annotations

import asyncio
import logging
from typing import Final

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.privacy import mask_personal
from bot.telegram.addressing import (
    addressed_question,
    command_argument,
    is_private,
    is_reply_to_bot,
    typed_command,
)
from bot.telegram.answering import answer_question, conversation_key
from bot.telegram.buttons import on_button
from bot.telegram.keyboards import suggestions_keyboard, topics_keyboard
from bot.telegram.render import bold, render
from bot.telegram.send import notify, reply
from bot.telegram.services import App, Context, Services, get_services
from bot.telegram.tracking import Handler, current_trace, tracked

log = logging.getLogger("bot.telegram")

EXAMPLE_COUNT: Final = 4  # example questions under /start
EMPTY_QUESTION_EXAMPLES: Final = 3


def _username(context: Context) -> str:
    """The bot's @username without the @ (empty if the server's getMe had none)."""
    return context.bot.username or ""


def _article_fields(services: Services) -> dict[str, object]:
    article = services.responder.article
    return {
        "title": article.title,
        "source": article.source,
        "published": article.published,
        "author": article.author,
        "views": article.views,
    }


# --- commands ------------------------------------------------------------------------------


async def start(update: Update, context: Context) -> None:
    """/start: what the bot knows about, with example questions as buttons."""
    services = get_services(context)
    fields = _article_fields(services)
    text = render(
        services.texts.greeting,
        title=bold(str(fields["title"])),
        source=fields["source"],
        published=fields["published"],
    )
    current_trace().outcome = "start"
    examples = suggestions_keyboard(services.responder.examples(EXAMPLE_COUNT))
    await reply(update, context, [text], examples)


async def help_command(update: Update, context: Context) -> None:
    """/help: how to ask, in private chats and in groups."""
    services = get_services(context)
    title = services.responder.article.title
    text = render(services.texts.help, title=title, bot_username=_username(context))
    current_trace().outcome = "help"
    await reply(update, context, [text])


async def about(update: Update, context: Context) -> None:
    """/about: the article's title, source, date and author."""
    services = get_services(context)
    fields = _article_fields(services)
    fields["title"] = bold(str(fields["title"]))
    current_trace().outcome = "about"
    await reply(update, context, [render(services.texts.about, **fields)])


async def topics(update: Update, context: Context) -> None:
    """/topics: the knowledge base's topics as buttons."""
    services = get_services(context)
    keyboard = topics_keyboard(services.responder.topics())
    current_trace().outcome = "topics"
    if keyboard is None:
        await reply(update, context, [render(services.texts.no_topics)])
        return
    await reply(update, context, [render(services.texts.topics_intro)], keyboard)


async def ask(update: Update, context: Context) -> None:
    """/ask <question>: the explicit way to ask in a group (works in private chats too)."""
    message = update.effective_message
    if message is None:
        return
    question = command_argument(message)
    if not question:
        await _empty_question(update, context)
        return
    log.debug("update=%s text=%r", update.update_id, mask_personal(question))
    await answer_question(update, context, question)


async def _empty_question(update: Update, context: Context) -> None:
    services = get_services(context)
    examples = services.responder.examples(1)
    example = examples[0].question if examples else ""
    text = render(services.texts.empty_question, example=example, bot_username=_username(context))
    current_trace().outcome = "empty_question"
    keyboard = suggestions_keyboard(services.responder.examples(EMPTY_QUESTION_EXAMPLES))
    await reply(update, context, [text], keyboard)


async def forget(update: Update, context: Context) -> None:
    """/forget: delete what the store keeps about this conversation."""
    from bot.store import StoreUnavailable  # (the store: loaded when opened, not before)

    services = get_services(context)
    trace = current_trace()
    trace.outcome = "forget"
    try:
        count = await asyncio.to_thread(services.conversations.forget, conversation_key(update))
    except StoreUnavailable:
        trace.outcome = "forget_failed"
        await reply(update, context, [render(services.texts.forget_failed)])
        return
    await reply(update, context, [render(services.texts.forgot, count=count)])


COMMANDS: Final[dict[str, Handler]] = {
    "start": start,
    "help": help_command,
    "about": about,
    "topics": topics,
    "ask": ask,
    "forget": forget,
}


# --- messages ------------------------------------------------------------------------------


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
    log.debug("update=%s text=%r", update.update_id, mask_personal(message.text))
    if not question:
        await _empty_question(update, context)
        return
    await answer_question(update, context, question)


async def on_command(update: Update, context: Context) -> None:
    """Commands no CommandHandler took: someone else's (ignored) or unknown ones."""
    message = update.effective_message
    if message is not None:
        await _typed_command(update, context, message)


async def _typed_command(update: Update, context: Context, message: Message) -> None:
    command = typed_command(message.text or "")
    if command is None:  # "/" followed by something that is no command: treat it as text
        question = addressed_question(message, _username(context), context.bot.id)
        if question:
            await answer_question(update, context, question)
        return
    if command.target is not None and command.target.lower() != _username(context).lower():
        return  # /help@otherbot
    if command.name in COMMANDS:
        await COMMANDS[command.name](update, context)
        return
    if is_private(message) or command.target is not None:
        services = get_services(context)
        current_trace().outcome = "unknown_command"
        text = render(services.texts.unknown_command, command=command.name)
        await reply(update, context, [text])


async def on_non_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice, locations…: a polite note that only text is understood."""
    message = update.effective_message
    if message is None:
        return
    if not (is_private(message) or is_reply_to_bot(message, context.bot.id)):
        return
    current_trace().outcome = "non_text"
    await reply(update, context, [render(get_services(context).texts.non_text)])


async def on_edited(update: Update, context: Context) -> None:
    """An edited question gets its answer updated; edits of anything else are left alone."""
    message = update.edited_message
    if message is None or not message.text or message.text.startswith("/"):
        return
    question = addressed_question(message, _username(context), context.bot.id)
    if question:
        log.debug("update=%s edited text=%r", update.update_id, mask_personal(message.text))
        await answer_question(update, context, question)


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
    await notify(context, update.effective_chat.id, render(get_services(context).texts.apology))


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
