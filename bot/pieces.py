"""The message cut at every comma and sentence end: the pieces where a question may start
after what the asker tells first (bot/preambles.py reads them, once each, bot/message_memo.py)."""

from __future__ import annotations

import re

from bot.kb.bound_pairs import COMMA
from bot.message_words import WORD
from bot.normalize import Tables, clean
from bot.understanding import SENTENCE_END


def leading_pieces(text: str, tables: Tables) -> list[tuple[str, str, str]]:
    """The message cut at every comma and sentence end (a number's own separators kept): each
    piece, the rest of the message after it, and the rest after its sentence ("" in the last)."""
    cleaned = clean(text, tables)
    ends = sorted({m.end() for m in SENTENCE_END.finditer(cleaned)})
    cuts = sorted({*ends, *(m.end() for m in COMMA.finditer(cleaned))})
    # never inside brackets: "… citation details (author, outlet, date). …" is one piece
    inside = [(m.start(), m.end()) for m in _BRACKETED.finditer(cleaned)]
    cuts = [c for c in cuts if not any(a < c < b for a, b in inside)]
    pieces, start = [], 0
    for end in [*cuts, len(cleaned)]:
        piece = cleaned[start:end]
        sentence_end = next((e for e in ends if e >= end), len(cleaned))
        if WORD.search(piece):
            after, after_sentence = cleaned[end:].strip(), cleaned[sentence_end:].strip()
            pieces.append((piece.strip(" ,.;:!?…\n"), after, after_sentence))
        start = end
    return pieces


_BRACKETED = re.compile(r"\([^()]*\)")
