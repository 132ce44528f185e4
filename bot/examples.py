"""Examples of what a question is about ("công chức xã như địa chính, tư pháp, văn phòng thì học
gì?", "công chức chuyên môn (địa chính, tư pháp...)"): kinds of the noun before them, read past
so that each is not taken for one more question (matching.yaml `example_openers`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import message_words
from bot.normalize import clean
from bot.phrases import as_phrases, phrase_at, spans

if TYPE_CHECKING:
    from bot.reading import Reader

_LONGEST_ITEM = 3  # words an example takes at most ("văn phòng thống kê")
# what closes a list of examples: an ellipsis, "etc.", or a "the likes" ("các kiểu ấy")
_AND_SO_ON = (
    r"(?:\.\.\.|…|v\.v\.?|etc\b\.?|các kiểu(?: ấy| đó| này)?|kiểu (?:ấy|đó|vậy)|này nọ|các thứ)"
)
_TRAILING = re.compile(rf"^\s*{_AND_SO_ON}", re.IGNORECASE)
# a parenthesis listing kinds: items and an ellipsis ("(địa chính, tư pháp...)", "(bí thư,
# chủ tịch các kiểu ấy)"), no figure, no question (a parenthesis without one may say which:
# "(advanced + intermediate, all levels)")
_LISTED = re.compile(rf"\s*\(([^()?\d]*,[^()?\d]*{_AND_SO_ON}\s*)\)", re.IGNORECASE)


_NOT_AN_EXAMPLE = frozenset({"cau", "gi", "j", "nao", "chi", "sao"})  # "nhu cầu", "kiểu gì"


def without_examples(reader: Reader, question: str) -> str | None:
    """`question` without the examples it lists, when it still asks one thing without them;
    else None."""
    text = _LISTED.sub("", question)
    for _ in range(3):  # "cán bộ xã kiểu chủ tịch, bí thư như anh họ tau …": each list
        shorter = _after_opener(reader, text)
        if shorter is None:
            break
        text = shorter
    if text == question:
        return None
    # "các chức danh như bí thư, chủ tịch …": without them, nothing sure is asked; they are
    # what is asked about
    answered = reader.responder.decide(text, reader.match(text), None).status == "answer"
    return text if answered else None


def _after_opener(reader: Reader, question: str) -> str | None:
    settings, tables = reader.kb.settings, reader.kb.tables
    cleaned = clean(question, tables)
    words = message_words.letters(cleaned, tables)
    for start, end in spans(words.folded, as_phrases(settings.example_openers), words.marked):
        gap = cleaned[words.ends[start - 1] : words.starts[start]] if start else "-"
        after = words.folded[end] if end < len(words.folded) else ""
        if gap.strip(" (") or words.folded[start - 1] == "cung" or after in _NOT_AN_EXAMPLE:
            continue  # an example follows a noun, nothing between ("cũng như": and; "nhu cầu")
        last = _list_end(reader, cleaned, words, end)
        if last is not None:
            rest = _TRAILING.sub("", cleaned[words.ends[last - 1] :], count=1)
            if "(" in gap:
                rest = rest.lstrip().removeprefix(")")
            return cleaned[: words.ends[start - 1]] + rest
    return None


def _list_end(reader: Reader, cleaned: str, words: message_words.Words, first: int) -> int | None:
    """Past the last word of a list of two or more short items from word `first`, if one is
    there: items joined by commas (the last maybe by "và", "hoặc"), ended by an ender word or by
    the sentence's end."""
    enders = as_phrases(reader.kb.settings.example_enders)
    matcher = reader.responder.matcher
    asking, lexicon = matcher.question_words, matcher.lexicon
    items, size, i = 1, 0, first
    while i < len(words.folded):
        word = words.folded[i]
        gap = cleaned[words.ends[i - 1] : words.starts[i]] if i > first else ""
        if any(mark in gap for mark in "?.;:!"):
            break
        if "," in gap:
            items, size = items + 1, 0
        if size and phrase_at(words.folded, enders, words.marked, i):
            break
        if word[:1].isdigit() or word in asking or not lexicon.has_fold(word):
            return None  # a figure, a question, or a word of nothing the article says ("y tế")
        size += 1
        if size > _LONGEST_ITEM:
            return None
        i += 1
    return i if items >= 2 and size and i > first else None
