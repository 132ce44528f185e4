"""The question at the end of a message that first tells a story ("Chào bot. Em mới vào làm
công chức xã được 3 tháng, đang lo không biết có được cho đi học không. Bài … nói công chức cấp
xã được đào tạo tập trung vào cái gì vậy?"): the last sentence, when it alone is answered surely
and the sentences before it answer nothing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.reading import Reader

_SENTENCES = re.compile(r"(?<=[.!?…])\s+")
SURE = 80  # the last sentence's score, alone, for the sentences before it to be left out


def last_question(reader: Reader, question: str) -> str | None:
    """The last sentence of `question` when it ends with "?" (and no earlier one does), is
    answered surely on its own, and what comes before it is neither answered nor a choice."""
    sentences = [s for s in _SENTENCES.split(question.strip()) if s]
    if len(sentences) < 2 or not sentences[-1].endswith("?"):
        return None
    if any("?" in s for s in sentences[:-1]):
        return None  # questions before it: read with it
    last, before = sentences[-1], " ".join(sentences[:-1])
    alone = reader.single(last, reader.match(last), ())
    if alone.status != "answer" or alone.score < SURE:
        return None
    told = reader.responder.decide(before, reader.match(before), None)
    return last if told.status in ("fallback", "smalltalk") else None
