"""Whether a piece of a message surely greets ("xin chào", "hi") or is other smalltalk, known
for most pieces before they are matched.

That was asked by matching the piece in full (~0.25 ms, a tenth of the slowest messages),
though its question coverage of every greeting was far too low. A score is at most 100 ×
question coverage ^ share × phrasing ceiling ^ (1 − share), the bound bot/shortlist.py ranks
by (slot penalties and a number the article lacks only lower it): when that is under the bar
for every smalltalk intent asked about, none of them reaches it, and the piece needs no match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from bot.recent import ByValue

if TYPE_CHECKING:
    from bot.matcher import Matcher
    from bot.normalize import Normalized
    from bot.reading import Reader

_MARGIN = 1 + 1e-9  # float noise in the sums (as the shortlist's bound allows)
_ROUNDED = 1e-6  # a score is rounded to 6 decimals: it may pass its unrounded value by this
_PIECES = 8192  # pieces of messages kept with whether a greeting may reach the bar


class Greetings:
    """Smalltalk for sure, read by a reader (built once per KB)."""

    def __init__(self, reader: Reader) -> None:
        self.reader, self.matcher = reader, reader.responder.matcher
        self._answer = reader.kb.settings.thresholds.answer
        intents = self.matcher.kb.intents  # in their order: the index numbers them so
        self._count = len(intents)
        self._smalltalk = {k: i.id for k, i in enumerate(intents) if i.kind == "smalltalk"}
        self._places: dict[str, np.ndarray] = {}  # by the one asked about ("": any smalltalk)
        self._reached: ByValue[tuple, bool] = ByValue(_PIECES)

    def surely(self, piece: str, only: str = "") -> bool:
        """Surely smalltalk (`only` that intent, when given), not merely near nothing ("…
        Mường Nhé": 50): the best candidate, scoring at least the bar that answers."""
        if not self.may_reach(self.reader.words(piece), only, self._answer):
            return False  # no smalltalk intent can score that high: no need to match the piece
        best = next(iter(self.reader.match(piece).candidates), None)
        kind = best is not None and best.intent.kind == "smalltalk" and only in ("", best.intent.id)
        return kind and best.score >= self._answer

    def may_reach(self, question: Normalized, only: str, floor: float) -> bool:
        """Whether a smalltalk intent (`only` that one, when given) may score `floor` or more
        for `question` (as the matcher reads it): False only when none can (kept by its words:
        "cảm ơn", "xin chào bạn" come back from message to message)."""
        key = (question.tokens, question.folded, only, floor)
        return self._reached.get(key, lambda: self._may_reach(question, only, floor))

    def _may_reach(self, question: Normalized, only: str, floor: float) -> bool:
        places = self._places.get(only)
        if places is None:
            places = self._places[only] = np.zeros(self._count, dtype=bool)
            places[[k for k, name in self._smalltalk.items() if only in ("", name)]] = True
        return may_reach(self.matcher, question, places, floor)


def may_reach(matcher: Matcher, question: Normalized, places: np.ndarray, floor: float) -> bool:
    """Whether an intent marked in `places` (per intent of the KB, in its order) may score
    `floor` or more."""
    features, _, _ = matcher.features(question)
    weights = matcher.weights
    total = sum(f.weight for f in features)
    if not features or total <= 0 or not any(f.weight > weights.filler for f in features):
        return False  # the matcher finds no candidate at all
    share = weights.question_share
    if not 0 <= share <= 1 or weights.unknown_number > 1 or matcher.kb.settings.slot_penalty > 1:
        return True  # no bound (a smaller phrasing coverage, or a factor, would raise a score)
    intents, coverage, present = matcher.coverage.question(features, total)
    reached = places[intents].nonzero()[0]  # (a million phrasings reach ~100,000 intents)
    if not len(reached):
        return False  # no word of the question is one of theirs: none is a candidate
    ceilings = matcher.coverage.phrasings(present).ceilings(intents[reached])
    best = max(
        100 * c**share * ceiling ** (1 - share)
        for c, ceiling in zip(coverage[reached].tolist(), ceilings.tolist(), strict=True)
    )
    return best * _MARGIN + _ROUNDED >= floor
