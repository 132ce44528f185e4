"""A follow-up that opens by saying back the last answer before asking on ("21. Trên h.?",
"712 đ.viên, 168 có LLCT. Mà 712 sao trùng …?", "Thiếu và yếu, tr.độ kém. Rồi h. làm gì?"):
the echo is read past — read with the rest, its figure and words named the fact just given
again, or another fact of the same figure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import message_memo
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.reading import Reader

_PIECE_END = re.compile(r"[.,;:](?!\d)\s*")  # not inside a figure ("1.999", "08:37")


def without_echo(reader: Reader, text: str, earlier: tuple[str, ...]) -> str | None:
    """`text` without the pieces that open it and only say back the last answer's figures and
    words, when a piece that asks follows; else None."""
    previous = [i for i in map(reader.kb.intent, earlier) if i is not None]
    if not previous or not any(c.isdigit() for c in text.split(" ", 1)[0]):
        return None  # an echo opens with a figure of the last answer
    figures = {f for i in previous for f in (*i.figures, *numbers_in(i.answer))}
    said = {
        w for i in previous for w in message_memo.words(reader.responder.matcher, i.answer).folded
    }
    light, start = reader.light_words, 0
    for found in _PIECE_END.finditer(text):
        piece = message_memo.words(reader.responder.matcher, text[start : found.start()])
        if not piece.folded or not all(
            w in said or w in light or (w[:1].isdigit() and w in figures) for w in piece.folded
        ):
            break
        if not set(numbers_in(text[start : found.start()])) <= figures:
            break
        start = found.end()
    rest = text[start:].strip()
    return rest if start and rest and "?" in rest else None
