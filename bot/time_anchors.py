"""Numbers that say when, not which figure: a date ("ngày 20/10", "20/10/2018") and a year
after a time word ("sau năm 2020 huyện làm gì tiếp?", "trước 2011"). Such a number is never
looked up as a figure of the article (bot/figures.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.kb.reading_words import Phrases
from bot.normalize import canonical_number

YEAR_WORDS = ("nam", "year")
_DATE = re.compile(r"(?<![\d.,/])(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?(?![\d/]|[.,]\d)")
_DAY_WORD = re.compile(r"\b(?:ngày|ngay|hôm|hom|mùng|mung|date|on)\s*$", re.IGNORECASE)


def placed_in_time(question: str, folded: Sequence[str], anchors: Phrases) -> set[str]:
    """The numbers of `question` (canonical) that date it; `folded` are its folded words."""
    placed: set[str] = set()
    for date in _DATE.finditer(question):
        day, month, year = date.groups()
        if not (year or _DAY_WORD.search(question[: date.start()])):
            continue
        if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
            continue
        placed |= {canonical_number(n) for n in (day, month, year) if n}
    anchored = set(anchors)
    for i, word in enumerate(folded):
        if not (word.isdigit() and len(word) == 4 and word[:2] in ("19", "20")):
            continue
        before = i - 1 if i > 0 and folded[i - 1] in YEAR_WORDS else i
        if any(tuple(folded[max(0, before - k) : before]) in anchored for k in (1, 2)):
            placed.add(word)
    return placed
