"""An exam question as a student pastes it ("Trắc nghiệm: Số cán bộ cấp xã là: A. 194 B. 294
C. 1.999 D. 712", "Điền vào chỗ trống: … có ___ đảng viên"): its stem is what it asks. The
choices are cut, lest their figures read as figures claimed, and so is the label that names the
kind of exercise."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot import message_words
from bot.normalize import clean
from bot.phrases import phrase_at, question_cues

if TYPE_CHECKING:
    from bot.kb.model import Understanding
    from bot.normalize import Tables

# "A. …", "b) …", "(C) …", "A.2010": a choice's letter, after a space or a line break
_CHOICE = re.compile(r"(?:(?<=\s)|^)\(?([A-Da-d])[.)](?:\s|(?=\d))")
_BLANK = re.compile(r"_{2,}|\.{4,}|…{2,}")  # "có ___ đảng viên", "là ......."
_CHOICES = 3  # letters at least, in order from A, for a list of choices
_CHOICE_WORDS = 16  # words at most of a choice ("B. Ban chấp hành Đảng bộ huyện, 2020")
_STEM_WORDS = 3  # words at least of the stem before them


def stem(text: str, reading: Understanding, tables: Tables) -> str:
    """`text` without its quiz label, its blanks and its lettered choices, else unchanged."""

    def asks(choice: str) -> bool:  # "b. Mục tiêu … là gì": a lettered question, no choice
        words = message_words.words(clean(choice, tables), tables)
        return bool(question_cues(words.folded, words.marked, reading))

    cut = _without_choices(text, asks)
    cut = _BLANK.sub(" ", cut)
    cut = _without_label(cut, reading, tables)
    return cut.strip() or text


def _without_choices(text: str, asks: Callable[[str], bool]) -> str:
    """`text` cut before "A. … B. … C. …" (three letters at least, in order, to its end), when
    each is a short answer after a stem of its own — not "Xin hỏi: (a) bao nhiêu …; (b) …", a
    list of questions lettered."""
    found = list(_CHOICE.finditer(text))
    for i, first in enumerate(found):
        letters = [m.group(1).upper() for m in found[i:]]
        if letters[0] != "A" or letters != list("ABCD"[: len(letters)]):
            continue
        ends = [m.start() for m in found[i + 1 :]] + [len(text)]
        choices = [text[m.end() : end] for m, end in zip(found[i:], ends, strict=True)]
        stem = text[: first.start()].rstrip(" (")
        # (the question mark closing the last one is the stem's: "… năm A.2010 B.2011 C.2015?")
        bare = [*choices[:-1], choices[-1].rstrip(" ?")]
        short = all(len(c.split()) <= _CHOICE_WORDS and "?" not in c for c in bare)
        short = short and not all(map(asks, choices))  # "a. … năm nào b. … là gì": questions
        if len(letters) >= _CHOICES and short and len(stem.split()) >= _STEM_WORDS:
            return stem
    return text


def _without_label(text: str, reading: Understanding, tables: Tables) -> str:
    """`text` without a label naming the exercise before a colon ("Trắc nghiệm: …")."""
    colon = text.find(":")
    if colon < 0:
        return text
    words = message_words.words(clean(text[:colon], tables), tables)
    size = phrase_at(words.folded, reading.quiz_labels, words.marked, 0)
    if not size or size != len(words.folded):
        return text
    rest = text[colon + 1 :]
    if phrase_at(words.folded, reading.confirmations, words.marked, 0) == size:
        return f"{rest.rstrip(' .?!')}, đúng không?"  # "Đúng hay sai: …": the statement checked
    return rest
