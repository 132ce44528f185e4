"""Diacritics dropped fast where that gives what Unicode gives, and the folding table applied.

Folding a text (a word is folded once and kept, a text is not) decomposed it (NFD), dropped the
marks one character at a time in Python and composed it again (NFC), then translated it: ~15 µs
a message, and the reading folds a message's whole text to search it (bot/preambles.py). For
ASCII, a Latin letter whose decomposition is an ASCII letter and marks, a mark alone, or a Latin
letter with no decomposition ("đ"), each character folds to one character (or none) and nothing
left composes again once the marks are gone: NFD and one regex removing the marks give the same
text. A text with any other character (another script, a compatibility form) takes the Unicode
path.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache

# Latin-1 and Latin Extended A and B, the combining diacritics, Latin Extended Additional (ệ, ữ)
_RANGES = ((0x80, 0x250), (0x300, 0x370), (0x1E00, 0x1F00))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A pattern finding any character the shortcut cannot fold, and one finding the marks of
    the others once decomposed; built when first needed (not at import: ~1 ms of a cold start).

    Folded by the shortcut: ASCII, a Latin letter whose decomposition is an ASCII letter and
    marks ("ệ"), marks alone, a Latin letter of no decomposition ("đ", "ð"). Each is one
    character for one (or none), and no two such characters compose: checked over every pair
    of them once, and tested over each with the marks and letters that may follow."""
    kept: list[str] = []
    marks: set[str] = set()
    for start, end in _RANGES:
        for code in range(start, end):
            char = chr(code)
            if unicodedata.normalize("NFC", char) != char:
                continue  # a singleton or a compatibility form: the Unicode path
            decomposed = unicodedata.normalize("NFD", char)
            base, rest = decomposed[0], decomposed[1:]
            bare = unicodedata.combining(base) or base.isascii()  # a mark, or "e" of "ệ"
            if not (bare and all(unicodedata.combining(m) for m in rest)) and (
                rest or 0x300 <= code < 0x370
            ):
                continue  # another letter with marks (its base would stay as it is)
            marks.update(c for c in decomposed if unicodedata.combining(c))
            kept.append(char)
    other = re.compile(f"[^\\x00-\\x7f{''.join(kept)}]")
    return other, re.compile(f"[{''.join(sorted(marks))}]+")


def without_marks(text: str) -> str:
    """NFC(`text` decomposed, without its combining marks): a regex and NFD (~5 µs a message)
    when every character is one the shortcut folds, else the Unicode path (~15 µs)."""
    if text.isascii():
        return text
    other, marks = _patterns()
    if not other.search(text):
        return marks.sub("", unicodedata.normalize("NFD", text))
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


_Plan = tuple[Mapping[int, str | None], bool, tuple[tuple[str, str], ...] | None]
_PLANS: dict[int, _Plan] = {}  # by the table's identity (a process has one or two)


def translated(text: str, table: Mapping[int, str | None]) -> str:
    """`text.translate(table)`: a look-up per character cost ~10 µs a message, though the
    folding table has a letter or two ("đ"): an ASCII text it has no key of is left as it is,
    else each key is replaced in turn (when no value holds a key, the same text)."""
    plan = _PLANS.get(id(table))
    if plan is None or plan[0] is not table:
        if len(_PLANS) >= 64:
            _PLANS.clear()
        plan = _PLANS[id(table)] = _plan(table)  # the table is held: its id is not reused
    _, ascii_keys, replacements = plan
    if not ascii_keys and text.isascii():
        return text
    if replacements is None:
        return text.translate(table)
    for old, new in replacements:
        if old in text:
            text = text.replace(old, new)
    return text


def _plan(table: Mapping[int, str | None]) -> _Plan:
    keys, values = "".join(map(chr, table)), list(table.values())
    ascii_keys = any(k < 128 for k in table)
    simple = len(table) <= 8 and all(v is None or isinstance(v, str) for v in values)
    if not simple or any(k in (v or "") for k in keys for v in values):
        return table, ascii_keys, None  # a value holding a key: replaced again, unlike translate
    return table, ascii_keys, tuple((chr(k), v or "") for k, v in table.items())
