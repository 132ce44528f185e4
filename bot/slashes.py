"""A slash between two words joins them as "và" ("bí thư/phó bí thư", "ĐH/ThS bn", "cán
bộ/công chức"), as the article writes them: left a mere separator, the two ran together. Not
between two initials, which name one thing ("03-NQ/HU", "TC/CC" — as typed, or two letters
each once case-folded), nor between figures ("1.066/1.999", "06/08/2018")."""

from __future__ import annotations

import re

_SLASHED = re.compile(r"([^\W\d_]+)/(?=([^\W\d_]+))")


def slash_joined(text: str) -> str:
    """`text` (before case folding) with a slash between two words written as " và "."""

    def joined(found: re.Match[str]) -> str:
        left, right = found.group(1), found.group(2)
        # (read again once case-folded: two short plain letter runs are initials, "tc/cc")
        initials = (left.isupper() and right.isupper()) or (
            max(len(left), len(right)) < 3 and (left + right).isascii()
        )
        return found.group(0) if initials else f"{left} và "

    return _SLASHED.sub(joined, text)
