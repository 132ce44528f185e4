"""A short turn that goes back to the answer before the last ("cấp xã thì sao?" after the
district's young leaders, then the author; "quay lại cái trước, cộng 2 cấp bao nhiêu"): read
against that answer when the last one leaves it unanswered."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot import message_words
from bot.normalize import clean
from bot.phrases import spans

if TYPE_CHECKING:
    from bot.reading import Reader
    from bot.reply import Reply

_UNSURE = ("fallback", "clarify")


def back_to_before(
    reader: Reader, question: str, reply: Reply, last: tuple[str, ...], before: tuple[str, ...]
) -> Reply | None:
    """The reply to `question` read against the answer `before` the last, or None: only when
    the last answer leaves it unsure, and it says it goes back ("quay lại …") or the last
    answer was about the article itself (its author, its date), which no level or part
    continues. Read so, it must need that context (alone it stays unsure); said to go back,
    the rest may answer alone ("quay lại, yếu nhất là cái gì": the return words only hid it)."""
    if not before or not last or reply.status not in _UNSURE or set(before) & set(last):
        return None
    reading = reader.reading
    rest = _without(reader, question, reading.return_words)  # "quay lại cái trước, …"
    # "thế còn cái kia": the other of one fact given before; of two given, none is the other
    # unless the rest names which ("thế còn cái kia, cấp huyện mấy người")
    pointed = _without(reader, question, reading.return_pointers)
    names = pointed is not None and reader.responder.matcher.names_a_value(reader.words(pointed))
    if pointed is not None and not (len(before) == 1 or names):
        return None  # "cái kia thì bao nhiêu" after two facts: which, it does not say
    points = pointed is not None
    article = reader.kb.conversation.article_topic
    about_article = all((i := reader.kb.intent(f)) is not None and i.topic == article for f in last)
    unreached = _of_before_only(reader, question, last, before)  # "còn đại học?" after how chosen
    if rest is None and not (points or unreached or (about_article and reply.status == "fallback")):
        return None
    text = rest or question
    alone = reader.read(text, (), ())
    if alone.status == "answer":  # a question of its own ("quay lại, yếu nhất là gì?")
        return replace(alone, question=question) if rest else None
    again = reader.read(text, before, ())
    if again.status != "answer":
        return None
    return replace(again, question=question)


def _of_before_only(
    reader: Reader, question: str, last: tuple[str, ...], before: tuple[str, ...]
) -> bool:
    """The message names a value ("đại học") of a kind none of the last answer's facts has
    and one of the answer before it has: it continues that one ("thạc sĩ mấy người?", "học
    ngành gì?", then "còn đại học?")."""
    kb = reader.kb
    named = set(reader.responder.matcher.slot_values(reader.words(question))) - {"ask"}
    kinds = [set(i.slots) if (i := kb.intent(f)) is not None else set() for f in (*last, *before)]
    return (
        bool(named)
        and not any(k & named for k in kinds[: len(last)])
        and any(k & named for k in kinds[len(last) :])
    )


def back_to_last(
    reader: Reader, question: str, last: tuple[str, ...], before: tuple[str, ...]
) -> str | None:
    """ "quay lại câu lúc nãy, đó là cấp huyện hay cấp xã" when the answer before the last was
    the last one's own (asked twice) or there was none: the rest, read against the last."""
    if not last or (before and not set(before) <= set(last)):
        return None
    return _without(reader, question, reader.reading.return_words) or None


def _without(reader: Reader, question: str, phrases: tuple[tuple[str, ...], ...]) -> str | None:
    """`question` without the first of `phrases` it says ("quay lại cái trước, …" → "…"; ""
    when nothing else is said), or None when it says none."""
    cleaned = clean(question, reader.kb.tables)
    words = message_words.words(cleaned, reader.kb.tables)
    found = spans(words.folded, phrases, words.marked)
    if not found:
        return None
    start, end = found[0]
    return (cleaned[: words.starts[start]] + cleaned[words.ends[end - 1] :]).strip(" ,;:.-–")
