"""A clause that is a list of its own ("tiêu đề, báo nào đăng, bao nhiêu lượt xem?": only the
last item asks, so the comma before it cut nothing): every item answered, not the clause
read as one question that asks nothing the matcher knows."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from bot import message_words
from bot.phrases import spans
from bot.reply import Reply

if TYPE_CHECKING:
    from bot.reading import Reader

_READING = threading.local()  # the clauses being read as lists in this thread, innermost last


def listed_inside(reader: Reader, text: str, asks: bool, reply: Reply) -> Reply:
    """`reply` to the clause `text`, or the reply to its items when it is such a list: each
    item, read alone, answers one of the facts the clause read as a message answers."""
    if reply.status == "answer" or not asks or "," not in text:
        return reply
    items = text.split(",")
    if any(_only_a_frame(reader, item) for item in items):
        return reply  # "in the article, what is …?": where it is read, no item
    reading = getattr(_READING, "texts", None) or set()
    if text in reading:
        return reply  # a clause cut again into itself: read once, as it is
    _READING.texts = reading | {text}
    try:
        inside = reader.read_alone(text)
    finally:
        _READING.texts = reading
    if inside.status != "answer" or len(inside.intents) < 2:
        return reply
    given = set(inside.intents)
    for item in items:
        alone = reader.single(item, reader.match(item), ())
        if alone.status != "answer" or not set(alone.intents) <= given:
            return reply
    return inside


def _only_a_frame(reader: Reader, item: str) -> bool:
    """ "theo bài báo", "in the article": the whole item says where the answer is read."""
    words = message_words.letters(item, reader.kb.tables)
    found = spans(words.folded, reader.reading.source_frames, words.marked)
    return any(a == 0 and b == len(words.folded) for a, b in found)
