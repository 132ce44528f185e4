"""A value denied beside the one asked ("cán bộ xã, tức là cán bộ chứ không phải công chức, học
gì?", "chỉ cán bộ xã thôi, ko phải công chức"): the denial is read past, so that the words of
the value denied pull no fact of theirs (matching.yaml `denying_words`); and what restates the
words before it (", tức là công chức xã ấy,"): read as one phrase with them, no clause of its
own (`restating_words`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import message_memo, message_words
from bot.normalize import clean
from bot.phrases import as_phrases, has_phrase, outermost, spans

if TYPE_CHECKING:
    from bot.matcher import Matcher
    from bot.reading import Reader

# "… X nói chung?", "mục tiêu đào tạo nói chung là gì": X in general — after two words at
# least, none saying what the article tells ("bài nói chung về gì?", "nói chung là gì?" keep it)
_IN_GENERAL = re.compile(r"\s+n[óo]i chung(?=\s*(?:$|[?,.!]|là\b|la\b|thì\b|thi\b))", re.IGNORECASE)
_OF_THE_ARTICLE = frozenset({"bài", "bai", "báo", "bao", "viết", "viet", "này", "nay", "đó", "do"})


def _without_in_general(text: str) -> str:
    for found in _IN_GENERAL.finditer(text):
        before = text[: found.start()].split()
        last = before[-1] if before else ""
        if len(before) >= 2 and last[-1] not in "?.!:" and last.lower() not in _OF_THE_ARTICLE:
            return text[: found.start()] + text[found.end() :]
    return text


_LONGEST_VALUE = 3  # words a value takes at most ("cán bộ chủ chốt")
_MOST_DENIALS = 3  # denials read past in one message, at most


def without_denied(reader: Reader, question: str) -> str | None:
    """`question` without "(chứ) không phải <a value>", its restatements joined to what they
    restate; None when it has neither."""
    words = reader.words(question)
    if has_phrase(words.folded, reader.reading.comparison_cues, words.tokens):
        return None  # "cấp xã nhiều hơn chứ không phải cấp huyện": both sides compared
    text = question
    for _ in range(_MOST_DENIALS):  # "cán bộ xã (không phải công chức, không phải …)"
        denied = _denied(reader, text)
        if denied is None:
            break
        text = denied
    text = _restated(reader, text) or text  # (its denial read past first: ", tức là cán bộ")
    text = _without_in_general(text)  # "số CBCC cấp xã nói chung?": of them all, no article
    return text if text != question else None


def _restated(reader: Reader, question: str) -> str | None:
    """ "Mấy người làm chuyên môn ở xã, tức là công chức xã ấy, thì học gì?": the aside's
    commas and opener dropped ("… ở xã công chức xã ấy thì học gì?")."""
    tables = reader.kb.tables
    cleaned = clean(question, tables)
    words = message_words.letters(cleaned, tables)
    found = outermost(
        spans(words.folded, as_phrases(reader.kb.settings.restating_words), words.marked)
    )
    if len(found) != 1:
        return None  # none, or several asides: which restates what is unsure
    start, end = found[0]
    before = cleaned[: words.starts[start]].rstrip()
    if not before.endswith(",") or end >= len(words.folded):
        return None
    aside, comma, after = cleaned[words.starts[end] :].partition(",")
    if not comma or any(mark in aside for mark in "?.;:") or not after.strip():
        return None
    # the aside names a value, and none of a slot the words before name otherwise ("toàn
    # huyện, tức là cả xã": no restatement; "…, tức là ít, …": names nothing)
    matcher = reader.responder.matcher
    said, restating = _values(matcher, before), _values(matcher, aside)
    same = set(aside.split()) <= set(before.split())  # ", tức là cán bộ,": the words again
    if not (restating or same):
        return None
    if any(said.get(k, v) != v and said.get(k) for k, v in restating.items()):
        return None
    return f"{before[:-1]} {aside.strip()} {after.strip()}"


def _denied(reader: Reader, question: str) -> str | None:
    tables, matcher = reader.kb.tables, reader.responder.matcher
    cleaned = clean(question, tables)
    words = message_words.letters(cleaned, tables)
    found = spans(words.folded, as_phrases(reader.kb.settings.denying_words), words.marked)
    if not found:
        return None
    start, end = min(found, key=lambda span: (span[0], -span[1]))  # the first, longest
    for size in range(_LONGEST_VALUE, 0, -1):
        if end + size > len(words.folded):
            continue
        value = cleaned[words.starts[end] : words.ends[end + size - 1]]
        if any(mark in value for mark in ",;:()?."):
            continue  # a value never runs past a comma ("không phải công chức, không …")
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
