"""A request for the figures of one topic before a colon, then its items: "Cho tôi số liệu lý
luận chính trị: cao cấp cấp huyện, trung cấp cấp huyện, trung cấp cấp xã." Each item alone
("trung cấp cấp xã") names no topic; with the head's words it names one fact."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import message_memo
from bot.phrases import spans

if TYPE_CHECKING:
    from bot.reading import Reader
    from bot.understanding import Clause

_MORE_REQUEST = frozenset({"het", "ve", "day", "du", "toan", "of", "on", "about", "for"})


def requested_topic(reader: Reader, head: str) -> str | None:
    """The topic of a head that only asks for its figures ("xin các số liệu về lý luận chính
    trị", "cho em hết số liệu bồi dưỡng quản lý nhà nước"), else None."""
    reading = reader.reading
    words = reader.words(head)
    folded, tokens = words.folded, words.tokens
    things = spans(folded, reading.list_things, tokens)
    if not things:
        return None  # "Cấp huyện: …" is a label (Items.label), "Báo cáo: …" an opener
    request = reading.announcing_words | reader.light_words | _MORE_REQUEST
    if any(w not in request for w in folded[: min(a for a, _ in things)]):
        return None  # "Cảm ơn bot đã trả lời câu trước, …": more than a request before it
    start = max(b for _, b in things)
    while start < len(folded) and folded[start] in request:
        start += 1
    topic = " ".join(tokens[start:])
    if len(folded) - start < 2 or not reader.responder.matcher.names_a_value(reader.words(topic)):
        return None  # "Câu đố truyền hình: …": no value of the article's facts
    return topic


def with_shared_topic(reader: Reader, question: str, clauses: list[Clause]) -> list[Clause]:
    """The items after a topic head ending at a colon, each read with the head's topic, when
    each then names one fact of its own; else `clauses` as they are."""
    first = clauses[0].text if len(clauses) > 1 else ""
    if not first or not re.match(rf"\s*{re.escape(first)}\s*:", question.lower()):
        return clauses
    topic = requested_topic(reader, first)
    if topic is None:
        return clauses
    items = message_memo.clauses(question, reader.reading, reader.kb.tables, as_list=True)
    if len(items) < 3 or items[0].text != first or any("," in i.text for i in items[1:]):
        return clauses  # "cao cấp, trung cấp cấp huyện": an item still a list, read as before
    items = [replace(item, text=f"{item.text} {topic}") for item in items[1:]]
    facts = [reader.single(i.text, reader.match(i.text), ()) for i in items]
    if any(f.status != "answer" or len(f.intents) != 1 for f in facts):
        return clauses
    if len({f.intents[0] for f in facts}) < len(facts):
        return clauses
    return items


def reads_by_topic(reader: Reader, question: str) -> bool:
    """Whether the message is a topic head and items each naming one fact with its topic."""
    clauses = message_memo.clauses(question, reader.reading, reader.kb.tables)
    return with_shared_topic(reader, question, clauses) is not clauses
