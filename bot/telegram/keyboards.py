"""Inline keyboards and the callback data their buttons carry, made and read back in one place.

Callback data: "q:<intent id>" answers a question, "t:<topic id>" opens a topic, and
"v:+:<intent id>:<exchange id>" (or "v:-:…") is a vote on an answer. ASCII only, so every kind
stays within the Bot API's 64-byte limit.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Final

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answer import Topic
from bot.reply import Suggestion
from bot.telegram.texts import TelegramTexts
from bot.values import value_class

log = logging.getLogger("bot.telegram")

MAX_BUTTONS: Final = 6
MAX_TOPICS: Final = 20
# 2 + 60 characters
_CALLBACK_RE: Final = re.compile(r"(q|t):([A-Za-z0-9_.-]{1,60})")
# at most 4 + 40 + 1 + 8 = 53 bytes
_VOTE_RE: Final = re.compile(r"v:([+-]):([A-Za-z0-9_.-]{1,40}):([0-9a-f]{8})")


@value_class
class Vote:
    """A tapped 👍 (`up`) or 👎 on the answer to `intent` given in exchange `exchange_id`."""

    up: bool
    intent: str
    exchange_id: str


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


def parse_vote(data: object) -> Vote | None:
    """The vote a 👍/👎 button carries; None for any other data."""
    match = _VOTE_RE.fullmatch(data) if isinstance(data, str) else None
    if match is None:
        return None
    return Vote(match.group(1) == "+", match.group(2), match.group(3))


def button_label(question: str) -> str:
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
        rows.append([InlineKeyboardButton(button_label(suggestion.question), callback_data=data)])
    return InlineKeyboardMarkup(rows) if rows else None


def topics_keyboard(topics: Sequence[Topic]) -> InlineKeyboardMarkup | None:
    """One button per topic, at most MAX_TOPICS; None when no topic id can be carried."""
    rows = []
    for topic in topics[:MAX_TOPICS]:
        data = callback_data("t", topic.id)
        if data is not None:
            rows.append([InlineKeyboardButton(button_label(topic.label), callback_data=data)])
    return InlineKeyboardMarkup(rows) if rows else None


def with_votes(
    keyboard: InlineKeyboardMarkup | None, intent: str, exchange_id: str, texts: TelegramTexts
) -> InlineKeyboardMarkup | None:
    """`keyboard` with a 👍/👎 row under it, when the ids fit in callback data."""
    up, down = f"v:+:{intent}:{exchange_id}", f"v:-:{intent}:{exchange_id}"
    if not (_VOTE_RE.fullmatch(up) and _VOTE_RE.fullmatch(down)):
        return keyboard
    votes = [
        InlineKeyboardButton(texts.vote_up_button, callback_data=up),
        InlineKeyboardButton(texts.vote_down_button, callback_data=down),
    ]
    rows = list(keyboard.inline_keyboard) if keyboard else []
    return InlineKeyboardMarkup([*rows, votes])
