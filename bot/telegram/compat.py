"""Repairs for Bot API servers that bend the format: emulators and self-hosted servers.

python-telegram-bot builds its objects strictly: a `getMe` without `is_bot`, a message `date` in
milliseconds, a callback query without `chat_instance` make it raise, and one such update in a
getUpdates batch loses the whole batch. Acceptance runs against emulators we do not control, so
the bot fills in what Telegram always sends, before python-telegram-bot sees it, and drops (with a
warning) an update that still cannot be read. Nothing is changed in an answer that is already
well-formed.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger("bot.compat")

JSON = dict[str, Any]
_MILLISECONDS = 10**11  # a Unix time in seconds stays below this until the year 5138


def repair_user(user: Any, *, is_bot: bool) -> Any:
    if not isinstance(user, dict) or "id" not in user:
        return user
    fixed = dict(user)
    fixed.setdefault("is_bot", is_bot)
    if not fixed.get("first_name"):
        fixed["first_name"] = str(fixed.get("username") or fixed["id"])
    return fixed


def repair_chat(chat: Any, fallback_id: Any = None) -> Any:
    if not isinstance(chat, dict):
        return {"id": fallback_id, "type": "private"} if fallback_id is not None else chat
    fixed = dict(chat)
    if "id" not in fixed and fallback_id is not None:
        fixed["id"] = fallback_id
    fixed.setdefault("type", "private")
    return fixed


def _seconds(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return int(time.time())
    return int(value // 1000 if value > _MILLISECONDS else value)


def repair_message(message: Any, chat_id: Any = None) -> Any:
    if not isinstance(message, dict):
        return message
    fixed = dict(message)
    fixed["date"] = _seconds(fixed.get("date"))
    fixed["chat"] = repair_chat(fixed.get("chat"), fixed.get("chat_id", chat_id))
    fixed.setdefault("message_id", 0)
    if "from" in fixed:
        fixed["from"] = repair_user(fixed["from"], is_bot=False)
    if isinstance(fixed.get("reply_to_message"), dict):
        fixed["reply_to_message"] = repair_message(fixed["reply_to_message"], chat_id)
    return fixed


def repair_update(update: Any) -> Any:
    if not isinstance(update, dict):
        return update
    fixed = dict(update)
    for key in ("message", "edited_message", "channel_post", "edited_channel_post"):
        if key in fixed:
            fixed[key] = repair_message(fixed[key])
    query = fixed.get("callback_query")
    if isinstance(query, dict):
        query = dict(query)
        query["id"] = str(query.get("id", fixed.get("update_id", "0")))
        query["from"] = repair_user(query.get("from"), is_bot=False)
        message = query.get("message")
        if isinstance(message, dict):
            query["message"] = repair_message(message)
        chat = (query.get("message") or {}).get("chat") if isinstance(message, dict) else None
        query.setdefault(
            "chat_instance",
            str(
                (chat or {}).get("id", query["from"].get("id", 0))
                if isinstance(query["from"], dict)
                else 0
            ),
        )
        fixed["callback_query"] = query
    return fixed


def repair_result(endpoint: str, result: Any, data: JSON | None = None) -> Any:
    """The result of `endpoint` with what python-telegram-bot needs filled in."""
    if endpoint == "getMe":
        return repair_user(result, is_bot=True)
    if endpoint == "getUpdates" and isinstance(result, list):
        return [repair_update(u) for u in result]
    if endpoint in ("sendMessage", "editMessageText") and isinstance(result, dict):
        return repair_message(result, (data or {}).get("chat_id"))
    return result


def readable_updates(result: list[Any], parse: Callable[[Any], object]) -> list[Any]:
    """The updates `parse` can read; the others are dropped with one warning each."""
    kept = []
    for update in result:
        try:
            parse(update)
        except Exception as exc:  # whatever a malformed update makes the parser raise
            # the exception's type only: its text may quote the update (names, ids)
            log.warning("dropped an update the bot cannot read (%s)", type(exc).__name__)
            continue
        kept.append(update)
    return kept
