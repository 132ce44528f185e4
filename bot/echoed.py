"""A terse follow-up that opens by saying back the last answer's figure ("21. Trên h.?", "55
ng. Còn x.?", "712 ng. đi ĐH. th.sĩ?"): the echo is read past — read with the rest, its figure
and words named the fact just given again. Only a short question after it (a
longer one may ask of that figure: "712 đảng viên, trong đó bao nhiêu người học …?"), never one
that points back or checks ("10 người cấp xã, đúng không?")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import message_memo
from bot.phrases import has_phrase
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.reading import Reader

_PIECE_END = re.compile(r"[.,;:](?!\d)\s*")  # not inside a figure ("1.999", "08:37")
SHORT = 5  # words at most in the question after an echo


def without_echo(reader: Reader, text: str, earlier: tuple[str, ...]) -> str | None:
    """`text` without the pieces that open it and only say back the last answer (its own
    figures, its answer's words), when a short question follows; else None."""
    previous = [i for i in map(reader.kb.intent, earlier) if i is not None]
    if not previous or not any(c.isdigit() for c in text.split(" ", 1)[0]):
        return None  # an echo opens with a figure of the last answer
    figures = {f for i in previous for f in i.figures}  # (not another level's in brackets)
    matcher = reader.responder.matcher
    said = {w for i in previous for w in message_memo.words(matcher, i.answer).folded}
    light, start = reader.light_words, 0
    for found in _PIECE_END.finditer(text):
        piece = text[start : found.start()]
        words = message_memo.words(matcher, piece).folded
        if not words or not all(w in said or w in light or w in figures for w in words):
            break
        if not set(numbers_in(piece)) <= figures:
            break
        start = found.end()
    rest = text[start:].strip()
    if not start or "?" not in rest:
        return None
    asked = message_memo.words(matcher, rest)
    reading = reader.reading
    points = set(asked.folded) & reading.referring_words  # "trong đó …", "số đó …"
    checks = has_phrase(asked.folded, reading.confirmations, asked.tokens)  # "đúng không?"
    return rest if len(asked.folded) <= SHORT and not points and not checks else None
