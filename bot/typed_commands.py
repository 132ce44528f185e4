"""A bot command typed where no client reads commands (`ask --json`, a web form): "/reset",
"/stop". The console and Telegram answer their own; the core tells how to ask instead of
saying the article has nothing on it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.reply import Reply

if TYPE_CHECKING:
    from bot.answer import Responder

_COMMAND = re.compile(r"/[A-Za-z_]\w*(@\w+)?")  # "/reset", "/stop@hoidap_bot"


def is_command(text: str) -> bool:
    """Whether the whole message is one command."""
    return _COMMAND.fullmatch(text.strip()) is not None


def reply(responder: Responder, question: str) -> Reply:
    """How to ask, with an example question, for a command the core has no reading of."""
    messages = responder.messages
    example = responder.kb.intent(messages.examples[0])
    said = messages.command.format(
        command=question.strip(), example=example.question if example else ""
    )
    return Reply(question, "smalltalk", said, None, 100.0, responder.examples(3))
