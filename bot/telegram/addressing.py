"""Who is being spoken to: whether a message is meant for this bot, and what it asks.

Private chats: every text. Groups: a text that mentions @username, replies to one of the bot's
messages, or is a command (/ask …) addressed to no bot or to this one.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from telegram import Message, MessageEntity
from telegram.constants import ChatType

from bot.values import value_class

# A command typed as text, for servers and clients that send no bot_command entity.
_COMMAND_RE: Final = re.compile(
    r"/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+(.*))?\s*", re.DOTALL
)


@value_class
class TypedCommand:
    """`/name@target argument`: `name` in lower case; `target` is None when no bot is named."""

    name: str
    target: str | None
    argument: str


def is_private(message: Message) -> bool:
    return message.chat.type == ChatType.PRIVATE


def is_reply_to_bot(message: Message, bot_id: int) -> bool:
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
    if is_private(message):
        return text
    if _mentions_bot(message, username, bot_id):
        return _mention_re(username).sub(" ", text).strip(" \t\n,:;-")
    if is_reply_to_bot(message, bot_id):
        return text
    return None


def typed_command(text: str) -> TypedCommand | None:
    """The command in a text starting with "/"; None when what follows the "/" is no command."""
    match = _COMMAND_RE.fullmatch(text)
    if match is None:
        return None
    return TypedCommand(match.group(1).lower(), match.group(2), (match.group(3) or "").strip())


def command_argument(message: Message) -> str:
    """What follows the command (`/ask <question>`), stripped; empty when there is nothing."""
    command = typed_command(message.text or "")
    return command.argument if command else ""
