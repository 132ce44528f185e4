"""A message typed in VNI with the input method off ("ca1n bo65 co6ng chu71c" — cán bộ công
chức; "d9u7o75c", "ngu7o7i2"), written out before anything reads it, as bot/untelex.py does
for telex: every reader looks for the words as the article spells them.

A word is written out only when each of its digits marks a letter before it (normalization.yaml
`vni`: 6 a hat, 7 a horn, 8 a breve, 9 the đ; 1–5 the one tone), the result is a Vietnamese
syllable and the message has two such words at least: a lone one is a name or a code ("hi2",
"lan2", "covid19"), as are "A1", a word with its marks typed ("câu1") and items numbered alike
("y1 … y2").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.normalize import Tables
from bot.syllables import is_syllable, with_tone

_TYPED = re.compile(r"(?<!\w)[^\W\d_]\w*?[1-9]\w*")  # led by a letter, a key digit in it


def unvni(text: str, tables: Tables) -> str:
    """`text` with every word typed in VNI written with its marks; equal to it when none is."""
    if not tables.vni or not _TYPED.search(text):
        return text  # most messages: no letter followed by a digit
    typed = [m for m in _TYPED.finditer(text) if not _a_code(m.group(0))]
    forms: dict[str, set[str]] = {}  # the letters of each word, and how they were typed
    for m in typed:
        forms.setdefault(_letters(m.group(0)), set()).add(m.group(0).lower())
    found = [
        (m, decoded(m.group(0), tables.vni))
        for m in typed
        if len(forms[_letters(m.group(0))]) == 1  # "cau1 … cau2", "y1 … y2": numbered items
    ]
    words = [(m, word) for m, word in found if word is not None]
    if len(words) < 2:
        return text  # one word alone is a name or a code ("hi2", "lan2"); VNI comes in runs
    for m, word in reversed(words):
        text = text[: m.start()] + word + text[m.end() :]
    return text


def _letters(typed: str) -> str:
    return "".join(ch for ch in typed.lower() if not ch.isdigit())


def _a_code(typed: str) -> bool:
    """ "A1", "B2", "câu1": a letter alone with its number, or a word typed with its marks."""
    letters = _letters(typed)
    return len(letters) < 2 or not letters.isascii()


def decoded(typed: str, keys: Mapping[str, str]) -> str | None:
    """'ca61p' → 'cấp', 'd9u7o75c' → 'được'; None when `typed` is no VNI syllable."""
    word = typed
    for key, letter in keys.items():  # "dda2o": a telex đ in the same word
        if key.isalpha() and word.lower().startswith(key):
            word = (letter.upper() if word[0].isupper() else letter) + word[len(key) :]
    letters: list[str] = []
    tone = ""
    for ch in word:
        if not ch.isdigit():
            letters.append(ch)
            continue
        mark = keys.get(ch)
        if mark is not None:  # a tone: one per word
            if tone or not letters:
                return None
            tone = mark
        elif not _marked(letters, ch, keys):
            return None
    plain = "".join(letters)
    if not plain.isalpha() or not is_syllable(plain.lower(), tone):
        return None
    out = with_tone(plain.lower(), tone)
    return out[0].upper() + out[1:] if plain[0].isupper() else out


def _marked(letters: list[str], digit: str, keys: Mapping[str, str]) -> bool:
    """The nearest letter before `digit` that it marks (two letters for "uo7": ươ), marked."""
    for at in range(len(letters) - 1, -1, -1):
        for size in (2, 1):
            start = at - size + 1
            if start < 0:
                continue
            typed = "".join(letters[start : at + 1])
            mark = keys.get(typed.lower() + digit)
            if mark is not None:
                upper = [c.isupper() for c in typed]
                letters[start : at + 1] = [
                    m.upper() if u else m for m, u in zip(mark, upper, strict=True)
                ]
                return True
    return False
