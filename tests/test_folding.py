"""The fast fold (bot/folding.py) gives what the Unicode path gives, for every text."""

from __future__ import annotations

import random
import unicodedata

from bot.folding import translated, without_marks

# the ranges the shortcut folds, ASCII, and a few characters it must leave to Unicode
_CHARS = [
    *map(chr, range(0x20, 0x250)),
    *map(chr, range(0x300, 0x370)),
    *map(chr, range(0x1E00, 0x1F00)),
    *"\u212b\u0344\u1100\u1161\u0b47\u0b3e\u2260\u226e\u034f\u00a0",
]


def _unicode(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def test_every_character_and_every_pair_fold_as_unicode_folds_them():
    for a in _CHARS:
        assert without_marks(a) == _unicode(a), repr(a)
    # what may follow and compose: marks, and letters (every pair was checked once, ~4 s)
    seconds = [*map(chr, range(0x300, 0x370)), *"aAeEoOuUyYđĐăâêôơư\u1161\u0b3e"]
    wrong = [a + b for a in _CHARS for b in seconds if without_marks(a + b) != _unicode(a + b)]
    assert not wrong


def test_random_texts_fold_as_unicode_folds_them():
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(_CHARS) for _ in range(rng.randint(0, 12)))
        assert without_marks(text) == _unicode(text), repr(text)


def test_vietnamese_and_other_scripts():
    for text in (
        "Điện Biên Đông",
        "bồi dưỡng lý luận chính trị",
        "Ngô Văn Thanh",
        "한국어 ㄱ",
        "Å",
    ):
        assert without_marks(text) == _unicode(text)


def test_translated_is_str_translate():
    rng = random.Random(3)
    tables = [
        {ord("đ"): "d"},
        {ord("đ"): "d", ord("Đ"): "D"},
        {ord("a"): "b", ord("b"): "c"},  # a value holding a key: translate's one pass
        {ord("đ"): None, ord("x"): "yy"},
        {},
    ]
    for table in tables:
        for _ in range(2_000):
            text = "".join(rng.choice("abxyđĐ eé") for _ in range(rng.randint(0, 8)))
            assert translated(text, table) == text.translate(table), (text, table)
