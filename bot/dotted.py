"""Words shortened with a dot, as notes and older typists write them ("c.bộ", "đ.viên", "tr.độ",
"bn ng.", "cấp h."): written out before anything reads the text — left in, their dots ended
sentences in the middle of a question ("bn ng. là đ.viên?" was "bn ng" and "là đ viên?").
The forms are data (normalization.yaml `dotted_words`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

# a short word and a dot, then the rest of the word or nothing (a sentence's stop may follow:
# "có bn đ.viên."): never a number ("1.999"), an hour ("8 h. sáng"), "v.v.", nor a dot inside a
# longer run ("tp.hcm.vn")
_DOTTED = re.compile(r"(?<![\w.])(?<!\d\s)([^\W\d_]{1,3})\.([^\W\d_]*)(?!\w)(?!\.\w)")
# … and after a dotted word alone, a capital starting a word of small letters starts a sentence
# ("… toàn h. Bao nhiêu người …?"), not an acronym ("c.bộ h. ĐBĐ")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def undotted(text: str, dotted: Mapping[str, str]) -> str:
    """`text` with each dotted form `dotted` knows (keys NFC, lower case) written out."""

    def written_out(found: re.Match[str]) -> str:
        key = f"{found.group(1)}.{found.group(2)}".casefold()
        word = dotted.get(unicodedata.normalize("NFC", key))
        if word is None:
            return found.group(0)
        after = _NEXT_WORD.match(text, found.end())
        ends = not found.group(2) and after is not None and _starts_a_sentence(after.group(1))
        return f"{word}." if ends else word

    return _DOTTED.sub(written_out, text)


def _starts_a_sentence(word: str) -> bool:
    return word[0].isupper() and any(c.islower() for c in word[1:])
