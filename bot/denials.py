"""A value denied beside the one asked ("cán bộ xã, tức là cán bộ chứ không phải công chức, học
gì?", "chỉ cán bộ xã thôi, ko phải công chức"): the denial is read past, so that the words of
the value denied pull no fact of theirs (matching.yaml `denying_words`); and what restates the
words before it (", tức là công chức xã ấy,"): read as one phrase with them, no clause of its
own (`restating_words`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import message_memo, message_words
from bot.normalize import clean
from bot.phrases import spans

if TYPE_CHECKING:
    from bot.matcher import Matcher
    from bot.reading import Reader

_LONGEST_VALUE = 3  # words a value takes at most ("cán bộ chủ chốt")
_PHRASES: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}


def without_denied(reader: Reader, question: str) -> str | None:
    """`question` without "(chứ) không phải <a value>", its restatements joined to what they
    restate; None when it has neither."""
    restated = _restated(reader, question)
    return _denied(reader, restated or question) or restated


def _restated(reader: Reader, question: str) -> str | None:
    """ "Mấy người làm chuyên môn ở xã, tức là công chức xã ấy, thì học gì?": the aside's
    commas and opener dropped ("… ở xã công chức xã ấy thì học gì?")."""
    tables = reader.kb.tables
    cleaned = clean(question, tables)
    words = message_words.letters(cleaned, tables)
    found = spans(words.folded, _phrases(reader.kb.settings.restating_words), words.marked)
    for start, end in sorted(found):
        before = cleaned[: words.starts[start]].rstrip()
        if not before.endswith(",") or end >= len(words.folded):
            continue
        rest = cleaned[words.starts[end] :]
        aside, comma, after = rest.partition(",")
        if any(mark in aside for mark in "?.;:") or not after.strip():
            continue
        joined = f"{before[:-1]} {aside.strip()} {after.strip()}" if comma else None
        return joined
    return None


def _denied(reader: Reader, question: str) -> str | None:
    tables, matcher = reader.kb.tables, reader.responder.matcher
    cleaned = clean(question, tables)
    words = message_words.letters(cleaned, tables)
    found = spans(words.folded, _phrases(reader.kb.settings.denying_words), words.marked)
    if not found:
        return None
    start, end = min(found, key=lambda span: (span[0], -span[1]))  # the first, longest
    for size in range(_LONGEST_VALUE, 0, -1):
        if end + size > len(words.folded):
            continue
        value = cleaned[words.starts[end] : words.ends[end + size - 1]]
        denied = _values(matcher, value)
        if not denied:
            continue
        rest = f"{cleaned[: words.starts[start]]} {cleaned[words.ends[end + size - 1] :]}"
        # only beside another value of the slot ("cán bộ …, ko phải công chức"): "bao nhiêu
        # người không phải ở cấp xã?" asks the rest, the denial its point
        kept = _values(matcher, rest)
        if any(kept.get(slot, set()) - values for slot, values in denied.items()):
            return rest
        return None
    return None


def _values(matcher: Matcher, text: str) -> dict[str, set[str]]:
    """The values `text` names, but what it asks."""
    named = matcher.slot_values(message_memo.words(matcher, text))
    return {slot: values for slot, values in named.items() if slot != "ask"}


def _phrases(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    kept = _PHRASES.get(words)
    if kept is None:
        kept = _PHRASES[words] = tuple(tuple(w.split()) for w in words)
    return kept
