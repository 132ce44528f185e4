"""Tapped inline buttons: a suggested question, a topic, a 👍/👎 vote, or data the bot never made."""

from __future__ import annotations

from telegram import CallbackQuery, Message, Update

from bot.telegram.answering import answer_view, in_conversation
from bot.telegram.keyboards import Vote, parse_callback, parse_vote, suggestions_keyboard
from bot.telegram.render import MAX_MESSAGE, escape, render
from bot.telegram.send import best_effort, reply
from bot.telegram.services import Context, get_services
from bot.telegram.tracking import current_trace

TOAST_LIMIT = 200  # answerCallbackQuery: text of 0-200 characters


async def on_button(update: Update, context: Context) -> None:
    """A tapped suggestion or topic; anything the bot did not make is answered politely."""
    query = update.callback_query
    if query is None:
        return
    services = get_services(context)
    trace = current_trace()
    vote = parse_vote(query.data)
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
        await best_effort(query.answer(), "answerCallbackQuery")
        text = render(services.texts.topic_questions, topic=topic.label)
        await reply(update, context, [text], suggestions_keyboard(topic.suggestions))
        return
    exchange = await in_conversation(services, services.conversations.tapped, update, ident)
    if exchange is None:
        trace.outcome = "stale_button"
        await _button_notice(update, context, query, services.texts.stale_button)
        return
    answer = exchange.reply
    trace.outcome, trace.intent, trace.score = "button", answer.intent, answer.score
    await best_effort(query.answer(), "answerCallbackQuery")
    parts, keyboard = answer_view(answer, services, exchange.id, exchange.text)
    await reply(update, context, parts, keyboard)


async def _on_vote(update: Update, context: Context, query: CallbackQuery, vote: Vote) -> None:
    """👍/👎: recorded, thanked, and the buttons give way to the thanks (one vote a message)."""
    services = get_services(context)
    trace = current_trace()
    trace.outcome, trace.intent = ("vote_up" if vote.up else "vote_down"), vote.intent
    vote_on = services.conversations.vote  # with shared state it may read the database
    if not await in_conversation(services, vote_on, update, vote.exchange_id, vote.intent, vote.up):
        trace.outcome = "stale_button"  # an answer the bot never gave (or long ago)
        await _button_notice(update, context, query, services.texts.stale_button)
        return
    thanks = services.texts.voted_up if vote.up else services.texts.voted_down
    trace.replied = True
    await best_effort(query.answer(thanks[:TOAST_LIMIT]), "answerCallbackQuery")
    message = query.message
    if isinstance(message, Message) and message.text:
        text = f"{escape(message.text)}\n\n{escape(thanks)}"
        if len(text) <= MAX_MESSAGE:
            await best_effort(
                context.bot.edit_message_text(
                    text, chat_id=message.chat_id, message_id=message.message_id
                ),
                "editMessageText",
            )


async def _button_notice(update: Update, context: Context, query: CallbackQuery, text: str) -> None:
    """Forged or stale buttons: a short toast and the same words in the chat."""
    await best_effort(query.answer(text[:TOAST_LIMIT]), "answerCallbackQuery")
    await reply(update, context, [render(text)])
