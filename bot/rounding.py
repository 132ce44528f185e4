"""Rounded numbers read as the article's figures: "gần 2000 cán bộ" names its 1.999."""

from __future__ import annotations

from collections.abc import Iterable

from bot.kb import KnowledgeBase
from bot.normalize import Normalized

_ROUNDING = 0.05  # "gần 2000" is 1.999: a rounded number within this share of an article figure


def rounded_to_article(question: Normalized, kb: KnowledgeBase) -> Normalized:
    """A number after a word that rounds it ("gần", "khoảng"), within 5 % of one of the
    article's figures, read as that figure; a word that only rounds is then left out, and so
    is a number saying how long the reply should be, with its unit ("2 câu")."""
    if not any(map(str.isdigit, question.tokens)):
        return question  # most questions: no number, nothing to read (both rules need one)
    tokens = list(question.tokens)
    before = ("", *question.folded)
    dropped: set[int] = set()  # "gần", "khoảng" before a figure of the article: nothing more
    settings = kb.settings
    after = (*question.tokens[1:], "")
    for i, (word, unit) in enumerate(zip(question.tokens, after, strict=False)):
        if not word.isdigit() or unit not in settings.reply_format_units:
            continue  # (the words around are read only after a number and its unit)
        closing = set(question.folded[i + 2 :]) <= settings.reply_format_closers
        after_cue = not settings.reply_format_before.isdisjoint(question.folded[max(0, i - 3) : i])
        if closing and after_cue:
            dropped |= {i, i + 1}  # "tóm tắt 2 câu thôi": the reply's length, no figure
    for i, (cue, word) in enumerate(zip(before, question.tokens, strict=False)):
        if cue not in kb.settings.approximate_cues or not word.isdigit():
            continue
        near = (
            word if word in kb.article_numbers else nearest_figure(float(word), kb.article_numbers)
        )
        if near is not None:
            tokens[i] = near
            dropped |= {i - 1} if cue in kb.settings.rounding_cues else set()
    if tokens == list(question.tokens) and not dropped:
        return question
    kept = [n for n in range(len(tokens)) if n not in dropped]
    return Normalized(
        tuple(tokens[n] for n in kept),
        tuple(tokens[n] if tokens[n][:1].isdigit() else question.folded[n] for n in kept),
    )


def nearest_figure(value: float, figures: Iterable[str]) -> str | None:
    """Of `figures` (canonical), the nearest within 5 % of `value`, if any: the article's for
    the matcher, the asked fact's own for a claimed figure (bot/claims.py)."""
    near = [
        (abs(float(n) - value), n)
        for n in figures
        if n.replace(".", "", 1).isdigit()
        and abs(float(n) - value) <= _ROUNDING * max(abs(float(n)), 1.0)
    ]
    return min(near)[1] if near else None
