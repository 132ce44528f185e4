"""Vietnamese syllables as spelled: whether letters can be one, and where its tone mark goes —
for a word typed in telex that the knowledge base has never seen ("dayj" is dạy, "trwf" trừ)."""

from __future__ import annotations

import re
import unicodedata

_ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip
_RHYME = re.compile(r"^(?P<vowels>[aăâeêioôơuưy]{1,3})(?P<final>ch|ng|nh|c|m|n|p|t)?$")
_FRONT = frozenset("ieêy")  # k, gh and ngh only before these
_MARKED = "ơêâăôư"  # a vowel with a hat or horn takes the tone ("ươ": the ơ)
_STOPS = frozenset({"c", "ch", "p", "t"})
_ACUTE, _DOT = "\u0301", "\u0323"


def _split(letters: str) -> tuple[str, str] | None:
    for onset in _ONSETS:
        if letters.startswith(onset) and _RHYME.match(letters[len(onset) :]):
            return onset, letters[len(onset) :]
    return None


def is_syllable(letters: str, tone: str) -> bool:
    """Whether `letters` (hats and horns on, no tone) with `tone` spell a Vietnamese syllable:
    'day' and a dot do (dạy); 'ko' does not (k before o), nor 'cac' without an acute or a dot."""
    parts = _split(letters)
    if parts is None:
        return False
    onset, rhyme = parts
    found = _RHYME.match(rhyme)
    assert found is not None
    first, final = rhyme[0], found.group("final")
    if onset in ("k", "gh", "ngh") and first not in _FRONT:
        return False
    if (onset in ("c", "ng") and first in "ieê") or (onset == "g" and first in "eê"):
        return False  # "ci", "ngi", "ge": spelled ki, nghi, ghe
    return final not in _STOPS or tone in (_ACUTE, _DOT)


def with_tone(letters: str, tone: str) -> str:
    """`letters` with the tone mark on the vowel that carries it ("hóa", "người", "dạy")."""
    if not tone:
        return letters
    onset, rhyme = _split(letters) or ("", letters)
    found = _RHYME.match(rhyme)
    vowels = found.group("vowels") if found else rhyme
    if onset in ("qu", "gi") or not vowels:
        at = 0
    elif "ươ" in vowels:
        at = vowels.index("ơ")
    elif any(v in _MARKED for v in vowels):
        at = max(vowels.index(v) for v in _MARKED if v in vowels)
    elif found and found.group("final"):
        at = len(vowels) - 1  # "hoàng", "thuyết": the last vowel before the final consonant
    else:
        at = len(vowels) // 2 if len(vowels) == 3 else 0  # "ngoài", "dạy", "hóa"
    place = len(onset) + at
    marked = letters[: place + 1] + tone + letters[place + 1 :]
    return unicodedata.normalize("NFC", marked)
