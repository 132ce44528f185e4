"""The later parts of a regular expression that every match must reach, as patterns of their own.

A scope rule (bot/scope.py) is searched when a text holds a word its matches begin with ("cán
bộ"), but some rules then need a rarer word further on ("… ở Singapore", "… khác nhau"), and the
search tried every way to reach it (~50 µs a message for three rules). A tail of the pattern's
top level that opens with `\\b` is matched by every match of the whole, so the heads of that
tail (bot/regex_heads.py) are words or texts a text must also hold to match.
"""

from __future__ import annotations

import re

# an escape, a character class (a "]" first in it is literal), a parenthesis or a bar
_TOKEN = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]", re.DOTALL)
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")  # "(?i)": a tail read alone would lose it


def tails(pattern: str) -> list[str]:
    """The tails of `pattern` that open with `\\b` at its top level (never the whole), or none
    when its top level has branches (a tail of one branch is no part of another's matches)."""
    if _GLOBAL_FLAGS.match(pattern):
        return []
    depth, starts = 0, []
    for token in _TOKEN.finditer(pattern):
        text = token.group()
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif depth == 0 and text == "|":
            return []
        elif depth == 0 and text == "\\b" and token.start() > 0:
            starts.append(token.start())
    return [pattern[start:] for start in starts]
