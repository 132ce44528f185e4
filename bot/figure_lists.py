"""A list announced as figures ("cho tôi các số sau: tổng cán bộ công chức, cán bộ cấp xã, đảng
viên", "cho xin số liệu đảng viên, trên đại học, cán bộ trẻ dưới 35 cấp huyện"): each item is a
count asked, as if it opened with "số" — "cán bộ cấp xã" alone is what commune cadres study,
"số cán bộ cấp xã" how many they are.

Only when the message read as written answers nothing, after words that announce figures and ask
nothing else ("cho tôi", "xin"), and for two items at least after a colon, three without one:
"số liệu về lý luận chính trị" names a topic, "số liệu đảng viên" one fact."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import message_words
from bot.normalize import clean
from bot.phrases import phrase_at, question_cues, spans

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bot.kb.model import Understanding
    from bot.normalize import Tables
    from bot.reading import Reader
    from bot.reply import Reply

_ITEMS = re.compile(r"\s*[,;]\s*")  # ("cao cấp và trung cấp" is one item)
_COLON = re.compile(r"\s*:\s*")
_MARKED = re.compile(r"\(?\w{1,2}[.)]\s")  # "1) …", "a. …", "(b) …": an item numbered
_AFTER_COLON, _WITHOUT = 2, 3  # items at least after a colon, and without one


def read_as_counts(
    reader: Reader, question: str, reply: Reply, earlier: tuple[str, ...], offered: Sequence[str]
) -> Reply:
    """`reply`, or when it answers nothing and the message lists figures, the message read
    with each item a count ("cho tôi các số sau: tổng cán bộ công chức, cán bộ cấp xã, …")."""
    if reply.status == "answer":
        return reply
    found = counted_items(question, reader.reading, reader.kb.tables)
    if found is None:
        return reply
    counted, items = found
    again = reader.read_message(counted, earlier, offered)
    if again.status != "answer" or again.unstated or len(set(again.intents)) < items:
        return reply  # an item the article never counts ("cán bộ nữ"): as the message was read
    return replace(again, question=question)


def counted_items(text: str, reading: Understanding, tables: Tables) -> tuple[str, int] | None:
    """`text` with each item of a list announced as figures read as a count, and how many items
    it lists; None when it lists no figures, or every item is a count already."""
    if "," not in text and ":" not in text:
        return None  # most messages: no list
    cleaned = clean(text, tables)
    words = message_words.words(cleaned, tables)
    found = spans(words.folded, reading.figure_announcements, words.marked)
    if not found:
        return None
    start, end = min(found, key=lambda span: (span[0], -span[1]))
    if any(w not in reading.announcing_words for w in words.folded[:start]):
        return None  # "tổng số liệu …": the figures are not what is announced
    rest = cleaned[words.ends[end - 1] :]
    colon = _COLON.match(rest)
    if not colon and ":" in rest:
        return None  # "các con số về trình độ hiện nay: …": a topic before the list (topic_heads)
    rest = rest[colon.end() :] if colon else rest
    items = [i.strip(" .?!") for i in _ITEMS.split(rest) if i.strip(" .?!")]
    if len(items) < (_AFTER_COLON if colon else _WITHOUT) or any(map(_MARKED.match, items)):
        return None  # (items numbered "1) …", "a. …" are read as such: bot/enumerations.py)
    counted = [item if _counts(item, reading, tables) else f"số {item}" for item in items]
    if counted == items:
        return None
    return f"{cleaned[: words.ends[end - 1]]}: {', '.join(counted)}", len(items)


def _counts(item: str, reading: Understanding, tables: Tables) -> bool:
    """An item that asks, or opens with a word for a count ("tổng …", "số …"), already."""
    words = message_words.words(item, tables)
    if not words.folded:
        return True
    opens = phrase_at(words.folded, reading.count_openers, words.marked, 0)
    return bool(opens) or bool(question_cues(words.folded, words.marked, reading))
