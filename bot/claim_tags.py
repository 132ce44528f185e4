"""A statement closed by a tag asking it be confirmed ("cấp xã có 249 cán bộ nhỉ", the Centre's
"tổng là 31 hỉ?"): a claim to check, like "…, đúng không?" — unless the message asks something
else as well ("cấp huyện có 10 người, vậy cấp xã mấy người nhỉ" asks the commune's figure)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.phrases import asks, ends_with, has_phrase, joined, spans

if TYPE_CHECKING:
    from bot.kb.model import Understanding
    from bot.normalize import Normalized


def tagged(reading: Understanding, words: Normalized, light: frozenset[str]) -> bool:
    """Closed by a tag and asking nothing else: no question word, comparison, "còn" or "hay",
    and no total asked ("tổng mấy người nhỉ"; "tổng là 31 nhỉ" states one)."""
    if not ends_with(words.tokens, reading.claim_tags):
        return False
    asking = joined(reading.tag_askers, reading.comparison_cues)
    totals = spans(words.folded, reading.total_cues, words.tokens)
    summed = any(not _states(words.folded[b:], light) for _, b in totals)
    return not (asks(words, reading) or summed or has_phrase(words.folded, asking, words.tokens))


def _states(after: Sequence[str], light: frozenset[str]) -> bool:
    """ "(tổng) là 31": a figure right after light words — the total stated, not asked."""
    return any(w[:1].isdigit() and all(x in light for x in after[:i]) for i, w in enumerate(after))
