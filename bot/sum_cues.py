"""Where a message's words ask for a sum ("tổng cộng", "tất cả là bao nhiêu"), told apart from
words asking for every figure ("tất cả các con số về …"), which sum nothing (bot/totals.py reads
what a message asking a total asks of it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.phrases import spans

if TYPE_CHECKING:
    from bot.kb import Understanding


def sum_cues(
    folded: Sequence[str], tokens: Sequence[str], reading: Understanding
) -> list[tuple[int, int]]:
    """Where the words ask for a sum ("tổng cộng", "tất cả là bao nhiêu") — not "tất cả các
    con số về …", "tất cả số liệu": every figure asked, none summed."""
    figures = figure_spans(folded, tokens, reading)
    every = set(reading.every_figure_asks)  # "tất cả", "hết" (not "cộng số …", "gộp số …")
    return [
        (a, b)
        for a, b in spans(folded, reading.total_cues, tokens)
        if tuple(folded[a:b]) not in every or not figures_asked(folded, b, figures)
    ]


_PLURALS = frozenset({"cac", "nhung"})  # "tất cả các con số"
_REFERRING = frozenset({"do", "nay", "ay", "kia", "tren"})  # "tất cả các con số đó": a sum


def figure_spans(
    folded: Sequence[str], tokens: Sequence[str], reading: Understanding
) -> dict[int, int]:
    """Where "con số", "số liệu", "số" start → where they end (the longest at each start)."""
    found: dict[int, int] = {}
    for a, b in spans(folded, reading.figure_things, tokens):
        found[a] = max(found.get(a, b), b)
    return found


def figures_asked(
    folded: Sequence[str], at: int, figures: dict[int, int], listing: bool = False
) -> bool:
    """Whether "con số", "số liệu" stand at `at` (after "các", "những") and no word pointing
    at figures just given follows them ("tất cả các con số đó" is a sum of those); a bare "số"
    ("các con số" once normalized) only before what it is about ("… số về lý luận chính trị"),
    not before what it counts ("tất cả số cán bộ cấp xã": one count) — unless a list is asked
    outright (`listing`: "liệt kê số người học A, B, C")."""
    at += at < len(folded) and folded[at] in _PLURALS
    end = figures.get(at)
    if end is None:
        return False
    if end == len(folded):
        return True
    bare = list(folded[at:end]) == ["so"]
    return folded[end] not in _REFERRING and (not bare or listing or folded[end] in _ABOUT)


_ABOUT = frozenset({"ve", "lien", "cua", "trong", "co", "o", "about", "on", "in", "of"})
