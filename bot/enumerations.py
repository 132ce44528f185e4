"""A list said in one breath, its items numbered by words rather than marks ("ông hỏi ba cái
một là tổng số cán bộ hai là số đảng viên ba là số có bằng đại học", typed by voice, or "thứ
nhất …, thứ hai …"): each numbering word starts an item, as a line break would.

Only a message holding two numbering words or more, with an item between each, is cut: "một là"
alone is too common to number anything, and "thứ nhất hay thứ hai?" asks a rank.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.normalize import fold
from bot.phrases import phrase_at

if TYPE_CHECKING:
    from bot.kb.model import Understanding
    from bot.normalize import Tables

_WORD = re.compile(r"[^\W_]+")
_LABEL_END = re.compile(r"\s*[:.)\-–]")  # "Câu 1:", "Bài 2.", "Q3)" end with a mark
_JOINED = re.compile(r"([^\W\d_]+)(\d{1,3})")  # "Câu1", "Q3": a label and its number as one word
_NUMBERED = re.compile(r"\s*\(?\d{1,2}\)\s+")  # "3) …", "(2) …": a number and a bracket only
_SECOND_ITEM = re.compile(r"\s\(?2\)\s")  # "(1) …; (2) …": a list, its first mark kept
_FIRST_AND_SECOND = re.compile(r"(?:^|\s)\(?1\)\s.*?\s\(?2\)\s")  # "(1) A (2) B", in order
_ITEM = 2  # words at least of an item between two numbering words


def enumerated(text: str, reading: Understanding, tables: Tables) -> str:
    """`text` with each numbering word of a list replaced by a sentence end, else unchanged."""
    if _POINTERS.search(text.lower()):  # (each word as _LETTER_POINTER reads it, any case)
        text = _LETTER_POINTER.sub(_by_number, text)  # "ý (b) ở trên": the second item
    text = _labelled(_numbered_inline(_labelled_inline(text, reading, tables)))
    text = _counted_by_digits(_counted_aloud(text, reading), reading, tables)
    if len(_anywhere(reading.enumerators).findall(text.lower())) < 2:
        return text  # most messages: one search, no word folded
    words = list(_WORD.finditer(text))
    folded = [fold(w.group(0).lower(), tables) for w in words]
    marked = [w.group(0).lower() for w in words]
    found: list[tuple[int, int]] = []  # (first word, words) of each numbering word
    i = 0
    while i < len(folded):
        size = phrase_at(folded, reading.enumerators, marked, i)
        if size:
            found.append((i, size))
        i += size or 1
    if len(found) < 2 or len({tuple(folded[a : a + n]) for a, n in found}) < 2:
        return text
    if any(b - (a + n) < _ITEM for (a, n), (b, _) in pairwise(found)):
        return text  # "đứng thứ nhất hay thứ hai toàn tỉnh?": ranks, no items between them
    out, at = "", 0
    for first, size in found:
        out += _then(text[at : words[first].start()])
        at = words[first + size - 1].end()
    return (out + text[at:].strip(" ,;-–")).strip()


def marks_a_list(text: str) -> bool:
    """Whether marks set items apart: "A; B", "A | B", "• A", "(1) A (2) B" (their own words;
    not "(nhóm 2) …": a second item after a first)."""
    return any(mark in text for mark in ";|•") or _FIRST_AND_SECOND.search(text) is not None


def _labelled(text: str) -> str:
    """ "(a) …; (b) …", "1/ …, 2/ …": items labelled in order from the first, numbered as "(1)
    …; (2) …" are (a sentence each)."""
    if ")" not in text and "/" not in text:
        return text  # most messages: no label's mark, none of the patterns below searched
    for pattern, first in ((_LETTERED, "a"), (_SLASHED, "1"), (_BRACKETED, "a"), (_INLINE, "a")):
        found = list(pattern.finditer(text))
        labels = [m.group(2).lower() for m in found]
        if len(found) < 2 or labels != [chr(ord(first) + i) for i in range(len(found))]:
            continue
        if pattern is _BRACKETED and not _LETTERED.match(text, found[0].start()):
            continue  # "(a) …. (b) …": a list only when the first opens the message or a line
        if pattern is _INLINE and not _inline_items(text, found):
            continue
        for i, m in reversed(list(enumerate(found))):
            text = f"{text[: m.start()]}({i + 1}) {text[m.end() :]}"
    return text


def _labelled_inline(text: str, reading: Understanding, tables: Tables) -> str:
    """ "Q1: … Q2: …", "câu 1) … câu 2) …": exercise labels numbering items in order from the
    first inside one message, read as "(1) … (2) …" are (one label alone is read past by
    `without_label`)."""
    if "2" not in text:
        return text  # most messages: no second item
    found = []  # (where the label starts, where its mark ends, its number)
    for number in _LABEL_NUMBER.finditer(text):
        start = _label_before(text, number.start(), reading, tables)
        if start is not None:
            found.append((start, number.end(), int(number.group(1))))
    if len(found) < 2 or [n for *_, n in found] != list(range(1, len(found) + 1)):
        return text
    for start, end, n in reversed(found):  # each item asks: "tổng số cán bộ. Q2: …" ends so
        before = text[:start].rstrip()
        before = f"{before[:-1]};" if n > 1 and before.endswith(".") else before
        text = f"{before} ({n}) {text[end:].lstrip()}".lstrip()
    return text


def _numbered_inline(text: str) -> str:
    """ "1. huyện có mấy cán bộ 2. mấy người đi học thạc sĩ 3. …" typed on one line: numbers
    in order from 1, the first opening the message and words between each, read as "(1) …
    (2) …" are ("… năm 2018. 2 người …" opens with no "1.": no list)."""
    if "2." not in text:
        return text  # most messages
    found = [m for m in _LABEL_NUMBER.finditer(text) if m.group(0).endswith(".")]
    numbers = [int(m.group(1)) for m in found]
    if (
        len(found) < 2
        or text[: found[0].start()].strip()
        or numbers != list(range(1, len(found) + 1))
    ):
        return text
    if any(len(_WORD.findall(text[a.end() : b.start()])) < _ITEM for a, b in pairwise(found)):
        return text
    for m, n in reversed(list(zip(found, numbers, strict=True))):
        text = f"{text[: m.start()].rstrip()} ({n}) {text[m.end() :].lstrip()}".lstrip()
    return text


def _label_before(text: str, at: int, reading: Understanding, tables: Tables) -> int | None:
    """Where the exercise label ending just before `at` starts ("Q" of "Q2", "câu hỏi" of
    "câu hỏi 2"), if one does."""
    words = [w for w in _WORD.finditer(text[max(0, at - 30) : at]) if not w.group(0).isdigit()]
    offset = max(0, at - 30)
    if not words or text[offset + words[-1].end() : at].strip():
        return None  # "… 2018: …": a figure, no label
    folded = [fold(w.group(0).lower(), tables) for w in words]
    for size in range(min(3, len(words)), 0, -1):
        if tuple(folded[-size:]) in reading.exercise_labels:
            return offset + words[-size].start()
    return None


_LABEL_NUMBER = re.compile(r"(?<![\d.,])(\d)\s*[:.)](?=\s|$)")  # "2:", "2)", "2." of "Q2: …"
_LETTER_POINTER = re.compile(  # (not "mụcc tiêu": a slip; nor "ý e", "ý a": ý em, ý anh)
    r"\b(ý|mục|phần)(?:\s*\(([a-eA-E])\)|\s+([b-dB-D])(?![^\W\d_]))", re.IGNORECASE
)


# the words _LETTER_POINTER opens with, lowercased: no other character matches them ignoring case
_POINTERS = re.compile(r"ý|mục|phần")


def _by_number(found: re.Match[str]) -> str:
    """ "ý (b)" as "ý thứ hai": the place said in words (a digit would read as a figure)."""
    letter = (found.group(2) or found.group(3)).lower()
    return f"{found.group(1)} thứ {PLACES[ord(letter) - ord('a')]}"


PLACES = ("nhất", "hai", "ba", "tư", "năm")  # "thứ …": an item's place, in words


# each opening a line or following a colon or semicolon: a list (not "số người (a) học đại học
# và (b) học thạc sĩ", one question)
_LETTERED = re.compile(r"(?:^|(?<=[\n:;])|(?<=[:;] ))(\(?)([a-eA-E])\)\s+", re.MULTILINE)
_BRACKETED = re.compile(r"(?:^|(?<=\s))(\()([a-eA-E])\)\s+")  # "(a) … (b) …" bracketed both sides
_SLASHED = re.compile(r"(?:^|(?<=[\n:;])|(?<=[:;] ))()([1-9])/\s+", re.MULTILINE)
_INLINE = re.compile(r"(?:^|(?<=\s))()([a-eA-E])\)\s+")  # "a) … b) …" typed on one line


def _inline_items(text: str, found: list[re.Match[str]]) -> bool:
    """ "a) tổng số cán bộ b) trong đó cấp xã bao nhiêu": labels on one line number items when
    words stand between each, and two only or a question asked before the last (three short
    choices and more are a quiz's: bot/quiz.py)."""
    pieces = [text[a.end() : b.start()] for a, b in pairwise(found)] + [text[found[-1].end() :]]
    if any(len(_WORD.findall(piece)) < _ITEM for piece in pieces):
        return False
    return len(found) == 2 or "?" in text[found[0].end() : found[-1].start()]


def _counted_aloud(text: str, reading: Understanding) -> str:
    """ "Một, … ? Hai, … ? Ba, …?": bare counting words, each opening a sentence with a comma,
    in order from the first, number a list as "một là, hai là, …" do (their words in YAML)."""
    if "," not in text:
        return text  # most messages: no comma, no word counted aloud before one
    counts = reading.counting_words
    found = list(_bare_counts(counts).finditer(text))
    if len(found) < 2:
        return text
    order = [counts.index(m.group(2).lower()) for m in found]
    if order != list(range(len(order))) or len({m.group(2).lower() for m in found}) < 2:
        return text  # "Hai, ba người …": not a list counted from its first item
    for m in reversed(found):
        text = f"{text[: m.start(2)]}{m.group(2)} là {text[m.end() :]}"
    return text


def _first_word(text: str) -> str:
    found = _WORD.search(text)
    return found.group(0).lower() if found else ""


# a digit opening the message or following a comma, or anywhere with a stop ("1. … 2. …")
_DIGIT_ITEM = re.compile(r"(^|[,;.]\s*)([1-9])\s+(?=[^\W\d_])|(^|\s)([1-9])\.\s*(?=[^\W\d_])")


_ITEM_DIGITS = re.compile(r"[1-9]")  # what every match of _DIGIT_ITEM holds


def _counted_by_digits(text: str, reading: Understanding, tables: Tables) -> str:
    """ "1 tong so cb cc, 2 so dang vien, 3 …": bare digits in order from 1, each opening the
    message or following a comma, number a list as "một là, hai là, …" do (not "mất 1 năm, 2
    năm …": the first opens nothing)."""
    if not _ITEM_DIGITS.search(text):
        return text  # most messages: no digit that could number an item
    found = list(_DIGIT_ITEM.finditer(text))
    counts = reading.counting_words
    order = [int(_digit(m)) for m in found]
    if len(found) < 2 or order != list(range(1, len(found) + 1)) or len(found) > len(counts):
        return text
    if any(_counts(_first_word(text[m.end() :]), reading, tables) for m in found):
        return text  # "1 người học đại học, 2 người …": counts, claimed or asked
    for m in reversed(found):
        at = m.start(2) if m.group(2) else m.start(4)
        rest = text[m.end() :]
        said = "" if _first_word(rest) == "là" else "là "  # "1 là lượt xem …": its own "là"
        text = f"{text[:at]}{counts[int(_digit(m)) - 1]} {said}{rest}"
    return text


def _counts(word: str, reading: Understanding, tables: Tables) -> bool:
    """Whether `word` counts what a digit before it says: as written when typed with its marks
    ("2. đăng báo nào" is no "2 đảng viên"), without them when typed bare ("2 dang vien")."""
    folded = fold(word, tables)
    if folded != word:
        return word in reading.counted_after_digits
    return folded in {fold(w, tables) for w in reading.counted_after_digits}


def _digit(item: re.Match[str]) -> str:
    return item.group(2) or item.group(4)


@lru_cache(maxsize=4)
def _bare_counts(counts: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in counts) or "(?!)"
    return re.compile(rf"(^|[.?!:;]\s*)({words})\s*,\s*", re.IGNORECASE)


def _then(piece: str) -> str:
    """A piece before a numbering word, ended as a sentence; one ending in a colon keeps it
    ("Một thính giả ở xã … gửi câu hỏi: thứ nhất …": who asks, read as a preamble)."""
    piece = piece.strip(" ,;-–")
    if not piece:
        return ""
    return f"{piece} " if piece.endswith(":") else f"{piece.rstrip(':').rstrip()}; "


@lru_cache(maxsize=4)
def _anywhere(enumerators: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    """Every numbering word as written, in one pattern (a first look before folding words)."""
    words = sorted({" ".join(e) for e in enumerators}, key=len, reverse=True)
    return re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words) or "(?!)")


def without_label(text: str, reading: Understanding, tables: Tables) -> str:
    """`text` without the exercise label it opens with ("Câu 1: …", "Bài 2. …", "Câu số 3)
    …": homework numbering, no figure asked), else unchanged."""
    head = text[:40]
    if not any(map(str.isdigit, head)):
        return text  # most messages: no number up front, no word folded
    numbered = _NUMBERED.match(text)  # "3) Số cán bộ … là đảng viên?": an item of a list asked
    if numbered and text[numbered.end() :].strip() and not _SECOND_ITEM.search(text):
        return text[numbered.end() :].strip()
    words = list(_WORD.finditer(head))
    folded = [fold(w.group(0).lower(), tables) for w in words]
    joined = _JOINED.fullmatch(folded[0]) if folded else None
    if joined and phrase_at([joined.group(1)], reading.exercise_labels, [joined.group(1)], 0):
        last = words[0]  # "Q3) …": label and number typed as one word
    else:
        size = phrase_at(folded, reading.exercise_labels, [w.group(0).lower() for w in words], 0)
        if not size or size >= len(words) or not folded[size].isdigit() or len(folded[size]) > 3:
            return text
        last = words[size]
    end = _LABEL_END.match(text, last.end())
    rest = text[end.end() :].strip() if end else ""
    return rest or text


def without_item_marks(text: str) -> str:
    """ "(1) 300 là gì (2) 55 là gì", "1) 294 là gì": the marks numbering a list left out, no
    figures asked (a lone "(2)" inside a sentence stays: "cán bộ cấp xã (2) có …")."""
    if ")" not in text:
        return text  # most texts: no mark (each holds a ")")
    marks = list(_ITEM_MARKS.finditer(text))
    if not marks or [int(m.group(0).strip(" ()")) for m in marks] != list(range(1, len(marks) + 1)):
        return text
    return _ITEM_MARKS.sub(" ", text) if len(marks) > 1 or marks[0].start() == 0 else text


_ITEM_MARKS = re.compile(r"(?:^|(?<=\s))\(?\d\)(?=\s|$)")  # "(2) …", "2) …"
