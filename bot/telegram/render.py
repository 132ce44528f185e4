"""Plain text → Telegram HTML: escaping, filling templates, and cutting long texts into messages."""

from __future__ import annotations

import html
import string
import unicodedata
from typing import Final

MAX_MESSAGE: Final = 4096  # Bot API sendMessage: 1-4096 characters after entity parsing


class Html(str):
    """A string that is already Telegram HTML; `render` inserts it without escaping."""

    __slots__ = ()


def escape(text: str) -> str:
    """Plain text → Telegram HTML text (only <, > and & are special there)."""
    return html.escape(text, quote=False)


def bold(text: str) -> Html:
    return Html(f"<b>{escape(text)}</b>")


def render(template: str, **values: object) -> str:
    """Fill a plain-text template: its own text and every value are escaped, except `Html` values."""
    out: list[str] = []
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        out.append(escape(literal))
        if name is not None:
            value = values[name]
            out.append(value if isinstance(value, Html) else escape(str(value)))
    return "".join(out)


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Cut plain text into messages Telegram accepts, at a paragraph, line, sentence or word break.

    Telegram counts UTF-16 code units; Vietnamese letters are one unit each, emoji two.
    """
    text = text.strip()
    parts: list[str] = []
    while _utf16_len(text) > limit:
        cut = _break_point(text, _longest_prefix(text, limit))
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        parts.append(text)
    return parts


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _longest_prefix(text: str, limit: int) -> int:
    """How many characters of `text` fit in `limit` UTF-16 units."""
    units = 0
    for i, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return i
    return len(text)


def _break_point(text: str, end: int) -> int:
    """Where to cut `text` at or before `end`: the latest natural break in its second half."""
    window = text[:end]
    for separator in ("\n\n", "\n", ". ", "! ", "? ", "; ", ", ", " "):
        at = window.rfind(separator)
        if at >= end // 2:
            return at + len(separator)
    cut = end
    # Never strand a combining tone mark (NFD text) at the start of the next message.
    while cut > 1 and unicodedata.combining(text[cut]):
        cut -= 1
    return cut
