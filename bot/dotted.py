"""Words shortened with a dot, as notes and older typists write them ("c.bộ", "đ.viên", "tr.độ",
"bn ng.", "cấp h."): written out before anything reads the text — left in, their dots ended
sentences in the middle of a question ("bn ng. là đ.viên?" was "bn ng" and "là đ viên?").
The forms are data (normalization.yaml `dotted_words`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

# a short word and a dot, then the rest of the word or nothing: never a number ("1.999"), an
# ellipsis or "v.v.", nor a dot inside a longer run ("tp.hcm.vn")
_DOTTED = re.compile(r"(?<![\w.])([^\W\d_]{1,3})\.([^\W\d_]*)(?![\w.])")


def undotted(text: str, dotted: Mapping[str, str]) -> str:
    """`text` with each dotted form `dotted` knows (keys NFC, lower case) written out."""

    def written_out(found: re.Match[str]) -> str:
        key = f"{found.group(1)}.{found.group(2)}".casefold()
        return dotted.get(unicodedata.normalize("NFC", key), found.group(0))

    return _DOTTED.sub(written_out, text)
